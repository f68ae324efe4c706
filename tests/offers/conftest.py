from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def seed(answers):
    """The shipped PlanetScale ML / AI Engineer guide and its Remote US region."""
    guide = answers.catalog.by_key["planetscale/ml-ai-engineer"]
    return guide, next(r for r in guide.regions if r.name == "Remote US")


@pytest.fixture(scope="session")
def variants_answers():
    """The shipped guides and the variant fixtures (Acme pays in USD, GBP, CHF, SGD and EUR)."""
    from pathlib import Path

    from bot.answers import Answers

    return Answers.load(extra_folders=[Path(__file__).parents[1] / "guides" / "fixtures" / "variants"])
