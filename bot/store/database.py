"""Engine, schema upgrades (Alembic, `bot.store.migrate`), and the events-seen table."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import (
    Column,
    Engine,
    Float,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    event,
    insert,
)
from sqlalchemy.exc import DBAPIError, IntegrityError

from bot.store.limits import (
    POOL_TIMEOUT,
    SQLITE_BUSY_MS,
    StoreHealth,
    bounded_postgres_connect,
    fail_fast_when_locked,
)

log = logging.getLogger(__name__)

SQLITE_NAME = "comp-coach.sqlite3"
SCRUB_LOCK_TIMEOUT = "2s"  # how long a rewrite after a delete waits for a table's lock (Store.scrub)
T = TypeVar("T")

# The tables as the code uses them. They are created and changed only by the migrations in
# bot/store/migrations (the migration test holds the two to each other).
metadata = MetaData()

# Slack event ids already answered; a resent event finds its id here and is dropped. The
# workspace is kept so that uninstalling erases its ids too (bot.store.workspaces).
seen_events = Table(
    "seen_events",
    metadata,
    Column("event_id", String(128), primary_key=True),
    Column("expires_at", Float, nullable=False, index=True),
    Column("team_id", String(64), nullable=True, index=True),
)


def missing_table(error: DBAPIError) -> bool:
    """SQLite's "no such table" or PostgreSQL's undefined_table (42P01)."""
    orig = error.orig
    return getattr(orig, "sqlstate", None) == "42P01" or "no such table" in str(orig)


def database_url(configured: str | None, state_dir: Path) -> str:
    """The SQLAlchemy URL: `postgres://` and `postgresql://` use psycopg 3; no URL means a
    SQLite file in the state folder."""
    if not configured:
        state_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{state_dir / SQLITE_NAME}"
    for prefix in ("postgres://", "postgresql://"):
        if configured.startswith(prefix):
            return "postgresql+psycopg://" + configured[len(prefix) :]
    return configured


def _journal_in_wal(cursor) -> None:
    """`PRAGMA journal_mode=WAL`, tried again while another connection holds the file. Processes opening a new
    database together each convert it; the conversion needs the file alone, and SQLite answers `database is
    locked` at once rather than wait in its busy handler (two connections each holding a read lock would wait on
    each other). Seen as 1 failure in 60 starts of 6 stores at once on a loaded machine (tests/store)."""
    deadline = time.monotonic() + SQLITE_BUSY_MS / 1000
    pause = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _make_engine(url: str, health: StoreHealth) -> Engine:
    """Pooled engines whose every wait is bounded (bot/store/limits.py says why each bound)."""
    if url.startswith("sqlite"):
        # Pooled: reopening the file and setting the pragmas on every turn cost ~4 ms.
        # Each process opens its own store after it starts (web workers after the fork).
        engine = create_engine(
            url,
            pool_size=5,
            max_overflow=5,
            pool_timeout=POOL_TIMEOUT,
            connect_args={"timeout": SQLITE_BUSY_MS / 1000},
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection, _record) -> None:
            # WAL lets several web processes read while one writes; the busy timeout makes a
            # writer wait for another (bounded) instead of failing. secure_delete zeroes what a
            # forget or a purge deletes, in the file itself (`Store.scrub` empties the WAL).
            cursor = connection.cursor()
            _journal_in_wal(cursor)
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.close()

        fail_fast_when_locked(engine, health)
        return engine
    engine = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5, pool_timeout=POOL_TIMEOUT)
    event.listen(engine, "do_connect", bounded_postgres_connect(health))
    return engine


class Store:
    """One per process. Cheap to share between threads (SQLAlchemy pools connections)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.health = StoreHealth()
        self.engine = _make_engine(url, self.health)

    @classmethod
    def open(cls, configured: str | None, state_dir: Path) -> Store:
        store = cls(database_url(configured, state_dir))
        store.upgrade()
        return store

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def upgrade(self) -> None:
        """Run the migrations this database has not seen (a new database gets them all)."""
        from bot.store.migrate import upgrade

        upgrade(self.engine)

    # --- tables gone, health, scrubbing ----------------------------------------------------------

    def create_tables(self) -> None:
        """What re-creates the schema when a running server finds its tables gone: the migrations
        for a database recreated empty; for a table dropped from a database whose revision is
        current (Alembic sees nothing to do), the declared tables that are missing, which the
        migration test holds equal to what the migrations make."""
        self.upgrade()
        metadata.create_all(self.engine)

    def retrying_missing_tables(self, operation: Callable[[], T]) -> T:
        """`operation`, and when it fails because a table is missing, the tables created and
        `operation` run once more (instead of failing every turn until a restart)."""
        try:
            return operation()
        except DBAPIError as error:
            if not missing_table(error):
                raise
        log.warning("store tables missing: creating them")
        self.create_tables()
        return operation()

    def state(self) -> str:
        """`ok` or `unavailable (reason)`, at once; a bounded probe refreshes it in the background."""
        return self.health.check(self._probe)

    def _probe(self) -> None:
        with self.engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")

    def scrub(self) -> None:
        """After deleting personal data: SQLite copies the WAL into the file (where secure_delete
        has zeroed the deleted rows) and truncates it, so no old page keeps a deleted figure.
        PostgreSQL keeps a deleted row, and every earlier version of an updated one, in the table's
        pages until they are reused: a plain VACUUM frees the space but leaves the bytes (seen on
        PostgreSQL 15), so the tables holding figures are rewritten (`VACUUM FULL`, a new file, the
        old one unlinked at the next checkpoint). The server's WAL keeps them until it is recycled."""
        if self.dialect == "postgresql":
            self._rewrite_tables_holding_figures()
            return
        if self.dialect != "sqlite":
            return
        with self.engine.connect() as connection:
            busy = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()[0]
        if busy:  # another process was reading: the next forget or purge truncates it
            log.warning("WAL checkpoint after a delete was blocked by a reader")

    def _rewrite_tables_holding_figures(self) -> None:
        """`VACUUM FULL` of the cases and the replies outbox, outside a transaction (VACUUM refuses one),
        waiting at most SCRUB_LOCK_TIMEOUT for the table's lock so that a long reader never queues
        every turn behind the rewrite; a rewrite that cannot get the lock is left to the next
        forget or purge, and said in the log."""
        # The tables whose rows hold a person's figures: a case, a reply not yet delivered. Imported here:
        # both modules build on this one.
        from bot.store.cases import cases
        from bot.store.outbox import outbox

        try:
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.exec_driver_sql(f"SET lock_timeout = '{SCRUB_LOCK_TIMEOUT}'")
                for table in (cases, outbox):
                    connection.exec_driver_sql(f"VACUUM FULL {table.name}")
        except DBAPIError as error:
            log.warning("rewriting the tables after a delete did not finish: %s", type(error.orig or error).__name__)

    # --- events seen ---------------------------------------------------------------------------

    def claim_event(self, event_id: str, team_id: str | None = None, ttl_seconds: float = 3600.0) -> bool:
        """True the first time an event id is claimed by any process, False after."""
        return self.retrying_missing_tables(lambda: self._claim(event_id, team_id, ttl_seconds))

    def _claim(self, event_id: str, team_id: str | None, ttl_seconds: float) -> bool:
        now = time.time()
        try:
            with self.engine.begin() as connection:
                connection.execute(
                    insert(seen_events).values(event_id=event_id, team_id=team_id, expires_at=now + ttl_seconds)
                )
            return True
        except IntegrityError:
            with self.engine.begin() as connection:
                expired = connection.execute(
                    delete(seen_events).where(seen_events.c.event_id == event_id, seen_events.c.expires_at < now)
                ).rowcount
            return bool(expired) and self._claim(event_id, team_id, ttl_seconds)

    def purge_events(self) -> int:
        """Delete the event ids past their expiry (Slack resends within minutes, not hours)."""

        def purge() -> int:
            with self.engine.begin() as connection:
                return connection.execute(delete(seen_events).where(seen_events.c.expires_at < time.time())).rowcount

        return self.retrying_missing_tables(purge)

    def dispose(self) -> None:
        self.engine.dispose()
