"""Coaching cases: one row per person (team, user), a JSON document, kept for 30 days.

A turn runs inside `CaseStore.locked(team, user)`, which holds that person's row for the
length of the turn: `SELECT ... FOR UPDATE` on PostgreSQL (after making sure the row
exists, so two first turns cannot both insert), `BEGIN IMMEDIATE` on SQLite (one writer at
a time for the whole file). Two web processes answering the same person at once therefore
take turns: neither loses the other's answer, and no person's case is ever read for
another. Offer figures live only in the `data` column; nothing here logs them. Deleting a
case (forget, expiry) scrubs it from the store's files too (`Store.scrub`, docs/store.md); a
table found missing is created again (`Store.retrying_missing_tables`).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Column, Float, Integer, String, Table, Text, delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from bot.store.database import Store, metadata
from bot.store.outbox import before_commit

log = logging.getLogger(__name__)

DEFAULT_TTL_DAYS = 30.0
DAY = 86400.0

cases = Table(
    "coaching_cases",
    metadata,
    Column("team_id", String(64), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("data", Text, nullable=False),
    Column("version", Integer, nullable=False),  # 0: a placeholder row taken only to lock it
    Column("updated_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False, index=True),
)


@dataclass
class Slot:
    """One person's case during a turn: `data` as stored (None when there is none or it has
    expired); `save` or `delete` decides what the turn leaves behind."""

    data: dict | None
    version: int
    action: str | None = None  # save | delete | None (leave as it was)
    new_data: dict | None = None
    reply: object = None  # the turn's answer, committed with it when the outbox asks (bot.store.outbox)

    def save(self, data: dict) -> None:
        self.action, self.new_data = "save", data

    def delete(self) -> None:
        self.action, self.new_data = "delete", None


class CaseStore:
    def __init__(
        self,
        store: Store,
        ttl_days: float = DEFAULT_TTL_DAYS,
        clock: Callable[[], float] = time.time,
        purge_on_open: bool = True,
    ):
        self.store = store
        self.ttl = ttl_days * DAY
        self.clock = clock
        cases.create(store.engine, checkfirst=True)
        if purge_on_open:
            self._purge_once()

    @property
    def engine(self):
        return self.store.engine

    @contextmanager
    def locked(self, team: str, user: str) -> Iterator[Slot]:
        """The person's case, held against every other process until the block ends."""
        key = (cases.c.team_id == team) & (cases.c.user_id == user)
        now = self.clock()
        with self.engine.connect() as connection:

            def hold():
                try:
                    return self._hold(connection, team, user, now)
                except BaseException:
                    connection.rollback()  # ends the half-begun turn before tables are created
                    raise

            row = self.store.retrying_missing_tables(hold)
            live = row is not None and row.version > 0 and row.expires_at > now
            slot = Slot(json.loads(row.data) if live else None, row.version if row else 0)
            try:
                yield slot
            except BaseException:
                connection.rollback()
                raise
            if slot.action == "save":
                values = {
                    "data": json.dumps(slot.new_data, separators=(",", ":")),
                    "version": max(slot.version, 0) + 1,
                    "updated_at": now,
                    "expires_at": now + self.ttl,
                }
                if row is None:
                    connection.execute(insert(cases).values(team_id=team, user_id=user, **values))
                else:
                    connection.execute(update(cases).where(key).values(**values))
            elif slot.action == "delete" or (row is not None and not live):
                connection.execute(delete(cases).where(key))
            before_commit(connection, slot.reply)
            connection.commit()
        if slot.action == "delete" or (row is not None and not live and row.version > 0):
            self.store.scrub()  # the forgotten or expired figures leave the WAL too

    def _hold(self, connection, team: str, user: str, now: float):
        """Take the person's lock and read their row (None when there is none)."""
        if self.store.dialect == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        elif self.store.dialect == "postgresql":
            connection.execute(
                pg_insert(cases)
                .values(team_id=team, user_id=user, data="", version=0, updated_at=now, expires_at=0.0)
                .on_conflict_do_nothing()
            )
        return connection.execute(
            select(cases.c.data, cases.c.version, cases.c.expires_at)
            .where((cases.c.team_id == team) & (cases.c.user_id == user))
            .with_for_update()
        ).first()

    def load(self, team: str, user: str) -> dict | None:
        """The stored case, without locking (for status pages and tests)."""

        def read():
            with self.engine.connect() as connection:
                return connection.execute(
                    select(cases.c.data, cases.c.version, cases.c.expires_at).where(
                        (cases.c.team_id == team) & (cases.c.user_id == user)
                    )
                ).first()

        row = self.store.retrying_missing_tables(read)
        if row is None or row.version == 0 or row.expires_at <= self.clock():
            return None
        return json.loads(row.data)

    def forget(self, team: str, user: str) -> bool:
        """Delete everything stored about one person, from every file of the store; True when
        there was something."""

        def delete_row() -> int:
            with self.engine.begin() as connection:
                return connection.execute(
                    delete(cases).where((cases.c.team_id == team) & (cases.c.user_id == user))
                ).rowcount

        removed = self.store.retrying_missing_tables(delete_row)
        if removed:
            self.store.scrub()
        return bool(removed)

    def purge(self) -> int:
        """Delete every expired case (and placeholder rows left by interrupted turns)."""

        def delete_expired() -> int:
            with self.engine.begin() as connection:
                return connection.execute(delete(cases).where(cases.c.expires_at <= self.clock())).rowcount

        removed = self.store.retrying_missing_tables(delete_expired)
        if removed:
            self.store.scrub()
            log.info("purged %d expired coaching cases", removed)
        return removed

    def count(self) -> int:
        with self.engine.connect() as connection:
            return len(connection.execute(select(cases.c.user_id)).all())

    def _purge_once(self) -> None:
        """Once per process, when its first turn opens the cases (the console and `ask` have no
        schedule); servers also purge every `COMP_COACH_PURGE_SECONDS` (bot/store/purge.py)."""
        try:
            self.purge()
        except Exception as error:  # a purge that fails waits for the schedule; it never breaks a turn
            log.error("purging expired cases failed: %s", type(error).__name__)
