"""Bands kept as data inside a guide: a fenced ```csv block of one row per place, as a comp sheet exports it (or the
sheet's cells pasted as they are, tab-separated lines in the text).

    ```csv
    region,currency,base_low,base_high,equity_grant_4yr_low,equity_grant_4yr_high,bonus_target_pct
    Toronto (HQ),CAD,148000,182000,120000,200000,10
    ```

The rows become the table a person would have written (`| Region | Base | Equity grant 4yr | Bonus target |`
over `CAD 148000 – CAD 182000`), so the band table reader reads them with its own checks and warnings: a
`_low` / `_high` pair (or `_min` / `_max`) is one range, a `currency` column names every money cell of its row,
and a `_pct` column is a percent. A block with no column naming a place is no band table and stays as written.
"""

from __future__ import annotations

import csv
import re

from bot.guides.markdown.blocks import Block
from bot.guides.markdown.columns import column_kind

LOW_HIGH_RE = re.compile(r"^(?P<name>.+?)[\s_]+(?P<end>low|min|from|high|max|to)$", re.I)
CURRENCY_HEADS = {"currency", "ccy", "cur", "currency code"}
PERCENT_RE = re.compile(r"^(?P<name>.+?)[\s_]+(?:pct|percent|%)$", re.I)


def csv_table(body: str, fence_line: int, delimiter: str = ",") -> Block | None:
    """The table a ```csv block's rows make (or a sheet's rows pasted as tab-separated text, `delimiter` a tab, the
    header on the line after `fence_line`); None when no column names a place."""
    rows = [row for row in csv.reader(body.splitlines(), delimiter=delimiter) if any(cell.strip() for cell in row)]
    if len(rows) < 2:
        return None
    heads = [cell.strip().replace("_", " ") for cell in rows[0]]
    if "region" not in {column_kind(head) for head in heads}:
        return None
    currency = next((i for i, head in enumerate(heads) if head.lower() in CURRENCY_HEADS), None)
    columns = _columns(heads, currency)
    out = [[name for name, _, _ in columns]]
    for row in rows[1:]:
        row = [cell.strip() for cell in row] + [""] * (len(heads) - len(row))
        code = f"{row[currency]} " if currency is not None and row[currency] else ""
        out.append(
            [
                _cell(row, indexes, "" if percent else code, column_kind(name), percent)
                for name, indexes, percent in columns
            ]
        )
    lines = [fence_line + 1 + number for number in range(len(out))]
    return Block("table", fence_line, rows=out, row_lines=lines)


def _columns(heads: list[str], currency: int | None) -> list[tuple[str, tuple[int, ...], bool]]:
    """(name, the source columns it joins, whether it is a percent): a `_low` column and its `_high` partner
    are one range."""
    out: list[tuple[str, tuple[int, ...], bool]] = []
    taken: set[int] = set()
    for index, head in enumerate(heads):
        if index in taken or index == currency:
            continue
        pair = LOW_HIGH_RE.match(head)
        if pair and pair["end"].lower() in ("low", "min", "from"):
            partner = next(
                (
                    other
                    for other, name in enumerate(heads)
                    if other not in taken
                    and (match := LOW_HIGH_RE.match(name))
                    and match["name"].lower() == pair["name"].lower()
                    and match["end"].lower() in ("high", "max", "to")
                ),
                None,
            )
            if partner is not None:
                taken.add(partner)
                name = PERCENT_RE.match(pair["name"])
                out.append((name["name"] if name else pair["name"], (index, partner), bool(name)))
                continue
        percent = PERCENT_RE.match(head)
        out.append((percent["name"] if percent else head, (index,), bool(percent)))
    return out


def _cell(row: list[str], indexes: tuple[int, ...], code: str, kind: str, percent: bool) -> str:
    """One cell as a table would write it: `CAD 148000 – CAD 182000`, `10%`; words as they are."""
    values = [row[i] for i in indexes]
    if kind in ("region", "level") or not any(values):
        return values[0]
    unit = "%" if percent else ""
    written = [f"{code}{v}{unit}" if _is_number(v) else v for v in values if v]
    return " – ".join(written)


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"\d[\d,.]*", text))
