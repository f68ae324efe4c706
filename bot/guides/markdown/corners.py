"""A table of places as columns whose corner cell is blank (`|  | London HQ | Manchester |`).

Writers leave the corner empty as often as they write `Component` in it: the first column's cells then name the parts
of pay (Base Salary, Bonus, Total Comp) and each other header a place. Without this such a table was read by no
reader and dropped; the test is on the rows, so a blank corner over parts as columns (read elsewhere) is not taken.
"""

from __future__ import annotations

from bot.guides.markdown.blocks import Block
from bot.guides.markdown.columns import column_kind
from bot.guides.markdown.text import clean_inline

PART_ROWS = {"base", "stock", "bonus", "sign_on", "total", "total_year1", "combined"}


def parts_down_blank_corner(table: Block) -> bool:
    """True when the corner is blank, every other header names something that is no part of pay, and the first
    column's rows name parts of pay, a base or a total among them."""
    header = [clean_inline(cell) for cell in table.rows[0]] if table.rows else []
    if len(header) < 2 or header[0] or not all(header[1:]):
        return False
    if any(column_kind(cell) in PART_ROWS for cell in header[1:]):
        return False
    labels = [clean_inline(row[0]) for row in table.rows[1:] if row and clean_inline(row[0])]
    kinds = [column_kind(label) for label in labels]
    parts = [kind for kind in kinds if kind in PART_ROWS]
    return bool({"base", "total"} & set(parts)) and 2 * len(parts) > len(kinds)
