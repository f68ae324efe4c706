"""Engine, schema creation and upgrades, and the events-seen table."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import (
    Column,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    event,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError

log = logging.getLogger(__name__)

SQLITE_NAME = "comp-coach.sqlite3"

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version", Integer, nullable=False),
)

# Slack event ids already answered; a resent event finds its id here and is dropped.
seen_events = Table(
    "seen_events",
    metadata,
    Column("event_id", String(128), primary_key=True),
    Column("expires_at", Float, nullable=False, index=True),
)

# Upgrades from version N-1 to N, in order. `create_all` makes new tables; a change to an
# existing table adds a function here (ALTER TABLE ...), and SCHEMA_VERSION follows it.
MIGRATIONS: list[Callable] = []
SCHEMA_VERSION = len(MIGRATIONS)


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


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        # Pooled: reopening the file and setting the pragmas on every turn cost ~4 ms.
        # Each process opens its own store after it starts (web workers after the fork).
        engine = create_engine(url, pool_size=5, max_overflow=5, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection, _record) -> None:
            # WAL lets several web processes read while one writes; the busy timeout
            # makes a writer wait for another instead of failing.
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


class Store:
    """One per process. Cheap to share between threads (SQLAlchemy pools connections)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _make_engine(url)

    @classmethod
    def open(cls, configured: str | None, state_dir: Path) -> Store:
        store = cls(database_url(configured, state_dir))
        store.upgrade()
        return store

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def upgrade(self) -> None:
        """Create missing tables, then run the upgrades this database has not seen."""
        metadata.create_all(self.engine)
        try:
            with self.engine.begin() as connection:
                connection.execute(insert(schema_version).values(id=1, version=SCHEMA_VERSION))
            return  # a new database: created at the current version
        except IntegrityError:
            pass  # the row exists: this database was created before, maybe at an older version
        with self.engine.begin() as connection:
            current = connection.execute(
                select(schema_version.c.version).where(schema_version.c.id == 1).with_for_update()
            ).scalar_one()
            for version in range(current, SCHEMA_VERSION):
                log.info("upgrading the store to schema version %d", version + 1)
                MIGRATIONS[version](connection)
            if current < SCHEMA_VERSION:
                connection.execute(schema_version.update().values(version=SCHEMA_VERSION))

    # --- events seen ---------------------------------------------------------------------------

    def claim_event(self, event_id: str, ttl_seconds: float = 3600.0) -> bool:
        """True the first time an event id is claimed by any process, False after."""
        now = time.time()
        try:
            with self.engine.begin() as connection:
                connection.execute(insert(seen_events).values(event_id=event_id, expires_at=now + ttl_seconds))
            return True
        except IntegrityError:
            with self.engine.begin() as connection:
                expired = connection.execute(
                    delete(seen_events).where(seen_events.c.event_id == event_id, seen_events.c.expires_at < now)
                ).rowcount
            return bool(expired) and self.claim_event(event_id, ttl_seconds)

    def purge_events(self) -> int:
        with self.engine.begin() as connection:
            return connection.execute(delete(seen_events).where(seen_events.c.expires_at < time.time())).rowcount

    def dispose(self) -> None:
        self.engine.dispose()
