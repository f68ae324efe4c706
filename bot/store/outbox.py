"""The outbox: acknowledged Slack events and the replies owed for them, kept until delivered.

Slack is told "received" within 3 seconds, before any answer exists; from then on the answer
is owed. Each acknowledged event becomes one row here, in the same transaction that records
its event id in `seen_events` (so a resent event can never become a second row):

- stage `turn`: the event itself (who, where, what they wrote), until the turn has run;
- stage `reply`: the messages to post, written in the *same transaction* as the turn's case
  (see `turn_commit`), so a turn is never saved without its reply nor run twice;
- deleted once every message went out: the payload holds people's figures, kept no longer
  than needed. Nothing here logs a payload.

Any process may deliver any row. A row is taken with a conditional UPDATE (`claimed_by`,
`lease_until`): the UPDATE that finds it unclaimed (or its lease run out) wins, the other
finds no row, on SQLite (one writer at a time) and PostgreSQL (the second UPDATE waits for the
first to commit and then re-checks its WHERE) alike. A process that dies holding a row loses
it when the lease ends; one that stops cleanly gives its rows back at once (`release`).
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Float,
    Integer,
    String,
    Table,
    Text,
    and_,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from bot.store.database import Store, metadata, seen_events

log = logging.getLogger(__name__)

TURN = "turn"
REPLY = "reply"
EVENT_TTL_SECONDS = 3600.0  # as Store.claim_event: Slack resends an event for minutes, not hours

outbox = Table(
    "reply_outbox",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("event_id", String(128), nullable=True),
    Column("stage", String(8), nullable=False),  # turn | reply
    Column("team_id", String(64), nullable=False, index=True),  # uninstalling erases a workspace's rows
    Column("channel", String(64), nullable=False),
    Column("payload", Text, nullable=False),  # JSON: the event (turn) or the messages (reply)
    Column("sent", Integer, nullable=False, default=0),  # messages of a long reply already posted
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", Float, nullable=False, index=True),
    Column("deadline_at", Float, nullable=False),  # past it, the reply is replaced by an apology
    Column("claimed_by", String(64), nullable=True),
    Column("lease_until", Float, nullable=False, default=0.0),
    Column("created_at", Float, nullable=False),
)


@dataclass
class Entry:
    """One row, as the process that claimed it sees it."""

    id: str | None  # None: kept in memory only (the store was unavailable)
    event_id: str | None
    stage: str
    team: str
    channel: str
    payload: dict
    sent: int = 0
    attempts: int = 0
    deadline_at: float = 0.0
    held_at: float = 0.0  # when (the outbox's clock) this process last took or extended its lease
    waited: bool = False  # a short Retry-After already waited while held (bot/slack/courier.py)


class Outbox:
    def __init__(self, store: Store, owner: str | None = None, lease_seconds: float = 30.0, clock=time.time):
        self.store = store
        self.owner = owner or uuid.uuid4().hex[:16]
        self.lease = lease_seconds
        self.clock = clock

    @property
    def engine(self):
        return self.store.engine

    # --- taking events in ----------------------------------------------------------------------

    def accept(
        self, event_id: str | None, team: str, channel: str, job: dict, life_seconds: float, claim: bool = True
    ) -> Entry | None:
        """The event recorded as seen and as owed, in one transaction; None when it was seen
        before (a resend, or another process took it). `claim=False` leaves it for any process
        (a stopping process handing over events it acknowledged but did not start)."""
        now = self.clock()
        entry = Entry(uuid.uuid4().hex, event_id, TURN, team, channel, job, deadline_at=now + life_seconds)
        entry.held_at = now if claim else 0.0
        try:
            with self.engine.begin() as connection:
                if event_id:
                    self._forget_expired_event(connection, event_id, now)
                    connection.execute(
                        insert(seen_events).values(event_id=event_id, team_id=team, expires_at=now + EVENT_TTL_SECONDS)
                    )
                connection.execute(insert(outbox).values(**self._row(entry, now, claim)))
        except IntegrityError:
            return None
        return entry

    def keep(self, team: str, channel: str, payload: dict, life_seconds: float) -> Entry:
        """A reply owed for something other than an event (an offer form's evaluation, sent to
        the person's DM), held by this process."""
        now = self.clock()
        entry = Entry(uuid.uuid4().hex, None, REPLY, team, channel, payload, deadline_at=now + life_seconds)
        entry.held_at = now
        with self.engine.begin() as connection:
            connection.execute(insert(outbox).values(**self._row(entry, now, claim=True)))
        return entry

    def _forget_expired_event(self, connection: Connection, event_id: str, now: float) -> None:
        connection.execute(
            delete(seen_events).where(seen_events.c.event_id == event_id, seen_events.c.expires_at < now)
        )

    def _row(self, entry: Entry, now: float, claim: bool) -> dict:
        return {
            "id": entry.id,
            "event_id": entry.event_id,
            "stage": entry.stage,
            "team_id": entry.team,
            "channel": entry.channel,
            "payload": json.dumps(entry.payload, separators=(",", ":")),
            "sent": 0,
            "attempts": 0,
            "next_attempt_at": now,
            "deadline_at": entry.deadline_at,
            "claimed_by": self.owner if claim else None,
            "lease_until": now + self.lease if claim else 0.0,
            "created_at": now,
        }

    def record_reply(self, entry: Entry, payload: dict, connection: Connection | None = None) -> bool:
        """The turn's reply replaces its event (on `connection`, inside the turn's own
        transaction, when given). False when this process no longer holds the row."""
        values = {"stage": REPLY, "payload": json.dumps(payload, separators=(",", ":")), "sent": 0}
        statement = update(outbox).where(self._mine(entry)).values(**values, lease_until=self.clock() + self.lease)
        if connection is not None:
            ok = connection.execute(statement).rowcount == 1
        else:
            with self.engine.begin() as own:
                ok = own.execute(statement).rowcount == 1
        if ok:
            entry.stage, entry.payload, entry.sent, entry.held_at = REPLY, payload, 0, self.clock()
        return ok

    # --- claiming and delivering -------------------------------------------------------------------

    def claim_due(self, limit: int) -> list[Entry]:
        """Up to `limit` rows due now that nobody holds, each now held by this process."""
        now = self.clock()
        free = or_(outbox.c.claimed_by.is_(None), outbox.c.lease_until < now)
        with self.engine.connect() as connection:
            candidates = connection.execute(
                select(outbox.c.id)
                .where(and_(outbox.c.next_attempt_at <= now, free))
                .order_by(outbox.c.next_attempt_at)
                .limit(limit)
            ).all()
        claimed = []
        for (entry_id,) in candidates:
            with self.engine.begin() as connection:
                won = connection.execute(
                    update(outbox)
                    .where(and_(outbox.c.id == entry_id, free))
                    .values(claimed_by=self.owner, lease_until=now + self.lease)
                ).rowcount
                row = connection.execute(select(outbox).where(outbox.c.id == entry_id)).first() if won else None
            if row is not None:
                entry = _entry(row)
                entry.held_at = now
                claimed.append(entry)
        return claimed

    def renew(self, entry: Entry, for_seconds: float) -> bool:
        """Make sure the lease lasts `for_seconds` more (one attempt at most), recording
        progress; False when another process has taken the row (then this one must not send).
        A lease that lasts long enough already, with nothing sent since it was taken, needs no
        write: one commit less per reply."""
        if entry.id is None:
            return True
        if entry.sent == 0 and self.clock() + for_seconds < entry.held_at + self.lease:
            return True
        with self.engine.begin() as connection:
            ok = (
                connection.execute(
                    update(outbox)
                    .where(self._mine(entry))
                    .values(lease_until=self.clock() + self.lease, sent=entry.sent)
                ).rowcount
                == 1
            )
        entry.held_at = self.clock()
        return ok

    def retry_later(self, entry: Entry, at: float) -> None:
        """Not delivered now: given back, due again at `at` (seconds since the epoch)."""
        entry.attempts += 1
        if entry.id is None:
            return
        with self.engine.begin() as connection:
            connection.execute(
                update(outbox)
                .where(self._mine(entry))
                .values(sent=entry.sent, attempts=entry.attempts, next_attempt_at=at, claimed_by=None, lease_until=0.0)
            )

    def replace(self, entry: Entry, payload: dict, deadline_at: float) -> None:
        """Another reply in place of the one owed (the apology past its useful life); the
        figures of the first are overwritten."""
        entry.payload, entry.sent, entry.deadline_at = payload, 0, deadline_at
        if entry.id is None:
            return
        with self.engine.begin() as connection:
            connection.execute(
                update(outbox)
                .where(self._mine(entry))
                .values(
                    stage=REPLY, payload=json.dumps(payload, separators=(",", ":")), sent=0, deadline_at=deadline_at
                )
            )

    def done(self, entry: Entry) -> None:
        """Delivered (or undeliverable): the row and its payload go."""
        if entry.id is None:
            return
        with self.engine.begin() as connection:
            connection.execute(delete(outbox).where(self._mine(entry)))

    def release(self, keep: set[str] = frozenset()) -> int:
        """Give back every row this process holds (but those in `keep`, still being sent):
        another process takes them at once instead of after the lease."""
        with self.engine.begin() as connection:
            return connection.execute(
                update(outbox)
                .where(and_(outbox.c.claimed_by == self.owner, outbox.c.id.not_in(keep or [""])))
                .values(claimed_by=None, lease_until=0.0)
            ).rowcount

    def purge(self, older_than_seconds: float) -> int:
        """Rows abandoned with no process to deliver them (every process sends or drops a row
        once it is due): past their deadline by `older_than_seconds`, they go with their payload."""
        with self.engine.begin() as connection:
            return connection.execute(
                delete(outbox).where(outbox.c.deadline_at < self.clock() - older_than_seconds)
            ).rowcount

    def pending(self) -> int:
        with self.engine.connect() as connection:
            return len(connection.execute(select(outbox.c.id)).all())

    def _mine(self, entry: Entry):
        return and_(outbox.c.id == entry.id, outbox.c.claimed_by == self.owner)


def _entry(row: Any) -> Entry:
    return Entry(
        row.id,
        row.event_id,
        row.stage,
        row.team_id,
        row.channel,
        json.loads(row.payload),
        row.sent,
        row.attempts,
        row.deadline_at,
    )


# --- the turn's reply, committed with the turn -------------------------------------------------------

_on_commit: ContextVar[Callable[[Connection, Any], None] | None] = ContextVar("outbox_on_commit", default=None)


@contextmanager
def turn_commit(hook: Callable[[Connection, Any], None]) -> Iterator[None]:
    """While this block runs, a case saved by `CaseStore.locked` first calls `hook(connection,
    reply)` on its own connection, just before its commit: the reply joins the turn's
    transaction. A hook that raises rolls the turn back."""
    token = _on_commit.set(hook)
    try:
        yield
    finally:
        _on_commit.reset(token)


def before_commit(connection: Connection, reply: Any) -> None:
    """Called by the case store just before it commits a turn."""
    hook = _on_commit.get()
    if hook is not None:
        hook(connection, reply)
