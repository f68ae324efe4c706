"""What words in a query mean, before any guide is looked at: normalizing what people
type, the word lists of `data/aliases.json`, and seniority words and level codes
(`senior`, `sr`, `L5`, `E6`, `SDE II`, `SDE 2`, `SDE 1` for a label's `SDE I`) in titles, level labels and queries."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from bot.guides.catalog import DATA_DIR
from bot.guides.money import CURRENCIES

ALIASES_FILE = DATA_DIR / "aliases.json"
MAX_SHORTENED = 24  # short forms of one title: its three or four shortenable words, each way

_INVISIBLE_OR_ACCENT = {"Cc", "Cf", "Co", "Cs", "Cn", "Mn"}
_ASCII_CONTROLS = dict.fromkeys([*range(32), 127])  # ASCII's only characters of those categories (Cc)
_WORD = re.compile(r"(?:[^\W_]|[&+#])+")
_ASCII_WORD = re.compile(r"[a-z0-9&+#]+")  # the same, in lower-case ASCII
# Level codes as companies write them: L5, E6, IC3, M1, P4, T3; roman grades after a title (SDE II).
LEVEL_CODE_RE = re.compile(r"^(?:l|e|g|ic|m|p|t)\d{1,2}$|^(?:ii|iii|iv)$")  # G5: a grade (Japanese guides)
CURRENCY_CODES = frozenset(code.lower() for code in CURRENCIES)
# A grade written as a digit after a title word (`SDE 2`) is the roman one (`SDE II`).
_GRADES = {"1": "i", "2": "ii", "3": "iii", "4": "iv"}
WORD_GRADE_RE = re.compile(r"^([a-z]{2,})([1234])$")  # `sde2`, `swe3`


def grade(word: str, after_title: bool) -> str | None:
    """The level code a word is: `l5` -> l5, `ii` -> ii, and `2` -> ii after a title word (`sde 2`)."""
    if LEVEL_CODE_RE.match(word):
        return word
    return _GRADES.get(word) if after_title else None


def normalize(text: str) -> str:
    """Lower-case words only: `ML / AI` -> `ml ai`; control, bidi and emoji go away, and
    accents too (`São Paulo` and `Societe Generale` are typed both ways).

    The words are the runs of letters, digits, `&`, `+` and `#` (`_` separates). Text in
    ASCII (nearly every query) takes a short way to the same result: NFKD and case folding
    change nothing there but letter case, and only its control characters are dropped
    (3x faster; tests/guides/test_words.py holds both ways equal over random text)."""
    if text.isascii():
        if not text.isprintable():
            text = text.translate(_ASCII_CONTROLS)
        return " ".join(_ASCII_WORD.findall(text.lower()))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE_OR_ACCENT)
    return " ".join(_WORD.findall(text.casefold()))


@dataclass(frozen=True)
class Aliases:
    roles: dict[str, list[str]]
    regions: dict[str, list[str]]
    companies: dict[str, list[str]]
    noise: frozenset[str]
    seniority: dict[str, str] = field(default_factory=dict)  # typed word or phrase -> seniority word
    common: frozenset[str] = frozenset()
    company_suffixes: frozenset[str] = frozenset()
    # A word or words of a role title -> their short forms (`machine learning` -> `ml`), longest first.
    abbreviations: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Words for a company's own headquarters (`hq`): the region its guide marks HQ, per company.
    headquarters: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path = ALIASES_FILE) -> Aliases:
        data = json.loads(path.read_text(encoding="utf-8"))
        abbreviations = data.get("abbreviations", {})
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
            headquarters=frozenset(normalize(word) for word in data.get("headquarters", [])),
            abbreviations=tuple(
                sorted(
                    ((normalize(long), tuple(normalize(s) for s in short)) for long, short in abbreviations.items()),
                    key=lambda item: -len(item[0]),
                )
            ),
        )

    def shortened(self, phrase: str) -> list[str]:
        """The phrase with its title words shortened as people type them, each way and
        together: `machine learning infrastructure engineer` -> `ml infrastructure engineer`,
        `ml infra eng`, ... (the phrase itself not included; at most `MAX_SHORTENED`)."""
        forms = [normalize(phrase)]
        for long, short in self.abbreviations:
            pattern = re.compile(rf"(?<!\S){re.escape(long)}(?!\S)")
            for form in list(forms):
                if pattern.search(form):
                    forms += [pattern.sub(word, form) for word in short]
            if len(forms) > MAX_SHORTENED:
                break
        return list(dict.fromkeys(forms[1 : MAX_SHORTENED + 1]))

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
            elif word == "i" and index > 0 and words[index - 1].isalpha():
                # `SDE I` in a level label; in a query `i` is the pronoun, and `sde 1` is typed instead.
                found.add("i")
        return frozenset(found)
