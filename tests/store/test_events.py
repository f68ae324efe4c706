"""Events seen (`Store.claim_event`), on SQLite and PostgreSQL: Slack resends an event it
thinks was lost (`X-Slack-Retry-Num`, same `event_id`), and only the first delivery may be
answered; an id whose record has expired may be claimed again."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.store.database import Store, seen_events


def rows(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(seen_events)).scalar_one()


def test_an_event_is_claimed_once(store):
    assert store.claim_event("Ev1") is True
    assert store.claim_event("Ev1") is False  # the resend: seen, not answered twice
    assert store.claim_event("Ev1") is False
    assert store.claim_event("Ev2") is True  # another event is its own
    assert rows(store) == 2


def test_a_second_store_on_the_same_database_sees_the_claim(store, database_url, isolated_environment):
    """Another process (or the same one after a restart) opening the database: the claim holds."""
    assert store.claim_event("EvShared") is True
    other = Store.open(database_url, isolated_environment)
    try:
        assert other.claim_event("EvShared") is False
    finally:
        other.dispose()


def test_an_expired_claim_can_be_claimed_again_once(store):
    """The duplicate branch: the insert fails, the expired row is deleted, the claim is retried."""
    assert store.claim_event("EvOld", ttl_seconds=-1) is True  # recorded as already expired
    assert store.claim_event("EvOld") is True  # expired: claimable again
    assert store.claim_event("EvOld") is False  # the new claim is live
    assert rows(store) == 1


def test_a_live_claim_is_not_taken_over_and_purge_keeps_it(store):
    assert store.claim_event("EvLive", ttl_seconds=3600) is True
    assert store.claim_event("EvGone", ttl_seconds=-1) is True
    assert store.purge_events() == 1  # only the expired one
    assert store.claim_event("EvLive") is False
    assert store.claim_event("EvGone") is True
