"""The counter, the email and the phone script say only what the person said: no unstated
preference, the guide's levers as marked suggestions, equity questions that fit the grant,
and nothing asked of a part the company said is fixed. Figures checked exactly."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from bot.answers import Answers
from bot.coaching.case import Case, CurrentJob, Rival
from bot.coaching.coach import Coach
from bot.guides.catalog import Catalog
from bot.guides.model import Lever
from tests.coaching.conftest import DONE_WHEN


@pytest.fixture(scope="module")
def coach(answers) -> Coach:
    return Coach(answers)


@pytest.fixture
def evaluated(coach) -> Case:
    """The offer of the issue's first conversation, evaluated: Remote US, $168K base, $100K over 4 years."""
    return coach.turn(Case(), DONE_WHEN).case


def say(coach: Coach, case: Case, text: str, **fields) -> str:
    case = case.model_copy(deep=True, update=fields)
    return "\n".join(message.text for message in coach.turn(case, text).messages)


LEVER_OPENINGS = (
    "My ML models power serverless autoscaling",
    "The intersection of ML expertise and MySQL/Vitess",
    "My ML features make PlanetScale databases self-managing",
    "AI companies offer $400K+",
)


@pytest.mark.parametrize("move", ["email", "phone script"])
def test_no_unstated_preference_and_levers_only_as_suggestions(coach, evaluated, move):
    text = say(coach, evaluated, move, rivals=[Rival(company="Acme", total=300_000)])
    assert "first choice" not in text.lower()
    assert "excited" not in text.lower()
    assert "I have another offer from Acme" in text  # the person said so
    for opening in LEVER_OPENINGS:
        for at in [m.start() for m in re.finditer(re.escape(opening), text)]:
            assert text[at - len("[adapt: ") : at] == "[adapt: ", f"{opening!r} is not marked as a suggestion"
    assert "[adapt: My ML models power serverless autoscaling" in text
    assert "not facts about you" in text or "suggestions" in text


def test_the_email_names_no_signing_date_the_person_did_not_give(coach, evaluated):
    email = say(coach, evaluated, "email")
    assert "ready to sign" not in email
    assert "I look forward to hearing from you." in email


@pytest.mark.parametrize(
    ("grant", "email_has", "phone_has", "absent"),
    [
        ("rsu", "the number of RSUs", "How many RSUs is the grant", ("strike", "409A")),
        ("options", "the strike price, the latest 409A valuation", "at what strike price", ("RSUs is the grant",)),
        (None, "whether the grant is RSUs or options", "Is the equity RSUs or options", ()),
    ],
)
def test_equity_questions_fit_the_grant_type(coach, evaluated, grant, email_has, phone_has, absent):
    email = say(coach, evaluated, "email", grant_type=grant)
    phone = say(coach, evaluated, "phone script", grant_type=grant)
    assert email_has in email and phone_has in phone
    for words in absent:
        assert words not in email and words not in phone


@pytest.mark.parametrize(("grant", "strike"), [("rsu", False), ("options", True)])
def test_the_first_evaluation_asks_equity_questions_by_grant_type(coach, evaluated, grant, strike):
    fresh = evaluated.model_copy(update={"first_offer": None, "grant_type": grant})
    first = "\n".join(message.text for message in coach._evaluation(fresh).messages)
    assert "Offer received: don't accept on the call." in first
    assert ("strike price" in first) is strike and ("409A" in first) is strike
    assert ("number of RSUs" in first) is not strike


def test_a_fixed_base_is_not_asked_again_and_the_gap_moves_to_sign_on(coach, evaluated):
    email = say(coach, evaluated, "email", fixed=["base"])
    assert "I understand the base salary is set, so I'd like to look at the rest of the package." in email
    assert "• Base salary:" not in email
    assert "• Equity (4-year grant): $235K (offer: $100K)" in email
    # the base ask was the band top, $220K: the first year's gap, $52K, becomes a sign-on
    assert "• Sign-on: $52K (offer: $0)" in email
    assert "That brings annualized total compensation to $239,750." in email  # 168K + 235K ÷ 4 + 52K ÷ 4
    assert "a one-time sign-on of $52K covers the first year's base gap ($220K asked − $168K)" in email

    phone = say(coach, evaluated, "phone script", fixed=["base"])
    assert "I understand the base salary is set. Which other parts have room?" in phone
    assert "Then the specifics: equity (4-year grant) $235K, sign-on $52K." in phone
    assert "base salary $220K" not in phone

    counter = say(coach, evaluated, "counter", fixed=["base"])
    assert "*Base salary:* $168K, held: fixed: they said it cannot move" in counter
    assert "*Sign-on:* $0 → *$52K*" in counter
    assert "*Target:* $239,750" in counter
    assert "= $239,750 (+$46,750 a year)" in counter


def test_a_fixed_equity_drops_the_guide_line_that_asks_for_it(coach, evaluated):
    phone = say(coach, evaluated, "phone script", fixed=["equity"])
    assert "equity at $235K" not in phone  # the guide's negotiate-up line asks for equity
    assert "I'm looking for total compensation around $245K." in phone  # base $220K + equity $100K ÷ 4
    email = say(coach, evaluated, "email", fixed=["equity"])
    assert "• Equity" not in email and "• Base salary: $220K (offer: $168K)" in email


def test_a_fixed_package_asks_for_terms_not_figures(coach, evaluated):
    email = say(coach, evaluated, "email", fixed=["total"])
    assert "I understand the package itself is set." in email
    assert "I'd like to ask for" not in email and "That brings" not in email
    phone = say(coach, evaluated, "phone script", fixed=["total"])
    assert "No figures to anchor: they said the package is fixed." in phone
    assert "I'm targeting $350K" not in phone


def test_a_stated_limit_caps_the_ask(coach, evaluated):
    email = say(coach, evaluated, "email", caps={"base": 190_000})
    assert "• Base salary: $190K (offer: $168K)" in email
    assert "• Sign-on: $30K (offer: $0)" in email  # $220K asked − $190K, the limit they stated
    assert "held to the limit they stated ($190K)" in email


def test_a_lever_claiming_an_offer_needs_a_named_rival(answers):
    guide = answers.catalog.by_key["planetscale/ml-ai-engineer"]
    levers = [
        Lever(title="Competing Offer", script="I have a competing offer at $[X]K."),
        Lever(title="Pay now", script="I currently make $[X]K at [current company]."),
    ]
    coach = Coach(Answers(Catalog([guide.model_copy(update={"levers": levers})])))
    case = coach.turn(Case(), DONE_WHEN).case
    alone = say(coach, case, "email", current=CurrentJob(company="Stripe", base=150_000, equity=40_000, equity_years=4))
    assert "competing offer" not in alone
    assert "[adapt: I currently make $160K at Stripe.]" in alone  # 150K + 40K ÷ 4, what they told me
    with_rival = say(coach, case, "email", rivals=[Rival(company="Acme", total=300_000)])
    assert "[adapt: I have a competing offer at $300K.]" in with_rival
    assert "[adapt: I currently make [fill in: your figure] at [fill in: current company].]" in with_rival


def test_a_schedule_the_person_gave_is_not_asked_for_again(coach, evaluated):
    schedule = [Decimal(5), Decimal(15), Decimal(40), Decimal(40)]
    email = say(coach, evaluated, "email", grant_type="rsu", vesting_schedule=schedule, cliff_months=12)
    phone = say(coach, evaluated, "phone script", grant_type="rsu", vesting_schedule=schedule, cliff_months=12)
    assert "vesting schedule" not in email and "vesting schedule" not in phone
    assert "vesting schedule and cliff" in say(coach, evaluated, "email", grant_type="rsu")


def test_the_pushback_line_marks_the_lever_as_a_suggestion(coach, evaluated):
    pushback = say(coach, evaluated, "they said the base is fixed")
    assert (
        "Given [adapt: what you bring, e.g. Serverless Autoscaling ML], could we close the gap another way" in pushback
    )
