"""PostgreSQL for the store tests: each test gets its own schema, dropped afterwards, so runs
(and parallel runs) never see each other's rows.

Unreachable PostgreSQL skips the test with the reason, unless `CI` is set: there it fails,
because CI starts PostgreSQL (`.ci/run` -> `make test` -> scripts/ensure-postgres).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

POSTGRES_URL = os.environ.get("COMP_COACH_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def _engine(url: str = POSTGRES_URL):
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1), connect_args={"connect_timeout": 3})


def require_postgres() -> None:
    try:
        engine = _engine()
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
    except OperationalError as exc:
        reason = f"PostgreSQL is unreachable at {POSTGRES_URL} ({type(exc).__name__}); run scripts/ensure-postgres"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A DATABASE_URL whose tables all land in a fresh schema (search_path), dropped at the end."""
    require_postgres()
    schema = f"cc_test_{uuid.uuid4().hex[:12]}"
    engine = _engine()
    with engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()
