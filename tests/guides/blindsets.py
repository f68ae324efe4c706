"""What the blind guide sets' tests share: their catalog, a guide or band by name, a range as written, a reply."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.answers import Answers
from bot.guides.catalog import Catalog, load_folders
from bot.guides.checks import consistency_warnings
from bot.guides.model import Guide, RegionBand
from bot.guides.money import MoneyRange, parse_range

FIXTURES = Path(__file__).parent / "fixtures"


@cache
def guide_alone(name: str, company: str) -> Catalog:
    """One guide of a blind set, loaded on its own: a test measures its own cause, not another guide's."""
    return load_folders([FIXTURES / name / company])


def flagged(catalog: Catalog, company: str) -> list[str]:
    """What `guides check` says of a guide where its figures disagree: the reader's flags and the checks'."""
    guide = guide_of(catalog, company)
    flags = [f"{r.name}: {flag}" for r in guide.regions for flag in r.flags]
    return flags + [w.field + ": " + w.message for w in consistency_warnings(guide, company)]


def blind_catalog(name: str) -> Catalog:
    return load_folders([FIXTURES / name])


def guide_of(catalog: Catalog, company: str) -> Guide:
    return next(g for g in catalog.guides if g.company.slug == company)


def band_of(catalog: Catalog, company: str, region: str, level: str | None = None) -> RegionBand:
    return next(r for r in guide_of(catalog, company).regions if r.name == region and r.level == level)


def money(text: str) -> MoneyRange:
    """A range as written (`£95,000–£120,000`), to compare a band with."""
    return parse_range(text)


def reply(catalog: Catalog, query: str) -> str:
    return "\n".join(m.text for m in Answers(catalog).comp(query))
