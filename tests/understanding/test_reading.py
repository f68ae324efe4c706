"""The readings the coach depends on, one behaviour each (the labelled set measures the rest)."""

from __future__ import annotations

from decimal import Decimal

from bot.understanding.entities import Context
from bot.understanding.model import CURRENT, OFFER, rival
from bot.understanding.reader import understand

DISCUSSED = Context(company_names=frozenset({"planetscale", "ps"}))  # as the coach gives them: name, initials


def read(text: str, pending: str | None = None):
    """`text` read as the coach reads a DM about the discussed company, `pending` the question it just asked."""
    return understand(text, Context(pending=pending, company_names=DISCUSSED.company_names))


def test_they_offered_me_is_the_persons_own_offer():
    utterance = understand("they offered me 175k base plus 90k in RSUs", DISCUSSED)
    assert utterance.intent == "offer"
    assert [(a.holder, a.component, a.value) for a in utterance.amounts] == [
        (OFFER, "base", 175_000),
        (OFFER, "equity", 90_000),
    ]
    assert utterance.grant_type == "rsu" and utterance.rivals == []


def test_the_discussed_company_offering_is_not_a_rival():
    utterance = understand("planetscale offered me $175k base", DISCUSSED)
    assert utterance.rivals == [] and utterance.amounts[0].holder == OFFER


def test_a_pushback_names_what_is_fixed_and_is_not_an_offer():
    utterance = understand("recruiter says equity is fixed at 150k but base has some room", DISCUSSED)
    assert utterance.intent == "pushback"
    assert utterance.fixed == ["equity"]


def test_a_correction_of_the_rival_names_the_rival():
    context = Context(company_names=frozenset({"planetscale"}), rival_names=("Anthropic",))
    utterance = understand("actually the anthropic one is 320k base plus 400k in stock", context)
    assert utterance.intent == "correction"
    assert {a.holder for a in utterance.amounts} == {rival("anthropic")}


def test_the_other_one_is_the_last_rival_named():
    context = Context(company_names=frozenset({"planetscale"}), rival_names=("Acme", "Stripe"))
    (amount,) = understand("actually the other one is 300k total", context).amounts
    assert amount.holder == rival("stripe") and amount.component == "total"


def test_shares_are_a_count_not_money():
    (amount,) = understand("10,000 shares over 4 years", DISCUSSED).amounts
    assert (amount.unit, amount.value, amount.years) == ("shares", 10_000, 4)


def test_current_pay_is_the_current_job():
    utterance = understand("I currently make 160k", DISCUSSED)
    assert utterance.intent == "current" and utterance.amounts[0].holder == CURRENT


def test_vesting_schedule_and_cliff():
    utterance = understand("vesting is 5/15/40/40 with a 1 year cliff", DISCUSSED)
    assert utterance.schedule == (Decimal(5), Decimal(15), Decimal(40), Decimal(40))
    assert utterance.cliff_months == 12 and utterance.vesting_years == 4


def test_an_unknown_item_is_a_note_and_keeps_the_rest():
    utterance = understand("they offered 175k base, $5k relocation and 90k in RSUs", DISCUSSED)
    assert [(a.component, a.value) for a in utterance.amounts] == [
        ("base", 175_000),
        ("relocation", 5_000),
        ("equity", 90_000),
    ]
    assert utterance.notes == ["relocation"]


def test_call_or_script_inside_a_sentence_is_not_a_request():
    for text in ("they said they would call me back tomorrow", "the script you gave me was useful", "I'll call them"):
        assert understand(text, DISCUSSED).intent not in ("phone", "email"), text


def test_bare_answers_fill_the_pending_question():
    assert understand("175", Context(pending="base")).intent == "answer"
    assert understand("skip", Context(pending="equity")).intent == "skip"
    assert understand("don't know", Context(pending="bonus")).intent == "skip"
    assert understand("none", Context(pending="equity")).intent == "answer"


def test_slack_markup_and_long_input_are_read_safely():
    utterance = understand("<@U123> *they offered* `175k base` <https://x.example|link> " + "x" * 6000)
    assert utterance.amounts[0].value == 175_000
    assert understand("").intent == "help"
    assert understand("<!channel> 🎉🎉").intent == "other"


def test_a_rival_named_before_is_recognised_by_name():
    context = Context(company_names=frozenset({"planetscale"}), rival_names=("Anthropic",))
    utterance = understand("correction on anthropic: 320k base", context)
    assert utterance.intent == "correction"
    assert [(a.holder, a.component, a.value) for a in utterance.amounts] == [(rival("anthropic"), "base", 320_000)]


def test_figures_said_in_words_are_thousands():
    utterance = understand("they offered one seventy five base and a hundred and twenty k in stock", DISCUSSED)
    assert [(a.component, a.value) for a in utterance.amounts] == [("base", 175_000), ("equity", 120_000)]
    assert understand("four years, one year cliff", DISCUSSED).amounts == []


def test_thousands_grouped_with_spaces_are_one_number_never_zero():
    utterance = understand("salary 152 000 euros and a bonus of 9 500", DISCUSSED)
    assert [(a.component, a.value) for a in utterance.amounts] == [("base", 152_000), ("bonus", 9_500)]
    assert all(a.value for a in understand("170 185", DISCUSSED).amounts)


def test_a_nod_is_not_a_goodbye():
    assert understand("ok cool", DISCUSSED).intent == "other"


def test_two_holders_in_one_message_keep_their_own_figures():
    utterance = understand("planetscale offered 182k base and de shaw offered 250k base", DISCUSSED)
    assert [(a.holder, a.component, a.value) for a in utterance.amounts] == [
        (OFFER, "base", 182_000),
        (rival("de shaw"), "base", 250_000),
    ]
    utterance = understand("stripe offered 210k base and my current job pays 160k", DISCUSSED)
    assert [a.holder for a in utterance.amounts] == [rival("stripe"), CURRENT]


def test_company_names_of_several_words_common_words_and_ampersands():
    for text, name in [
        ("other offer is with o1 labs, 190k base", "o1 labs"),
        ("Weights & Biases came back with 188k base", "Weights & Biases"),
        ("there's an offer on the table from vercel for 180k base", "vercel"),
        ("the other company is called together ai, 185k base", "together ai"),
        ("the other offer (from ramp) is 205k", "ramp"),
        ("another offer from AT&T for $300k total", "AT&T"),
    ]:
        utterance = understand(text, DISCUSSED)
        assert utterance.rivals == [name], text
        assert all(a.holder == rival(name) for a in utterance.amounts), text


def test_a_change_said_with_the_new_figure_keeps_the_new_figure():
    for text in ("they raised base by 8k to 188k", "base went from 175k to 188k"):
        utterance = understand(text, DISCUSSED)
        assert utterance.intent == "revised", text
        assert [(a.component, a.value) for a in utterance.amounts] == [("base", 188_000)], text


def test_a_share_count_keeps_its_price_and_a_strike_price_is_no_figure():
    utterance = understand("the grant is 12,000 shares at $10 a share", DISCUSSED)
    assert [(a.component, a.value, a.unit) for a in utterance.amounts] == [("equity", 12_000, "shares")]
    assert utterance.share_price == Decimal(10)
    utterance = understand("they gave me 5000 options with a strike price of $4", DISCUSSED)
    assert [(a.value, a.unit) for a in utterance.amounts] == [(5_000, "shares")] and utterance.share_price is None
    utterance = understand("6,500 RSUs worth about $90k", DISCUSSED)
    assert [(a.value, a.unit) for a in utterance.amounts] == [(90_000, "money")]


def test_a_third_persons_pay_is_nobodys_offer():
    utterance = understand("my friend at ramp makes 220k", DISCUSSED)
    assert utterance.amounts == [] and utterance.rivals == []


def test_another_company_announcing_or_changing_its_offer_is_a_rival_mid_conversation():
    """Held-out 25's misattributions: each of these gave the other company's figures to the PlanetScale
    offer being coached (and, as a first message, each names the person's own offer instead)."""
    cases = {
        "Snowflake offer base 231k": ("snowflake", "base", 231_000),
        "google L4 offer: base 178k": ("google", "base", 178_000),
        "offer came: Datadog senior MLE, 198k base": ("datadog", "base", 198_000),
        "Monzo improved to £112k base from £104k": ("monzo", "base", 112_000),
        "anthropic moved equity from 300k to 355k": ("anthropic", "equity", 355_000),
        "new numbers from databricks: 243k base": ("databricks", "base", 243_000),
        "got competing from Shopify 165k base": ("shopify", "base", 165_000),
        "got the offer from stripe!! base 214k": ("stripe", "base", 214_000),
        "amazon L5 came in, 168k base": ("amazon", "base", 168_000),
        "second one is from Spotify Stockholm, 72k base": ("spotify", "base", 72_000),
    }
    for text, (name, part, value) in cases.items():
        utterance = understand(text, DISCUSSED)
        assert [(a.holder, a.component, a.value) for a in utterance.amounts] == [(rival(name), part, value)], text
        first = understand(text, Context())
        if "competing" not in text and "second one" not in text:
            assert first.amounts[0].holder == OFFER and first.company.lower() == name, text


def test_words_around_a_name_are_not_the_name():
    assert understand("They have since increased the equity component to 125k.", DISCUSSED).rivals == []
    assert understand("compensation: 183k base / 100k rsus / 15k signing", DISCUSSED).rivals == []


def test_current_pay_typed_without_i_and_parts_absent_from_someone_elses_pay():
    now = understand("right now on £86k in london, no bonus at all", DISCUSSED)
    assert [a.holder for a in now.amounts] == [CURRENT] and now.none_of == []
    typed = understand("curr comp: 171k base 11% bonus and refresh like 34k/yr", DISCUSSED)
    assert {a.holder for a in typed.amounts} == {CURRENT}
    assert understand("fyi netflix gave me 320k all cash, no stock", DISCUSSED).none_of == []
    assert understand("i make 150k and they offered 180k with no equity", DISCUSSED).none_of == ["equity"]


def test_a_decimal_comma_in_a_percent_and_the_names_of_equity_plans():
    """ "7,5 % bonus" was read as 5%, and a VSOP's value as a figure of no part (asked whether it was the base)."""
    utterance = understand("VSOP of 40.000 € over 4 years, 7,5 % bonus", Context())
    assert [(a.component, a.value, a.unit, a.currency) for a in utterance.amounts] == [
        ("equity", 40_000, "money", "EUR"),
        ("bonus", Decimal("7.5"), "percent", None),
    ]
    assert utterance.vesting_years == 4
    assert understand("vesting 25,25,25,25%", Context()).schedule == (Decimal(25),) * 4
    for text in ("ESOP of ₹20L", "ESOPs: ₹20L", "virtual shares worth €20k", "phantom shares of 20k", "20k vsop"):
        assert [a.component for a in understand(text, Context()).amounts] == ["equity"], text
    (count,) = understand("10,000 ESOPs over 4 years", Context()).amounts
    assert (count.unit, count.value) == ("shares", 10_000)
    assert understand("no ESOPs, 30L fixed", Context()).none_of == ["equity"]


def test_fixed_pay_is_the_base_and_lakh_grouping_is_read_whole():
    """ "fixed pay of ₹34,00,000" and "ESOPs ₹48 L over 4 yrs" were figures of no part: asked about, or dropped."""
    for text in ("fixed pay of ₹34,00,000", "fixed: ₹34,00,000", "Fixed - 34 LPA", "34 LPA fixed"):
        (amount,) = understand(text, Context()).amounts
        assert (amount.component, amount.value, amount.currency) == ("base", 3_400_000, "INR"), text
    (equity,) = understand("ESOPs ₹48 L over 4 yrs", Context()).amounts
    assert (equity.component, equity.value, equity.years) == ("equity", 4_800_000, 4)
    held = understand("they said base is fixed at 180k", DISCUSSED)
    assert held.intent == "pushback" and held.fixed == ["base"]


def test_superannuation_is_a_retirement_contribution_on_top_of_the_base():
    """ "A$170k + super" asked whether A$170k was the base: what super is paid on top of is the salary."""
    utterance = understand("A$170k + super in syd", Context())
    assert [(a.component, a.value, a.currency) for a in utterance.amounts] == [("base", 170_000, "AUD")]
    assert utterance.notes == ["retirement_match"]
    percent = understand("170k, 11.5% super, 20k bonus", Context())
    assert ("retirement_match", Decimal("11.5")) in [(a.component, a.value) for a in percent.amounts]
    assert understand("this is super helpful", Context()).notes == []
    assert [a.component for a in understand("they offered 170k and super low equity", Context()).amounts] == [None]


def test_a_figure_before_monthly_is_pay_a_month_not_a_duration():
    """'now earning 9,800$ monthly' was dropped without a word: 'month' of 'monthly' read as '9,800 months'."""
    for text in ("now earning 9,800$ monthly at a fintech", "i earn 9,800 monthly"):
        amounts = understand(text, DISCUSSED).amounts
        assert [(a.holder, a.component, a.value, a.period) for a in amounts] == [(CURRENT, "base", 9_800, "month")]
    assert understand("i have 10 years of vesting", DISCUSSED).amounts == []


def test_requests_and_questions_written_quickly():
    """Held-out 25's intent misses, each cause fixed in general (other wordings here)."""
    cases = {
        "hey coach": "greeting",
        "what u can do?": "help",
        "how this works": "help",
        "lets start over from zero": "start_over",
        "need to decline the other offer politely, write me something": "say_no",
        "thinking of turning it down, they won't move": "walk_away",
        "we have no competing offer, risk to ask for more?": "leverage",
        "does my kafka background help my negotiation?": "leverage",
        "i relocate to austin next year, does my pay get cut": "remote",
        "recruiter says they can't match the meta one": "pushback",
        "i said datadog but its actually dropbox": "correction",
        "how much i should counter? they offered 180k base and 100k equity": "counter",
        "is asking 15% more too aggressive": "counter",
    }
    for text, intent in cases.items():
        assert understand(text, DISCUSSED).intent == intent, text


def test_long_formal_messages_keep_their_intent():
    """Held-out 26's misses (long, formal messages), each cause fixed in general; other wordings here."""
    cases = {
        "Good afternoon. I hope you're well; I'd like to continue where we left off.": "greeting",
        "Thank you, that is far clearer than anything I had read before.": "thanks",
        "I think that's all for today; have a good evening and goodbye for now.": "goodbye",
        "Could you remind me what you are able to help with, before we go on?": "help",
        "Could you summarise where we have got to, with the figures you have on record?": "status",
        "I'd like you to forget my data, please, all of it.": "forget",
        "Could we start again from the beginning? I mixed up two offers.": "start_over",
        "How should I decline graciously if I choose to stay?": "say_no",
        "Should I simply accept now, or wait for Stripe, who expect to decide by Friday?": "accept",
        "Is a later start date a reasonable thing to ask for?": "other",
        "Is PTO negotiable there at all?": "other",
        "I'd prefer to stay fully remote; is remote status worth putting in writing?": "remote",
    }
    for text, intent in cases.items():
        assert understand(text, DISCUSSED).intent == intent, text
    arrived = understand(
        "Figma came through this morning: $221,000 base and $300k in equity over four years.", DISCUSSED
    )
    assert {a.holder for a in arrived.amounts} == {rival("figma")}  # never the PlanetScale offer's
    formal = understand("PlanetScale has formally offered me the role: base 171,000.", DISCUSSED)
    assert formal.rivals == [] and [(a.holder, a.value) for a in formal.amounts] == [(OFFER, 171_000)]


def test_a_share_vesting_is_no_stake_and_a_move_with_its_limit_is_a_pushback():
    """Held-out 26: '25% vests on the first anniversary' was read as a 25% stake of the offer; 'We can go to 192k
    but not beyond' as a revision (its figure the new offer) instead of the company's limit."""
    for text in (
        "The letter says 25% vests on the first anniversary, the rest monthly.",
        "20% of the grant vests in year one",
    ):
        read = understand(text, DISCUSSED)
        assert read.amounts == [] and read.schedule is None, text
    limit = understand("she wrote: we can stretch to 205k but not beyond", DISCUSSED)
    assert limit.intent == "pushback" and limit.fixed == ["total"]
    assert [(a.component, a.value) for a in limit.amounts] == [("total", 205_000)]
    assert understand("they went up to 205k", DISCUSSED).intent == "revised"


def _figures(text: str, pending: str | None = None) -> list[tuple]:
    context = Context(pending=pending, company_names=frozenset({"planetscale"}))
    return [(a.holder, a.component, a.value, a.unit) for a in understand(text, context).amounts]


def test_figures_said_in_words_as_dictation_writes_them():
    """Held-out 27 (dictated): 'fourteen thousand five hundred a month', 'ten thousand shares', 'fifteen percent',
    'forty two lakh' were dropped; only 'one seventy five' and words closed by k/thousand were read."""
    assert _figures("they said fourteen thousand five hundred a month base plus a sign on of twenty five k") == [
        (OFFER, "base", 14_500, "money"),
        (OFFER, "sign_on", 25_000, "money"),
    ]
    assert _figures("ok the offer is 172k base plus fifteen percent bonus")[1] == (OFFER, "bonus", 15, "percent")
    tenth = _figures("offer is 95k base plus point one percent equity")[1]
    assert tenth == (OFFER, "equity", Decimal("0.1"), "percent")
    assert _figures("the offer is forty two lakh fixed")[0][1:3] == ("base", 4_200_000)
    assert _figures("new offer is two oh five base")[0][1:3] == ("base", 205_000)
    assert _figures("they threw in a fifteen k sign on") == [(OFFER, "sign_on", 15_000, "money")]
    # Words that are no figure stay words: a duration, a cliff, a time, "one of them", "a hundred percent sure".
    for text in ("four years with a one year cliff", "call at two thirty", "one of them", "a hundred percent sure"):
        assert _figures(text) == [], text


def test_fillers_of_dictation_are_no_words():
    """'uh four years' to 'over how many years?' was read as other; 'um one ninety two' to the base as an offer."""
    understood = understand("uh four years", Context(pending="years", company_names=frozenset({"planetscale"})))
    assert understood.intent == "answer"
    assert understand("um one ninety two", Context(pending="base")).intent == "answer"


def test_dictated_slips_and_prices_said_in_words():
    """Held-out 27: 'bass is 172k' lost its part, 'twelve dollars a share' was read as 12 of equity, and 'no sorry
    equity is 160k' gave the figure to a rival named Sorry."""
    assert _figures("ok got the offer finally bass is 172k")[0][1:3] == ("base", 172_000)
    assert understand("so they bumped it to twelve thousand shares now still twelve bucks a share").share_price == 12
    assert understand("10,000 shares at twelve dollars a share", DISCUSSED).share_price == 12
    corrected = understand("no sorry equity is a hundred sixty k not sixty", DISCUSSED)
    assert corrected.rivals == [] and _figures("no sorry equity is a hundred sixty k not sixty") == [
        (OFFER, "equity", 160_000, "money")
    ]
    assert understand("25,000 ISOs at a strike price of $0.85 per share", DISCUSSED).share_price is None
    assert understand("$15 a share", DISCUSSED).share_price is None  # an answer to "what is a share worth?"


def test_another_figure_is_a_change_and_a_ceiling_said_in_words_is_pay():
    assert _figures("recruiter just called they added another twenty k in equity") == [
        (OFFER, "equity", 20_000, "money")
    ]
    assert understand("they added another 20k in equity", DISCUSSED).amounts[0].change == "up"
    assert _figures("recruiter said the base band tops out at one ninety") == [(OFFER, "base", 190_000, "money")]
    assert _figures("should i counter at two ten base")[0][1:3] == ("base", 210_000)
    assert _figures("call at two thirty tomorrow") == []


def test_a_rival_weighing_in_and_the_current_company_closing_the_message():
    for text in ("um so anthropic is also in the mix they said two forty base", "neon pinged back theyre at 185k base"):
        utterance = understand(text, DISCUSSED)
        assert [a.holder for a in utterance.amounts] == [rival(utterance.rivals[0])], text
    said = understand("i make one twenty five now plus about forty k in stock a year at datadog", DISCUSSED)
    assert said.current_company == "datadog" and {a.holder for a in said.amounts} == {CURRENT}
    assert understand("my current CTC is about eighteen lakh a year at infosys", DISCUSSED).intent == "current"
    assert understand("I'm being hired at L4", DISCUSSED).current_company is None


def test_dictated_questions_and_requests_keep_their_intent():
    """Held-out 27's intent misses: questions with no mark, hedged requests, and a coding task that holds the
    coach's own words ('script', 'levels')."""
    cases = {
        "hey um hi so I got some news": "greeting",
        "wait what can you actually do for me": "help",
        "no sorry equity is a hundred sixty k not sixty": "correction",
        "recruiter says the best they can do on bass is another five k max": "pushback",
        "and if they just say no what then": "say_no",
        "can i even push back if i dont have anything else lined up": "leverage",
        "recruiter asked what im making now do i have to tell her": "salary_history",
        "can you write me a python script to scrape levels fyi": "other",
        'pasted from email "after review we can increase the RSU grant to $180,000" so thats something': "revised",
    }
    for text, intent in cases.items():
        assert understand(text, DISCUSSED).intent == intent, text


def test_a_rival_told_then_asked_about_and_a_vesting_judged():
    """Held-out 25 and 26's last intent misses: a rival with its figure and a question after it was read as
    'should I accept?'; a vesting schedule judged against another was read as 'is the offer good?'; a price
    'at the most recent tender' was read as a limit."""
    told = "second one is from Spotify Stockholm, 72k eur, wondering if i mention it to planetscale"
    assert understand(told, DISCUSSED).intent == "rival"
    assert understand("how does 185k compare to what modal offered", DISCUSSED).intent == "good"
    assert understand("vesting is 10/20/30/40 at amazon, how bad compare to 25 each yr", DISCUSSED).intent == "vesting"
    tender = understand(
        "Anthropic came through: 305k base and equity of 550k at the most recent tender price.", DISCUSSED
    )
    assert tender.intent == "rival" and tender.fixed == []


def test_slack_markup_lists_quotes_and_emoji_codes():
    """Held-out 28 (Slack-native): bullets joined on one line bound each figure to the next item's part ('base:
    $182k • RSUs: $140k' gave equity=182k); a quoted line ('> Cohere: CAD $230,000 base') and a label ('competing:
    Hugging Face • base €120k') gave a rival's figures to the own offer; ':eyes:' and backticks were words."""
    assert _figures(":tada: got the offer!! *base:* `$182k` • *RSUs:* `$140k` over 4 yrs • *sign-on:* `$20k`") == [
        (OFFER, "base", 182_000, "money"),
        (OFFER, "equity", 140_000, "money"),
        (OFFER, "sign_on", 20_000, "money"),
    ]
    for text in ("> Cohere: CAD $230,000 base, $40,000 signing", "competing: *Hugging Face* • base `€120k`"):
        utterance = understand(text, DISCUSSED)
        assert utterance.intent == "rival" and all(a.holder == rival(utterance.rivals[0]) for a in utterance.amounts)
    assert understand("4 :slightly_smiling_face:", Context(pending="years")).intent == "answer"
    assert understand("hiii :wave:", DISCUSSED).intent == "greeting"
    assert _figures("RSUs `$250k` / 4 yrs") == [(OFFER, "equity", 250_000, "money")]


def test_refusals_prices_and_strikes_as_typed_in_slack():
    refused = understand("> We don't offer sign-on bonuses for this role.", DISCUSSED)
    assert refused.intent == "pushback" and refused.none_of == ["sign_on"] and refused.fixed == ["sign_on"]
    modal = understand("got a verbal from Modal ~`$195k` + `25,000` options at `$2` strike", DISCUSSED)
    assert modal.strike_price == 2 and modal.share_price is None
    priced = understand("plus `40,000` RSUs (last round priced them at `$6.25`)", DISCUSSED)
    assert priced.share_price == Decimal("6.25")
    assert understand("409a says a share is worth `$11`", DISCUSSED).share_price == 11
    assert understand("strike still `$4.10`", DISCUSSED).strike_price == Decimal("4.10")
    assert understand("waiting on the grant doc", DISCUSSED).rivals == []


def test_offers_talked_about_in_spanish_portuguese_and_hinglish():
    """A few words of the languages people mix with English when they talk pay: whose offer, a raise, one's pay
    now, a minimum, how much to ask. Before, each of these gave the figures to the own offer or asked nothing."""
    cases = {
        "Flipkart ne bhi offer diya hai 55 LPA CTC": "rival",
        "tengo otra oferta de Mercado Libre, `$165k` base más bonus del `20%`": "rival",
        "abhi mera CTC 28 lakh hai Infosys mein": "current",
        "ahorita gano `€70k` al año en mi chamba actual": "current",
        "nos subieron la oferta!! ahora son `€98k` de base": "revised",
        "unhone revise kiya — ab 48 LPA fixed": "revised",
        "mínimo necesito `€95k` de base, si no, paso": "walk_away",
        "kitna maangu? thoda zyada bolna chahiye na?": "counter",
        "¿lo acepto ya o espero a ver qué más sale?": "accept",
        "galti ho gayi, fixed 44 LPA hai, 40 nahi": "correction",
    }
    for text, intent in cases.items():
        utterance = understand(text, DISCUSSED)
        assert utterance.intent == intent, text
        if intent in ("rival", "current"):
            assert all(a.holder != OFFER for a in utterance.amounts), text


def test_other_peoples_pay_the_past_and_hypotheticals_are_no_figures_of_the_offer():
    """Held-out 29 (anxious, roundabout): a predecessor's pay, last year's, a figure 'two jobs ago' and the person's
    own ask were each taken as the offer's or the current job's, and a figure they might offer as a revision."""
    history = understand("last year I was making 140k, then I got a raise and now I'm at 155k base", DISCUSSED)
    assert [(a.holder, a.component, a.value) for a in history.amounts] == [(CURRENT, "base", 155_000)]
    ago = understand("I was at 145k two jobs ago, and now I'm at a smaller place making 138k base", DISCUSSED)
    assert [a.value for a in ago.amounts] == [138_000]
    before = "the guy before me was apparently paid 160k, and they're offering me 170k base with 90k equity"
    assert [a.value for a in understand(before, DISCUSSED).amounts] == [170_000, 90_000]
    friend = "my friend at Stripe got 250k and then PlanetScale comes in with 175k base and 80k equity"
    assert understand(friend, DISCUSSED).intent == "offer" and _figures(friend)[0][2] == 175_000
    # a figure they might offer, judged: a question placing it (the coach places it and keeps nothing), never a revision
    hypothetical = understand("if they came back with 200k base would that actually be good", DISCUSSED)
    assert hypothetical.intent == "good" and _figures("if they came back with 200k base would that be good") == [
        (OFFER, "base", 200_000, "money")
    ]
    asked = understand("I asked for 210k and she said they can't go above 200k base", DISCUSSED)
    assert [a.value for a in asked.amounts] == [200_000]
    assert _figures("wait no, the base is 185k, I typed 158k earlier") == [(OFFER, "base", 185_000, "money")]
    assert _figures("will the sign-on get taxed at like 40% as supplemental income?") == []


def test_whose_pay_when_the_name_comes_first_or_the_sentence_before():
    cohere = understand("Cohere got back to me. 195k base and a 30k signing bonus", DISCUSSED)
    assert cohere.intent == "rival" and {a.holder for a in cohere.amounts} == {rival("Cohere")}
    snowflake = understand("so there's another thing. Snowflake came in at 210k base", DISCUSSED)
    assert snowflake.rivals == ["Snowflake"]
    for text in ("my base salary right now is 118k. that's it", "at Twilio now, base is 150k"):
        assert {a.holder for a in understand(text, DISCUSSED).amounts} == {CURRENT}, text
    total = understand("my current total comp is 175k including stock, which is why this doesn't feel like a jump")
    assert total.intent == "current" and total.amounts[0].component == "total"


def test_roundabout_answers_deferrals_floors_and_apologies():
    assert understand(
        "um I think it was 187k? I'd have to double check the letter", Context(pending="base")
    ).intent == ("answer")
    assert understand(
        "they said L4 but I honestly don't know what that means there", Context(pending="level")
    ).intent == ("answer")
    assert understand("can we come back to that? not in a good headspace", Context(pending="equity")).intent == "skip"
    assert understand("I can't go lower than 195k base. rent went up", DISCUSSED).intent == "walk_away"
    long = "sorry this is long, I haven't slept. anyway: 182k base, 120k in RSUs, 15% bonus target"
    assert understand(long, DISCUSSED).intent == "offer"
    assert understand("wait, I've lost track, can you remind me where we landed?", DISCUSSED).intent == "status"
    assert understand("the recruiter emailed back: 5k more on the sign-on", DISCUSSED).intent == "revised"
    flexible = understand("the equity band tops out at 150k and the sign-on is the only flexible piece", DISCUSSED)
    assert flexible.fixed == ["equity"]


def test_terse_shorthand_and_slips_are_read_as_the_words_they_stand_for():
    """Held-out 30 (terse, with typos) scored 36.5% entity F1: 'b172k e90k', '185kbase', '190k/150k/25k b/e/s',
    'sallary', 'bonous', 'equitiy', 'singing bonus', 'plnaetscale', 'base 175->185' were each missed."""
    assert _figures("got the ofr!! b172k e90k stok, 10% bns") == [
        (OFFER, "base", 172_000, "money"),
        (OFFER, "equity", 90_000, "money"),
        (OFFER, "bonus", 10, "percent"),
    ]
    assert [f[1:3] for f in _figures("new ofr 190k/150k/25k b/e/s")] == [
        ("base", 190_000),
        ("equity", 150_000),
        ("sign_on", 25_000),
    ]
    assert [f[1:3] for f in _figures("planetscle came thru w/ 190k/140k/25k (basse/equitiy/singing bonus)")] == [
        ("base", 190_000),
        ("equity", 140_000),
        ("sign_on", 25_000),
    ]
    assert [f[1:3] for f in _figures("sallary 178k + 15% bonous")] == [("base", 178_000), ("bonus", 15)]
    assert [f[1:3] for f in _figures("ok so plnaetscale ofr came in: 185kbase 20ksign on")] == [
        ("base", 185_000),
        ("sign_on", 20_000),
    ]
    assert _figures("revisd ofr: singing bonus 15k->25k") == [(OFFER, "sign_on", 25_000, "money")]
    # ordinary words a slip away from pay words stay themselves; so does a word glued to a figure that is no pay word
    assert understand("is there a location adjustment for remote", DISCUSSED).notes == []
    assert understand("my plan b is grammarly at 168k base", DISCUSSED).rivals == ["grammarly"]
    assert _figures("a series b startup offered me 180k base") == [(OFFER, "base", 180_000, "money")]
    assert _figures("20kfoo base") == []


def test_terse_rivals_current_pay_and_refusals():
    """Held-out 30's misattributions and intent misses after the shorthand was read: a rival's offer named
    with no article ('got anthropc ofr too') or as a label ('stripe verbal: ...'), 'my ctc now', '@ datadog'."""
    for text in ("got anthropc ofr too, 310k tc", "stripe verbal: 205k base 15% bonous"):
        utterance = understand(text, DISCUSSED)
        assert utterance.intent == "rival" and all(a.holder != OFFER for a in utterance.amounts), text
    ctc = understand("my ctc now is 190k total incl bonus", DISCUSSED)
    assert ctc.intent == "current" and [a.holder for a in ctc.amounts] == [CURRENT]
    assert understand("currnt tc ~210k @ datadog", DISCUSSED).current_company == "datadog"
    cases = {
        "nope, they wont do more than 5k extra base": "pushback",
        "plnaetscale says they dont negotiate equitiy for l4s": "pushback",
        "take it or push more? idk": "accept",
        "can i push w/o a compting ofr": "leverage",
        "how to ask for one more week without sounding not interested": "deadline",
    }
    for text, intent in cases.items():
        assert understand(text, DISCUSSED).intent == intent, text


def test_whose_figure_said_beside_or_after_it():
    """Held-out 31 (whose pay is whose) gave rival and current figures to the own offer when the owner was said
    beside or after the figure: 'mongodb 200k vs planetscale 212k', 'my base at atlassian is 178k', '190k is my
    current base', 'the 240k was databricks's base', then 'planetscale is 205k base'."""
    side_by_side = "mongodb 200k vs planetscale 212k, base only. mongodb has a better bonus though (20%)"
    versus = understand(side_by_side, DISCUSSED)
    assert {(a.holder, a.value) for a in versus.amounts} == {
        (rival("mongodb"), 200_000),
        (OFFER, 212_000),
        (rival("mongodb"), 20),
    }
    at = understand("my base at atlassian is 178k and my bonus is 15k; planetscale's base is 200k", DISCUSSED)
    assert at.current_company == "atlassian"
    assert {(a.holder, a.value) for a in at.amounts} == {(CURRENT, 178_000), (CURRENT, 15_000), (OFFER, 200_000)}
    mine = understand("wait, I mixed them up: 190k is my current base, planetscale's is 210k", DISCUSSED)
    assert {(a.holder, a.value) for a in mine.amounts} == {(CURRENT, 190_000), (OFFER, 210_000)}
    theirs = understand("sorry, the 240k was databricks's base, not planetscale's. planetscale is 205k base", DISCUSSED)
    assert {(a.holder, a.value) for a in theirs.amounts} == {(rival("databricks"), 240_000), (OFFER, 205_000)}


def test_sales_pay_words_and_names_that_are_places_or_roles():
    """Held-out 32 (many roles and countries): OTE and commission were read as no part, 'Zalando wants me as a
    design lead at €98k' gave Zalando's figures to the own offer, and 'the Tokyo offer' / 'Sales development
    manager offer:' made rivals of a place and a role."""
    assert [f[1:3] for f in _figures("an OTE of 240k, split as 120k base and 120k commission at target")] == [
        ("total", 240_000),
        ("base", 120_000),
        ("bonus", 120_000),
    ]
    zalando = understand("Zalando wants me as a design lead at €98k base with a €10k sign-on.", DISCUSSED)
    assert zalando.intent == "rival" and {a.holder for a in zalando.amounts} == {rival("Zalando")}
    for text in ("The Tokyo offer is ¥14M base", "Sales development manager offer: 160k OTE", "AE offer: 160k OTE"):
        utterance = understand(text, DISCUSSED)
        assert utterance.rivals == [] and utterance.intent == "offer", text
    assert understand("Write a short note I can send the hiring manager to ask for more RSUs.").intent == "email"
    joining = "Would it be smarter to ask for a bigger joining bonus or push the base up instead?"
    assert understand(joining, DISCUSSED).intent == "sign_on_vs_base"


def test_pasted_letters_numbers_that_are_no_pay_and_whose_the_paste_is():
    """Held-out 33 (pasted letters, emails, HR portals): dates, years, IDs, postal codes, phones and floors were read
    as figures ('Start date 03/02/2027' as ?=2027, 'Req #48213' as base=48213), and a rival's letter or a payslip
    pasted after the words saying whose it is gave its figures to the own offer."""
    letter = (
        "here's what they sent: \"Dear Priya, / Base salary: $182,000 / Start date: 03/02/2027 / Req #48213 / "
        'Office: 1250 Market St, Suite 400, SF CA 94103 / Recruiter: (650) 555-0133, 15th Floor, call at 3:30pm"'
    )
    assert _figures(letter) == [(OFFER, "base", 182_000, "money")]
    for text in ("we expect 2026 to be a big year", "the grant vests 10/20/30/40 over four years"):
        assert [a for a in understand(text, DISCUSSED).amounts if a.value in (2026, 10)] == [], text
    assert understand("the grant vests 10/20/30/40 over four years", DISCUSSED).schedule
    databricks = 'I also have this from Databricks, pasting their letter: "Base salary: $215,000 / RSUs: $320,000"'
    assert {a.holder for a in understand(databricks, DISCUSSED).amounts} == {rival("Databricks")}
    payslip = 'for context this is from my current payslip at Stripe: "Employee ID 004417 / Annual salary: $158,000"'
    assert [(a.holder, a.value) for a in understand(payslip, DISCUSSED).amounts] == [(CURRENT, 158_000)]
    scale = 'Scale AI sent theirs: "Base compensation: $200,000 / Annual target bonus: 15%"'
    assert {a.holder for a in understand(scale, DISCUSSED).amounts} == {rival("Scale AI")}


def test_follow_ups_deep_in_a_conversation():
    """Held-out 34 (short follow-ups leaning on earlier turns): a rival's figure said by a possessive or told
    earlier for the rival was given to the own offer, '+5k' after a word was no change, and asks about what was
    said, what else the bot does, and bare answers to a pending question were read as nothing."""
    cohere = understand("and Cohere's has a 40k sign-on on top", DISCUSSED)
    assert cohere.intent == "rival" and _figures("and Cohere's has a 40k sign-on on top") == [
        (rival("Cohere"), "sign_on", 40_000, "money")
    ]
    assert _figures("also Cohere has a 40k sign-on") == [(rival("Cohere"), "sign_on", 40_000, "money")]
    assert understand("vesting has a 1-year cliff", DISCUSSED).rivals == []
    told = understand("wait, the 240k I gave you for stripe was total, not base", DISCUSSED)
    assert told.intent == "correction" and [(a.holder, a.component, a.value) for a in told.amounts] == [
        (rival("stripe"), "total", 240_000)
    ]
    plus = understand("they called again, same numbers but +5k sign-on", DISCUSSED)
    assert plus.intent == "revised" and [(a.component, a.change, a.value) for a in plus.amounts] == [
        ("sign_on", "up", 5_000)
    ]
    assert [a.change for a in understand("175k base + 20k bonus", DISCUSSED).amounts] == [None, None]
    assert [a.change for a in understand("update: +10k base", DISCUSSED).amounts] == [None]
    scratch = understand("scratch the bonus, there isn't one", DISCUSSED)
    assert scratch.intent == "correction" and scratch.none_of == ["bonus"]
    for text, intent in [
        ("what did I tell you the base was", "status"),
        ("remind me where we're at", "status"),
        ("wait what else can you help with", "help"),
        ("they want my expectations first, what do I say", "salary_history"),
    ]:
        assert understand(text, DISCUSSED).intent == intent, text
    for pending, text, intent in [
        ("region", "seattle", "answer"),
        ("company", "some startup", "answer"),
        ("region", "thanks", "thanks"),
        ("equity", "no idea, didn't ask", "skip"),
    ]:
        context = Context(pending=pending, company_names=frozenset({"planetscale"}))
        assert understand(text, context).intent == intent, text


def test_call_recaps_who_said_which_figure():
    """Held-out 35 (call recaps): 'base goes to 190k', 'they could add 10k to base, nothing else changed', 'couldnt
    do the 215k i asked for. but they can do 200k base' were read as a first offer or as no other offer; a pushback
    with no figure was lost to 'emailed back'; the person's own ask ('the 215k i asked for', 'told the recruiter i
    need 200k', 'i said 185k earlier') and a figure said again ('the same 180k') were kept as figures."""
    for text, intent in [
        ("just got off the call w the recruiter, base goes to 190k and sign on stays at 20k", "revised"),
        ("recruiter said they could add 10k to base, nothing else changed", "revised"),
        (
            "recruiter emailed back. long story short total comp is final, they wont go above what they offered",
            "pushback",
        ),
        ("called back, she said 4yr vest w 1y cliff is standard and they wont change the equity either", "pushback"),
        (
            "recruiter said they'd go to 185k if i sign this week. how much higher can i realistically counter",
            "counter",
        ),
        ("they said since im remote in austin the base is 172k, is that location adjustment fair?", "remote"),
        ("recruiter said its 4 years with 5/15/40/40 vesting, is that bad?", "vesting"),
        (
            "i mentioned my anthropic offer on the call and the recruiter went quiet. did i just burn my leverage?",
            "leverage",
        ),
        (
            "recruiter keeps pushing me for my current salary before she'll move on the number, what do i say",
            "salary_history",
        ),
    ]:
        assert understand(text, DISCUSSED).intent == intent, text
    own_ask = understand("they couldnt do the 215k i asked for. but they can do 200k base and a 30k sign on", DISCUSSED)
    assert own_ask.intent == "revised" and {a.value for a in own_ask.amounts} == {200_000, 30_000}
    assert [
        a.value for a in understand("told the recruiter i need 200k, she'll take it to comp", DISCUSSED).amounts
    ] == []
    assert [
        a.value for a in understand("wait i said 185k earlier but she actually said 188k base", DISCUSSED).amounts
    ] == [188_000]
    assert [
        a.value for a in understand("she opened w the same 180k, then emailed back 190k base", DISCUSSED).amounts
    ] == [190_000]
    bump = understand("they agreed to bump sign on by 20k but said no on base, its staying at 178k", DISCUSSED)
    assert bump.intent == "revised" and bump.fixed == ["base"]
    assert [(a.component, a.change, a.value) for a in bump.amounts][0] == ("sign_on", "up", 20_000)
    capped = understand("she said base is capped at 185 for this level, no wiggle room", DISCUSSED)
    assert capped.fixed == ["base"] and [a.value for a in capped.amounts] == [185]
    kept = understand(
        "came back with 172k and kept the bonus, said equity is standard for the level and cant move", DISCUSSED
    )
    assert kept.fixed == ["equity"]
    committee = understand(
        "asked for more rsus, she said the grant is set by the comp committee and cant change", DISCUSSED
    )
    assert committee.fixed == ["equity"]


def test_negotiations_outside_the_us_and_money_written_every_way():
    """Held-out 36: 'R$ 20 mil' was read as twenty million and '1,2 mil' as two million (mil is a thousand in
    Spanish and Portuguese; a decimal comma before a suffix is a decimal point); a rival that 'also came back', current
    pay 'I'm on A$165k ... at atlassian at the moment' and 'currently finance manager at DBS, S$9,800 monthly' were the
    own offer's; 'fixed is 36 LPA', 'brutto', 'gross', '5% employer pension contribution' were not read."""
    # a month's pay is the salary, as "I make 15k a month" is ("por mês" read as a month since held-out 47)
    assert _figures("atualmente ganho R$ 20 mil por mês") == [(CURRENT, "base", 20_000, "money")]
    assert [a.value for a in understand("oferta de 80 mil pesos", DISCUSSED).amounts] == [80_000]
    assert [a.value for a in understand("around 1,2 mil in stock over 4 years", DISCUSSED).amounts] == [1_200_000]
    assert [a.value for a in understand("R$ 1,5 milhão de base", DISCUSSED).amounts] == [1_500_000]
    razorpay = understand("razorpay also came back, 38 LPA fixed + 4L joining bonus", DISCUSSED)
    assert razorpay.intent == "rival" and {a.holder for a in razorpay.amounts} == {rival("razorpay")}
    atlassian = understand("for reference I'm on A$165k + 11.5% super at atlassian at the moment", DISCUSSED)
    assert atlassian.intent == "current" and {a.holder for a in atlassian.amounts} == {CURRENT}
    assert atlassian.current_company == "atlassian"
    dbs = understand("currently finance manager at DBS, S$9,800 monthly", DISCUSSED)
    assert dbs.intent == "current" and dbs.current_company == "DBS"
    assert _figures("CTC 42 LPA, fixed is 36 LPA and balance is variable pay") == [
        (OFFER, "total", 4_200_000, "money"),
        (OFFER, "base", 3_600_000, "money"),
    ]
    assert [a.component for a in understand("so the offer is 95K€ brutto per year", DISCUSSED).amounts] == ["base"]
    pension = understand("£78,000 base salary, 10% bonus target, 5% employer pension contribution", DISCUSSED)
    assert [a.component for a in pension.amounts] == ["base", "bonus", "retirement_match"]
    assert [(a.component, a.change) for a in understand("they added €5k relocation", DISCUSSED).amounts] == [
        ("relocation", None)
    ]
    for text, intent in [
        ("honestly anything under 40 LPA fixed and i'm not moving", "walk_away"),
        ("how do i politely turn down planetscale without burning the bridge, going with monzo", "say_no"),
        ("can i ask for 5 extra days of annual leave instead of more money", "other"),
        ("what happens to my unvested ESOPs if i leave after 18 months or the company gets acquired", "vesting"),
        ("ok ta-ra, will come back after the call", "goodbye"),
        ("hello good morning from lagos", "greeting"),
        ("what all can you help me with?", "help"),
        ("do you know any decent cafes near kings cross lol", "other"),
    ]:
        assert understand(text, DISCUSSED).intent == intent, text
    assert understand("going with monzo, thanks", DISCUSSED).rivals == ["monzo"]
    assert understand("lets start fresh, i entered the wrong offer earlier", DISCUSSED).rivals == []
    assert understand("is it smart to take it now or wait for the razorpay result", DISCUSSED).rivals == ["razorpay"]


def test_the_current_employers_counteroffer_is_the_current_jobs():
    """Held-out 37 (counteroffers and retention): 'my manager just said theyd bump me to 190k if i stay', 'a 25k
    retention bonus', 'my current co (datadog) countered at 230k total', 'the counter is 178k' were given to the own
    offer, and 'my boss', 'my current place', 'my current co' were read as rival companies."""
    for text, holder_part in [
        ("my manager just said theyd bump me to 190k if i stay", (CURRENT, None)),
        ("is a 25k retention bonus from my current co even a good deal vs the ps offer", (CURRENT, "bonus")),
        ("my current co (datadog) countered at 230k total, how much leverage does that give me", (CURRENT, "total")),
        ("want to bring up the 190k retention offer on the call", (CURRENT, None)),
        ("sorry typo, the counter is 178k not 168k", (CURRENT, None)),
        ("what should i counter with now that my boss offered 185k to stay?", (CURRENT, None)),
        (
            "my boss pulled me aside today after i gave notice, offered promo to senior + a 15k bump to base if i stay",
            (CURRENT, "base"),
        ),
    ]:
        utterance = understand(text, DISCUSSED)
        assert [(a.holder, a.component) for a in utterance.amounts] == [holder_part], text
        assert utterance.rivals == [], text
    assert understand("my current co (datadog) countered at 230k total", DISCUSSED).current_company == "datadog"
    assert understand("my counter was 210k", DISCUSSED).amounts == []  # the person's own ask stays no figure
    for text, intent in [
        ("my manager just said theyd bump me to 190k if i stay", "current"),
        ("is a 25k retention bonus from my current co even a good deal vs the ps offer", "good"),
        ("can i use the counter from my current job as leverage w planetscale or is that a bad look", "leverage"),
        ("how do i politely tell my boss no to the counter without burning the bridge", "say_no"),
        ("should i push ps on sign on to cover the retention bonus id forfeit, or go for base?", "sign_on_vs_base"),
        ("how do i tell my team im leaving lol, feel bad", "other"),
        ("hey, u around? bit of a situation w my job", "greeting"),
    ]:
        assert understand(text, DISCUSSED).intent == intent, text
    years = understand("4 yrs w 1 yr cliff", Context(pending="years", company_names=frozenset({"planetscale"})))
    assert years.intent == "answer" and years.vesting_years == 4 and years.cliff_months == 12


def test_a_busy_week_comparisons_and_ones_own_figure_after_someone_elses():
    """Held-out 38: 'comparing 3 now - cockroach labs 200k base, vercel 182k base w 20k bonus' gave both rivals'
    figures to the own offer ('comparing' had been 'corrected' to 'competing'); 'my friend at planetscale got 210k
    base ..., is my 180k base low?' lost the person's own figure to the friend's."""
    listed = understand(
        "comparing 3 now - cockroach labs 200k base, vercel 182k base w 20k bonus. ps still my fav", DISCUSSED
    )
    assert listed.intent == "rival" and {a.holder for a in listed.amounts} == {rival("cockroach labs"), rival("vercel")}
    friend = understand("my friend at planetscale got 210k base for the same role, is my 180k base low?", DISCUSSED)
    assert [(a.holder, a.value) for a in friend.amounts] == [(OFFER, 180_000)]
    more = understand("recruiter called back: +10k sign-on and 2,000 more RSUs", DISCUSSED)
    assert [(a.component, a.unit, a.change) for a in more.amounts][-1] == ("equity", "shares", "up")
    for text, intent in [
        ("hey 👋 anyone home", "greeting"),
        ("what can you actually help me with? first time using this", "help"),
        ("can I negotiate start date? they want me in 2 weeks", "other"),
    ]:
        assert understand(text, DISCUSSED).intent == intent, text


def test_several_offers_named_before_their_figures_in_one_message():
    """Held-out 39: 'ps 180k, figma 175k, linear 172k', 'stirpe offered 210k tc, rampp 198k tc, planetscale 185k tc',
    'airbnb 205k tc and doordash 190k tc', 'stripe (205k)', 'even though ramp is at 200k', 'another one today -
    databricks, 200k base', '60k/yr equity is datadog', 'the 20k sign on was from vercel', "vercel's fully remote at
    175k", 'datadog mentioned 20k/yr refresh' gave other companies' figures to the own offer (14 lines)."""

    def holders(text: str) -> list:
        return [(a.holder, a.value) for a in understand(text, DISCUSSED).amounts]

    assert holders("ps 180k, figma 175k, linear 172k. am i in a strong position") == [
        (OFFER, 180_000),
        (rival("figma"), 175_000),
        (rival("linear"), 172_000),
    ]
    assert holders("airbnb 205k tc and doordash 190k tc") == [(rival("airbnb"), 205_000), (rival("doordash"), 190_000)]
    assert holders("ps wants an answer by friday but stripe (205k) wont decide till next week") == [
        (rival("stripe"), 205_000)
    ]
    assert holders("base is capped at 185k for the band, even though ramp is at 200k") == [
        (OFFER, 185_000),
        (rival("ramp"), 200_000),
    ]
    assert {h for h, _ in holders("fyi got another one today - databricks, 200k base, 10% bonus")} == {
        rival("databricks")
    }
    assert holders("wait i mixed them up — 60k/yr equity is datadog, ps is 45k/yr") == [
        (rival("datadog"), 60_000),
        (OFFER, 45_000),
    ]
    assert holders("correction: the 20k sign on was from vercel, ps didnt offer one") == [(rival("vercel"), 20_000)]
    assert holders("would they cut it if i move to denver? vercel's fully remote at 175k") == [
        (rival("vercel"), 175_000)
    ]
    assert holders("datadog mentioned 20k/yr refresh in their offer") == [(rival("datadog"), 20_000)]
    assert holders("ps: 170k base, 25k bonus. my current is 160k at shopify") == [
        (OFFER, 170_000),
        (OFFER, 25_000),
        (CURRENT, 160_000),
    ]
    # a list needs names: parts, verbs and labels before figures are none
    assert {h for h, _ in holders("base 180k, equity 50k")} == {OFFER}
    assert {h for h, _ in holders("asking 200k, they offered 180k")} == {OFFER}
    assert understand("our panel of 7 interviewers was unanimous", DISCUSSED).rivals == []


def test_first_timers_pay_now_then_and_elsewhere_is_never_the_offer():
    """Held-out 40 (first-time negotiators and career changers), scored once: 'the offer neon actually gave me is
    138k', 'a nurse at mercy hospital right now making about 88k', 'at least 110k im walking, i make 104k now at the
    bank', 'what i make now at the school district ... its only 52k' gave a rival's or today's pay to the own offer;
    'I made 61k as an army logistics officer' and 'before my career break i was making 140k at oracle' made past pay
    the offer's or today's."""

    def holders(text: str) -> list:
        return [(a.holder, a.value) for a in understand(text, DISCUSSED).amounts]

    assert holders("my friend got 150k at neon last year but the offer neon actually gave me is 138k total") == [
        (rival("neon"), 138_000)
    ]
    nurse = understand("im a nurse at mercy hospital right now making about 88k a year with overtime", DISCUSSED)
    assert (nurse.intent, nurse.current_company, [a.holder for a in nurse.amounts]) == (
        "current",
        "mercy hospital",
        [CURRENT],
    )
    assert "current=mercy_hospital" in nurse.labels()  # spaces as _, as for rivals
    assert holders("im a nurse making 88k") == [(CURRENT, 88_000)]
    assert holders("im a bit nervous making 120k feels low") == [(OFFER, 120_000)]
    walking = understand("if they cant get the salary part to at least 110k im walking, i make 104k now", DISCUSSED)
    assert walking.intent == "walk_away"
    assert {a.label() for a in walking.amounts} == {"base=110000", "current:?=104000"}
    assert understand("i need at least 210k or i'm staying put", DISCUSSED).labels() == {"total=210000"}
    history = understand(
        "the recruiter asked what i make now at the school district, do i have to tell her?? its only 52k", DISCUSSED
    )
    assert (history.intent, [a.holder for a in history.amounts]) == ("salary_history", [CURRENT])
    told = understand("they asked what im making now at stripe and i said 165k base", DISCUSSED)
    assert told.intent == "current"  # told, not asked
    # past pay is nobody's now
    assert holders("$105,000 salary. For reference I made 61k as an army logistics officer before I got out") == [
        (OFFER, 105_000)
    ]
    career_break = understand(
        "before my career break i was making 140k at oracle and now planetscale offers 120k", DISCUSSED
    )
    assert ([(a.holder, a.value) for a in career_break.amounts], career_break.current_company) == (
        [(OFFER, 120_000)],
        None,
    )
    assert holders("I was making 150k at google until last month, now they offered 180k") == [(OFFER, 180_000)]
    # the person's own figure after a friend's; an ask weighed; years of a past job
    assert holders("my friend from bootcamp got 95k at planetscale, mine says 88k salary, is that low") == [
        (OFFER, 88_000)
    ]
    assert holders("i was thinking asking for 20k but idk if thats crazy") == []
    assert (
        understand(
            "they put me at L2 but i was a nurse for 6 years, can i argue for a higher level", DISCUSSED
        ).vesting_years
        is None
    )
    assert understand("im coming from teaching so no idea if thats normal", DISCUSSED).rivals == []
    assert [a.label() for a in understand("theres a joining money thing of 10k", DISCUSSED).amounts] == [
        "sign_on=10000"
    ]


def test_first_timers_questions_in_loose_words():
    """Held-out 40's intent misses, each a wording the rules did not know."""
    said = {
        "how do i turn planetscale down politely, i decided to go back to teaching": "say_no",
        "hi sorry im totally new to this, what can you actually help me with?": "help",
        "can you remind me what you've got written down for my offer so far": "status",
        "dumb question but what does vesting actually mean, like if i leave after 8 months": "vesting",
    }
    assert {text: understand(text, DISCUSSED).intent for text in said} == said


def test_todays_pay_and_a_counter_set_against_the_offer():
    """Held-out 31 and 37's last misattributions: 'and my current 200k total' and 'ps is 210k base vs a 200k counter'
    gave today's pay and the current employer's counteroffer to the own offer."""

    def holders(text: str) -> list:
        return [(a.holder, a.value) for a in understand(text, DISCUSSED).amounts]

    assert holders("supabase came back with 235k total, vs planetscale 220k total and my current 200k total") == [
        (rival("supabase"), 235_000),
        (OFFER, 220_000),
        (CURRENT, 200_000),
    ]
    assert holders("ps is 210k base vs a 200k counter, is the ps number fair for senior in nyc?") == [
        (OFFER, 210_000),
        (CURRENT, 200_000),
    ]
    assert holders("they offered 180k, should i ask for a 200k counter?") != [(OFFER, 180_000), (CURRENT, 200_000)]


def test_startup_offers_in_their_own_words():
    """Held-out 41 (startup and equity-heavy offers), scored once: today's job and pay told as 'I'm a director at Meta
    now, 260k base', and 'I make 165k base now ... I won't take less than 180k', were given to the own offer; a
    preferred price was a figure of equity; 'a seed stage co called Tessl' named a rival 'seed stage'; 'ps's 185k base'
    after another's offer was that other's; 'waiting on the share count' named a rival."""

    director = read("I'm a director at Meta now, 260k base and roughly 400k/yr in RSUs")
    assert (director.intent, director.current_company, {a.holder for a in director.amounts}) == (
        "current",
        "Meta",
        {CURRENT},
    )
    floor = read("I make 165k base now at Airtable so I won't take less than 180k base from them")
    assert floor.intent == "walk_away"
    assert {a.label() for a in floor.amounts} == {"current:base=165000", "base=180000"}
    priced = read("so the numbers r 160k base + 25k signing + 60k RSUs/yr, double trigger, preferred price is $12.40")
    assert priced.share_price == Decimal("12.40") and "equity=12" not in {a.label() for a in priced.amounts}
    assert read("am i getting lowballed? 40k options at a $3 strike when the preferred is $9").share_price == 9
    assert read("other offer is from a seed stage co called Tessl, 150k base and 0.5% equity").rivals == ["Tessl"]
    beats = read("just got an offer from Neon, 195k base + 0.2% equity, which beats ps's 185k base")
    assert [(a.holder, a.value) for a in beats.amounts if a.value == 185_000] == [(OFFER, 185_000)]
    skipped = read("skip for now, still waiting on the share count", pending="equity")
    assert (skipped.intent, skipped.rivals) == ("skip", [])
    assert read("4 years, monthly after a 1 year cliff", pending="years").intent == "answer"
    assert read("bay area, hybrid 3 days a week", pending="region").intent == "answer"
    assert read("is remote ok?", pending="region").intent == "remote"
    assert read("typo: strike is $0.85 not $8.50").intent == "correction"
    assert (read("they leveled me at senior").intent, read("they leveled me at senior").level) == ("detail", "senior")
    assert read("scrap all that, let's start from scratch").intent == "start_over"
    assert (
        read(
            "recruiter says the best they can do on equity is 35,000 shares, the board already approved the grant"
        ).intent
        == "pushback"
    )


def test_english_as_a_second_language():
    """Held-out 42 (English as a second language), scored once: 'Mercado Libre offer me R$ 32 mil ...' and
    'Zalando propose me 95.000' were the own offer's (the verb without its ending), and so was the next name's figure;
    '28 mil' beside 'R$ 32 mil' was 28 million; 'working in Infosys', 'in SAP since 5 years' and 'my salary in Shopify
    now is' named no current job; 'instead 170k' kept the replaced figure. Other wordings than the set's here."""

    def labels(text: str) -> set[str]:
        return read(text).labels()

    assert labels("Nubank offer me R$ 30 mil per month, and planetscale salary is 26 mil per month") == {
        "nubank:base=30000/month",
        "rival=nubank",
        "base=26000/month",
    }
    assert labels("Adyen propose me 90.000 brutto and Bol 85k base, more than ps") == {
        "adyen:base=90000",
        "rival=adyen",
        "bol:base=85000",
        "rival=bol",
    }
    assert labels("now i am working in Wipro, salary 14 LPA") == {"current:base=1400000", "current=wipro"}
    assert labels("i am in Siemens since 3 years, i earn 70.000 brutto") == {"current:base=70000", "current=siemens"}
    assert labels("i am in Berlin since 2019, i earn 78k") == {"current:?=78000"}  # a place, and a year
    assert "current=atlassian" in labels("my salary in Atlassian now is 150k AUD")
    revised = read("recruiter call me back, now they give 180k base instead 172k")
    assert (revised.intent, revised.labels()) == ("revised", {"base=180000"})
    assert read("good news, they increase the base by 10k").intent == "revised"
    assert read("can they increase the base by 10k?").intent != "revised"
    assert read("i don't accept less than 85k euro for base salary").intent == "walk_away"
    assert read("hola! good morning to you").intent == "greeting"
    assert read("let's begin again from zero").intent == "start_over"
    assert read("what things you can do?").intent == "help"
    assert read("they want to give me 0.25% of the company and 160k salary").rivals == []


def test_senior_and_executive_candidates():
    """Held-out 43 (senior, staff and executive candidates), scored once: 'at Google right now: 260k base ...' gave
    today's pay to the offer (a colon after 'now', where a comma was read); 'with shares at roughly $20' was a figure
    of equity; 'floor is 350k base', 'countersigned', 'is this package market', 'if they flatly refuse',
    'where do things stand', 'morning', 'scrap everything and start', 'wipe whatever you've stored' went unread.
    And an answer to the coach's question about alternatives naming a company beside a figure ('Stripe, 700k
    total') was the offer's. Other wordings than the set's here."""

    today = read("at Stripe currently: 300k base and about 200k a year in stock")
    assert (today.current_company, {a.holder for a in today.amounts}) == ("Stripe", {CURRENT})
    priced = read("they offered 280k base and 40,000 RSUs, shares trading at about $25")
    assert priced.share_price == 25 and "equity=25" not in priced.labels()
    assert read("floor: 320k base").intent == "walk_away"
    assert read("just countersigned the letter").intent == "accepted"
    assert read("is the offer at market for a staff engineer?").intent == "good"
    assert read("if they simply refuse to budge on equity, then what?").intent == "say_no"
    assert read("where do things stand with my offer?").intent == "status"
    assert read("evening!").intent == "greeting"
    assert read("drop all that and start over").intent == "start_over"
    assert read("delete whatever you have about me").intent == "forget"
    named = read("Datadog, 650k total", pending="leverage")
    assert (named.intent, named.labels()) == ("rival", {"datadog:total=650000", "rival=datadog"})
    assert read("390k base at Snowflake", pending="leverage").labels() == {"snowflake:base=390000", "rival=snowflake"}
    assert read("PlanetScale, 190k", pending="leverage").labels() == {"?=190000"}  # the company discussed: the offer


def test_whole_conversations_turn_by_turn():
    """Held-out 44 (six whole conversations), scored once: answering the coach's question about alternatives with
    'I'd stay at Kaiser if this falls through, I make 128k there' was a walk-away of 128k for the offer, and
    'currently 175k base' opening a clause was the offer's; 'sitting on a snowflake offer' named no rival; a bare
    'staff' answering the level question, 'now as an email', 'whats my play if they wont move on base?',
    "they're offering ... now", 'my current CTC' went unread; '100% of quota' was a bonus of 100%; "they're
    currently at 185k base" was today's pay. Other wordings than the set's here."""

    staying = read("I'd just stay with Epic, I earn 140k there", pending="leverage")
    assert (staying.intent, {a.holder for a in staying.amounts}) == ("current", {CURRENT})
    assert read("if they can't do 200k i'd stay, i make 180k now").intent == "walk_away"  # a floor, and today's pay
    now = read("I'll stay put, currently 160k base and a 10% bonus")
    assert {a.holder for a in now.amounts} == {CURRENT}
    assert {a.holder for a in read("they're currently at 185k base").amounts} == {OFFER}
    assert read("also holding a databricks offer, 280k total").labels() == {
        "databricks:total=280000",
        "rival=databricks",
    }
    assert read("principal, i think", pending="level").level == "principal"
    assert read("same thing as an email please").intent == "email"
    supposed = read("what's the plan if they won't move on equity?")
    assert (supposed.intent, supposed.fixed) == ("say_no", [])
    assert read("They're offering a 20k sign-on now, everything else the same").intent == "revised"
    assert read("the recruiter is asking for my current TC, what do I say?").intent == "salary_history"
    assert "bonus=100%" not in read("120k base and 120k commission at 100% attainment").labels()


def test_people_in_unusual_positions():
    """Held-out 45 (return offers, conversions, promotions, boomerangs, counteroffers, asking for someone else),
    scored once: 'the return offer', 'my wife's signing bonus', 'my husband's sign-on' named rivals 'return', 'wife'
    and 'husband' and gave them the offer's figures; 'Stripe countered with 215k base to keep me' was a rival's
    offer, not the employer one is leaving; 'my current job in Berlin pays' named a rival 'in'; 'four, with a
    one-year cliff' answering the years gave no years. Other wordings than the set's here."""

    assert read("correction: the promotion offer is 210k base, not 200k").labels() == {"base=210000"}
    assert read("my partner's offer has 90k equity over 4 years, not 80k").labels() == {"equity=90000", "years=4"}
    assert read("ps raised my husband's base by 5k").labels() == {"base=+5000"}
    assert read("my brother makes 200k at google").labels() == set()  # a third person's pay, as before
    kept = read("after I resigned, Figma came back with 230k base to retain me")
    assert (kept.current_company, kept.labels()) == ("Figma", {"current:base=230000", "current=figma"})
    assert read("Ramp offered 200k and wants an answer by friday").rivals == ["Ramp"]
    assert read("my current role in Toronto pays 140k base").labels() == {"current:base=140000"}
    assert read("4, and a 6 month cliff", pending="years").labels() == {"years=4", "cliff=6"}
    assert read("can you draft a message to my boss asking for a bigger promotion raise?").intent == "email"
    assert read("they want to know what I charged as a freelancer, must I tell them?").intent == "salary_history"
    compared = read("how does 190k stack up against what stripe offered")
    assert [(a.holder, a.value) for a in compared.amounts] == [(OFFER, 190_000)]


def test_reactions_to_the_coachs_replies():
    """Held-out 46 (people reacting to the coach's replies), scored once: 'you've got it backwards', 'you have my base
    wrong, it's 172k' went unread as corrections (and the figure without the part the correction names); figures quoted
    back from the reply ('you said the band tops out at 220k', 'than your 220k', 'you put the sign-on at 30k') were
    read as the offer's or as a pushback; 'the 120k stock grant is fixed' named a rival 'fixed'; 'redo the counter',
    'what numbers do you have', 'they want a reply to my counter by tomorrow', 'they asked what number I'm expecting',
    '..., let's start from scratch' went unread. Other wordings than the set's here."""

    swapped = read("you mixed up the bonus and the sign-on, the 25k is the sign-on")
    assert (swapped.intent, swapped.labels()) == ("correction", {"sign_on=25000"})
    wrong = read("you've got my equity wrong, it's 150k over 4 years")
    assert (wrong.intent, wrong.labels()) == ("correction", {"equity=150000", "years=4"})
    quoted = read("you said the ceiling is 240k, so is 230k really that low?")
    assert [(a.holder, a.value) for a in quoted.amounts] == [(OFFER, 230_000)] and quoted.fixed == []
    assert read("levels.fyi has a higher top than your 250k, is the offer fair?").labels() == set()
    assert read("whatever you suggest, I won't go below 190k base").labels() == {"base=190000"}
    assert read("the 80k rsu grant is capped, they said").rivals == []
    assert read("recalculate the counter with the new base").intent == "counter"
    assert read("what figures do you have on file for me?").intent == "status"
    assert read("they want an answer on my counter by friday, is that normal?").intent == "deadline"
    assert read("the recruiter asked me what I'm looking for, do I give your target?").intent == "salary_history"
    assert read("I confused myself, let's start over").intent == "start_over"


def test_switching_languages_mid_message():
    """Held-out 47 (bilingual people switching languages), scored once: 'may offer din ako from Grab', 'Zalando hat mir
    auch ein Angebot gemacht', 'Flipkart ka base 44 LPA hai, 42 nahi' gave a rival's figures to the offer; 'por mês',
    'al mes' were no period; 'saal', 'años' no years; 'Flipkart yaar' a company called so; 'may 1 year cliff' a
    date ('may', there is, in Tagalog); '25k, no 15k' kept the replaced figure; walk-aways, thanks, greetings and
    questions in the other language went unread (bot/understanding/loanwords.py puts them as English). Other
    wordings than the set's here."""

    assert read("meron din ako offer din ako from Shopee, 1.5M PHP total daw").labels() == {
        "shopee:total=1500000",
        "rival=shopee",
    }
    assert read("Siemens hat mir ein Angebot gemacht: 85k base").labels() == {"siemens:base=85000", "rival=siemens"}
    corrected = read("sorry, Swiggy ka base 30 LPA hai, 28 nahi")
    assert corrected.labels() == {"swiggy:base=3000000", "rival=swiggy"}
    assert read("me ofrecieron 40 mil pesos al mes de base").labels() == {"base=40000/month"}
    assert read("R$ 22 mil por mês de salário").labels() == {"base=22000/month"}
    assert read("ESOP 3 saal mein vest hoga", pending="years").vesting_years == 3
    assert read("Paytm yaar, 25 LPA", pending="leverage").rivals == ["Paytm"]
    assert read("may 6 month cliff daw").cliff_months == 6
    assert read("perdón, el bono es 20k, no 10k").labels() == {"bonus=20000"}
    assert read("honestly 40 LPA base se kam nahi chalega").intent == "walk_away"
    assert read("en bas de 90k de base, c'est non").intent == "walk_away"
    assert read("gracias, muy útil").intent == "thanks"
    assert read("bonjour!").intent == "greeting"
    assert read("¿cómo funciona el cliff?").intent == "vesting"
    assert read("efface mes données stp").intent == "forget"
    assert read("ils sont revenus avec 130k base").intent == "revised"


def test_people_from_outside_software_in_their_own_words():
    """Held-out 48 (industries outside software), scored once: a salesperson's '6k monthly draw' was read as a monthly
    base, '9k in night shift differentials' and a '60/40 split' as pay; 'I'm hourly on the support desk right now'
    gave today's pay to the offer; 'ps offered' after one's own pay was no marker of the offer ('ps' is no stranger's
    name, but the coach's); 'starts at the same base, no exceptions' was no pushback and 'teachers never negotiate'
    one; 'bargain with', 'W-2', 'what can this bot do', 'it's just ps', 'no idea, they only called it discretionary'
    and 'won't leave the desk for less than' went unread. Other wordings than the set's here."""
    overtime = read("ps offered 98k base plus 12k a year in overtime")
    assert overtime.labels() == {"base=98000"}  # the notation has no part for overtime; the coach keeps it as a note
    assert [(a.component, a.value, a.words) for a in overtime.amounts][1] == ("other_pay", 12_000, "overtime")
    assert read("any tips on 180k?").labels() == {"?=180000"}  # advice asked for, no pay in tips
    draw = read("they offered 120k base and a non-recoverable draw of 4k a month")
    assert draw.labels() == {"base=120000"} and draw.amounts[1].period == "month"
    assert read("is an 80/20 salary to commission mix normal?").labels() == set()
    assert read("I earn 80k and ps offered 100k").labels() == {"current:?=80000", "?=100000"}
    hourly = read("I'm salaried on the ops floor right now, base comes to 74k")
    assert hourly.labels() == {"current:base=74000"}
    assert read("HR told me all new hires come in at the same salary, no exceptions").fixed == ["base"]
    assert read("nurses never negotiate, is it weird that I want to?").fixed == []
    assert read("what can I use to bargain with?").intent == "leverage"
    assert read("they asked to see my W2 from last year").intent == "salary_history"
    assert read("so what could this app actually do").intent == "help"
    assert read("I'm not talking to any other companies").intent == "no_alternatives"
    assert read("it's only them").intent == "no_alternatives"
    assert read("not sure, the letter only says eligible", pending="bonus").intent == "skip"
    assert read("not quitting my residency for under 90k").intent == "walk_away"
    assert read("start over with the marketing offer").rivals == []


def test_a_phones_autocorrect_and_dictation():
    """Held-out 49 (messages typed in Slack and dictated on a phone), scored once: 'sing on' (a phone's 'sign on') was
    read as a bonus or no part, 'RSI' (its 'RSU') as no grant, a dictated 'comma' as a word, and a role answered
    with where it sits ('backend engineer on the storage team') as no answer. Read so only where pay is meant: singing
    and a repetitive strain injury stay what they are. Other wordings than the set's here."""
    assert read("a 12k sing on bonus").labels() == {"sign_on=12000"}
    assert read("the sing on is 20k").labels() == {"sign_on=20000"}
    assert read("125k base and 80k in RSIs").labels() == {"base=125000", "equity=80000", "grant=rsu"}
    assert read("do RSIs vest monthly?").grant_type == "rsu"
    assert read("I sing on weekends").amounts == [] and read("my RSI is acting up from typing").grant_type is None
    assert read("senior data analyst in the risk group", pending="role").intent == "answer"


def test_figures_said_loosely():
    """Held-out 50 (approximate, ranged, vague and relative figures), scored once: 'bumped base by about 10k' was read
    as a base of 10k and 'cut the sign-on by 5k but raised the stock to 180k' as one change making 180k; '20k more
    than ps' gave a rival a change and 'a bit under 200k', 'north of 250k' were taken as figures; '2 hundred grand',
    'call it 175', 'four, I think' and a range given for the figure asked went unread; 'what if I ask for 10% more
    and they just say no?' was a counter. Other wordings than the set's here: a loose bound or band is kept out as a
    range (so the coach says so and asks), never a figure."""
    assert read("they raised equity by roughly 20k").labels() == {"equity=+20000"}
    assert read("they cut the bonus by 3k but upped the base to 190k").labels() == {"bonus=-3000", "base=190000"}
    amazon = read("Amazon pays about 15k more than ps on base")
    assert amazon.amounts == [] and amazon.rivals == ["Amazon"]
    loose = read("the recruiter hinted at north of 300k total")
    assert loose.amounts == [] and loose.ranges == ["north of 300k"] and loose.intent == "other"
    assert read("my total is a tad under 250k").ranges == ["a tad under 250k"]
    assert read("base is 3 hundred grand").labels() == {"base=300000"}
    assert read("three, I believe", pending="years").vesting_years == 3
    assert read("somewhere between 10 and 15 percent", pending="bonus").intent == "answer"
    assert read("what if I push for 20k more and they say no?").intent == "say_no"
    assert read("do refreshers tend to be like 30% of the initial grant?").amounts == []


def test_a_million_said_in_words_is_one_million_never_none():
    """Held-out 51 (tone), scored once, showed 'a million bucks' read as a figure of 0: the words before a scale the
    amount reader keeps ('million', 'lakh', 'crore') gave none of it. The one cause fixed after that set's score,
    because it showed a wrong figure; the set stays the measure."""
    assert read("they offered a million").labels() == {"?=1000000"}
    assert read("one million dollars base").labels() == {"base=1000000"}
    assert read("joining bonus of a lakh").labels() == {"sign_on=100000"}
    assert read("forty two lakh").labels() == {"?=4200000"}


def test_a_limit_said_is_the_companys_and_a_market_figure_quoted_is_nobodys():
    """Held-out 31 line 4346 (scored long ago, left since): 'they can't match the anthropic number, max they can do
    is 225k base' gave the company's limit to Anthropic, and 'the market figure I quoted (230k)' made a rival called
    'market'. Other wordings than the set's here."""
    limit = read("they can't beat google's 240k, the best she could do is 220k")
    assert ("offer", 220_000) in [(a.holder, a.value) for a in limit.amounts]
    assert read("the number I gave them, 240k, was from levels").amounts == []
    assert read("the market rate I quoted (250k) was for big tech").rivals == []


def test_a_dislike_of_the_offer_is_no_word_of_alternatives():
    """Seen in passing: the classifier's second opinion read 'honestly I don't like this offer much' as 'no other
    offers' (a negation beside 'offer'), which would move the case on as if the person had no alternative."""
    assert read("honestly I don't like this offer much").intent == "other"
    assert read("i really don't love the offer").intent != "no_alternatives"
    assert read("I don't have anything else").intent == "no_alternatives"


def test_feeling_around_the_figures():
    """Held-out 51 (tone: sarcasm, venting, jokes), scored once: 'lol Meta offered me ...' made 'lol Meta' a name and
    no name at all, so Meta's figure went to the offer; 'like a million bucks. jk' was a figure; 'got the sign-on up
    by 10k and the RSUs to 140k' read the 10k as a change making 140k; 'ugh sorry, base is 187k not 178k, too much
    coffee' was no correction; a share count answered with a shrug, 'what if I push and they laugh at me and pull
    the offer?', 'wtf is a cliff', 'heyyy, buckle up' went unread; 'take the money and cry' named a rival 'cry'.
    Other wordings than the set's here."""
    assert read("ugh Stripe came back at 210k base").labels() == {"stripe:base=210000", "rival=stripe"}
    assert read("250k jk, it's 205k base").labels() == {"base=205000"}
    bumped = read("she pushed the bonus up by 5k and the base to 190k")
    assert bumped.intent == "revised" and bumped.labels() == {"bonus=+5000", "base=190000"}
    assert read("omg I'm so dumb, equity is 120k not 210k, lol").intent == "correction"
    assert read("8,000 shares, no idea what they're worth tbh", pending="shares").intent == "answer"
    assert read("what if I counter and they get mad and rescind?").intent == "say_no"
    assert read("wth does double trigger mean").intent == "vesting"
    assert read("wtf, they cut my base").intent != "remote"
    assert read("hey! long week, let me catch you up").intent == "greeting"
    assert read("choose between the money and the mission").rivals == []


def test_local_pay_terms_outside_the_us():
    """Held-out 52 (roles outside the US, local pay terms), scored once: 'currently drawing' was no marker of today's
    pay; a floor in rupees and 'anything less and I stay put' no walk-away; 'fixed at 20% of CTC' made the CTC a
    part; '11.5% on top of the base' a change; an RRSP match no retirement contribution; an aguinaldo no bonus; the
    Dutch '30% ruling' a figure; 'next grade up' no level; '1,200万円' unread. Other wordings than the set's here."""
    assert read("presently drawing 18 LPA fixed at TCS").labels() >= {"current:base=1800000"}
    assert read("floor is ₹60 LPA, anything lower and I walk").intent == "walk_away"
    assert read("HR says the bonus is capped at 15% of fixed").labels() == {"bonus=15%", "fixed=bonus"}
    assert read("pension is 8% on top of the base").labels() == {"retirement_match=8%", "note=retirement_match"}
    assert read("they match 5% into my KiwiSaver").labels() == {"retirement_match=5%", "note=retirement_match"}
    assert read("there's a 13th month salary of 6,000 CHF", pending="bonus").labels() >= {"bonus=6000"}
    assert read("will the 30% ruling apply to my sign-on?").amounts == []
    assert read("is it worth asking for a higher band before signing?").intent == "level"
    assert read("base is 950万円").labels() == {"base=9500000"}


def test_long_messages_carry_figures_that_are_nobodys_offer():
    """Held-out 53 (long rambling messages), scored once: a house deposit, rent, daycare, a Glassdoor average and last
    year's bonus were read as figures of the offer or the current job; 'on the drive home PlanetScale's recruiter
    called' named a rival 'drive home planetscale' holding the offer's new figures; 'this morning Stripe sent' a rival
    'morning stripe'; 'the Datadog letter ... their stock is 300k' gave Datadog's stock to the offer. Other wordings
    than the set's here."""
    assert read("we need about 50k for the down payment, and they offered 170k base").labels() == {"base=170000"}
    assert read("childcare is 1,900 a month, the ps offer is 165k base").labels() == {"base=165000"}
    assert read("Glassdoor says the median there is 185k, they offered 172k base").labels() == {"base=172000"}
    assert read("last year's bonus was only 6k, I make 150k base now").labels() == {"current:base=150000"}
    home = read("on the way home PlanetScale's recruiter called: base goes to 181k")
    assert home.rivals == [] and home.labels() == {"base=181000"}
    assert read("this afternoon Ramp sent their offer, 190k base").labels() == {"ramp:base=190000", "rival=ramp"}
    letter = read("I reread the Ramp letter and their stock is 150k, not 120k")
    assert letter.labels() == {"ramp:equity=150000", "rival=ramp"}


def test_offers_relayed_by_agencies_and_recruiters():
    """Held-out 54 (offers relayed by someone else), scored once: 'the client' (an agency's word for the company
    hiring) was read as a rival called 'client', taking the offer's figures; a rival's figures relayed by its own
    headhunter or recruiter ('the headhunter for Stripe says they'd go to 210k') went to the offer; an agency's fee and
    a referral bonus were figures; 'agency', 'headhunter', 'really' were names. Other wordings than the set's here."""
    assert read("my agency recruiter says the client can stretch to 188k base").labels() == {"base=188000"}
    assert read("the recruiter for Ramp says they can do 205k base").labels() == {"ramp:base=205000", "rival=ramp"}
    assert read("Figma's recruiter told me they're at 190k base").labels() == {"figma:base=190000", "rival=figma"}
    fee = read("they offered 170k base, and the agency takes a 15% fee from them")
    assert fee.labels() == {"base=170000"}
    assert read("she gets a 3k referral bonus when I join").amounts == []
    assert read("they pay a 10% commission on sales").labels() == {"bonus=10%"}


def test_a_myriad_without_the_yen_sign_keeps_the_word_after_it():
    """'1亿 total' had become '100,000,000total': the space after a myriad was taken with the yen sign it may have."""
    assert read("1亿 total").labels() == {"total=100000000"}
