"""The cases store on SQLite and PostgreSQL: save, load, forget, expiry, purge, and turns
of one person on several processes that neither lose nor mix state."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.settings import Settings
from bot.store.cases import DAY, CaseStore, cases
from bot.store.database import Store
from tests.store.clock import Clock

ROOT = Path(__file__).resolve().parents[2]


def test_save_load_and_keyed_by_team_and_user(store):
    case_store = CaseStore(store)
    with case_store.locked("T1", "U1") as slot:
        assert slot.data is None
        slot.save({"base": 168000})
    with case_store.locked("T1", "U2") as slot:
        slot.save({"base": 1})
    with case_store.locked("T2", "U1") as slot:
        assert slot.data is None  # same user id in another workspace: another person
    assert case_store.load("T1", "U1") == {"base": 168000}
    assert case_store.load("T1", "U2") == {"base": 1}
    assert case_store.load("T2", "U1") is None
    with case_store.locked("T1", "U1") as slot:
        assert slot.data == {"base": 168000}
        slot.save({"base": 170000})
    assert case_store.load("T1", "U1") == {"base": 170000}


def test_a_turn_that_saves_nothing_leaves_no_row(store):
    case_store = CaseStore(store)
    with case_store.locked("T", "lookup-only") as slot:
        assert slot.data is None
    assert case_store.count() == 0


def test_a_failed_turn_changes_nothing(store):
    case_store = CaseStore(store)
    with case_store.locked("T", "U") as slot:
        slot.save({"n": 1})
    with pytest.raises(RuntimeError), case_store.locked("T", "U") as slot:
        slot.save({"n": 2})
        raise RuntimeError("boom")
    assert case_store.load("T", "U") == {"n": 1}


def test_forget_deletes_the_row(store):
    case_store = CaseStore(store)
    with case_store.locked("T", "U") as slot:
        slot.save({"n": 1})
    assert case_store.forget("T", "U") is True
    assert case_store.load("T", "U") is None
    assert case_store.forget("T", "U") is False
    with store.engine.connect() as connection:
        assert connection.execute(select(cases.c.user_id)).all() == []


def test_delete_through_the_slot(store):
    case_store = CaseStore(store)
    with case_store.locked("T", "U") as slot:
        slot.save({"n": 1})
    with case_store.locked("T", "U") as slot:
        slot.delete()
    assert case_store.count() == 0


def test_cases_expire_after_the_ttl_and_are_purged(store):
    clock = Clock()
    case_store = CaseStore(store, ttl_days=30, clock=clock)
    with case_store.locked("T", "old") as slot:
        slot.save({"n": 1})
    clock.now += 20 * DAY
    with case_store.locked("T", "recent") as slot:
        slot.save({"n": 2})
    clock.now += 10 * DAY + 1  # "old" is 30 days and a second old; "recent" is 10 days old
    assert case_store.load("T", "old") is None
    with case_store.locked("T", "old") as slot:
        assert slot.data is None  # an expired case reads as no case
    assert case_store.load("T", "recent") == {"n": 2}
    assert case_store.purge() == 0  # the locked turn above already removed the expired row
    clock.now += 30 * DAY
    assert case_store.purge() == 1
    assert case_store.count() == 0


def test_a_turn_extends_the_expiry(store):
    clock = Clock()
    case_store = CaseStore(store, ttl_days=1, clock=clock)
    with case_store.locked("T", "U") as slot:
        slot.save({"n": 1})
    clock.now += DAY - 10
    with case_store.locked("T", "U") as slot:
        slot.save({"n": 2})
    clock.now += DAY - 10
    assert case_store.load("T", "U") == {"n": 2}


def test_ttl_comes_from_settings(monkeypatch):
    assert Settings().case_ttl_days == 30
    monkeypatch.setenv("COMP_COACH_CASE_TTL_DAYS", "7")
    assert Settings().case_ttl_days == 7


def test_the_store_creates_the_table_when_opened_again(store, database_url, isolated_environment):
    """Opening the store again (a restart) creates the table only where it is missing: a
    case saved before is still there, and the second `CaseStore` reads and writes it."""
    with CaseStore(store).locked("T", "U") as slot:
        slot.save({"base": 168000})
    again = Store.open(database_url, isolated_environment)
    try:
        reopened = CaseStore(again)  # creating twice is harmless: nothing dropped or emptied
        assert reopened.load("T", "U") == {"base": 168000}
        assert reopened.count() == 1
        with reopened.locked("T", "U") as slot:
            slot.save({"base": 170000})
        assert CaseStore(store).load("T", "U") == {"base": 170000}
    finally:
        again.dispose()


def _workers(url: str | None, state: Path, jobs: list[tuple[str, str, str]], turns: int) -> None:
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "tests/store/_turns.py"),
                url or "",
                str(state),
                team,
                user,
                worker,
                str(turns),
            ],
            cwd=ROOT,
            stderr=subprocess.PIPE,
        )
        for team, user, worker in jobs
    ]
    for process in processes:
        _, err = process.communicate(timeout=90)
        assert process.returncode == 0, err.decode()


def test_concurrent_turns_on_two_processes_lose_nothing(store, database_url, isolated_environment):
    turns = 25
    _workers(database_url, isolated_environment, [("T", "U", "a"), ("T", "U", "b")], turns)
    data = CaseStore(store).load("T", "U")
    assert sorted(data["marks"]) == sorted([f"a:{n}" for n in range(turns)] + [f"b:{n}" for n in range(turns)])
    # Each process's own turns stay in order: no turn read a stale case.
    assert [m for m in data["marks"] if m.startswith("a:")] == [f"a:{n}" for n in range(turns)]


def test_concurrent_turns_of_two_people_never_mix(store, database_url, isolated_environment):
    turns = 15
    jobs = [("T", "U1", "a"), ("T", "U2", "b"), ("T", "U1", "c"), ("T", "U2", "d")]
    _workers(database_url, isolated_environment, jobs, turns)
    case_store = CaseStore(store)
    first, second = case_store.load("T", "U1"), case_store.load("T", "U2")
    assert first["user"] == "U1" and second["user"] == "U2"
    assert {m[0] for m in first["marks"]} == {"a", "c"} and len(first["marks"]) == 2 * turns
    assert {m[0] for m in second["marks"]} == {"b", "d"} and len(second["marks"]) == 2 * turns
