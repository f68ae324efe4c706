"""Upgrading the store's schema with Alembic (the scripts are in `bot/store/migrations`).

Run on start by whichever process opens the store first (`Store.open`), and by the
Procfile's `release: comp-coach migrate`. Several processes may start at once (web workers,
a second dyno): each migrates inside one transaction that first takes a lock, a
transaction-scoped advisory lock on PostgreSQL and SQLite's write lock (`BEGIN IMMEDIATE`),
so the second finds the work done. Both databases run DDL inside transactions, so a failed
migration leaves the schema as it was.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from bot.store.migrations import HEAD

log = logging.getLogger(__name__)

SCRIPTS = Path(__file__).with_name("migrations")
_IN_PROCESS = threading.Lock()
MIGRATION_WAIT_MS = 60_000  # SQLite: how long a starting process waits for another's migration
ADVISORY_LOCK = 0x636F6D70  # "comp": one number every Comp Coach process agrees on


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Bring the schema to `revision`; returns the revision it was at before (None: new)."""
    if revision == "head" and current(engine) == HEAD:
        return HEAD  # nothing to do, and no Alembic import (see bot/store/migrations/__init__.py)
    # Alembic's `op` and `context` are module-level proxies: two stores of one process migrating
    # on two threads at once (two apps built in one process) would each see the other's.
    with _IN_PROCESS:
        return _upgrade(engine, revision)


def _upgrade(engine: Engine, revision: str) -> str | None:
    # Alembic's own INFO lines (one per plugin at import, two about the context, one per
    # revision) would reach `comp-coach ask`'s and the console's terminal on a new state folder;
    # the one line below says what changed.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    from alembic import command

    with engine.connect() as connection:
        _lock(connection)
        try:
            before = _version(connection)
            command.upgrade(_config(connection), revision)
            after = _version(connection)
            connection.commit()
        except BaseException:
            connection.rollback()  # a failed migration leaves the schema as it was
            raise
        finally:
            _unlocked(connection)
    if before != after:
        log.info("store schema upgraded from %s to %s", before or "nothing", after)
    return before


def current(engine: Engine) -> str | None:
    """The database's revision (None: no `alembic_version` table yet)."""
    with engine.connect() as connection:
        return _version(connection)


def head() -> str:
    """The newest revision among the scripts (the migration test holds `HEAD` to it)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(SCRIPTS)).get_current_head()


def _config(connection: Connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    config.attributes["connection"] = connection
    return config


def _lock(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK})
    elif connection.dialect.name == "sqlite":
        # Processes starting together queue here behind the one migrating (Alembic's import
        # alone is ~250 ms, seconds on a loaded machine): at start-up waiting is right, so the
        # store's short busy timeout (bot/store/limits.py, for turns) is lifted meanwhile.
        connection.exec_driver_sql(f"PRAGMA busy_timeout={MIGRATION_WAIT_MS}")
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _unlocked(connection: Connection) -> None:
    """The connection goes back to the pool with the store's own busy timeout."""
    if connection.dialect.name == "sqlite":
        from bot.store.limits import SQLITE_BUSY_MS

        connection.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")


def _version(connection: Connection) -> str | None:
    """`alembic_version`'s row, read without Alembic; None when the table is missing."""
    from sqlalchemy import inspect

    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
