"""Engine, schema upgrades (Alembic, `bot.store.migrate`), and the events-seen table."""

from __future__ import annotations

import logging
import time
from pathlib import Path

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
from sqlalchemy.exc import IntegrityError

log = logging.getLogger(__name__)

SQLITE_NAME = "comp-coach.sqlite3"

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
        """Run the migrations this database has not seen (a new database gets them all)."""
        from bot.store.migrate import upgrade

        upgrade(self.engine)

    # --- events seen ---------------------------------------------------------------------------

    def claim_event(self, event_id: str, team_id: str | None = None, ttl_seconds: float = 3600.0) -> bool:
        """True the first time an event id is claimed by any process, False after."""
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
            return bool(expired) and self.claim_event(event_id, team_id, ttl_seconds)

    def purge_events(self) -> int:
        with self.engine.begin() as connection:
            return connection.execute(delete(seen_events).where(seen_events.c.expires_at < time.time())).rowcount

    def dispose(self) -> None:
        self.engine.dispose()
