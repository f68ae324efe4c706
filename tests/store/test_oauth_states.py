"""OAuth states in the store (SQLite and PostgreSQL): each works once, and not after it expires."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.slack.oauth import one_time_state_store
from bot.store.database import Store


def test_a_state_is_consumed_once_and_not_after_it_expires(database_url, isolated_environment):
    store = Store.open(database_url, isolated_environment)
    try:
        states = one_time_state_store(store.engine)
        state = states.issue()
        assert states.consume(state) is True
        assert states.consume(state) is False  # replayed
        assert states.consume("never-issued") is False
        late = states.issue()
        past = (datetime.now(tz=UTC) - timedelta(seconds=1)).replace(tzinfo=None)
        with store.engine.begin() as connection:
            connection.execute(states.oauth_states.update().values(expire_at=past))
        assert states.consume(late) is False
    finally:
        store.dispose()


def test_expired_states_are_cleared_when_new_ones_are_issued(database_url, isolated_environment):
    store = Store.open(database_url, isolated_environment)
    try:
        states = one_time_state_store(store.engine)
        for _ in range(5):
            states.issue()
        past = (datetime.now(tz=UTC) - timedelta(seconds=1)).replace(tzinfo=None)
        with store.engine.begin() as connection:
            connection.execute(states.oauth_states.update().values(expire_at=past))
        fresh = states.issue()
        with store.engine.connect() as connection:
            assert connection.execute(states.oauth_states.select()).all()[0].state == fresh
            assert len(connection.execute(states.oauth_states.select()).all()) == 1
    finally:
        store.dispose()
