"""The first message of a conversation, when no company is known yet: whose offer is it?

"I have an offer from Stripe" names the person's own offer; "I *also* have an offer from
Google" names one held besides it, whose figures must never become the offer's (before:
"i also have an offer from google for 200k base" was noted as the person's own base, and
replaced it). And a bare figure beside the offer's verb ("they offered me 175 plus 90k RSUs")
is kept for the coach to ask about, never dropped unsaid.
"""

from __future__ import annotations

import pytest

from bot.understanding.entities import Context
from bot.understanding.reader import understand

# (text, labels, the offer's company as typed)
FIRST_MESSAGES = [
    ("i also have an offer from google for 200k base", {"google:base=200000", "rival=google"}, None),
    ("I also have an offer from Google for 200k base", {"google:base=200000", "rival=google"}, None),
    ("I've also got an offer from Meta: 210k base", {"meta:base=210000", "rival=meta"}, None),
    ("I have an offer from Stripe too, 200k base", {"stripe:base=200000", "rival=stripe"}, None),
    ("got an offer from Ramp as well - 185k base", {"ramp:base=185000", "rival=ramp"}, None),
    ("also i have an offer from figma at 240k tc", {"figma:total=240000", "rival=figma"}, None),
    ("I have an offer from Stripe: 190k base", {"base=190000"}, "Stripe"),
    ("Stripe offered me 190k base for a backend engineer role in NYC", {"base=190000"}, "Stripe"),
    ("got an offer from Datadog for 185k base, 100k RSUs", {"base=185000", "equity=100000", "grant=rsu"}, "Datadog"),
    ("i have a job offer from acme corp, 150k base", {"base=150000"}, "acme"),
    ("hey can you look at my planetscale offer, 180k base", {"base=180000"}, "planetscale"),
    ("I have a Stripe offer: 185k base", {"base=185000"}, "Stripe"),
    ("Got the planetscale ML offer!! 🎉 $182,500 base / no bonus", {"base=182500", "no=bonus"}, "planetscale ML"),
    ("there's also a datadog offer: 190k base", {"datadog:base=190000", "rival=datadog"}, None),
    ("i also have a google offer, 210k base", {"google:base=210000", "rival=google"}, None),
    ("they offered me 175 plus 90k RSUs", {"?=175", "equity=90000", "grant=rsu"}, None),
    ("offered me 180, 20k sign on", {"?=180", "sign_on=20000"}, None),
    ("the offer is 190 with a 50k sign-on", {"?=190", "sign_on=50000"}, None),
    # the held-out list's causes, in other words
    ("Brex's package is 188k base and 50k stock", {"base=188000", "equity=50000"}, "Brex"),
    ("I have 195k base from Coinbase on the table", {"base=195000"}, "Coinbase"),
    ("180k base, 90k rsus over 4 years from modal", {"base=180000", "equity=90000", "grant=rsu", "years=4"}, "modal"),
    ("Landed a role with Gusto: 170k base", {"base=170000"}, "Gusto"),
    ("company: Rippling. 185k base, no equity", {"base=185000", "no=equity"}, "Rippling"),
    ("Benchling offer came through, 176k base", {"base=176000"}, "Benchling"),
    ("Samsara wants me!! 190k base", {"base=190000"}, "Samsara"),
    ("Samsara wants me too, 190k base", {"samsara:base=190000", "rival=samsara"}, None),
]


@pytest.mark.parametrize(("text", "labels", "company"), FIRST_MESSAGES)
def test_the_first_message_says_whose_offer_it_is(text, labels, company):
    utterance = understand(text, Context())
    assert utterance.labels() == labels
    assert utterance.company == company


# Written blind after the lists above were tuned on, scored once (9 of 16 read exactly: the offer's
# company missed in 6, one offer read as held besides the person's own), then fixed in general with
# other wordings added above; kept as written, with a floor at the first score.
FIRST_MESSAGES_HELD_OUT = [
    (
        "Offer from Figma came in today: 188k base, 120k RSUs, 10% bonus",
        {"base=188000", "equity=120000", "grant=rsu", "bonus=10%"},
        "Figma",
    ),
    (
        "So Notion offered me the senior role at $205,000 base plus $40k signing",
        {"base=205000", "sign_on=40000"},
        "Notion",
    ),
    ("just signed nothing yet but vercel's offer is 176k + 60k equity", {"?=176000", "equity=60000"}, "vercel"),
    ("need help, datadog wants to pay me 170k base and 80k stock", {"base=170000", "equity=80000"}, "datadog"),
    (
        "got my offer letter: 182k salary, 100k RSUs over 4 yrs from snowflake",
        {"base=182000", "equity=100000", "grant=rsu", "years=4"},
        "snowflake",
    ),
    (
        "I'm currently at Google making 190k, and Stripe offered 210k base",
        {"current:?=190000", "current=google", "base=210000"},
        "Stripe",
    ),
    (
        "My offer: 165k base, 0 equity, 15k sign on. Company is Linear.",
        {"base=165000", "no=equity", "sign_on=15000"},
        "Linear",
    ),
    ("anthropic offer!!! 300k base 🎉", {"base=300000"}, "anthropic"),
    (
        "I have two offers, one from Brex at 185k base and one from Ramp at 195k base",
        {"brex:base=185000", "ramp:base=195000", "rival=brex", "rival=ramp"},
        None,
    ),
    (
        "Cohere made me an offer of 175k base; I also have Mistral at 180k base",
        {"base=175000", "mistral:base=180000", "rival=mistral"},
        "Cohere",
    ),
    ("offered 175 base, 90 in RSUs", {"base=175", "equity=90", "grant=rsu"}, None),
    ("the number they gave me is 200k total comp", {"total=200000"}, None),
    ("Plaid wants me! 185k/yr base", {"base=185000/year"}, "Plaid"),
    ("hey, Retool came back with an offer - 178k base and 0.05% equity", {"base=178000", "equity=0.05%"}, "Retool"),
    ("I got the job at Airtable!! base 192k, bonus 10%", {"base=192000", "bonus=10%"}, "Airtable"),
    ("waiting on openai but I have 190k base from anthropic in hand", {"base=190000", "rival=openai"}, "anthropic"),
]
HELD_OUT_FLOOR = 9  # 16 of 16 after the fixes


def test_first_messages_never_tuned_on_stay_above_their_first_score():
    misses = [
        (text, sorted(understand(text, Context()).labels()), understand(text, Context()).company)
        for text, labels, company in FIRST_MESSAGES_HELD_OUT
        if (understand(text, Context()).labels(), understand(text, Context()).company) != (labels, company)
    ]
    assert len(FIRST_MESSAGES_HELD_OUT) - len(misses) >= HELD_OUT_FLOOR, misses


@pytest.mark.parametrize(
    "text",
    ["I am 25 and they offered 180k", "we have 3 kids, they offered 200k base", "I have 2 offers: 190k and 200k"],
)
def test_a_small_number_that_is_no_pay_stays_out(text):
    values = {amount.value for amount in understand(text, Context()).amounts}
    assert not values & {25, 3, 2}


def test_a_company_already_discussed_is_not_new():
    context = Context(company_names=frozenset({"planetscale"}))
    assert understand("planetscale offered me 190k base", context).company is None


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("RSU 120 over 4", {"equity=120"}),
        ("stock 200, base 170", {"equity=200", "base=170"}),
        ("signing 25 and base 180", {"sign_on=25", "base=180"}),
    ],
)
def test_a_short_figure_after_its_part_word_is_kept(text, labels):
    """`RSU 120`: the part named first, thousands said short (the coach says "120 read as $120K")."""
    assert {a.label() for a in understand(text, Context()).amounts} == labels


@pytest.mark.parametrize("text", ["I'll accept", "i will accept it", "decided to take the offer", "I will sign"])
def test_accepting_said_in_the_future_is_accepting(text):
    assert understand(text, Context(pending="equity")).intent == "accepted"


@pytest.mark.parametrize("text", ["I'll accept if they give 180k", "i will accept only if the base moves"])
def test_accepting_on_a_condition_is_not_accepting(text):
    assert understand(text, Context(pending="equity")).intent != "accepted"


# Written once after the fixes above and scored once before any further change (27 Nov 2026): own
# 7/8, rival 5/7, asked 3/3. Two causes were then fixed ("also:" with a colon, "on top of that"),
# so the rival line is tuned now. "heard back from snowflake, they're offering" was read as an offer
# waited on from a rival until the set below was scored. Each class keeps a floor.
FIRST_MESSAGES_SCORED = [
    ("just heard back from snowflake, they're offering 195k base", "own"),
    ("so anthropic gave me an offer: 260k base and 400k equity", "own"),
    ("I've been offered a role at Notion, 180k base", "own"),
    ("my offer from figma came in at 175k", "own"),
    ("the figma offer is 175k base", "own"),
    ("received an offer from Ramp for 190k", "own"),
    ("Vercel offered 170k + 60k stock", "own"),
    ("i have a datadog offer for 185k base", "own"),
    ("on top of that I have an offer from Uber at 200k base", "rival"),
    ("I also got one from Airbnb, 210k base", "rival"),
    ("also: meta offered 220k base", "rival"),
    ("i have another offer from linear for 190k base", "rival"),
    ("there's also an offer from plaid, 180k base", "rival"),
    ("plus i have an offer from Coinbase too, 205k base", "rival"),
    ("I have a competing offer from Stripe, 200k base", "rival"),
    ("they offered 160 and 40k in stock", "asked"),
    ("offer is 185 plus 10k signing", "asked"),
    ("came in at 172 with 80k rsus", "asked"),
]
FLOORS = {"own": 7, "rival": 7, "asked": 3}


def _whose(text: str) -> str:
    utterance = understand(text, Context())
    own = [a for a in utterance.amounts if a.holder == "offer" and a.unit == "money"]
    if utterance.rivals and not own:
        return "rival"
    if any(a.component is None and a.value < 1000 for a in own):
        return "asked"  # a short figure whose part the coach asks about
    return "own" if own else "none"


def test_first_messages_per_class_keep_their_floors():
    right: dict[str, int] = dict.fromkeys(FLOORS, 0)
    for text, expected in FIRST_MESSAGES_SCORED:
        right[expected] += _whose(text) == expected
    assert all(right[kind] >= floor for kind, floor in FLOORS.items()), right


# A second set, written once and scored once before the changes it led to (27 Nov 2026, later):
# own 6/10, another offer 5/6, two offers told alike 0/4 ("Deciding between Stripe (195k base) and
# Ramp (205k base)" put both bases into the one offer). Each line is labelled in full: the figures,
# whose they are, and the offer's company as typed. All pass now, so this set is tuned; the floors
# keep what it measured.
SECOND_SET = [
    ("own", "just heard back from snowflake, they're offering 195k base", {"base=195000"}, "snowflake"),
    (
        "own",
        "Snowflake came back with 195k base and 80k in RSUs",
        {"base=195000", "equity=80000", "grant=rsu"},
        "Snowflake",
    ),
    ("own", "the offer from Airtable is 170k base", {"base=170000"}, "Airtable"),
    ("own", "Notion wants to hire me at 185k base", {"base=185000"}, "Notion"),
    (
        "own",
        "received an offer letter from Databricks: 210k base, 150k RSUs over 4 years",
        {"base=210000", "equity=150000", "grant=rsu", "years=4"},
        "Databricks",
    ),
    ("own", "So Figma made me an offer — $200k base", {"base=200000"}, "Figma"),
    ("own", "Ramp is offering me 190k base", {"base=190000"}, "Ramp"),
    ("own", "offer from coinbase came in at 220k base", {"base=220000"}, "coinbase"),
    ("own", "I was offered 175k base at Datadog", {"base=175000"}, "Datadog"),
    ("own", "Vercel extended an offer: 180k base and 60k equity", {"base=180000", "equity=60000"}, "Vercel"),
    ("rival", "I'm also talking to Stripe, they offered 205k base", {"stripe:base=205000", "rival=stripe"}, None),
    ("rival", "Another company, Brex, offered 190k base", {"brex:base=190000", "rival=brex"}, None),
    ("rival", "there's a competing offer from Plaid at 200k base", {"plaid:base=200000", "rival=plaid"}, None),
    ("rival", "I have a second offer from Ramp: 195k base", {"ramp:base=195000", "rival=ramp"}, None),
    ("rival", "My other offer is from Rippling, 185k base", {"rippling:base=185000", "rival=rippling"}, None),
    ("rival", "Gusto has offered 175k base as well", {"gusto:base=175000", "rival=gusto"}, None),
    (
        "two",
        "I have 200k from datadog and planetscale offered 190k",
        {"datadog:?=200000", "planetscale:?=190000", "rival=datadog", "rival=planetscale"},
        None,
    ),
    (
        "two",
        "Deciding between Stripe (195k base) and Ramp (205k base)",
        {"stripe:base=195000", "ramp:base=205000", "rival=stripe", "rival=ramp"},
        None,
    ),
    (
        "two",
        "Offers from Brex at 180k base and Plaid at 190k base",
        {"brex:base=180000", "plaid:base=190000", "rival=brex", "rival=plaid"},
        None,
    ),
    (
        "two",
        "Stripe offered 195k base and Ramp offered 205k base",
        {"stripe:base=195000", "ramp:base=205000", "rival=stripe", "rival=ramp"},
        None,
    ),
]
SECOND_FLOORS = {"own": 10, "rival": 6, "two": 4}


def test_the_second_set_keeps_its_floors_per_class():
    right: dict[str, int] = dict.fromkeys(SECOND_FLOORS, 0)
    wrong = []
    for kind, text, labels, company in SECOND_SET:
        utterance = understand(text, Context())
        if utterance.labels() == labels and utterance.company == company:
            right[kind] += 1
        else:
            wrong.append((text, sorted(utterance.labels()), utterance.company))
    assert all(right[kind] >= floor for kind, floor in SECOND_FLOORS.items()), (right, wrong)


@pytest.mark.parametrize(
    "text",
    [
        "haven't heard back from snowflake yet, planetscale offered 190k base",
        "still waiting to hear back from Snowflake; planetscale offered 190k base",
    ],
)
def test_an_offer_not_heard_back_on_is_still_waited_on(text):
    utterance = understand(text, Context())
    assert [r.lower() for r in utterance.rivals] == ["snowflake"]
    assert utterance.labels() == {"base=190000", "rival=snowflake"}


@pytest.mark.parametrize(
    "text",
    ["planetscale offered 190k base as well as 50k rsus", "planetscale offered me 190k base, too good to pass up"],
)
def test_as_well_as_and_too_good_are_no_other_offer(text):
    assert not understand(text, Context()).rivals


@pytest.mark.parametrize(
    ("text", "unreadable"),
    [("offer: 175/90/20", ["175/90/20"]), ("$180k/60k/15k", ["$180k/60k/15k"]), ("offer 180k/20k", ["180k/20k"])],
)
def test_figures_in_a_row_with_no_part_named_are_kept_verbatim(text, unreadable):
    utterance = understand(text, Context())
    assert utterance.unreadable == unreadable and not utterance.amounts


@pytest.mark.parametrize(
    "text", ["it's 50/50 whether I take it", "24/7 oncall", "start date 11/27/26", "vesting is 40/30/20/10"]
)
def test_numbers_with_slashes_that_are_no_pay_stay_out(text):
    assert not understand(text, Context()).unreadable


def test_figures_with_their_parts_between_slashes_are_read():
    utterance = understand("planetscale: 176k base / 100k rsu / 0 sign on", Context())
    assert not utterance.unreadable
    assert {"base=176000", "equity=100000"} <= utterance.labels()
