"""Bands written as a place's name alone on a plain line, its parts on the lines right under it, one a line:

    > Washington, DC
    >     Base salary: USD 165,000 - 200,000
    >     RSU grant (total, 4 years): USD 144,000 - 288,000
    >     Target bonus: USD 16,000 - 24,000

An HR email forwarded inside a block quote writes its bands so (the indent makes them code in a renderer, but the
author meant lines under a heading); notes pasted as plain text do too, with no quote. Each such paragraph is the
one-row table `lists._one_row` reads, so every figure goes through the band reader's exact cells and warnings.

Only a paragraph whose every line after the first labels a part of pay and writes a figure is read, and only where
two places or more are written so: anything less sure is the guide's text, kept as written. A block quote's lines
are read as the Markdown they hold (`>` and the indent left out), so a quote holds its own paragraphs.
"""

from __future__ import annotations

import re

from bot.guides.markdown.blocks import Block, parse_blocks
from bot.guides.markdown.columns import Reporter
from bot.guides.markdown.lists import FIGURE_RE, LABELLED_ITEM_RE, PART_KINDS, _kind, _one_row
from bot.guides.markdown.text import clean_inline
from bot.guides.model import RegionBand

# A place's line: letters first, no figure, not a sentence (`Hi Sam,`, `Compensation ... has three parts:`)
PLACE_LINE_RE = re.compile(r"^[^\W\d_][^\d:]{1,80}$")


def placed_line_bands(blocks: list[Block], report: Reporter) -> list[RegionBand]:
    """The bands of paragraphs that name a place on their first line and its parts on the others; [] unless two
    places or more are written so."""
    if not any(block.kind in ("paragraph", "quote") and "\n" in block.raw for block in blocks):
        return []  # most guides: no paragraph of several lines, nothing to read here
    found = [placed for block in _paragraphs(blocks) if (placed := _placed(block)) is not None]
    if len(found) < 2:
        return []
    return [region for name, items, line in found for region in _one_row(name, items, line, report)]


def _paragraphs(blocks: list[Block]) -> list[Block]:
    """The guide's paragraphs, and those inside its block quotes, their lines numbered as in the file (a quote's
    lines follow one another, one a line, from the quote's first)."""
    out: list[Block] = []
    for block in blocks:
        if block.kind == "paragraph":
            out.append(block)
        elif block.kind == "quote" and "\n" in block.raw:
            for inner in parse_blocks(block.raw):
                if inner.kind == "paragraph":
                    inner.line += block.line - 1
                    out.append(inner)
    return out


def _placed(block: Block) -> tuple[str, list[tuple[str, str, int]], int] | None:
    """(place, its parts as (label, value, line), the place's line) of a paragraph written so; None otherwise."""
    lines = [clean_inline(line) for line in block.raw.splitlines()]
    if len(lines) < 3 or not PLACE_LINE_RE.match(lines[0]) or lines[0].endswith((",", ".", "?", "!")):
        return None
    items = []
    for offset, line in enumerate(lines[1:], start=1):
        match = LABELLED_ITEM_RE.match(line)
        if not match or _kind(match["label"]) not in PART_KINDS or not FIGURE_RE.search(match["value"]):
            return None
        items.append((match["label"], match["value"], block.line + offset))
    return lines[0].strip(), items, block.line
