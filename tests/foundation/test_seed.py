"""The seed guide, read from Markdown and shipped as data: every figure checked."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from bot.guides.catalog import SHIPPED_GUIDES, read_data_file
from bot.guides.markdown import read_guide_file
from bot.guides.money import MoneyRange

TESTS = Path(__file__).resolve().parents[1]
SEED = TESTS / "fixtures" / "planetscale-ml-ai-engineer.md"  # a copy of the shared seed
SHARED_SEED = TESTS.parents[1] / "shared" / "seeds" / "planetscale-ml-ai-engineer.md"
DATA_FILE = SHIPPED_GUIDES / "planetscale" / "ml-ai-engineer.json"


def usd(low: int, high: int) -> MoneyRange:
    return MoneyRange.of(low, high, "USD")


@pytest.fixture(scope="module")
def shipped():
    guide, problems = read_data_file(DATA_FILE)
    assert problems == []
    return guide


def test_the_fixture_is_the_shared_seed():
    if not SHARED_SEED.exists():
        pytest.skip(f"no shared seed at {SHARED_SEED} to compare with")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_data_file_is_what_the_reader_makes_of_the_seed(shipped):
    result = read_guide_file(SEED)
    assert result.errors == [] and result.warnings == []
    from_markdown = json.loads(result.guide.model_dump_json(exclude={"source_file"}))
    from_data = json.loads(shipped.model_dump_json(exclude={"source_file"}))
    assert from_markdown == from_data


def test_company_role_and_dna(shipped):
    assert (shipped.company.name, shipped.company.slug) == ("PlanetScale", "planetscale")
    assert (shipped.role.title, shipped.role.slug, shipped.role.level) == ("ML / AI Engineer", "ml-ai-engineer", None)
    dna = shipped.company.dna
    assert dna.raw.startswith("Private ($1.2B Valuation) | Serverless MySQL Platform (Vitess-based)")
    assert dna.ownership == "private"
    assert (dna.valuation.amount, dna.valuation.currency) == (1_200_000_000, "USD")
    assert dna.product == "Serverless MySQL Platform (Vitess-based)"
    assert (dna.premium.low, dna.premium.high) == (Decimal(10), Decimal(20))
    assert dna.premium_label == "AI PREMIUM"
    assert dna.risk == "Higher Risk/Reward"


def test_every_band_figure(shipped):
    sf, remote = shipped.regions
    assert (sf.name, remote.name) == ("San Francisco HQ", "Remote US")
    assert sf.currency == remote.currency == "USD"
    assert sf.base == usd(170_000, 235_000)
    assert sf.stock.value == usd(90_000, 245_000)
    assert (sf.stock.kind, sf.stock.vesting_years) == ("Equity", 4)
    assert sf.bonus.kind == "none"
    assert sf.total == usd(230_000, 365_000)
    assert remote.base == usd(155_000, 220_000)
    assert remote.stock.value == usd(80_000, 225_000)
    assert (remote.stock.kind, remote.stock.vesting_years) == ("Equity", 4)
    assert remote.bonus.kind == "none"
    assert remote.total == usd(210_000, 340_000)


def test_narrative_mapping_levers_strategy_sources(shipped):
    assert len(shipped.narrative) == 1
    assert shipped.narrative[0].startswith("ML/AI Engineers at PlanetScale build intelligent database features")
    assert shipped.narrative[0].endswith("[Source: PlanetScale ML/AI Eng Comp 2025-2026]")
    assert shipped.level_mapping == ["PlanetScale ML/AI Eng", "CockroachDB ML Eng", "MongoDB ML Eng", "Google L4 ML"]
    assert [lever.title for lever in shipped.levers] == [
        "Serverless Autoscaling ML",
        "ML + Database Intersection",
        "Self-Managing Database Vision",
        "Google/Anthropic Counter",
    ]
    assert shipped.levers[3].script == "AI companies offer $400K+ for ML engineers."
    plan = shipped.negotiate_up
    assert plan.quote.startswith("I'm targeting $350K total comp with equity at $235K over 4 years.")
    assert plan.commentary == "Counter at $200K-$225K equity is competitive."
    assert plan.target_total.amount == 350_000
    assert plan.target_equity.amount == 235_000 and plan.target_equity_years == 4
    assert plan.counter_range == usd(200_000, 225_000) and plan.counter_component == "equity"
    assert [source.text for source in shipped.sources] == [
        "PlanetScale ML/AI Eng Comp — Levels.fyi 2025-2026",
        "PlanetScale Serverless Autoscaling — ML Architecture",
        "Glassdoor PlanetScale ML Engineer Comp 2025",
    ]


def test_published_total_is_kept_even_where_parts_disagree(shipped):
    sf = shipped.regions[0]
    assert sf.computed_total() == (192_500, 296_250)
    assert sf.total == usd(230_000, 365_000)
