"""Notes under a band table: a note that replaces one cell of one row, and a sentence saying a place has no equity.

"Note: Austin's bonus target is 8% of base (Texas entity), not the 10% shown in the row; the Austin Total Comp
already uses 8%." The row still writes 10%: read alone, the band shows a bonus the guide says is not Austin's, and
its parts no longer add up to the total the guide made with 8% (a false flag). A note that names one place of the
table and one figure its row writes ("not the 10% shown in the row", "not the R$ 45 mil in the row") gives that
cell the note's figure in the row's place; the row's figure is kept beside the band as written, with the note, so
the reply says both. A note naming no place of the table, or a figure no cell (or more than one) of its row writes,
changes nothing.

"Warsaw hires are on a local employment contract (umowa o pracę) without equity" under a table whose Warsaw row
writes `n/a` for equity: the cell is the guide's none, not a figure it left out, so it is shown as written with the
sentence that says so (`none_said`), never as "not published".
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from bot.guides.markdown.blocks import Block
from bot.guides.markdown.cells import FOOTNOTE_RE, read_cell
from bot.guides.markdown.columns import column_kind, region_aliases, region_cell
from bot.guides.markdown.footnotes import blocks_under
from bot.guides.markdown.text import clean_inline
from bot.guides.model import ExtraFigure
from bot.guides.money import AMOUNT_RE

NOTE_LEAD_RE = re.compile(r"^(?:note|n\.\s?b\.|nb|please\s+note|correction)\s*[:—–-]\s*", re.I)
# "not the 10% shown in the row", "not the R$ 45 mil in the row", "not the $20K in the table": the row's figure
NOT_THE_RE = re.compile(
    r"\bnot\s+(?:the\s+)?(?P<old>[^,;()]{1,30}?)\s+(?:(?:shown|written|listed|given)\b|in\s+the\s+(?:row|table)\b)",
    re.I,
)
PERCENT_FIGURE_RE = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d+)?\s?%")


def with_note_overrides(blocks: list[Block], table: Block) -> Block:
    """`table` with the paragraphs under it (Block.words_under), and each cell a note there replaces holding the
    note's figure (Block.overrides says which, and what the row wrote)."""
    if len(table.rows) < 2:
        return table
    under = tuple(clean_inline(block.text) for block in blocks_under(blocks, table))
    rows = [list(row) for row in table.rows]
    overrides = list(table.overrides)
    places_down = column_kind(rows[0][0]) == "region"  # a place a row (never a part a row, places as columns)
    for note in under if places_down else ():
        if not NOTE_LEAD_RE.match(note):
            continue
        found = _replaced_cell(note, rows, table.row_lines)
        if found is None:
            continue
        row, column, figure = found
        overrides.append((table.row_lines[row], rows[0][column], clean_inline(rows[row][column]), note))
        rows[row][column] = figure
    if len(overrides) == len(table.overrides):
        return replace(table, words_under=under) if under else table
    return replace(table, rows=rows, overrides=tuple(overrides), words_under=under)


def as_the_row_writes_it(label: str, written: str, note: str) -> ExtraFigure:
    """The row's own figure for a cell a note replaced, kept beside the band with the note, never computed with."""
    return ExtraFigure(
        name=f"{label}, as the row writes it", raw=f"{written} (replaced by the note under the table: “{note}”)"
    )


def _replaced_cell(note: str, rows: list[list[str]], lines: list[int]) -> tuple[int, int, str] | None:
    """(row, column, the note's figure as written) of the one cell the note says is not the figure to use."""
    said = NOT_THE_RE.search(note)
    if said is None or len(lines) != len(rows):
        return None
    named = [i for i, row in enumerate(rows[1:], start=1) if row and _names_place(note, row[0])]
    if len(named) != 1:
        return None
    row = named[0]
    old = _plain(said["old"])
    columns = [i for i, cell in enumerate(rows[row][1:], start=1) if _plain(cell) == old]
    if len(columns) != 1:
        return None
    figure = _other_figure(note, old)
    return (row, columns[0], figure) if figure else None


def _names_place(note: str, cell: str) -> bool:
    name = region_cell(cell)[0]
    names = {name.lower(), *region_aliases(name)} - {"", "hq"}
    lowered = note.lower()
    return any(re.search(rf"(?<!\w){re.escape(place)}(?!\w)", lowered) for place in names)


def _plain(text: str) -> str:
    """A figure as written, its footnote mark and spacing aside: `10%²` and `10 %` are one."""
    return re.sub(r"\s+", "", FOOTNOTE_RE.sub("", clean_inline(text).strip()))


def _other_figure(note: str, old: str) -> str | None:
    """The note's first figure written the way the row's is (a percentage for a percentage, an amount naming its
    currency for an amount) that is not the row's own."""
    if old.endswith("%"):
        candidates = [m[0] for m in PERCENT_FIGURE_RE.finditer(note)]
        return next((c for c in candidates if Decimal(_plain(c)[:-1].replace(",", ".")) != _percent(old)), None)
    before = read_cell(old, None).figure
    if before is None:
        return None
    for match in AMOUNT_RE.finditer(note):
        if not (match["prefix"] or match["code"]):
            continue  # `2025`, `8`: no amount of money
        written = match[0].strip()
        figure = read_cell(written, before.currency).figure
        if figure is not None and figure.currency == before.currency and figure != before:
            return written
    return None


def _percent(text: str) -> Decimal | None:
    try:
        return Decimal(text[:-1].replace(",", "."))
    except ArithmeticError:
        return None


# "without equity", "no equity", "not eligible for stock", "Equity: none": a place the guide says has no equity
NO_EQUITY_RE = re.compile(
    r"\b(?:without|no)\s+(?:any\s+)?(?:equity|stock|options?|rsus?|shares)\b"
    r"|\bnot\s+eligible\s+for\s+(?:any\s+)?(?:equity|stock|options|rsus?)\b|\b(?:equity|stock|options|rsus?)\s*:\s*none\b",
    re.I,
)
SENTENCE_END_RE = re.compile(r"(?<=[.;!?])\s+")


def none_said(words_under: tuple[str, ...], place: str) -> str | None:
    """The first sentence under the table that names the place and says it has no equity, as written."""
    for text in words_under:
        for sentence in SENTENCE_END_RE.split(text):
            if NO_EQUITY_RE.search(sentence) and _names_place(sentence, place):
                return sentence.rstrip(" .;")
    return None
