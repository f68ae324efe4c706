"""Footnotes under a band table, read where a mark points at them.

Guides mark a header or a place (`Equity†`, `Bonus²`, `São Paulo[^2]`) and say under the table what the mark means:
"† Equity is the yearly vesting value — one quarter of a 4-year option grant, already divided by 4", "‡ Equity is the
total EMI option grant over 4 years", "[^2]: ... yearly base is 13 monthly salaries". Read from its header alone,
such a column is a grant over years nobody stated (no year of it known, no total checked) and a monthly base is
twelve months of it; read with its footnote, each is what the guide says. Only a footnote a mark points at is read,
and only for how its column or place reads (a year, a grant's years, the months a year pays): a footnote's own
figures never become a band's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.guides.markdown.blocks import Block
from bot.guides.markdown.cells import FOOTNOTE_RE
from bot.guides.markdown.columns import header_period, stock_column
from bot.guides.markdown.text import clean_inline

# A footnote's line: its mark, then its words (`† Equity is ...`, `[^2]: São Paulo is ...`, `¹ Bengaluru ...`, `* Bonus
# is ...`, the star written `\*` in the Markdown); a star must stand apart from its words, as emphasis never does
NOTE_LINE_RE = re.compile(
    r"^\s*(?P<mark>\[\^?\w{1,12}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[†‡§¶]{1,3}|\*{1,3}(?=\s))\s*:?\s*(?P<text>\S.*)$"
)
# A paragraph that is a label of its own (`**Negotiation DNA**`): the guide's next section, no footnote of the table
LABEL_ALONE_RE = re.compile(r"^\*\*[^*]+\*\*:?\s*$")
LOOK_AHEAD = 6  # blocks under a table a footnote may be in (a note line, a paragraph between)


def blocks_under(blocks: list[Block], table: Block) -> list[Block]:
    """The paragraphs right under a table, up to the next heading, table or section label."""
    at = next((i for i, block in enumerate(blocks) if block.line == table.line), None)
    out: list[Block] = []
    for block in blocks[at + 1 : at + 1 + LOOK_AHEAD] if at is not None else []:
        if block.kind in ("heading", "table") or LABEL_ALONE_RE.match(block.text.strip()):
            break
        if block.kind == "paragraph":
            out.append(block)
    return out


def footnotes_under(blocks: list[Block], table: Block) -> dict[str, str]:
    """Each footnote under the table by its mark (`[^1]:` and `[^1]` are one mark), its words as written."""
    notes: dict[str, str] = {}
    for block in blocks_under(blocks, table):
        for line in (block.raw or block.text).splitlines():
            found = NOTE_LINE_RE.match(line)
            if found:
                notes.setdefault(found["mark"], clean_inline(found["text"]))
    return notes


def mark_of(cell: str) -> str | None:
    """The footnote mark a header or place ends with (`Equity†` -> `†`, `São Paulo[^2]` -> `[^2]`), if any."""
    found = FOOTNOTE_RE.search(clean_inline(cell))
    return found[0] if found else None


def with_footnotes(blocks: list[Block], table: Block) -> Block:
    """`table` with the footnote each marked header cell and each marked place points at (Block.column_notes and
    Block.row_notes); the table as it is when nothing in it is marked or nothing under it explains a mark."""
    marked = [*table.rows[0], *(row[0] for row in table.rows[1:] if row)] if table.rows else []
    if not any(mark_of(cell) for cell in marked):
        return table
    notes = footnotes_under(blocks, table)
    if not notes:
        return table
    columns = tuple((cell, notes[mark]) for cell in table.rows[0] if (mark := mark_of(cell)) in notes)
    rows = tuple(
        (line, notes[mark])
        for row, line in zip(table.rows[1:], table.row_lines[1:], strict=False)
        if row and (mark := mark_of(row[0])) in notes
    )
    return replace(table, column_notes=columns, row_notes=rows) if columns or rows else table


# What a footnote says of a stock column: a yearly figure ("the yearly vesting value", "shown per year", "already
# divided by 4") or a grant over years ("the total EMI option grant over 4 years", "(grant ÷ 4)"). "not a yearly
# figure" says the second, so a denial is read out before the yearly words are looked for.
NOT_YEARLY_RE = re.compile(r"\bnot\s+(?:an?\s+)?(?:yearly|annual|per[- ]year)\b[^.;,)]*", re.I)
YEARLY_NOTE_RE = re.compile(
    r"\b(?:yearly|annual(?:i[sz]ed)?|per[- ]year)\s+(?:vest(?:ing|ed)?\s+)?(?:value|figure|amount|vest)\b"
    r"|\b(?:shown|given|quoted|stated|written)\s+(?:as\s+)?(?:per\s+year|yearly|annually|a\s+year)\b"
    r"|\balready\s+divided\s+by\b"
    # "the column shows grant value ÷ 4": the column is the grant's year
    r"|\b(?:column|figures?|cells?)\s+(?:shows?|gives?|is|are)\s+(?:the\s+)?grant(?:\s+value)?\s*(?:÷|/|divided\s+by)",
    re.I,
)
_YEARS = r"\d|two|three|four|five|six"
GRANT_NOTE_RE = re.compile(
    rf"\bgrant\b[^.;]{{0,40}}?\bover\s+(?P<over>{_YEARS})\s*-?\s*years?\b|\bgrant\s*[÷/]\s*(?P<divided>\d)\b", re.I
)
YEAR_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def stock_basis(note: str) -> tuple[str | None, int | None]:
    """("year", None) when a stock column's footnote says its figures are a year's; (None, years) when it says they
    are a grant over that many years; (None, None) when it says neither."""
    text = NOT_YEARLY_RE.sub(" ", note)
    if YEARLY_NOTE_RE.search(text):
        return "year", None
    grant = GRANT_NOTE_RE.search(note)
    if grant:
        written = (grant["over"] or grant["divided"]).lower()
        return None, YEAR_WORDS.get(written) or int(written)
    return None, None


def footnoted_stock(column: str, note: str | None) -> tuple[tuple[str, int | None], str | None]:
    """A stock column's (kind, years) and period: its header's own and, where the header says neither, what the
    footnote its mark points at says (`stock_basis`). A header's words are never overridden by its footnote."""
    kind, years = stock_column(column)
    if note is None or years is not None or header_period(clean_inline(column), "stock"):
        return (kind, years), None
    period, said = stock_basis(note)
    return (kind, said), period
