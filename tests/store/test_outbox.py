"""The outbox on SQLite and PostgreSQL: an event is owed once, a row is held by one process at
a time (until its lease ends or it is given back), retries wait their turn, and a turn's reply
is committed with the turn's case or not at all."""

from __future__ import annotations

import threading

import pytest

from bot.store.cases import CaseStore
from bot.store.outbox import REPLY, TURN, Outbox, turn_commit
from tests.store.clock import Clock

JOB = {"kind": "dm", "text": "my offer is 180k", "user": "U1"}


def test_an_event_is_owed_once_and_counts_as_seen(store):
    outbox = Outbox(store)
    entry = outbox.accept("Ev1", "T1", "D1", JOB, life_seconds=60)
    assert entry is not None and entry.stage == TURN
    assert outbox.accept("Ev1", "T1", "D1", JOB, life_seconds=60) is None, "a resend is not owed twice"
    assert Outbox(store).accept("Ev1", "T1", "D1", JOB, life_seconds=60) is None, "nor by another process"
    assert store.claim_event("Ev1") is False, "the same seen_events as before"
    assert outbox.pending() == 1


def test_two_processes_never_claim_the_same_row(store):
    parked = Outbox(store)
    for number in range(30):
        assert parked.accept(f"Ev{number}", "T1", f"D{number}", JOB, life_seconds=60, claim=False)
    first, second = Outbox(store), Outbox(store)
    taken: dict[str, list] = {}
    start = threading.Barrier(2)

    def claim(outbox: Outbox) -> None:
        start.wait()
        got = []
        while batch := outbox.claim_due(4):
            got += batch
        taken[outbox.owner] = got

    threads = [threading.Thread(target=claim, args=(outbox,)) for outbox in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    ids_first = {entry.id for entry in taken[first.owner]}
    ids_second = {entry.id for entry in taken[second.owner]}
    assert not ids_first & ids_second
    assert len(ids_first | ids_second) == 30


def test_a_held_row_passes_on_only_when_its_lease_ends_or_it_is_given_back(store):
    clock = Clock()
    dead, alive = Outbox(store, lease_seconds=5, clock=clock), Outbox(store, lease_seconds=5, clock=clock)
    entry = dead.accept("Ev1", "T1", "D1", JOB, life_seconds=600)
    assert alive.claim_due(10) == [], "held by the process that acknowledged it"
    clock.now += 6
    [taken] = alive.claim_due(10)
    assert taken.id == entry.id and taken.payload == JOB
    assert not dead.renew(entry, 1.0), "the first process may no longer send it"
    assert not dead.record_reply(entry, {"messages": []})
    assert alive.release() == 1
    [again] = dead.claim_due(10)
    assert again.id == entry.id, "given back: taken at once, no lease to wait for"


def test_a_failed_delivery_waits_for_its_time_and_counts_attempts(store):
    clock = Clock()
    outbox = Outbox(store, clock=clock)
    entry = outbox.accept("Ev1", "T1", "D1", JOB, life_seconds=600)
    assert outbox.record_reply(entry, {"messages": [{"text": "a"}, {"text": "b"}]})
    entry.sent = 1
    outbox.retry_later(entry, at=clock.now + 20)
    assert Outbox(store, clock=clock).claim_due(10) == []
    clock.now += 21
    [due] = Outbox(store, clock=clock).claim_due(10)
    assert (due.stage, due.sent, due.attempts) == (REPLY, 1, 1), "resumes after the message that went out"


def test_delivered_rows_are_deleted(store):
    outbox = Outbox(store)
    entry = outbox.accept("Ev1", "T1", "D1", JOB, life_seconds=600)
    outbox.record_reply(entry, {"messages": [{"text": "$180K is in the lower third"}]})
    outbox.done(entry)
    assert outbox.pending() == 0


def test_the_reply_is_committed_with_the_turn_or_neither(store):
    cases = CaseStore(store)
    outbox = Outbox(store)
    entry = outbox.accept("Ev1", "T1", "D1", JOB, life_seconds=600)

    def record(connection, messages):
        if not outbox.record_reply(entry, {"messages": messages}, connection):
            raise RuntimeError("claim lost")

    with turn_commit(record), cases.locked("T1", "U1") as slot:
        slot.save({"base": 180000})
        slot.reply = [{"text": "evaluated"}]
    assert cases.load("T1", "U1") == {"base": 180000}
    [row] = _rows(outbox)
    assert row.stage == REPLY and row.payload == {"messages": [{"text": "evaluated"}]}

    # Another process took the row meanwhile: the turn must not be saved at all.
    lost = outbox.accept("Ev2", "T1", "D2", JOB, life_seconds=600)
    lost_owner = outbox.owner
    outbox.owner = "someone-else"
    hook = lambda c, m: record_as(outbox, lost, c, m)  # noqa: E731
    with pytest.raises(RuntimeError), turn_commit(hook), cases.locked("T1", "U1") as slot:
        slot.save({"base": 999999})
        slot.reply = [{"text": "second"}]
    outbox.owner = lost_owner
    assert cases.load("T1", "U1") == {"base": 180000}, "the turn was rolled back"
    assert {row.stage for row in _rows(outbox) if row.event_id == "Ev2"} == {TURN}


def record_as(outbox: Outbox, entry, connection, messages) -> None:
    if not outbox.record_reply(entry, {"messages": messages}, connection):
        raise RuntimeError("claim lost")


def _rows(outbox: Outbox) -> list:
    reader = Outbox(outbox.store, clock=lambda: 10**12, lease_seconds=1)
    rows = reader.claim_due(100)
    reader.release()
    return rows


def test_a_reply_without_an_event_is_kept_and_abandoned_rows_are_purged(store):
    clock = Clock()
    outbox = Outbox(store, clock=clock)
    kept = outbox.keep("T1", "U1", {"messages": [{"text": "evaluation"}]}, life_seconds=60)
    assert kept.stage == REPLY and Outbox(store, clock=clock).claim_due(10) == [], "held by its process"
    clock.now += 60 + 3600
    assert outbox.purge(older_than_seconds=7200) == 0, "not yet abandoned long enough"
    clock.now += 3700
    assert outbox.purge(older_than_seconds=7200) == 1
    assert outbox.pending() == 0
