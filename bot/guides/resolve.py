"""Query resolution: `/comp` text -> a guide, a region, or the closest choices.

Words may come in any order; quoted phrases stay together. Phrases are matched exactly
first (company names, slugs and aliases; role and region words from `data/aliases.json`),
longest first, so a specialised role title wins over the generic words inside it; then
what is left is matched with rapidfuzz to forgive typos. Whatever is missing narrows the
answer instead of failing: company and role without a region shows every region; a
company alone lists its roles.

Rules that keep an answer from showing another band than the one asked for:
- seniority and level words (`senior`, `staff`, `L5`, `E6`) pick that guide or that level
  row, or the answer says it is missing (`level_unknown`); never another seniority;
- a company name that is also a role or region word (a company called *Remote*) is the
  company only when nothing else in the query can be one: a company the query names but
  that is not on hand is reported as unknown, not swapped for one matched elsewhere;
- short aliases that are everyday words (`de`, `la`) fill a part of the query only when
  nothing else does (`ingeniero de ML` is ML, not Data Engineer);
- two company folders under one name: the one whose slug was typed, else both (`companies`).
Anything shown that differs from what was typed (a typo fixed, a word ignored, a role
shown in place of the one asked) is recorded on the `Resolution` for the reply to say first.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bot.guides.catalog import DATA_DIR, Catalog
from bot.guides.model import Guide, RegionBand
from bot.guides.money import CURRENCIES, is_known_currency


def fuzz():
    """rapidfuzz's scorers, imported on the first typo: exact queries never need them,
    and the import is a visible share of a one-shot `ask`."""
    from rapidfuzz import fuzz as scorers

    return scorers


def osa_similarity():
    from rapidfuzz.distance import OSA

    return OSA.normalized_similarity


def process():
    from rapidfuzz import process as matcher

    return matcher


ALIASES_FILE = DATA_DIR / "aliases.json"
MAX_QUERY_CHARS = 300
MAX_SPAN = 6  # words in the longest phrase tried: `machine learning infrastructure engineer` fits
SUGGESTIONS = 5
# Below these scores a fuzzy match is a guess, not a typo.
COMPANY_CUTOFF = 80
ROLE_CUTOFF = 82
REGION_CUTOFF = 82
TITLE_CUTOFF = 85  # a generic role word with an unknown word beside it, read as one mistyped title
SUGGEST_CUTOFF = 45

_INVISIBLE = {"Cc", "Cf", "Co", "Cs", "Cn"}
_TOKEN_RE = re.compile(r"\"([^\"]+)\"|“([^”]+)”|'([^']+)'|(\S+)")
# Level codes as companies write them: L5, E6, IC3, M1, P4, T3; roman grades after a title (SDE II).
_LEVEL_CODE_RE = re.compile(r"^(?:l|e|ic|m|p|t)\d{1,2}$|^(?:ii|iii|iv)$")
CURRENCY_CODES = frozenset(code.lower() for code in CURRENCIES)
# A grade written as a digit after a title word (`SDE 2`) is the roman one (`SDE II`).
_GRADES = {"2": "ii", "3": "iii", "4": "iv"}
_WORD_GRADE_RE = re.compile(r"^([a-z]{2,})([234])$")  # `sde2`, `swe3`


def grade(word: str, after_title: bool) -> str | None:
    """The level code a word is: `l5` -> l5, `ii` -> ii, and `2` -> ii after a title word (`sde 2`)."""
    if _LEVEL_CODE_RE.match(word):
        return word
    return _GRADES.get(word) if after_title else None


def normalize(text: str) -> str:
    """Lower-case words only: `ML / AI` -> `ml ai`; control, bidi and emoji go away."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE)
    text = text.casefold()
    text = re.sub(r"[^\w&+#]+", " ", text)
    return re.sub(r"\s+", " ", text.replace("_", " ")).strip()


@dataclass(frozen=True)
class Aliases:
    roles: dict[str, list[str]]
    regions: dict[str, list[str]]
    companies: dict[str, list[str]]
    noise: frozenset[str]
    seniority: dict[str, str] = field(default_factory=dict)  # typed word or phrase -> seniority word
    common: frozenset[str] = frozenset()
    company_suffixes: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path = ALIASES_FILE) -> Aliases:
        data = json.loads(path.read_text(encoding="utf-8"))
        seniority = {}
        for word, typed in data.get("seniority", {}).items():
            for phrase in [word, *typed]:
                seniority[normalize(phrase)] = normalize(word)
        return cls(
            roles=data.get("roles", {}),
            regions=data.get("regions", {}),
            companies=data.get("companies", {}),
            noise=frozenset(normalize(word) for word in data.get("noise", [])),
            seniority=seniority,
            common=frozenset(normalize(word) for word in data.get("common_words", [])),
            company_suffixes=frozenset(normalize(word) for word in data.get("company_suffixes", [])),
        )

    def level_tokens(self, text: str | None) -> frozenset[str]:
        """The seniority words and level codes in a title or level label:
        `Senior Software Engineer` -> {senior}; `L5 SDE II` -> {l5, ii}; `E5 (Senior)` -> {e5, senior}."""
        if not text:
            return frozenset()
        words = normalize(text).split()
        found = set()
        skip = False
        for index, word in enumerate(words):
            if skip:
                skip = False
                continue
            pair = " ".join(words[index : index + 2])
            if index + 1 < len(words) and pair in self.seniority:
                found.add(self.seniority[pair])
                skip = True
            elif word in self.seniority:
                found.add(self.seniority[word])
            elif grade(word, index > 0 and words[index - 1].isalpha()):
                found.add(grade(word, True))
        return frozenset(found)


def level_labels(guide: Guide) -> list[str]:
    """The level rows a guide's band table has (`L4 SDE I`, `L5 SDE II`), in order."""
    labels: list[str] = []
    for region in guide.regions:
        for label in [region.level, *(row.level for row in region.levels)]:
            if label and label not in labels:
                labels.append(label)
    return labels


# --- results -------------------------------------------------------------------------------


@dataclass
class CompanyChoice:
    """One of several company folders a query could mean, with what tells it apart."""

    slug: str
    name: str
    tells_apart: str
    resolution: Resolution


@dataclass
class Resolution:
    """What a `/comp` query resolved to. `kind` is one of: help | band | regions | roles |
    company_unknown | role_unknown | region_unknown | level_unknown | companies.

    What the reply must say before anything else, because the answer is not exactly
    what was typed: `corrections` (typos understood as), `unknown` (words not understood,
    for a band or regions answer: ignored), `instead_of` (the role asked, when the one
    shown carries a seniority the query did not name), `currency_missing` (a currency
    asked that the shown regions are not in)."""

    kind: str
    query: str
    guide: Guide | None = None
    region: RegionBand | None = None
    regions: list[RegionBand] = field(default_factory=list)
    guides: list[Guide] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    unknown: str = ""
    corrections: list[tuple[str, str]] = field(default_factory=list)  # (typed, understood)
    level: str | None = None  # the level row shown (a level table), when the query named one
    asked_level: str = ""  # the seniority or level words as typed
    asked_role: str = ""  # the role words as typed (a `level_unknown` answer names them)
    instead_of: str = ""
    currency_missing: str = ""
    companies: list[CompanyChoice] = field(default_factory=list)
    left_out: str = ""  # a company folder whose guides are all unreadable (`company_unknown`)
    elsewhere: list[CompanyChoice] = field(default_factory=list)  # sibling folders that have what was asked

    @property
    def differs(self) -> bool:
        """The answer is not exactly what was typed, and its first line must say so."""
        return bool(self.corrections or self.instead_of or self.currency_missing or (self.unknown and self.guide))


@dataclass
class _Match:
    companies: set[str] | None = None
    roles: set[str] | None = None
    regions: set[str] | None = None
    corrections: list[tuple[str, str]] = field(default_factory=list)
    leftover: list[str] = field(default_factory=list)
    typed: dict[str, str] = field(default_factory=dict)  # category -> the words that matched
    seniority: frozenset[str] = frozenset()
    seniority_typed: str = ""
    currencies: set[str] = field(default_factory=set)
    weak: list[tuple[int, int, set[str]]] = field(default_factory=list)  # company phrases also role/region words
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # category -> the units it took
    alt_roles: set[str] | None = None  # the role read with the company name's last word (`ai` + `engineer`)


# --- the index ----------------------------------------------------------------------------------


class Resolver:
    """Phrase tables built once per catalog from its summaries (no guide is built for
    them); `resolve` is then a few dict look-ups, a fuzzy match over pre-normalized
    choices when a word is not known, and builds only the guides its answer shows."""

    def __init__(self, catalog: Catalog, aliases: Aliases | None = None) -> None:
        self.catalog = catalog
        self.aliases = aliases or Aliases.load()
        self.company_phrases: dict[str, set[str]] = {}
        self.company_names: dict[str, str] = {}
        self.role_phrases: dict[str, set[str]] = {}
        self.region_phrases: dict[str, set[str]] = {}
        self.role_keys: dict[str, set[str]] = {}  # guide key -> role keys it answers to
        self.title_levels: dict[str, frozenset[str]] = {}  # guide key -> seniority words in its role title
        self.role_levels: dict[str, frozenset[str]] = {}  # guide key -> its role level's words and codes
        self.region_names: dict[str, list[set[str]]] = {}  # guide key -> each region's normalized names
        self.region_groups: dict[str, list[str | None]] = {}  # guide key -> each region's alias group
        self.companies_with_role: dict[str, set[str]] = {}  # role key -> company names
        self._group_of_name: dict[str, str | None] = {}
        # Thousands of guides repeat the same few hundred names: normalize each once.
        self._normalized = lru_cache(maxsize=None)(normalize)
        self._region_sets: dict[tuple, set[str]] = {}
        self._build()
        self._normalized = normalize  # queries: no cache of what people type

    def _add(self, table: dict[str, set[str]], phrase: str, key: str) -> None:
        phrase = self._normalized(phrase)
        if phrase:
            table.setdefault(phrase, set()).add(key)
            squashed = phrase.replace(" ", "")
            if squashed != phrase and len(squashed) > 3:
                table.setdefault(squashed, set()).add(key)

    def _build(self) -> None:
        family_of: dict[str, str] = {}
        for family, words in self.aliases.roles.items():
            for word in [family.replace("-", " "), *words]:
                family_of.setdefault(normalize(word), family)
                self._add(self.role_phrases, word, f"family:{family}")
            self._add(self.role_phrases, family, f"family:{family}")
        for family, words in self.aliases.regions.items():
            for word in [family.replace("-", " "), *words]:
                self._add(self.region_phrases, word, f"group:{family}")
        seen_companies: set[str] = set()
        seen_roles: dict[tuple, tuple[set[str], frozenset[str], frozenset[str]]] = {}
        for key, guide in self.catalog.summaries.items():
            slug = guide.company_slug
            self.company_names[slug] = guide.company_name
            if slug not in seen_companies:
                seen_companies.add(slug)
                for phrase in (
                    slug.replace("-", " "),
                    slug,
                    guide.company_name,
                    *guide.company_aliases,
                    *self.aliases.companies.get(slug, []),
                ):
                    self._add(self.company_phrases, phrase, slug)
            role_id = (guide.role_slug, guide.role_title, guide.role_aliases, guide.role_level)
            known = seen_roles.get(role_id)
            if known is None:
                known = seen_roles[role_id] = self._role_entry(guide, family_of)
            keys, title_levels, role_levels = known
            self.role_keys[key] = keys
            self.title_levels[key] = title_levels
            self.role_levels[key] = role_levels
            for role_key in keys:
                self.companies_with_role.setdefault(role_key, set()).add(guide.company_name)
            names, groups = [], []
            for name, aliases in guide.regions:
                normalized = self._region_name_set(name, aliases)
                names.append(normalized)
                groups.append(self._group_of(name))
            self.region_names[key] = names
            self.region_groups[key] = groups
        exact_names = set(self.company_phrases)
        self._add_short_company_names()
        self.left_out = self._left_out_companies()
        # Typos are forgiven against full names only: a short name is typed exactly or not at all.
        self._company_choices = sorted(exact_names)
        self._suggestion_names = sorted(set(self.company_names.values()))
        self._suggestion_choices = [self._normalized(name) for name in self._suggestion_names]
        self._role_choices = sorted(self.role_phrases)
        self._region_choices = sorted(self.region_phrases)

    def _role_entry(self, guide, family_of: dict[str, str]) -> tuple[set[str], frozenset[str], frozenset[str]]:
        """A role's keys (its own, and the role groups its names belong to, with and
        without the seniority words of its title), its title's seniority and its level's words."""
        own = f"role:{guide.role_slug}"
        keys = {own}
        title_levels = self.aliases.level_tokens(guide.role_title)
        phrases = [guide.role_slug.replace("-", " "), guide.role_title, *guide.role_aliases]
        if title_levels:
            # `Senior Software Engineer` also answers to `software engineer` (then the seniority decides).
            base = " ".join(
                word
                for word in self._normalized(guide.role_title).split()
                if word not in self.aliases.seniority and not _LEVEL_CODE_RE.match(word)
            )
            phrases.append(base or guide.role_title)
        for index, phrase in enumerate(phrases):
            # The title without its seniority answers as `base:`, below the role's own names.
            key = f"base:{guide.role_slug}" if title_levels and index == len(phrases) - 1 else own
            keys.add(key)
            self._add(self.role_phrases, phrase, key)
            family = family_of.get(self._normalized(phrase))
            if family:
                keys.add(f"family:{family}")
        if guide.role_slug in self.aliases.roles:
            keys.add(f"family:{guide.role_slug}")
        return keys, title_levels, self.aliases.level_tokens(guide.role_level)

    def _add_short_company_names(self) -> None:
        """`CloudForge AI` is also typed `cloudforge`: names without their trailing company
        words, where no company already has that name (then the exact name wins)."""
        short: dict[str, set[str]] = {}
        for slug, name in self.company_names.items():
            words = self._normalized(name).split()
            if len(words) > 1 and words[-1] in self.aliases.company_suffixes:
                phrase = " ".join(words[:-1])  # one word only: `Birch Labs.io` is `birch labs`, not `birch`
                if len(phrase.replace(" ", "")) >= 3:
                    short.setdefault(phrase, set()).add(slug)
        self._short_names: set[str] = set()
        for phrase, slugs in short.items():
            for slug in slugs:
                if phrase not in self.company_phrases:
                    self._add(self.company_phrases, phrase, slug)
                    self.company_phrases[phrase] = set(slugs)
                    self._short_names.update({phrase, phrase.replace(" ", "")})

    def _left_out_companies(self) -> dict[str, str]:
        """Company folders on disk none of whose guides could be read (squashed slug ->
        folder name): asked for, they are said to be there but unreadable, not unknown."""
        left_out: dict[str, str] = {}
        on_hand = {re.sub(r"[^a-z0-9]+", "", slug) for slug in self.company_names}
        for problem in self.catalog.report.errors:
            folder = Path(problem.file).parent.name
            squashed = re.sub(r"[^a-z0-9]+", "", folder.lower())
            if squashed and squashed not in on_hand:
                left_out[squashed] = folder
        return left_out

    def _siblings(self, slug: str) -> list[str]:
        """Other company folders of the same name, or whose slug extends this one (`brex`, `brex-ai`)."""
        name = self.company_names.get(slug)
        return [
            other
            for other, other_name in self.company_names.items()
            if other != slug and (other_name == name or other.startswith(f"{slug}-") or slug.startswith(f"{other}-"))
        ]

    def _region_name_set(self, name: str, aliases: tuple[str, ...]) -> set[str]:
        known = self._region_sets.get((name, aliases))
        if known is not None:
            return known
        normalized = set()
        for phrase in (name, *aliases):
            phrase = self._normalized(phrase)
            if phrase:
                normalized.add(phrase)
                self._add(self.region_phrases, phrase, f"name:{phrase}")
        self._region_sets[(name, aliases)] = normalized
        return normalized

    def _group_of(self, name: str) -> str | None:
        normalized = self._normalized(name)
        if normalized not in self._group_of_name:
            self._group_of_name[normalized] = self._find_group(normalized)
        return self._group_of_name[normalized]

    # --- matching phrases -------------------------------------------------------------------

    def _units(self, text: str) -> list[tuple[str, bool]]:
        """(normalized words, quoted?) in order; a quoted phrase is one unit."""
        units = []
        for match in _TOKEN_RE.finditer(text):
            quoted = match[1] or match[2] or match[3]
            if quoted is not None:
                phrase = normalize(quoted)
                if phrase:
                    units.append((phrase, True))
            else:
                for word in normalize(match[4]).split():
                    units.extend((part, False) for part in self._word_parts(word))
        return units

    def _word_parts(self, word: str) -> list[str]:
        """`staff+` is staff; `sde2` is `sde 2` when `sde` is a role word."""
        if word.endswith("+") and word.rstrip("+") in self.aliases.seniority:
            return [word.rstrip("+")]
        glued = _WORD_GRADE_RE.match(word)
        if glued and glued[1] in self.role_phrases:
            return [glued[1], glued[2]]
        return [word]

    def _weak_company(self, phrase: str) -> bool:
        """A company name that is also a role, region, seniority or currency word."""
        return (
            phrase in self.role_phrases
            or phrase in self.region_phrases
            or phrase in self.aliases.seniority
            or phrase in CURRENCY_CODES
        )

    def _match(self, text: str, company_span: tuple[int, int, set[str]] | None = None) -> _Match:
        units = self._units(text)
        result = _Match()
        tables = (
            ("companies", self.company_phrases),
            ("roles", self.role_phrases),
            ("regions", self.region_phrases),
        )
        used = [False] * len(units)
        if company_span is not None:
            start, end, keys = company_span
            result.companies = set(keys)
            result.typed["companies"] = " ".join(word for word, _ in units[start:end])
            used[start:end] = [True] * (end - start)
        spans = sorted(
            (
                (start, end)
                for start in range(len(units))
                for end in range(start + 1, min(start + MAX_SPAN, len(units)) + 1)
                if end - start == 1 or not any(quoted for _, quoted in units[start:end])
            ),
            # Most words first (a quoted phrase counts its words), so `data analyst` is
            # a role before the `ai` of a mistyped `ApexVualt AI` can be.
            key=lambda span: (-sum(len(word.split()) for word, _ in units[span[0] : span[1]]), span[0]),
        )
        role_hits: list[tuple[int, int, set[str]]] = []
        common: list[tuple[int, int]] = []
        for start, end in spans:
            if any(used[start:end]):
                continue
            phrase = " ".join(word for word, _ in units[start:end])
            if end - start == 1 and phrase in self.aliases.common and not units[start][1]:
                common.append((start, end))  # an everyday word: only if nothing else fills its part
                continue
            self._take(result, tables, units, used, start, end, phrase, role_hits)
        for start, end in common:
            if not any(used[start:end]):
                self._take(result, tables, units, used, start, end, units[start][0], role_hits)
        self._short_name_beside_unknown(units, used, result)
        if result.companies is None and len(role_hits) > 1:
            self._company_word_as_role(units, used, result, role_hits)
        if result.companies is None:
            self._name_end_in_role(units, used, result)
        self._mistyped_title(units, used, result)
        self._role_with_name_end(units, result)
        # Three capitals (`UYU`, `(IDR)`) may be any ISO currency; lower case only the common ones.
        codes = {word.lower() for word in re.findall(r"\b[A-Z]{3}\b", text)}
        self._levels_and_currencies(units, used, result, codes)
        leftover = [word for (word, _), taken in zip(units, used, strict=True) if not taken]
        result.leftover = [word for word in leftover if word not in self.aliases.noise]
        self._fuzzy(result, leftover)
        return result

    def _take(self, result: _Match, tables, units, used, start: int, end: int, phrase: str, role_hits) -> None:
        squashed = phrase.replace(" ", "")
        # `cloud forge` is `cloudforge`; but `s de` (from `prismbyte's de`) is not `sde`.
        glued = len(squashed) > 3 and " " in phrase and all(len(word) > 1 for word in phrase.split())
        for name, table in tables:
            keys = table.get(phrase) or (table.get(squashed) if glued else None)
            if not keys and name == "roles" and phrase.endswith("s") and len(phrase) > 3:
                keys = table.get(phrase[:-1])  # `engineers`, `data scientists`, `swes`
            if not keys:
                continue
            if name == "roles":
                role_hits.append((start, end, keys))
            if name == "regions" and result.regions is not None:
                # A second region (`bay area remote`): both are asked for, side by side.
                result.regions |= keys
                result.typed[name] += f" {phrase}"
                used[start:end] = [True] * (end - start)
                return
            if getattr(result, name) is not None:
                continue
            if name == "companies" and self._weak_company(phrase):
                result.weak.append((start, end, set(keys)))
                continue
            setattr(result, name, set(keys))
            result.typed[name] = phrase
            result.spans[name] = (start, end)
            used[start:end] = [True] * (end - start)
            return

    def _company_word_as_role(self, units, used, result: _Match, role_hits) -> None:
        """Two role words and no company: a role word right after an unknown word is the
        end of a company name (`scale ai senior swe` for a Scale AI not on hand)."""
        assigned = role_hits[0]
        before = assigned[0] - 1
        if before < 0 or used[before] or not self._unknown_word(units[before][0]):
            return
        other = next((hit for hit in role_hits[1:] if not any(used[hit[0] : hit[1]])), None)
        if other is not None:
            used[assigned[0] : assigned[1]] = [False] * (assigned[1] - assigned[0])
            used[other[0] : other[1]] = [True] * (other[1] - other[0])
            result.roles = set(other[2])
            result.typed["roles"] = " ".join(word for word, _ in units[other[0] : other[1]])

    def _short_name_beside_unknown(self, units, used, result: _Match) -> None:
        """A short name (`scale` for Scale AI) next to an unknown word is more likely part
        of another name mistyped (`Radint Scale`): left for the typo matching instead."""
        span = result.spans.get("companies")
        if span is None or result.typed.get("companies") not in self._short_names:
            return
        start, end = span
        before = start - 1  # the words a short name lacks are its suffix (dropped) or words before it
        if (
            before >= 0
            and not used[before]
            and not units[before][1]
            and self._unknown_word(units[before][0])
            and units[before][0] not in CURRENCY_CODES
        ):
            result.companies = None
            del result.typed["companies"], result.spans["companies"]
            used[start:end] = [False] * (end - start)

    def _role_with_name_end(self, units, result: _Match) -> None:
        """`boltpoint ai engineer`: BoltPoint AI's `engineer`, or BoltPoint's `ai engineer`.
        The second reading is kept for when the company has no guide for the first. And
        `brex ai ml engineer`: a longer company name typed (`brex ai`, the brex-ai folder)
        wins over a role phrase that took its last word (`ai ml engineer`)."""
        company, role = result.spans.get("companies"), result.spans.get("roles")
        if company is None or role is None:
            return
        if company[1] == role[0] and role[1] - role[0] > 1:
            joined = f"{result.typed['companies']} {units[role[0]][0]}"
            rest = " ".join(word for word, _ in units[role[0] + 1 : role[1]])
            if joined in self.company_phrases and rest in self.role_phrases:
                result.companies = set(self.company_phrases[joined])
                result.roles = set(self.role_phrases[rest])
                result.typed.update(companies=joined, roles=rest)
                result.spans.update(companies=(company[0], role[0] + 1), roles=(role[0] + 1, role[1]))
                return
        if role[0] != company[1]:
            return
        last = units[company[1] - 1][0]
        joined = f"{last} {result.typed['roles']}"
        if last in self.aliases.company_suffixes and joined in self.role_phrases:
            result.alt_roles = set(self.role_phrases[joined])

    def _name_end_in_role(self, units, used, result: _Match) -> None:
        """No company yet, an unknown word, then a role phrase whose first word can end a
        company name (`VividaPth AI ml engineer`): when the rest of the phrase is a role
        too, that word goes back to the company's name."""
        span = result.spans.get("roles")
        if span is None or span[1] - span[0] < 2 or span[0] == 0:
            return
        start, end = span
        before = units[start - 1][0]
        rest = " ".join(word for word, _ in units[start + 1 : end])
        if units[start][0] not in self.aliases.company_suffixes or rest not in self.role_phrases:
            return
        if used[start - 1] or not self._unknown_word(before):
            return
        result.alt_roles = result.roles  # the whole phrase, should the company have no `rest` guide
        result.roles = set(self.role_phrases[rest])
        result.typed["roles"] = rest
        result.spans["roles"] = (start + 1, end)
        used[start] = False

    def _mistyped_title(self, units, used, result: _Match) -> None:
        """A generic role word next to an unknown word is most often a title mistyped
        (`Secruity Engineer`, `Developer Advcate`): the words together, matched as a typo,
        win over the generic word alone when they are close to a title."""
        span = result.spans.get("roles")
        if span is None or span[1] - span[0] != 1 or " " in units[span[0]][0]:
            return  # only a single generic word (`engineer`, `manager`) can be the end of a mistyped title
        start, end = span
        best = None
        for before, after in ((2, 0), (1, 0), (0, 1), (0, 2), (1, 1)):
            first, last = start - before, end + after
            if first < 0 or last > len(units):
                continue
            extra = [*range(first, start), *range(end, last)]
            if any(used[i] or units[i][1] or not self._unknown_word(units[i][0]) for i in extra):
                continue
            candidate = " ".join(word for word, _ in units[first:last])
            found = process().extractOne(candidate, self._role_choices, scorer=fuzz().ratio, score_cutoff=TITLE_CUTOFF)
            same_length = found is not None and len(found[0].split()) == last - first
            if same_length and (best is None or found[1] > best[1]):
                best = (found[0], found[1], first, last, candidate)
        if best is not None:
            phrase, _score, first, last, candidate = best
            result.roles = set(self.role_phrases[phrase])
            result.typed["roles"] = candidate
            result.spans["roles"] = (first, last)
            used[first:last] = [True] * (last - first)
            result.corrections.append((candidate, phrase))

    def _unknown_word(self, word: str) -> bool:
        return not (
            word in self.aliases.noise
            or word in self.aliases.seniority
            or word in self.role_phrases
            or word in self.region_phrases
            or word in self.company_phrases
        )

    def _levels_and_currencies(self, units, used, result: _Match, codes: set[str] = frozenset()) -> None:
        """Seniority and level words anywhere but in the company's name (`senior` in a
        whole title `Senior Software Engineer` counts too); currency codes left over."""
        company_words = set()
        words: list[tuple[str, bool]] = []
        for (phrase, _quoted), taken in zip(units, used, strict=True):
            for word in phrase.split():
                words.append((word, taken))
        if "companies" in result.typed:
            company_words = set(result.typed["companies"].split())
        typed = []
        levels = set()
        index = 0
        while index < len(words):
            word, taken = words[index]
            pair = " ".join(w for w, _ in words[index : index + 2])
            if index + 1 < len(words) and pair in self.aliases.seniority and not (set(pair.split()) & company_words):
                levels.add(self.aliases.seniority[pair])
                typed.append(pair)
                index += 2
                continue
            code = grade(word, index > 0 and words[index - 1][0] in self.role_phrases)
            if word not in company_words and (word in self.aliases.seniority or code):
                levels.add(self.aliases.seniority.get(word) or code)
                typed.append(word)
            index += 1
        result.seniority = frozenset(levels)
        result.seniority_typed = " ".join(typed)
        # Mark single-word units that were seniority or currency words as explained.
        for position, (phrase, _quoted) in enumerate(units):
            if used[position]:
                continue
            after_title = position > 0 and units[position - 1][0].split()[-1] in self.role_phrases
            if phrase in self.aliases.seniority or grade(phrase, after_title):
                used[position] = True
            elif phrase in CURRENCY_CODES or (phrase in codes and is_known_currency(phrase)):
                result.currencies.add(phrase.upper())
                used[position] = True
            elif position + 1 < len(units) and f"{phrase} {units[position + 1][0]}" in self.aliases.seniority:
                used[position] = used[position + 1] = True

    def _fuzzy(self, result: _Match, with_noise: list[str] | None = None) -> None:
        """Typos: the leftover words together (with the noise words too, for a name such
        as `Helio Pay.io` whose `pay` is noise elsewhere), then each word, against the
        categories still open. Choices are normalized already, so no processor runs."""
        choices = (
            ("companies", self.company_phrases, self._company_choices, COMPANY_CUTOFF),
            ("roles", self.role_phrases, self._role_choices, ROLE_CUTOFF),
            ("regions", self.region_phrases, self._region_choices, REGION_CUTOFF),
        )
        remaining = list(result.leftover)
        runs: list[list[str]] = []
        if with_noise:
            # Noise inside a name counts (`Helio Pay.io`), noise around it does not (`job at ... based in`).
            first = next((i for i, word in enumerate(with_noise) if word not in self.aliases.noise), len(with_noise))
            last = next((i for i in range(len(with_noise), 0, -1) if with_noise[i - 1] not in self.aliases.noise), 0)
            with_noise = with_noise[first:last]
        if with_noise and len(with_noise) > max(1, len(remaining)):
            runs.append(with_noise)
        if len(remaining) > 1:
            runs.append(list(remaining))
        # Neighbouring pairs before single words: `hong okng` is one region mistyped.
        runs += [remaining[i : i + 2] for i in range(len(remaining) - 1) if len(remaining) > 2]
        runs += [[word] for word in remaining]
        for run in runs:
            content = [word for word in run if word not in self.aliases.noise] if run is with_noise else run
            candidate = " ".join(run)
            if not content or any(word not in remaining for word in content) or len(candidate.replace(" ", "")) < 4:
                continue
            best = None
            for name, table, vocabulary, cutoff in choices:
                if getattr(result, name) is not None:
                    continue
                if name == "companies" and not any(self._unknown_word(word) for word in content):
                    continue  # role and region words left over are not a company's name mistyped
                if name != "roles":
                    # A swapped pair of letters is one edit (OSA), not two: `stoneodck` is StoneDock, not StoneDeck.
                    found = process().extractOne(
                        candidate, vocabulary, scorer=osa_similarity(), score_cutoff=cutoff / 100
                    )
                    found = found and (found[0], found[1] * 100)
                else:
                    found = process().extractOne(candidate, vocabulary, scorer=fuzz().ratio, score_cutoff=cutoff)
                if found and (best is None or found[1] > best[2]):
                    best = (name, table, found[1], found[0])
            if best:
                name, table, _, phrase = best
                setattr(result, name, set(table[phrase]))
                result.typed[name] = candidate
                result.corrections.append((candidate, phrase))
                for word in content:
                    if word in remaining:
                        remaining.remove(word)
        result.leftover = remaining

    def _company_match(self, text: str) -> _Match:
        """The match, with a company named by a role or region word (`Remote`) taken as
        the company only when that reading leaves no word unexplained and no other
        company can be read: a company named but not on hand stays unknown."""
        match = self._match(text)
        if match.companies is not None or not match.weak:
            return match
        for start, end, keys in match.weak:
            forced = self._match(text, company_span=(start, end, keys))
            if not forced.leftover and not forced.corrections:
                return forced
        return match

    # --- narrowing -----------------------------------------------------------------------------

    def resolve(self, text: str) -> Resolution:
        text = (text or "")[: MAX_QUERY_CHARS * 4]
        shown = text.strip()[:MAX_QUERY_CHARS]
        if not normalize(text) or normalize(text) in ("help", "usage", "h"):
            return Resolution("help", shown)
        match = self._company_match(text[:MAX_QUERY_CHARS])
        unknown = " ".join(match.leftover)

        if match.companies is None:
            # The company asked for is in the words nothing else explains (`openai`, not the `remote` after it).
            unexplained = [
                word for word in match.leftover if word not in self.region_phrases and word not in self.company_phrases
            ]
            return self._company_unknown(shown, match, " ".join(unexplained) or unknown)
        slugs = sorted(match.companies)
        if len(slugs) > 1:
            typed = match.typed.get("companies", "").replace(" ", "")
            named = [slug for slug in slugs if slug.replace("-", "") == typed]
            slugs = named or slugs
        if len(slugs) == 1:
            within = self._within(shown, self.catalog.company_keys.get(slugs[0], []), match, unknown)
            if within.kind in ("role_unknown", "level_unknown"):
                for sibling in self._siblings(slugs[0]):
                    there = self._within(shown, self.catalog.company_keys.get(sibling, []), match, unknown)
                    if there.guide is not None:
                        within.elsewhere.append(CompanyChoice(sibling, self.company_names[sibling], "", there))
            return within
        choices = []
        for slug in slugs:
            within = self._within(shown, self.catalog.company_keys.get(slug, []), match, unknown)
            choices.append(CompanyChoice(slug, self.company_names[slug], "", within))
        self._tell_apart(choices)
        return Resolution("companies", shown, companies=choices, corrections=match.corrections, unknown=unknown)

    def _tell_apart(self, choices: list[CompanyChoice]) -> None:
        """What tells company folders of one name apart: their product line, else their roles."""
        for choice in choices:
            guides = self.catalog.company_guides(choice.slug)
            dna = guides[0].company.dna if guides else None
            products = {
                (g[0].company.dna.product if g and g[0].company.dna else None)
                for g in (self.catalog.company_guides(c.slug) for c in choices)
            }
            if dna and dna.product and len(products) == len(choices):
                choice.tells_apart = dna.product
            else:
                choice.tells_apart = ", ".join(g.role.title for g in guides)

    def _within(self, shown: str, keys: list[str], match: _Match, unknown: str) -> Resolution:
        """The answer inside one company's guides."""
        context = {
            "corrections": match.corrections,
            "unknown": unknown,
            "asked_level": match.seniority_typed,
            "asked_role": match.typed.get("roles", ""),
        }
        chosen = keys
        roles = match.roles
        if roles is not None:
            chosen = [key for key in keys if self.role_keys[key] & roles]
            if not chosen and match.alt_roles:
                chosen = [key for key in keys if self.role_keys[key] & match.alt_roles]
                roles = match.alt_roles if chosen else roles
            if not chosen:
                return Resolution(
                    "role_unknown",
                    shown,
                    guides=self._guides(keys),
                    corrections=match.corrections,
                    unknown=match.typed.get("roles", unknown),
                    asked_level=match.seniority_typed,
                )
        level: str | None = None
        instead_of = ""
        if match.seniority:
            # Seniority first, over the guides the query names by their own title (with or
            # without its seniority: `sr software engineer` is the Senior Software Engineer
            # guide although `software engineer` names another), then the role's whole group.
            named = [key for key in chosen if roles is None or self._named_by_title(key, roles)]
            found: list[str] = []
            for tier in (named, chosen) if named and len(named) < len(chosen) else (chosen,):
                found = self._fitting_titles(tier, match.seniority)
                if not found:
                    found, level = self._fitting_levels(tier, match.seniority)
                if found:
                    break
            if not found:
                missing = [key for key in keys if roles is None or self.role_keys[key] & roles]
                return Resolution("level_unknown", shown, guides=self._guides(missing or keys), **context)
            chosen = found
            if roles is not None and len(chosen) > 1:
                chosen = self._named_roles(chosen, roles)
        elif roles is not None:
            chosen = self._named_roles(chosen, roles) if len(chosen) > 1 else chosen
            plain = [key for key in chosen if not self.title_levels[key]]
            if plain:
                chosen = plain
            elif len(chosen) == 1:
                instead_of = match.typed.get("roles", "")
        if len(chosen) > 1 or (roles is None and match.regions is None and not match.seniority):
            return Resolution("roles", shown, guides=self._guides(chosen), **context)
        guide = self.catalog.by_key[chosen[0]]
        candidates = [r for r in guide.regions if level is None or self._has_level(r, level)]
        context.update(guide=guide, level=level, instead_of=instead_of)
        if match.currencies:
            in_currency = [r for r in candidates if r.currency in match.currencies]
            if in_currency:
                candidates = in_currency
            else:
                context["currency_missing"] = "/".join(sorted(match.currencies))
        if match.regions is None:
            if len(candidates) == 1:
                return Resolution("band", shown, region=candidates[0], **context)
            return Resolution("regions", shown, regions=candidates, **context)
        named = {id(r) for r in self._regions_for(guide, match.regions)}
        regions = [r for r in candidates if id(r) in named]
        if not regions:
            context["unknown"] = match.typed.get("regions", unknown)
            return Resolution("region_unknown", shown, regions=candidates, **context)
        if len(regions) > 1:
            return Resolution("regions", shown, regions=regions, **context)
        return Resolution("band", shown, region=regions[0], **context)

    def _named_by_title(self, key: str, roles: set[str]) -> bool:
        slug = self.catalog.summaries[key].role_slug
        return f"role:{slug}" in roles or f"base:{slug}" in roles

    def _fitting_titles(self, keys: list[str], asked: frozenset[str]) -> list[str]:
        """Guides whose title seniority is the one asked (`Senior Software Engineer` for
        `senior swe`), else whose role level holds it (`Software Engineer (L5)` for `l5`)."""
        exact = [key for key in keys if self.title_levels[key] == asked]
        if exact:
            return exact
        return [
            key
            for key in keys
            if asked <= (self.title_levels[key] | self.role_levels[key])
            and (self.title_levels[key] <= asked or asked & self.role_levels[key])
        ]

    def _fitting_levels(self, keys: list[str], asked: frozenset[str]) -> tuple[list[str], str | None]:
        """Guides with a level row holding the level asked (`| L5 SDE II | Seattle |` for
        `l5`), and that row's label; the closest label when several hold it."""
        best: tuple[int, str, str] | None = None
        for key in keys:
            if self.title_levels[key] - asked:
                continue  # a `Staff` guide's level rows are not another seniority's
            needed = asked - self.title_levels[key] - self.role_levels[key]  # `senior swe l5`: the L5 row
            for label in level_labels(self.catalog.by_key[key]) if needed else ():
                tokens = self.aliases.level_tokens(label)
                if needed <= tokens and (best is None or len(tokens) < best[0]):
                    best = (len(tokens), key, label)
        if best is None:
            return [], None
        return [best[1]], best[2]

    @staticmethod
    def _has_level(region: RegionBand, level: str) -> bool:
        return region.level == level or any(row.level == level for row in region.levels)

    def _named_roles(self, keys: list[str], roles: set[str]) -> list[str]:
        """Of several guides matching, those whose own role the query names (`frontend
        engineer`), else those that are the role group named (`swe`: software-engineer,
        not every engineer in the group); all of them when neither narrows."""
        for prefix in ("role:", "family:", "base:"):
            named = [key for key in keys if f"{prefix}{self.catalog.summaries[key].role_slug}" in roles]
            if named:
                return named
        return keys

    def _guides(self, keys: list[str]) -> list[Guide]:
        return [self.catalog.by_key[key] for key in keys]

    def _regions_for(self, guide: Guide, keys: set[str]) -> list[RegionBand]:
        """The guide's regions the matched region phrases name, from the tables built
        once per catalog (no normalizing or group search per query)."""
        names = {key.split(":", 1)[1] for key in keys if key.startswith("name:")}
        known = self.region_names.get(guide.key)
        if known is None or len(known) != len(guide.regions):  # a guide from outside the catalog
            known = [{normalize(p) for p in (r.name, *r.aliases)} for r in guide.regions]
            groups_of = [self.region_group(r) for r in guide.regions]
        else:
            groups_of = self.region_groups[guide.key]
        direct = [r for r, region_names in zip(guide.regions, known, strict=True) if names & region_names]
        if direct:
            return direct
        groups = {key.split(":", 1)[1] for key in keys if key.startswith("group:")}
        return [r for r, group in zip(guide.regions, groups_of, strict=True) if group in groups]

    def region_group(self, region: RegionBand) -> str | None:
        """The alias group a guide region belongs to: an exact word first, then the
        longest group word contained in its name (`San Francisco HQ` -> san-francisco)."""
        return self._group_of(region.name)

    def _find_group(self, name: str) -> str | None:
        best: tuple[int, str] | None = None
        for group, words in self.aliases.regions.items():
            for word in (group.replace("-", " "), *words):
                word = self._normalized(word)
                if word == name:
                    return group
                if re.search(rf"\b{re.escape(word)}\b", name) and (best is None or len(word) > best[0]):
                    best = (len(word), group)
        return best[1] if best else None

    def _company_unknown(self, shown: str, match: _Match, unknown: str) -> Resolution:
        suggestions: list[str] = []
        if unknown:
            # Against the normalized names (what `unknown` is made of), shown as written.
            found = process().extract(
                unknown,
                self._suggestion_choices,
                scorer=fuzz().WRatio,
                processor=None,
                limit=SUGGESTIONS,
                score_cutoff=SUGGEST_CUTOFF,
            )
            suggestions = [self._suggestion_names[index] for _, _, index in found]
        if not suggestions and match.roles is not None:
            # A role without a company: the companies that have that role.
            with_role = set().union(*(self.companies_with_role.get(role, set()) for role in match.roles))
            suggestions = sorted(with_role)[:SUGGESTIONS]
        squashed = re.sub(r"[^a-z0-9]+", "", unknown)
        return Resolution(
            "company_unknown",
            shown,
            suggestions=suggestions,
            unknown=unknown,
            corrections=match.corrections,
            left_out=self.left_out.get(squashed, ""),
        )
