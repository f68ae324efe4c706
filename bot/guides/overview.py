"""The catalog in a few lines: how many guides, companies and roles, and the biggest companies.

For the App Home, which must stay small (100 blocks) whatever the library holds, so it
shows counts and a short sample, never the whole list. Read from the catalog's summaries:
no guide is built, and the result is kept per catalog (a catalog never changes once loaded).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from bot.guides.catalog import Catalog

TOP = 8
SAMPLE_ROLES = 4


@dataclass(frozen=True)
class CompanyLine:
    name: str
    slug: str
    role_count: int
    roles: tuple[str, ...]  # a sample, at most SAMPLE_ROLES titles


@dataclass(frozen=True)
class Overview:
    guides: int
    companies: int
    roles: int  # distinct role titles
    top_companies: tuple[CompanyLine, ...]
    top_roles: tuple[tuple[str, int], ...]  # (title, how many companies have a guide for it)


@lru_cache(maxsize=4)
def overview(catalog: Catalog, top: int = TOP) -> Overview:
    by_company: dict[str, list] = {}
    for summary in catalog.summaries.values():
        by_company.setdefault(summary.company_slug, []).append(summary)
    roles = Counter(summary.role_title for summary in catalog.summaries.values())
    ranked = sorted(by_company.values(), key=lambda group: (-len(group), group[0].company_name.lower()))
    lines = tuple(
        CompanyLine(
            name=group[0].company_name,
            slug=group[0].company_slug,
            role_count=len(group),
            roles=tuple(sorted(s.role_title for s in group)[:SAMPLE_ROLES]),
        )
        for group in ranked[:top]
    )
    top_roles = tuple(sorted(roles.items(), key=lambda item: (-item[1], item[0].lower()))[:top])
    return Overview(len(catalog.summaries), len(by_company), len(roles), lines, top_roles)
