"""A grant's yearly figure written in brackets beside it, and the header that says so.

`| RSU Grant (3 yrs; per year in brackets) |` over `900万円–1,800万円 (300万円–600万円/yr)`: the header names a grant
over three years and says the bracket holds one year of it. Its "per year" is the bracket's, not the column's: read
as the column's, the whole grant was taken for a year (¥9M–¥18M "a year", three times the yearly vest, and every
total flagged against parts it never had). The column is the grant over its years; the bracket stays in the cell as
written, and is checked against the grant ÷ its years (`cells.year_beside_grant_mismatch`), the pair flagged when
the two disagree (neither is changed).
"""

from __future__ import annotations

import re

from bot.guides.markdown.cells import read_cell
from bot.guides.markdown.text import clean_inline
from bot.guides.money import MoneyRange

# `per year in brackets`, `yearly in parentheses`, `(per year) in brackets`, `brackets: per year`, `bracketed per year`
_YEARLY = r"(?:per[- ]year|yearly|annual|a\s+year|/\s*yr)(?:\s+(?:figure|vest(?:ing)?|value))?"
_BRACKETS = r"(?:\(\s*\)|brackets?|parenthes[ie]s|bracketed)"
YEAR_IN_BRACKETS_RE = re.compile(
    rf"\b{_YEARLY}\s+(?:shown\s+|given\s+)?in\s+{_BRACKETS}|\b{_BRACKETS}\s*(?::|=|are|is|show)?\s*{_YEARLY}", re.I
)
# The year said after the bracket's figure (`/yr`, `a year`), left out where the flag says "a year" itself
YEAR_WORDS_AT_END_RE = re.compile(r"\s*(?:/\s*(?:yr|year|annum|y)|(?:a|per)\s+(?:year|annum))\.?\s*$", re.I)
# The last bracket of a cell, with what it holds
LAST_BRACKET_RE = re.compile(r"\((?P<inside>[^()]*)\)\s*$")


def says_year_in_brackets(header: str) -> bool:
    """Whether a header says its cells' brackets hold the yearly figure (`RSU Grant (3 yrs; per year in brackets)`)."""
    return YEAR_IN_BRACKETS_RE.search(clean_inline(header)) is not None


def without_bracket_year(header: str) -> str:
    """The header without the words about its brackets, so its own period and name are read from the rest."""
    return YEAR_IN_BRACKETS_RE.sub(" ", header)


def bracketed_year(cell: str, currency: str | None) -> tuple[str, MoneyRange] | None:
    """(as written, figure) of the yearly figure a grant's cell writes in brackets after it
    (`(¥2,000,000–¥3,000,000/yr)`, `(NT$0.4M–NT$0.7M a year)`); None when the cell ends in no such bracket, or its
    figure cannot be read exactly."""
    found = LAST_BRACKET_RE.search(clean_inline(cell))
    if found is None or found.start() == 0:
        return None
    reading = read_cell(found["inside"], currency)
    if reading.figure is None or reading.per != "year" or reading.years or reading.words:
        return None
    return YEAR_WORDS_AT_END_RE.sub("", found["inside"]).strip(), reading.figure
