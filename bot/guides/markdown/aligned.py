"""Bands kept as a plain-text sheet in a fenced code block, columns aligned with spaces:

    units: thousands of local currency, per year
    REGION           CCY   BASE  P10 / P50 / P90    RSU/yr  P10 / P50 / P90    BONUS TGT
    ---------------  ---   ----------------------   ------------------------   ---------
    Austin, TX       USD   148 / 163 / 181          30 / 42 / 58               10%

Columns are cut where two or more spaces part them. A cell of three points under a header naming three percentiles
is a band from the lowest to the highest, the middle one kept beside it, and points that do not rise are flagged.
A sheet that says its units are thousands has its bare figures read so; the figures as the guide writes them are
kept beside each band, with the scale, so the reply states how the band was read. Anything less sure is left to
the code block, which the guide keeps as written.
"""

from __future__ import annotations

import re

from bot.guides.markdown.blocks import Block
from bot.guides.markdown.builder import BandBuilder
from bot.guides.markdown.columns import Reporter, column_kind, region_cell, stock_column
from bot.guides.model import ExtraFigure, RegionBand

COLUMNS_RE = re.compile(r"\s{2,}")
RULE_RE = re.compile(r"^[\s\-=|+]+$")
THOUSANDS_RE = re.compile(r"\bunits?\s*:?\s*(?:in\s+)?thousands?\b|\bin\s+thousands\b|\(\s*k\s*\)|'000s?", re.I)
POINTS_HEADER_RE = re.compile(r"\b(?:P|p)(\d{1,2})\s*/\s*(?:P|p)(\d{1,2})\s*/\s*(?:P|p)(\d{1,2})\b")
POINTS_CELL_RE = re.compile(r"^\s*(\d[\d,.]*)\s*/\s*(\d[\d,.]*)\s*/\s*(\d[\d,.]*)\s*$")
CURRENCY_HEADERS = {"ccy", "currency", "cur", "curr", "währung", "devise", "moneda", "moeda", "valuta"}


def aligned_bands(blocks: list[Block], report: Reporter) -> list[RegionBand]:
    """The bands of the first code block laid out as an aligned sheet with a region column; [] when there is none."""
    for block in blocks:
        if block.kind != "code":
            continue
        sheet = _sheet(block)
        if sheet is not None:
            return _read(sheet, block, report)
    return []


def _sheet(block: Block) -> tuple[list[str], list[tuple[list[str], int]], int] | None:
    """(header, rows with their lines, scale) of a code block whose header names a region column. A rule of dashes
    under the header gives the columns' edges (a header cell may hold two spaces: `BASE  P10 / P50 / P90`); with no
    rule, two or more spaces part the cells."""
    lines = block.raw.splitlines()
    for index, line in enumerate(lines[:-1]):
        rule = lines[index + 1]
        edges = [m.start() for m in re.finditer(r"-+", rule)] if RULE_RE.match(rule) and "-" in rule else None
        header = _cut(line, edges)
        if len(header) < 3 or column_kind(header[0]) != "region":
            continue
        rows = []
        for offset, row_line in enumerate(lines[index + 1 :], start=index + 1):
            if not row_line.strip() or RULE_RE.match(row_line):
                if rows and not row_line.strip():
                    break  # the sheet ends at its first blank line after the rows
                continue
            cells = _cut(row_line, edges)
            if len(cells) != len(header):
                break
            rows.append((cells, block.line + 1 + offset))
        scale = 1000 if any(THOUSANDS_RE.search(text) for text in lines[:index]) else 1
        return (header, rows, scale) if rows else None
    return None


def _cut(line: str, edges: list[int] | None) -> list[str]:
    if not edges:
        return [cell.strip() for cell in COLUMNS_RE.split(line.strip()) if cell.strip()]
    bounds = [*edges, max(len(line), edges[-1]) + 1]
    return [line[start:end].strip() for start, end in zip(bounds, bounds[1:], strict=False)]


def _read(sheet, block: Block, report: Reporter) -> list[RegionBand]:
    header, rows, scale = sheet
    currency_at = next((i for i, cell in enumerate(header) if cell.lower() in CURRENCY_HEADERS), None)
    bands = []
    for cells, line in rows:
        name, code = region_cell(cells[0])
        code = (cells[currency_at] if currency_at is not None else None) or code
        builder = BandBuilder(name, code, report)
        for index, (label, cell) in enumerate(zip(header[1:], cells[1:], strict=True), start=1):
            if index == currency_at:
                continue
            kind = column_kind(POINTS_HEADER_RE.sub("", label))
            stock = stock_column(POINTS_HEADER_RE.sub("", label).strip()) if kind == "stock" else None
            points = POINTS_CELL_RE.match(cell)
            named = POINTS_HEADER_RE.search(label)
            if points and named and code:
                said = [points[1], points[2], points[3]]
                _add_points(builder, kind, label, cell, said, named, scale, code, line, stock)
            elif kind != "extra":
                builder.add(kind, label, cell, line, stock)
            else:
                builder.extras.append(ExtraFigure(name=label, raw=cell))
        band = builder.build(line)
        if band is not None:
            bands.append(band)
    return bands


def _add_points(builder, kind, label, cell, points, named, scale, code, line, stock) -> None:
    """`148 / 163 / 181` under `BASE P10 / P50 / P90`: the band from P10 to P90 (in thousands when the sheet says so),
    the cell as written and the middle point beside it."""
    names = [f"P{named[1]}", f"P{named[2]}", f"P{named[3]}"]
    scaled_points = [float(point.replace(",", "")) * scale for point in points]
    values = [int(value) if value == int(value) else None for value in scaled_points]
    part = POINTS_HEADER_RE.sub("", label).strip()
    scaled = ", in thousands" if scale == 1000 else ""
    builder.extras.append(ExtraFigure(name=f"{part} as written", raw=f"{cell} ({' / '.join(names)}{scaled} of {code})"))
    if None in values:
        builder.add(kind, part, cell, line, stock)
        return
    low, middle, high = values
    if not low <= middle <= high:
        builder.flag(line, part, f"{' / '.join(names)} do not rise ({cell}): kept as written")
        builder.add(kind, part, cell, line, stock)
        return
    builder.add(kind, part, f"{code} {low:,} – {code} {high:,}", line, stock)
    builder.extras.append(ExtraFigure(name=f"{part} ({names[1]})", raw=f"{code} {middle:,}"))
