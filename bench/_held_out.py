"""Held-out `/comp` queries: wordings written apart from the resolver, reported on their own.

The labelled classes in `bench._queries` were written together with the resolver
(bot/guides/resolve.py), so their figure flatters it. The batches here were phrased over
the same generated library (targets drawn from its manifest, wordings written here), each
scored once before any fix it led to:

- `held-out` (199 queries), written before reading the resolver: first score 172/199
  (86.4%): abbreviation 21/25, alias 21/23, punctuation 25/25, region 17/25, seniority
  18/22, sentence 22/30, typo 24/24, unknown 24/25. Its misses led to the general fixes
  (title words shortened, region codes, countries over several cities, a seniority beside
  a title picking a level row, more role words and tickers in data/aliases.json).
- `held-out-2` (87), written after those fixes: first score 83/87 (95.4%; 81/87 before
  two labels asking a level row that a region lacks were corrected); its misses led to
  `sde 1`, longer unknown titles (`product marketing manager`), a typo before a noise word
  that ends a region phrase (`remotee usa`) and the `nu` ticker.
- `held-out-3` (71), written after those: first score 68/71 (95.8%); its three misses
  (a currency word before the region, a typo in a two-word company, a generic `engineer`
  reaching a software-engineer guide) led to general fixes, so it is partly tuned now.
- `held-out-4` (112), written before those fixes and never tuned on: first and only score
  105/112 (93.8%): abbreviation 10/10, lookalike-company 3/6, misspelled-region 5/5,
  misspelled-role 5/5, odd-level 12/12, punctuated-name 14/14, question 20/20, region-first
  15/15, slug 5/5, two-regions 6/6, unknown-region 6/6, unknown-role 4/8. Misses: an
  unknown company holding a known one's word (`embersync capital`) answered for the known
  one (with a first line that says so), an unknown role sharing a word with a guide's role
  (`hardware engineer`, `ux researcher`) answered with that guide (said so too).
- `held-out-5-tuning` (61), written for tuning: first score, before any fix, 50/61 (82.0%):
  company-typo 5/5, currency 14/20, lookalike-company 3/6, order 10/10, sentence 10/10,
  unknown-role 8/10. Tuned on since, so its figure is a tuned one, not a held-out one.

After the fixes these led to (the region before the currency, typos against short names of
several words, a word before a generic role word naming a title not on hand, a short name
followed by another ending naming another company): held-out-3 71/71, held-out-4 111/112
(its misses were seen before those fixes, though none was written from them),
held-out-5-tuning 61/61.

Each query carries a `sub` kind (sentence, punctuation, abbreviation, region, typo,
seniority, alias, order, unknown, ...) so the figure reads per kind of wording. Their floors
(bench/queries.py `FLOORS`) fail the run and tests/guides/test_resolution.py when they drop.
"""

from __future__ import annotations

import random

# Role words as people type them, written for this set (not taken from data/aliases.json).
ROLE_WORDS = {
    "Software Engineer": ["swe", "software eng", "software engineers", "sw engineer", "software dev"],
    "ML / AI Engineer": ["ml eng", "ml engineer", "ai engineer", "mle", "machine learning engineer", "ml/ai eng"],
    "Site Reliability Engineer": ["sre", "sres", "site reliability eng", "site reliability"],
    "DevOps Engineer": ["devops", "devops eng", "dev ops engineer", "devops engineers"],
    "Engineering Manager": ["em", "eng mgr", "engineering managers", "eng manager", "engineering mgr"],
    "Product Manager": ["pm", "product mgr", "pms", "product managers"],
    "Data Scientist": ["ds", "data scientists", "data science"],
    "Data Engineer": ["de", "data eng", "data engineers"],
    "Technical Program Manager": ["tpm", "tech program manager", "technical program mgr", "tpms"],
    "Solutions Architect": ["solutions architects", "solution architect", "solutions arch"],
    "Security Engineer": ["security eng", "sec eng", "security engineers", "infosec engineer"],
    "Product Designer": ["designer", "product design", "product designers"],
    "Data Analyst": ["data analysts", "analyst", "data analytics"],
    "Research Scientist": ["research scientists", "researcher", "research sci"],
    "Mobile Engineer": ["mobile eng", "mobile dev", "mobile engineers", "mobile developer"],
    "Account Executive": ["ae", "account exec", "account execs", "sales ae"],
    "Developer Advocate": ["devrel", "dev advocate", "developer relations", "developer advocates"],
    "QA Engineer": ["qa", "qa eng", "qa engineers", "test engineer"],
    "Frontend Engineer": ["frontend", "front-end engineer", "front end dev", "fe engineer"],
}
# Region words: a city's short forms, and its country where the guide has no other region there.
REGION_WORDS = {
    "San Francisco HQ": (["sf", "san francisco", "bay area", "sf bay", "SFO"], "california"),
    "Remote US": (["remote", "us remote", "remote (us)", "remote usa"], None),
    "New York": (["nyc", "ny", "new york city", "manhattan"], None),
    "Seattle": (["seattle wa", "seattle", "SEA"], None),
    "Sunnyvale": (["sunnyvale ca", "sunnyvale"], "california"),
    "Austin": (["atx", "austin tx", "austin"], "texas"),
    "London": (["ldn", "lon", "london uk", "london gbp", "london (£)"], "uk"),
    "Dublin": (["dub", "dublin ie", "dublin eur"], "ireland"),
    "Berlin": (["ber", "berlin eur", "berlin (€)"], "germany"),
    "Amsterdam": (["ams", "amsterdam eur", "amsterdam nl"], "netherlands"),
    "Zurich": (["zrh", "zürich", "zurich chf"], "switzerland"),
    "Singapore": (["sg", "sgp", "singapore sgd"], None),
    "Toronto": (["yyz", "tor", "toronto cad"], "canada"),
    "Sydney": (["syd", "sydney aud", "sydney au"], "australia"),
    "Hong Kong": (["hk", "hkg", "hong kong hkd"], None),
    "Tokyo": (["tyo", "tokyo jpy", "tokyo jp"], "japan"),
    "Bangalore": (["bengaluru", "blr", "bangalore inr"], None),
    "Hyderabad": (["hyd", "hyderabad inr"], None),
    "Mumbai": (["bombay", "bom", "mumbai inr"], None),
}
# Companies that are not in the generated library; checked against it when the set is built.
UNKNOWN_COMPANIES = ["stripe", "netflix", "openai", "airbnb", "Databricks", "hooli", "initech", "Zillow", "figma"]
UNKNOWN_ROLES = ["chef", "lawyer", "recruiter", "nurse", "chief of staff", "barista", "paralegal"]
ENDINGS = (".io", " AI", " Labs", " Systems", " Technologies", " Cloud")


def layout(guide: dict) -> str:
    """How the guide's table is laid out: `plain` (a row per region), `level_regions` (a row
    per level and region) or `levels` (a row per level, a column per region)."""
    if any(region.get("level") for region in guide["regions"]):
        return "level_regions"
    if any(region.get("levels") for region in guide["regions"]):
        return "levels"
    return "plain"


def row_levels(guide: dict) -> list[str]:
    names: list[str] = []
    for region in guide["regions"]:
        for level in [region.get("level")] + [row[0] for row in region.get("levels") or []]:
            if level and level not in names:
                names.append(level)
    return names


def _has_row(guide: dict, region: str, level: str) -> bool:
    return any(
        r["name"] == region and (r.get("level") == level or any(row[0] == level for row in r.get("levels") or []))
        for r in guide["regions"]
    )


def region_names(guide: dict) -> list[str]:
    return list(dict.fromkeys(region["name"] for region in guide["regions"]))


def company_forms(name: str, rng: random.Random) -> str:
    """The company as someone might type it: as written, lower case, run together, without
    its ending (Labs, .io), hyphenated, or in capitals."""
    bare = name
    for ending in ENDINGS:
        if name.endswith(ending) and len(name) > len(ending) + 3:
            bare = name[: -len(ending)]
    forms = [name, name.lower(), bare.lower(), bare.lower().replace(" ", ""), name.upper()]
    if " " in bare:
        forms.append(bare.lower().replace(" ", "-"))
    return rng.choice(forms)


def region_word(name: str, guide: dict, rng: random.Random) -> str:
    words, country = REGION_WORDS.get(name, ([name.lower()], None))
    options = list(words)
    others = [REGION_WORDS.get(r, ([], None))[1] for r in region_names(guide) if r != name]
    if country and country not in others:
        options.append(country)
    return rng.choice(options)


def role_word(role: str, rng: random.Random) -> str:
    return rng.choice(ROLE_WORDS.get(role, [role.lower()]))


def typo(word: str, rng: random.Random) -> str:
    """One slip of the keyboard inside the word: a letter dropped, doubled, or two swapped."""
    letters = [i for i, ch in enumerate(word) if ch.isalpha()]
    i = rng.choice(letters[1:-1])
    kind = rng.choice(["drop", "double", "swap"])
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    if word[i + 1].isalpha() and word[i + 1] != word[i]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + word[i + 1 :]


def seniority_words(level: str) -> list[str]:
    """How a level row is asked for: its own label, or the seniority in it, in several forms."""
    lower = level.lower()
    words = {
        "junior": ["junior", "jr", "jr."],
        "mid": ["mid", "mid-level", "intermediate"],
        "senior": ["senior", "sr", "sr."],
        "staff": ["staff"],
    }
    forms = []
    for seniority, typed in words.items():
        if seniority in lower:
            forms += typed
    code = lower.split(" ")[0]
    if code[:1] in "leic" and any(ch.isdigit() for ch in code):
        forms += [code, code.upper()]
    return forms or [lower]


# --- the first batch ---------------------------------------------------------------------------------------


def target(key: str, guide: dict, region: str, level: str | None, query: str, sub: str, phrasing: str):
    """The label of a query for one region (and level row) of a guide."""
    from bench._queries import Labelled

    kind = layout(guide)
    if level is not None and not _has_row(guide, region, level):
        # That level has no figures in that region (a cell left out): the answer says so.
        return Labelled(query, phrasing, "region_unknown", key, sub=sub)
    if kind == "level_regions" and level is None:
        return Labelled(query, phrasing, "regions", key, region, sub=sub)
    return Labelled(query, phrasing, "band", key, region, level if kind != "plain" else None, sub=sub)


def held_out(base: list[tuple[str, dict]], seed: int = 9001) -> list:
    """The first held-out batch over the generated guides `base` ((key, manifest entry))."""
    rng = random.Random(seed)
    plain = [(k, g) for k, g in base if layout(g) == "plain" and g["regions"]]
    return [
        *_sentences(rng, plain),
        *_punctuation(rng, plain),
        *_abbreviations(rng, plain),
        *_regions(rng, plain),
        *_typos(rng, plain),
        *_seniority(rng, base),
        *_aliases(),
        *_unknown(rng, base),
    ]


def _pick(rng, guides, count):
    chosen = rng.sample(guides, count)
    return [(key, guide, rng.choice(region_names(guide))) for key, guide in chosen]


SENTENCES = [
    "what does {co} pay a {role} in {region}",
    "how much does {co} pay {role} in {region}?",
    "{role} salary at {co} {region}",
    "comp for {role} @ {co} ({region})",
    "{co} {role} comp in {region} please",
    "band for a {role} at {co}, {region}",
    "i got an offer from {co} as a {role} in {region}",
    "pay range {co} {role} {region}",
    "{role} at {co} in {region}",
    "{role} @ {co} {region}",
]


def _sentences(rng, plain):
    out = []
    for n, (key, guide, region) in enumerate(_pick(rng, plain, 30)):
        role = guide["role"].lower() if rng.random() < 0.5 else role_word(guide["role"], rng)
        query = SENTENCES[n % len(SENTENCES)].format(
            co=company_forms(guide["company"], rng), role=role, region=region_word(region, guide, rng)
        )
        out.append(target(key, guide, region, None, query, "sentence", "held-out"))
    return out


PUNCTUATION = [
    "{co}, {role}, {region}",
    "{co} {role} {region}!!",
    "{co} {role} {region}?",
    "{co} — {role} — {region}",
    "{co}: {role} / {region}",
    "{co} {role} {region} 🙏",
    "{co} {role} {region} :money_with_wings:",
    "{CO} {ROLE} {REGION}",
    '"{co}" {role} {region}.',
    "{co} ({role}) {region}",
    "/comp {co} {role} {region}...",
    "{co}   {role}\t{region}",
]


def _punctuation(rng, plain):
    out = []
    for n, (key, guide, region) in enumerate(_pick(rng, plain, 25)):
        co, role, where = guide["company"], guide["role"], region.replace(" HQ", "")
        query = PUNCTUATION[n % len(PUNCTUATION)].format(
            co=co, role=role, region=where, CO=co.upper(), ROLE=role.upper(), REGION=where.upper()
        )
        out.append(target(key, guide, region, None, query, "punctuation", "held-out"))
    return out


def _abbreviations(rng, plain):
    out = []
    for key, guide, region in _pick(rng, plain, 25):
        where = region.replace(" HQ", "").lower()
        query = f"{company_forms(guide['company'], rng)} {role_word(guide['role'], rng)} {where}"
        out.append(target(key, guide, region, None, query, "abbreviation", "held-out"))
    return out


def _regions(rng, plain):
    out = []
    for key, guide, region in _pick(rng, plain, 25):
        query = f"{guide['company'].lower()} {guide['role'].lower()} {region_word(region, guide, rng)}"
        out.append(target(key, guide, region, None, query, "region", "held-out"))
    return out


def _typos(rng, plain):
    out = []
    for n, (key, guide, region) in enumerate(_pick(rng, plain, 24)):
        co, role, where = guide["company"].lower(), guide["role"].lower(), region.replace(" HQ", "").lower()
        slot = n % 3
        if slot == 0 and len(co.replace(" ", "")) >= 7:
            co = typo(co, rng)
        elif slot == 1 or (slot == 0):
            words = role.split()
            longest = max(range(len(words)), key=lambda i: len(words[i]))
            if len(words[longest]) < 6:
                continue
            words[longest] = typo(words[longest], rng)
            role = " ".join(words)
        else:
            if len(where) < 6:
                continue
            where = typo(where, rng)
        out.append(target(key, guide, region, None, f"{co} {role} {where}", "typo", "held-out"))
    return out


SENIORITY = [
    "{co} {level} {role} {region}",
    "{co} {role} {level} {region}",
    "{co} {role} {region} {level}",
    "{level} {role} at {co} in {region}",
    "{co} {region} {role} {level}",
]


def _seniority(rng, base):
    tables = [(k, g) for k, g in base if layout(g) != "plain" and g["regions"]]
    out = []
    for n, (key, guide, region) in enumerate(_pick(rng, tables, 16)):
        level = rng.choice(row_levels(guide))
        query = SENIORITY[n % len(SENIORITY)].format(
            co=company_forms(guide["company"], rng),
            role=role_word(guide["role"], rng) if n % 2 else guide["role"].lower(),
            region=region_word(region, guide, rng),
            level=rng.choice(seniority_words(level)),
        )
        out.append(target(key, guide, region, level, query, "seniority", "held-out"))
    # a seniority the guide does not have: said missing, never the plain guide silently
    from bench._queries import Labelled

    untitled = [
        (k, g)
        for k, g in base
        if layout(g) == "plain" and g["regions"] and not g["level"] and g["role"] != "Staff Engineer"
    ]
    for n, (key, guide, region) in enumerate(_pick(rng, untitled, 6)):
        word = ["senior", "staff", "principal", "sr", "lead", "junior"][n]
        query = f"{guide['company'].lower()} {word} {role_word(guide['role'], rng)} {region_word(region, guide, rng)}"
        out.append(Labelled(query, "held-out", "level_unknown", key, sub="seniority"))
    return out


def _aliases():
    from bench._queries import Labelled

    def band(query, key, region, level=None):
        return Labelled(query, "held-out", "band", key, region, level, sub="alias")

    return [
        band("META swe E5 menlo park", "meta/software-engineer", "Menlo Park", "E5"),
        band("facebook data scientist nyc", "meta/data-scientist", "New York"),
        band("GOOGL swe L4 zurich", "google/software-engineer", "Zurich", "L4"),
        band("alphabet pm mountain view", "google/product-manager", "Mountain View"),
        band("AMZN sde L5 seattle", "amazon/software-development-engineer", "Seattle", "L5 SDE II"),
        band("amazon sde ii london", "amazon/software-development-engineer", "London", "L5 SDE II"),
        band("jp morgan data scientist london", "jpmorgan-chase/data-scientist", "London"),
        band("JPMorgan swe NYC", "jpmorgan-chase/software-engineer", "New York"),
        band("goldman swe london", "goldman-sachs/software-engineer", "London"),
        band("EA product designer vancouver", "electronic-arts/product-designer", "Vancouver"),
        band("electronic arts swe LA", "electronic-arts/software-engineer", "Los Angeles"),
        band("DDOG principal engineer paris", "datadog/principal-engineer", "Paris"),
        band("datadog ml infra engineer nyc", "datadog/machine-learning-infrastructure-engineer", "New York"),
        band("match group designer LA", "match-group/product-designer", "Los Angeles"),
        band("scale swe sf", "scale-ai/software-engineer", "San Francisco HQ"),
        band("scale.ai senior software engineer nyc", "scale-ai/senior-software-engineer", "New York"),
        band("Scale AI staff eng remote", "scale-ai/staff-software-engineer", "Remote US"),
        band("brex-ai ml eng sf", "brex-ai/ml-ai-engineer", "San Francisco HQ"),
        band("Remote, PM, London", "remote/product-manager", "London"),
        band("cabify de madrid", "cabify/data-engineer", "Madrid"),
        band("nubank junior swe cdmx", "nubank/junior-software-engineer", "Mexico City"),
        band("nubank sr. software engineer sao paulo", "nubank/senior-software-engineer", "São Paulo"),
        Labelled("ramp swe nyc", "held-out", "companies", keys=("ramp-ai", "ramp-financial"), sub="alias"),
    ]


def _unknown(rng, base):
    from bench._corpus import ROLES
    from bench._queries import Labelled

    names = {g["company"].lower().replace(" ", "") for _, g in base}
    out = []
    wordings = [
        "{co} swe sf",
        "what does {co} pay a senior swe",
        "{co} ml eng remote",
        "{co} pm nyc",
        "comp for data scientist @ {co} london",
        "{co} product designer berlin",
    ]
    for n, company in enumerate(UNKNOWN_COMPANIES):
        assert not any(company.lower() in name for name in names), company
        out.append(
            Labelled(wordings[n % len(wordings)].format(co=company), "held-out", "company_unknown", sub="unknown")
        )
    picks = _pick(rng, [(k, g) for k, g in base if g["regions"]], 12)
    for n, (key, guide, region) in enumerate(picks):
        company = key.split("/")[0]
        if n < 6:
            role = UNKNOWN_ROLES[n]
        else:
            held = {g["role"] for k, g in base if k.startswith(company + "/")}
            role = rng.choice([r for r, _ in ROLES if r not in held]).lower()
        query = f"{company_forms(guide['company'], rng)} {role} {region_word(region, guide, rng)}"
        out.append(Labelled(query, "held-out", "role_unknown", company, sub="unknown"))
    far = [(k, g) for k, g in base if layout(g) == "plain" and g["regions"]]
    for key, guide, _ in _pick(rng, far, 4):
        missing = rng.choice([r for r in REGION_WORDS if r not in region_names(guide)])
        query = f"{guide['company'].lower()} {guide['role'].lower()} {missing.replace(' HQ', '').lower()}"
        out.append(Labelled(query, "held-out", "region_unknown", key, sub="unknown"))
    return out


# --- the second batch: written after the fixes the first led to, scored once ------------------------------

SECOND = [  # (sub kind, wording); {co} company, {role} a role word, {region} a region word, {level} a level row
    ("punctuation", "{co}, {Role}, {Region}"),
    ("punctuation", "*{co}* {role} {region}"),
    ("punctuation", "`{co}` {role} {region} thanks!"),
    ("punctuation", "{co} 💰 {role} {region}"),
    ("punctuation", "{CO} / {ROLE} / {REGION}"),
    ("sentence", "hi! can you check {co} for a {role} role in {region}?"),
    ("sentence", "what would {co} offer a {role} based in {region}"),
    ("sentence", "{role} comp at {co} ({region})"),
    ("sentence", "is this a good offer: {co} {role} {region}"),
    ("order", "{region} {role} {co}"),
    ("order", "{role} {region} {co}"),
    ("abbreviation", "{co} {role} {region}"),
    ("typo", "{co} {role} {region}"),
]
REGION_CODES = {"New York": "NYC", "San Francisco HQ": "SF", "London": "LDN", "Seattle": "SEA", "Austin": "ATX"}


def held_out_2(base: list[tuple[str, dict]], seed: int = 4242) -> list:
    """The second held-out batch (`held-out-2`)."""
    from bench._queries import Labelled

    rng = random.Random(seed)
    plain = [(k, g) for k, g in base if layout(g) == "plain" and g["regions"]]
    out = []
    for n, (key, guide, region) in enumerate(_pick(rng, plain, 52)):
        sub, wording = SECOND[n % len(SECOND)]
        co, role = guide["company"], guide["role"]
        where = REGION_CODES.get(region) if rng.random() < 0.3 else None
        where = where or region_word(region, guide, rng)
        typed_role = role_word(role, rng) if sub in ("abbreviation", "order") or rng.random() < 0.4 else role.lower()
        typed_co = company_forms(co, rng) if rng.random() < 0.6 else co
        if sub == "typo":
            slot = rng.randrange(3)
            if slot == 0 and len(typed_co) >= 7:
                typed_co = typo(typed_co, rng)
            elif slot == 1 and len(typed_role) >= 6 and " " not in typed_role:
                typed_role = typo(typed_role, rng)
            elif len(where) >= 6:
                where = typo(where, rng)
        query = wording.format(
            co=typed_co,
            role=typed_role,
            region=where,
            Role=role,
            Region=region.replace(" HQ", ""),
            CO=co.upper(),
            ROLE=typed_role.upper(),
            REGION=where.upper(),
        )
        out.append(target(key, guide, region, None, query, sub, "held-out-2"))
    tables = [(k, g) for k, g in base if layout(g) != "plain" and g["regions"]]
    wordings = ["{co}, {level} {role}, {region}", "{level} {role} @ {co} {region}", "{co} {role} ({level}) {region}"]
    for n, (key, guide, region) in enumerate(_pick(rng, tables, 9)):
        level = rng.choice(row_levels(guide))
        query = wordings[n % 3].format(
            co=company_forms(guide["company"], rng),
            role=role_word(guide["role"], rng),
            region=region_word(region, guide, rng),
            level=rng.choice(seniority_words(level)).rstrip("."),
        )
        out.append(target(key, guide, region, level, query, "seniority", "held-out-2"))

    def band(query, key, region, level=None, sub="alias"):
        return Labelled(query, "held-out-2", "band", key, region, level, sub=sub)

    out += [
        band("GOOG pm new york", "google/product-manager", "New York"),
        band("AMZN pm seattle", "amazon/product-manager", "Seattle"),
        band("JPM data scientist ldn", "jpmorgan-chase/data-scientist", "London"),
        band("NU swe mexico city", "nubank/software-engineer", "Mexico City"),
        band("facebook E4 swe london", "meta/software-engineer", "London", "E4"),
        band("google swe L6 mountain view", "google/software-engineer", "Mountain View", "L6 (Staff)"),
        band("datadog lead product designer paris", "datadog/lead-product-designer", "Paris"),
        band("sea group ds singapore", "sea-group/data-scientist", "Singapore"),
        band("match-group swe nyc", "match-group/software-engineer", "New York"),
        band("Nubank, Senior SWE, São Paulo", "nubank/senior-software-engineer", "São Paulo", sub="seniority"),
        band("scale ai, sr swe, nyc", "scale-ai/senior-software-engineer", "New York", sub="seniority"),
        band("amazon sde 1 london", "amazon/software-development-engineer", "London", "L4 SDE I", sub="seniority"),
    ]
    names = {g["company"].lower().replace(" ", "") for _, g in base}
    for company in ["canva", "atlassian", "spotify", "pinterest", "palantir"]:
        assert not any(company in name for name in names), company
        out.append(Labelled(f"{company} senior swe nyc", "held-out-2", "company_unknown", sub="unknown"))
    picks = _pick(rng, [(k, g) for k, g in base if g["regions"]], 5)
    for role, (key, guide, region) in zip(
        ["ceo", "janitor", "product marketing manager", "accountant", "pilot"], picks, strict=True
    ):
        query = f"{company_forms(guide['company'], rng)} {role} {region_word(region, guide, rng)}"
        out.append(Labelled(query, "held-out-2", "role_unknown", key.split("/")[0], sub="unknown"))
    untitled = [
        (k, g)
        for k, g in base
        if layout(g) == "plain" and g["regions"] and not g["level"] and g["role"] != "Staff Engineer"
    ]
    for word, (key, guide, region) in zip(["principal", "staff", "senior", "jr"], _pick(rng, untitled, 4), strict=True):
        query = f"{guide['company']} {role_word(guide['role'], rng)} {word} {region_word(region, guide, rng)}"
        out.append(Labelled(query, "held-out-2", "level_unknown", key, sub="seniority"))
    return out


# --- the third batch: written after the fixes the second led to, scored once -------------------------------

THIRD = [  # (sub kind, wording)
    ("punctuation", "{co} {role} - {region}"),
    ("punctuation", "{role} | {co} | {region}"),
    ("punctuation", "{co}'s {role} band in {region}"),
    ("punctuation", "{co} {role} {region} (usd)"),
    ("sentence", "how about {co} {role} in {region}"),
    ("sentence", "what's the range for {role} at {co} {region}"),
    ("sentence", "{co} {role} {region} tc"),
    ("sentence", "thinking of joining {co} as {role}, {region}"),
    ("region", "{co} {role} {city}, {country}"),
    ("abbreviation", "{co} {squashed} {region}"),
    ("typo", "{co} {role} {region}"),
]
COUNTRIES = {
    "London": "uk",
    "Berlin": "germany",
    "Toronto": "canada",
    "Sydney": "australia",
    "Tokyo": "japan",
    "Zurich": "switzerland",
    "Dublin": "ireland",
    "Amsterdam": "netherlands",
    "Austin": "texas",
    "Bangalore": "india",
    "Mumbai": "india",
    "Hyderabad": "india",
}


def held_out_3(base: list[tuple[str, dict]], seed: int = 777) -> list:
    """The third held-out batch (`held-out-3`)."""
    from bench._queries import Labelled

    rng = random.Random(seed)
    plain = [(k, g) for k, g in base if layout(g) == "plain" and g["regions"]]
    out = []
    with_country = [(k, g) for k, g in plain if any(r in COUNTRIES for r in region_names(g))]
    picks = _pick(rng, plain, 48)
    for n, (key, guide, region) in enumerate(picks):
        sub, wording = THIRD[n % len(THIRD)]
        if sub == "region":
            key, guide = rng.choice(with_country)
            region = rng.choice([r for r in region_names(guide) if r in COUNTRIES])
        co, role = company_forms(guide["company"], rng), guide["role"].lower()
        if rng.random() < 0.4 and sub != "abbreviation":
            role = role_word(guide["role"], rng)
        where = region_word(region, guide, rng)
        if sub == "typo":
            slot = rng.randrange(3)
            if slot == 0 and len(co) >= 7:
                co = typo(co, rng)
            elif slot == 1 and len(role) >= 6:
                words = role.split()
                longest = max(range(len(words)), key=lambda i: len(words[i]))
                words[longest] = typo(words[longest], rng) if len(words[longest]) >= 5 else words[longest]
                role = " ".join(words)
            elif len(where) >= 6:
                where = typo(where, rng)
        query = wording.format(
            co=co,
            role=role,
            region=where,
            city=region.replace(" HQ", "").lower(),
            country=COUNTRIES.get(region, ""),
            squashed=guide["role"].lower().replace(" ", "").replace("/", ""),
        )
        if sub == "region" and sum(COUNTRIES.get(r) == COUNTRIES[region] for r in region_names(guide)) > 1:
            # `mumbai, india` where the guide has Bangalore too: the city asked, not the country's others
            pass
        out.append(target(key, guide, region, None, query, sub, "held-out-3"))
    tables = [(k, g) for k, g in base if layout(g) != "plain" and g["regions"]]
    wordings = [
        "{co} {role} level {level} {region}",
        "{co} {role} {region} @ {level}",
        "{level} | {co} | {role} | {region}",
    ]
    for n, (key, guide, region) in enumerate(_pick(rng, tables, 9)):
        level = rng.choice(row_levels(guide))
        query = wordings[n % 3].format(
            co=company_forms(guide["company"], rng),
            role=role_word(guide["role"], rng),
            region=region_word(region, guide, rng),
            level=rng.choice(seniority_words(level)),
        )
        out.append(target(key, guide, region, level, query, "seniority", "held-out-3"))
    untitled = [(k, g) for k, g in plain if not g["level"] and g["role"] != "Staff Engineer"]
    for word, (key, guide, region) in zip(["sr.", "principal", "senior", "lead"], _pick(rng, untitled, 4), strict=True):
        query = f"{guide['company']} — {word} {guide['role'].lower()}? {region_word(region, guide, rng)}"
        out.append(Labelled(query, "held-out-3", "level_unknown", key, sub="seniority"))
    for company in ["stripe inc", "Netflix.com", "doordash", "reddit", "coinbase"]:
        out.append(Labelled(f"{company} swe sf", "held-out-3", "company_unknown", sub="unknown"))
    roles = ["hr business partner", "copywriter", "firmware engineer", "legal counsel", "office manager"]
    for role, (key, guide, region) in zip(roles, _pick(rng, [(k, g) for k, g in base if g["regions"]], 5), strict=True):
        query = f"{company_forms(guide['company'], rng)} {role} {region_word(region, guide, rng)}"
        out.append(Labelled(query, "held-out-3", "role_unknown", key.split("/")[0], sub="unknown"))
    return out


# --- the fourth batch: written before the fixes of held-out-3's misses, scored once, never tuned on ---------

FOURTH = [  # (sub kind, wording)
    ("question", "how much does {co} pay {role} in {region}"),
    ("question", "{co} {role} salary {region}?"),
    ("question", "what's {co} paying {role}s in {region}?"),
    ("question", "does {co} pay well for {role} ({region})?"),
    ("region-first", "{region} {co} {role}"),
    ("region-first", "{region}: {role} at {co}"),
    ("region-first", "in {region}, what's a {role} at {co} make"),
    ("slug", "{slug} {role} {region}"),
    ("abbreviation", "{co} {abbr} {region}"),
    ("abbreviation", "{abbr} {co} {region} band"),
    ("misspelled-role", "{co} {role} {region}"),
    ("misspelled-region", "{co} {role} {region}"),
]
ODD_LEVELS = [
    "{co} {region} {role}, {level}",
    "{level}? {co} {role} {region}",
    "{co} {level} {region} {role}",
    "{role} {co} {region} level: {level}",
]


def held_out_4(base: list[tuple[str, dict]], seed: int = 31337) -> list:
    """The fourth held-out batch (`held-out-4`): never tuned on."""
    from bench._queries import Labelled

    rng = random.Random(seed)
    plain = [(k, g) for k, g in base if layout(g) == "plain" and g["regions"]]
    out = []
    for n, (key, guide, region) in enumerate(_pick(rng, plain, 60)):
        sub, wording = FOURTH[n % len(FOURTH)]
        co, role = company_forms(guide["company"], rng), guide["role"].lower()
        where = region_word(region, guide, rng)
        if sub == "misspelled-role":
            words = role.split()
            longest = max(range(len(words)), key=lambda i: len(words[i]))
            if len(words[longest]) >= 5:
                words[longest] = typo(words[longest], rng)
            role = " ".join(words)
        if sub == "misspelled-region":
            where = region.replace(" HQ", "").lower()
            where = typo(where, rng) if len(where) >= 6 else where
        query = wording.format(
            co=co,
            role=role,
            region=where,
            slug=key.split("/")[0].replace("-", ""),
            abbr=role_word(guide["role"], rng),
        )
        out.append(target(key, guide, region, None, query, sub, "held-out-4"))
    tables = [(k, g) for k, g in base if layout(g) != "plain" and g["regions"]]
    for n, (key, guide, region) in enumerate(_pick(rng, tables, 12)):
        level = rng.choice(row_levels(guide))
        query = ODD_LEVELS[n % len(ODD_LEVELS)].format(
            co=company_forms(guide["company"], rng),
            role=role_word(guide["role"], rng),
            region=region_word(region, guide, rng),
            level=rng.choice(seniority_words(level)),
        )
        out.append(target(key, guide, region, level, query, "odd-level", "held-out-4"))
    dotted = [(k, g) for k, g in plain if "." in g["company"]]
    for key, guide, region in _pick(rng, dotted, 6):
        query = f"{guide['company']} {role_word(guide['role'], rng)} {region_word(region, guide, rng)}"
        out.append(target(key, guide, region, None, query, "punctuated-name", "held-out-4"))
    two = [(k, g) for k, g in plain if len(region_names(g)) >= 2]
    for n, (key, guide) in enumerate(rng.sample(two, 6)):
        first, second = rng.sample(region_names(guide), 2)
        joiner = [" & ", " and ", " / ", " or ", ", ", " vs "][n]
        query = f"{company_forms(guide['company'], rng)} {guide['role'].lower()} {region_word(first, guide, rng)}"
        query += joiner + region_word(second, guide, rng)
        out.append(Labelled(query, "held-out-4", "regions", key, sub="two-regions"))
    names = {g["company"].lower().replace(" ", "") for _, g in base}
    for company in ["at&t", "h&m", "ben & jerry's", "23andme", "3m", "booking.com", "monday.com", "7-eleven"]:
        assert not any(company.replace(" ", "") in name for name in names), company
        query = f"{company} {rng.choice(['swe', 'pm', 'data scientist', 'sre'])} {rng.choice(['nyc', 'london', 'sf'])}"
        out.append(Labelled(query, "held-out-4", "company_unknown", sub="punctuated-name"))
    roles = [
        "chief financial officer",
        "hardware engineer",
        "technical writer",
        "sales manager",
        "ux researcher",
        "embedded engineer",
        "network engineer",
        "support engineer",
    ]
    for role, (key, guide, region) in zip(roles, _pick(rng, [(k, g) for k, g in base if g["regions"]], 8), strict=True):
        held = {g["role"].lower() for k, g in base if k.startswith(key.split("/")[0] + "/")}
        assert role not in held, role
        query = f"{company_forms(guide['company'], rng)} {role} {region_word(region, guide, rng)}"
        out.append(Labelled(query, "held-out-4", "role_unknown", key.split("/")[0], sub="unknown-role"))
    places = ["lagos", "reykjavik", "nairobi", "lima", "kyiv", "manila"]
    for place, (key, guide, _) in zip(places, _pick(rng, plain, 6), strict=True):
        assert place not in {r.lower() for r in region_names(guide)}
        query = f"{company_forms(guide['company'], rng)} {guide['role'].lower()} {place}"
        out.append(Labelled(query, "held-out-4", "region_unknown", key, sub="unknown-region"))
    spaced = [(k, g) for k, g in plain if " " in g["company"]]
    for n, (_key, guide, region) in enumerate(_pick(rng, spaced, 6)):
        word = guide["company"].split()[0]
        fake = f"{word} {['Capital', 'Foods', 'Pharma', 'Insurance', 'Motors', 'Hotels'][n]}"
        assert fake.lower().replace(" ", "") not in names, fake
        query = f"{fake.lower()} {role_word(guide['role'], rng)} {region_word(region, guide, rng)}"
        out.append(Labelled(query, "held-out-4", "company_unknown", sub="lookalike-company"))
    return out


# --- the fifth batch, for tuning: scored once before the fixes it led to, tuned on since ---------------------

FIFTH = [  # (sub kind, wording)
    ("currency", "{co} {role} {region} (usd)"),
    ("currency", "{co} {role} {region} in usd"),
    ("currency", "{co} {role} {region} eur"),
    ("currency", "{co} {role} {region} $"),
    ("company-typo", "{co} {role} {region}"),
    ("sentence", "can u pull {co} {role} {region} numbers"),
    ("sentence", "need the {role} band @ {co} for {region} asap"),
    ("order", "{role} {co} {region}"),
    ("order", "{region} / {co} / {role}"),
]
SPECIALISED = [
    "firmware engineer",
    "hardware engineer",
    "embedded software engineer",
    "network engineer",
    "support engineer",
    "sales engineer manager",
    "research engineer",
    "data center technician",
    "ux researcher",
    "security analyst",
]


def held_out_5_tuning(base: list[tuple[str, dict]], seed: int = 5150) -> list:
    """The fifth batch (`held-out-5-tuning`): written for tuning, so not a held-out figure."""
    from bench._queries import Labelled

    rng = random.Random(seed)
    plain = [(k, g) for k, g in base if layout(g) == "plain" and g["regions"]]
    spaced = [(k, g) for k, g in plain if " " in g["company"] and len(g["company"].split()[0]) >= 5]
    out = []
    for n, (key, guide, region) in enumerate(_pick(rng, plain, 45)):
        sub, wording = FIFTH[n % len(FIFTH)]
        if sub == "company-typo":
            key, guide = rng.choice(spaced)
            region = rng.choice(region_names(guide))
            words = guide["company"].lower().split()
            words[0] = typo(words[0], rng)
            co = " ".join(words)
        else:
            co = company_forms(guide["company"], rng)
        role = role_word(guide["role"], rng) if rng.random() < 0.5 else guide["role"].lower()
        query = wording.format(co=co, role=role, region=region_word(region, guide, rng))
        out.append(target(key, guide, region, None, query, sub, "held-out-5-tuning"))
    picks = _pick(rng, [(k, g) for k, g in base if g["regions"]], len(SPECIALISED))
    for role, (key, guide, region) in zip(SPECIALISED, picks, strict=True):
        company = key.split("/")[0]
        held = {g["role"].lower() for k, g in base if k.startswith(company + "/")}
        assert role not in held, role
        query = f"{company_forms(guide['company'], rng)} {role} {region_word(region, guide, rng)}"
        out.append(Labelled(query, "held-out-5-tuning", "role_unknown", company, sub="unknown-role"))
    names = {g["company"].lower().replace(" ", "") for _, g in base}
    for n, (_key, guide, region) in enumerate(_pick(rng, spaced, 6)):
        fake = f"{guide['company'].split()[0]} {['Bank', 'Media', 'Health', 'Logistics', 'Games', 'Energy'][n]}"
        assert fake.lower().replace(" ", "") not in names, fake
        query = f"{fake} {role_word(guide['role'], rng)} {region_word(region, guide, rng)}"
        out.append(Labelled(query, "held-out-5-tuning", "company_unknown", sub="lookalike-company"))
    return out
