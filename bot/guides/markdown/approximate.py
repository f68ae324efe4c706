"""Parts written as approximate (`c. 78k €–95k €`, `~$170K–$200K`, `≈ 30 000 zł`) checked as approximate.

Such a cell is shown as written and never computed with, so its band's published total goes unchecked and a total
that does not add up goes unsaid (Tessaloop's Berlin: `c. 78k €–95k €` + a 48k € grant ÷ 3 make 111k €, its total
writes 115k €). For the check alone, each approximate part is read at face value (the words after the qualifier,
read as any cell is); where the parts so read do not make the exact total the guide publishes, that is said, naming
the approximate figures. A total the guide writes as approximate itself (`~CHF 155K–CHF 190K`) is not checked: it
may be the parts rounded, by how much it does not say. Nothing is computed into the band: every cell stays as
written.
"""

from __future__ import annotations

import re

from bot.guides.markdown.cells import APPROX_RE, read_cell
from bot.guides.model import Bonus, RegionBand
from bot.guides.money import MoneyRange, format_range

APPROXIMATE = "an approximate figure"
# The qualifier before either end (`~$180K – ~$210K`): set aside at both
QUALIFIER_AFTER_SEPARATOR_RE = re.compile(rf"(?<=[–—-])(\s*){APPROX_RE.pattern[1:]}\s*", re.I)


def at_face_value(raw: str, currency: str | None) -> MoneyRange | None:
    """The figure an approximate cell writes after its qualifier, when it reads as a plain yearly figure."""
    text = QUALIFIER_AFTER_SEPARATOR_RE.sub(r"\1", APPROX_RE.sub("", raw.strip(), count=1).strip())
    reading = read_cell(text, currency)
    if reading.figure is None or reading.per == "month" or reading.open_top or reading.years or reading.conversion:
        return None
    return reading.figure


def approximate_total_differs(region: RegionBand) -> str | None:
    """What is wrong when the band's parts, its approximate ones at face value, do not make its exact published
    total; None when they do, when no part is approximate, when the total is approximate too, or when the parts
    cannot be added (a part in words, a grant over years not stated, another currency)."""
    approximate = {
        cell.kind: (cell, figure)
        for cell in region.cells
        if (cell.problem or "").startswith(APPROXIMATE) and (figure := at_face_value(cell.raw, region.currency))
    }
    total, total_cell = region.total, region.cell("total")
    if not approximate.keys() & {"base", "stock", "bonus"} or total is None or (total_cell and total_cell.open_top):
        return None
    update: dict = {"cells": [cell for cell in region.cells if cell.kind not in approximate]}
    if "base" in approximate:
        update["base"] = approximate["base"][1]
    if "bonus" in approximate:
        update["bonus"] = Bonus(kind="amount", amount=approximate["bonus"][1], raw=approximate["bonus"][0].raw)
    if "stock" in approximate and region.stock:
        update["stock"] = region.stock.model_copy(update={"value": approximate["stock"][1], "note": None})
    computed = region.model_copy(update=update).computed_total()
    base = update.get("base") or region.base
    if computed is None or total.currency != base.currency or computed == (total.low.amount, total.high.amount):
        return None
    written = ", ".join(f"{kind} {cell.raw}" for kind, (cell, _) in approximate.items())
    parts = format_range(computed[0], computed[1], total.currency)
    return f"published {total} differs from its parts {parts} (approximate, taken at face value: {written})"
