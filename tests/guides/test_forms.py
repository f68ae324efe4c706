"""Every cell and table form the reader accepts beyond the plain range, one test each,
figures asserted exactly. Fixtures: tests/guides/fixtures/forms/<company>/<role>.md."""

from __future__ import annotations

from pathlib import Path

from bot.guides.markdown import read_guide_file
from bot.guides.model import Guide, RegionBand
from bot.guides.money import MoneyRange

FORMS = Path(__file__).parent / "fixtures" / "forms"


def read(company: str, role: str = "software-engineer") -> Guide:
    result = read_guide_file(FORMS / company / f"{role}.md", FORMS)
    assert result.errors == []
    assert result.guide is not None
    return result.guide


def band(low: int, high: int, currency: str = "USD") -> MoneyRange:
    return MoneyRange.of(low, high, currency)


def region(guide: Guide, name: str, level: str | None = None) -> RegionBand:
    return next(r for r in guide.regions if r.name == name and r.level == level)


def test_levels_and_regions_as_the_first_two_columns_give_one_band_per_level_and_region():
    guide = read("levelco")
    assert [(r.level, r.name, r.currency) for r in guide.regions] == [
        ("L4 SDE I", "Seattle", "USD"),
        ("L5 SDE II", "Seattle", "USD"),
        ("L5 SDE II", "London", "GBP"),
    ]
    l5 = region(guide, "Seattle", "L5 SDE II")
    assert l5.base == band(140_000, 180_000)
    assert l5.stock.value == band(120_000, 240_000) and l5.stock.vesting_years == 4
    assert l5.total == band(190_000, 260_000)
    assert l5.levels == []
    assert region(guide, "London", "L5 SDE II").base == band(80_000, 100_000, "GBP")
