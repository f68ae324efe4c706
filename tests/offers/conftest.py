from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def seed(answers):
    """The shipped PlanetScale ML / AI Engineer guide and its Remote US region."""
    guide = answers.catalog.by_key["planetscale/ml-ai-engineer"]
    return guide, next(r for r in guide.regions if r.name == "Remote US")
