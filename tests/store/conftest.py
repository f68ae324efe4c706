"""The store tests run once against SQLite and once against PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.store.database import Store
from tests.store.postgres import postgres_schema


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> Iterator[str | None]:
    """None means the default (a SQLite file in the state folder); else a PostgreSQL schema."""
    if request.param == "sqlite":
        yield None
    else:
        with postgres_schema() as url:
            yield url


@pytest.fixture
def store(database_url, isolated_environment) -> Iterator[Store]:
    """The store opened (migrated) on that database, disposed after the test."""
    store = Store.open(database_url, isolated_environment)
    yield store
    store.dispose()
