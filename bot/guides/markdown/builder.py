"""One region's band, put together cell by cell whatever the layout (`BandBuilder`): each cell read exactly or kept
as written and warned about at its line, a second figure of a kind kept beside the first, and the places where the
guide's own figures disagree flagged on the band (`RegionBand.flags`) for the reply to say.
"""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction

from pydantic import ValidationError

from bot.guides.markdown.approximate import approximate_total_differs
from bot.guides.markdown.brackets import bracketed_year
from bot.guides.markdown.cells import (
    CellReading,
    day_rate_mismatch,
    in_scale,
    in_thousands,
    months_said,
    read_cell,
    spread_mismatch,
    twelve_months_mismatch,
    writes_whole,
    year_beside_grant_mismatch,
    yearly_mismatch,
)
from bot.guides.markdown.columns import (
    SHARES_RE,
    VARIABLE_RE,
    Reporter,
    bracketed_bonus,
    column_kind,
    extra_figure,
    header_period,
    is_blank,
    parse_shares,
    percent_bonus,
    region_aliases,
    stock_column,
)
from bot.guides.markdown.months import year_of_months
from bot.guides.markdown.notes import none_said
from bot.guides.markdown.points import middle_name, points_in_header, split_points
from bot.guides.markdown.stakes import is_stake
from bot.guides.markdown.text import clean_inline
from bot.guides.markdown.units import HeaderUnit, header_unit
from bot.guides.model import UNPUBLISHED_BONUS, Bonus, Cell, ExtraFigure, RegionBand, StockGrant
from bot.guides.money import MoneyError

# --- one band, cell by cell -----------------------------------------------------------------------


# `Variable`, `Variable (10% of fixed)`, `Variable (cible 10 %)`, `Variable (Bonus)`: the target bonus by another name
VARIABLE_TARGET_RE = re.compile(
    r"variable(?:\s*\((?:[^)]*\d\s?%[^)]*|target|cible|ziel|alvo|objetivo|(?:annual\s+|target\s+)?bonus)\))?", re.I
)
WHOLE_UNDER_THOUSANDS = "the guide says its figures are in thousands, but this cell writes a whole amount"


class BandBuilder:
    """Collects one region's figures cell by cell, whatever the layout, and warns about
    each cell kept as written."""

    def __init__(self, name: str, currency: str | None, report: Reporter, level: str | None = None) -> None:
        self.name = name
        self.currency = currency
        self.report = report
        self.where = f"{level} {name}" if level else (name or "region")
        self.fields: dict = {"name": name, "level": level, "aliases": region_aliases(name)}
        self.extras: list[ExtraFigure] = []
        self.cells: list[Cell] = []
        self.flags: list[str] = []
        self.thousands = False  # the guide says its table's figures are in thousands (cells.in_thousands)
        self.points: str | None = None  # the middle's name when the guide says its cells are low / mid / high
        self.shares_column: tuple[str, str] | None = None  # a grant counted in shares: its column and cell
        # a footnote on the place or its base column, which may say how many monthly salaries a year pays (months.py)
        self.months_note: str | None = None
        self.words_under: tuple[str, ...] = ()  # the paragraphs under the table (notes.none_said)

    def flag(self, line: int | None, label: str, message: str) -> None:
        """The guide's figures disagree: warned at its line, and said with the band to whoever reads it."""
        self.report.warn(line, f"{self.where}: {label}" if label else self.where, message)
        self.flags.append(f"{label}: {message}" if label else message)

    def add(
        self,
        kind: str,
        label: str,
        cell: str,
        line: int,
        stock: tuple[str, int | None] | None = None,
        period: str | None = None,
    ) -> None:
        """One cell of the kind its column (or row) names; `stock` is (kind, years) from the header, `period` the one
        a footnote on the header gives its figures (`Equity†`: "† Equity is the yearly vesting value")."""
        if kind == "extra" and VARIABLE_TARGET_RE.fullmatch(clean_inline(label).strip()) and not self._taken("bonus"):
            # a column named `Variable` alone, with its target (`Variable (10% of fixed)`, `Variable (cible 10 %)`) or
            # naming the bonus it is (`Variable (Bonus)`), is the target bonus, in percent or in money
            kind = "bonus"
        elif kind == "extra" and VARIABLE_RE.search(label) and not self._taken("bonus"):
            bonus = percent_bonus(clean_inline(cell))
            if bonus is not None:  # `Variable: 10% of fixed`: the target bonus (variable pay in money stays beside)
                self.fields["bonus"] = bonus
                return
        if kind == "combined" and self._add_apart(label, cell, line):
            return
        if kind in ("extra", "combined"):
            unit = header_unit(label)
            scaled = in_scale(cell, unit.suffix) if unit else in_thousands(cell) if self.thousands else None
            if self.thousands and not unit and scaled is None and writes_whole(cell):
                self.extras.append(ExtraFigure(name=label, raw=f"{clean_inline(cell)} ({WHOLE_UNDER_THOUSANDS})"))
            elif (
                scaled is not None
            ):  # `110–127` under "(USD, thousands)": its figure read in thousands, kept as written
                extra = extra_figure(label, scaled, (unit and unit.currency) or self.currency)
                said = f"in {unit.written} as its column says" if unit else "in thousands as it says above its table"
                written = f"the guide writes {clean_inline(cell)}, {said}"
                raw = f"{extra.value} ({written})" if extra.value else f"{clean_inline(cell)} ({written})"
                self.extras.append(extra.model_copy(update={"raw": raw}))
            else:
                self.extras.append(extra_figure(label, cell, self.currency))
            return
        if is_blank(cell):
            if kind == "stock" and stock and "stock" not in self.fields:
                self.fields["stock"] = StockGrant(kind=stock[0], vesting_years=stock[1])
                self._none_said(label, cell)
            elif kind == "bonus" and "bonus" not in self.fields:
                self.fields["bonus"] = Bonus(kind="none", raw=clean_inline(cell) or "—")
            return
        if kind == "bonus":
            bonus = percent_bonus(clean_inline(cell))
            if bonus is not None and self._taken("bonus"):
                self.extras.append(ExtraFigure(name=label, raw=bonus.raw))
                return
            if bonus is not None:
                self.fields["bonus"] = bonus
                return
            bonus = None if self._taken("bonus") else bracketed_bonus(cell, self.currency)
            if bonus is not None:  # `até 2 salários (R$ 36.000 – R$ 48.000)`: the amount in brackets, the cell beside
                self.fields["bonus"] = bonus
                return
        reading = None
        if kind == "stock" and stock:
            try:
                shares = parse_shares(cell, label)
            except MoneyError as exc:  # `30,000–15,000 options`
                shares, reading = None, CellReading(clean_inline(cell), problem=str(exc))
            if shares is not None:
                written = clean_inline(cell)
                # `6,000 – 10,000 RSUs @ S$25.00 per share, vesting over 4 years (...)`: what follows the count
                # is kept with it as written (a price is never multiplied out here)
                counted = SHARES_RE.match(written)  # None for a plain count under a `(shares)` header
                note = written if counted and counted.end() < len(written.rstrip(" .")) else None
                grant = StockGrant(kind=stock[0], vesting_years=stock[1], shares=shares, note=note)
                self._set_stock(grant, label, cell)
                self.shares_column = (label, written)
                return
        points = (self.points or points_in_header(label)) if reading is None else None
        split = split_points(cell, self.currency) if points else None
        if split:  # `CHF 140K / 155K / 170K` where the guide says low / mid / high: the band low to high
            reading = replace(read_cell(f"{split[0]} – {split[2]}", self.currency), raw=clean_inline(cell))
            self._keep_middle(label, points, split, reading, line)
        unit = header_unit(label) if reading is None else None
        if unit is not None:  # `85–125` under `Base (₩ million)`: ₩85M–₩125M, the cell kept beside (units.py)
            reading = self._in_header_unit(cell, unit)
        scaled = in_thousands(cell) if self.thousands and reading is None and unit is None else None
        if scaled is not None:  # `85–104` under "All figures are GBP in thousands": £85K–£104K, the cell kept beside
            reading = replace(read_cell(scaled, self.currency), raw=clean_inline(cell), scale="thousands")
        elif self.thousands and reading is None and unit is None and writes_whole(cell):
            reading = CellReading(clean_inline(cell), problem=WHOLE_UNDER_THOUSANDS)
        reading = reading or read_cell(cell, self.currency)
        period = header_period(label, kind) or period
        if period and reading.figure is not None and reading.per is None and reading.years is None:
            reading = replace(reading, per=period)
        if self.months_note and kind == "base" and reading.per == "month":  # `R$ 40–52 mil/mês`, a year of 13
            reading, mismatch = year_of_months(reading, self.months_note)
            if mismatch:
                self.flag(line, label, mismatch)
        if reading.figure is None:
            self.report.warn(line, f"{self.where}: {label}", f"kept as written, not computed with: {reading.problem}")
            mismatch = spread_mismatch(cell, self.currency) or day_rate_mismatch(cell, self.currency)
            if mismatch:
                self.flag(line, label, mismatch)
            elif reading.problem and "exceeds high" in reading.problem:  # `CHF 14'000 – 11'800`: low above high
                self.flags.append(f"{label}: {reading.problem}: kept as written")
        elif reading.per == "month" and (mismatch := yearly_mismatch(cell, reading.figure)):
            self.flag(line, label, mismatch)
        if reading.figure is not None and kind != "stock" and reading.years is not None:
            reading = CellReading(reading.raw, problem=f"vesting years after a {kind.replace('_', '-')} amount")
            self.report.warn(line, f"{self.where}: {label}", f"kept as written, not computed with: {reading.problem}")
        if self._taken(kind) and not self._worth_of_count(kind, reading):
            # A second column of a kind the band has (`Retention Bonus` after `Bonus`): kept beside it.
            typed = reading.figure if reading.per != "month" else None
            self.extras.append(ExtraFigure(name=label, raw=reading.raw, value=typed))
            if kind == "stock":
                self._check_year_beside_grant(reading, stock, line)
            return
        self._place(kind, label, reading, stock, period)
        if kind == "stock":
            self._check_bracketed_year(cell, line)

    def _in_header_unit(self, cell: str, unit: HeaderUnit) -> CellReading | None:
        """The cell's bare numbers read in the unit its header gives; None when a number writes its own scale or is
        1,000 or more (the cell means what it writes)."""
        scaled = in_scale(cell, unit.suffix)
        if scaled is None:
            return None
        return replace(read_cell(scaled, unit.currency or self.currency), raw=clean_inline(cell), scale=unit.written)

    def _check_bracketed_year(self, cell: str, line: int) -> None:
        """`900万円–1,800万円 (300万円–600万円/yr)` under a grant over 3 years: the year in brackets must be the grant ÷
        its years; flagged when it is not, both kept as written (brackets.py)."""
        held = self.fields.get("stock")
        if held is None or held.value is None or held.per_year or not held.vesting_years:
            return
        said = bracketed_year(cell, self.currency)
        if said is not None:
            mismatch = year_beside_grant_mismatch(said[0], said[1], held.value, held.vesting_years)
            if mismatch:
                self.flag(line, "stock", mismatch)

    def _none_said(self, label: str, cell: str) -> None:
        """`n/a` under equity where the text under the table says the place has none ("Warsaw hires are on a local
        employment contract ... without equity"): the cell as written with that sentence, never "not published"."""
        said = none_said(self.words_under, self.name) if clean_inline(cell) else None
        if said:
            raw = f"{clean_inline(cell)} (“{said}”)"
            self.cells.append(Cell(kind="stock", column=label, raw=raw, problem="no equity, as the guide says"))

    def _keep_middle(self, label: str, name: str, points: tuple[str, ...], reading: CellReading, line: int) -> None:
        """The middle of a low / mid / high cell, beside the band it is read into; flagged when it is outside it."""
        if reading.figure is None:
            return  # the cell is kept as written, all three points with it
        middle = extra_figure(middle_name(label, name), points[1], self.currency)
        self.extras.append(middle)
        low, high, mid = reading.figure.low, reading.figure.high, middle.value
        if mid is not None and mid.low.currency == low.currency and not low.amount <= mid.low.amount <= high.amount:
            self.flag(line, label, f"the {name} ({points[1]}) is outside its range ({reading.figure}): kept as written")

    def _check_year_beside_grant(self, reading: CellReading, stock: tuple[str, int | None] | None, line: int) -> None:
        """`| Equity (4yr, at spread) | Equity / yr |`: a second stock column, yearly beside the band's grant over years
        (or a grant beside the band's yearly figure), must be the grant ÷ its years; flagged when it is not, both
        kept as written (the band's total is checked against its own stock, not this one)."""
        held = self.fields.get("stock")
        if held is None or held.value is None or reading.figure is None:
            return
        years = reading.years or (stock[1] if stock else None)
        if reading.per == "year" and not held.per_year and held.vesting_years:
            mismatch = year_beside_grant_mismatch(reading.raw, reading.figure, held.value, held.vesting_years)
        elif held.per_year and reading.per is None and years:
            mismatch = year_beside_grant_mismatch(str(held.value), held.value, reading.figure, years)
        else:
            return
        if mismatch:
            self.flag(line, "stock", mismatch)

    def _add_apart(self, label: str, cell: str, line: int) -> bool:
        """`Base / Bonus` over `$180K–$210K / 10%`: one column for two parts, each cell giving both, apart.
        A cell with one figure for two parts (`Stock/Bonus: $40K`) stays beside the band, as written."""
        heads = [part.strip() for part in re.split(r"\s*/\s*", clean_inline(label)) if part.strip()]
        values = [part.strip() for part in re.split(r"\s+/\s+", clean_inline(cell)) if part.strip()]
        kinds = [column_kind(head) for head in heads]
        if (
            len(heads) < 2
            or len(values) != len(heads)
            or not all(k in ("base", "bonus", "stock", "sign_on") for k in kinds)
        ):
            return False
        for head, kind, value in zip(heads, kinds, values, strict=True):
            self.add(kind, head, value, line, stock_column(head) if kind == "stock" else None)
        return True

    def _taken(self, kind: str) -> bool:
        """Whether the band already has this kind's figure (or a cell kept for it); a monthly figure
        leaves the yearly one to a later column (`Base (monthly)`, then `Base (annual)`)."""
        if any(cell.kind == kind and not (cell.per == "month" and kind not in self.fields) for cell in self.cells):
            return True
        value = self.fields.get(kind)
        if kind == "bonus":
            return value is not None and value.kind != "none"
        if kind == "stock":
            return value is not None and bool(value.value or value.shares or value.note)
        return value is not None

    def _worth_of_count(self, kind: str, reading: CellReading) -> bool:
        """A stock figure in money after a grant counted in shares (`2,400 – 4,000 sh`, then `CA$18,000 – CA$30,000`
        under `Equity / yr`): the grant's worth, which takes the band's stock (_set_stock keeps the count beside)."""
        held = self.fields.get("stock")
        counted = held and (held.shares or is_stake(held.note))
        return kind == "stock" and reading.figure is not None and bool(counted and not held.value)

    def _place(
        self, kind: str, label: str, reading: CellReading, stock: tuple[str, int | None] | None, period: str | None
    ) -> None:
        figure = reading.figure
        monthly = next((c for c in self.cells if c.kind == kind and c.per == "month"), None)
        if monthly is not None and figure is not None and reading.per != "month":
            # `Base (monthly)` then `Base (annual)`: the yearly figure is the band's; the monthly one stays beside it
            self.cells.remove(monthly)
            self.extras.append(ExtraFigure(name=monthly.column, raw=monthly.raw))
            self._check_twelve(label, monthly, figure, months_said(f"{reading.words or ''} {label}"))
        if kind == "bonus" and figure is not None and reading.sign_on:
            # `$15K–$30K sign-on` in a bonus column: a one-time sign-on, never a yearly bonus.
            if self._taken("sign_on"):
                self.fields.setdefault("bonus", Bonus(kind="text", raw=reading.raw))
                self.extras.append(ExtraFigure(name=label, raw=reading.raw, value=figure))
                return
            self.fields["sign_on"] = figure
            self.fields.setdefault("bonus", Bonus(kind="text", raw=reading.raw))
            self.cells.append(_cell("sign_on", label, reading))
            return
        if not reading.plain:
            self.cells.append(_cell(kind, label, reading))
        typed = figure is not None and reading.per != "month"  # a monthly figure is shown, not slotted as yearly
        if kind == "stock":
            stock_kind, years = stock or ("Stock", None)
            if typed and reading.per == "year":
                grant = StockGrant(kind=stock_kind, vesting_years=1, value=figure, per_year=True)
            elif typed:
                grant = StockGrant(kind=stock_kind, vesting_years=reading.years or years, value=figure)
            else:
                yearly = period == "year" and not reading.years  # `approx. 200万–350万円` under a yearly column
                grant = StockGrant(
                    kind=stock_kind, vesting_years=1 if yearly else years, note=reading.raw, per_year=yearly
                )
            self._set_stock(grant, label, reading.raw)
            if is_stake(grant.note) and self.fields.get("stock") is grant:
                self.shares_column = (label, reading.raw)  # `0.05%–0.08%` under `VSOP (% FD)`: a stake, kept beside
        elif kind == "bonus":
            if typed:
                self.fields["bonus"] = Bonus(kind="amount", amount=figure, raw=reading.raw)
            else:
                self.fields["bonus"] = Bonus(kind="text", raw=reading.raw)
        elif typed:
            self.fields[kind] = figure

    def _check_twelve(self, label: str, monthly: Cell, yearly, months: tuple[Fraction, str] | None = None) -> None:
        """A monthly figure beside a yearly one (`月給 38万〜48万円`, `年額 456万〜600万円`): twelve
        months of it must make the year; when they do not, flagged (both kept as written)."""
        written = re.sub(r"\s*(?:(?:a|per)\s+month|/\s*(?:mo|month|mth))\b\.?$", "", monthly.raw)  # said once
        mismatch = monthly.figure and twelve_months_mismatch(monthly.figure, yearly, written, str(yearly), months)
        if mismatch:
            self.flag(None, label, mismatch)

    def _set_stock(self, grant: StockGrant, label: str, raw: str) -> None:
        held = self.fields.get("stock")
        if held and (held.shares or is_stake(held.note)) and not held.value and grant.value and self.shares_column:
            # `| RSU grant (shares, 4 yr) | Equity / yr |`: the grant's worth in money is the band's stock (what its
            # total adds up), the count beside it as written (summary.share_price_disagreements checks the two)
            self.extras.append(ExtraFigure(name=self.shares_column[0], raw=self.shares_column[1]))
            if is_stake(held.note):  # the stake is beside the stock now, no stock kept as text
                self.cells = [c for c in self.cells if not (c.kind == "stock" and c.raw == held.note)]
            if grant.kind.startswith("@"):  # `Equity Value (@ €240M)`: the brackets say at what, the name is outside
                grant = grant.model_copy(update={"kind": re.sub(r"\(.*?\)", "", clean_inline(label)).strip()})
            self.fields["stock"] = grant
        elif held and (held.value or held.shares):
            self.extras.append(ExtraFigure(name=label, raw=clean_inline(raw), value=grant.value))
        else:
            self.fields["stock"] = grant

    def build(self, line: int | None) -> RegionBand | None:
        self.fields.setdefault("bonus", UNPUBLISHED_BONUS)
        currency = self.currency or _figure_currency(self.fields, self.cells) or ""
        try:
            band = RegionBand(currency=currency, extras=self.extras, cells=self.cells, flags=self.flags, **self.fields)
        except ValidationError as exc:
            self.report.warn(line, self.where, f"left out: {_reason(exc)}")
            return None
        differs = approximate_total_differs(band)  # `c. 78k €–95k €` + its other parts against the total
        if differs:
            self.flag(line, "total comp", differs)
            band = band.model_copy(update={"flags": list(self.flags)})
        return band


def _cell(kind: str, label: str, reading: CellReading) -> Cell:
    return Cell(
        kind=kind,
        column=label,
        raw=reading.raw,
        figure=reading.figure,
        conversion=reading.conversion,
        per=reading.per,
        years=reading.years,
        open_top=reading.open_top,
        words=reading.words,
        problem=reading.problem,
        spread=reading.spread,
        scale=reading.scale,
    )


def _figure_currency(fields: dict, cells: list[Cell]) -> str | None:
    """The currency of the band's first figure; else of the first cell read (`22 000–28 000 zł/mies.`, a month)."""
    for key in ("base", "total", "sign_on"):
        if fields.get(key) is not None:
            return fields[key].currency
    stock = fields.get("stock")
    if stock is not None and stock.value is not None:
        return stock.value.currency
    return next((cell.figure.currency for cell in cells if cell.figure is not None), None)


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
    return str(exc)
