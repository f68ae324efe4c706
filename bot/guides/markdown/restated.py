"""A figure of the table restated in the text in another scale, checked against the cell it restates.

A table in one scale (`Base (₩ million)` over `85–125`, or "all figures in thousands") is often followed by a note
saying its figures as offer letters write them: "Seoul's floor, 85 in the table, is 8,500만원 (₩85,000,000); its top,
125, is 1.2억". Authors convert by hand and slip (125 million is 1.25억, not 1.2억). The bare number in the note is
matched to the cell that writes it, read in that cell's scale, and compared with the amount the note says it is; the
two that differ are flagged on that band, neither changed. Only a bare number (no currency, no scale of its own) said
to *be* an amount is read so; any other figure in the text is left to the checks that read it.
"""

from __future__ import annotations

import re

from bot.guides.markdown.blocks import Block
from bot.guides.markdown.summary import Disagreement
from bot.guides.markdown.text import clean_inline
from bot.guides.model import RegionBand
from bot.guides.money import AMOUNT_RE, Money, MoneyError, parse_amount

_AMOUNT = re.sub(r"\(\?P<[a-z]+>", "(?:", AMOUNT_RE.pattern)
# `1억 3,450만원`: a hundred millions before the ten thousands, one amount
_COMPOUND = r"(?:\d{1,4}\s?[억億亿]\s?(?=\d))?"
# `125, is 1.2억`, `85 in the table, is 8,500만원`, `134.5 = 1억 3,450만원`
RESTATED_RE = re.compile(
    r"(?<![\w.,$£€¥₹₩₪])(?P<number>\d+(?:\.\d+)?)(?:\s+in\s+the\s+table)?\s*,?\s+(?:is|=|equals|means)\s+"
    rf"(?P<amount>{_COMPOUND}(?:{_AMOUNT}))",
    re.I,
)
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


def restated_disagreements(blocks: list[Block], regions: list[RegionBand]) -> list[Disagreement]:
    """Each bare table figure the text says is an amount it is not, on the band whose cell writes it."""
    written = _scaled_numbers(regions)
    if not written:
        return []
    out: list[Disagreement] = []
    for block in blocks:
        if block.kind != "paragraph":
            continue
        text = clean_inline(block.text)
        for found in RESTATED_RE.finditer(text):
            holders = written.get(found["number"], [])
            said = _amount(found["amount"], holders[0][1].currency) if holders else None
            if said is None or any(value == said for _, value, _ in holders):
                continue
            index, value, column = _holder_named(text, holders, regions)
            message = (
                f"{found['number']} in the table ({column}) is {value}, but the text says it is "
                f"{found['amount'].strip()} ({said})"
            )
            out.append(Disagreement(index, block.line, message))
    return out


def _scaled_numbers(regions: list[RegionBand]) -> dict[str, list[tuple[int, Money, str]]]:
    """Each bare number a cell read in a stated scale writes -> (band index, its amount, its column)."""
    out: dict[str, list[tuple[int, Money, str]]] = {}
    for index, region in enumerate(regions):
        for cell in region.cells:
            if not cell.scale or cell.figure is None:
                continue
            numbers = _NUMBER_RE.findall(cell.raw)
            ends = [cell.figure.low, cell.figure.high] if len(numbers) == 2 else [cell.figure.low]
            if len(numbers) != len(ends):
                continue
            for number, end in zip(numbers, ends, strict=True):
                out.setdefault(number, []).append((index, end, cell.column))
    return out


def _amount(text: str, currency: str) -> Money | None:
    try:
        said = parse_amount(text, currency)
    except MoneyError:
        return None
    return said if said.currency == currency else None


def _holder_named(text: str, holders: list[tuple[int, Money, str]], regions: list[RegionBand]):
    """The holder whose place the sentence names, else the first."""
    lowered = text.lower()
    for holder in holders:
        region = regions[holder[0]]
        if any(name and name.lower() in lowered for name in (region.name, *region.aliases)):
            return holder
    return holders[0]
