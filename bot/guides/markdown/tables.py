"""The band table: regions and their figures.

Guides lay the table out in more than one way. Each layout has a reader here; the first
table whose header one of them recognises is the guide's band table. The reader for
the seed's layout, one row per region with a column per component, is `_regions_as_rows`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from typing import Protocol

from pydantic import ValidationError

from bot.guides.markdown.blocks import Block
from bot.guides.markdown.text import clean_inline
from bot.guides.model import NO_BONUS, Bonus, ExtraFigure, LevelBand, PercentRange, RegionBand, StockGrant
from bot.guides.money import MoneyError, MoneyRange, currency_for_prefix, is_known_currency, parse_range

DASHES = {"—", "–", "-", "n/a", "none", "", "—%", "0", "0%"}


class Reporter(Protocol):
    errors: list

    def error(self, line: int | None, where: str, message: str) -> None: ...
    def warn(self, line: int | None, where: str, message: str) -> None: ...


# --- column headers -----------------------------------------------------------------------

STOCK_WORDS = ("stock", "equity", "rsu", "option", "shares")
YEARS_RE = re.compile(r"(\d+)\s*-?\s*(?:yr|yrs|year|years|y)\b", re.I)


def column_kind(header: str) -> str:
    lowered = clean_inline(header).lower()
    if lowered.startswith(("region", "location", "market", "city", "geo")):
        return "region"
    if "total" in lowered:
        return "total"
    if "sign" in lowered:
        return "sign_on"
    if "base" in lowered or "salary" in lowered:
        return "base"
    if "bonus" in lowered:
        return "bonus"
    if any(word in lowered for word in STOCK_WORDS):
        return "stock"
    return "extra"


def stock_column(header: str) -> tuple[str, int | None]:
    """`Stock (Equity/4yr)` -> ('Equity', 4); `RSU (4yr)` -> ('RSU', 4);
    `Equity (Options/RSU est.)` -> ('Options/RSU est.', None)."""
    text = clean_inline(header)
    years_match = YEARS_RE.search(text)
    years = int(years_match[1]) if years_match else None
    inner = re.search(r"\(([^)]*)\)", text)
    kind = ""
    if inner:
        kind = YEARS_RE.sub("", inner[1]).strip(" /,-")
    if not kind:
        kind = re.sub(r"\(.*\)", "", text).strip()
    return kind, years


# --- cells ----------------------------------------------------------------------------------

CURRENCY_IN_CELL_RE = re.compile(r"\((?P<code>[A-Z]{3})\)")
PERCENT_RE = re.compile(r"^(?P<low>\d+(?:\.\d+)?)\s*%?\s*(?:(?:[–—-]|to)\s*(?P<high>\d+(?:\.\d+)?))?\s*%")


def region_cell(cell: str) -> tuple[str, str | None]:
    """`:gb: **London (GBP)**` -> ('London', 'GBP')."""
    text = clean_inline(cell)
    code = None
    match = CURRENCY_IN_CELL_RE.search(text)
    if match and is_known_currency(match["code"]):
        code = match["code"]
        text = (text[: match.start()] + text[match.end() :]).strip()
    return text, code


def is_blank(cell: str) -> bool:
    return clean_inline(cell).lower() in DASHES


def parse_bonus(cell: str, currency: str) -> Bonus:
    text = clean_inline(cell)
    if is_blank(text):
        return Bonus(kind="none", raw=text or "—")
    match = PERCENT_RE.match(text)
    if match:
        low = Decimal(match["low"])
        high = Decimal(match["high"] or match["low"])
        return Bonus(kind="percent", percent=PercentRange(low=low, high=high), raw=text)
    return Bonus(kind="amount", amount=parse_range(_figure_text(text), currency), raw=text)


FIGURE_NOTE_RE = re.compile(r"\s*\(.*?\)\s*|\s+(?:target|est\.?|estimated|approx\.?)\b.*$", re.I)


def _figure_text(text: str) -> str:
    """The figure part of a cell: `$155K–$220K (target)` -> `$155K–$220K`."""
    return FIGURE_NOTE_RE.sub("", text).strip()


@lru_cache(maxsize=32768)
def parse_money_cell(cell: str, currency: str | None) -> MoneyRange:
    """Cached (ranges are frozen): libraries repeat the same bands across many guides,
    and sharing one object per band also keeps a loaded library small."""
    return parse_range(_figure_text(clean_inline(cell)), currency)


def extra_figure(label: str, cell: str, currency: str | None) -> ExtraFigure:
    """A column or row the model has no slot for, kept as written, with its figure when
    it reads as one (a relocation allowance does; `remote-friendly` does not)."""
    value = None
    if not is_blank(cell):
        try:
            value = parse_money_cell(cell, currency)
        except MoneyError:
            value = None
    return ExtraFigure(name=label, raw=clean_inline(cell), value=value)


def first_currency(cells: list[str]) -> str | None:
    """The currency of the first amount that names one, for rows that name it only once."""
    for cell in cells:
        for token in re.findall(r"[A-Z]{0,3}[$£€¥₹₪₩]|\b[A-Z]{3}\b", clean_inline(cell)):
            code = currency_for_prefix(token)
            if code:
                return code
    return None


def currency_problem(cells: list[str]) -> str:
    """Why no currency was found: the first cell's own complaint (`unknown currency 'XYZ'`)."""
    for cell in cells:
        if is_blank(cell):
            continue
        try:
            parse_money_cell(cell, None)
        except MoneyError as exc:
            if "unknown currency" in str(exc):
                return str(exc)
    return "no known currency in the row"


# --- layouts ---------------------------------------------------------------------------------

TableReader = Callable[[Block, Reporter], list[RegionBand] | None]


def _regions_as_rows(table: Block, report: Reporter) -> list[RegionBand] | None:
    """`| Region | Base Salary | Stock | Bonus | Total Comp |`: one region per row."""
    kinds = [column_kind(cell) for cell in table.rows[0]]
    if not kinds or kinds[0] != "region" or not ({"base", "total", "stock"} & set(kinds)):
        return None
    return _band_rows(table, kinds, report, first=0)


def _levels_and_regions_as_rows(table: Block, report: Reporter) -> list[RegionBand] | None:
    """`| Level | Region | Base Salary | Stock | Bonus | Total Comp |`: one band per level
    and region (`| L5 SDE II | Seattle | $140K-$180K | ...`), each with its components."""
    header = table.rows[0]
    if len(header) < 3 or clean_inline(header[0]).lower() not in LEVEL_HEADERS:
        return None
    kinds = ["level", *(column_kind(cell) for cell in header[1:])]
    if kinds[1] != "region" or not ({"base", "total", "stock"} & set(kinds)):
        return None
    return _band_rows(table, kinds, report, first=1)


def _band_rows(table: Block, kinds: list[str], report: Reporter, first: int) -> list[RegionBand]:
    """Rows of a band table whose column `first` names the region (and column 0 the
    level when `first` is 1); the columns after it are components."""
    header = table.rows[0]
    regions: list[RegionBand] = []
    for row, line in zip(table.rows[1:], table.row_lines[1:], strict=True):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            report.error(line, "band table", f"row has {len(row)} cells, the header {len(header)}")
            continue
        level = clean_inline(row[0]) if first else None
        label = clean_inline(row[first]) or "region"
        if all(is_blank(cell) for cell in row[first + 1 :]):
            report.warn(line, f"{level} {label}" if level else label, "no figures in the row; left out")
            continue
        region = _region_row(header[first:], kinds[first:], row[first:], line, report, level)
        if region is not None:
            regions.append(region)
    return regions


def _region_row(
    header: list[str], kinds: list[str], row: list[str], line: int, report: Reporter, level: str | None = None
) -> RegionBand | None:
    name, currency = region_cell(row[0])
    where = f"{level} {name}" if level else (name or "region")
    currency = currency or first_currency(row[1:])
    if currency is None:
        report.error(line, f"{where}: currency", currency_problem(row[1:]))
        return None
    fields: dict = {"name": name, "level": level, "currency": currency, "aliases": region_aliases(name)}
    extras: list[ExtraFigure] = []
    ok = True
    for column, kind, cell in zip(header[1:], kinds[1:], row[1:], strict=True):
        label = clean_inline(column)
        try:
            if kind in ("base", "total", "sign_on"):
                if not is_blank(cell):
                    fields[kind] = parse_money_cell(cell, currency)
            elif kind == "stock":
                stock_kind, years = stock_column(column)
                value = None if is_blank(cell) else parse_money_cell(cell, currency)
                fields["stock"] = StockGrant(kind=stock_kind, vesting_years=years, value=value)
            elif kind == "bonus":
                fields["bonus"] = parse_bonus(cell, currency)
            else:
                extras.append(extra_figure(label, cell, currency))
        except (MoneyError, ValidationError) as exc:
            report.error(line, f"{where}: {label}", _reason(exc))
            ok = False
    if not ok:
        return None
    fields.setdefault("bonus", NO_BONUS)
    try:
        return RegionBand(extras=extras, **fields)
    except ValidationError as exc:
        report.error(line, where, _reason(exc))
        return None


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
    return str(exc)


def region_aliases(name: str) -> list[str]:
    """Names a person may use for a region beyond its own: `San Francisco HQ` -> san francisco, hq."""
    lowered = name.lower()
    aliases = []
    core = re.sub(r"\b(hq|headquarters|office)\b|\(.*?\)", "", lowered).strip(" -,")
    if core and core != lowered:
        aliases.append(core)
    if re.search(r"\b(hq|headquarters)\b", lowered):
        aliases.append("hq")
    return aliases


# --- levels as rows, regions as columns ----------------------------------------------------------

LEVEL_HEADERS = {"level", "levels", "job level", "grade", "band", "title"}
COMPONENT_HEADERS = {"component", "components", "pay component", "element", "comp component", "compensation"}


def _region_columns(header: list[str]) -> list[tuple[str, str | None]]:
    """`Sunnyvale (USD)` -> ('Sunnyvale', 'USD'): the region and the currency its header names."""
    return [region_cell(cell) for cell in header[1:]]


def _check_currency(value: MoneyRange, currency: str | None, name: str) -> None:
    if currency is not None and value.currency != currency:
        raise MoneyError(f"is in {value.currency}, the column {name!r} in {currency}")


def _levels_as_rows(table: Block, report: Reporter) -> list[RegionBand] | None:
    """`| Level | Sunnyvale (USD) | London (GBP) |` with one total range per cell:
    each region keeps its figures per level (RegionBand.levels)."""
    header = table.rows[0]
    if len(header) < 2 or clean_inline(header[0]).lower() not in LEVEL_HEADERS:
        return None
    columns = _region_columns(header)
    levels: list[list[LevelBand]] = [[] for _ in columns]
    ok = True
    for row, line in zip(table.rows[1:], table.row_lines[1:], strict=True):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            report.error(line, "band table", f"row has {len(row)} cells, the header {len(header)}")
            ok = False
            continue
        level = clean_inline(row[0])
        for index, cell in enumerate(row[1:]):
            name, currency = columns[index]
            if is_blank(cell):
                continue
            try:
                value = parse_money_cell(cell, currency)
                _check_currency(value, currency, name)
            except (MoneyError, ValidationError) as exc:
                report.error(line, f"{name}: {level or 'level'}", _reason(exc))
                ok = False
                continue
            levels[index].append(LevelBand(level=level, total=value))
    if not ok:
        return []
    regions: list[RegionBand] = []
    for (name, currency), bands in zip(columns, levels, strict=True):
        if not bands:
            report.warn(table.line, name or "region", "no figures in its column; left out")
            continue
        try:
            regions.append(
                RegionBand(
                    name=name,
                    aliases=region_aliases(name),
                    currency=currency or bands[0].total.currency,
                    levels=bands,
                )
            )
        except ValidationError as exc:
            report.error(table.line, name or "region", _reason(exc))
    return regions


# --- components as rows, regions as columns ------------------------------------------------------

SHARES_RE = re.compile(
    r"^(?P<low>\d[\d,]*)\s*(?:(?:–|—|-|to)\s*(?P<high>\d[\d,]*)\s*)?(?P<unit>options|shares|units|rsus)\b",
    re.I,
)


def parse_shares(cell: str) -> tuple[int, int] | None:
    """`15,000 – 30,000 options` -> (15000, 30000): a grant counted in shares, not money."""
    match = SHARES_RE.match(clean_inline(cell))
    if not match:
        return None
    low = int(match["low"].replace(",", ""))
    high = int((match["high"] or match["low"]).replace(",", ""))
    if low > high:
        raise MoneyError(f"low {low:,} exceeds high {high:,} {match['unit'].lower()}")
    return low, high


def stock_row_kind(label: str) -> tuple[str, int | None]:
    """`RSU Grant (4-yr vest)` -> ('RSU', 4); `Options (4-yr vest)` -> ('Options', 4)."""
    text = clean_inline(label)
    years_match = YEARS_RE.search(text)
    years = int(years_match[1]) if years_match else None
    kind = re.sub(r"\(.*?\)", "", text)
    kind = re.sub(r"\b(grant|grants|value|award|package|est\.?|estimated|annual)\b", "", kind, flags=re.I)
    return re.sub(r"\s+", " ", kind).strip(" /,-") or "Equity", years


def _components_as_rows(table: Block, report: Reporter) -> list[RegionBand] | None:
    """`| Component | San Francisco (USD) | London (GBP) |` with rows Base Salary, Annual
    Bonus, RSU Grant or Options (a share count), Signing Bonus, Total."""
    header = table.rows[0]
    if len(header) < 2 or clean_inline(header[0]).lower() not in COMPONENT_HEADERS:
        return None
    columns = _region_columns(header)
    body = [
        (row, line)
        for row, line in zip(table.rows[1:], table.row_lines[1:], strict=True)
        if any(c.strip() for c in row)
    ]
    ok = True
    for row, line in body:
        if len(row) != len(header):
            report.error(line, "band table", f"row has {len(row)} cells, the header {len(header)}")
            ok = False
    if not ok:
        return []
    regions: list[RegionBand] = []
    for index, (name, currency) in enumerate(columns, start=1):
        currency = currency or first_currency([row[index] for row, _ in body])
        if currency is None:
            report.error(table.line, f"{name}: currency", currency_problem([row[index] for row, _ in body]))
            continue
        region = _region_column(name, currency, [(row[0], row[index], line) for row, line in body], report)
        if region is not None:
            regions.append(region)
    return regions


def _region_column(name: str, currency: str, cells: list[tuple[str, str, int]], report: Reporter) -> RegionBand | None:
    fields: dict = {"name": name, "currency": currency, "aliases": region_aliases(name)}
    extras: list[ExtraFigure] = []
    ok = True
    for label_cell, cell, line in cells:
        label = clean_inline(label_cell)
        kind = column_kind(label)
        try:
            if kind in ("base", "total", "sign_on"):
                if not is_blank(cell):
                    value = parse_money_cell(cell, currency)
                    _check_currency(value, currency, name)
                    fields[kind] = value
            elif kind == "bonus":
                if not is_blank(cell):
                    fields["bonus"] = parse_bonus(cell, currency)
            elif kind == "stock":
                if is_blank(cell):
                    continue
                stock_kind, years = stock_row_kind(label)
                shares = parse_shares(cell)
                if shares is not None:
                    grant = StockGrant(kind=stock_kind, vesting_years=years, shares=shares)
                else:
                    value = parse_money_cell(cell, currency)
                    _check_currency(value, currency, name)
                    grant = StockGrant(kind=stock_kind, vesting_years=years, value=value)
                if "stock" in fields:
                    extras.append(ExtraFigure(name=label, raw=clean_inline(cell), value=grant.value))
                else:
                    fields["stock"] = grant
            elif not is_blank(cell):
                extras.append(extra_figure(label, cell, currency))
        except (MoneyError, ValidationError) as exc:
            report.error(line, f"{name}: {label}", _reason(exc))
            ok = False
    if not ok:
        return None
    if not any(key in fields for key in ("base", "total", "stock")):
        report.warn(cells[0][2] if cells else None, name or "region", "no figures in its column; left out")
        return None
    fields.setdefault("bonus", NO_BONUS)
    try:
        return RegionBand(extras=extras, **fields)
    except ValidationError as exc:
        report.error(cells[0][2] if cells else None, name or "region", _reason(exc))
        return None


TABLE_READERS: list[TableReader] = [
    _regions_as_rows,
    _levels_and_regions_as_rows,
    _levels_as_rows,
    _components_as_rows,
]


def read_band_table(blocks: list[Block], report: Reporter, line: int | None = None) -> list[RegionBand]:
    """The regions of the guide's band table; `line` is where the guide starts, for the
    error when it has no table at all."""
    tables = [block for block in blocks if block.kind == "table"]
    for table in tables:
        for reader in TABLE_READERS:
            errors_before = len(report.errors)
            regions = reader(table, report)
            if regions is not None:
                if not regions and len(report.errors) == errors_before:
                    report.error(table.line, "band table", "the table has no region rows with figures")
                return regions
    if tables:
        report.error(tables[0].line, "band table", f"header not recognised: {' | '.join(tables[0].rows[0])}")
    else:
        report.error(line, "band table", "missing: the guide has no table of figures")
    return []
