"""The unit a column header gives its bare cells: `Base (₩ million)` over `85–125`, `ESOP (₹ lakh/yr)` over `10–20`.

Guides that write every figure of a table in one scale say it once, in the header, and leave the cells bare. Read
without the header, `85–125` names no currency and `10–20` is "too small for a pay figure": kept as written, the band
had no currency and no total could be checked. With it, each bare number takes the header's scale (`85M–125M`) and
currency (₩), read exactly (₩85,000,000–₩125,000,000), and the cell is kept beside the figure as the guide wrote it,
so the reply says how it was read. A cell that writes its own scale (`₹38L`) or a number of 1,000 or more is read as
it writes itself (`cells.in_scale`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.guides.markdown.text import clean_inline
from bot.guides.money import currency_for_prefix

# Scale words a header may name -> the suffix the cell reader knows for them
SCALE_SUFFIXES = {
    "thousand": "K", "thousands": "K", "k": "K", "'000": "K", "'000s": "K", "000s": "K",
    "million": "M", "millions": "M", "mn": "M", "m": "M", "mio": "M",
    "billion": "B", "billions": "B", "bn": "B",
    "lakh": "L", "lakhs": "L", "lac": "L", "lacs": "L",
    "crore": "Cr", "crores": "Cr", "cr": "Cr",
    "万": "万", "만": "만", "억": "억",
}  # fmt: skip
# The period a bracket may say beside its unit (`₹ lakh/yr`, `₩ million per year`), read by the header's own reader
_PERIOD = r"(?:/\s*(?:yr|year|annum|mo|month)|(?:per|a)\s+(?:year|annum|month)|annual|yearly|monthly)"
_SCALE = "|".join(sorted((re.escape(word) for word in SCALE_SUFFIXES), key=len, reverse=True))
_CURRENCY = r"[A-Z]{3}|[A-Z]{0,3}[$£€¥₹₪₩]|[₺₱₫₦₴฿]"
UNIT_BRACKET_RE = re.compile(
    rf"\(\s*(?:in\s+)?(?P<unit>(?:(?P<c1>{_CURRENCY})\s?,?\s*)?(?P<scale>{_SCALE})(?:\s*,?\s*(?P<c2>{_CURRENCY}))?)"
    rf"\s*(?P<period>{_PERIOD})?\s*\)",
    re.I,
)


@dataclass(frozen=True)
class HeaderUnit:
    """A header's unit: the suffix its bare numbers take, its currency if it names one, and the unit as written."""

    suffix: str
    currency: str | None
    written: str


def header_unit(header: str) -> HeaderUnit | None:
    """`Base (₩ million)` -> ('M', 'KRW', '₩ million'); `ESOP (₹ lakh/yr)` -> ('L', 'INR', '₹ lakh'); None when the
    header's brackets name no scale (`Base (USD)`, `RSU (4yr)`) or name a currency nobody knows."""
    found = UNIT_BRACKET_RE.search(clean_inline(header))
    if found is None:
        return None
    symbol = found["c1"] or found["c2"]
    currency = currency_for_prefix(symbol) if symbol else None
    if symbol and currency is None:
        return None
    return HeaderUnit(SCALE_SUFFIXES[found["scale"].lower()], currency, found["unit"].strip())


def without_unit(text: str) -> str:
    """The header's words without its unit bracket (`Stock Grant, 4 yrs total (₩ million)` -> `Stock Grant, 4 yrs
    total`), its period kept: what names the column and says its years."""
    return UNIT_BRACKET_RE.sub(lambda found: _period_words(found["period"]), text).strip()


def _period_words(period: str | None) -> str:
    """`/yr` -> `(per year)`, `/mo` -> `(per month)`, `annual` -> `(annual)`; a space when there is none."""
    if not period:
        return " "
    if period.startswith("/"):
        return "(per month)" if "mo" in period.lower() else "(per year)"
    return f"({period})"
