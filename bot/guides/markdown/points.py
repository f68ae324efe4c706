"""Cells that give three points of a band, low / mid / high (`CHF 140K / 155K / 170K`), where the guide says so
above its table ("Every cell below is **low / mid / high**") or in a column's header (`Base (low / mid / high)`).

Read as a conversion, the second and third amounts would be words not understood and the whole cell kept as
text; read as the guide says, the band runs from the low to the high and the middle is kept beside it, each
amount as written (the currency the first writes is the others'). A cell whose low is above its high is kept as
written and flagged by the caller, never turned round.
"""

from __future__ import annotations

import re

from bot.guides.markdown.blocks import Block
from bot.guides.markdown.text import clean_inline
from bot.guides.money import MoneyError, parse_amount

POINTS_SAID_RE = re.compile(
    r"\b(?:low|min(?:imum)?|floor|bottom)\s*/\s*(?P<mid>mid(?:point)?|median|target|typical)\s*/\s*"
    r"(?:high|max(?:imum)?|ceiling|top)\b",
    re.I,
)
POINT_SEPARATOR_RE = re.compile(r"\s+/\s+")
LEADING_CURRENCY_RE = re.compile(r"^[^\d\s]*\s?")  # `CHF `, `€`, `US$`: what the first amount writes before it


def points_above(blocks: list[Block], index: int | None) -> str | None:
    """The middle point's name (`mid`) when a paragraph between the table at `index` and the heading above it
    says its cells are low / mid / high; None when none does."""
    for block in reversed(blocks[:index] if index else []):
        if block.kind == "heading":
            return None
        said = POINTS_SAID_RE.search(clean_inline(block.text)) if block.kind == "paragraph" else None
        if said:
            return said["mid"].lower()
    return None


def points_in_header(label: str) -> str | None:
    """`Base (low / mid / high)`: the middle point's name its header gives, if any."""
    said = POINTS_SAID_RE.search(clean_inline(label))
    return said["mid"].lower() if said else None


def middle_name(label: str, name: str) -> str:
    """`Base (low / mid / high)`, `mid` -> `Base (mid)`: what the middle kept beside the band is called."""
    bare = re.sub(rf"\s*\(\s*{POINTS_SAID_RE.pattern}\s*\)", "", label, flags=re.I).strip() or label
    return f"{bare} ({name})"


def split_points(cell: str, currency: str | None) -> tuple[str, str, str] | None:
    """`CHF 140K / 155K / 170K` -> ('CHF 140K', 'CHF 155K', 'CHF 170K'): three single amounts apart by slashes in one
    currency, the first's currency written before the others that write none; None for any other cell."""
    parts = POINT_SEPARATOR_RE.split(clean_inline(cell).strip())
    if len(parts) != 3:
        return None
    prefix = LEADING_CURRENCY_RE.match(parts[0])[0]
    written = tuple(part if not part[:1].isdigit() else f"{prefix}{part}" for part in parts)
    try:
        amounts = [parse_amount(part, currency) for part in written]
    except MoneyError:
        return None
    return written if len({amount.currency for amount in amounts}) == 1 else None
