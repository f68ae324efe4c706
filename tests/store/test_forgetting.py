"""Forgetting is real: after `forget me` or expiry no figure is left in any file of the store,
expired cases and old event ids are purged on a schedule without traffic, and
`comp-coach purge` does it by hand."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.store.cases import DAY, CaseStore
from bot.store.database import Store, seen_events
from bot.store.purge import Purged, PurgeSchedule, purge_now

ROOT = Path(__file__).resolve().parents[2]
FIGURE = 987654
# As the case's JSON text stores it, and as it would sit in a page of any store file.
FIGURE_BYTES = json.dumps(FIGURE).encode()


def files_holding(folder: Path, needle: bytes = FIGURE_BYTES) -> list[str]:
    """Every file under the state folder (the database, its -wal and -shm) holding `needle`."""
    return sorted(
        str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file() and needle in path.read_bytes()
    )


def a_case(figure: int = FIGURE) -> dict:
    return {"company": "planetscale", "offer": {"base": 168000, "equity": figure, "years": 4}}


@pytest.fixture
def sqlite_store(isolated_environment):
    store = Store.open(None, isolated_environment)
    yield store
    store.dispose()


def test_forget_me_leaves_no_figure_in_any_file(sqlite_store, isolated_environment):
    case_store = CaseStore(sqlite_store)
    for equity in (FIGURE - 1, FIGURE):  # an earlier version of the case sits in the WAL as well
        with case_store.locked("T", "U") as slot:
            slot.save(a_case(equity))
    assert files_holding(isolated_environment), "the figure is written somewhere before it is forgotten"
    with case_store.locked("T", "U") as slot:  # the DM's "forget me" / "yes"
        slot.delete()
    assert files_holding(isolated_environment) == []
    assert files_holding(isolated_environment, str(FIGURE - 1).encode()) == []


def test_forget_from_the_home_tab_leaves_no_figure(sqlite_store, isolated_environment):
    case_store = CaseStore(sqlite_store)
    with case_store.locked("T", "U") as slot:
        slot.save(a_case())
    with case_store.locked("T", "someone else") as slot:
        slot.save(a_case(123456))
    assert case_store.forget("T", "U") is True
    assert files_holding(isolated_environment) == []
    assert case_store.load("T", "someone else") == a_case(123456)  # only that person is forgotten


def test_expired_cases_are_purged_from_every_file(sqlite_store, isolated_environment):
    clock_now = [1_000_000.0]
    case_store = CaseStore(sqlite_store, ttl_days=1, clock=lambda: clock_now[0])
    with case_store.locked("T", "U") as slot:
        slot.save(a_case())
    clock_now[0] += DAY + 1
    assert case_store.purge() == 1
    assert files_holding(isolated_environment) == []


def _expire_one_case_and_one_event(store: Store) -> None:
    case_store = CaseStore(store, ttl_days=1, clock=lambda: time.time() - 2 * DAY, purge_on_open=False)
    with case_store.locked("T", "expired") as slot:
        slot.save(a_case())
    with CaseStore(store, purge_on_open=False).locked("T", "current") as slot:
        slot.save(a_case(5))
    store.claim_event("Ev-old", ttl_seconds=-1)
    store.claim_event("Ev-new")


def _events(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(seen_events)).scalar_one()


def test_purge_now_deletes_expired_cases_and_old_event_ids(database_url, isolated_environment):
    store = Store.open(database_url, isolated_environment)
    _expire_one_case_and_one_event(store)
    assert purge_now(store) == Purged(cases=1, events=1)
    assert purge_now(store) == Purged(cases=0, events=0)
    assert CaseStore(store).load("T", "current") == a_case(5)
    assert _events(store) == 1
    store.dispose()


def test_the_schedule_purges_without_any_turn(sqlite_store, isolated_environment):
    _expire_one_case_and_one_event(sqlite_store)
    schedule = PurgeSchedule(sqlite_store, every=0.05)
    thread = threading.Thread(target=schedule.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 5
        while (_events(sqlite_store) > 1 or files_holding(isolated_environment)) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        schedule.stop()
        thread.join(timeout=2)
    assert _events(sqlite_store) == 1
    assert files_holding(isolated_environment) == []
    assert not thread.is_alive()


def test_purge_command(isolated_environment):
    store = Store.open(None, isolated_environment)
    _expire_one_case_and_one_event(store)
    store.dispose()
    env = {**os.environ, "COMP_COACH_STATE_DIR": str(isolated_environment)}
    command = [sys.executable, "-m", "bot", "purge"]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "purged 1 expired cases, 1 old event ids and 0 abandoned replies\n"
    assert files_holding(isolated_environment) == []
    again = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert again.stdout == "purged 0 expired cases, 0 old event ids and 0 abandoned replies\n"
    helped = subprocess.run([*command, "--help"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert helped.returncode == 0 and "expired" in helped.stdout


def test_purge_command_with_the_store_unreachable_says_so(isolated_environment):
    env = {**os.environ, "DATABASE_URL": "postgresql://postgres@127.0.0.1:1/test"}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "purge"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert "comp-coach purge: the store did not answer: cannot connect" in done.stderr
    assert "Traceback" not in done.stderr


def test_purge_now_drops_replies_no_process_is_left_to_deliver(database_url, isolated_environment):
    """A reply row past its life by more than ABANDONED_REPLY_SECONDS (its figures with it) goes;
    one still owed stays for the courier."""
    from bot.store.outbox import Outbox
    from bot.store.purge import ABANDONED_REPLY_SECONDS

    store = Store.open(database_url, isolated_environment)
    abandoned_at = time.time() - ABANDONED_REPLY_SECONDS - 900.0 - 5
    Outbox(store, clock=lambda: abandoned_at).keep("T", "D1", {"messages": [{"text": "base 987,654"}]}, 900.0)
    Outbox(store).keep("T", "D1", {"messages": [{"text": "base 123,456"}]}, 900.0)
    assert purge_now(store) == Purged(cases=0, events=0, replies=1)
    assert purge_now(store) == Purged(cases=0, events=0, replies=0)
    assert Outbox(store).pending() == 1


def test_forget_rewrites_the_postgresql_tables_holding_figures(isolated_environment):
    """PostgreSQL keeps a deleted row's bytes, and each earlier version of an updated one, in the table's pages until
    they are reused; a plain VACUUM leaves them too. After a forget the tables holding figures are rewritten into a
    new file (`VACUUM FULL`): the table's file node changes, and where the server's files are readable (this
    machine's tests run as root beside it) no page of the table holds the figure. The server's WAL is not scrubbed."""
    from sqlalchemy import text

    from tests.store.postgres import postgres_schema

    with postgres_schema() as url:
        store = Store.open(url, isolated_environment)
        case_store = CaseStore(store)
        for equity in (FIGURE - 1, FIGURE):
            with case_store.locked("T", "U") as slot:
                slot.save(a_case(equity))
        with CaseStore(store).locked("T", "someone else") as slot:
            slot.save(a_case(123456))

        def table_file() -> tuple[int, Path]:
            with store.engine.connect() as connection:
                connection.exec_driver_sql("CHECKPOINT")
                table = "'coaching_cases'::regclass"
                node = connection.execute(text(f"select relfilenode from pg_class where oid = {table}"))
                relative = connection.execute(text("select pg_relation_filepath('coaching_cases')")).scalar_one()
                folder = connection.execute(text("show data_directory")).scalar_one()
                return node.scalar_one(), Path(folder) / relative

        node_before, path_before = table_file()
        readable = os.access(path_before, os.R_OK)
        if readable:
            assert FIGURE_BYTES in path_before.read_bytes(), "the figure is in the table's file before the forget"
        assert case_store.forget("T", "U") is True
        node_after, path_after = table_file()
        assert node_after != node_before
        if readable:
            for figure in (FIGURE, FIGURE - 1):
                assert str(figure).encode() not in path_after.read_bytes()
            assert not path_before.exists()
        assert case_store.load("T", "someone else") == a_case(123456)
        store.dispose()
