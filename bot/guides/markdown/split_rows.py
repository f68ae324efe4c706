"""Band-table rows as careless hands leave them: the header row repeated halfway down (pasted from a second sheet),
and one region's row broken over two lines (`| Remote (US) | $130K–$162K | $28K–$48K` then `| $8K–$13K | $166K–$223K
|`). Read one by one, the repeat becomes a band named "Region" and the second half a band named by a figure, holding
the region's total as its base: figures shown as what they are not. Here the repeat is dropped and the halves are put
back together where they fill the header exactly; a row whose place is a figure and that joins nothing is left out and
said, never a band.
"""

from __future__ import annotations

import re

from bot.guides.markdown.text import clean_inline

FIGURE_FIRST_RE = re.compile(r"^\s*(?:[A-Z]{0,3}[$£€¥₹]|[A-Z]{3}\s)?\s*\d")  # `$8K–$13K`, `CHF 140K`, `85–104`


def _plain(cell: str) -> str:
    return clean_inline(cell).strip().lower()


def is_figure_first(row: list[str], first: int) -> bool:
    """Whether the cell that should name the place is a figure."""
    return len(row) > first and bool(FIGURE_FIRST_RE.match(clean_inline(row[first])))


def mended_rows(header: list[str], rows: list[list[str]], lines: list[int], first: int) -> list[tuple[list[str], int]]:
    """(row, line) for each row of the table's body: a repeat of the header dropped; a row that stops early joined
    with the next when that one starts with a figure and the two fill the header exactly."""
    heading = [_plain(cell) for cell in header]
    out: list[tuple[list[str], int]] = []
    for row, line in zip(rows, lines, strict=True):
        if [_plain(cell) for cell in row] == heading:
            continue  # the header again, as a second sheet pasted under the first brings it
        if out and is_figure_first(row, first):
            before, at = out[-1]
            if len(before) + len(row) - first == len(header) and len(before) < len(header):
                out[-1] = (before + row[first:], at)  # the rest of the row above, on a line of its own
                continue
        out.append((row, line))
    return out
