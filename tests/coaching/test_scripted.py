"""The scripted conversations (tests/coaching/scripted.py), through a real store: the case is
compared, whole, after every turn."""

from __future__ import annotations

import pytest

from bot.coaching.case import Case
from tests.coaching.scripted import CONVERSATIONS, play


def test_there_are_enough_conversations():
    assert len(CONVERSATIONS) >= 20


@pytest.mark.parametrize("name", list(CONVERSATIONS))
def test_scripted_conversation(chat, name):
    problems = play(CONVERSATIONS[name], chat.say, lambda: Case.from_stored(chat.stored()))
    assert not problems, "\n".join(problems)


def test_a_role_change_evaluates_against_the_new_roles_bands():
    from pathlib import Path

    from bot.answers import Answers
    from bot.coaching.coach import Coach

    variants = Path(__file__).parents[1] / "guides" / "fixtures" / "variants"
    coach = Coach(Answers.load(extra_folders=[variants]))
    case = coach.turn(Case(), "I got an offer from stockco for alpha: $150k base, no equity").case
    assert case.guide_key == "stockco/alpha" and case.evaluated
    outcome = coach.turn(case, "actually the role is beta, not alpha")
    reply = "\n".join(message.text for message in outcome.messages)
    assert outcome.case.guide_key == "stockco/beta"
    assert outcome.case.offer == case.offer and outcome.case.first_offer == case.offer
    assert "role Beta (was Alpha): evaluated against its bands" in reply
    assert "Beta at StockCo" in reply
