"""Bands written as data in the guide's YAML front matter, as authors who keep figures apart from prose do:

    ---
    region: Tokyo
    currency: JPY
    equity: {type: RSU, vest_years: 4, price_per_share: 2500}
    levels:
      L3: {title: Engineer, base: [7200000, 9000000], bonus: [1200000, 1500000], shares: [1600, 3200]}
    ---

Each `[low, high]` pair is written out as the cell a table would hold (`JPY 7,200,000 – JPY 9,000,000`) and read
by the band builder like any other, so every figure goes through the same exact reading and warnings. A share
count stays a count, its price beside it as written (never multiplied out). Front matter without figures (a
title's `company:` and `role:`) gives no bands here.

PyYAML is imported only for a front matter that holds levels or regions: most guides have none.
"""

from __future__ import annotations

import re

from bot.guides.markdown.builder import BandBuilder
from bot.guides.markdown.columns import Reporter, column_kind
from bot.guides.markdown.tables import ONE_REGION
from bot.guides.model import ExtraFigure, RegionBand

FENCED_RE = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*(?:\n|\Z)", re.S)
FIGURES_KEY_RE = re.compile(r"^(?:levels|regions|bands):\s*$", re.M)
STOCK_KEYS = ("equity", "stock", "rsus", "rsu", "options", "grant")
SHARE_KEYS = ("shares", "units", "options_count", "rsu_count")
TOTAL_KEYS = ("total", "total_annual", "total_comp", "tc", "total_yearly")


def front_matter_bands(text: str, report: Reporter) -> list[RegionBand] | None:
    """The bands the front matter holds; None when it holds none (then the tables and lists are read)."""
    fenced = FENCED_RE.match(text)
    if not fenced or not FIGURES_KEY_RE.search(fenced["body"]):
        return None
    import yaml

    try:
        data = yaml.safe_load(fenced["body"])
    except yaml.YAMLError as exc:
        report.warn(1, "front matter", f"not read as YAML ({str(exc).splitlines()[0]}); its figures kept as written")
        return None
    if not isinstance(data, dict):
        return None
    currency = _text(data.get("currency"))
    equity = data.get("equity") if isinstance(data.get("equity"), dict) else {}
    place = _text(data.get("region") or data.get("location") or data.get("city")) or ONE_REGION
    bands: list[RegionBand] = []
    levels = data.get("levels")
    if isinstance(levels, dict):
        for level, parts in levels.items():
            band = _band(place, str(level), parts, currency, equity, report)
            if band is not None:
                bands.append(band)
    regions = data.get("regions") or data.get("bands")
    if isinstance(regions, dict):
        for name, parts in regions.items():
            band = _band(str(name), None, parts, currency, equity, report)
            if band is not None:
                bands.append(band)
    return bands or None


def _band(place, level, parts, currency, equity, report: Reporter) -> RegionBand | None:
    if not isinstance(parts, dict):
        report.warn(1, f"front matter: {level or place}", "no figures under it; left out")
        return None
    builder = BandBuilder(place, _text(parts.get("currency")) or currency, report, level)
    code = builder.currency or ""
    years = equity.get("vest_years") if isinstance(equity.get("vest_years"), int) else None
    grant = _text(equity.get("type")) or "Stock"
    for key, value in parts.items():
        key = str(key).lower()
        if key in SHARE_KEYS:
            price = equity.get("price_per_share")
            priced = f" at {code} {price:,} a share (the guide's price)" if isinstance(price, int) else ""
            builder.add("stock", f"{grant} (shares)", _written(value, "", " shares") + priced, 1, (grant, years))
        elif key in STOCK_KEYS or key in TOTAL_KEYS or column_kind(key) in ("base", "bonus", "sign_on", "total"):
            kind = "total" if key in TOTAL_KEYS else "stock" if key in STOCK_KEYS else column_kind(key)
            stock = (grant, years) if kind == "stock" else None
            builder.add(kind, key.replace("_", " ").capitalize(), _written(value, f"{code} "), 1, stock)
        elif isinstance(value, str):
            builder.extras.append(ExtraFigure(name=key.replace("_", " ").capitalize(), raw=value))
    return builder.build(1)


def _written(value, prefix: str, suffix: str = "") -> str:
    """`[7200000, 9000000]` as a table would write it (`JPY 7,200,000 – JPY 9,000,000`); anything else as text."""
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return f"{prefix}{value[0]:,} – {prefix}{value[1]:,}{suffix}"
    if isinstance(value, int):
        return f"{prefix}{value:,}{suffix}"
    return str(value)


def _text(value) -> str | None:
    return str(value).strip() if isinstance(value, (str, int)) and str(value).strip() else None
