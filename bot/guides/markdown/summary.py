"""A guide's summary (`## TL;DR`, `## Kurzfassung`, `**At a glance**`) checked against its own bands.

Authors repeat the headline figures at the top and edit one place but not the other ("München 92.000 € bis
118.000 €" above a München section that says 110.000 €). The band is what the guide's table or list says; a
summary figure that disagrees with it is flagged on that region, never used to fix either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.guides.markdown.blocks import Block
from bot.guides.markdown.cells import read_cell
from bot.guides.markdown.tables import column_kind
from bot.guides.markdown.text import clean_inline
from bot.guides.model import RegionBand
from bot.guides.money import AMOUNT_RE, RANGE_SEPARATOR_RE, MoneyRange

SUMMARY_TITLE_RE = re.compile(
    r"\b(?:tl;?\s?dr|summary|in\s+short|at\s+a\s+glance|key\s+(?:numbers|figures)|kurzfassung|zusammenfassung"
    r"|auf\s+einen\s+blick|r[ée]sum[ée]|en\s+bref|resumen|resumo|samenvatting|in\s+het\s+kort)\b",
    re.I,
)
_AMOUNT = re.sub(r"\(\?P<[a-z]+>", "(?:", AMOUNT_RE.pattern)
_RANGE = rf"(?:{_AMOUNT})(?:{RANGE_SEPARATOR_RE.pattern}(?:{_AMOUNT}))?"
# A place, then its range: `München 92.000 € bis 118.000 €`, `London: £95k–£120k`
PLACED_RANGE_RE = re.compile(rf"(?P<place>[^\W\d_][\w .()'-]{{0,40}}?)\s*[:=–-]?\s+(?P<range>{_RANGE})", re.I)
PART_WORD_RE = re.compile(r"[^\W\d_][\w-]+", re.I)
PARTS = ("base", "total", "sign_on")


@dataclass(frozen=True)
class Disagreement:
    region: int  # index into the guide's regions
    line: int
    message: str


def summary_disagreements(blocks: list[Block], regions: list[RegionBand]) -> list[Disagreement]:
    """Each figure in a summary section, placed in a region by name and in a part by the last part word
    before it in its sentence, that differs from that region's band for that part."""
    out: list[Disagreement] = []
    for text, line in _summary_texts(blocks):
        for sentence in re.split(r"(?<=[.;])\s+", text):
            for match in PLACED_RANGE_RE.finditer(sentence):
                index = _region_named(match["place"], regions)
                part = _part_before(sentence[: match.start("range")])
                if index is None or part is None:
                    continue
                found = _disagreement(regions[index], part, match["range"])
                if found:
                    out.append(Disagreement(index, line, found))
    return out


def _summary_texts(blocks: list[Block]):
    """(text, line) of each paragraph and list item under a heading (or bold label) naming a summary."""
    inside = False
    for block in blocks:
        if block.kind == "heading":
            inside = bool(SUMMARY_TITLE_RE.search(block.text))
            continue
        if block.kind == "paragraph" and re.match(r"^\*\*[^*]+\*\*\s*:?\s*$", block.text.strip()):
            inside = bool(SUMMARY_TITLE_RE.search(block.text))  # `**At a glance**` on a line of its own
            continue
        if not inside:
            continue
        if block.kind == "paragraph":
            yield clean_inline(block.text), block.line
        elif block.kind == "list":
            yield from ((clean_inline(item), line) for item, line in zip(block.items, block.item_lines, strict=True))


def _region_named(place: str, regions: list[RegionBand]) -> int | None:
    words = place.lower().split()
    for size in (3, 2, 1):  # the words right before the figure: `Grundgehalt Berlin` names Berlin
        tail = " ".join(words[-size:])
        for index, region in enumerate(regions):
            if region.level is None and tail in {region.name.lower(), *region.aliases}:
                return index
    return None


def _part_before(text: str) -> str | None:
    kinds = [column_kind(word) for word in PART_WORD_RE.findall(text)]
    return next((kind for kind in reversed(kinds) if kind in PARTS), None)


def _disagreement(region: RegionBand, part: str, written: str) -> str | None:
    said = read_cell(written, region.currency).figure
    band: MoneyRange | None = getattr(region, part)
    if said is None or band is None or said.currency != band.currency or said == band:
        return None
    name = {"base": "base", "total": "total comp", "sign_on": "sign-on"}[part]
    return f"{name}: the summary says {clean_inline(written)}, the band {band}: the band is shown"
