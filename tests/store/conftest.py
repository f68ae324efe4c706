"""The store tests run once against SQLite and once against PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.store.postgres import postgres_schema


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> Iterator[str | None]:
    """None means the default (a SQLite file in the state folder); else a PostgreSQL schema."""
    if request.param == "sqlite":
        yield None
    else:
        with postgres_schema() as url:
            yield url
