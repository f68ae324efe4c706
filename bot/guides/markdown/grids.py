"""One part of pay by level and region, in a grid, and the other parts by level in a table after it.

    ## Base salary by level and location
    | Level | Seattle | New York | Remote (US) |
    | IC2   | $140K–$165K | $145K–$170K | $120K–$142K |

    ## Equity, bonus and sign-on
    | Level | RSUs / yr | Bonus target | Sign-on (typical max) |
    | IC2   | $25K | 10% | $10K |

The grid's heading says which part its cells are (`Base salary by level and location`); a
grid with no such heading, or one of totals, is read as totals per level (`tables._levels_as_rows`). Each level
and region becomes a band of its own, as `| Level | Region | Base | ... |` rows would, and a
later table of parts by level (with no region column) adds its figures to every region's
band at that level: they are said once for all regions, and the guide says so.
"""

from __future__ import annotations

from bot.guides.markdown.blocks import Block
from bot.guides.markdown.builder import BandBuilder
from bot.guides.markdown.columns import Reporter, column_kind, first_currency, is_blank, region_cell, stock_column
from bot.guides.markdown.tables import GROUP_SPLIT_RE, LEVEL_HEADERS, _heading_before, _place_before, whole_rows
from bot.guides.markdown.text import clean_inline
from bot.guides.model import RegionBand

PARTS = {"base", "stock", "bonus", "sign_on", "total", "total_year1"}


def read_level_grid(blocks: list[Block], report: Reporter, title_line: int | None) -> list[RegionBand] | None:
    """The bands of the first level-by-region grid whose heading names a part; None when the guide has none."""
    tables = [block for block in blocks if block.kind == "table"]
    for index, table in enumerate(tables):
        part = _grid_part(blocks, table, title_line) or _totals_built_after(blocks, table, tables[index + 1 :])
        if part is None:
            continue
        builders = _grid(table, part, report)
        for later in tables[index + 1 :]:
            if (more := _grid_part(blocks, later, title_line, totals=True)) and _same_places(table, later):
                _add_grid(later, more, builders, report)
            else:
                _add_parts_by_level(later, builders, report)
        bands = [builder.build(line) for builder, line in builders.values()]
        return [band for band in bands if band is not None]
    return None


def _grid_part(
    blocks: list[Block], table: Block, title_line: int | None, totals: bool = False
) -> tuple[str, str] | None:
    """(kind, heading) when the table is `| Level | <region> | <region> |` under a heading naming one part; a grid of
    totals only when `totals` (one after a grid of another part, its bands' totals)."""
    header = table.rows[0]
    if len(header) < 2 or clean_inline(header[0]).lower() not in LEVEL_HEADERS:
        return None
    if any(column_kind(cell) in PARTS for cell in header[1:]):
        return None  # a table of parts by level, not by region
    # `## Base salary by level and location`, or `**Base Salary by Level × Region**` on the line right above it
    above = _place_before(blocks, table)
    heading = above if above and column_kind(above.lower().split(" by ")[0]) in PARTS else None
    heading = heading or _heading_before(blocks, table, title_line)
    if not heading:
        return None
    words = heading.lower().split(" by ")[0]  # `Base salary by level and location`: the part before `by`
    kind = column_kind(words)
    if kind not in PARTS:  # `2. Equity — RSU grant, total over 4 years`: the part before the dash
        kind = column_kind(GROUP_SPLIT_RE.split(words, maxsplit=1)[0])
    # totals by level stay totals per level (`tables._levels_as_rows`), as a grid with no heading is read
    return (kind, heading) if kind in (PARTS if totals else PARTS - {"total", "total_year1"}) else None


def _same_places(first: Block, later: Block) -> bool:
    """A later grid across the same places as the first (`| Level | Bengaluru (INR) | Singapore (SGD) | ... |`)."""
    return [region_cell(cell)[0] for cell in first.rows[0][1:]] == [region_cell(cell)[0] for cell in later.rows[0][1:]]


def _add_grid(
    table: Block, part: tuple[str, str], builders: dict[tuple[str, str], tuple[BandBuilder, int]], report: Reporter
) -> None:
    """A later grid of one part (`### 2. Equity — RSU grant, total over 4 years`, `### 4. Total annual
    compensation`) over the same levels and places: each cell to its level and place's band, as a guide giving one
    grid per part of pay means."""
    kind, heading = part
    columns = [region_cell(cell)[0] for cell in table.rows[0][1:]]
    for row, line in whole_rows(table, report):
        level = clean_inline(row[0])
        for name, cell in zip(columns, row[1:], strict=True):
            found = builders.get((level, name))
            if found and not is_blank(cell):
                # `S$140,000 (S$38,000/yr)`: the year in brackets is checked against the grant by the builder
                found[0].add(kind, heading, cell, line, stock_column(heading) if kind == "stock" else None)


def _totals_built_after(blocks: list[Block], table: Block, later: list[Block]) -> tuple[str, str] | None:
    """('total', heading) for a grid of totals by level and region (`## Total compensation by level and region`)
    that a later table builds, a column of a part for each of its places (`| Level | Base — Toronto | Base —
    Vancouver | Bonus target | Equity / yr |`): each level and place is then a band with its parts, not a total
    per level alone (`tables._levels_as_rows`, as a grid of totals standing alone is still read)."""
    header = table.rows[0]
    if len(header) < 3 or clean_inline(header[0]).lower() not in LEVEL_HEADERS:
        return None
    if any(column_kind(cell) in PARTS for cell in header[1:]):
        return None
    heading = _heading_before(blocks, table)
    if not heading or column_kind(heading.lower().split(" by ")[0]) != "total":
        return None
    places = {region_cell(cell)[0].lower() for cell in header[1:]}
    for other in later:
        named = {found[1].lower() for cell in other.rows[0][1:] if (found := _part_and_place(cell))}
        if clean_inline(other.rows[0][0]).lower() in LEVEL_HEADERS and named and named <= places:
            return "total", heading
    return None


def _part_and_place(header: str) -> tuple[str, str] | None:
    """(part, place) of a column naming both (`Base — Toronto`, `Toronto — Base`); None for any other."""
    pieces = [piece.strip() for piece in GROUP_SPLIT_RE.split(clean_inline(header), maxsplit=1) if piece.strip()]
    if len(pieces) != 2:
        return None
    kinds = [column_kind(piece) in PARTS for piece in pieces]
    if kinds == [True, False]:
        return pieces[0], pieces[1]
    if kinds == [False, True]:
        return pieces[1], pieces[0]
    return None


def _grid(table: Block, part: tuple[str, str], report: Reporter) -> dict[tuple[str, str], tuple[BandBuilder, int]]:
    kind, heading = part
    header = table.rows[0]
    columns = [region_cell(cell) for cell in header[1:]]
    builders: dict[tuple[str, str], tuple[BandBuilder, int]] = {}
    for row, line in whole_rows(table, report):
        level = clean_inline(row[0])
        for (name, currency), cell in zip(columns, row[1:], strict=True):
            if is_blank(cell):
                continue
            builder = BandBuilder(name, currency or first_currency([cell], name), report, level)
            builder.add(kind, heading, cell, line, stock_column(heading) if kind == "stock" else None)
            builders[(level, name)] = (builder, line)
    return builders


def _add_parts_by_level(
    table: Block, builders: dict[tuple[str, str], tuple[BandBuilder, int]], report: Reporter
) -> None:
    """`| Level | RSUs / yr | Bonus target | Sign-on |`: each row's parts to every region's band at its level."""
    header = table.rows[0]
    if len(header) < 2 or clean_inline(header[0]).lower() not in LEVEL_HEADERS:
        return
    kinds = [column_kind(cell) for cell in header[1:]]
    if not any(kind in PARTS for kind in kinds):
        return
    for row, line in zip(table.rows[1:], table.row_lines[1:], strict=True):
        if len(row) != len(header):
            continue
        level = clean_inline(row[0])
        for (band_level, name), (builder, _) in builders.items():
            if band_level.lower() != level.lower():
                continue
            for column, kind, cell in zip(header[1:], kinds, row[1:], strict=True):
                own = _part_and_place(column)
                if own and own[1].lower() != name.lower():
                    continue  # `Base — Toronto`: Toronto's base alone
                label = clean_inline(column)
                builder.add(kind, label, cell, line, stock_column(column) if kind == "stock" else None)
