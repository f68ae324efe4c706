"""A team's `/comp` traffic: a fixed, seeded set of distinct queries as people type them.

A team asks about a few dozen companies it is hiring against or interviewing with, and
types each question its own way: full names, short forms, slugs, upper case, word orders,
sentences, typos, a region or none, `levers` / `script` / `counter` to narrow the answer,
seniority and level codes (`senior swe`, `amazon l5`, `meta e5`), and about a fifth of the
time a company that is not on hand. So the typed texts hardly repeat while what they resolve
to (guide, region, level, filter) does: the mix `bench/http.py` replays against the server.

`team_queries(folder, seed)` writes the library (`bench._queries.build`: the generated corpus
plus the companies with level tables and seniority guides) and returns the queries, each
tagged with the kind of wording it is. Deterministic for a seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from bench._corpus import company_names
from bench._queries import REGION_SHORT, ROLE_SHORT, SENTENCES, SPECIAL, _has_rows, _short_company, build, typo
from bot.guides.markdown.reader import slugify

FILTERS = ["levers", "script", "counter", "lever", "scripts"]
UNKNOWN_SHARE = 0.2
LEVEL_SHARE = 0.1
TEAM_COMPANIES = 30
KINDS = ("band", "sentence", "no-region", "company-only", "filter", "typo", "level", "not-on-hand")


@dataclass(frozen=True)
class Query:
    text: str
    kind: str


def team_queries(folder: Path, seed: int = 13, count: int = 1200) -> list[Query]:
    """Write the library under `folder`; return `count` distinct queries in replay order."""
    build(folder, seed=21)
    from bench._corpus import load_manifest

    manifest = load_manifest(folder)
    rng = random.Random(seed)
    base = sorted(manifest["guides"].items())
    by_company: dict[str, list[tuple[str, dict]]] = {}
    for key, guide in base:
        if guide["regions"] and not _has_rows(guide):
            by_company.setdefault(key.split("/")[0], []).append((key, guide))
    team = rng.sample(sorted(by_company), TEAM_COMPANIES)
    targets = [item for company in team for item in by_company[company]]
    on_hand = {slugify(guide["company"]) for _, guide in base} | {key.split("/")[0] for key, _ in base}
    strangers = [
        name
        for name in company_names(random.Random(seed + 1000), 600)
        if slugify(name) not in on_hand and _short_company(name) not in on_hand
    ][:150]
    level_texts = [item.query.removeprefix("/comp ") for item in SPECIAL if item.phrasing in ("level", "seniority")]
    level_texts += [item.query for item in SPECIAL if item.phrasing == "alias"]

    seen: set[str] = set()
    queries: list[Query] = []
    attempts = 0
    while len(queries) < count:
        attempts += 1
        if attempts > count * 50:
            raise RuntimeError(f"only {len(queries)} distinct queries after {attempts} attempts")
        draw = rng.random()
        if draw < UNKNOWN_SHARE:
            query = _not_on_hand(rng, strangers)
        elif draw < UNKNOWN_SHARE + LEVEL_SHARE:
            query = _level(rng, level_texts)
        else:
            key, guide = rng.choice(targets)
            query = _team_question(rng, key, guide)
        if query.text not in seen:
            seen.add(query.text)
            queries.append(query)
    return queries


def _company(rng: random.Random, name: str, slug: str) -> str:
    return rng.choice([name, name.lower(), _short_company(name), slug, name.upper() if len(name) < 9 else name])


def _team_question(rng: random.Random, key: str, guide: dict) -> Query:
    company_slug, role_slug = key.split("/")
    region = rng.choice(guide["regions"][:4])
    company = _company(rng, guide["company"], company_slug)
    role = rng.choice([*ROLE_SHORT.get(role_slug, []), guide["role"].lower(), guide["role"]])
    place = rng.choice([*REGION_SHORT.get(region["name"], []), region["name"]])
    draw = rng.random()
    kind = "band"
    if draw < 0.10:
        kind = "typo"
        which = rng.choice(["company", "company", "role", "region"])
        if which == "company" and len(company) > 5:
            company = typo(guide["company"], rng)
        elif which == "role" and len(guide["role"]) > 8:
            role = typo(guide["role"], rng)
        elif len(region["name"]) > 6:
            place = typo(region["name"], rng)
        else:
            kind = "band"
    words = [company, role, place]
    draw = rng.random()
    if kind == "band" and draw < 0.25:
        kind = "sentence"
        text = rng.choice(SENTENCES).format(role=role, company=company, region=place)
    elif kind == "band" and draw < 0.33:
        kind = "no-region"
        text = " ".join(rng.sample(words[:2], 2))
    elif kind == "band" and draw < 0.36:
        kind = "company-only"
        text = company
    else:
        text = " ".join(rng.sample(words, 3) if rng.random() < 0.3 else words)
    if rng.random() < 0.15:
        kind = "filter" if kind == "band" else kind
        focus = rng.choice(FILTERS)
        text = f"{focus} {text}" if rng.random() < 0.3 else f"{text} {focus}"
    return Query(text, kind)


def _level(rng: random.Random, texts: list[str]) -> Query:
    text = rng.choice(texts)
    variant = rng.random()
    if variant < 0.3:
        text = text.lower()
    elif variant < 0.45:
        text = f"{text} {rng.choice(FILTERS)}"
    elif variant < 0.55:
        text = text.upper()
    elif variant < 0.7:
        text = " ".join(reversed(text.split()))
    return Query(text, "level")


def _not_on_hand(rng: random.Random, strangers: list[str]) -> Query:
    company = rng.choice(strangers)
    company = rng.choice([company, company.lower(), slugify(company)])
    role = rng.choice(rng.choice(list(ROLE_SHORT.values())))
    place = rng.choice(rng.choice(list(REGION_SHORT.values())))
    form = rng.random()
    if form < 0.5:
        text = f"{company} {role} {place}"
    elif form < 0.8:
        text = rng.choice(SENTENCES).format(role=role, company=company, region=place)
    else:
        text = f"{company} {role}"
    return Query(text, "not-on-hand")
