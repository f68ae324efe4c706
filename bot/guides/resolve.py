"""Query resolution: `/comp` text -> a guide, a region, or the closest choices.

`bot/guides/matching.py` reads which words name a company, a role, a region, a seniority
or a currency; this module narrows the catalog to the answer. Whatever is missing narrows
the answer instead of failing: company and role without a region shows every region; a
company alone lists its roles.

Rules that keep an answer from showing another band than the one asked for:
- seniority and level words (`senior`, `staff`, `L5`, `E6`) pick that guide or that level
  row, or the answer says it is missing (`level_unknown`); never another seniority;
- a company named but not on hand is reported as unknown (or, when its folder is there
  but unreadable, as such), never swapped for one matched from other words;
- two company folders under one name: the one whose slug was typed, else both (`companies`);
  a folder lacking the role points at a sibling folder that has it.
Anything shown that differs from what was typed (a typo fixed, a word ignored, a role
shown in place of the one asked, a currency not on hand) is recorded on the `Resolution`
for the reply to say first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bot.guides.catalog import Catalog
from bot.guides.matching import Match, PhraseMatcher, fuzz, process
from bot.guides.model import Guide, RegionBand
from bot.guides.words import LEVEL_CODE_RE, Aliases, normalize

__all__ = ["Aliases", "CompanyChoice", "Resolution", "Resolver", "level_labels", "normalize"]


MAX_QUERY_CHARS = 300
# The region key of `hq` and its like (data/aliases.json `headquarters`): whichever region the
# company's own guide marks as its headquarters (`San Francisco HQ` has the alias `hq`,
# bot/guides/markdown/tables.py), never one city for every company.
HEADQUARTERS = "headquarters"
HQ_NAME = "hq"
SUGGESTIONS = 5
SUGGEST_CUTOFF = 45
_NOT_ALNUM_RE = re.compile(r"[^a-z0-9]+")


HEAD_WORDS = ("engineer", "developer", "ingenieur", "ingeniero", "entwickler", "engenheiro", "desarrollador")
# A feminine ending written beside a head (`Ingeniero/a`, `Engenheiro(a)`, `Ingénieur·e`) and the word linking a
# head to what follows it (`de Backend`, `du Logiciel`): neither is what people type for the role
GENDER_ENDING_RE = re.compile(r"·\w+\b|\([^)]*\)|(?<=\w)/(?:a|e|as|es)\b")
LINKING_WORDS = {"de", "del", "da", "do", "du", "des", "em", "en"}
# Seniority words of other languages that end a title (`... de Machine Learning Pleno`): no part of what is typed
OTHER_SENIORITY = {"pleno", "medior", "semisenior", "ssr", "confirme", "confirmee"}


def _short_role_names(title: str, normalized, seniority) -> list[str]:
    """What people type for a title beyond it: `backend` for `Backend Engineer`, `devops` and `sre` for
    `Ingénieur·e DevOps / SRE` (each side of a slash, and the word after a French or Spanish head)."""
    out: list[str] = []
    sides = [side for side in re.split(r"\s+/\s+", GENDER_ENDING_RE.sub(" ", title)) if side.strip()]
    for side in sides if len(sides) > 1 else [title]:
        words = normalized(side).split()
        if len(sides) > 1 and words:
            out.append(" ".join(words))
        if len(words) == 2 and words[1] in HEAD_WORDS[:2] and len(words[0]) >= 4 and words[0] not in seniority:
            out.append(words[0])
        if len(words) >= 2 and words[0] in HEAD_WORDS[2:]:
            rest = words[2:] if words[1] in LINKING_WORDS else words[1:]
            while len(rest) > 1 and (rest[-1] in seniority or rest[-1] in OTHER_SENIORITY):
                rest = rest[:-1]  # `Ingeniero/a de Backend Sénior` is typed `backend`
            out.append(" ".join(rest))
    return [short for short in out if short and short not in seniority]


def _families_within(words: list[str], family_of: dict[str, str]) -> set[str]:
    """The role groups a title names inside it by a phrase of two or three words ("Engenheiro(a) de Machine
    Learning Pleno" holds "machine learning"), so "ml" finds it; single words ("engineer") name no group here."""
    found = set()
    for size in (2, 3):
        for start in range(len(words) - size + 1):
            family = family_of.get(" ".join(words[start : start + size]))
            if family:
                found.add(f"family:{family}")
    return found


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
    namesakes: list[str] = field(default_factory=list)  # other folders of the shown company's name (`brex`, `brex-ai`)
    unreadable: list[str] = field(default_factory=list)  # the company's guide files that could not be read
    no_headquarters: bool = False  # `hq` asked, and the guide marks no region as its headquarters

    @property
    def differs(self) -> bool:
        """The answer is not exactly what was typed, and its first line must say so."""
        return bool(self.corrections or self.instead_of or self.currency_missing or (self.unknown and self.guide))


# --- the index ----------------------------------------------------------------------------------


class Resolver(PhraseMatcher):
    """Phrase tables built once per catalog from its summaries (no guide is built for
    them); `resolve` is then a few dict look-ups, a fuzzy match over pre-normalized
    choices when a word is not known, and builds only the guides its answer shows."""

    def __init__(self, catalog: Catalog, aliases: Aliases | None = None) -> None:
        self.catalog = catalog
        self.aliases = aliases or Aliases.load()
        self.company_phrases: dict[str, set[str]] = {}
        self._direct: set[str] = set()  # every phrase added as written
        self._squashes: dict[str, str] = {}  # a phrase without its spaces -> the phrase
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
        self._siblings_of: dict[str, list[str]] = {}  # company slug -> `_siblings` (the tables never change)
        self._places: dict[str, tuple[dict, dict]] = {}  # guide key -> `_region_places`
        self._namesakes_of: dict[str, tuple[str, ...]] = {}  # company slug -> `_namesakes`
        self._rows_of: dict[str, tuple] = {}  # guide key -> `_level_rows`
        self._build()
        self._index_phrases()
        self._normalized = normalize  # queries: no cache of what people type

    def _add(self, table: dict[str, set[str]], phrase: str, key: str) -> None:
        phrase = self._normalized(phrase)
        if phrase:
            table.setdefault(phrase, set()).add(key)
            self._direct.add(phrase)
            squashed = phrase.replace(" ", "")
            if squashed != phrase and len(squashed) > 3:
                table.setdefault(squashed, set()).add(key)
                self._squashes.setdefault(squashed, phrase)

    def _build(self) -> None:
        family_of: dict[str, str] = {}
        for family, words in self.aliases.roles.items():
            for word in [family.replace("-", " "), *words]:
                family_of.setdefault(normalize(word), family)
                self._add(self.role_phrases, word, f"family:{family}")
            self._add(self.role_phrases, family, f"family:{family}")
        # Role words with their title words shortened (`ml infra eng`), below the words as listed.
        for family, words in self.aliases.roles.items():
            for word in [family.replace("-", " "), *words]:
                for short in self.aliases.shortened(word):
                    if short not in self.role_phrases:
                        family_of.setdefault(short, family)
                        self._add(self.role_phrases, short, f"family:{family}")
        for family, words in self.aliases.regions.items():
            for word in [family.replace("-", " "), *words]:
                self._add(self.region_phrases, word, f"group:{family}")
        for word in self.aliases.headquarters:
            self._add(self.region_phrases, word, HEADQUARTERS)
        self._typed_only: set[str] = set()  # role short names (_short_role_names), never read from a typo
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
        self._first_words = self._unique_first_words()
        self.left_out = self._left_out_companies()
        # Typos are forgiven against full names, and against short names of several words
        # (`redwodo flow` is Redwood Flow Systems): a one-word short name is typed exactly or not at all.
        several = {p for p in self._short_names if " " in p and len(p.replace(" ", "")) >= 8}
        self._company_choices = sorted(exact_names | several)
        self._suggestion_names = sorted(set(self.company_names.values()))
        # Folders of one company name (`brex`, `brex-ai`), grouped once rather than per lookup.
        self._folders_named: dict[str, list[str]] = {}
        for slug, name in self.company_names.items():
            self._folders_named.setdefault(name, []).append(slug)
        self._suggestion_choices = [self._normalized(name) for name in self._suggestion_names]
        # A role's short name (`backend`, `devops`) is typed exactly or not at all: no typo is read as one, and
        # leaving them out keeps the fuzzy search over titles as small as before them
        self._role_choices = sorted(phrase for phrase in self.role_phrases if phrase not in self._typed_only)
        # A phrase typed without its spaces (`_add`) is said back with them: "engenheiro" read as
        # "engenheiro de ml", not as "engenheirodeml".
        self._spaced = {squashed: phrase for squashed, phrase in self._squashes.items() if squashed not in self._direct}
        # Words that end several titles (`engineer`, `manager`): alone after a word not
        # understood they are the end of a title not on hand (bot/guides/matching.py).
        ends = Counter(phrase.rsplit(" ", 1)[1] for phrase in self.role_phrases if " " in phrase)
        self._title_ends = {word for word, count in ends.items() if count >= 2}
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
                if word not in self.aliases.seniority and not LEVEL_CODE_RE.match(word)
            )
            phrases.append(base or guide.role_title)
        for index, phrase in enumerate(phrases):
            # The title without its seniority answers as `base:`, below the role's own names.
            key = f"base:{guide.role_slug}" if title_levels and index == len(phrases) - 1 else own
            keys.add(key)
            self._add(self.role_phrases, phrase, key)
            for short in _short_role_names(phrase, self._normalized, self.aliases.seniority):  # normalized already
                if short not in self.role_phrases:
                    self._typed_only.add(short)
                self._add(self.role_phrases, short, key)
            for short in self.aliases.shortened(phrase):  # `ml infra eng` for a whole title
                self._add(self.role_phrases, short, key)
            family = family_of.get(self._normalized(phrase))
            if family:
                keys.add(f"family:{family}")
        if guide.role_slug in self.aliases.roles:
            keys.add(f"family:{guide.role_slug}")
        keys |= _families_within(self._normalized(guide.role_title).split(), family_of)
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

    def _unique_first_words(self) -> dict[str, str]:
        """`Kestrel Mobility` is also typed `kestrel`: a name's first word -> its slug, where it starts no other
        company's name and is no word of a role or region. Tried only for a word nothing else explains, so a
        typo of a full name (`acme flwo cloud`) is still read as that name."""
        firsts: dict[str, set[str]] = {}
        for slug, name in self.company_names.items():
            words = self._normalized(name).split()
            if len(words) > 1 and len(words[0]) >= 4:
                firsts.setdefault(words[0], set()).add(slug)
        taken = {word for phrase in (*self.role_phrases, *self.region_phrases) for word in phrase.split()}
        return {
            word: slugs.pop()
            for word, slugs in firsts.items()
            if len(slugs) == 1 and word not in taken and word not in self.company_phrases
        }

    def _started_name(self, text: str, unexplained: list[str]) -> tuple[str, str] | None:
        """(word, slug) when a word not understood starts one company's name (`kestrel pm berlin`) and the word
        typed after it is understood or names that company's roles (`koyal backend hyd`), so it does not carry
        on another name (`acme flzzqx`, a company's name mistyped, is no Acme)."""
        starting = [word for word in unexplained if word in self._first_words]
        if not starting:
            return None  # most unknown companies: no name typed needs looking at again
        words = self._normalized(text).split()
        for word in starting:
            slug = self._first_words[word]
            if word not in words:
                continue
            after = words[words.index(word) + 1 : words.index(word) + 2]
            own = {w for key in self.catalog.company_keys.get(slug, []) for w in self._role_words(key)}
            if not after or after[0] not in unexplained or after[0] in own:
                return word, slug
        return None

    def _role_words(self, key: str) -> set[str]:
        summary = self.catalog.summaries[key]
        return set(self._normalized(" ".join((summary.role_title, summary.role_slug, *summary.role_aliases))).split())

    def _left_out_companies(self) -> dict[str, str]:
        """Company folders on disk none of whose guides could be read (squashed slug ->
        folder name): asked for, they are said to be there but unreadable, not unknown."""
        left_out: dict[str, str] = {}
        on_hand = {re.sub(r"[^a-z0-9]+", "", slug): slug for slug in self.company_names}
        self.unreadable: dict[str, list[str]] = {}  # company slug -> its guide files that could not be read
        for problem in self.catalog.report.errors:
            path = Path(problem.file)
            squashed = re.sub(r"[^a-z0-9]+", "", path.parent.name.lower())
            if squashed and squashed not in on_hand:
                left_out[squashed] = path.parent.name
            elif squashed and path.name not in self.unreadable.setdefault(on_hand[squashed], []):
                self.unreadable[on_hand[squashed]].append(path.name)
        return left_out

    def _siblings(self, slug: str) -> list[str]:
        """Other company folders of the same name, or whose slug extends this one (`brex`, `brex-ai`).
        Found once per company (a pass over every company: ~150 µs with ~900 of them)."""
        found = self._siblings_of.get(slug)
        if found is None:
            name = self.company_names.get(slug)
            found = self._siblings_of[slug] = [
                other
                for other, other_name in self.company_names.items()
                if other != slug
                and (other_name == name or other.startswith(f"{slug}-") or slug.startswith(f"{other}-"))
            ]
        return found

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

    # --- narrowing -----------------------------------------------------------------------------

    def resolve(self, text: str) -> Resolution:
        text = (text or "")[: MAX_QUERY_CHARS * 4]
        shown = text.strip()[:MAX_QUERY_CHARS]
        if normalize(text) in ("", "help", "usage", "h"):
            return Resolution("help", shown)
        match = self._company_match(text[:MAX_QUERY_CHARS])
        unknown = " ".join(match.leftover)

        if match.other_company:
            return self._company_unknown(shown, match, match.other_company)
        if match.companies is None:
            # The company asked for is in the words nothing else explains (`openai`, not the `remote` after it).
            unexplained = [
                word for word in match.leftover if word not in self.region_phrases and word not in self.company_phrases
            ]
            started = self._started_name(text, unexplained)
            if started:
                word, slug = started
                resolution = self.resolve(re.sub(rf"(?i)\b{re.escape(word)}\b", slug, text, count=1))
                resolution.query = shown  # what was typed, not the name put in its place
                resolution.corrections.insert(0, (word, self.company_names[slug]))  # said on the first line
                return resolution
            return self._company_unknown(shown, match, " ".join(unexplained) or unknown)
        slugs = sorted(match.companies)
        if len(slugs) > 1:
            typed = match.typed.get("companies", "").replace(" ", "")
            named = [slug for slug in slugs if slug.replace("-", "") == typed]
            slugs = named or slugs
        if len(slugs) == 1:
            within = self._within(shown, self.catalog.company_keys.get(slugs[0], []), match, unknown)
            if within.kind in ("role_unknown", "level_unknown"):
                within.unreadable = self.unreadable.get(slugs[0], [])
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

    def _within(self, shown: str, keys: list[str], match: Match, unknown: str) -> Resolution:
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
            role_keys = self.role_keys
            chosen = [key for key in keys if not role_keys[key].isdisjoint(roles)]
            if not chosen and match.alt_roles:
                chosen = [key for key in keys if not role_keys[key].isdisjoint(match.alt_roles)]
                roles = match.alt_roles if chosen else roles
            if not chosen and match.seniority:
                # `staff engineer` where the company has a Staff Software Engineer: the seniority
                # word and the role word after it, each read on its own (the seniority decides below).
                generic = self._without_seniority(match.typed.get("roles", ""))
                chosen = [key for key in keys if generic and self.role_keys[key] & generic]
                roles = generic if chosen else roles
            if not chosen:
                return Resolution(
                    "role_unknown",
                    shown,
                    guides=self._guides(keys),
                    corrections=match.corrections,
                    unknown=match.typed.get("roles", unknown),
                    asked_level=match.seniority_typed,
                )
        elif match.seniority and unknown:
            # No role word, a seniority and a word not understood (`chief of staff`): that word
            # is the role asked, which this company has no guide for; never a guide picked by `staff`.
            return Resolution("role_unknown", shown, guides=self._guides(keys), **context)
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
            if level is None and len(chosen) == 1 and match.seniority_outside:
                # The title took its own seniority (`Staff Engineer`, `QA Engineer (Senior)`); a
                # seniority typed besides (`staff engineer staff`, `l3`) is one of its level rows.
                level = self._row_named(chosen[0], match.seniority_outside)
        elif roles is not None:
            chosen = self._named_roles(chosen, roles) if len(chosen) > 1 else chosen
            plain = [key for key in chosen if not self.title_levels[key]]
            if plain:
                chosen = plain
            elif len(chosen) == 1:
                instead_of = match.typed.get("roles", "")
        if len(chosen) > 1 or (roles is None and match.regions is None and not match.seniority):
            return Resolution("roles", shown, guides=self._guides(chosen), **context)
        key = chosen[0]
        guide = self.catalog.by_key[key]
        candidates = list(guide.regions) if level is None else [r for r in guide.regions if self._has_level(r, level)]
        context.update(guide=guide, level=level, instead_of=instead_of, namesakes=self._namesakes(guide.company.slug))
        if match.regions is None:
            candidates = self._in_currency(candidates, match, context)
            if len(candidates) == 1:
                return Resolution("band", shown, region=candidates[0], **context)
            return Resolution("regions", shown, regions=candidates, **context)
        # The region first, then the currency within it: `amsterdam (usd)` is the Amsterdam
        # band in its own currency, said so, never a dollar band of another region.
        named = self._regions_for(guide, match.regions, key)
        if level is not None:
            held = {id(r) for r in named}
            named = [r for r in candidates if id(r) in held]
        regions = self._in_currency(named, match, context)
        if not regions:
            context["unknown"] = match.typed.get("regions", unknown)
            context["no_headquarters"] = HEADQUARTERS in match.regions
            return Resolution("region_unknown", shown, regions=self._in_currency(candidates, match, context), **context)
        if len(regions) > 1:
            return Resolution("regions", shown, regions=regions, **context)
        return Resolution("band", shown, region=regions[0], **context)

    @staticmethod
    def _in_currency(regions: list[RegionBand], match: Match, context: dict) -> list[RegionBand]:
        """The regions in a currency the query names; all of them, with the currency said
        missing, when none is in it."""
        if not match.currencies or not regions:
            return regions
        in_currency = [r for r in regions if r.currency in match.currencies]
        if in_currency:
            return in_currency
        context["currency_missing"] = "/".join(sorted(match.currencies))
        return regions

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
            for label, tokens in self._level_rows(key) if needed else ():
                if needed <= tokens and (best is None or len(tokens) < best[0]):
                    best = (len(tokens), key, label)
        if best is None:
            return [], None
        return [best[1]], best[2]

    def _without_seniority(self, typed: str) -> set[str] | None:
        """The role phrase typed without its leading seniority words (`staff eng` -> `eng`)."""
        words = normalize(typed).split()
        while words and words[0] in self.aliases.seniority:
            words = words[1:]
        rest = " ".join(words)
        return self.role_phrases.get(rest) if rest and rest != normalize(typed) else None

    def _row_named(self, key: str, asked: frozenset[str]) -> str | None:
        """The level row of a guide holding every seniority word or code asked (the one
        with fewest other words), or None when no row does or the guide has none."""
        best: tuple[int, str] | None = None
        for label, tokens in self._level_rows(key):
            if asked <= tokens and (best is None or len(tokens) < best[0]):
                best = (len(tokens), label)
        return best and best[1]

    def _level_rows(self, key: str) -> tuple[tuple[str, frozenset[str]], ...]:
        """A catalog guide's level rows (`level_labels`) with their seniority words and codes,
        found once per guide: level queries come back to the same few guides."""
        rows = self._rows_of.get(key)
        if rows is None:
            labels = level_labels(self.catalog.by_key[key])
            rows = self._rows_of[key] = tuple((label, self.aliases.level_tokens(label)) for label in labels)
        return rows

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

    def _namesakes(self, slug: str) -> list[str]:
        """The other folders of a company's name (`brex` for `brex-ai`), found once per company."""
        found = self._namesakes_of.get(slug)
        if found is None:
            named = self._folders_named.get(self.company_names.get(slug), [])
            found = self._namesakes_of[slug] = tuple(other for other in named if other != slug)
        return list(found)  # the answer's own list

    def _regions_for(self, guide: Guide, keys: set[str], guide_key: str | None = None) -> list[RegionBand]:
        """The guide's regions the matched region phrases name: those a `name:` key (or `hq`)
        names, else those of a `group:` key, in the guide's order. Read from each catalog
        guide's index of its regions by key (`_region_places`), built once per guide."""
        places = self._region_places(guide, guide_key or guide.key)
        if places is None:  # a guide from outside the catalog
            return self._regions_named(guide, keys)
        for index in places:
            found = [position for key in keys for position in index.get(key, ())]
            if found:
                regions = guide.regions
                return [regions[position] for position in sorted(set(found))]
        return []

    def _region_places(self, guide: Guide, key: str) -> tuple[dict[str, list[int]], dict[str, list[int]]] | None:
        """({`name:` key or `headquarters` -> the positions of the regions it names}, {`group:`
        key -> the positions of that group's regions}) of a catalog guide; None for a guide
        whose regions are not the ones the catalog's tables were built from."""
        known = self.region_names.get(key)
        if known is None or len(known) != len(guide.regions):
            return None
        places = self._places.get(key)
        if places is None:
            by_name: dict[str, list[int]] = {}
            by_group: dict[str, list[int]] = {}
            for position, (names, group) in enumerate(zip(known, self.region_groups[key], strict=True)):
                for name in names:
                    by_name.setdefault(f"name:{name}", []).append(position)
                    if name == HQ_NAME:
                        by_name.setdefault(HEADQUARTERS, []).append(position)  # the guide's own HQ region
                if group is not None:
                    by_group.setdefault(f"group:{group}", []).append(position)
            places = self._places[key] = (by_name, by_group)
        return places

    def _regions_named(self, guide: Guide, keys: set[str]) -> list[RegionBand]:
        """`_regions_for` of a guide from outside the catalog: its names normalized now."""
        names = {key.split(":", 1)[1] for key in keys if key.startswith("name:")}
        known = [{normalize(p) for p in (r.name, *r.aliases)} for r in guide.regions]
        groups_of = [self.region_group(r) for r in guide.regions]
        if HEADQUARTERS in keys:
            names.add(HQ_NAME)  # the guide's own HQ region, whatever city it is in
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

    def _company_unknown(self, shown: str, match: Match, unknown: str) -> Resolution:
        suggestions: list[str] = []
        if unknown:
            # Against the normalized names (what `unknown` is made of), shown as written.
            found = self._remember(
                ("suggest", unknown),
                lambda: process().extract(
                    unknown,
                    self._suggestion_choices,
                    scorer=fuzz().WRatio,
                    processor=None,
                    limit=SUGGESTIONS,
                    score_cutoff=SUGGEST_CUTOFF,
                ),
            )
            suggestions = [self._suggestion_names[index] for _, _, index in found]
        if not suggestions and match.roles is not None:
            # A role without a company: the companies that have that role.
            with_role = set().union(*(self.companies_with_role.get(role, set()) for role in match.roles))
            suggestions = sorted(with_role)[:SUGGESTIONS]
        squashed = _NOT_ALNUM_RE.sub("", unknown)
        return Resolution(
            "company_unknown",
            shown,
            suggestions=suggestions,
            unknown=unknown,
            corrections=match.corrections,
            left_out=self.left_out.get(squashed, ""),
        )
