"""Query resolution: `/comp` text -> a guide, a region, or the closest choices.

Words may come in any order; quoted phrases stay together. Phrases are matched exactly
first (company names, slugs and aliases; role and region words from `data/aliases.json`),
longest first, then what is left is matched with rapidfuzz to forgive typos. Whatever
is missing narrows the answer instead of failing: company and role without a region
shows every region; a company alone lists its roles.
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


def fuzz():
    """rapidfuzz's scorers, imported on the first typo: exact queries never need them,
    and the import is a visible share of a one-shot `ask`."""
    from rapidfuzz import fuzz as scorers

    return scorers


def process():
    from rapidfuzz import process as matcher

    return matcher


ALIASES_FILE = DATA_DIR / "aliases.json"
MAX_QUERY_CHARS = 300
MAX_SPAN = 4
SUGGESTIONS = 5
# Below these scores a fuzzy match is a guess, not a typo.
COMPANY_CUTOFF = 80
ROLE_CUTOFF = 82
REGION_CUTOFF = 82
SUGGEST_CUTOFF = 45

_INVISIBLE = {"Cc", "Cf", "Co", "Cs", "Cn"}
_TOKEN_RE = re.compile(r"\"([^\"]+)\"|“([^”]+)”|'([^']+)'|(\S+)")


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

    @classmethod
    def load(cls, path: Path = ALIASES_FILE) -> Aliases:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            roles=data.get("roles", {}),
            regions=data.get("regions", {}),
            companies=data.get("companies", {}),
            noise=frozenset(normalize(word) for word in data.get("noise", [])),
        )


# --- results -------------------------------------------------------------------------------


@dataclass
class Query:
    text: str
    words: list[str]


@dataclass
class Resolution:
    """What a `/comp` query resolved to. `kind` is one of:
    help | band | regions | roles | company_unknown | role_unknown | region_unknown."""

    kind: str
    query: str
    guide: Guide | None = None
    region: RegionBand | None = None
    regions: list[RegionBand] = field(default_factory=list)
    guides: list[Guide] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    unknown: str = ""
    corrections: list[tuple[str, str]] = field(default_factory=list)  # (typed, understood)


@dataclass
class _Match:
    companies: set[str] | None = None
    roles: set[str] | None = None
    regions: set[str] | None = None
    corrections: list[tuple[str, str]] = field(default_factory=list)
    leftover: list[str] = field(default_factory=list)
    typed: dict[str, str] = field(default_factory=dict)  # category -> the words that matched


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
        seen_roles: dict[str, set[str]] = {}
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
            role_id = (guide.role_slug, guide.role_title, guide.role_aliases)
            keys = seen_roles.get(role_id)
            if keys is None:
                keys = {f"role:{guide.role_slug}"}
                for phrase in (guide.role_slug.replace("-", " "), guide.role_title, *guide.role_aliases):
                    self._add(self.role_phrases, phrase, f"role:{guide.role_slug}")
                    family = family_of.get(self._normalized(phrase))
                    if family:
                        keys.add(f"family:{family}")
                if guide.role_slug in self.aliases.roles:
                    keys.add(f"family:{guide.role_slug}")
                seen_roles[role_id] = keys
            self.role_keys[key] = keys
            for role_key in keys:
                self.companies_with_role.setdefault(role_key, set()).add(guide.company_name)
            names, groups = [], []
            for name, aliases in guide.regions:
                normalized = self._region_name_set(name, aliases)
                names.append(normalized)
                groups.append(self._group_of(name))
            self.region_names[key] = names
            self.region_groups[key] = groups
        self._company_choices = sorted(self.company_phrases)
        self._suggestion_names = sorted(set(self.company_names.values()))
        self._suggestion_choices = [self._normalized(name) for name in self._suggestion_names]
        self._role_choices = sorted(self.role_phrases)
        self._region_choices = sorted(self.region_phrases)

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
                units.extend((word, False) for word in normalize(match[4]).split())
        return units

    def _match(self, text: str) -> _Match:
        units = self._units(text)
        result = _Match()
        tables = (
            ("companies", self.company_phrases),
            ("roles", self.role_phrases),
            ("regions", self.region_phrases),
        )
        used = [False] * len(units)
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
        for start, end in spans:
            if any(used[start:end]):
                continue
            phrase = " ".join(word for word, _ in units[start:end])
            for name, table in tables:
                if getattr(result, name) is None:
                    keys = table.get(phrase) or table.get(phrase.replace(" ", ""))
                    if keys:
                        setattr(result, name, set(keys))
                        result.typed[name] = phrase
                        used[start:end] = [True] * (end - start)
                        break
        leftover = [word for (word, _), taken in zip(units, used, strict=True) if not taken]
        result.leftover = [word for word in leftover if word not in self.aliases.noise]
        self._fuzzy(result, leftover)
        return result

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
        if with_noise and len(with_noise) > max(1, len(remaining)):
            runs.append(with_noise)
        if len(remaining) > 1:
            runs.append(list(remaining))
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

    # --- narrowing -----------------------------------------------------------------------------

    def resolve(self, text: str) -> Resolution:
        text = (text or "")[: MAX_QUERY_CHARS * 4]
        shown = text.strip()[:MAX_QUERY_CHARS]
        if not normalize(text) or normalize(text) in ("help", "usage", "h"):
            return Resolution("help", shown)
        match = self._match(text[:MAX_QUERY_CHARS])
        unknown = " ".join(match.leftover)

        if match.companies is None:
            return self._company_unknown(shown, match, unknown)
        company_slugs = sorted(match.companies)
        keys = [key for slug in company_slugs for key in self.catalog.company_keys.get(slug, [])]
        if match.roles is not None:
            chosen = [key for key in keys if self.role_keys[key] & match.roles]
            if len(chosen) > 1:
                chosen = self._named_roles(chosen, match.roles)
            if not chosen:
                return Resolution(
                    "role_unknown",
                    shown,
                    guides=self._guides(keys),
                    corrections=match.corrections,
                    unknown=match.typed.get("roles", unknown),
                )
            keys = chosen
        if len(keys) > 1 or (match.roles is None and match.regions is None):
            return Resolution("roles", shown, guides=self._guides(keys), corrections=match.corrections, unknown=unknown)
        guide = self.catalog.by_key[keys[0]]
        if match.regions is None:
            return Resolution(
                "regions",
                shown,
                guide=guide,
                regions=list(guide.regions),
                corrections=match.corrections,
                unknown=unknown,
            )
        regions = self._regions_for(guide, match.regions)
        if not regions:
            return Resolution(
                "region_unknown",
                shown,
                guide=guide,
                regions=list(guide.regions),
                corrections=match.corrections,
                unknown=match.typed.get("regions", unknown),
            )
        if len(regions) > 1:
            return Resolution(
                "regions", shown, guide=guide, regions=regions, corrections=match.corrections, unknown=unknown
            )
        return Resolution("band", shown, guide=guide, region=regions[0], corrections=match.corrections, unknown=unknown)

    def _named_roles(self, keys: list[str], roles: set[str]) -> list[str]:
        """Of several guides matching, those whose own role the query names (`frontend
        engineer`), else those that are the role group named (`swe`: software-engineer,
        not every engineer in the group); all of them when neither narrows."""
        for prefix in ("role:", "family:"):
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
        return Resolution(
            "company_unknown", shown, suggestions=suggestions, unknown=unknown, corrections=match.corrections
        )
