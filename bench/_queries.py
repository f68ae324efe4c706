"""A labelled set of natural `/comp` queries over a generated library, and how to score them.

`build(folder, seed)` writes a library: the generated corpus (`bench._corpus.generate`,
hundreds of companies) plus companies written here for what lookups get wrong in real
libraries (`bench._corpus.write_lookup_companies`): a company with Senior and Staff guides, two
folders under one name, a company called *Remote*, hyphenated slugs whose words are region
words (`sea-group`), companies known by tickers (`ea`, `gs`, `jpm`, `aws`, `facebook`,
`alphabet`), level tables (`| Level | Region | ... |`), specialised titles, regions in
other currencies. It returns the labelled queries: for each, its phrasing class and what
it must land on (guide key, level row and region; or the answer that says what is
missing). Wordings are drawn per guide from several templates per class, so the set
goes well beyond any example an issue quotes. Deterministic for a seed.

`score(answers, labelled)` resolves and renders each query and counts, per class, the
queries landing right, and the answers that show a band other than the one labelled
without their first line saying so.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench._corpus import generate, write_lookup_companies
from bench._held_out import held_out, held_out_2, held_out_3, held_out_4, held_out_5_tuning
from bot.guides.markdown.reader import slugify

NOTICE = ":information_source:"

CLASSES = ("exact", "short", "sentence", "slug", "typo", "seniority", "level", "alias", "traps")
# Written apart from the resolver (bench/_held_out.py): reported on their own, per kind of
# wording, against a floor of their own; `held-out-5-tuning` was written for tuning.
HELD_OUT = ("held-out", "held-out-2", "held-out-3", "held-out-4", "held-out-5-tuning")

ROLE_SHORT = {
    "software-engineer": ["swe", "sde", "software engineer", "software dev"],
    "ml-ai-engineer": ["ml", "mle", "ml engineer", "ai engineer", "machine learning"],
    "site-reliability-engineer": ["sre", "site reliability"],
    "devops-engineer": ["devops", "platform engineer"],
    "engineering-manager": ["em", "eng manager", "engineering manager"],
    "product-manager": ["pm", "product manager"],
    "data-scientist": ["ds", "data scientist", "data science"],
    "data-engineer": ["data engineer", "de", "data engineering"],
    "technical-program-manager": ["tpm", "program manager"],
    "solutions-architect": ["sa", "solutions architect", "sales engineer"],
    "security-engineer": ["security", "appsec", "security engineer"],
    "product-designer": ["designer", "product designer", "ux"],
    "data-analyst": ["data analyst", "analyst"],
    "research-scientist": ["research scientist", "researcher"],
    "mobile-engineer": ["mobile", "ios", "mobile engineer"],
    "staff-engineer": ["staff engineer"],
    "account-executive": ["ae", "account executive", "sales"],
    "developer-advocate": ["devrel", "developer advocate"],
    "qa-engineer": ["qa", "sdet", "test engineer"],
    "frontend-engineer": ["frontend engineer", "front end engineer"],
}
REGION_SHORT = {
    "San Francisco HQ": ["sf", "bay area", "san francisco", "SF"],
    "Remote US": ["remote", "remote us", "US remote"],
    "New York": ["nyc", "ny", "new york", "NYC"],
    "Seattle": ["seattle", "Seattle"],
    "Sunnyvale": ["sunnyvale"],
    "Austin": ["austin", "atx"],
    "London": ["london", "ldn", "uk", "London"],
    "Dublin": ["dublin", "ireland"],
    "Berlin": ["berlin", "germany"],
    "Amsterdam": ["amsterdam", "netherlands"],
    "Zurich": ["zurich", "zürich", "switzerland"],
    "Singapore": ["singapore", "sg"],
    "Toronto": ["toronto", "yyz"],
    "Sydney": ["sydney", "syd"],
    "Hong Kong": ["hong kong", "hk"],
    "Tokyo": ["tokyo", "japan"],
    "Bangalore": ["bangalore", "bengaluru", "blr"],
    "Hyderabad": ["hyderabad", "hyd"],
    "Mumbai": ["mumbai", "Mumbai", "bombay"],
    "Montevideo": ["montevideo", "uruguay"],
    "Jakarta": ["jakarta", "indonesia"],
    "Stockholm": ["stockholm", "sweden"],
    "Dubai": ["dubai", "uae"],
    "Taipei": ["taipei", "taiwan"],
    "São Paulo": ["sao paulo", "são paulo", "brazil"],
}
SENTENCES = [
    "{role} at {company} in {region}",
    "what does a {role} make at {company} in {region}?",
    "{company} {role} salary {region}",
    "comp for a {role} @ {company}, {region}",
    "how much is a {role} at {company} ({region})",
    "{role} offer from {company} - {region}",
    "pay band for {role} at {company}, {region} please",
    "{region} {role} at {company}",
    "i have an offer from {company} as {role} in {region}",
    "{role} job at {company} based in {region}",
    "{company}'s {role} band in {region}",
    "band: {company} / {role} / {region}",
    "{role}, {company}, {region}",
    "{company} - {role} - {region} tc",
]


@dataclass(frozen=True)
class Labelled:
    """A query and what it must land on. `expect` is the answer's kind: `band` (key,
    region, and level row when the guide has level rows), `regions` (key, every region
    or those of `level`), `level_unknown` / `company_unknown` (said missing), or
    `companies` (both folders, `keys` their slugs), `role_unknown` (the role said missing
    at company `key`, no band shown) or `region_unknown` (the region said missing for guide
    `key`: no band, or its regions under a first line that says so). `sub` is the kind of
    wording of a held-out query (bench/_held_out.py)."""

    query: str
    phrasing: str
    expect: str
    key: str | None = None
    region: str | None = None
    level: str | None = None
    keys: tuple[str, ...] = ()
    sub: str = ""


# --- the library --------------------------------------------------------------------------------


def build(folder: Path, seed: int = 21, guides: int = 900) -> list[Labelled]:
    """Write the library under `folder` and return the labelled queries."""
    manifest = generate(folder, guides, seed=seed, roles_per_company=3)
    special = write_lookup_companies(folder)
    rng = random.Random(seed)
    base = sorted(manifest["guides"].items())
    queries = [
        *_exact(rng, base),
        *_short(rng, base),
        *_sentences(rng, base),
        *_slugs(rng, base),
        *_typos(rng, base),
        *_base_seniority(rng, base, manifest),
        *SPECIAL,
        *held_out(base),
        *held_out_2(base),
        *held_out_3(base),
        *held_out_4(base),
        *held_out_5_tuning(base),
    ]
    known = set(special)
    for labelled in SPECIAL:
        assert labelled.key is None or labelled.key in known, labelled
    return queries


def _sample(rng: random.Random, base: list, count: int) -> list[tuple[str, dict, dict]]:
    """(key, guide, one of its regions) for `count` guides with regions as rows (one band per region)."""
    usable = [(key, guide) for key, guide in base if guide["regions"] and not _has_rows(guide)]
    picked = rng.sample(usable, count)
    return [(key, guide, rng.choice(guide["regions"])) for key, guide in picked]


def _has_rows(guide: dict) -> bool:
    """The guide's table has a row per level (one band per level and region, or level totals)."""
    return any(region.get("level") or region.get("levels") for region in guide["regions"])


def _short_company(name: str) -> str:
    words = name.replace(".io", "").split()
    if len(words) > 1 and words[-1] in ("AI", "Labs", "Systems", "Technologies", "Cloud"):
        words = words[:-1]
    return "".join(words).lower()


def _exact(rng, base) -> list[Labelled]:
    out = []
    for key, guide, region in _sample(rng, base, 60):
        order = rng.choice(["crr", "rcr", "rrc", "quoted", "currency"])
        parts = {"c": guide["company"], "r": guide["role"], "g": region["name"]}
        text = {
            "crr": f"{parts['c']} {parts['r']} {parts['g']}",
            "rcr": f"{parts['r']} {parts['c']} {parts['g']}",
            "rrc": f"{parts['g']} {parts['r']} {parts['c']}",
            "quoted": f'"{parts["c"]}" "{parts["r"]}" "{parts["g"]}"',
            "currency": f"{parts['c']} {parts['r']} {parts['g']} ({region['currency']})",
        }[order]
        out.append(Labelled(text, "exact", "band", key, region["name"]))
    return out


def _short(rng, base) -> list[Labelled]:
    out = []
    for key, guide, region in _sample(rng, base, 60):
        role = rng.choice(ROLE_SHORT[key.split("/")[1]])
        place = rng.choice(REGION_SHORT[region["name"]])
        company = rng.choice([_short_company(guide["company"]), guide["company"].lower(), guide["company"].upper()])
        out.append(Labelled(f"{company} {role} {place}", "short", "band", key, region["name"]))
    return out


def _sentences(rng, base) -> list[Labelled]:
    out = []
    for key, guide, region in _sample(rng, base, 64):
        template = rng.choice(SENTENCES)
        role = rng.choice([guide["role"].lower(), rng.choice(ROLE_SHORT[key.split("/")[1]])])
        place = rng.choice([region["name"], rng.choice(REGION_SHORT[region["name"]])])
        company = rng.choice([guide["company"], _short_company(guide["company"])])
        text = template.format(role=role, company=company, region=place)
        out.append(Labelled(text, "sentence", "band", key, region["name"]))
    return out


def _slugs(rng, base) -> list[Labelled]:
    out = []
    for key, _guide, region in _sample(rng, base, 50):
        company, role = key.split("/")
        text = rng.choice([f"{company} {role} {slugify(region['name'])}", f"{company} {role} {region['name'].lower()}"])
        out.append(Labelled(text, "slug", "band", key, region["name"]))
    return out


def typo(name: str, rng: random.Random) -> str:
    """Swap two letters inside the name, or drop one: `CloudForge` -> `ClouFdorge`."""
    letters = [i for i, ch in enumerate(name) if ch.isalpha() and 0 < i < len(name) - 2 and name[i + 1].isalpha()]
    i = rng.choice(letters[1:-1] or letters)
    if rng.random() < 0.6:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return name[:i] + name[i + 1 :]


def _typos(rng, base) -> list[Labelled]:
    out = []
    for key, guide, region in _sample(rng, base, 60):
        company, role = guide["company"], rng.choice(ROLE_SHORT[key.split("/")[1]])
        place = rng.choice(REGION_SHORT[region["name"]])
        mistyped = rng.choice(["company", "company", "role", "region"])
        if mistyped == "company":
            company = typo(company, rng)
        elif mistyped == "role" and len(guide["role"]) > 8:
            role = typo(guide["role"], rng)
        elif len(region["name"]) > 6:
            place = typo(region["name"], rng)
        out.append(Labelled(f"{company} {role} {place}", "typo", "band", key, region["name"]))
    return out


def _level_words(label: str | None) -> set[str]:
    return set(re.findall(r"[a-z]+\d*", (label or "").lower()))


def _base_seniority(rng, base, manifest) -> list[Labelled]:
    """Seniority and level words on generated guides: a guide titled with that level, a
    level row that holds it, or (none of them) the answer that says it is missing."""
    out = []
    by_company: dict[str, list[str]] = {}
    for key in manifest["guides"]:
        by_company.setdefault(key.split("/")[0], []).append(key)
    titled = [(k, g) for k, g in base if g.get("level") in ("Senior", "L5", "IC3") and not _has_rows(g)]
    for key, guide in rng.sample(titled, min(25, len(titled))):
        region = rng.choice(guide["regions"])
        word = {"Senior": rng.choice(["senior", "sr", "Senior"]), "L5": "L5", "IC3": "ic3"}[guide["level"]]
        role = rng.choice(ROLE_SHORT[key.split("/")[1]])
        phrasing = "seniority" if guide["level"] == "Senior" else "level"
        place = rng.choice(REGION_SHORT[region["name"]])
        out.append(Labelled(f"{word} {role} at {guide['company']} {place}", phrasing, "band", key, region["name"]))
    rows = [(k, g) for k, g in base if _has_rows(g)]
    for key, guide in rng.sample(rows, min(30, len(rows))):
        own = _level_words(guide.get("level"))
        bands = [
            (label, region["name"])
            for region in guide["regions"]
            for label in ([region["level"]] if region.get("level") else [row[0] for row in region.get("levels", [])])
        ]
        label, name = rng.choice(bands)
        labels = {other for other, _ in bands}
        words = sorted(_level_words(label) - own, key=lambda w: (not re.search(r"\d", w), w))
        word = next((w for w in words if sum(w in _level_words(other) for other in labels) == 1), None)
        if word is None:
            continue
        place = rng.choice(REGION_SHORT[name])
        role = rng.choice(ROLE_SHORT[key.split("/")[1]])
        phrasing = "level" if re.search(r"\d", word) else "seniority"
        out.append(Labelled(f"{guide['company']} {role} {word} {place}", phrasing, "band", key, name, label))
    plain = [(k, g) for k, g in base if not g.get("level") and not _has_rows(g)]
    for key, guide in rng.sample(plain, 20):
        others = by_company[key.split("/")[0]]
        if any(k.split("/")[1] == "staff-engineer" for k in others):
            continue
        word = rng.choice(["principal", "lead", "junior", "staff", "E6", "l7"])
        role = rng.choice(ROLE_SHORT[key.split("/")[1]])
        region = rng.choice(guide["regions"])["name"]
        phrasing = "level" if re.search(r"\d", word) else "seniority"
        out.append(Labelled(f"{word} {role} {guide['company']} {region}", phrasing, "level_unknown", key))
    return out


# --- hand-labelled queries on the companies written by bench._corpus.write_lookup_companies --------


def _b(query, phrasing, key, region, level=None) -> Labelled:
    return Labelled(query, phrasing, "band", key, region, level)


SPECIAL: list[Labelled] = [
    # Seniority: the guide of that seniority, or what is missing said.
    _b("scale ai senior swe sf", "seniority", "scale-ai/senior-software-engineer", "San Francisco HQ"),
    _b("Scale AI Senior Software Engineer New York", "seniority", "scale-ai/senior-software-engineer", "New York"),
    _b("sr software engineer at scale ai remote", "seniority", "scale-ai/senior-software-engineer", "Remote US"),
    _b("scale-ai staff swe bay area", "seniority", "scale-ai/staff-software-engineer", "San Francisco HQ"),
    _b("staff software engineer @ Scale AI, NYC", "seniority", "scale-ai/staff-software-engineer", "New York"),
    _b("scale ai swe sf", "seniority", "scale-ai/software-engineer", "San Francisco HQ"),
    _b("software engineer scale ai remote", "seniority", "scale-ai/software-engineer", "Remote US"),
    Labelled("scale ai principal swe sf", "seniority", "level_unknown", "scale-ai/software-engineer"),
    Labelled("junior swe at scale ai in nyc", "seniority", "level_unknown", "scale-ai/software-engineer"),
    Labelled("lead ml engineer scale ai sf", "seniority", "level_unknown", "scale-ai/ml-ai-engineer"),
    Labelled("senior pm scale ai", "seniority", "level_unknown", "scale-ai/product-manager"),
    _b("datadog principal engineer nyc", "seniority", "datadog/principal-engineer", "New York"),
    _b("principal engineer at datadog in new york", "seniority", "datadog/principal-engineer", "New York"),
    _b("lead designer datadog paris", "seniority", "datadog/lead-product-designer", "Paris"),
    _b("Lead Product Designer at Datadog, New York", "seniority", "datadog/lead-product-designer", "New York"),
    Labelled("senior product designer datadog nyc", "seniority", "level_unknown", "datadog/lead-product-designer"),
    _b("nubank junior swe sao paulo", "seniority", "nubank/junior-software-engineer", "São Paulo"),
    _b("jr software engineer nubank são paulo", "seniority", "nubank/junior-software-engineer", "São Paulo"),
    _b("nubank senior swe mexico city", "seniority", "nubank/senior-software-engineer", "Mexico City"),
    _b("nubank swe mexico city", "seniority", "nubank/software-engineer", "Mexico City"),
    Labelled("staff swe nubank sao paulo", "seniority", "level_unknown", "nubank/software-engineer"),
    # Level codes: the row of a level table, a titled level, or said missing.
    _b("amazon l5 seattle", "level", "amazon/software-development-engineer", "Seattle", "L5 SDE II"),
    _b("/comp amazon sde l6 new york", "level", "amazon/software-development-engineer", "New York", "L6 SDE III"),
    _b("amazon L4 sde seattle", "level", "amazon/software-development-engineer", "Seattle", "L4 SDE I"),
    _b("sde ii at amazon in london", "level", "amazon/software-development-engineer", "London", "L5 SDE II"),
    _b("aws l5 london (GBP)", "level", "amazon/software-development-engineer", "London", "L5 SDE II"),
    Labelled("amazon l5", "level", "regions", "amazon/software-development-engineer", level="L5 SDE II"),
    Labelled("amazon l8 seattle", "level", "level_unknown", "amazon/software-development-engineer"),
    _b("meta e5 menlo park", "level", "meta/software-engineer", "Menlo Park", "E5"),
    _b("meta swe e6 london", "level", "meta/software-engineer", "London", "E6"),
    _b("E4 software engineer at Meta, New York", "level", "meta/software-engineer", "New York", "E4"),
    Labelled("meta e7 london", "level", "level_unknown", "meta/software-engineer"),
    _b("google l4 zurich", "level", "google/software-engineer", "Zurich", "L4"),
    _b("google swe L6 mountain view", "level", "google/software-engineer", "Mountain View", "L6 (Staff)"),
    _b("l3 google nyc", "level", "google/software-engineer", "New York", "L3"),
    _b("Google senior swe zurich", "level", "google/software-engineer", "Zurich", "L5 (Senior)"),
    _b("staff swe google mountain view", "level", "google/software-engineer", "Mountain View", "L6 (Staff)"),
    # Aliases and tickers, as data.
    _b("ea swe la", "alias", "electronic-arts/software-engineer", "Los Angeles"),
    _b("EA product designer vancouver", "alias", "electronic-arts/product-designer", "Vancouver"),
    _b("electronic arts swe vancouver", "alias", "electronic-arts/software-engineer", "Vancouver"),
    _b("gs swe nyc", "alias", "goldman-sachs/software-engineer", "New York"),
    _b("goldman swe london", "alias", "goldman-sachs/software-engineer", "London"),
    _b("jpm swe new york", "alias", "jpmorgan-chase/software-engineer", "New York"),
    _b("software engineer at JPMorgan in London", "alias", "jpmorgan-chase/software-engineer", "London"),
    _b("jp morgan data scientist nyc", "alias", "jpmorgan-chase/data-scientist", "New York"),
    Labelled("aws sde seattle", "alias", "regions", "amazon/software-development-engineer"),
    _b("aws pm seattle", "alias", "amazon/product-manager", "Seattle"),
    _b("facebook e5 menlo park", "alias", "meta/software-engineer", "Menlo Park", "E5"),
    _b("fb data scientist menlo park", "alias", "meta/data-scientist", "Menlo Park"),
    _b("alphabet swe l4 zurich", "alias", "google/software-engineer", "Zurich", "L4"),
    _b("alphabet pm mountain view", "alias", "google/product-manager", "Mountain View"),
    _b("goog pm mtv", "alias", "google/product-manager", "Mountain View"),
    _b("what does EA pay a product designer in LA", "alias", "electronic-arts/product-designer", "Los Angeles"),
    _b("Electronic Arts software engineer Vancouver (CAD)", "alias", "electronic-arts/software-engineer", "Vancouver"),
    _b("GS software engineer London (GBP)", "alias", "goldman-sachs/software-engineer", "London"),
    _b("swe @ goldman sachs nyc", "alias", "goldman-sachs/software-engineer", "New York"),
    _b("JPM data scientist London", "alias", "jpmorgan-chase/data-scientist", "London"),
    _b("chase swe nyc", "alias", "jpmorgan-chase/software-engineer", "New York"),
    _b("jpmorgan chase software engineer new york", "alias", "jpmorgan-chase/software-engineer", "New York"),
    _b("AWS L6 SDE Seattle", "alias", "amazon/software-development-engineer", "Seattle", "L6 SDE III"),
    _b("amazon web services sde2 new york", "alias", "amazon/software-development-engineer", "New York", "L5 SDE II"),
    _b("Facebook E4 London", "alias", "meta/software-engineer", "London", "E4"),
    _b("meta platforms ds nyc", "alias", "meta/data-scientist", "New York"),
    _b("instagram data scientist menlo park", "alias", "meta/data-scientist", "Menlo Park"),
    _b("Alphabet L3 software engineer New York", "alias", "google/software-engineer", "New York", "L3"),
    _b("googl swe l4 nyc", "alias", "google/software-engineer", "New York", "L4"),
    _b("google product manager new york", "alias", "google/product-manager", "New York"),
    # Slugs typed as they are, including words that are region words.
    _b("sea-group swe singapore", "slug", "sea-group/software-engineer", "Singapore"),
    _b("sea-group software-engineer seattle", "slug", "sea-group/software-engineer", "Seattle"),
    _b("sea group data scientist sea", "slug", "sea-group/data-scientist", "Seattle"),
    _b("match-group swe nyc", "slug", "match-group/software-engineer", "New York"),
    _b("match-group product-designer los-angeles", "slug", "match-group/product-designer", "Los Angeles"),
    _b("brex-ai ml sf", "slug", "brex-ai/ml-ai-engineer", "San Francisco HQ"),
    _b("brex-ai swe nyc", "slug", "brex-ai/software-engineer", "New York"),
    _b("brex swe nyc", "slug", "brex/software-engineer", "New York"),
    _b("brex pm sf", "slug", "brex/product-manager", "San Francisco HQ"),
    # Traps: a company called Remote; a named company that is not on hand; two folders of
    # one name; everyday words as short aliases; currencies; specialised titles.
    _b("remote swe london", "traps", "remote/software-engineer", "London"),
    _b("remote pm remote", "traps", "remote/product-manager", "Remote US"),
    _b("Software Engineer at Remote in Berlin", "traps", "remote/software-engineer", "Berlin"),
    Labelled("openai senior swe bay area remote", "traps", "company_unknown"),
    Labelled("stripe swe remote", "traps", "company_unknown"),
    Labelled("anthropic ml engineer sf remote", "traps", "company_unknown"),
    Labelled("notion pm nyc remote", "traps", "company_unknown"),
    Labelled("ramp swe sf", "traps", "companies", keys=("ramp-ai", "ramp-financial")),
    Labelled("Ramp software engineer", "traps", "companies", keys=("ramp-ai", "ramp-financial")),
    _b("ramp-ai swe sf", "traps", "ramp-ai/software-engineer", "San Francisco HQ"),
    _b("ramp-financial swe nyc", "traps", "ramp-financial/software-engineer", "New York"),
    _b("ingeniero de ML en cabify madrid", "traps", "cabify/ml-ai-engineer", "Madrid"),
    _b("ingeniero de machine learning cabify barcelona", "traps", "cabify/ml-ai-engineer", "Barcelona"),
    _b("cabify de madrid", "traps", "cabify/data-engineer", "Madrid"),
    _b("cabify data engineer barcelona", "traps", "cabify/data-engineer", "Barcelona"),
    _b("nubank swe (BRL)", "traps", "nubank/software-engineer", "São Paulo"),
    _b("nubank swe MXN", "traps", "nubank/software-engineer", "Mexico City"),
    _b("goldman swe London (GBP)", "traps", "goldman-sachs/software-engineer", "London"),
    _b(
        "datadog machine learning infrastructure engineer nyc",
        "traps",
        "datadog/machine-learning-infrastructure-engineer",
        "New York",
    ),
    _b("datadog ml engineer nyc", "traps", "datadog/ml-ai-engineer", "New York"),
    _b("datadog machine learning engineer paris", "traps", "datadog/ml-ai-engineer", "Paris"),
    _b("scale ai ml sf levers", "traps", "scale-ai/ml-ai-engineer", "San Francisco HQ"),
    Labelled("openai swe remote us", "traps", "company_unknown"),
    Labelled("databricks senior swe sf remote", "traps", "company_unknown"),
    Labelled("Figma designer remote", "traps", "company_unknown"),
    _b("remote software engineer remote us", "traps", "remote/software-engineer", "Remote US"),
    _b("Remote PM London (GBP)", "traps", "remote/product-manager", "London"),
    Labelled("ramp", "traps", "companies", keys=("ramp-ai", "ramp-financial")),
    _b("brex ai ml engineer nyc", "traps", "brex-ai/ml-ai-engineer", "New York"),
    _b("ingeniera de datos en cabify barcelona", "traps", "cabify/data-engineer", "Barcelona"),
    _b("engenheiro de software nubank sao paulo", "traps", "nubank/software-engineer", "São Paulo"),
    _b("ingénieur ML datadog paris", "traps", "datadog/ml-ai-engineer", "Paris"),
    Labelled("scale ai senior swe sf & nyc", "traps", "regions", "scale-ai/senior-software-engineer"),
    Labelled("datadog product designer", "traps", "regions", "datadog/lead-product-designer"),
    Labelled("scale ai ml script", "traps", "regions", "scale-ai/ml-ai-engineer"),
]


# --- scoring ------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    labelled: Labelled
    right: bool
    silent_wrong: bool
    got: str


def shown_bands(resolution) -> list[tuple[str, str | None, str]]:
    """(guide key, level row, region) of every band an answer shows."""
    if resolution.kind == "companies":
        return [band for choice in resolution.companies for band in shown_bands(choice.resolution)]
    guide = resolution.guide
    if guide is None or resolution.kind not in ("band", "regions"):
        return []
    regions = [resolution.region] if resolution.kind == "band" else resolution.regions
    return [(guide.key, resolution.level or region.level, region.name) for region in regions]


def _fits(band: tuple[str, str | None, str], labelled: Labelled) -> bool:
    """A band shown is the one asked for: its guide, its level row when one was asked,
    its region when one was asked."""
    key, level, region = band
    return (
        key == labelled.key
        and (labelled.level is None or level == labelled.level)
        and (labelled.region is None or region == labelled.region)
    )


def lands(resolution, labelled: Labelled) -> bool:
    expect = labelled.expect
    if expect == "company_unknown":
        return resolution.kind == "company_unknown"
    if expect == "companies":
        return resolution.kind == "companies" and tuple(sorted(c.slug for c in resolution.companies)) == labelled.keys
    if expect == "level_unknown":
        return resolution.kind == "level_unknown" and any(g.key == labelled.key for g in resolution.guides)
    bands = shown_bands(resolution)
    if expect == "role_unknown":
        return resolution.kind in ("role_unknown", "roles") and not bands
    if expect == "region_unknown":
        if resolution.kind == "region_unknown":
            return resolution.guide is None or resolution.guide.key == labelled.key
        return resolution.kind == "regions" and all(band[0] == labelled.key for band in bands)
    if expect == "regions":
        return resolution.kind in ("regions", "band") and bool(bands) and all(_fits(b, labelled) for b in bands)
    return resolution.kind == "band" and len(bands) == 1 and _fits(bands[0], labelled)


def score(answers, labelled: list[Labelled]) -> list[Outcome]:
    """Each query resolved, and rendered when it shows a band other than the one labelled:
    such an answer is `silent_wrong` unless its first line is the notice that says so."""
    outcomes = []
    for item in labelled:
        text = item.query.removeprefix("/comp ").strip()
        resolution = answers.resolver.resolve(without_focus(text))
        right = lands(resolution, item)
        silent = False
        if not right and resolution.kind != "companies":
            expects_band = item.expect in ("band", "regions")
            if any(not (expects_band and _fits(band, item)) for band in shown_bands(resolution)):
                first_line = answers.comp(text)[0].text.split("\n", 1)[0]
                silent = not first_line.startswith(NOTICE)
        outcomes.append(Outcome(item, right, silent, f"{resolution.kind} {shown_bands(resolution)[:2]}"))
    return outcomes


def without_focus(text: str) -> str:
    from bot.render.replies import FOCUS_WORDS

    return " ".join(word for word in text.split() if word.lower() not in FOCUS_WORDS)


def summary(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    """Per phrasing class: (right, total)."""
    totals, right = Counter(), Counter()
    for outcome in outcomes:
        totals[outcome.labelled.phrasing] += 1
        right[outcome.labelled.phrasing] += outcome.right
    return {name: (right[name], totals[name]) for name in (*CLASSES, *HELD_OUT) if totals[name]}


def by_sub(outcomes: list[Outcome], phrasing: str) -> dict[str, tuple[int, int]]:
    """For one held-out class: (right, total) per kind of wording."""
    totals, right = Counter(), Counter()
    for outcome in outcomes:
        if outcome.labelled.phrasing == phrasing:
            totals[outcome.labelled.sub] += 1
            right[outcome.labelled.sub] += outcome.right
    return {name: (right[name], totals[name]) for name in totals}
