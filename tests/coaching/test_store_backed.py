"""The coach on SQLite and PostgreSQL: a case survives a restart, and turns of one person
arriving on two processes at once are all kept."""

from __future__ import annotations

import threading

import pytest

from bot.coaching.case import Case
from tests.coaching.conftest import DONE_WHEN, Chat
from tests.store.postgres import postgres_schema


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request):
    if request.param == "sqlite":
        yield None
    else:
        with postgres_schema() as url:
            yield url


def test_a_case_survives_a_restart(answers, database_url, isolated_environment):
    chat = Chat(answers, database_url, isolated_environment)
    try:
        chat.say(DONE_WHEN)
        chat.restart()
        reply = chat.say("no other offers")
        assert "base $220K + equity $235K ÷ 4 + bonus $0 + sign-on $0 ÷ 4 = $278,750 (+$85,750 a year)" in reply
        chat.restart()
        assert "• Base salary: $220K (offer: $168K)" in chat.say("email")
        chat.say("forget me")
        chat.say("yes")
        chat.restart()
        assert "I keep nothing about you" in chat.say("status")
    finally:
        chat.close()


def test_simultaneous_turns_of_one_person_on_two_processes(answers, database_url, isolated_environment):
    first = Chat(answers, database_url, isolated_environment)  # each Chat has its own engine,
    second = Chat(answers, database_url, isolated_environment)  # as two web processes would
    try:
        first.say(DONE_WHEN)
        barrier = threading.Barrier(2)
        replies: dict[str, str] = {}

        def speak(chat: Chat, name: str, text: str) -> None:
            barrier.wait()
            replies[name] = chat.say(text)

        threads = [
            threading.Thread(target=speak, args=(first, "rival", "another offer from Acme for $300k total")),
            threading.Thread(target=speak, args=(second, "current", "I'm currently at Stripe")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        case = Case.from_stored(first.stored())
        assert [r.company for r in case.rivals] == ["Acme"]
        assert case.current_company == "Stripe"
        assert case.offer.base == 168_000
        assert "Your counter" in replies["rival"] and "Your counter" in replies["current"]
    finally:
        first.close()
        second.close()
