"""The store under faults: a PostgreSQL stall behind a TCP proxy, a cut connection, a SQLite
writer holding the lock, tables dropped under a running process. Every wait ends in an error
within its bound, and the store serves again once the fault is gone."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import text

from bot.store import limits
from bot.store.cases import CaseStore
from bot.store.database import SQLITE_NAME, Store, metadata
from bot.store.limits import StoreHealth
from tests.store.postgres import postgres_schema
from tests.support.tcp_proxy import TcpProxy


@pytest.fixture
def proxied(isolated_environment):
    """A store on PostgreSQL through a TCP proxy the test can stall or cut."""
    with postgres_schema() as url, TcpProxy.for_url(url) as proxy:
        store = Store.open(proxy.url(url), isolated_environment)
        yield store, proxy
        proxy.flow()
        store.dispose()


def _fails_within(seconds: float, operation) -> float:
    started = time.perf_counter()
    with pytest.raises(Exception):  # noqa: B017 - any error will do; waiting is what must not happen
        operation()
    took = time.perf_counter() - started
    assert took < seconds, f"took {took:.2f} s"
    return took


def test_a_stalled_postgresql_fails_within_the_deadline_then_at_once_then_recovers(proxied):
    store, proxy = proxied
    case_store = CaseStore(store)
    assert store.claim_event("before-the-stall")
    proxy.stall()
    first = _fails_within(limits.CLIENT_DEADLINE + 1.0, lambda: store.claim_event("during-1"))
    assert first >= limits.CONNECT_TIMEOUT - 0.5  # it did wait for the store, within its bound
    assert store.health.describe() == "unavailable (timeout)"
    # Within the cool-down every use fails at once: a DM's claim and its turn do not each wait.
    _fails_within(0.5, lambda: store.claim_event("during-2"))

    def turn():
        with case_store.locked("T", "U") as slot:
            slot.save({"n": 1})

    _fails_within(0.5, turn)
    proxy.flow()
    time.sleep(limits.COOLDOWN)
    assert store.claim_event("after-the-stall")
    turn()
    assert case_store.load("T", "U") == {"n": 1}
    assert store.health.describe() == "ok"


def test_a_cut_connection_is_replaced_on_the_next_use(proxied):
    store, proxy = proxied
    assert store.claim_event("before-the-cut")
    proxy.cut()
    assert store.claim_event("after-the-cut")  # the pool's pre-ping finds it dead and reconnects
    assert store.health.describe() == "ok"


def test_server_side_limits_are_set_on_each_session(proxied):
    store, _ = proxied
    with store.engine.connect() as connection:
        settings = dict(connection.execute(text("SELECT name, setting FROM pg_settings")).all())
    assert settings["statement_timeout"] == str(limits.STATEMENT_TIMEOUT_MS)  # in ms
    assert settings["lock_timeout"] == str(limits.LOCK_TIMEOUT_MS)
    assert settings["search_path"].startswith("cc_test_")  # the URL's own options are kept


def test_a_sqlite_writer_waits_for_another_a_bounded_time_then_fails_at_once(isolated_environment):
    store = Store.open(None, isolated_environment)
    case_store = CaseStore(store)
    holder = sqlite3.connect(isolated_environment / SQLITE_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a write (hung)
    try:
        took = _fails_within(limits.SQLITE_BUSY_MS / 1000 + 1.5, lambda: store.claim_event("blocked"))
        assert took >= limits.SQLITE_BUSY_MS / 1000 - 0.5
        assert store.health.describe() == "unavailable (locked)"

        def turn():
            with case_store.locked("T", "U") as slot:
                slot.save({"n": 1})

        _fails_within(0.5, turn)  # the DM's turn does not wait out a second busy timeout
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    time.sleep(limits.COOLDOWN)
    assert store.claim_event("free-again")
    turn()
    store.dispose()


def test_sqlite_writers_of_two_connections_take_turns(isolated_environment):
    store = Store.open(None, isolated_environment)
    holder = sqlite3.connect(isolated_environment / SQLITE_NAME, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(0.5, lambda: holder.execute("COMMIT")).start()
    assert store.claim_event("waits-half-a-second")  # within the busy timeout: waits, then writes
    holder.close()
    store.dispose()


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_tables_dropped_under_a_running_store_are_created_again(dialect, isolated_environment):
    def exercise(url: str | None) -> None:
        store = Store.open(url, isolated_environment)
        case_store = CaseStore(store)
        with case_store.locked("T", "U") as slot:
            slot.save({"n": 1})
        metadata.drop_all(store.engine)  # the database recreated empty while the process runs
        with case_store.locked("T", "U") as slot:
            assert slot.data is None
            slot.save({"n": 2})
        assert case_store.load("T", "U") == {"n": 2}
        metadata.drop_all(store.engine)
        assert store.claim_event("after-the-drop")
        metadata.drop_all(store.engine)
        assert case_store.load("T", "U") is None
        assert case_store.forget("T", "U") is False
        assert case_store.purge() == 0
        store.dispose()

    if dialect == "sqlite":
        exercise(None)
    else:
        with postgres_schema() as url:
            exercise(url)


def test_health_check_answers_at_once_while_its_probe_hangs():
    health = StoreHealth()
    release = threading.Event()
    started = time.perf_counter()
    assert health.check(lambda: release.wait(10)) == "ok"
    assert health.check(lambda: None) == "ok"  # the first probe still runs: no second one
    assert time.perf_counter() - started < 0.1
    release.set()


def test_health_reports_a_failing_probe_and_its_recovery(monkeypatch):
    monkeypatch.setattr(limits, "PROBE_EVERY", 0.0)
    health = StoreHealth()

    def refused():
        raise ConnectionRefusedError("connection refused")

    health.check(refused)
    deadline = time.monotonic() + 2
    while health.describe() == "ok" and time.monotonic() < deadline:
        time.sleep(0.01)
    assert health.describe() == "unavailable (cannot connect)"
    assert health.refusing() == "cannot connect"
    monkeypatch.setattr(limits, "COOLDOWN", 0.0)
    health.failed("cannot connect")
    assert health.refusing() is None  # after the cool-down the store is tried again
    health.check(lambda: None)
    while health.describe() != "ok" and time.monotonic() < deadline + 2:
        time.sleep(0.01)
    assert health.describe() == "ok"
