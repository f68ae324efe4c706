"""Scale words written after a figure in the languages guides quote pay in, and how the figure before them is written.

English guides borrow the local word with the local figure: Indonesian `Rp 850 juta` (a million) and `Rp 1,1 miliar`
(a billion), Vietnamese `₫300 triệu` (a million) and `₫1.2 tỷ` (a billion), German `1,5 Mio CHF` and `1.2 Mio. €`
(a million), Korean `8,500만원` (ten thousand) and `1.2억` (a hundred million), British `1.02 mn ILS`. Each is a small
table entry here: the factor it multiplies by, and whether its language groups thousands with a dot and writes a
decimal comma (then `Rp 1.200 juta` is twelve hundred juta and `Rp 1,1 miliar` one and one-tenth; a dot before any
other number of digits, as in `₫1.2 tỷ`, is still a decimal point).

`mil` is the one ambiguous word: a thousand in Spanish and Portuguese (`R$ 20 mil`, `80 mil pesos`), a million in
English shorthand (`R 1,2 mil`, `$2 mil`). It is read only where the currency decides it: where the countries that pay
in it speak one of the two and not the other (Babel's territory data: BRL and MXN a thousand, ZAR and GBP a million);
elsewhere (USD is paid in Ecuador and Puerto Rico too, EUR in Spain and Ireland) it is kept as written and said so.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Local scale words -> the factor they multiply the figure before them by.
LOCAL_SCALE_WORDS: dict[str, int] = {
    "ribu": 1_000,  # Indonesian and Malay: thousand
    "juta": 1_000_000,  # Indonesian and Malay: million
    "miliar": 1_000_000_000,  # Indonesian: billion (`milyar` is its older spelling)
    "milyar": 1_000_000_000,
    "nghìn": 1_000,  # Vietnamese: thousand (`ngàn` in the south)
    "ngàn": 1_000,
    "triệu": 1_000_000,  # Vietnamese: million
    "tỷ": 1_000_000_000,  # Vietnamese: billion (`tỉ` is the other spelling)
    "tỉ": 1_000_000_000,
    "mio": 1_000_000,  # German: Millionen (`1,5 Mio CHF`, `1.2 Mio. €`)
    "mrd": 1_000_000_000,  # German: Milliarden
    "mn": 1_000_000,  # British financial shorthand: million (`1.02 mn ILS`)
    "만": 10_000,  # Korean: ten thousand (`8,500만원` is ₩85,000,000)
    "억": 100_000_000,  # Korean: a hundred million (`1.2억` is ₩120,000,000)
    "亿": 100_000_000,  # Chinese: a hundred million
}

# Scale words of languages that group thousands with a dot and write a decimal comma: before them `1,2` is one and
# two tenths and `1.200` twelve hundred. The Spanish, Portuguese and Dutch words for a million are read so too.
DOT_GROUPING_WORDS = frozenset(
    {"ribu", "juta", "miliar", "milyar", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "mio", "mrd"}
    | {"mil", "millones", "millón", "milhões", "milhão", "miljoen"}
)

# The languages in which `mil` after a figure is a thousand, and those in which it is a million.
MIL_THOUSAND_LANGUAGES = frozenset({"es", "pt", "ca", "gl"})
MIL_MILLION_LANGUAGES = frozenset({"en", "af"})


# `1억 1,200만`, `1億2,000万`: a hundred millions and ten thousands written as one figure, as Korean, Japanese and
# Chinese write one between 100 million and the next (whole numbers of each; a decimal before either is no such figure)
MYRIAD_COMPOUND_RE = re.compile(
    r"(?<![\d.,])(?P<high>\d{1,4})\s?[억億亿]\s?(?P<low>\d,\d{3}|\d{1,4})\s?(?P<myriad>[만万])"
)


def joined_myriads(text: str) -> str:
    """`1억 1,200만 원` -> `11,200만 원`: the compound written as one count of ten thousands (1억 is 10,000만), so
    it reads as one amount, exactly."""
    if not MYRIAD_COMPOUND_RE.search(text):
        return text

    def joined(found: re.Match) -> str:
        low = int(found["low"].replace(",", ""))
        return f"{int(found['high']) * 10_000 + low:,}{found['myriad']}"

    return MYRIAD_COMPOUND_RE.sub(joined, text)


def scale_key(suffix: str) -> str:
    """A written scale word as the tables key it: `Mio.` -> `mio`, `Juta` -> `juta`."""
    return suffix.lower().rstrip(".")


@lru_cache(maxsize=256)
def mil_factor(currency: str) -> int | None:
    """1,000 where the countries paying in `currency` speak Spanish or Portuguese and not English, 1,000,000 where
    they speak English and neither of the two, None where both or neither are spoken (then `mil` is kept as
    written). Babel loads only for a guide that writes `mil`."""
    from babel import languages
    from babel.core import get_global

    spoken: set[str] = set()
    for territory, currencies in get_global("territory_currencies").items():
        if any(code == currency and end is None and tender for code, _start, end, tender in currencies):
            spoken |= {lang.split("_")[0] for lang in languages.get_official_languages(territory, de_facto=True)}
    thousand, million = bool(spoken & MIL_THOUSAND_LANGUAGES), bool(spoken & MIL_MILLION_LANGUAGES)
    if thousand == million:
        return None
    return 1_000 if thousand else 1_000_000
