"""Lookup across ~300 companies: slugs, display names, aliases and typos find the right
guide and region; nothing matching gives the closest five. (Speed lives in bench/ingest.py.)"""

from __future__ import annotations

import pytest

from bench._corpus import generate
from bot.guides.catalog import load_catalog
from bot.guides.resolve import SUGGESTIONS, Resolver

ROLE_ALIASES = {
    "software-engineer": "swe",
    "data-scientist": "ds",
    "site-reliability-engineer": "sre",
    "product-manager": "pm",
    "engineering-manager": "em",
    "ml-ai-engineer": "mle",
    "technical-program-manager": "tpm",
}
REGION_ALIASES = {"San Francisco HQ": "sf", "New York": "nyc", "London": "uk", "Remote US": "remote", "Seattle": "sea"}


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("library")
    generate(folder, 600, seed=4, roles_per_company=2)
    catalog = load_catalog([folder], state_dir=tmp_path_factory.mktemp("state"))
    # A guide with a band per level and region names a region more than once: a region
    # alone does not pick one band there (level lookups are the resolver's own tests).
    summaries = [
        s
        for key, s in catalog.summaries.items()
        if not key.startswith("planetscale/") and len({name for name, _ in s.regions}) == len(s.regions)
    ]
    return Resolver(catalog), summaries


def typo(name: str) -> str:
    """Swap two letters in the middle (or drop one): `CloudForge` -> `ClouFdorge`."""
    letters = [i for i, ch in enumerate(name) if ch.isalpha()]
    i = letters[len(letters) // 2]
    if name[i + 1].isalpha():
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return name[:i] + name[i + 1 :]


def test_the_library_spans_about_300_companies(library):
    resolver, summaries = library
    assert resolver.catalog.company_count >= 300
    assert len(summaries) >= 500  # of 600, less the level-and-region tables


@pytest.mark.parametrize("form", ["slug", "name", "typo", "unquoted"])
def test_every_guide_by_company_form_role_and_region(library, form):
    resolver, summaries = library
    wrong = []
    for summary in summaries:
        region = summary.regions[0][0]
        company = {
            "slug": summary.company_slug,
            "name": summary.company_name,
            "typo": typo(summary.company_name),
            "unquoted": summary.company_name,
        }[form]
        query = (
            f"{region} {summary.role_title} {company}"
            if form == "unquoted"
            else f'{company} "{summary.role_title}" "{region}"'
        )
        resolution = resolver.resolve(query)
        if (
            resolution.kind,
            resolution.guide and resolution.guide.key,
            resolution.region and resolution.region.name,
        ) != (
            "band",
            summary.key,
            region,
        ):
            wrong.append((query, resolution.kind))
    assert wrong == []


def test_typos_are_reported_as_corrections(library):
    resolver, summaries = library
    summary = summaries[0]
    resolution = resolver.resolve(f'{typo(summary.company_name)} "{summary.role_title}"')
    assert resolution.guide.key == summary.key
    assert resolution.corrections


def test_role_and_region_aliases(library):
    resolver, summaries = library
    checked = 0
    for summary in summaries:
        role = ROLE_ALIASES.get(summary.role_slug)
        names = [name for name, _ in summary.regions if name in REGION_ALIASES]
        if not role or not names:
            continue
        resolution = resolver.resolve(f"{summary.company_slug} {role} {REGION_ALIASES[names[0]]}")
        assert (resolution.kind, resolution.guide.key, resolution.region.name) == ("band", summary.key, names[0])
        checked += 1
    assert checked >= 20


def test_company_alone_lists_its_roles_and_company_with_role_shows_regions(library):
    resolver, summaries = library
    summary = summaries[0]
    roles = resolver.resolve(summary.company_name)
    assert roles.kind == "roles"
    assert {g.key for g in roles.guides} == {s.key for s in summaries if s.company_slug == summary.company_slug}
    regions = resolver.resolve(f'{summary.company_slug} "{summary.role_title}"')
    assert regions.kind == "regions"
    assert [r.name for r in regions.regions] == [name for name, _ in summary.regions]


def test_nothing_matching_gives_the_closest_five(library):
    resolver, summaries = library
    name = summaries[0].company_name
    mangled = name[: max(4, len(name) // 2)] + "zzqx"
    resolution = resolver.resolve(f"{mangled} ml remote")
    assert resolution.kind == "company_unknown"
    assert 1 <= len(resolution.suggestions) <= SUGGESTIONS
    assert all(s in {x.company_name for x in summaries} for s in resolution.suggestions)
    stem = name[:4].lower()
    assert any(s.lower().startswith(stem) for s in resolution.suggestions)
    assert resolver.resolve("qqqqqq wwwwww").suggestions == []
