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

from bot.guides.markdown.blocks import Block
from bot.guides.markdown.builder import BandBuilder
from bot.guides.markdown.columns import Reporter, column_kind
from bot.guides.markdown.tables import ONE_REGION
from bot.guides.model import ExtraFigure, RegionBand

FENCED_RE = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*(?:\n|\Z)", re.S)
FIGURES_KEY_RE = re.compile(r"^(?:levels|regions|bands):\s*$", re.M)
STOCK_KEYS = ("equity", "stock", "rsus", "rsu", "options", "grant")
SHARE_KEYS = ("shares", "units", "options_count", "rsu_count")
TOTAL_KEYS = ("total", "total_annual", "total_comp", "tc", "total_yearly")
PLACE_KEYS = ("region", "location", "city")
FIGURE_KINDS = ("base", "bonus", "sign_on", "total", "total_year1")
YEARS_SAID_RE = re.compile(r"^\s*(?P<years>[1-9])\s*-?\s*(?:years?|yrs?)\b", re.I)
PERCENT_KEY_RE = re.compile(r"^(?P<name>.+?)_(?:pct|percent)$")
FIGURES_WORD_RE = re.compile(r"[\"']?(?:levels|regions|bands)[\"']?\s*:")


def front_matter_bands(text: str, report: Reporter) -> list[RegionBand] | None:
    """The bands the front matter holds; None when it holds none (then the tables and lists are read)."""
    fenced = FENCED_RE.match(text)
    if not fenced or not FIGURES_KEY_RE.search(fenced["body"]):
        return None
    return _data_bands(fenced["body"], "front matter", 1, report)


def code_block_bands(blocks: list[Block], report: Reporter) -> list[RegionBand] | None:
    """The bands a fenced ```json or ```yaml block holds (`{"bands": [{"region": "London", "base": [78000,
    96000], ...}]}`), as the front matter's are read; None when no such block holds any."""
    for block in blocks:
        if block.kind == "code" and block.info in ("json", "yaml", "yml") and FIGURES_WORD_RE.search(block.raw):
            bands = _data_bands(block.raw, f"{block.info} block", block.line, report)
            if bands:
                return bands
    return None


def _data_bands(body: str, where: str, line: int, report: Reporter) -> list[RegionBand] | None:
    import yaml  # JSON is read as YAML too (the flow style is YAML's)

    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError as exc:
        report.warn(line, where, f"not read as YAML ({str(exc).splitlines()[0]}); its figures kept as written")
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
            band = _band(place, str(level), parts, currency, equity, report, line)
            if band is not None:
                bands.append(band)
    regions = data.get("regions") or data.get("bands")
    if isinstance(regions, dict):
        for name, parts in regions.items():
            band = _band(str(name), None, parts, currency, equity, report, line)
            if band is not None:
                bands.append(band)
    elif isinstance(regions, list):  # `bands: [{region: London, level: Senior (P3), base: [...]}, ...]`
        for parts in regions:
            name = (
                _text(parts.get(PLACE_KEYS[0]) or parts.get(PLACE_KEYS[1]) or parts.get(PLACE_KEYS[2]))
                if isinstance(parts, dict)
                else None
            )
            level = _text(parts.get("level")) if isinstance(parts, dict) else None
            band = _band(name or place, level, parts, currency, equity, report, line)
            if band is not None:
                bands.append(band)
    return bands or None


def _band(place, level, parts, currency, equity, report: Reporter, line: int = 1) -> RegionBand | None:
    if not isinstance(parts, dict):
        report.warn(line, f"front matter: {level or place}", "no figures under it; left out")
        return None
    builder = BandBuilder(place, _text(parts.get("currency")) or currency, report, level)
    code = builder.currency or ""
    years = next((equity[key] for key in ("vest_years", "vesting_years") if isinstance(equity.get(key), int)), None)
    said = YEARS_SAID_RE.match(str(equity.get("vesting") or ""))
    years = years or (int(said["years"]) if said else None)  # `vesting: 4 years, 1-year cliff, monthly after`
    grant = _text(equity.get("type") or equity.get("instrument")) or "Stock"
    for key, value in parts.items():
        key = str(key).lower()
        if key in (*PLACE_KEYS, "level", "currency", "title"):
            continue
        percent = PERCENT_KEY_RE.match(key)
        if percent and isinstance(value, (int, float)):  # `bonus_pct: 0`, `holiday_allowance_pct: 8`
            name = percent["name"].replace("_", " ").capitalize()
            if column_kind(name) == "bonus":
                builder.add("bonus", name, f"{value}%", line)
            else:
                builder.extras.append(ExtraFigure(name=name, raw=f"{value}%"))
            continue
        if key.split("_")[0] in STOCK_KEYS and key not in STOCK_KEYS and key not in SHARE_KEYS:
            key = "equity"  # `equity_total`, `equity_grant`: the grant's value
        if key in SHARE_KEYS:
            price = equity.get("price_per_share")
            priced = f" at {code} {price:,} a share (the guide's price)" if isinstance(price, int) else ""
            builder.add("stock", f"{grant} (shares)", _written(value, "", " shares") + priced, line, (grant, years))
        elif key in STOCK_KEYS or key in TOTAL_KEYS or column_kind(key.replace("_", " ")) in FIGURE_KINDS:
            kind = (
                "total" if key in TOTAL_KEYS else "stock" if key in STOCK_KEYS else column_kind(key.replace("_", " "))
            )
            stock = (grant, years) if kind == "stock" else None
            builder.add(kind, key.replace("_", " ").capitalize(), _written(value, f"{code} "), line, stock)
        elif isinstance(value, str):
            builder.extras.append(ExtraFigure(name=key.replace("_", " ").capitalize(), raw=value))
    return builder.build(line)


def _written(value, prefix: str, suffix: str = "") -> str:
    """`[7200000, 9000000]` as a table would write it (`JPY 7,200,000 – JPY 9,000,000`); anything else as text."""
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return f"{prefix}{value[0]:,} – {prefix}{value[1]:,}{suffix}"
    if isinstance(value, int):
        return f"{prefix}{value:,}{suffix}"
    return str(value)


def _text(value) -> str | None:
    return str(value).strip() if isinstance(value, (str, int)) and str(value).strip() else None
