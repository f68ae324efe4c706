"""Every labelled utterance (tests/understanding/labelled.txt) at every stage of a case gets
a reply from the coach: no exception, no empty reply, and no figure of a question left pending
in a stage where nothing asked for it."""

from __future__ import annotations

import pytest

from bot.coaching.case import Case
from bot.coaching.coach import Coach
from tests.coaching.scripted import DONE_WHEN
from tests.understanding.dataset import examples


@pytest.fixture(scope="module")
def stages(answers):
    coach = Coach(answers)
    evaluated = coach.turn(Case(), DONE_WHEN).case
    countered = coach.turn(evaluated, "no other offers").case
    return coach, {
        "empty": Case(),
        "asking for the base": coach.turn(Case(), "I got an offer from PlanetScale for ML engineer, remote").case,
        "evaluated": evaluated,
        "countered": countered,
        "pushed back": coach.turn(countered, "the base is fixed").case,
        "closed": coach.turn(countered, "they came back with $185k base").case,
    }


@pytest.mark.parametrize("stage", ["empty", "asking for the base", "evaluated", "countered", "pushed back", "closed"])
def test_every_utterance_gets_a_reply(stages, stage):
    coach, cases = stages
    for example in examples():
        outcome = coach.turn(cases[stage], example.text)
        text = "\n".join(message.text for message in outcome.messages)
        assert text.strip(), example.text
        assert "something went wrong" not in text, example.text
