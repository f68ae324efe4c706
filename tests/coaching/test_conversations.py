"""Conversations with the coach, several turns each, through the domain API (Coach.reply
with a SQLite store). Figures are checked exactly."""

from __future__ import annotations

import logging

from bot.coaching.case import Case
from tests.coaching.conftest import DONE_WHEN, Chat


def test_done_when_scenario(chat):
    first = chat.say(DONE_WHEN)
    assert "*Base salary:* $168K  `|──●───────|`  lower third of the band ($155K–$220K)" in first
    assert "*Equity (4-year grant):* $100K  `|─●────────|`  lower third of the band ($80K–$225K)" in first
    assert "base $168K + equity $100K ÷ 4 + bonus $0 + sign-on $0 ÷ 4 = $193K" in first
    assert "base $168K + equity $100K ÷ 4 + bonus $0 + sign-on $0 = $193K" in first
    assert "against the guide's total-comp band ($210K–$340K): below the band" in first
    assert "Illiquid equity" in first and "50% discount" in first
    assert "$25K on paper, $12.5K risk-adjusted" in first and "$193K on paper, $180.5K risk-adjusted" in first
    assert "don't accept on the call" in first and "in writing" in first
    assert "Refreshers" in first and "Vesting" in first and "Google L4 ML" in first

    counter = chat.say("I also have another offer from Acme for $300k total")
    assert (
        "*Base salary:* $168K → *$242K*: the top of the published base band ($155K–$220K); "
        "raised to match the Acme offer ($300K total)" in counter
    )
    assert (
        "*Equity (4-year grant):* $100K → *$235K*: the guide's negotiate-up target (equity at $235K over 4 years)"
        in counter
    )
    assert "*Walk-away:* $300K: the Acme offer" in counter
    assert "*Target:* $300,750" in counter and "*Anchor:* $350K" in counter
    assert "base $242K + equity $235K ÷ 4 + bonus $0 + sign-on $0 ÷ 4 = $300,750 (+$107,750 a year)" in counter
    assert "band's top × 1.2 (the guide's +20% AI PREMIUM)" in counter
    assert "Counter at $200K-$225K equity is competitive." in counter

    email = chat.say("can you write the email?")
    assert "• Base salary: $242K (offer: $168K)" in email
    assert "• Equity (4-year grant): $235K (offer: $100K)" in email
    assert "That brings annualized total compensation to $300,750." in email
    assert "another offer from Acme at $300K in total compensation" in email
    assert "[fill in: recruiter's name]" in email and "[fill in: your name]" in email
    assert "My ML models power serverless autoscaling" in email  # the guide's first lever

    phone = chat.say("and a phone script")
    assert phone != email
    assert "Rapport" in phone and "Discovery" in phone
    assert "I'm targeting $350K total comp with equity at $235K over 4 years." in phone
    assert "AI companies offer $400K+ for ML engineers." in phone  # every lever, for the call
    assert "Could you send the updated numbers in writing?" in phone

    pushback = chat.say("they said the base is fixed")
    assert "When they say the base is fixed" in pushback
    assert (
        "ask for $74K, the first year's gap between the base you asked for and the base offered ($242K − $168K)"
        in pushback
    )
    assert "ask for $235K instead of the $100K offered" in pushback
    for lever in ("Level", "Start date", "Refreshers", "Remote"):
        assert f"*{lever}:*" in pushback

    chat.restart()  # a new process on the same store: the case is still there
    close = chat.say("they came back with $185k base and $150k stock")
    assert "*First offer, annualized:* base $168K + equity $100K ÷ 4 + bonus $0 + sign-on $0 ÷ 4 = $193K" in close
    assert "*Revised offer, annualized:* base $185K + equity $150K ÷ 4 + bonus $0 + sign-on $0 ÷ 4 = $222.5K" in close
    assert "*Gain over the first offer:* +$29.5K a year, annualized ($222.5K − $193K)" in close
    assert "Final terms in writing" in close and "409A" in close

    assert chat.say("forget me").startswith("Forget everything")
    assert chat.stored() is not None
    assert "everything I kept about you is deleted" in chat.say("yes")
    assert chat.stored() is None
    assert "I keep nothing about you" in chat.say("status")


def test_missing_pieces_are_asked_one_at_a_time_and_kept(chat):
    assert "Which location" in chat.say("I got an offer from PlanetScale")
    assert "What is the base salary?" in chat.say("remote")
    reply = chat.say("$168k")
    assert "What is the equity grant" in reply
    assert "Base $168K" in reply  # what was said before is kept
    reply = chat.say("$100k in RSUs")  # vesting years from the guide (Equity/4yr)
    assert "base $168K + equity $100K ÷ 4" in reply
    stored = Case.from_stored(chat.stored())
    assert (stored.offer.base, stored.offer.equity, stored.offer.equity_years) == (168_000, 100_000, 4)
    assert stored.region == "Remote US" and stored.guide_key == "planetscale/ml-ai-engineer"


def test_company_and_role_are_asked_first(chat):
    assert "Which company and role" in chat.say("I got an offer: $150k base")
    reply = chat.say("planetscale ml engineer")
    assert "Which location" in reply and "Base $150K" in reply


def test_absurd_amounts_get_a_question_not_a_computation(chat):
    chat.say("I got an offer from PlanetScale, remote")
    reply = chat.say("5 dollars base")
    assert "5 dollars as the base salary is far below anything the guide publishes ($155K–$220K)" in reply
    assert "=" not in reply
    reply = chat.say("99 billion base")
    assert "far above anything the guide publishes" in reply
    assert Case.from_stored(chat.stored()).offer.base is None
    assert "What is the equity grant" in chat.say("$168k base")


def test_absurd_amount_without_a_band(chat):
    reply = chat.say("I got an offer from Foo Corp for $5 base")
    assert "too small to be a year's pay" in reply


def test_another_currency_is_never_converted(chat):
    chat.say("I got an offer from PlanetScale, remote")
    reply = chat.say("£170k base")
    assert "£170k is in GBP, but the Remote US band is in USD" in reply
    assert Case.from_stored(chat.stored()).offer.base is None


def test_a_figure_with_no_word_is_asked_about(chat):
    chat.say(DONE_WHEN)
    reply = chat.say("$250k")
    assert "Is $250k another offer?" in reply


def test_bonus_and_sign_on(chat):
    reply = chat.say(
        "Offer from PlanetScale, ML engineer in SF: $200k base, $160k RSUs over 4 years, 10% bonus, $40k sign-on"
    )
    # 200,000 + 40,000 + 20,000 + 10,000
    assert "base $200K + equity $160K ÷ 4 + bonus 10% × $200K + sign-on $40K ÷ 4 = $270K" in reply
    assert "base $200K + equity $160K ÷ 4 + bonus 10% × $200K + sign-on $40K = $300K" in reply
    assert "*Target bonus:* 10% of base (the guide lists no bonus for this role)" in reply
    assert "*Sign-on:* $40K (the guide publishes no band for this)" in reply


def test_no_alternatives_is_never_invented(chat):
    chat.say(DONE_WHEN)
    reply = chat.say("no other offers")
    assert "no other offer, so the counter rests on the guide's band and levers" in reply
    assert "*Walk-away:* $193K: the offer as written" in reply
    assert "*Base salary:* $168K → *$220K*" in reply
    email = chat.say("email")
    assert "another offer" not in email
    assert "That brings annualized total compensation to $278,750." in email


def test_equity_fixed_pushback(chat):
    chat.say(DONE_WHEN)
    chat.say("no other offers")
    reply = chat.say("they told me the equity is non-negotiable")
    assert "When they say the equity is fixed" in reply
    assert "*Base:* ask for $220K ($168K offered)" in reply
    assert "*Equity:*" not in reply


def test_correction_before_the_counter_reevaluates(chat):
    chat.say(DONE_WHEN)
    reply = chat.say("sorry, the base is actually $170k")
    assert "Updated: your offer" in reply
    assert "base $170K + equity $100K ÷ 4 + bonus $0 + sign-on $0 ÷ 4 = $195K" in reply


def test_tax_and_legal_are_out_of_scope(chat):
    chat.say(DONE_WHEN)
    before = chat.stored()
    reply = chat.say("should I file an 83(b) election for taxes?")
    assert "outside what I can help with" in reply
    assert chat.stored() == before
    assert "outside what I can help with" in chat.say("is the non-compete enforceable?")


def test_plain_lookup_in_a_dm(chat, answers):
    reply = chat.say("planetscale ml remote")
    assert reply == "\n".join(m.text for m in answers.mention("planetscale ml remote"))
    assert chat.stored() is None
    chat.say(DONE_WHEN)
    assert chat.say("planetscale ml sf").startswith("*ML / AI Engineer at PlanetScale · San Francisco HQ*")
    assert Case.from_stored(chat.stored()).region == "Remote US"  # the lookup did not change the case


def test_commands(chat):
    assert "Commands" in chat.say("help")
    assert "let's work on your offer" in chat.say("hello")
    assert "nothing to forget" in chat.say("forget me")
    chat.say(DONE_WHEN)
    status = chat.say("status")
    assert "*Base:* $168K" in status and "*Equity:* $100K over 4 years" in status
    assert "I keep this for 30 days" in status
    assert "Forget everything" in chat.say("forget me")
    assert "kept your case" in chat.say("no")
    assert chat.stored() is not None
    assert "Your case is cleared" in chat.say("start over")
    assert chat.stored() is None


def test_user_text_is_escaped(chat):
    chat.say(DONE_WHEN)
    reply = chat.say("another offer from AT&T for $300k total")
    assert "the AT&amp;T offer ($300K total)" in reply
    reply = chat.say("I got an offer from <@U999> <!channel>: $150k base")
    assert "<@U999>" not in reply and "<!channel>" not in reply


def test_no_offer_figure_in_the_logs(chat, caplog):
    caplog.set_level(logging.DEBUG)
    for text in (DONE_WHEN, "another offer from Acme for $300k total", "email", "they came back with $185k base"):
        chat.say(text)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for figure in ("168", "100k", "300", "185", "241"):
        assert figure not in logged


def test_a_broken_turn_still_gets_a_reply(chat, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("$168k")

    monkeypatch.setattr(chat.coach, "turn", boom)
    assert "something went wrong on my side" in chat.say(DONE_WHEN)


def test_two_people_never_share_a_case(answers, isolated_environment):
    alice = Chat(answers, None, isolated_environment, user="A")
    bob = Chat(answers, None, isolated_environment, user="B")
    try:
        alice.say(DONE_WHEN)
        assert "I keep nothing about you" in bob.say("status")
        assert "Which company and role" in bob.say("I got an offer: $200k base")
        assert Case.from_stored(alice.stored()).offer.base == 168_000
    finally:
        alice.close()
        bob.close()


def test_a_competing_offer_in_another_currency_is_kept_as_written_and_never_compared(chat):
    """Before: "please give me the figure in USD", asking the person to convert it, and the figure
    was dropped. Now it is kept in its own currency, said so, and left out of every comparison."""
    chat.say(DONE_WHEN)
    reply = chat.say("another offer from Monzo for £150k total")
    assert (
        "Monzo offer: total £150K (in GBP: kept as written and never converted, so not compared with the USD"
        " figures)" in reply
    )
    assert "please give me the figure in USD" not in reply
    (rival,) = Case.from_stored(chat.stored()).rivals
    assert rival.company == "Monzo" and rival.currency == "GBP" and rival.total == 150_000
    assert "Walk-away:* $193K: the offer as written" in reply  # not the Monzo offer's £150K
    assert "the Monzo offer (£150K total)" in reply


def test_one_offer_in_two_currencies_is_asked_about(chat):
    chat.say(DONE_WHEN)
    chat.say("another offer from Monzo for $200k total")
    reply = chat.say("the Monzo base is £150k")
    assert "£150k is in GBP, but the rest of the offer you gave me is in USD." in reply
    (rival,) = Case.from_stored(chat.stored()).rivals
    assert rival.currency == "USD" and rival.base is None


def test_after_a_revised_offer_the_next_counter_starts_from_it(chat):
    chat.say(DONE_WHEN)
    chat.say("no other offers")
    chat.say("they came back with $185k base and $150k stock")
    email = chat.say("email")
    assert "• Base salary: $220K (offer: $185K)" in email
    assert "• Equity (4-year grant): $235K (offer: $150K)" in email


def test_targets_take_the_persons_walk_away_and_clarifications_are_kept(chat):
    chat.say(DONE_WHEN)
    chat.say("no other offers")
    reply = chat.say("my walk-away is $205k")
    assert "*Walk-away:* $205K: the figure you gave me" in reply
    assert "*Target:* $278,750" in reply and "*Anchor:* $350K" in reply
    assert "Noted." in chat.say("they leveled me at L4")
    assert Case.from_stored(chat.stored()).level == "L4"
    assert "*Level:* L4" in chat.say("status")


def test_a_lookup_by_dm_for_a_seniority_not_on_hand_says_so(chat):
    reply = chat.say("planetscale senior ml remote")
    assert "I have no *senior ml* guide or level for PlanetScale" in reply
    assert "$155K" not in reply  # no band of another seniority


def test_a_plain_offer_statement_after_the_evaluation_says_whose_it_was_read_as(chat):
    chat.say("planetscale offered me 170k base and 100k rsus for ML engineer remote")
    unnamed = chat.say("the offer is 180k base")
    assert "*Noted:* base $180K (was $170K)." in unnamed
    assert unnamed.startswith("_Read as PlanetScale's figures: I couldn't tie them to another company in your message.")
    assert "(`Acme offered 180k base`)" in unnamed
    named = chat.say("planetscale offered 185k base")
    assert "*Noted:* base $185K (was $180K)." in named and "Read as" not in named
    revised = chat.say("they came back with 190k base")
    assert "Read as" not in revised


def test_a_company_coming_back_with_its_offer_is_another_offer(chat):
    """Held-out 8 showed "zoom came back with their offer, 180k base" read as the person's own base
    (this file's test above used that wording for a message naming no company)."""
    chat.say("planetscale offered me 170k base and 100k rsus for ML engineer remote")
    assert "*Noted:* Zoom offer: base $180K." in chat.say("zoom came back with their offer, 180k base")
    assert chat.stored()["offer"]["base"] == 170_000


def test_a_rival_given_by_its_base_alone_is_never_called_a_total(chat):
    """ "Google offered 200k base" says nothing of Google's equity or bonus: the base is shown as
    a base, the email says 'with a $200K base' (it used to write '$200K in total compensation',
    a claim the person never made), and the walk-away says it rests on the base alone."""
    chat.say(DONE_WHEN)
    counter = chat.say("i also have an offer from google for 200k base")
    assert "*Noted:* Google offer: base $200K." in counter
    assert "the Google offer ($200K base)" in counter and "$200K total" not in counter
    assert "*Walk-away:* $200K: the Google offer's base alone (no other part given)" in counter

    status = chat.say("status")
    assert "*Other offer:* Google, $200K base" in status and "total" not in status.split("Other offer")[1][:40]

    email = chat.say("can you write the email?")
    assert "I have another offer from Google with a $200K base." in email
    assert "total compensation" not in email.split("another offer from Google")[1][:40]


def test_a_figure_replaced_before_the_evaluation_by_an_unnamed_statement_says_how_it_was_read(chat):
    """Held-out 13 showed "ok so uber = 205k base" read as the person's own base (it is read as
    Uber's now). Before the evaluation the coach replaced the base with no word whenever a message
    naming no company restated it; now the reply's first line says the figure was read as
    PlanetScale's and how to put it right."""
    chat.say("planetscale ml remote 175k base")
    reply = chat.say("the offer is 205k base")
    assert reply.startswith("_Read as PlanetScale's figures: I couldn't tie them to another company in your message.")
    first = chat.say("planetscale ml remote 175k base")
    assert not first.startswith("_Read as")  # names the company: no doubt whose


def test_a_company_that_matched_another_offers_part_takes_its_figure(chat):
    """Before: "they matched datadog's base" changed nothing, unsaid."""
    chat.say("planetscale offered 175k base for ml remote, 100k rsus, no bonus")
    chat.say("i have an offer from datadog: 195k base, 120k rsus")
    reply = chat.say("they matched datadog's base")
    assert "base $195K (was $175K): matched to the Datadog offer's" in reply
    assert chat.stored()["offer"]["base"] == 195_000 and chat.stored()["offer"]["equity"] == 100_000


def test_a_company_that_matched_the_whole_other_offer_takes_each_of_its_figures(chat):
    chat.say("planetscale offered 175k base for ml remote, 100k rsus, no bonus")
    chat.say("i have an offer from datadog: 195k base, 120k rsus")
    reply = chat.say("planetscale agreed to match the datadog offer")
    assert "base $195K (was $175K): matched to the Datadog offer's" in reply
    assert "equity $120K (was $100K): matched to the Datadog offer's" in reply


def test_a_part_the_other_offer_has_no_figure_for_is_said_and_nothing_changes(chat):
    chat.say("planetscale offered 175k base for ml remote, 100k rsus, no bonus")
    chat.say("i have another offer: 190k total from vercel")
    reply = chat.say("they matched the other offer's base")
    assert "the Vercel offer has no base I know of: nothing matched" in reply
    assert chat.stored()["offer"]["base"] == 175_000


def test_a_part_added_beside_a_fixed_one_is_the_offers_new_figure_not_a_limit(chat):
    """Before: "they can add a 20k sign on but the base is final" kept the $20K as a cap on the sign-on
    (asked no higher) and the offer's sign-on unchanged."""
    chat.say("planetscale ml remote: 180k base, 100k rsus over 4 years, no bonus, no other offers")
    reply = chat.say("they said they can add a 20k sign on but the base is final")
    assert "*Noted:* base fixed: kept out of the ask · sign-on $20K." in reply
    assert chat.stored()["offer"]["sign_on"] == 20_000 and chat.stored().get("caps", {}) == {}


def test_a_change_to_a_part_is_added_to_its_figure_never_taken_for_it(chat):
    """Before: "and bumped equity by 20k" replaced the equity with $20K (was $120K), and "they offered
    10k more on base" was asked about as a base of 10k."""
    chat.say("planetscale ml sf: 190k base, 120k rsus over 4 years, no bonus")
    assert "base $190K + $10K = $200K · base $200K (was $190K)" in chat.say("they offered 10k more on base")
    assert "equity $120K + $20K = $140K · equity $140K (was $120K)" in chat.say("and bumped equity by 20k")
    offer = chat.stored()["offer"]
    assert (offer["base"], offer["equity"]) == (200_000, 140_000)


def test_a_change_to_a_part_with_no_figure_yet_is_asked_about(chat):
    chat.say("planetscale ml sf: 190k base")
    reply = chat.say("they added 20k to the rsus")
    assert "20k more on the equity: I need the equity it changes before I can add it up" in reply
    assert chat.stored()["offer"].get("equity") is None


def test_a_figure_of_no_part_equal_to_one_held_is_that_figure_said_again(chat):
    """'ps 180k, figma 175k, linear 172k' after a base of 180k was asked about ('Is 180k another offer?'): a figure of
    no part equal to one the offer holds is that figure said again, noted so, nothing changed, nothing asked."""
    chat.say("planetscale ml remote: 180k base, 100k rsus over 4 years, no bonus")
    reply = chat.say("ps 180k, figma 175k, linear 172k. am i in a strong position?")
    assert "180k: the base already noted" in reply and "Is 180k" not in reply
    assert chat.stored()["offer"]["base"] == 180_000


def test_todays_pay_told_inside_the_salary_history_question_is_kept(chat):
    """'the recruiter asked what i make now ... do i have to tell her?? its only 52k' was answered with 'If you tell me
    what you earn now, I keep it' and the 52k dropped: told in the question, kept, noted, said so."""
    chat.say("planetscale ml remote: 180k base, 100k rsus over 4 years, no bonus")
    reply = chat.say("the recruiter asked what i make now at the school district, do i have to tell her?? its only 52k")
    assert "*Noted:* current job: base $52K" in reply and "When they ask what you make now" in reply
    assert "If you tell me what you earn now" not in reply
    assert chat.stored()["current"]["base"] == 52_000
    assert chat.stored()["offer"]["base"] == 180_000


def test_options_priced_by_a_share_are_worth_the_price_less_the_strike(chat):
    """'40,000 options at a $1.85 strike ... preferred price is $9' was valued at 40,000 × $9 = $360K, as if the options
    cost nothing to exercise: an option is worth its share's price less the strike, and the reply says the formula.
    A worth said of the options themselves ('worth $8.25 each') is their value (tests/coaching/scripted_blind.py)."""
    reply = chat.say(
        "planetscale ml remote offer: 185k base and 40,000 options at a $1.85 strike, 4 yr vest, preferred price is $9"
    )
    assert "equity 40,000 × ($9 − $1.85 strike) = $286K" in reply
    assert chat.stored()["offer"]["equity"] == 286_000
