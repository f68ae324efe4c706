"""A chat with the coach through the domain API, its cases in a real store."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.coaching.coach import Coach
from bot.store.cases import CaseStore
from bot.store.database import Store

DONE_WHEN = "I got an offer from PlanetScale for ML engineer, remote: $168k base, $100k stock over 4 years"


class Chat:
    """One person talking to a coach; `restart()` is a new process on the same store."""

    def __init__(self, answers, url: str | None, state: Path, user: str = "U1", team: str = "T1") -> None:
        self.answers, self.url, self.state, self.user, self.team = answers, url, state, user, team
        self.stores: list[Store] = []
        self.restart()

    def restart(self) -> None:
        store = Store.open(self.url, self.state)
        self.stores.append(store)
        self.cases = CaseStore(store)
        self.coach = Coach(self.answers, self.cases)

    def say(self, text: str) -> str:
        return "\n".join(message.text for message in self.coach.reply(text, user=self.user, team=self.team))

    def stored(self) -> dict | None:
        return self.cases.load(self.team, self.user)

    def close(self) -> None:
        for store in self.stores:
            store.dispose()


@pytest.fixture
def chat(answers, isolated_environment):
    chat = Chat(answers, None, isolated_environment)
    yield chat
    chat.close()
