"""The band table: regions and their figures.

Guides lay the table out in more than one way. Each layout has a reader here; the first
table whose header one of them recognises is the guide's band table. The reader for
the seed's layout, one row per region with a column per component, is `_regions_as_rows`.

The reader is forgiving where a guide is unusual and strict where a figure is at stake:
each cell goes through `cells.read_cell`; a cell it cannot read exactly is kept as the
guide wrote it (`Cell` with no figure), never computed with, and warned about at its
line. Only a guide with no band table at all is left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from bot.guides.markdown.blocks import Block
from bot.guides.markdown.builder import BandBuilder
from bot.guides.markdown.cells import (
    FOOTNOTE_RE,
    read_cell,
)
from bot.guides.markdown.columns import (
    EMOJI_RE,
    Reporter,
    column_kind,
    extra_figure,
    first_currency,
    is_blank,
    region_aliases,
    region_cell,
    stock_column,
    stock_row_kind,
)
from bot.guides.markdown.corners import parts_down_blank_corner
from bot.guides.markdown.footnotes import footnoted_stock, with_footnotes
from bot.guides.markdown.notes import as_the_row_writes_it, with_note_overrides
from bot.guides.markdown.points import points_above
from bot.guides.markdown.roles import another_roles_heading
from bot.guides.markdown.split_rows import is_figure_first, mended_rows
from bot.guides.markdown.text import clean_inline
from bot.guides.model import (
    ExtraFigure,
    LevelBand,
    RegionBand,
)
from bot.guides.money import PESOS, is_known_currency, krona_for

# --- layouts ---------------------------------------------------------------------------------

TableReader = Callable[[Block, Reporter], list[RegionBand] | None]


EMPLOYMENT_HEADERS_RE = re.compile(
    r"^(?:雇用形態|契約形態|employment(?:\s+type)?|contract(?:\s+type)?|type|hire\s+type)$", re.I
)


def _names_us_dollars(cells: list[str]) -> bool:
    """Whether a cell writes US dollars as such (`US$`, `USD`), not a bare `$`."""
    return any(re.search(r"US\$|\bUSD\b", clean_inline(cell)) for cell in cells)


def _regions_as_rows(table: Block, report: Reporter) -> list[RegionBand] | None:
    """`| Region | Base Salary | Stock | Bonus | Total Comp |`: one region per row."""
    table = _employment_in_place(table)
    kinds = [column_kind(cell) for cell in table.rows[0]]
    if not kinds or kinds[0] != "region" or not (FIGURE_KINDS & set(kinds)):
        return None
    if len(kinds) > 2 and is_level_header(table.rows[0][1]):
        return None  # `| City | Level | ...`: a band per region and level (_levels_and_regions_as_rows)
    return _band_rows(table, kinds, report, first=0)


def _employment_in_place(table: Block) -> Block:
    """`| 拠点 | 雇用形態 | ...` with a place twice (東京 正社員, 東京 業務委託): the second kind of
    hire is a band of its own, named with it (`東京 · 業務委託`); the first keeps the place's name."""
    header = table.rows[0]
    if len(header) < 3 or not EMPLOYMENT_HEADERS_RE.match(clean_inline(header[1])):
        return table
    seen: set[str] = set()
    rows = [[header[0], *header[2:]]]
    for row in table.rows[1:]:
        place = clean_inline(row[0])
        named = f"{place} · {clean_inline(row[1])}" if place in seen and len(row) > 1 else place
        seen.add(place)
        rows.append([named, *row[2:]])
    return replace(table, rows=rows)


FIGURE_KINDS = {"base", "total", "total_year1", "stock", "combined"}
SUMMARY_ROW_RE = re.compile(
    r"^(?:totals?|sum|average|avg|mean|median|all\s+regions|overall|notes?|footnotes?|source|sources)\b", re.I
)


def _levels_and_regions_as_rows(table: Block, report: Reporter) -> list[RegionBand] | None:
    """`| Level | Region | Base Salary | Stock | Bonus | Total Comp |`: one band per level
    and region (`| L5 SDE II | Seattle | $140K-$180K | ...`), each with its components."""
    header = table.rows[0]
    if len(header) >= 3 and column_kind(header[0]) == "region" and is_level_header(header[1]):
        # `| City | Level | Fixed pay | ...`: the same bands, the region named first
        table = replace(table, rows=[[row[1], row[0], *row[2:]] if len(row) > 1 else row for row in table.rows])
        header = table.rows[0]
    if len(header) < 3 or not is_level_header(header[0]):
        return None
    kinds = ["level", *(column_kind(cell) for cell in header[1:])]
    if kinds[1] != "region" or not (FIGURE_KINDS & set(kinds)):
        return None
    return _band_rows(table, kinds, report, first=1)


def _band_rows(table: Block, kinds: list[str], report: Reporter, first: int) -> list[RegionBand]:
    """Rows of a band table whose column `first` names the region (and column 0 the
    level when `first` is 1); the columns after it are components."""
    header = table.rows[0]
    column_notes, row_notes = dict(table.column_notes), dict(table.row_notes)
    overrides = {(line, column): (written, note) for line, column, written, note in table.overrides}
    regions: list[RegionBand] = []
    for row, line in mended_rows(header, table.rows[1:], table.row_lines[1:], first):
        if not any(cell.strip() for cell in row):
            continue
        if is_figure_first(row, first):
            written = clean_inline(row[first])
            report.warn(line, "band table", f"row starts with a figure ({written}), not a place; left out")
            continue
        if len(row) > len(header):
            report.warn(line, "band table", f"row has {len(row)} cells, the header {len(header)}; left out")
            continue
        if len(row) < len(header):
            # A row that stops early (`| Berlin | €90K |`): the cells it leaves out are blank.
            message = f"row has {len(row)} cells, the header {len(header)}; the rest read as blank"
            report.warn(line, "band table", message)
            row = row + [""] * (len(header) - len(row))
        level = clean_inline(row[0]) if first else None
        label = clean_inline(row[first]) or "region"
        if SUMMARY_ROW_RE.match(label.strip("*_ ")):
            # `| **Total (avg)** | $167K | ...`, `| Note: figures exclude sign-on |`: no region's band.
            report.warn(line, label, "a summary or note row, not a region; left out")
            continue
        if all(is_blank(cell) for cell in row[first + 1 :]):
            report.warn(line, f"{level} {label}" if level else label, "no figures in the row; left out")
            continue
        name, currency = region_cell(row[first])
        currency = (
            currency or first_currency(row[first + 1 :], name) or _legend_currency(table, name) or table.stated_currency
        )
        if currency == "USD" and table.stated_currency in PESOS and not _names_us_dollars(row[first + 1 :]):
            currency = table.stated_currency  # `$95 mil` under `Cifras en pesos mexicanos (MXN)`: the peso's sign
        band = BandBuilder(name, currency, report, level)
        band.thousands = table.stated_thousands
        band.points = table.stated_points
        band.words_under = table.words_under
        band.months_note = row_notes.get(line) or next(
            (column_notes[c] for c, k in zip(header, kinds, strict=True) if k == "base" and c in column_notes), None
        )
        if table.stated_currency and currency and currency != table.stated_currency and not table.stated_exceptions:
            band.flag(
                line,
                "currency",
                f"the guide says its figures are in {table.stated_currency}, this row's are in {currency}: "
                f"kept in {currency}, as written",
            )
        ranged: tuple[str, str] | None = None  # the last column of a part, for a median written beside it
        for column, kind, cell in zip(header[first + 1 :], kinds[first + 1 :], row[first + 1 :], strict=True):
            label = clean_inline(column)
            stock, period = footnoted_stock(column, column_notes.get(column)) if kind == "stock" else (None, None)
            band.add(kind, label, cell, line, stock, period)
            if (line, column) in overrides:  # a note under the table gave the cell its figure: the row's kept beside
                band.extras.append(as_the_row_writes_it(label, *overrides[(line, column)]))
            if MEDIAN_HEADER_RE.match(label) and ranged:  # `| Salário mensal (faixa) | Mediana mensal |`
                _warn_point_outside(band, ranged[0], "median", cell, ranged[1], line)
            elif kind in FIGURE_KINDS:
                ranged = (label, cell)
        region = band.build(line)
        if region is not None:
            regions.append(region)
    return regions


# --- levels as rows, regions as columns ----------------------------------------------------------

MEDIAN_HEADER_RE = re.compile(r"^(?:median|mediana|m[ée]diane|midpoint|p50)\b", re.I)
LEVEL_HEADERS = {"level", "levels", "job level", "grade", "band", "title"}
# A level column named in another script beside its English (`グレード Grade`, `等級`): its own words say so
LEVEL_HEADER_WORDS_RE = re.compile(r"グレード|等級|レベル|職位|\b(?:grade|level|niveau|nivel|stufe|poziom)\b", re.I)


def is_level_header(cell: str) -> bool:
    text = clean_inline(cell).lower()
    return text in LEVEL_HEADERS or bool(LEVEL_HEADER_WORDS_RE.search(text)) and column_kind(text) != "region"


COMPONENT_HEADERS = {"component", "components", "pay component", "element", "comp component", "compensation"}


def _region_columns(header: list[str]) -> list[tuple[str, str | None]]:
    """`Sunnyvale (USD)` -> ('Sunnyvale', 'USD'): the region and the currency its header names."""
    return [region_cell(cell) for cell in header[1:]]


def whole_rows(table: Block, report: Reporter):
    """(row, line) of each row with as many cells as the header; a row with more or fewer is left out, said."""
    header = table.rows[0]
    for row, line in zip(table.rows[1:], table.row_lines[1:], strict=True):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            report.warn(line, "band table", f"row has {len(row)} cells, the header {len(header)}; left out")
            continue
        yield row, line


def _levels_as_rows(table: Block, report: Reporter) -> list[RegionBand] | None:
    """`| Level | Sunnyvale (USD) | London (GBP) |` with one total range per cell:
    each region keeps its figures per level (RegionBand.levels)."""
    header = table.rows[0]
    if len(header) < 2 or clean_inline(header[0]).lower() not in LEVEL_HEADERS:
        return None
    if any(column_kind(cell) in FIGURE_KINDS | {"bonus", "sign_on"} for cell in header[1:]):
        return None  # `| Level | Base | Bonus | ... |`: parts by level, no region (_levels_with_parts)
    if any(COMPARISON_RE.search(clean_inline(cell)) for cell in header[1:]):
        return None  # `| Level | Tallowick (band) | Grimsby Interactive | ...`: other companies' columns, no places
    columns = _region_columns(header)
    levels: list[list[LevelBand]] = [[] for _ in columns]
    for row, line in whole_rows(table, report):
        level = clean_inline(row[0])
        for index, cell in enumerate(row[1:]):
            name, currency = columns[index]
            if is_blank(cell):
                continue
            reading = read_cell(cell, currency or krona_for(name))
            if reading.figure is None:
                where = f"{name}: {level or 'level'}"
                report.warn(line, where, f"kept as written, not computed with: {reading.problem}")
            total = reading.figure if reading.per != "month" else None
            levels[index].append(LevelBand(level=level, total=total, raw=None if reading.plain else reading.raw))
    regions: list[RegionBand] = []
    for (name, currency), bands in zip(columns, levels, strict=True):
        if not bands:
            report.warn(table.line, name or "region", "no figures in its column; left out")
            continue
        figures = [band.total for band in bands if band.total is not None]
        regions.append(
            RegionBand(
                name=name,
                aliases=region_aliases(name),
                currency=currency or (figures[0].currency if figures else krona_for(name) or ""),
                levels=bands,
            )
        )
    return regions


# A column marked as the company's own band beside others' (`Tallowick (band)`, `Our band`): the other columns are
# competitors' figures, never places of this guide
COMPARISON_RE = re.compile(r"\((?:band|ours?|this\s+company)\)|\bour\s+band\b", re.I)


# --- components as rows, regions as columns ------------------------------------------------------


def _components_as_rows(table: Block, report: Reporter) -> list[RegionBand] | None:
    """`| Component | San Francisco (USD) | London (GBP) |` with rows Base Salary, Annual
    Bonus, RSU Grant or Options (a share count), Signing Bonus, Total."""
    header = table.rows[0]
    if len(header) < 2 or not (clean_inline(header[0]).lower() in COMPONENT_HEADERS or parts_down_blank_corner(table)):
        return None
    if any(COMPARISON_RE.search(clean_inline(cell)) for cell in header[1:]):
        return None  # a competitor comparison: its other columns are no places
    columns = _region_columns(header)
    body = [
        (row, line)
        for row, line in zip(table.rows[1:], table.row_lines[1:], strict=True)
        if any(c.strip() for c in row)
    ]
    for row, line in body:
        if len(row) != len(header):
            report.warn(line, "band table", f"row has {len(row)} cells, the header {len(header)}; left out")
    body = [(row, line) for row, line in body if len(row) == len(header)]
    notes = [i for i, (name, _) in enumerate(columns, start=1) if name.lower() in NOTE_HEADERS]
    regions: list[RegionBand] = []
    for index, (name, currency) in enumerate(columns, start=1):
        if index in notes:
            continue
        currency = currency or first_currency([row[index] for row, _ in body], name) or table.stated_currency
        band = BandBuilder(name, currency, report)
        for row, line in body:
            label, cell = clean_inline(row[0]), row[index]
            said = " ".join(clean_inline(row[i]) for i in notes if not is_blank(row[i]))
            if said:  # `| Equity grant | ... | Total grant, vests 25% a year over 4 years |`: beside every place's
                band.extras.append(ExtraFigure(name=f"{label} (notes)", raw=said))
            if is_blank(cell):
                continue
            kind = column_kind(label)
            stock = stock_row_kind(label) if kind == "stock" else None
            if stock and stock[1] is None and (over := NOTE_YEARS_RE.search(said)):
                stock = (stock[0], int(over["years"]))  # the row's note says the grant's years
            band.add(kind, label, cell, line, stock)
        if not any(key in band.fields for key in ("base", "total", "total_year1", "stock")) and not band.cells:
            report.warn(body[0][1] if body else table.line, name or "region", "no figures in its column; left out")
            continue
        region = band.build(body[0][1] if body else table.line)
        if region is not None:
            regions.append(region)
    return regions


# A column beside the places that comments on each row, never a place of its own
NOTE_HEADERS = {"notes", "note", "comments", "comment", "remarks", "anmerkungen", "hinweise", "opmerkingen", "notas",
                "remarques", "observaciones"}  # fmt: skip
NOTE_YEARS_RE = re.compile(r"\bover\s+(?P<years>\d)\s*-?\s*(?:years?|yrs?|jahre?n?|ans|años|anos|jaar)\b", re.I)


# The region of a band whose table names none (`| Level | Base | Bonus | ... |` in a guide for one city):
# the guide reader names it after the place its title gives, if any (bot/guides/markdown/reader.py).
ONE_REGION = "All locations"


# `| Level | Singapore<br>Base¹ | Singapore<br>RSU / yr | Sydney<br>Base² | ... |`: a place and a part in each header
# (its lines joined by "; "), a band per level and place
GROUP_SPLIT_RE = re.compile(r"\s*(?:;|·|—|–|\s-\s|/(?=\s*[A-Z][a-z]))\s*")
BAND_PART_KINDS = {"base", "stock", "bonus", "sign_on", "total", "total_year1"}


def _place_and_part(header: str) -> tuple[str, str] | None:
    pieces = [piece for piece in GROUP_SPLIT_RE.split(clean_inline(header), maxsplit=1) if piece]
    if len(pieces) != 2:
        return None
    place, part = pieces[0], FOOTNOTE_RE.sub("", pieces[1]).strip()
    if column_kind(place) in BAND_PART_KINDS or column_kind(part) not in BAND_PART_KINDS:
        return None
    return place, part


def _levels_with_place_groups(table: Block, report: Reporter) -> list[RegionBand] | None:
    """Levels down the first column, a group of parts for each place across the top. A cell holding its low and its
    high on two lines (`S$84K<br>S$102K`) is that range; a figure in another currency than its place's others is kept
    in its own and flagged."""
    header = table.rows[0]
    if len(header) < 3 or clean_inline(header[0]).lower() not in LEVEL_HEADERS:
        return None
    groups = [_place_and_part(cell) for cell in header[1:]]
    if None in groups or len({place for place, _ in groups}) < 2:
        return None
    rows = list(whole_rows(table, report))
    usual = {}
    for place in dict.fromkeys(place for place, _ in groups):
        seen = [first_currency([row[i + 1]]) for row, _ in rows for i, (p, _) in enumerate(groups) if p == place]
        counted = Counter(code for code in seen if code)
        usual[place] = counted.most_common(1)[0][0] if counted else None
    bands: list[RegionBand] = []
    for row, line in rows:
        level = clean_inline(row[0])
        builders: dict[str, BandBuilder] = {}
        for (place, part), cell in zip(groups, row[1:], strict=True):
            builder = builders.setdefault(place, BandBuilder(place, usual[place], report, level))
            written = _two_lines(cell)
            code = first_currency([written])
            if code and usual[place] and code != usual[place]:
                message = f"in {code} while {place}'s other figures are in {usual[place]}: kept in {code}, as written"
                builder.flag(line, part, message)
            kind = column_kind(part)
            builder.add(kind, part, written, line, stock_column(part) if kind == "stock" else None)
        bands += [band for band in (b.build(line) for b in builders.values()) if band is not None]
    return bands


def _two_lines(cell: str) -> str:
    """`S$84K; S$102K` (a cell's two lines) as the range they write, low first; any other cell as it is."""
    halves = [half.strip() for half in clean_inline(cell).split(";")]
    if len(halves) != 2 or not all(AMOUNT_LINE_RE.fullmatch(half) for half in halves):
        return cell
    return f"{halves[0]} – {halves[1]}"


AMOUNT_LINE_RE = re.compile(
    r"(?:[A-Z]{0,3}[$£€¥₹₪₩]|[A-Z]{3}\s?)?\s?\d[\d,.' ]*\s?(?:[KkMmL]|lakh|cr)?(?:\s?[A-Z]{3}|\s?[€£])?"
)


def _levels_with_parts(table: Block, report: Reporter) -> list[RegionBand] | None:
    """`| Level | Base (monthly) | Base (annual) | Bonus | Equity (per year) | Total |`: a band per level,
    for the one place the guide is about."""
    header = table.rows[0]
    if len(header) < 3 or clean_inline(header[0]).lower() not in LEVEL_HEADERS:
        return None
    kinds = ["level", *(column_kind(cell) for cell in header[1:])]
    if not (FIGURE_KINDS & set(kinds)) or "region" in kinds:
        return None
    placed = replace(
        table, rows=[[row[0], ONE_REGION if i else "Region", *row[1:]] for i, row in enumerate(table.rows)]
    )
    return _band_rows(placed, ["level", "region", *kinds[1:]], report, first=1)


# --- percentiles as columns ------------------------------------------------------------------------

# `P25`, `p75`, `25th percentile`, `Median`: a column of one percentile (the median is the 50th)
PERCENTILE_RE = re.compile(
    r"^(?:p\s?(?P<p>\d{1,2})|(?P<n>\d{1,2})(?:th|e|º)?\s*(?:percentile|pctl?|perzentil|percentil)|median)$", re.I
)


def _percentile(header: str) -> int | None:
    found = PERCENTILE_RE.match(clean_inline(header))
    return (int(found["p"] or found["n"] or 50)) if found else None


def _percentiles_as_columns(table: Block, report: Reporter) -> list[RegionBand] | None:
    """`| Region | Component | P25 | P50 | P75 |`, the region written on its group's first row only: each part's
    band runs from the lowest percentile to the highest (P25 to P75); those between (the median) are kept
    beside the band, each figure in the currency it is written in."""
    header = table.rows[0]
    if len(header) < 4 or column_kind(header[0]) != "region":
        return None
    if clean_inline(header[1]).lower() not in COMPONENT_HEADERS:
        return None
    ranks = [_percentile(cell) for cell in header[2:]]
    if None in ranks or ranks != sorted(ranks):
        return None
    groups, rows = _place_groups(table, report)
    for builder, row, line in rows:
        _add_percentile_row(builder, [clean_inline(cell) for cell in header[2:]], row[1], row[2:], line)
    bands = [builder.build(line) for builder, line in groups]
    return [band for band in bands if band is not None]


def _place_groups(table: Block, report: Reporter) -> tuple[list[tuple[BandBuilder, int]], list[tuple]]:
    """A table whose first column names a place on its group's first row only, or on every row of it (`| Denver HQ |
    Base Salary | ... |`, `| Denver HQ | Equity/yr* | ... |`): a builder per place (with its first line), and each
    row with its place's builder."""
    groups: list[tuple[BandBuilder, int]] = []
    rows: list[tuple[BandBuilder, list[str], int]] = []
    for row, line in whole_rows(table, report):
        if groups and region_cell(row[0])[0] == groups[-1][0].name:
            pass  # the place written again on the next row of its group
        elif clean_inline(row[0]):
            name, currency = region_cell(row[0])
            groups.append((BandBuilder(name, currency or first_currency(row[2:], name), report), line))
        elif not groups:
            report.warn(line, "band table", "a row under no region; left out")
            continue
        rows.append((groups[-1][0], row, line))
    return groups, rows


# `| Where | What | Median | Range around it |`: a part per row under its place, one column a range (the band) and
# the others single points of it (kept beside the band)
PLACE_HEADERS = {"where", "place", "city", "office", "hub", "site"}
PART_HEADERS = COMPONENT_HEADERS | {"what", "part", "pay", "item", "pay element"}
RANGE_HEADER_RE = re.compile(r"^(?:typical\s+|usual\s+|the\s+)?(?:range|band|spread)\b", re.I)
POINT_HEADER_RE = re.compile(r"^(?:median|midpoint|mid|typical|average|avg|p50|target)\b", re.I)


def _range_beside_points(table: Block, report: Reporter) -> list[RegionBand] | None:
    """A place down the first column (written on its group's first row only), a part down the second, one column
    of ranges (each part's band) and columns of single figures (a median) kept beside it; a point outside its
    range is flagged, never moved."""
    header = [clean_inline(cell) for cell in table.rows[0]]
    if len(header) < 3 or not (column_kind(header[0]) == "region" or header[0].lower() in PLACE_HEADERS):
        return None
    figures = header[2:]
    ranges = [i for i, cell in enumerate(figures) if RANGE_HEADER_RE.match(cell)]
    if header[1].lower() not in PART_HEADERS or len(ranges) != 1:
        return None
    if not all(POINT_HEADER_RE.match(cell) for i, cell in enumerate(figures) if i != ranges[0]):
        return None
    at = ranges[0]
    groups, rows = _place_groups(table, report)
    for builder, row, line in rows:
        label, cells = clean_inline(row[1]), row[2:]
        kind = column_kind(label)
        stock = stock_row_kind(label) if kind == "stock" else None
        points = [(figures[i], cell) for i, cell in enumerate(cells) if i != at and not is_blank(cell)]
        if is_blank(cells[at]):  # no range: the row as written (`13th cheque + 10% target | —`)
            named = [f"{name} {clean_inline(cell)}" if len(points) > 1 else clean_inline(cell) for name, cell in points]
            written = " · ".join(named)
            builder.add(kind, label, written or "—", line, stock)
            continue
        builder.add(kind, label, cells[at], line, stock)
        for name, cell in points:
            builder.extras.append(extra_figure(f"{label} ({name.lower()})", cell, builder.currency))
            _warn_point_outside(builder, label, name, cell, cells[at], line)
    bands = [builder.build(line) for builder, line in groups]
    return [band for band in bands if band is not None]


def _warn_point_outside(builder: BandBuilder, label: str, name: str, point: str, band: str, line: int) -> None:
    figure, span = read_cell(point, builder.currency).figure, read_cell(band, builder.currency).figure
    if figure is None or span is None or figure.currency != span.currency:
        return
    if figure.low.amount < span.low.amount or figure.high.amount > span.high.amount:
        builder.flag(
            line,
            label,
            f"the {name.lower()} ({clean_inline(point)}) is outside its range ({clean_inline(band)}): "
            "both kept as written",
        )


def _add_percentile_row(builder: BandBuilder, percentiles: list[str], label: str, cells: list[str], line: int) -> None:
    """One part's row: lowest to highest percentile as its band, the percentiles between beside it. A footnote mark
    on the part's name (`Equity/yr*`) is no part of it (the footnote is read where it says how the row reads)."""
    label = FOOTNOTE_RE.sub("", clean_inline(label)).strip() or clean_inline(label)
    kind = column_kind(label)
    stock = stock_row_kind(label) if kind == "stock" else None
    _warn_percentile_row(builder, label, percentiles, cells, line)
    low, high = cells[0], cells[-1]
    if is_blank(low) and is_blank(high):
        builder.add(kind, label, "—", line, stock)
    elif is_blank(low) or is_blank(high):  # one end alone is no band: the row as written
        builder.add(
            kind,
            label,
            " · ".join(f"{p} {clean_inline(c)}" for p, c in zip(percentiles, cells, strict=True)),
            line,
            stock,
        )
    else:
        # `$25k*` to `$50k*`: the low end's footnote mark is dropped so the two read as one range
        builder.add(kind, label, f"{FOOTNOTE_RE.sub('', clean_inline(low))} – {clean_inline(high)}", line, stock)
    for percentile, cell in zip(percentiles[1:-1], cells[1:-1], strict=True):
        if not is_blank(cell):
            builder.extras.append(extra_figure(f"{label} ({percentile})", cell, builder.currency))


def _warn_percentile_row(builder: BandBuilder, label: str, percentiles: list[str], cells: list[str], line: int) -> None:
    """A row whose figures change currency, or do not rise from one percentile to the next: flagged, never fixed."""
    read = [(p, c, read_cell(c, builder.currency).figure) for p, c in zip(percentiles, cells, strict=True)]
    figures = [(p, c, figure) for p, c, figure in read if figure is not None and not is_blank(c)]
    written = " | ".join(clean_inline(cell) for cell in cells)
    if len({figure.currency for _, _, figure in figures}) > 1:
        builder.flag(line, label, f"the currency changes within the row ({written}): each figure kept in its own")
    elif any(a.high.amount > b.low.amount for (_, _, a), (_, _, b) in zip(figures, figures[1:], strict=False)):
        builder.flag(line, label, f"the percentiles do not rise ({written})")


TABLE_READERS: list[TableReader] = [
    _regions_as_rows,
    _levels_and_regions_as_rows,
    _levels_as_rows,
    _levels_with_place_groups,
    _levels_with_parts,
    _components_as_rows,
    _percentiles_as_columns,
    _range_beside_points,
]


# A header cell left blank after a named one is that column's second half, as a spreadsheet's merged cell comes
# out in Markdown (`| Base salary | | RSUs | |` over `| | low | high | low | high |`): the row naming the halves
# is no band, and each pair of figures is one range, the two written as they stand (`128,000` and `152,000`
# read as `128,000–152,000`).
SPLIT_HALVES = ({"low", "min", "minimum", "from", "bottom", "p25"}, {"high", "max", "maximum", "to", "top", "p75"})


def join_split_ranges(table: Block) -> Block:
    """`table` with each merged header's pair of columns read as one range column (see SPLIT_HALVES)."""
    if len(table.rows) < 3:
        return table
    header, names = table.rows[0], [clean_inline(cell).lower() for cell in table.rows[1]]
    pairs = [
        index
        for index in range(1, len(header))
        if not clean_inline(header[index])
        and clean_inline(header[index - 1])
        and index < len(names)
        and names[index - 1] in SPLIT_HALVES[0]
        and names[index] in SPLIT_HALVES[1]
    ]
    if not pairs or clean_inline(table.rows[1][0]):
        return table
    rows = [_joined(header, pairs, header=True)]
    rows += [_joined(row, pairs) for row in table.rows[2:]]
    return replace(table, rows=rows, row_lines=[table.row_lines[0], *table.row_lines[2:]] if table.row_lines else [])


def _joined(row: list[str], pairs: list[int], header: bool = False) -> list[str]:
    """`row` with each second half's cell joined to the first half's as a range (a header keeps the first's name)."""
    out: list[str] = []
    for index, cell in enumerate(row):
        if index in pairs:
            if not header and cell.strip():
                out[-1] = f"{out[-1].strip()}–{cell.strip()}" if out[-1].strip() else cell
            continue
        out.append(cell)
    return out


# "All figures CAD, annual unless noted." said once above a table whose cells name no currency; "All figures are
# GBP in thousands (£k) per year unless a row is marked €": with its scale, bare numbers are read in thousands
# (cells.in_thousands, the cell as written kept beside), and a row marked in another currency is no disagreement.
STATED_CURRENCY_RE = re.compile(
    # "All figures CAD", "Figures are in EUR", "All figures below are CHF": said of every figure (all of them, or
    # opening a sentence); never of one place's ("Singapore figures are in SGD" says nothing of Tokyo's)
    r"(?:\b[Aa]ll\s+(?:the\s+)?|(?:^|(?<=[.:;!]\s))(?:[Tt]he\s+)?)(?:[Ff]igures|[Aa]mounts|[Nn]umbers|[Pp]ay|[Ss]alaries)\s+"
    r"(?:(?:below|here|shown|above|in\s+(?:this|the)\s+(?:guide|tables?))\s+)?(?:are\s+)?(?:in\s+)?(?P<code>[A-Z]{3})\b"
)
# `Cifras en pesos mexicanos (MXN)`, `Valores em reais (BRL)`, `Montants en euros (EUR)`, `Bedragen in euro (EUR)`:
# the same said in the guide's language, the currency's code in brackets
OTHER_LANGUAGE_STATED_RE = re.compile(
    r"\b(?:cifras|montos|importes|valores|montants|montantes|betr[äa]ge|bedragen)\b[^.()]{0,40}?\((?P<code>[A-Z]{3})\)",
    re.I,
)
# `金額はすべて円 (JPY)`: "every amount is in yen"
JAPANESE_STATED_RE = re.compile(r"(?:すべて|全て)[^。]{0,10}?\((?P<code>[A-Z]{3})\)")
STATED_CURRENCY_RES = (STATED_CURRENCY_RE, JAPANESE_STATED_RE, OTHER_LANGUAGE_STATED_RE)
SCALE_RE = re.compile(r"\bthousands?\b|\b000s\b|'000|\bin\s+k\b|\(k\)|\([£$€]k\)", re.I)
# "All figures below are in thousands, in the currency shown for each row": the scale said of every figure with no
# currency (each row names its own, in a `Currency` column or on its figures)
FIGURES_IN_THOUSANDS_RE = re.compile(
    r"\b(?:all\s+(?:the\s+)?|the\s+)?(?:figures|amounts|numbers|values)\s+(?:(?:below|here|shown|above|in\s+(?:this|the)"
    r"\s+tables?)\s+)?(?:are\s+)?(?:(?:given|shown|stated|quoted|written)\s+)?in\s+(?:thousands\b|'000s?|000s\b)",
    re.I,
)
HEADING_CURRENCY_RE = re.compile(r"\((?P<code>[A-Z]{3})(?:\s*,\s*(?P<scale>(?:in\s+)?thousands|'000s?|k))?\)\s*$")
# "unless a row is marked €", "except where a row shows another currency": rows allowed their own currency (never
# "annual unless noted", which is about the period)
EXCEPTIONS_RE = re.compile(
    r"\b(?:unless|except\s+(?:where|when|if))\s+(?:(?:a|the)\s+rows?\s+(?:is\s+|are\s+)?(?:marked|says?|shows?|names?|is\s+in)"
    r"|marked\s+(?:otherwise|in|with|as)\b|(?:another|a\s+different|other)\s+currenc)",
    re.I,
)


# A legend giving each place its currency: `France et Belgique : en euros (EUR). Suisse : en francs suisses (CHF).`
LEGEND_RE = re.compile(r"(?P<names>[A-ZÀ-Ý][^.:;()]{1,60}?)\s*:\s*[^.:;()]{0,40}?\((?P<code>[A-Z]{3})\)")
NAMES_SPLIT_RE = re.compile(r"\s*(?:,|\bet\b|\band\b|\by\b|\be\b|\bund\b|\ben\b|&)\s*", re.I)


def _legend(blocks: list[Block]) -> tuple[tuple[str, str], ...]:
    """(place, code) for each place a paragraph names before a colon and a currency code in brackets."""
    found = []
    for block in blocks:
        if block.kind != "paragraph":
            continue
        for match in LEGEND_RE.finditer(clean_inline(block.text)):
            if not is_known_currency(match["code"]):
                continue
            names = match["names"].split(". ")[-1]
            found += [(name.strip().lower(), match["code"]) for name in NAMES_SPLIT_RE.split(names) if name.strip()]
    return tuple(found)


def _legend_currency(table: Block, name: str) -> str | None:
    """The currency a legend gives the place (`France (Paris)` by `France`)."""
    lowered = name.lower()
    return next((code for place, code in table.place_currencies if lowered.startswith(place)), None)


def _with_stated_currency(blocks: list[Block], table: Block) -> Block:
    """`table` with the currency said once for all its figures: by the place named right above it (`**Seoul
    studio (KRW)**`), or by a paragraph between its heading and it (`All figures CAD`)."""
    place = _place_before(blocks, table)
    code = re.search(r"\(([A-Z]{3})(?:\s*[,;][^)]*)?\)\s*$", place or "")  # `**Polska (PLN, umowa o pracę)**`
    if code and is_known_currency(code[1]):
        return replace(table, stated_currency=code[1])
    index = _index_of(blocks, table)
    thousands = False  # "All figures below are in thousands" said with no currency, nearer the table
    for block in reversed(blocks[:index] if index else []):
        if block.kind == "heading":
            # `## Pay bands (USD, thousands)`: the section's currency, and its scale, in its heading
            said = HEADING_CURRENCY_RE.search(clean_inline(block.text))
            if said and is_known_currency(said["code"]):
                return replace(table, stated_currency=said["code"], stated_thousands=bool(said["scale"]) or thousands)
            break
        if block.kind != "paragraph":
            continue
        text = clean_inline(block.text)
        said = next((m for r in STATED_CURRENCY_RES if (m := r.search(text))), None)
        if said and is_known_currency(said["code"]):
            after = text[said.end() : said.end() + 60]  # "GBP in thousands (£k)": the scale said with the currency
            return replace(
                table,
                stated_currency=said["code"],
                stated_thousands=bool(SCALE_RE.search(after)) or thousands,
                stated_exceptions=bool(EXCEPTIONS_RE.search(text)),
            )
        thousands = thousands or bool(FIGURES_IN_THOUSANDS_RE.search(text))
    return replace(table, stated_thousands=True) if thousands else table


def read_band_table(
    blocks: list[Block],
    report: Reporter,
    line: int | None = None,
    unread: list[int] | None = None,
    role: str | None = None,
) -> list[RegionBand]:
    """The regions of the guide's band table; `line` is where the guide starts, for the
    error when it has no table at all. The lines of later tables of figures no reader took
    go in `unread`, so they are kept as written and said, never dropped; so do another role's
    tables (`role` is the guide's, from its title)."""
    legend = _legend(blocks)
    tables = [_with_stated_currency(blocks, join_split_ranges(block)) for block in blocks if block.kind == "table"]
    tables = [replace(table, stated_points=points_above(blocks, _index_of(blocks, table))) for table in tables]
    tables = [with_note_overrides(blocks, with_footnotes(blocks, table)) for table in tables]
    tables = [_named_blank_headers(_low_high_as_items(table)) for table in tables]
    if legend:
        tables = [replace(table, place_currencies=legend) for table in tables]
    for index, table in enumerate(tables):
        for reader in TABLE_READERS:
            errors_before = len(report.errors)
            regions = reader(table, report)
            if regions is not None:
                if not regions and len(report.errors) == errors_before:
                    report.error(table.line, "band table", "the table has no region rows with figures")
                if regions and reader is _regions_as_rows:
                    later = tables[index + 1 :]
                    regions = _more_region_tables(blocks, table, later, regions, report, line, role, unread)
                elif regions and reader is _components_as_rows and _level_columns(table):
                    regions = _places_of_level_tables(blocks, table, tables[index + 1 :], regions, report, unread)
                    return regions
                elif (
                    regions
                    and reader is _levels_with_parts
                    and (placed := _places_of_level_part_tables(blocks, table, tables[index + 1 :], report))
                ):
                    return placed
                elif regions and unread is not None:
                    for later in tables[index + 1 :]:
                        if is_band_table(later):
                            unread.append(later.line)
                            report.warn(later.line, "band table", "another table of figures, not read: kept as written")
                if regions and unread is not None:
                    for earlier in tables[:index]:  # a table before it that no reader took (a competitor comparison)
                        if is_band_table(earlier):
                            unread.append(earlier.line)
                            report.warn(earlier.line, "band table", "a table of figures, not read: kept as written")
                return regions
    by_heading = _item_value_tables(blocks, tables, report, line)
    if by_heading is not None:
        return by_heading
    under_headings = _parts_under_headings(blocks, tables, report, line)
    if under_headings:
        return under_headings
    if tables:
        report.error(tables[0].line, "band table", f"header not recognised: {' | '.join(tables[0].rows[0])}")
    else:
        report.error(line, "band table", "missing: the guide has no table of figures")
    return []


def _named_blank_headers(table: Block) -> Block:
    """`|  | **Base** | **Bonus (target)** | ... |  |` (Google Docs leaves the places' and the notes' headers blank):
    over columns that name parts of pay, a blank first header is the places' and any other blank one is notes, its
    words kept beside each band. A blank corner over places as columns (`|  | London | Berlin |`) stays blank."""
    header = table.rows[0] if table.rows else []
    if len(header) < 3 or clean_inline(header[0]) or not FIGURE_KINDS & {column_kind(cell) for cell in header[1:]}:
        return table
    named = ["Region", *(cell if clean_inline(cell) else "Notes" for cell in header[1:])]
    return replace(table, rows=[named, *table.rows[1:]])


# `| Item | Valor |` under `#### São Paulo (sede comercial)`: one two-column table per region, its heading
# naming the region, its rows the parts of pay (as `| Component | <region> |` would be read).
ITEM_HEADERS = {"item", "items", "component", "componente", "concepto", "onderdeel", "element", "élément", "posten"}
VALUE_HEADERS = {
    "value", "valor", "valeur", "wert", "waarde", "bedrag", "amount", "montant", "betrag", "monto", "figure", "range",
    "faixa", "rango",
}  # fmt: skip


def _low_high_as_items(table: Block) -> Block:
    """`| Component | Low | High |` (or `High | Low`, or the component last) under a place's heading: one band, each
    row its low and its high, read as the item | value table it is (footnote rows under no part left out)."""
    header = [clean_inline(cell).lower() for cell in table.rows[0]] if table.rows else []
    if len(header) != 3:
        return table
    names = [i for i, cell in enumerate(header) if cell in COMPONENT_HEADERS | ITEM_HEADERS]
    lows = [i for i, cell in enumerate(header) if cell in SPLIT_HALVES[0]]
    highs = [i for i, cell in enumerate(header) if cell in SPLIT_HALVES[1]]
    if len(names) != 1 or len(lows) != 1 or len(highs) != 1:
        return table
    name, low, high = names[0], lows[0], highs[0]
    rows, lines = [["Item", "Value"]], [table.row_lines[0]]
    for row, line in zip(table.rows[1:], table.row_lines[1:], strict=True):
        label = clean_inline(row[name]) if len(row) > name else ""
        if not label or FOOTNOTE_LEAD_RE.match(label):
            continue
        ends = [clean_inline(row[i]) if len(row) > i else "" for i in (low, high)]
        rows.append([label, " – ".join(end for end in ends if end and not is_blank(end)) or "—"])
        lines.append(line)
    return replace(table, rows=rows, row_lines=lines)


FOOTNOTE_LEAD_RE = re.compile(r"^(?:[¹²³⁴⁵⁶⁷⁸⁹*†‡]|\[\^?\w+\])")


def is_item_value_table(table: Block) -> bool:
    header = [clean_inline(cell).lower() for cell in table.rows[0]] if table.rows else []
    return len(header) == 2 and header[0] in ITEM_HEADERS and header[1] in VALUE_HEADERS


def _item_value_tables(
    blocks: list[Block], tables: list[Block], report: Reporter, title_line: int | None
) -> list[RegionBand] | None:
    """The regions of the guide's item | value tables, each named by the heading above it; None when it has none."""
    keyed = [table for table in tables if is_item_value_table(table)]
    if not keyed:
        return None
    regions: list[RegionBand] = []
    for table in keyed:
        heading = _heading_before(blocks, table, title_line, as_written=True)
        if not heading:
            report.warn(table.line, "band table", "an item | value table under no heading naming its region; left out")
            continue
        named = replace(table, rows=[["Component", heading], *table.rows[1:]])
        regions.extend(_components_as_rows(named, report) or [])
    if not regions:
        report.error(keyed[0].line, "band table", "no item | value table has figures")
    return regions


def _parts_under_headings(
    blocks: list[Block], tables: list[Block], report: Reporter, title_line: int | None
) -> list[RegionBand]:
    """`## Dublin` > `### L3 — Site Reliability Engineer II` > `| Base | Bonus target | Equity / yr | Total / yr |` with
    one row: tables of parts only, each band named by the headings above it (the place, then the level)."""
    regions: list[RegionBand] = []
    for table in tables:
        kinds = [column_kind(cell) for cell in table.rows[0]]
        if not kinds or not all(kind in BAND_PART_KINDS for kind in kinds) or not FIGURE_KINDS & set(kinds):
            continue
        place, level = _place_and_level_above(blocks, table, title_line)
        if place is None:
            continue
        leading, lead_kinds = (["Level", "Region"], ["level", "region"]) if level else (["Region"], ["region"])
        rows = [[*leading, *table.rows[0]]] + [[*([level] if level else []), place, *row] for row in table.rows[1:]]
        named = replace(table, rows=rows)
        regions += _band_rows(named, [*lead_kinds, *kinds], report, first=len(leading) - 1)
    return regions


def _place_and_level_above(blocks: list[Block], table: Block, title_line: int | None) -> tuple[str | None, str | None]:
    """The nearest heading above a table and the one of a higher rank above that: (place, level), or (place, None)."""
    index = _index_of(blocks, table) or 0
    headings = [b for b in blocks[:index] if b.kind == "heading" and b.line != title_line]
    if not headings:
        return None, None
    nearest = headings[-1]
    higher = next((b for b in reversed(headings) if b.level < nearest.level), None)
    name = EMOJI_RE.sub(" ", clean_inline(nearest.text)).strip()
    if higher is None or higher.line == title_line:
        return name, None
    level = re.split(r"\s+[—–-]\s+|\s*\(", name, maxsplit=1)[0].strip()  # `L3 — Site Reliability Engineer II`
    return EMOJI_RE.sub(" ", clean_inline(higher.text)).strip(), level


def _more_region_tables(
    blocks: list[Block],
    first: Block,
    later: list[Block],
    regions: list[RegionBand],
    report: Reporter,
    title_line: int | None = None,
    role: str | None = None,
    unread: list[int] | None = None,
) -> list[RegionBand]:
    """Band tables after the first, in the same one-row-per-region layout. A table per level
    (`## L4 ...` table, `## L5 ...` table) gives each band the level its heading names; tables
    for other regions (one in a list, one in a quote) add their regions. A second table that
    repeats a region under no heading of its own is left out with a warning: which level or
    year it holds cannot be told, and its figures must never be shown as the first's. So is a
    table under a heading naming another role than the guide's (`_own_role_tables`)."""
    found = [(first, regions)]
    for table in later:
        kinds = [column_kind(cell) for cell in table.rows[0]]
        if not kinds or kinds[0] != "region" or not (FIGURE_KINDS & set(kinds)):
            continue
        more = _band_rows(table, kinds, _Muted(report), first=0)
        if more:
            found.append((table, more))
    if role and len(found) > 1:
        found = _own_role_tables(blocks, found, title_line, role, report, unread)
        if found[0][0] is not first:  # the first table was another role's: the guide's own first one is read now
            _band_rows(found[0][0], [column_kind(cell) for cell in found[0][0].rows[0]], report, first=0)
        regions = found[0][1]
    if len(found) == 1:
        return regions
    headings = [_heading_before(blocks, table, title_line) for table, _ in found]
    names = [name for _, bands in found for name in {band.name for band in bands}]
    if len(set(names)) == len(names):
        for table, _ in found[1:]:
            _band_rows(table, [column_kind(cell) for cell in table.rows[0]], report, first=0)  # its warnings
        return [band for _, bands in found for band in bands]
    if _parts_apart(found):
        for table, _ in found[1:]:
            _band_rows(table, [column_kind(cell) for cell in table.rows[0]], report, first=0)  # its warnings
        return _merged(found, report)
    if all(headings) and len(set(headings)) == len(headings):
        for table, _ in found[1:]:
            _band_rows(table, [column_kind(cell) for cell in table.rows[0]], report, first=0)
        return [
            band.model_copy(update={"level": PAY_WORDS_AFTER_LEVEL_RE.sub("", heading) or heading})
            for heading, (_, bands) in zip(headings, found, strict=True)
            for band in bands
        ]
    for table, _ in found[1:]:
        report.warn(
            table.line, "band table", "a second table for the same regions under no heading of its own; left out"
        )
    return regions


def _own_role_tables(
    blocks: list[Block],
    found: list[tuple[Block, list[RegionBand]]],
    title_line: int | None,
    role: str,
    report: Reporter,
    unread: list[int] | None,
) -> list[tuple[Block, list[RegionBand]]]:
    """The tables that are the guide's own role's: one under a heading naming another role (`#### Analytics Engineer
    (for comparison)` in a Senior Data Engineer's guide) is left out, said, and kept as written with its heading,
    so its figures are never shown as this role's band (nor as a level of it)."""
    headings = [_heading_before(blocks, table, title_line, as_written=True) for table, _ in found]
    own = [
        (table, bands)
        for (table, bands), heading in zip(found, headings, strict=True)
        if not (heading and another_roles_heading(heading, role, headings))
    ]
    if not own or len(own) == len(found):
        return found
    for (table, _), heading in zip(found, headings, strict=True):
        if all(table is not kept for kept, _ in own):
            message = f"another role's table, not this guide's {role}: left out, kept as written"
            report.warn(table.line, f"band table under {heading}", message)
            if unread is not None:
                unread.append(table.line)
    return own


# `IC1 · Data Scientist I — bonus target 5% of base`: words about the level's pay after a dash, no part of its name
PAY_WORDS_AFTER_LEVEL_RE = re.compile(r"\s+[—–]\s+[^—–]*\b(?:bonus|target|base|pay|salary)\b[^—–]*$", re.I)


def _parts_apart(found: list[tuple[Block, list[RegionBand]]]) -> bool:
    """Tables for the same regions, each giving other parts (`| Office | Base salary | Annual bonus |`, then
    `| Office | Grant value |`): one band split over them, as guides write cash and equity apart."""
    names = [sorted(band.name for band in bands) for _, bands in found]
    parts = [set(column_kind(cell) for cell in table.rows[0][1:]) for table, _ in found]
    apart = all(not (a & b) for i, a in enumerate(parts) for b in parts[i + 1 :])
    return apart and all(n == names[0] for n in names) and len(set(names[0])) == len(names[0])


BAND_PARTS = ("base", "stock", "total", "total_year1", "sign_on")


def _merged(found: list[tuple[Block, list[RegionBand]]], report: Reporter) -> list[RegionBand]:
    """Each region's band put together from its rows in every table; a part in another currency than the region's
    is kept in its own and flagged."""
    out = []
    for band in found[0][1]:
        update: dict = {"extras": list(band.extras), "cells": list(band.cells), "flags": list(band.flags)}
        for table, bands in found[1:]:
            other = next(b for b in bands if b.name == band.name)
            for key in BAND_PARTS:
                value = getattr(other, key)
                if value is not None and getattr(band, key) is None:
                    update[key] = value
                    currency = getattr(value, "currency", None) or getattr(
                        getattr(value, "value", None), "currency", None
                    )
                    if currency and band.currency and currency != band.currency:
                        message = (
                            f"{key.replace('_', '-')}: in {currency} in the second table, the region's other figures "
                            f"in {band.currency}: kept in {currency}, as written"
                        )
                        report.warn(table.line, f"{band.name}: currency", message)
                        update["flags"].append(message)
            if not band.bonus.published and other.bonus.published:
                update["bonus"] = other.bonus
            update["extras"] += other.extras
            update["cells"] += other.cells
            update["flags"] += other.flags
        out.append(band.model_copy(update=update))
    return out


# A level as a column's name (`| Component | Senior | Staff |`): a table of levels, its place said above it.
LEVEL_COLUMN_RE = re.compile(
    r"^(?:senior|staff|principal|junior|mid(?:[- ]level)?|lead|intern|(?:l|ic|e|m|p)\s?\d{1,2}|sde[- ]?\d"
    r"|level\s+\d+)$",
    re.I,
)


def _level_columns(table: Block) -> list[str] | None:
    names = [clean_inline(cell) for cell in table.rows[0][1:]]
    return names if names and all(LEVEL_COLUMN_RE.match(name) for name in names) else None


def _index_of(blocks: list[Block], table: Block) -> int | None:
    """Where `table` stands among the guide's blocks, found by its line (it may be a copy: `join_split_ranges`)."""
    return next((i for i, block in enumerate(blocks) if block.line == table.line), None)


def _place_before(blocks: list[Block], table: Block) -> str | None:
    """The place a table of levels is for: the heading, or a line in bold alone (`> **Tokyo studio (JPY)**`),
    right above it."""
    index = _index_of(blocks, table)
    before = blocks[index - 1] if index else None
    if before is None or before.kind == "table":
        return None
    text = before.text.strip()
    bold = re.fullmatch(r"\*\*(?P<label>[^*]+)\*\*:?", text)
    if before.kind == "heading" or bold:
        return EMOJI_RE.sub(" ", clean_inline(bold["label"] if bold else text)).strip() or None
    return None


def _places_of_level_tables(
    blocks: list[Block],
    first: Block,
    later: list[Block],
    regions: list[RegionBand],
    report: Reporter,
    unread: list[int] | None,
) -> list[RegionBand]:
    """Tables of one part per row and one level per column, one per place (`**Tokyo studio (JPY)**` over `|
    Component | Senior | Staff |`, then Seoul's): each column a band at that level, in the place said above its
    table. Without a place above every table, the first table's levels stand alone as before and the others are
    kept as written."""
    tables = [first] + [t for t in later if is_band_table(t) and _level_columns(t) == _level_columns(first)]
    places = [_place_before(blocks, table) for table in tables]
    if not all(places) or len(set(places)) != len(places):
        for table in tables[1:]:
            if unread is not None:
                unread.append(table.line)
            report.warn(table.line, "band table", "another table of figures, not read: kept as written")
        return regions
    out: list[RegionBand] = []
    for table, place in zip(tables, places, strict=True):
        bands = regions if table is first else (_components_as_rows(table, report) or [])
        name = re.sub(r"\s*\(([A-Z]{3})\)\s*$", "", place).strip() or place
        aliases = region_aliases(name)
        out += [band.model_copy(update={"name": name, "level": band.name, "aliases": aliases}) for band in bands]
    return out


# `## Munich (HQ) — EUR`, `## Remote — EMEA (EUR, any EU/EEA country except Germany)`: a place's heading with the
# currency of its table said after a dash or first in brackets
PLACE_CURRENCY_RE = re.compile(r"\s*(?:[—–-]\s*(?P<dashed>[A-Z]{3})|\((?P<bracketed>[A-Z]{3})(?:\s*[,;][^)]*)?\))\s*$")


def _places_of_level_part_tables(
    blocks: list[Block], first: Block, later: list[Block], report: Reporter
) -> list[RegionBand] | None:
    """Tables of levels as rows and parts as columns, one per place under the place's heading (`## Munich (HQ) —
    EUR`, then `## Tokyo — JPY`, each `| Level | Base | Bonus target | ... |`): each table's bands in the place its
    heading names, in the currency the heading says. None unless every such table (two or more, with the first's
    header) has a heading of its own right above it, so a lone table still reads as the guide's one place."""
    header = [clean_inline(cell).lower() for cell in first.rows[0]]
    tables = [first] + [t for t in later if [clean_inline(cell).lower() for cell in t.rows[0]] == header]
    places = [_place_before(blocks, table) for table in tables]
    if len(tables) < 2 or not all(places) or len(set(places)) != len(places):
        return None
    out: list[RegionBand] = []
    for table, place in zip(tables, places, strict=True):
        said = PLACE_CURRENCY_RE.search(place)
        code = said and (said["dashed"] or said["bracketed"])
        if code and is_known_currency(code):
            table = replace(table, stated_currency=code)
        name = PLACE_CURRENCY_RE.sub("", place).strip() or place
        bands = _levels_with_parts(table, report) or []
        out += [band.model_copy(update={"name": name, "aliases": region_aliases(name)}) for band in bands]
    return out


def _heading_before(
    blocks: list[Block], table: Block, title_line: int | None = None, as_written: bool = False
) -> str | None:
    """The text of the nearest heading above the table, when no other table sits between them
    (the guide's title is no table's heading); `as_written` keeps its brackets (`São Paulo (sede comercial)`
    names a region), which a level's heading loses."""
    heading = None
    for block in blocks:
        if block.kind == "table" and block.line == table.line:  # the table, or its copy (`join_split_ranges`)
            return heading
        if block.kind == "heading" and block.line == title_line:
            heading = None
        elif block.kind == "heading" and as_written:
            heading = EMOJI_RE.sub(" ", clean_inline(block.text)).strip()
        elif block.kind == "heading":
            # `L4 (Software Engineer II)` -> L4: the level as people type it; the words in brackets restate it.
            heading = re.sub(r"\s*\([^)]*\)\s*$", "", clean_inline(block.text)) or clean_inline(block.text)
        elif block.kind == "table":
            heading = None
    return None


def is_band_table(table: Block) -> bool:
    """A table the band readers take figures from, told by its header alone (read once more would cost a
    library's import a fifth more): regions or levels or components down its first column, or regions
    across its first row after a level column."""
    header = table.rows[0] if table.rows else []
    if not header:
        return False
    first = clean_inline(header[0]).lower()
    if first in LEVEL_HEADERS or first in COMPONENT_HEADERS or is_item_value_table(table):
        return True
    return column_kind(header[0]) == "region" or (len(header) > 1 and column_kind(header[1]) == "region")


class _Muted:
    """A reporter that drops what it is told: a table read only to see whether it is a band table."""

    def __init__(self, report: Reporter) -> None:
        self.errors: list = []

    def error(self, line: int | None, where: str, message: str) -> None:
        pass

    def warn(self, line: int | None, where: str, message: str) -> None:
        pass
