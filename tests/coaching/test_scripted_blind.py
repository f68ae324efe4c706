"""The conversations of tests/coaching/scripted_blind.py, through a real store, with the variant
guides (non-USD bands) beside the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import Answers
from bot.coaching.case import Case
from tests.coaching.conftest import Chat
from tests.coaching.scripted import play
from tests.coaching.scripted_blind import CONVERSATIONS

VARIANTS = Path(__file__).parents[1] / "guides" / "fixtures" / "variants"


@pytest.fixture(scope="module")
def variant_answers():
    return Answers.load(extra_folders=[VARIANTS])


@pytest.fixture
def variant_chat(variant_answers, isolated_environment):
    chat = Chat(variant_answers, None, isolated_environment)
    yield chat
    chat.close()


@pytest.mark.parametrize("name", list(CONVERSATIONS))
def test_scripted_conversation(variant_chat, name):
    problems = play(CONVERSATIONS[name], variant_chat.say, lambda: Case.from_stored(variant_chat.stored()))
    assert not problems, "\n".join(problems)
