"""A monthly base made a year by the months the guide says a year pays.

Where pay is monthly, guides write the month (`R$ 40–52 mil/mês`) and say once, in a footnote on the place or its
column, how many of them a year pays: "yearly base is 13 monthly salaries (13º salário included)". A reply states a
monthly figure's year as twelve months of it (`monthly × 12`); a band whose guide says another count is made a year
by that count instead, the month as written and the count said beside the year, so the year shown is the guide's own
formula. Only whole amounts: a count that would leave a fraction of a unit keeps the month as written. A year the
same sentence writes (`i.e. R$ 520–676 mil/ano`) is checked against it, never used in its place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.guides.markdown.cells import (
    MONTHS_AND_HOLIDAY_PAY_RE,
    MONTHS_SAID_RE,
    PER_YEAR_RE,
    CellReading,
    months_said,
    twelve_months_mismatch,
)
from bot.guides.money import AMOUNT_RE, RANGE_SEPARATOR_RE, MoneyError, MoneyRange, parse_range

_AMOUNT = re.sub(r"\(\?P<[a-z]+>", "(?:", AMOUNT_RE.pattern)
RANGE_RE = re.compile(rf"(?:{_AMOUNT})(?:{RANGE_SEPARATOR_RE.pattern}(?:{_AMOUNT}))?", re.I)
SENTENCE_RE = re.compile(r"(?<=[.;])\s+")


def year_of_months(reading: CellReading, note: str) -> tuple[CellReading, str | None]:
    """The monthly `reading` as the year the note's count of months makes, and what is wrong when the year the note
    writes beside the count is not that; the reading as it is when the note says no count, or twelve."""
    for sentence in SENTENCE_RE.split(note):
        months = months_said(sentence)
        if months is not None:
            break
    else:
        return reading, None
    monthly = reading.figure
    if monthly is None or reading.per != "month" or months[0] == 12:
        return reading, None
    low, high = monthly.low.amount * months[0], monthly.high.amount * months[0]
    if low.denominator != 1 or high.denominator != 1:
        return reading, None
    said = (MONTHS_AND_HOLIDAY_PAY_RE.search(sentence) or MONTHS_SAID_RE.search(sentence))[0]
    words = f"({reading.raw} × {months[1]}, as the guide says a year pays: “{said}”)"
    yearly = MoneyRange.of(int(low), int(high), monthly.currency)
    made = replace(reading, figure=yearly, per="year", words=" ".join(filter(None, (reading.words, words))))
    return made, _year_written(sentence, monthly, yearly, reading.raw, months)


def _year_written(sentence: str, monthly: MoneyRange, yearly: MoneyRange, raw: str, months) -> str | None:
    """What is wrong when the sentence writes a year (`R$ 520–676 mil/ano`) other than the months make."""
    for found in RANGE_RE.finditer(sentence):
        if not PER_YEAR_RE.match(sentence[found.end() :].lstrip()):
            continue
        try:
            written = parse_range(found[0].strip(), monthly.currency)
        except MoneyError:
            continue
        if written != yearly:
            return twelve_months_mismatch(monthly, written, raw, found[0].strip(), months)
    return None
