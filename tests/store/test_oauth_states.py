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
