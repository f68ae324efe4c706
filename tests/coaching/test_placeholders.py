"""Blanks in a guide's scripts: filled from the conversation, or left clearly marked."""

from __future__ import annotations

from bot.answers import Answers
from bot.coaching.case import Case
from bot.coaching.coach import Coach
from bot.coaching.placeholders import Fillers, asks_for_fixed, fill
from bot.guides.catalog import Catalog
from bot.guides.model import Lever
from tests.coaching.conftest import DONE_WHEN


def test_filled_from_the_conversation():
    fillers = Fillers(
        current_company="Stripe", competing_company="Acme", competing_total="$300K", target_total="$278,750"
    )
    assert fill("I have a competing offer at $[X]K from [competitor].", fillers) == (
        "I have a competing offer at $300K from Acme."
    )
    assert fill("At [current company] I built the ML platform.", fillers) == "At Stripe I built the ML platform."
    assert fill("I'm targeting $[X]K total.", fillers) == "I'm targeting $278,750 total."


def test_unknown_blanks_stay_marked():
    assert fill("I currently make $[X]K at [current company].", Fillers()) == (
        "I currently make [fill in: your figure] at [fill in: current company]."
    )
    assert fill("Ask [hiring manager] about [team size].", Fillers()) == (
        "Ask [fill in: hiring manager] about [fill in: team size]."
    )
    assert fill("No blanks here.", Fillers()) == "No blanks here."


def test_a_guide_with_blanks_through_the_coach(answers):
    guide = answers.catalog.by_key["planetscale/ml-ai-engineer"]
    levers = [
        Lever(title="Competing Offer", script="I have an offer at $[X]K from another company."),
        Lever(title="Current Role", script="At [current company] I run the ML platform."),
    ]
    coach = Coach(Answers(Catalog([guide.model_copy(update={"levers": levers})])))
    case = coach.turn(Case(), DONE_WHEN).case
    case = coach.turn(case, "I'm currently at Stripe").case
    phone = "\n".join(m.text for m in coach.turn(case, "phone script").messages)
    assert "[adapt: At Stripe I run the ML platform.]" in phone  # a suggestion, marked
    assert "I have an offer" not in phone  # no offer named: the lever would claim one, so it is left out
    case = coach.turn(case, "another offer from Acme for $300k total").case
    email = "\n".join(m.text for m in coach.turn(case, "email").messages)
    assert "[adapt: I have an offer at $300K from another company.]" in email


def test_a_negotiate_up_line_that_asks_for_a_fixed_part(answers):
    plan = answers.catalog.by_key["planetscale/ml-ai-engineer"].negotiate_up  # total $350K, equity $235K
    assert asks_for_fixed(plan, ["equity"]) and asks_for_fixed(plan, ["total"])
    assert not asks_for_fixed(plan, ["base"]) and not asks_for_fixed(plan, [])


def test_the_current_job_fills_a_sentence_about_now():
    fillers = Fillers(current_company="Stripe", current_total="$160K", competing_total="$300K")
    assert fill("I currently make $[X]K at [current company].", fillers) == "I currently make $160K at Stripe."
    assert fill("I have an offer at $[X]K.", fillers) == "I have an offer at $300K."
