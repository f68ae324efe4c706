"""Phrase matching: a query's words -> the companies, roles and regions they name.

Phrases are matched exactly first, longest first (a whole title before the generic words
inside it), against the tables `Resolver` builds from the catalog; then what is left is
matched as typos with rapidfuzz. The rules here keep a word from being read as the wrong
part of the query: a company named like a region word (*Remote*) is the company only when
nothing else can be; everyday words that are short aliases (`de`, `la`) come last; a
short name beside an unknown word, or a role word that ends a company name (`Scale AI`),
is left for the longer reading. `bot/guides/resolve.py` turns the match into an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, compress, filterfalse
from operator import itemgetter, not_

from bot.guides.money import is_known_currency
from bot.guides.words import CURRENCY_CODES, LEVEL_CODE_RE, WORD_GRADE_RE, grade, normalize


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


MAX_SPAN = 6  # words in the longest phrase tried: `machine learning infrastructure engineer` fits
# Below these scores a fuzzy match is a guess, not a typo.
COMPANY_CUTOFF = 80
ROLE_CUTOFF = 82
REGION_CUTOFF = 82
TITLE_CUTOFF = 85  # a generic role word with an unknown word beside it, read as one mistyped title
_CAPITALS_RE = re.compile(r"\b[A-Z]{3}\b")
_MISSING = object()
_first = itemgetter(0)
_CATEGORIES = ("companies", "roles", "regions")
_GRADE_DIGITS = frozenset("1234")  # what `grade` reads as `i`..`iv` after a title word
_TOKEN_RE = re.compile(r"\"([^\"]+)\"|“([^”]+)”|'([^']+)'|(\S+)")
# Fuzzy look-ups remembered per resolver, and facts about typed words, at most this many each:
# the same names, short forms and typos come back all day, while each fuzzy look-up is a pass
# over hundreds of names (cProfile over bench/_traffic.py's distinct queries: a third of resolving).
REMEMBERED = 4096


@dataclass
class Match:
    companies: set[str] | None = None
    roles: set[str] | None = None
    regions: set[str] | None = None
    corrections: list[tuple[str, str]] = field(default_factory=list)
    leftover: list[str] = field(default_factory=list)
    typed: dict[str, str] = field(default_factory=dict)  # category -> the words that matched
    seniority: frozenset[str] = frozenset()
    seniority_typed: str = ""
    # Seniority typed outside the role's words (`staff` after `staff engineer`): a level row's, not the title's.
    seniority_outside: frozenset[str] = frozenset()
    currencies: set[str] = field(default_factory=set)
    weak: list[tuple[int, int, set[str]]] = field(default_factory=list)  # company phrases also role/region words
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # category -> the units it took
    alt_roles: set[str] | None = None  # the role read with the company name's last word (`ai` + `engineer`)
    # A short name with a word after it that nothing explains (`fernbit bank`): another company, not on hand.
    other_company: str = ""


def _most_units_first(span: tuple[int, int, str]) -> tuple[int, int]:
    return span[0] - span[1], span[0]


class Remembered(dict):
    """`compute(key)` for each key looked up, kept: facts about typed words (the same few
    hundred come back all day) that the tables decide, so they stay right as long as the
    resolver lives. A hit is one dict look-up, no call and no LRU upkeep; emptied when
    `REMEMBERED` are kept. Each dict operation is atomic under the GIL: no lock needed."""

    def __init__(self, compute: Callable[[object], object]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, key: object) -> object:
        value = self._compute(key)
        if len(self) >= REMEMBERED:
            self.clear()
        self[key] = value
        return value


class PhraseMatcher:
    """The matching half of `Resolver` (which builds the tables it reads: `company_phrases`,
    `role_phrases`, `region_phrases`, `aliases`, `_short_names`, the fuzzy vocabularies)."""

    def _remember(self, key: tuple, compute: Callable[[], object]) -> object:
        """`compute()`, kept under `key` per resolver (its tables never change once built, so
        a result stays right as long as the resolver lives). Emptied when `REMEMBERED` entries
        are kept: rarer and cheaper than an LRU's upkeep on every look-up. Each dict operation
        is atomic under the GIL, so threads need no lock (two computing one key store equals)."""
        memo = self.__dict__.get("_memo")
        if memo is None:
            memo = self.__dict__.setdefault("_memo", {})
        value = memo.get(key, _MISSING)
        if value is _MISSING:
            value = compute()
            if len(memo) >= REMEMBERED:
                memo.clear()
            memo[key] = value
        return value

    def _closest(self, candidate: str, choices: str, scorer: str, cutoff: float):
        """rapidfuzz's `extractOne` of `candidate` over the vocabulary named `choices`, remembered."""

        def compute():
            scoring = {"ratio": fuzz().ratio, "osa": osa_similarity()}[scorer]
            return process().extractOne(candidate, getattr(self, choices), scorer=scoring, score_cutoff=cutoff)

        return self._remember(("closest", candidate, choices, scorer, cutoff), compute)

    def _units(self, text: str) -> list[tuple[str, bool]]:
        """(normalized words, quoted?) in order; a quoted phrase is one unit."""
        token_units = self._token_units
        if not ('"' in text or "“" in text or "'" in text):
            # Nothing quoted: the tokens are `\S+`, which is what `str.split` splits at.
            return list(chain.from_iterable(map(token_units.__getitem__, text.split())))
        units = []
        for match in _TOKEN_RE.finditer(text):
            quoted = match[1] or match[2] or match[3]
            if quoted is not None:
                phrase = normalize(quoted)
                if phrase:
                    units.append((phrase, True))
            else:
                units += token_units[match[4]]
        return units

    def _units_of_token(self, token: str) -> tuple[tuple[str, bool], ...]:
        """The unquoted units of one typed token (`SDE2,` -> `sde`, `2`): remembered per token
        (`_token_units`), as the same few hundred words make up a team's queries."""
        units = []
        for word in normalize(token).split():
            if word[-1] in "+1234":  # what `_word_parts` may split; any other word is one part
                units.extend((part, False) for part in self._word_parts(word))
            else:
                units.append((word, False))
        return tuple(units)

    def _word_parts(self, word: str) -> list[str]:
        """`staff+` is staff; `sde2` is `sde 2` when `sde` is a role word."""
        if word.endswith("+") and word.rstrip("+") in self.aliases.seniority:
            return [word.rstrip("+")]
        glued = word[-1] in "1234" and WORD_GRADE_RE.match(word)
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

    def _match(self, text: str, company_span: tuple[int, int, set[str]] | None = None) -> Match:
        units = self._units(text)
        result = Match()
        used = [False] * len(units)
        if company_span is not None:
            start, end, keys = company_span
            result.companies = set(keys)
            result.typed["companies"] = " ".join(word for word, _ in units[start:end])
            used[start:end] = [True] * (end - start)
        spans = self._ordered_spans(text, units)
        role_hits: list[tuple[int, int, set[str]]] = []
        common: list[tuple[int, int]] = []
        everyday = self.aliases.common
        for start, end, phrase in spans:
            if used[start] if end - start == 1 else any(used[start:end]):
                continue
            if end - start == 1 and phrase in everyday and not units[start][1]:
                common.append((start, end))  # an everyday word: only if nothing else fills its part
                continue
            self._take(result, used, start, end, phrase, role_hits)
        for start, end in common:
            if not any(used[start:end]):
                self._take(result, used, start, end, units[start][0], role_hits)
        if any(map(self._unknown_word, compress(map(_first, units), map(not_, used)))):
            self._beside_unknown_words(units, used, result, role_hits)
        self._role_with_name_end(units, result)
        self._levels_and_currencies(units, used, result, text)
        leftover = list(compress(map(_first, units), map(not_, used)))
        result.leftover = list(filterfalse(self.aliases.noise.__contains__, leftover))
        self._fuzzy(result, leftover)
        self._short_name_with_other_ending(units, used, result)
        return result

    def _beside_unknown_words(self, units, used, result: Match, role_hits) -> None:
        """The readings that a word not understood next to a phrase changes. Each changes
        nothing unless such a word is among the units not taken, so `_match` skips them all
        when none is (six of ten team queries)."""
        self._short_name_beside_unknown(units, used, result)
        if result.companies is None and len(role_hits) > 1:
            self._company_word_as_role(units, used, result, role_hits)
        if result.companies is None:
            self._name_end_in_role(units, used, result)
        self._mistyped_title(units, used, result)
        self._longer_title(units, used, result)
        self._qualified_generic_role(units, used, result)

    def _ordered_spans(self, text: str, units: list[tuple[str, bool]]) -> list[tuple[int, int, str]]:
        """`_possible_spans`, most words first (a quoted phrase counts its words), so `data
        analyst` is a role before the `ai` of a mistyped `ApexVualt AI` can be; then in order."""
        if not ('"' in text or "“" in text or "'" in text):
            # Nothing quoted (most queries): each unit is one word, so a span's words are its units.
            spans = self._possible_spans(units, [0] * (len(units) + 1))
            spans.sort(key=_most_units_first)
            return spans
        # Words and quoted units before each position, counted once (not again for every span).
        words_before, quoted_before = [0], [0]
        for word, quoted in units:
            words_before.append(words_before[-1] + word.count(" ") + 1)
            quoted_before.append(quoted_before[-1] + quoted)
        return sorted(
            self._possible_spans(units, quoted_before),
            key=lambda span: (words_before[span[0]] - words_before[span[1]], span[0]),
        )

    def _index_phrases(self) -> None:
        """What `_possible_spans` reads, built once the phrase tables are: every phrase of the
        three tables, the words that begin each longer phrase (`machine`, `machine learning`
        for `machine learning engineer`), and the beginnings of phrases without spaces
        (`cloudf` for `cloudforge`, typed `cloud forge`)."""
        tables = (self.company_phrases, self.role_phrases, self.region_phrases)
        self._phrases = frozenset().union(*tables)
        word_starts, glued_starts = set(), set()
        for phrase in self._phrases:
            words = phrase.split(" ")
            word_starts.update(" ".join(words[:end]) for end in range(1, len(words)))
            if len(words) == 1:
                glued_starts.update(phrase[:end] for end in range(1, len(phrase)))
        self._word_starts = frozenset(word_starts)
        # First words of the seniority phrases of several words (`tech` of `tech lead`).
        self._seniority_starts = frozenset(phrase.split(" ")[0] for phrase in self.aliases.seniority if " " in phrase)
        self._glued_starts = frozenset(glued_starts)
        # Facts about one typed token or phrase, found once per resolver (its tables never change).
        self._token_units = Remembered(self._units_of_token)
        self._phrase_keys = Remembered(self._keys_of_phrase)
        self._level_or_currency = Remembered(self._may_be_level_or_currency)
        self._span_facts = Remembered(self._unit_span_facts)
        self._extended = Remembered(lambda pair: self._extend(*pair))
        self._unknown_word = Remembered(self._is_unknown_word).__getitem__  # called as a function

    def _possible_spans(self, units: list[tuple[str, bool]], quoted_before: list[int]) -> list[tuple[int, int, str]]:
        """The spans of units `_take` may find in a table: a span it cannot changes nothing,
        so only these are tried: a unit, or several words (never a quoted unit among them),
        that is a phrase as it is, with its words run together or without a final `s`. Longer
        spans from a word are looked at while the words so far begin a phrase, as words or run
        together. (Trying every span up to `MAX_SPAN` words was a third of resolving a query.)
        Each span comes with its phrase."""
        spans = []
        count = len(units)
        span_facts, extended = self._span_facts, self._extended
        for start, (phrase, quoted) in enumerate(units):
            alone, begins = span_facts[phrase]
            if alone:
                spans.append((start, start + 1, phrase))
            if quoted or not begins:
                continue  # a quoted unit is a span alone; no longer phrase begins with this word
            words = phrase
            for end in range(start + 2, min(start + MAX_SPAN, count) + 1):
                if quoted_before[end] != quoted_before[start]:
                    break  # a quoted unit is a span alone
                words, is_span, begins = extended[words, units[end - 1][0]]
                if is_span:
                    spans.append((start, end, words))
                if not begins:
                    break  # no phrase begins so, nor any longer one
        return spans

    def _unit_span_facts(self, phrase: str) -> tuple[bool, bool]:
        """(the unit alone is a span `_take` may find, a longer phrase may begin with it):
        what `_possible_spans` asks of each unit, remembered per unit (`_span_facts`)."""
        alone = (
            phrase in self._phrases
            or (" " in phrase and phrase.replace(" ", "") in self._phrases)
            or (phrase.endswith("s") and phrase[:-1] in self.role_phrases)
        )
        return alone, phrase in self._word_starts or phrase in self._glued_starts

    def _extend(self, words: str, last: str) -> tuple[str, bool, bool]:
        """(the words with the next one, a span `_take` may find, a longer phrase may begin
        so), as words or run together: each is a word (not a quoted unit), so the run-together
        form is the words without their spaces. Remembered per pair (`_extended`)."""
        words = f"{words} {last}"
        glued = words.replace(" ", "")
        phrases = self._phrases
        is_span = words in phrases or glued in phrases or (words.endswith("s") and words[:-1] in self.role_phrases)
        return words, is_span, words in self._word_starts or glued in self._glued_starts

    def _short_name_with_other_ending(self, units, used, result: Match) -> None:
        """`FernBit Bank` where only FernBit Technologies is on hand: a short name followed
        by a word nothing explains (not even as a typo of a role or region) names another
        company; never FernBit Technologies' band with `bank` left out."""
        span = result.spans.get("companies")
        if span is None or result.typed.get("companies") not in self._short_names or span[1] >= len(units):
            return
        if not result.roles:
            return  # with no role read, the word may be the role asked (`kepler-net nurse remote`)
        word, quoted = units[span[1]]
        if used[span[1]] or quoted or word not in result.leftover or not word.isalpha() or len(word) < 3:
            return
        if is_known_currency(word.upper()) or any(word == typed for typed, _ in result.corrections):
            return
        for vocabulary in ("_role_choices", "_region_choices"):
            if self._closest(word, vocabulary, "ratio", 70) is not None:
                return  # a role or a region mistyped, not another name
        if process().extractOne(word, sorted(self.aliases.company_suffixes), scorer=fuzz().ratio, score_cutoff=70):
            return  # the name's own ending (`ystems`) mistyped
        result.other_company = f"{result.typed['companies']} {word}"

    def _keys_of_phrase(self, phrase: str) -> tuple[tuple[str, set[str], bool], ...]:
        """(table name, keys, a weak company?) of each table that holds the phrase as typed,
        run together or without its plural `s`: what `_take` reads, found once per phrase
        (`_phrase_keys`)."""
        squashed = phrase.replace(" ", "")
        # `cloud forge` is `cloudforge`; but `s de` (from `prismbyte's de`) is not `sde`.
        glued = len(squashed) > 3 and " " in phrase and all(len(word) > 1 for word in phrase.split())
        plural = len(phrase) > 3 or (len(phrase) == 3 and phrase not in self.aliases.common)  # `pms`, not `des`
        found = []
        for name, table in (
            ("companies", self.company_phrases),
            ("roles", self.role_phrases),
            ("regions", self.region_phrases),
        ):
            keys = table.get(phrase) or (table.get(squashed) if glued else None)
            if not keys and name == "roles" and phrase.endswith("s") and plural:
                keys = table.get(phrase[:-1])  # `engineers`, `data scientists`, `swes`
            if keys:
                found.append((name, keys, name == "companies" and self._weak_company(phrase)))
        return tuple(found)

    def _take(self, result: Match, used, start: int, end: int, phrase: str, role_hits) -> None:
        for name, keys, weak in self._phrase_keys[phrase]:
            if name == "roles":
                role_hits.append((start, end, keys))
            if name == "regions" and result.regions is not None:
                # A second region (`bay area remote`): both are asked for, side by side.
                result.regions |= keys
                result.typed[name] += f" {phrase}"
                used[start:end] = [True] * (end - start)
                return
            if name == "companies" and result.companies is not None and keys <= result.companies and not weak:
                used[start:end] = [True] * (end - start)  # the same company named twice (`alphabet google`)
                return
            if getattr(result, name) is not None:
                continue
            if weak:
                result.weak.append((start, end, set(keys)))
                continue
            setattr(result, name, set(keys))
            result.typed[name] = phrase
            result.spans[name] = (start, end)
            used[start:end] = [True] * (end - start)
            return

    def _company_word_as_role(self, units, used, result: Match, role_hits) -> None:
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

    def _short_name_beside_unknown(self, units, used, result: Match) -> None:
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
            and self._a_typed_name(f"{units[before][0]} {result.typed['companies']}")
        ):
            result.companies = None
            del result.typed["companies"], result.spans["companies"]
            used[start:end] = [False] * (end - start)

    def _a_typed_name(self, words: str) -> bool:
        """The words are close to a company's full name (`radint scale` for Radiant Scale):
        a greeting or a stray word before a short name (`hey cloudforge`) is not."""
        return bool(self._closest(words, "_company_choices", "osa", 0.7))

    def _role_with_name_end(self, units, result: Match) -> None:
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

    def _name_end_in_role(self, units, used, result: Match) -> None:
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

    def _mistyped_title(self, units, used, result: Match) -> None:
        """A generic role word next to an unknown word is most often a title mistyped
        (`Secruity Engineer`, `Developer Advcate`): the words together, matched as a typo,
        win over the generic word alone when they are close to a title."""
        span = result.spans.get("roles")
        if span is None or span[1] - span[0] != 1 or " " in units[span[0]][0]:
            return  # only a single generic word (`engineer`, `manager`) can be the end of a mistyped title
        start, end = span
        if not (self._free_unknown(units, used, start - 1) or self._free_unknown(units, used, end)):
            return  # every reading below takes the word before or the word after
        best = None
        for before, after in ((2, 0), (1, 0), (0, 1), (0, 2), (1, 1)):
            first, last = start - before, end + after
            if first < 0 or last > len(units):
                continue
            extra = [*range(first, start), *range(end, last)]
            if any(used[i] or units[i][1] or not self._unknown_word(units[i][0]) for i in extra):
                continue
            candidate = " ".join(word for word, _ in units[first:last])
            found = self._closest(candidate, "_role_choices", "ratio", TITLE_CUTOFF)
            same_length = found is not None and len(found[0].split()) == last - first
            if same_length and (best is None or found[1] > best[1]):
                best = (found[0], found[1], first, last, candidate)
        if best is not None:
            phrase, _score, first, last, candidate = best
            result.roles = set(self.role_phrases[phrase])
            result.typed["roles"] = candidate
            result.spans["roles"] = (first, last)
            used[first:last] = [True] * (last - first)
            result.corrections.append((candidate, self._spaced.get(phrase, phrase)))

    def _free_unknown(self, units, used, index: int) -> bool:
        """The unit at `index` is there, not taken, not quoted, and a word not understood."""
        if not 0 <= index < len(units) or used[index]:
            return False
        word, quoted = units[index]
        return not quoted and self._unknown_word(word)

    def _longer_title(self, units, used, result: Match) -> None:
        """`product marketing manager`: a role word followed by words not understood and
        then another role word is a longer title, one not on hand; never the role that
        its first word alone names (`product`)."""
        span = result.spans.get("roles")
        if span is None or any(typed == result.typed.get("roles") for typed, _ in result.corrections):
            return  # a title read as mistyped already spans its words
        start, end = span
        last = end
        while (
            last < len(units)
            and last - start < MAX_SPAN
            and not used[last]
            and not units[last][1]
            and (self._unknown_word(units[last][0]) or units[last][0] in self.role_phrases)
        ):
            last += 1
        while last > end and units[last - 1][0] not in self.role_phrases:
            last -= 1  # the title ends in a role word (`manager`, `engineer`)
        if last == end or not any(self._unknown_word(word) for word, _ in units[end:last]):
            return
        result.roles = set()
        result.typed["roles"] = " ".join(word for word, _ in units[start:last])
        result.spans["roles"] = (start, last)
        used[start:last] = [True] * (last - start)

    def _qualified_generic_role(self, units, used, result: Match) -> None:
        """`firmware engineer`, `network engineer`: a word not understood right before a
        lone generic role word, after the company named, qualifies it into a title not on
        hand; never the company's guide that `engineer` alone would reach. A word close to
        a title (a typo the fuzzy pass reads) is left alone."""
        span, company = result.spans.get("roles"), result.spans.get("companies")
        if span is None or company is None or span[1] - span[0] != 1 or units[span[0]][0] not in self._title_ends:
            return
        if any(typed == result.typed.get("roles") for typed, _ in result.corrections):
            return
        start, end = span
        before = start - 1
        if before < company[1] or used[before] or units[before][1]:
            return
        word = units[before][0]
        if not (word.isalpha() and len(word) >= 3 and self._unknown_word(word)) or is_known_currency(word.upper()):
            return
        candidate = f"{word} {units[start][0]}"
        close = self._closest(candidate, "_role_choices", "ratio", TITLE_CUTOFF)
        if close is not None:
            return  # a mistyped title (`sofware engineer`): the typo pass reads it
        result.roles = set()
        result.typed["roles"] = candidate
        result.spans["roles"] = (before, end)
        used[before] = True

    def _is_unknown_word(self, word: str) -> bool:
        """No table, seniority or noise word: what `_unknown_word` remembers per word."""
        return not (
            word in self.aliases.noise
            or word in self.aliases.seniority
            or word in self.role_phrases
            or word in self.region_phrases
            or word in self.company_phrases
        )

    def _may_be_level_or_currency(self, phrase: str) -> bool:
        """Whether `_levels_and_currencies` could read anything in this unit: a seniority word
        or the first of a pair, a level code or grade digit, a common currency code (a phrase
        of several words is always looked at; three capitals in the text, too). Remembered per
        unit (`_level_or_currency`)."""
        return (
            " " in phrase
            or phrase in self.aliases.seniority
            or phrase in self._seniority_starts
            or bool(LEVEL_CODE_RE.match(phrase))
            or phrase in _GRADE_DIGITS
            or phrase in CURRENCY_CODES
        )

    def _levels_and_currencies(self, units, used, result: Match, text: str = "") -> None:
        """Seniority and level words anywhere but in the company's name (`senior` in a
        whole title `Senior Software Engineer` counts too); currency codes left over.
        Most queries have none of these words: then nothing is read (the `Match`'s defaults)."""
        level_or_currency = self._level_or_currency.__getitem__
        if not any(map(level_or_currency, map(_first, units))) and not _CAPITALS_RE.search(text):
            return
        # Three capitals (`UYU`, `(IDR)`) may be any ISO currency; lower case only the common ones.
        codes = {word.lower() for word in _CAPITALS_RE.findall(text)}
        company_words = set()
        words: list[tuple[str, bool]] = []
        for (phrase, _quoted), taken in zip(units, used, strict=True):
            for word in phrase.split():
                words.append((word, taken))
        if "companies" in result.typed:
            company_words = set(result.typed["companies"].split())
        typed = []
        levels, outside = set(), set()
        seniority, pair_starts = self.aliases.seniority, self._seniority_starts
        index = 0
        while index < len(words):
            word, taken = words[index]
            if not level_or_currency(word):
                index += 1  # nothing below reads this word
                continue
            # (Only a word that begins a two-word seniority phrase can begin one; only a word of
            # at most four letters can be a level code or grade: the look-ups skipped are misses.)
            pair = f"{word} {words[index + 1][0]}" if word in pair_starts and index + 1 < len(words) else ""
            if pair and pair in seniority and not (set(pair.split()) & company_words):
                levels.add(seniority[pair])
                if not (taken or words[index + 1][1]):
                    outside.add(seniority[pair])
                typed.append(pair)
                index += 2
                continue
            code = grade(word, index > 0 and words[index - 1][0] in self.role_phrases) if len(word) <= 4 else None
            if word not in company_words and (word in seniority or code):
                levels.add(self.aliases.seniority.get(word) or code)
                if not taken:
                    outside.add(self.aliases.seniority.get(word) or code)
                typed.append(word)
            index += 1
        result.seniority = frozenset(levels)
        result.seniority_outside = frozenset(outside)
        result.seniority_typed = " ".join(typed)
        # Mark single-word units that were seniority or currency words as explained.
        for position, (phrase, _quoted) in enumerate(units):
            if used[position] or not (level_or_currency(phrase) or phrase in codes):
                continue  # nothing below reads this unit
            if phrase in seniority or (
                len(phrase) <= 4
                and grade(phrase, position > 0 and units[position - 1][0].split()[-1] in self.role_phrases)
            ):
                used[position] = True
            elif phrase in CURRENCY_CODES or (phrase in codes and is_known_currency(phrase)):
                result.currencies.add(phrase.upper())
                used[position] = True
            elif (
                position + 1 < len(units)
                and phrase.split(" ", 1)[0] in pair_starts
                and f"{phrase} {units[position + 1][0]}" in seniority
            ):
                used[position] = used[position + 1] = True

    def _fuzzy(self, result: Match, with_noise: list[str] | None = None) -> None:
        """Typos: the leftover words together (with the noise words too, for a name such
        as `Helio Pay.io` whose `pay` is noise elsewhere), then each word, against the
        categories still open. Choices are normalized already, so no processor runs."""
        if not result.leftover:
            return  # noise words alone (`for`, `in`) are never read as a typo: nothing to try
        noise = self.aliases.noise
        remaining = list(result.leftover)
        for run, noisy in self._typo_runs(remaining, with_noise or [], noise):
            content = [word for word in run if word not in noise] if noisy else run
            candidate = " ".join(run)
            if not content or any(word not in remaining for word in content) or len(candidate.replace(" ", "")) < 4:
                continue
            open_names = [name for name in _CATEGORIES if getattr(result, name) is None]
            if open_names and open_names[0] == "companies" and not any(map(self._unknown_word, content)):
                del open_names[0]  # role and region words left over are not a company's name mistyped
            open_names = tuple(open_names)
            best = self._remember(("typo", candidate, open_names), partial(self._typo_of, candidate, open_names))
            if best:
                name, table, phrase = best
                setattr(result, name, set(table[phrase]))
                result.typed[name] = candidate
                result.corrections.append((candidate, self._spaced.get(phrase, phrase)))
                for word in content:
                    if word in remaining:
                        remaining.remove(word)
        result.leftover = remaining

    @staticmethod
    def _typo_runs(remaining: list[str], with_noise: list[str], noise: frozenset[str]) -> list[tuple[list[str], bool]]:
        """The runs of words `_fuzzy` tries, in order, each with whether its noise words are
        left out of what it explains: the words with the noise inside them, the leftover words
        together, neighbouring pairs, a word with the noise word after it, then each word."""
        runs: list[tuple[list[str], bool]] = []
        # Noise inside a name counts (`Helio Pay.io`), noise around it does not (`job at ... based in`).
        first, last = 0, len(with_noise)
        while first < last and with_noise[first] in noise:
            first += 1
        while last > first and with_noise[last - 1] in noise:
            last -= 1
        inside = with_noise[first:last]
        if len(inside) > max(1, len(remaining)):
            runs.append((inside, True))
        if len(remaining) > 1:
            runs.append((list(remaining), False))
        if len(remaining) > 2:
            # Neighbouring pairs before single words: `hong okng` is one region mistyped.
            runs += [(remaining[i : i + 2], False) for i in range(len(remaining) - 1)]
        # A word and the noise word after it, which may end a phrase (`remotee usa` is `remote usa`).
        for i in range(len(with_noise) - 1):
            word, after = with_noise[i], with_noise[i + 1]
            if after in noise and word in remaining and word not in noise:
                runs.append(([word, after], after not in remaining))
        runs += [([word], False) for word in remaining]
        return runs

    def _typo_of(self, candidate: str, open_names: tuple[str, ...]) -> tuple[str, dict, str] | None:
        """(category, its table, phrase) of the closest phrase to `candidate` in the categories
        named, or None: one look-up `_fuzzy` remembers per candidate and open categories."""
        choices = {
            "companies": (self.company_phrases, "_company_choices", COMPANY_CUTOFF),
            "roles": (self.role_phrases, "_role_choices", ROLE_CUTOFF),
            "regions": (self.region_phrases, "_region_choices", REGION_CUTOFF),
        }
        best = None
        for name in open_names:
            table, vocabulary, cutoff = choices[name]
            if name != "roles":
                # A swapped pair of letters is one edit (OSA), not two: `stoneodck` is StoneDock, not StoneDeck.
                found = self._closest(candidate, vocabulary, "osa", cutoff / 100)
                found = found and (found[0], found[1] * 100)
            else:
                found = self._closest(candidate, vocabulary, "ratio", cutoff)
            if found and (best is None or found[1] > best[2]):
                best = (name, table, found[1], found[0])
        return best and (best[0], best[1], best[3])

    def _company_match(self, text: str) -> Match:
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
