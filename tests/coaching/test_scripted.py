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
