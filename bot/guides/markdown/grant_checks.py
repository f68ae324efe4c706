"""The grant's arithmetic a startup guide states in words, read back against its table.

Startup guides write the grant three ways at once (a stake or a share count, its worth, its worth a year) and say
how one follows from another: `Equity/yr = Equity Value ÷ 4`, `Grant Value = options × $3.00`, `Equity Value = % of
fully diluted shares × the €240M Series B post-money valuation`. Only what the guide states is used: the years a
yearly column divides the grant by (in its header, `Equity/yr (Grant ÷ 4)`, or in such a formula) become the grant's
years; a count × the one price the formula names, and a stake × the one valuation the guide gives, are checked
against the money written beside them. Nothing is changed where they disagree: the pair is flagged, as written.
"""

from __future__ import annotations

import re
from fractions import Fraction

from bot.guides.markdown.blocks import Block, prose_lines
from bot.guides.markdown.cells import year_beside_grant_mismatch
from bot.guides.markdown.columns import YEARLY_STOCK_HEADER_RE, parse_shares
from bot.guides.markdown.stakes import is_stake
from bot.guides.markdown.summary import _AMOUNT, Disagreement
from bot.guides.model import RegionBand
from bot.guides.money import MoneyError, format_range, parse_amount

DIVIDED_RE = re.compile(r"[÷/]\s*(?P<years>[2-9])(?!\s*[\d.,%])")
# `Grant Value = options × $3.00`, `Grant Value = shares × £3.00`: a count times the price the grant is valued at
PRICED_RE = re.compile(rf"=\s*(?:the\s+)?(?:options|shares|rsus|units)\s*[×x*]\s*(?P<price>{_AMOUNT})", re.I)
# `€240M Series B post-money`, `£150M post-money`, `a $1.2B valuation`: the valuation a stake is of
VALUATION_RE = re.compile(rf"(?P<value>{_AMOUNT})\s+(?:[\w-]+\s+){{0,3}}?(?:post-money|pre-money|valuation)\b", re.I)
STAKE_NAME_RE = re.compile(r"%|\bFD\b|fully[- ]diluted|ownership|stake", re.I)
PERCENT_RE = re.compile(r"\d+(?:[.,]\d+)?")


def _formula_years(texts: list[tuple[str, int]], name: str) -> int | None:
    """`Equity/yr = Equity Value ÷ 4` for the yearly column `Equity/yr`: 4."""
    head = re.escape(re.sub(r"\s*\(.*?\)", "", name).strip())
    formula = re.compile(rf"{head}\s*=\s*[^=.;]{{0,60}}?÷\s*(?P<years>[2-9])\b")
    found = {m["years"] for text, _ in texts for m in formula.finditer(text)}
    return int(found.pop()) if len(found) == 1 else None


def with_stated_years(blocks: list[Block], regions: list[RegionBand]) -> tuple[list[RegionBand], list[Disagreement]]:
    """A grant read with no years, beside a yearly column the guide says is the grant ÷ N: the grant over N years,
    the yearly figure checked against it."""
    texts = prose_lines(blocks)
    out: list[RegionBand] = []
    said: list[Disagreement] = []
    for index, region in enumerate(regions):
        stock = region.stock
        if stock is None or stock.value is None or stock.per_year or stock.vesting_years:
            out.append(region)
            continue
        for extra in region.extras:
            if extra.value is None or not YEARLY_STOCK_HEADER_RE.search(extra.name):
                continue
            inside = re.search(r"\((.*?)\)", extra.name)
            divided = DIVIDED_RE.search(inside[1]) if inside else None
            years = int(divided["years"]) if divided else _formula_years(texts, extra.name)
            if years:
                region = region.model_copy(update={"stock": stock.model_copy(update={"vesting_years": years})})
                mismatch = year_beside_grant_mismatch(extra.raw, extra.value, stock.value, years)
                if mismatch:
                    said.append(Disagreement(index, None, f"stock: {mismatch}"))  # type: ignore[arg-type]
                break
        out.append(region)
    return out, said


def _one(texts: list[tuple[str, int]], pattern: re.Pattern, group: str):
    """(amount, as written, line) of the one amount the pattern finds in the text; Nones where none or several."""
    found: dict = {}
    for text, line in texts:
        for m in pattern.finditer(text):
            try:
                found.setdefault(parse_amount(m[group]), (m[group], line))
            except MoneyError:
                continue
    if len(found) != 1:
        return None, None, None
    amount, (written, line) = found.popitem()
    return amount, written, line


def stated_worth_disagreements(blocks: list[Block], regions: list[RegionBand]) -> list[Disagreement]:
    """A share count × the one price the guide's formula values the grant at, or a stake × the one valuation it
    gives, that is not the grant's worth written beside it, end by end."""
    if not any(r.stock and r.stock.value and not r.stock.per_year and r.extras for r in regions):
        return []  # no grant with a count or a stake beside it: the text need not be read for a price (most guides)
    texts = prose_lines(blocks)
    price, price_written, price_line = _one(texts, PRICED_RE, "price")
    valuation, valuation_written, valuation_line = _one(texts, VALUATION_RE, "value")
    out: list[Disagreement] = []
    for index, region in enumerate(regions):
        stock = region.stock
        if stock is None or stock.value is None or stock.per_year:
            continue
        grant = (stock.value.low.amount, stock.value.high.amount)
        for extra in region.extras:
            ends = None
            if price and price.currency == stock.value.currency and (count := _count(extra.raw, extra.name)):
                ends, at, line = [Fraction(n) * price.amount for n in count], f"at {price_written}", price_line
            elif valuation and valuation.currency == stock.value.currency and is_stake(extra.raw):
                if not STAKE_NAME_RE.search(extra.name):
                    continue
                stake = [Fraction(p.replace(",", ".")) / 100 for p in PERCENT_RE.findall(extra.raw)]
                ends, at, line = (
                    [p * valuation.amount for p in (stake[0], stake[-1])],
                    f"of {valuation}",
                    valuation_line,
                )
            if ends is None or tuple(ends) == grant:
                continue
            worth = format_range(ends[0], ends[1], stock.value.currency)
            message = f"stock: {extra.raw} {at} is {worth}, but the grant is written {stock.value}"
            out.append(Disagreement(index, line, message))
    return out


def _count(raw: str, name: str) -> tuple[int, int] | None:
    try:
        return parse_shares(raw, name)
    except MoneyError:
        return None
