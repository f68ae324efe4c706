"""First turns that lost or misplaced a figure before.

- "0.1% equity" was dropped without a word (the coach then asked for the equity as if none had
  been given); now it is asked about: a stake is money only at a valuation nobody gave.
- "my current salary is 150k and planetscale is offering 175k base" read PlanetScale as a
  rival (a figure came before its name), so the offer's own base was filed as another offer's.
- "I got 2 offers, planetscale 170k and datadog 190k base" filed Datadog's base as the offer's;
  now both are offers held side by side until the person says which one is coached, and that
  one's figures become the offer's.
"""

from __future__ import annotations

import pytest

STAKE = "0.1% of the company: I compare equity in money, and a stake is only money at a valuation"


def test_a_stake_is_asked_about_and_the_answer_is_the_grant(chat):
    reply = chat.say("planetscale ml remote: 165k base and 0.1% equity")
    assert STAKE in reply
    assert "What is the equity grant" not in reply
    evaluation = chat.say("120k over 4 years")
    assert "• *Equity (4-year grant):* $120K" in evaluation


def test_a_stake_skipped_moves_on(chat):
    chat.say("planetscale ml remote: 165k base and 0.1% equity")
    reply = chat.say("skip")
    assert STAKE not in reply


def test_the_current_jobs_figure_first_does_not_make_the_offer_a_rivals(chat):
    reply = chat.say("my current salary is 150k and planetscale is offering 175k base")
    assert "Planetscale offer" not in reply
    assert chat.stored()["offer"]["base"] == 175_000
    assert chat.stored()["current"]["base"] == 150_000


def test_two_offers_side_by_side_wait_for_which_one_is_coached(chat):
    first = chat.say("I got 2 offers, planetscale 170k and datadog 190k base")
    assert "Planetscale offer: total $170K · Datadog offer: base $190K" in first
    assert chat.stored()["offer"].get("base") is None
    second = chat.say("planetscale")
    assert "a total alone ($170K) isn't enough. What is the base salary?" in second
    assert [rival["company"].lower() for rival in chat.stored()["rivals"]] == ["datadog"]
    assert chat.stored()["company_slug"] == "planetscale"


def test_a_first_question_that_carries_the_offer_takes_the_offer_first(chat):
    """Before: the help text, and the 180k given was lost."""
    reply = chat.say("what's a good counter for planetscale ml sf if they offered 180k base?")
    assert "Base $180K" in reply and "What is the equity grant" in reply
    assert chat.stored()["offer"]["base"] == 180_000


def test_a_first_question_without_figures_still_gets_the_introduction(chat):
    assert "Tell me about your offer in your own words" in chat.say("how do I negotiate a counter?")


def test_two_offers_told_alike_are_asked_about_by_name(chat):
    """Before: "Stripe offered 195k base and Ramp offered 205k base" made Stripe's the offer and
    asked nothing; "Deciding between Stripe (195k base) and Ramp (205k base)" noted both bases as
    the one offer's, the second replacing the first."""
    first = chat.say("Deciding between planetscale (185k base) and Ramp (205k base)")
    assert "Planetscale offer: base $185K · Ramp offer: base $205K" in first
    assert "Which offer shall we work on: Planetscale or Ramp?" in first
    assert chat.stored()["offer"].get("base") is None
    second = chat.say("planetscale ml remote")
    assert "Base $185K" in second and "Ramp offer $205K base" in second
    assert chat.stored()["offer"]["base"] == 185_000


ASKED_175 = "Is 175 the base salary, the equity grant, a bonus or a sign-on?"


def test_a_one_word_answer_places_the_figure_asked_about(chat):
    """Before: `base` in answer was unread, the 175 was dropped unsaid and the coach moved on."""
    assert ASKED_175 in chat.say("they offered me 175 plus 90k RSUs")
    reply = chat.say("base")
    assert "*Noted:* base $175K" in reply
    assert chat.stored()["offer"]["base"] == 175_000
    assert "figure_asked" not in chat.stored()


def test_the_figure_question_stands_until_answered_and_a_company_meanwhile_is_taken(chat):
    chat.say("they offered me 175 plus 90k RSUs")
    assert ASKED_175 in chat.say("hmm")
    reply = chat.say("planetscale")
    assert ASKED_175 in reply and "PlanetScale · ML / AI Engineer" in reply
    assert "*Noted:* sign-on $175K" in chat.say("it's the signing bonus")
    assert chat.stored()["offer"]["sign_on"] == 175_000


def test_figures_stated_afresh_replace_the_figure_asked_about(chat):
    chat.say("they offered me 175 plus 90k RSUs")
    chat.say("180k base actually")
    assert chat.stored()["offer"]["base"] == 180_000
    assert "figure_asked" not in chat.stored()


def test_skipping_the_figure_question_says_the_figure_is_left_out(chat):
    chat.say("they offered me 175 plus 90k RSUs")
    reply = chat.say("skip")
    assert "left out: 175, as you skipped saying what it is" in reply
    assert ASKED_175 not in reply
    assert "base" not in chat.stored()["offer"]


def test_a_filler_word_is_no_company(chat):
    """Before: "lol" in answer to "which company?" became the offer's company, no guide covering it."""
    chat.say("175k base, 90k rsus over 4 years")
    assert "Which company and role is the offer for?" in chat.say("lol")
    assert "company_text" not in chat.stored()


def test_figures_in_a_row_are_asked_about_never_guessed_or_dropped(chat):
    """Before: "175/90/20" as a first message got the /comp band with "I did not understand
    “175 90 20”": the offer never opened. Which part each figure is (and whether the stock is the
    grant or a year of it) is the person's to say."""
    reply = chat.say("planetscale ml remote. offer: 175/90/20")
    assert "I can't tell which part each figure in 175/90/20 is" in reply
    assert "PlanetScale · ML / AI Engineer · Remote US" in reply
    assert "base" not in chat.stored().get("offer", {})
    assert "*Noted:* base $175K" in chat.say("175k base, 90k stock a year, 20k bonus")


def test_a_first_message_telling_an_accepted_offer_keeps_its_figures(chat):
    """Before: "I accepted …: 180k base" got the introduction, and the figures were dropped."""
    reply = chat.say("I accepted planetscale's offer yesterday: 180k base, 100k rsus, remote")
    assert "*Your offer, ML / AI Engineer at PlanetScale · Remote US*" in reply
    assert chat.stored()["offer"]["base"] == 180_000


def test_signed_nothing_yet_is_no_acceptance(chat):
    """Before: "signed" made it an acceptance, and the first message got the introduction."""
    reply = chat.say("just signed nothing yet but vercel's offer is 176k + 60k equity")
    assert "Is 176k the base salary" in reply and chat.stored()["company_text"] == "vercel"


def test_a_percent_with_no_part_is_asked_about_as_a_share(chat):
    """Before: "12% of base" after the evaluation read as a base of 12%, then asked whether 12%
    was another offer (`another offer from Acme for 12% total`)."""
    chat.say("planetscale ml remote, 180k base, 100k rsus over 4 years")
    reply = chat.say("12% of base")
    assert "Is 12% the target bonus (a share of the base), or a stake in the company?" in reply
    assert "another offer" not in reply.split("*So far:*")[0]
    assert "*Noted:* bonus 12% of base." in chat.say("12% bonus")


def test_a_bonus_said_as_a_share_of_base_is_the_bonus(chat):
    chat.say("planetscale ml remote, 180k base, 100k rsus over 4 years, and the bonus is 12% of base")
    assert chat.stored()["offer"]["bonus_percent"] == "12"
    assert chat.stored()["offer"]["base"] == 180_000


def test_a_limit_said_with_its_figure_is_a_pushback_not_a_new_base(chat):
    """Before: "they told me base is max 200k" replaced the base ($200K, was $190K)."""
    chat.say("planetscale ml sf: 190k base, 120k rsus over 4 years, 15k signing")
    reply = chat.say("they told me base is max 200k")
    assert "*When they say the base can go no higher than $200K*" in reply
    assert chat.stored()["offer"]["base"] == 190_000 and chat.stored()["caps"] == {"base": 200_000}


LETTER = """Dear Alex,

We are delighted to offer you the position of Machine Learning Engineer at PlanetScale, Inc. This is a
remote role based in the United States.

Compensation:
- Base salary: $187,500 per year, paid semi-monthly
- Equity: 9,000 restricted stock units (RSUs), vesting over four years with a one-year cliff
- Sign-on bonus: $20,000, payable within 30 days of your start date
- You will be eligible for our annual performance bonus program (target 10%)

Please confirm your acceptance by Friday, December 5th."""


def test_a_pasted_offer_letter_keeps_a_count_of_units_a_count(chat):
    """Before: "9,000 restricted stock units (RSUs)" was noted as $9K of equity and placed below the band."""
    reply = chat.say(LETTER)
    assert "9,000 RSUs: what is that worth?" in reply
    assert "$9K" not in reply
    offer = chat.stored()["offer"]
    assert offer["base"] == 187_500 and offer["sign_on"] == 20_000 and offer.get("equity") is None
    assert chat.stored()["shares"]["count"] == 9_000


def test_a_count_priced_in_the_same_message_is_valued_at_once(chat):
    """Before: "25,000 ISOs at a strike price of $0.85 ...; the latest 409A is $3.40 per share" asked
    what the options were worth, and kept no strike: the message had said both. An option is worth the share's
    price less its strike (28 Nov 2026: it had been valued at the whole price, 25,000 × $3.40 = $85K)."""
    reply = chat.say(
        "Offer summary from PlanetScale (ML Engineer, SF): base $205,000; 25,000 ISOs at a strike price of $0.85"
        " per share, 4-year vest with 1-year cliff; $25,000 sign-on; the latest 409A is $3.40 per share."
    )
    assert "strike price $0.85 (what exercising costs, not what the options are worth)" in reply
    assert "equity 25,000 × ($3.40 − $0.85 strike) = $63,750" in reply and "what is that worth?" not in reply
    offer = chat.stored()["offer"]
    assert (offer["base"], offer["equity"], offer["sign_on"]) == (205_000, 63_750, 25_000)


def test_a_strike_alone_in_the_same_message_is_kept_and_the_value_still_asked(chat):
    reply = chat.say("planetscale ml sf: base 200k, 20,000 options at a $1.10 strike")
    assert "strike price $1.10 (what exercising costs, not what the options are worth)" in reply
    assert "20,000 options: what is that worth?" in reply
    assert chat.stored()["offer"].get("equity") is None


def test_a_quarterly_bonus_is_counted_four_times_a_year_with_its_formula(chat):
    """Before: "10k bonus every quarter" was noted as a $10K bonus, a quarter of what it is."""
    reply = chat.say("planetscale ml remote: 185k base, 10k bonus every quarter")
    assert "$10K a quarter × 4 = $40K a year · bonus $40K" in reply
    assert chat.stored()["offer"]["bonus_amount"] == 40_000


def test_an_hourly_rate_is_asked_about_never_made_a_year(chat):
    """Before: "$95/hour" was asked about as if it could be the base salary."""
    reply = chat.say("planetscale ml remote offered me $95/hour as a contractor")
    assert "$95 an hour is a rate: what a year of it comes to depends on the hours billed" in reply
    assert chat.stored().get("offer", {}).get("base") is None


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("planetscale ml remote: 175-185k base", "175-185k"),
        ("planetscale ml remote: $175k–$185k base", "$175k-$185k"),
        ("planetscale ml remote: base between 175k and 185k", "between 175k and 185k"),
    ],
)
def test_a_range_is_kept_out_and_asked_about_never_an_end_of_it_taken(chat, text, figure):
    """Before: "175-185k base" was noted as a base of $185K, the range's top."""
    reply = chat.say(text)
    assert f"“{figure}” is a range, so I kept it out" in reply
    assert chat.stored().get("offer", {}).get("base") is None


def test_a_bonus_range_is_asked_about_as_a_percent(chat):
    reply = chat.say("planetscale ml remote: 180k base, 10-15% bonus")
    assert "“10-15%” is a range, so I kept it out" in reply and "For example: `12% bonus`" in reply
    assert chat.stored()["offer"]["base"] == 180_000 and "bonus_percent" not in chat.stored()["offer"]


def test_time_off_is_kept_as_the_persons_words(chat):
    """Before: "also they'll give me 10 days extra PTO" got "Next: ..." and nothing was kept."""
    chat.say("planetscale ml remote: 180k base, 100k rsus over 4 years")
    reply = chat.say("also they'll give me 10 days extra PTO")
    assert "time off: “also they'll give me 10 days extra PTO” (kept as a note, not in the totals)" in reply
    words = "also they'll give me 10 days extra PTO"
    assert chat.stored()["notes"] == [{"item": "pto", "holder": "offer", "words": words}]


def test_an_offer_named_without_figures_opens_the_case_so_the_next_answer_is_kept(chat):
    """Before: "I'm negotiating an offer" got the introduction, "it's from planetscale" a /comp lookup
    and "ml engineer, SF" the introduction again: nothing was kept until a figure came."""
    assert "Which company and role is the offer for?" in chat.say("I'm negotiating an offer")
    assert "Which location is the offer for?" in chat.say("it's from planetscale")
    assert "What is the base salary?" in chat.say("ml engineer, SF")
    assert chat.stored()["region"] == "San Francisco HQ"


def test_help_to_negotiate_ones_offer_opens_the_case_too(chat):
    assert "Which company and role is the offer for?" in chat.say("help me negotiate my offer")


def test_an_offer_letter_mentioned_in_passing_opens_nothing(chat):
    assert "Tell me about your offer in your own words" in chat.say("my dog ate my offer letter")
    assert chat.stored() is None


def test_asking_whether_a_part_is_negotiable_fixes_nothing(chat):
    """Before: "is the sign on negotiable?" was read as a pushback (the classifier's guess, from nothing
    the rules read): the sign-on was recorded as fixed and the pushback playbook came back."""
    chat.say("planetscale ml sf 185k base 100k rsus 4y")
    reply = chat.say("is the sign on negotiable?")
    assert "When they say the sign-on is fixed" not in reply and "*Your counter" in reply
    assert chat.stored().get("fixed", []) == []


def test_pay_no_band_part_covers_is_kept_as_a_note_in_the_persons_words(chat):
    """Before: "a 6k monthly draw" became a monthly base of $6K (set against the band as $72K a year), and
    "9k in night shift differentials" a figure of no part, asked about."""
    reply = chat.say("planetscale ml remote: 180k base, plus a 6k monthly draw for the first quarter")
    assert "draw $6K a month (kept as a note, not in the totals)" in reply
    assert chat.stored()["offer"]["base"] == 180_000
    reply = chat.say("at the hospital I make 118k base, plus about 9k in night shift differentials")
    assert "night shift differentials $9K (kept as a note, not in the totals)" in reply
    notes = chat.stored()["notes"]
    assert {
        "item": "other",
        "holder": "offer",
        "words": "draw",
        "amount": 6000,
        "currency": "USD",
        "period": "month",
    } in notes
    status = chat.say("what do you have so far")
    assert "*Note: draw:* $6K a month, not in the totals" in status
    assert "*Note: night shift differentials (current job):* $9K, not in the totals" in status
