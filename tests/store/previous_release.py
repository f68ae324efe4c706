"""The store as the release before migrations made it (commit 29da213), frozen here.

`fixtures/previous-release.sqlite3` is a database that release created itself: cases of two
people from `comp-coach ask` DM turns, two event ids, `schema_version` at 0. For PostgreSQL
the same tables come from these definitions, copied from that release's bot/store/database.py
and bot/store/cases.py (test_migrations checks they give the fixture's schema on SQLite).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import Column, Engine, Float, Integer, MetaData, String, Table, Text, insert

FIXTURE = Path(__file__).with_name("fixtures") / "previous-release.sqlite3"

metadata = MetaData()
schema_version = Table(
    "schema_version",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version", Integer, nullable=False),
)
seen_events = Table(
    "seen_events",
    metadata,
    Column("event_id", String(128), primary_key=True),
    Column("expires_at", Float, nullable=False, index=True),
)
cases = Table(
    "coaching_cases",
    metadata,
    Column("team_id", String(64), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("data", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False, index=True),
)


def fixture_rows() -> dict[str, list[tuple]]:
    with sqlite3.connect(FIXTURE) as connection:
        return {
            "coaching_cases": connection.execute(
                "SELECT team_id, user_id, data, version, updated_at, expires_at FROM coaching_cases ORDER BY user_id"
            ).fetchall(),
            "seen_events": connection.execute(
                "SELECT event_id, expires_at FROM seen_events ORDER BY event_id"
            ).fetchall(),
        }


def copy_sqlite(state_dir: Path) -> Path:
    """The fixture as the SQLite file a state folder holds."""
    state_dir.mkdir(parents=True, exist_ok=True)
    target = state_dir / "comp-coach.sqlite3"
    shutil.copyfile(FIXTURE, target)
    return target


def create_like_previous_release(engine: Engine) -> None:
    """The previous release's tables and the fixture's rows, in any database."""
    metadata.create_all(engine)
    rows = fixture_rows()
    with engine.begin() as connection:
        connection.execute(insert(schema_version).values(id=1, version=0))
        for row in rows["coaching_cases"]:
            connection.execute(insert(cases).values(dict(zip(cases.c.keys(), row, strict=True))))
        for event_id, expires_at in rows["seen_events"]:
            connection.execute(insert(seen_events).values(event_id=event_id, expires_at=expires_at))
