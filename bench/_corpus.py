"""A generated guide library: thousands of realistic Markdown guides across every variant
of the format, with the figures written kept beside them.

`generate(folder, count, seed)` writes `<company>/<role>.md` for hundreds of companies times
a dozen-odd roles, choosing per guide the title style, heading level, table layout
(regions as rows, levels as rows, components as rows), stock column name, bonus form,
extra columns, amount style (`$155K`, `$155,000`, `₹47,00,000`, `₹1.2Cr`, `$1.2M`, bare
figures under a `(SGD)` region...), range separator, cell decoration and section styles.
It returns, and writes to `<folder>/_manifest.json`, what it wrote: for each guide the
figures as `figures_of(guide)` projects a parsed guide, and for each deliberately broken
guide the line and field its error must name. A fidelity test compares the two.
Deterministic: the same seed writes the same bytes.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

from bot.guides.markdown.reader import slugify
from bot.guides.markdown.text import clean_inline
from bot.guides.model import Cell, Guide, RegionBand
from bot.guides.money import CURRENCIES

MANIFEST = "_manifest.json"

ROLES = [
    ("Software Engineer", 1.0),
    ("ML / AI Engineer", 1.15),
    ("Site Reliability Engineer", 1.0),
    ("DevOps Engineer", 0.95),
    ("Engineering Manager", 1.3),
    ("Product Manager", 1.1),
    ("Data Scientist", 1.0),
    ("Data Engineer", 0.95),
    ("Technical Program Manager", 1.05),
    ("Solutions Architect", 0.95),
    ("Security Engineer", 1.0),
    ("Product Designer", 0.9),
    ("Data Analyst", 0.75),
    ("Research Scientist", 1.2),
    ("Mobile Engineer", 0.95),
    ("Staff Engineer", 1.45),
    ("Account Executive", 0.85),
    ("Developer Advocate", 0.85),
    ("QA Engineer", 0.75),
    ("Frontend Engineer", 0.95),
]

# (name, currency, factor against USD, rounding step, emoji)
REGIONS = [
    ("San Francisco HQ", "USD", Decimal("1.0"), 5_000, ":us:"),
    ("Remote US", "USD", Decimal("0.9"), 5_000, ":us:"),
    ("New York", "USD", Decimal("1.0"), 5_000, ":statue_of_liberty:"),
    ("Seattle", "USD", Decimal("0.95"), 5_000, ":us:"),
    ("Sunnyvale", "USD", Decimal("1.0"), 5_000, ":us:"),
    ("Austin", "USD", Decimal("0.85"), 5_000, ":us:"),
    ("London", "GBP", Decimal("0.5"), 5_000, ":gb:"),
    ("Dublin", "EUR", Decimal("0.5"), 1_000, ":ie:"),
    ("Berlin", "EUR", Decimal("0.45"), 1_000, ":de:"),
    ("Amsterdam", "EUR", Decimal("0.5"), 1_000, ":nl:"),
    ("Zurich", "CHF", Decimal("0.75"), 5_000, ":switzerland:"),
    ("Singapore", "SGD", Decimal("0.8"), 5_000, ":singapore:"),
    ("Toronto", "CAD", Decimal("0.75"), 5_000, ":canada:"),
    ("Sydney", "AUD", Decimal("0.9"), 5_000, ":australia:"),
    ("Hong Kong", "HKD", Decimal("6.0"), 10_000, ":hong_kong:"),
    ("Tokyo", "JPY", Decimal("90"), 100_000, ":jp:"),
    ("Bangalore", "INR", Decimal("15"), 100_000, ":india:"),
    ("Hyderabad", "INR", Decimal("13"), 100_000, ":india:"),
    ("Mumbai", "INR", Decimal("40"), 100_000, ":india:"),  # senior bands reach crores (₹1.2Cr)
]

# Regions in currencies outside money.CURRENCIES, written in their own prefix forms
# (`UYU 1,800,000`, `Rp 900M`, `kr565,000`, `AED 300,000`, `NT$2.8M`, `R$450K`).
EXOTIC_REGIONS = [
    ("Montevideo", "UYU", Decimal("40"), 100_000, ":uruguay:"),
    ("Jakarta", "IDR", Decimal("15000"), 10_000_000, ":indonesia:"),
    ("Stockholm", "SEK", Decimal("10"), 10_000, ":sweden:"),
    ("Dubai", "AED", Decimal("3.5"), 10_000, ":united_arab_emirates:"),
    ("Taipei", "TWD", Decimal("30"), 100_000, ":taiwan:"),
    ("São Paulo", "BRL", Decimal("5"), 10_000, ":brazil:"),
]
# How these forms are written before a number, where money.CURRENCIES has another symbol or none.
WRITTEN_SYMBOLS = {"UYU": ("UYU", True), "IDR": ("Rp", False), "SEK": ("kr", False)}

# The share of guides with each cell form (in a real library of 4,470 guides: 630 with a
# conversion beside the figure, 308 with words after amounts, 88 with words instead of
# amounts, 87 with a cell in another currency, 73 in a currency outside the common ones).
FORM_SHARES = {
    "conversion": 0.14,
    "words_after": 0.07,
    "words_instead": 0.02,
    "other_currency": 0.02,
    "exotic": 0.016,
    "heads": 0.04,
}
# The share of guides written with the `wild` forms below. Drawn, like every choice these forms make,
# from a generator of their own (`GuideBuilder.wild_rng`), so the other guides are written exactly as
# before: the labelled queries (bench/_queries.py) and the tests over this corpus keep their library.
WILD_SHARE = 0.05
# Forms authors write that the blind review found (tests/guides/test_wild.py), two or three per
# `wild` guide: numbers written the European way (`85.000 €`, `85 000 €`, `CHF 150'000`,
# `650 000 kr`), `~`/`～` between the ends of a range, footnote marks after figures (`¹`, `[1]`,
# `*`), a flag or a link in the region cell, a totals row (no region), an approximate total
# (`~$150K–$200K`, kept as written), a note after a line break in a cell (`<br>(before equity)`),
# the table inside a block quote, and a title without `Negotiation Guide`.
WILD_VARIANTS = [
    "european",
    "tilde",
    "footnotes",
    "flags",
    "totals_row",
    "approx",
    "br_note",
    "quote",
    "loose_title",
    "beside_heads",
]
# Columns whose head noun looks like a band part but which are not one, kept beside the band with their label.
BESIDE_HEADS = ["Total Cash", "Equity Refresh", "Retention Bonus", "Variable Pay", "Total Comp (4yr)"]
EUROPEAN = {"EUR", "CHF", "SEK", "NOK", "DKK"}
FOOTNOTE_MARKS = ["¹", "²", "[1]", "*", "[^1]", "†"]
UNICODE_FLAGS = {":us:": "🇺🇸", ":gb:": "🇬🇧", ":de:": "🇩🇪", ":ie:": "🇮🇪", ":nl:": "🇳🇱", ":jp:": "🇯🇵", ":india:": "🇮🇳"}
WORDS_AFTER = [
    "grant_years",
    "stock_per_year",
    "open_top",
    "sign_on",
    "pd_rsus",
    "equivalent",
    "profit_sharing",
    "monthly",
]
WORDS_INSTEAD = [("bonus", "Discretionary"), ("stock", "Choose Your Mix"), ("bonus", "Equity profit-sharing")]
DOSSIER = """# {name}: company dossier

{name} builds {product}. This file collects notes on the company for the guide authors:
funding history, leadership and culture. It holds no pay bands.

## Notes

- Founded by engineers from larger cloud companies.
- Hiring across engineering and go-to-market teams.
"""

STOCK_HEADERS = [  # header, kind, years
    ("Stock (RSU/4yr)", "RSU", 4),
    ("Stock (Options/4yr)", "Options", 4),
    ("Equity (Pre-IPO/4yr)", "Pre-IPO", 4),
    ("Options (4yr)", "Options", 4),
    ("RSU (4yr)", "RSU", 4),
    ("Stock (Options or RSU/4yr)", "Options or RSU", 4),
    ("Equity (Options/RSU est.)", "Options/RSU est.", None),
    ("Stock (Equity/4yr)", "Equity", 4),
    ("RSUs (3yr)", "RSUs", 3),
]

PREFIXES = [
    "Acme",
    "Aero",
    "Alpen",
    "Amber",
    "Apex",
    "Arc",
    "Argo",
    "Astra",
    "Atlas",
    "Aurora",
    "Axon",
    "Beacon",
    "Birch",
    "Blue",
    "Bolt",
    "Bright",
    "Cedar",
    "Cinder",
    "Cirrus",
    "Clear",
    "Cloud",
    "Cobalt",
    "Comet",
    "Copper",
    "Coral",
    "Crest",
    "Crystal",
    "Cyber",
    "Data",
    "Delta",
    "Echo",
    "Ember",
    "Falcon",
    "Fern",
    "Flux",
    "Forge",
    "Fusion",
    "Garnet",
    "Glacier",
    "Granite",
    "Harbor",
    "Helio",
    "Hex",
    "Horizon",
    "Indigo",
    "Ion",
    "Iris",
    "Jade",
    "Juniper",
    "Kepler",
    "Kite",
    "Lumen",
    "Lunar",
    "Lyra",
    "Magma",
    "Maple",
    "Meridian",
    "Mesa",
    "Meteor",
    "Mint",
    "Nebula",
    "Neon",
    "Nimbus",
    "Noble",
    "Nova",
    "Oak",
    "Obsidian",
    "Onyx",
    "Opal",
    "Orbit",
    "Pacific",
    "Pine",
    "Pixel",
    "Polar",
    "Prism",
    "Pulse",
    "Quartz",
    "Quasar",
    "Radiant",
    "Raven",
    "Redwood",
    "Ridge",
    "River",
    "Sage",
    "Sapphire",
    "Sierra",
    "Signal",
    "Silver",
    "Solar",
    "Sonic",
    "Spark",
    "Spruce",
    "Stellar",
    "Stone",
    "Summit",
    "Tidal",
    "Titan",
    "Topaz",
    "Vector",
    "Velvet",
    "Vertex",
    "Vivid",
    "Volt",
    "Willow",
    "Zen",
    "Zephyr",
]
SUFFIXES = [
    "Scale",
    "Base",
    "Works",
    "Labs",
    "Flow",
    "Stack",
    "Forge",
    "Grid",
    "Logic",
    "Mind",
    "Path",
    "Point",
    "Shift",
    "Soft",
    "Sync",
    "Wave",
    "Ware",
    "Bit",
    "Byte",
    "Cast",
    "Core",
    "Deck",
    "Dock",
    "Gate",
    "Hub",
    "Layer",
    "Link",
    "Loop",
    "Mesh",
    "Net",
    "Ops",
    "Pay",
    "Port",
    "Sense",
    "Ship",
    "Space",
    "Stream",
    "Vault",
    "Yard",
]
ENDINGS = ["", "", "", "", ".io", " AI", " Labs", " Systems", " Technologies", " Cloud"]

PRODUCTS = [
    "Serverless MySQL Platform (Vitess-based)",
    "Developer Tools",
    "Observability Platform",
    "Payments Infrastructure",
    "Data Warehouse",
    "Edge Network",
    "Vector Database",
    "Security Analytics",
    "Collaboration Suite",
    "Inference Cloud",
]
LEVERS = [
    ("Competing Offer", "I have a competing offer from a company of similar stage at a higher total."),
    ("Scarce Skills", "The mix of {role} skills and {product} experience is hard to hire for."),
    ("Impact", "My work at my current company cut infrastructure costs by a third."),
    ("Ramp-up Time", "I can be productive on day one with your stack."),
    ("Market Data", "Levels data for {role} roles puts the band higher."),
    ("Equity Refresh", "Equity refreshes at {company} should reflect the risk I take joining now."),
    ("Team Growth", "I have hired and led teams through exactly this growth stage."),
    ("AI Premium", "AI companies offer much more for this profile."),
]
MAPPED = ["Google L4", "Meta E4", "Amazon SDE II", "Microsoft 62", "Stripe L2", "Databricks L4", "Apple ICT3"]
LEVEL_SETS = [
    ["L3", "L4", "L5", "L6"],
    ["E3 (Junior)", "E4 (Mid)", "E5 (Senior)"],
    ["IC1", "IC2", "IC3", "IC4", "IC5"],
    ["Junior", "Mid", "Senior", "Staff"],
]
SEPARATORS = ["–", "-", " – ", " - ", " to ", "—"]


# --- writing figures ------------------------------------------------------------------------------


def _decimal_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _indian(value: int) -> str:
    text = str(value)
    if len(text) <= 3:
        return text
    head, tail = text[:-3], text[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *groups, tail]) if head else ",".join([*groups, tail])


def styles_for(value: int, currency: str) -> list[str]:
    """The ways this amount can be written exactly."""
    styles = ["full"]
    if currency == "INR":
        styles += ["indian"]
        if value % 10_000 == 0:
            styles.append("L")
        if value >= 10_000_000 and value % 100_000 == 0:
            styles.append("Cr")
        return styles
    if value % 1_000 == 0:
        styles.append("K")
    if value >= 1_000_000 and value % 10_000 == 0:
        styles.append("M")
    return styles


def write_amount(value: int, currency: str, style: str, symbol: bool = True) -> str:
    if style == "K":
        number = f"{value // 1000:,}K"
    elif style == "M":
        number = _decimal_text(Decimal(value) / 1_000_000) + "M"
    elif style == "L":
        number = _decimal_text(Decimal(value) / 100_000) + "L"
    elif style == "Cr":
        number = _decimal_text(Decimal(value) / 10_000_000) + "Cr"
    elif style == "indian":
        number = _indian(value)
    else:
        number = f"{value:,}"
    if not symbol:
        return number
    sign, is_word = WRITTEN_SYMBOLS.get(currency) or CURRENCIES[currency]
    return f"{sign} {number}" if is_word else f"{sign}{number}"


class Writer:
    """Random choices for one guide, each one a variant of the format."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.wild_rng = rng  # GuideBuilder gives each guide its own for the wild forms
        self.european = False  # full amounts in EUROPEAN currencies written `85.000 €`, `CHF 150'000`
        self.tilde = False  # `~` (`～` in yen) between the ends of a range

    def amount(self, value: int, currency: str, style: str, symbol: bool = True) -> str:
        if not (self.european and style == "full" and currency in EUROPEAN):
            return write_amount(value, currency, style, symbol)
        if currency == "CHF":
            number = f"{value:,}".replace(",", "'")
            return f"CHF {number}" if symbol else number
        grouping = "." if currency == "EUR" and value % 7 else " "
        number = f"{value:,}".replace(",", grouping)
        sign = {"EUR": "€", "SEK": "kr", "NOK": "kr", "DKK": "kr"}[currency]
        return f"{number} {sign}" if symbol else number

    def range(self, low: int, high: int, currency: str, bare: bool) -> str:
        rng = self.rng
        common = [s for s in styles_for(low, currency) if s in styles_for(high, currency)]
        style = rng.choice(common)
        sep = rng.choice(SEPARATORS)
        if self.tilde:
            sep = "～" if currency == "JPY" else self.wild_rng.choice(["~", " ~ "])
        if low == high and rng.random() < 0.5:
            return self.amount(low, currency, style, not bare)
        second_symbol = not bare and (rng.random() < 0.8 or style in ("full", "indian"))
        high_style = style
        short = [s for s in styles_for(high, currency) if s not in ("full", "indian")]
        if style == "full" and short and not bare and rng.random() < 0.1:
            high_style, second_symbol = rng.choice(short), True  # `$186,900–$266K`: ends in two styles
        high_text = self.amount(high, currency, high_style, second_symbol)
        return f"{self.amount(low, currency, style, not bare)}{sep}{high_text}"

    def bold(self, text: str, chance: float = 0.15) -> str:
        return f"**{text}**" if self.rng.random() < chance else text


def _band(rng: random.Random, usd_low: int, spread: float, factor: Decimal, step: int) -> tuple[int, int]:
    low = int(Decimal(usd_low) * factor / step) * step
    low = max(low, step)
    high = int(Decimal(int(usd_low * spread)) * factor / step) * step
    return low, max(high, low + step)


# --- one guide --------------------------------------------------------------------------------------------


class GuideBuilder:
    def __init__(self, rng: random.Random, company: dict, role: str, weight: float) -> None:
        self.forms: set[str] = set()
        self.wild: set[str] = set()
        self.wild_rng = rng
        self.warned: list[dict] = []
        self.other_region: str | None = None
        self.rng = rng
        self.w = Writer(rng)
        self.company = company
        self.role = role
        self.weight = weight
        self.lines: list[str] = []
        self.expected: dict = {}

    def add(self, *lines: str) -> int:
        """Append lines; returns the line number of the first."""
        first = len(self.lines) + 1
        self.lines.extend(lines)
        return first

    def build(self, broken: str | None = None) -> tuple[str, dict]:
        rng = self.rng
        company = self.company
        level = rng.choice([None, None, None, "L3-L4", "L5", "IC3", "Senior"])
        role_text = f"{self.role} ({level})" if level else self.role
        sep, suffix = rng.choice(
            [("|", "Global Negotiation Guide"), ("—", "Salary Negotiation Guide"), ("—", "Global Negotiation Guide")]
            + [("|", "Negotiation Guide"), ("|", "Salary Negotiation Guide")]
        )
        hashes = "#" * rng.choice([1, 2, 3, 3, 3, 4])
        title_line = self.add(f"{hashes} {role_text} {sep} {company['name']} {suffix}", "")
        self.expected = {"company": company["name"], "role": self.role, "level": level}

        premium = company["premium"]
        dna = [company["ownership"], company["product"]]
        if premium:
            dna.append(f"**+{premium[0]}–{premium[1]}% {company['premium_label']}**")
        dna.append(company["risk"])
        self.add(f"**Negotiation DNA:** {' | '.join(dna)}", "")
        self.expected["premium"] = [str(premium[0]), str(premium[1])] if premium else None

        self.forms = {form for form, share in FORM_SHARES.items() if rng.random() < share}
        self.warned: list[dict] = []
        wild_rng = self.wild_rng = self.w.wild_rng = random.Random(f"wild:{company['name']}/{self.role}")
        self.wild = (
            set(wild_rng.sample(WILD_VARIANTS, wild_rng.randint(2, 3))) if wild_rng.random() < WILD_SHARE else set()
        )
        regions = rng.sample(REGIONS, rng.randint(2, 5))
        if "exotic" in self.forms:
            regions[-1] = rng.choice(EXOTIC_REGIONS)
        # The region whose rows carry a cell in another currency: the first not in dollars.
        self.other_region = next((r[0] for r in regions if r[1] != "USD"), None)
        layout = rng.choices(["regions", "level_regions", "levels", "components"], weights=[6, 1, 2, 2])[0]
        if broken in ("currency", "order") or self.forms & {"words_after", "words_instead", "other_currency", "heads"}:
            layout = rng.choice(["regions", "regions", "regions", "level_regions"])  # the layouts with these cells
        if layout not in ("regions", "level_regions"):
            self.wild = set()  # the wild forms are written in the layouts with a row per region
        if "loose_title" in self.wild:
            loose_sep = wild_rng.choice(["—", "|", "@"])
            self.lines[title_line - 1] = f"{hashes} {role_text} {loose_sep} {company['name']}"
            self.warned.append({"line": title_line, "field": "title", "message": "no `Negotiation Guide`"})
        if broken == "nofig":
            self.expected["regions"] = []
            error = {"line": title_line, "field": "band table", "message": "no table of figures"}
        else:
            error = getattr(self, f"_table_{layout}")(regions, broken)
        self._narrative()
        self._level_mapping(table=broken != "nofig")
        self._levers()
        self._strategy(regions)
        self._sources()
        for region in self.expected.get("regions", []):
            region.setdefault("level", None)
            region.setdefault("total_year1", None)
            region.setdefault("cells", [])
            if region.get("stock"):
                region["stock"].setdefault("per_year", False)
                region["stock"].setdefault("note", None)
        if broken in ("order", "currency"):
            # A cell that cannot be read is kept as written: the guide loads, with a warning.
            self.warned.append(error)
        if self.warned:
            self.expected["warnings"] = self.warned
        return "\n".join(self.lines) + "\n", (error if broken == "nofig" else self.expected)

    # --- tables ---------------------------------------------------------------------------------------

    def _region_label(self, name: str, currency: str, emoji: str, force_code: bool = False) -> tuple[str, bool]:
        rng = self.rng
        code = force_code or rng.random() < 0.25
        label = f"{name} ({currency})" if code else name
        if rng.random() < 0.2:
            label = f"**{label}**"
        if rng.random() < 0.25:
            label = f"{emoji} {label}"
        elif "flags" in self.wild:
            flag = UNICODE_FLAGS.get(emoji)
            if flag and self.wild_rng.random() < 0.6:
                label = self.wild_rng.choice([f"{flag} {label}", f"{label} {flag}"])
            elif self.wild_rng.random() < 0.5:
                label = f"[{label}](https://example.com/{slugify(name)})"
        return label, code

    def _table_level_regions(self, regions: list, broken: str | None) -> dict | None:
        """`| Level | Region | Base Salary | ... |`: a row per level and region."""
        levels = self.rng.choice(LEVEL_SETS)[: self.rng.randint(2, 3)]
        return self._table_regions(regions, broken, levels=levels)

    def _table_regions(self, regions: list, broken: str | None, levels: list[str] | None = None) -> dict | None:
        rng, w = self.rng, self.w
        forms = self.forms
        after = rng.choice(WORDS_AFTER) if "words_after" in forms else None
        instead = rng.choice(WORDS_INSTEAD) if "words_instead" in forms else None
        stock = rng.choice([*STOCK_HEADERS, None])
        if after in ("grant_years", "stock_per_year", "pd_rsus") or (instead and instead[0] == "stock"):
            stock = ("Stock", "Stock", None) if after != "pd_rsus" else rng.choice(STOCK_HEADERS[:3])
        heads = "heads" in forms
        if heads and rng.random() < 0.5:
            stock = ("Fidelity Profit-Based RSU", "Fidelity Profit-Based RSU", None)
        bonus = rng.random() < 0.7 or after in ("sign_on", "profit_sharing") or (instead and instead[0] == "bonus")
        sign_on = rng.random() < 0.3 and after != "sign_on"
        relocation = rng.random() < 0.15
        combined = heads and rng.random() < 0.5
        total = rng.random() < 0.85 or after == "open_top"
        year1 = heads and total and after != "open_top" and rng.random() < 0.5
        first = rng.choice(["Region", "Region", "Location", "Market"])
        header = [first, rng.choice(["Base Salary", "Base", "Base Salary"])]
        if levels:
            header.insert(0, rng.choice(["Level", "Level", "Job Level"]))
        if stock:
            header.append(stock[0])
        if bonus:
            header.append(rng.choice(["Bonus", "Target Bonus", "Annual Bonus"]))
        if sign_on:
            header.append(rng.choice(["Sign-On Bonus", "Signing Bonus", "Sign-On"]))
        if relocation:
            header.append("Relocation")
        if combined:
            header.append("Stock/Bonus")
        beside = self.wild_rng.choice(BESIDE_HEADS) if "beside_heads" in self.wild else None
        if beside:
            header.append(beside)
        if total:
            header.append("Total Comp (Yr 1)" if year1 else "Total Comp")
        table_start = len(self.lines)
        self.w.european, self.w.tilde = "european" in self.wild, "tilde" in self.wild
        self.add("| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|")
        base_column = header[1 + bool(levels)]
        expected_regions = []
        error = None
        rows = [(level, region) for level in (levels or [None]) for region in regions]
        for index, (level, (name, currency, factor, step, emoji)) in enumerate(rows):
            rank = levels.index(level) if levels else 0
            # The region names its currency where a cell is in another one (or in none known).
            other = "other_currency" in forms and name == self.other_region
            force_code = (broken == "currency" and index == 0) or other
            label, bare = self._region_label(name, currency, emoji, force_code=force_code)
            usd = int((150_000 + rank * 50_000) * self.weight) + rng.randrange(0, 40) * 1_000
            base = _band(rng, usd, 1.35, factor, step)
            cells = [label] if not levels else [w.bold(level, 0.2), label]
            region: dict = {"name": name, "currency": currency, "base": list(base), "stock": None, "cells": []}
            if levels:
                region["level"] = level
            line = len(self.lines) + 1
            where = f"{level} {name}" if level else name
            if broken == "order" and index == 0:
                raw = w.range(base[1], base[0], currency, bare)
                cells.append(raw)
                region["base"] = None
                region["cells"].append(["base", raw, None, None, None, None, False, None])
                error = {"line": line, "field": f"{where}: {header[1 + bool(levels)]}", "message": "exceeds high"}
            elif broken == "currency" and index == 0:
                raw = f"XYZ {base[0] // 1000}K–XYZ {base[1] // 1000}K"
                cells.append(raw)
                region["base"] = None
                region["cells"].append(["base", raw, None, None, None, None, False, None])
                error = {
                    "line": line,
                    "field": f"{where}: {header[1 + bool(levels)]}",
                    "message": "unknown currency 'XYZ'",
                }
            else:
                cells.append(self._base_cell(region, base, currency, factor, bare, after, where, line, base_column))
            if stock:
                stock_kind, years = stock[1], stock[2]
                if instead and instead[0] == "stock":
                    cells.append(instead[1])
                    region["stock"] = {
                        "kind": stock_kind,
                        "years": years,
                        "value": None,
                        "shares": None,
                        "note": instead[1],
                    }
                    region["cells"].append(["stock", instead[1], None, None, None, None, False, None])
                    self.warned.append({"line": line, "field": f"{where}: {stock[0]}", "message": "kept as written"})
                elif rng.random() < 0.1:
                    cells.append("—")
                    region["stock"] = {"kind": stock_kind, "years": years, "value": None, "shares": None}
                else:
                    grant = _band(rng, int(usd * 0.8), 2.0, factor, step)
                    cells.append(self._stock_cell(region, grant, stock_kind, years, currency, factor, bare, after))
            region["bonus"] = ["none"]
            if bonus:
                if instead and instead[0] == "bonus":
                    cells.append(instead[1])
                    region["bonus"] = ["text", instead[1]]
                    region["cells"].append(["bonus", instead[1], None, None, None, None, False, None])
                    self.warned.append(
                        {"line": line, "field": f"{where}: {header[len(cells) - 1]}", "message": "kept as written"}
                    )
                elif after == "sign_on":
                    amount = _band(rng, 15_000, 2.0, factor, step)
                    raw = f"{w.range(*amount, currency, False)} sign-on"
                    cells.append(raw)
                    region["bonus"] = ["text", raw]
                    region["sign_on"] = list(amount)
                    region["cells"].append(["sign_on", raw, list(amount), None, None, None, False, "sign-on"])
                elif after == "profit_sharing":
                    amount = _band(rng, 60_000, 2.0, factor, step)
                    raw = f"{w.range(*amount, currency, False)}+ profit sharing"
                    cells.append(raw)
                    region["bonus"] = ["amount", *amount]
                    region["cells"].append(["bonus", raw, list(amount), None, None, None, True, "profit sharing"])
                else:
                    cells.append(self._bonus_cell(region, base, currency, bare, step))
            region.setdefault("sign_on", None)
            if sign_on:
                if rng.random() < 0.5:
                    cells.append("—")
                else:
                    amount = _band(rng, 20_000, 2.0, factor, step)
                    cells.append(w.range(*amount, currency, bare))
                    region["sign_on"] = list(amount)
            region["extras"] = []
            if relocation:
                raw = rng.choice(["—", "n/a", w.range(*_band(rng, 10_000, 1.0, factor, step), currency, bare)])
                cells.append(raw)
                region["extras"] = [["Relocation", raw]]
            if combined:
                raw = w.range(*_band(rng, int(usd * 0.3), 1.6, factor, step), currency, bare)
                cells.append(raw)
                region["extras"].append(["Stock/Bonus", raw])
            if beside:
                # written with the guide's own generator so the other guides stay as they were
                beside_writer = Writer(self.wild_rng)
                beside_writer.wild_rng, beside_writer.european, beside_writer.tilde = self.wild_rng, w.european, w.tilde
                raw = beside_writer.range(*_band(self.wild_rng, int(usd * 0.4), 1.5, factor, step), currency, bare)
                cells.append(raw)
                region["extras"].append([beside, raw])
            region["total"] = None
            if total:
                amount = _band(rng, int(usd * 1.3), 1.5, factor, step)
                if after == "open_top":
                    raw = f"{w.range(*amount, currency, bare)}+"
                    region["cells"].append(["total", raw, list(amount), None, None, None, True, None])
                elif "conversion" in forms and currency != "USD":
                    raw = self._converted(amount, currency, factor, bare)
                    kind = "total_year1" if year1 else "total"
                    region["cells"].append(
                        [kind, raw, list(amount), self._usd(amount, factor), None, None, False, None]
                    )
                elif "approx" in self.wild and index == 0:
                    # `~$150K–$200K`: an approximate figure, kept as written and warned about.
                    raw = "~" + w.range(*amount, currency, bare)
                    cells.append(raw)
                    region["cells"].append(
                        ["total_year1" if year1 else "total", raw, None, None, None, None, False, None]
                    )
                    self.warned.append({"line": line, "field": f"{where}: {header[-1]}", "message": "approximate"})
                    amount = None
                else:
                    raw = self._footnoted(w.range(*amount, currency, bare))
                if amount is not None:
                    cells.append(raw)
                    region["total_year1" if year1 else "total"] = list(amount)
            region["levels"] = []
            self.add("| " + " | ".join(cells) + " |")
            expected_regions.append(region)
        if "totals_row" in self.wild:
            first_cells = self.lines[table_start + 2].strip(" |").split(" | ")
            label = self.wild_rng.choice(["**Total (avg)**", "Average", "*Median*"])
            row = ([""] if levels else []) + [label, *first_cells[1 + bool(levels) :]]
            line = self.add("| " + " | ".join(row) + " |")
            self.warned.append({"line": line, "field": clean_inline(label), "message": "summary or note row"})
        if "quote" in self.wild:
            for index in range(table_start, len(self.lines)):
                self.lines[index] = "> " + self.lines[index]
        if "footnotes" in self.wild:
            self.add("", "¹ Figures from offers reported in 2025. * Includes refreshers.")
        self.w.european = self.w.tilde = False
        self.add("")
        self.expected["regions"] = expected_regions
        return error

    def _usd(self, amount: tuple[int, int], factor: Decimal) -> list:
        return [int(Decimal(amount[0]) / factor) // 1000 * 1000, int(Decimal(amount[1]) / factor) // 1000 * 1000, "USD"]

    def _converted(self, amount: tuple[int, int], currency: str, factor: Decimal, bare: bool) -> str:
        """`€140,000-€195,000 / $153,000-$213,000`: the figure, then its conversion to dollars."""
        low, high, _ = self._usd(amount, factor)
        usd = low, max(high, low)
        return f"{self.w.range(*amount, currency, bare)} / {self.w.range(*usd, 'USD', False)}"

    def _base_cell(
        self,
        region: dict,
        base: tuple[int, int],
        currency: str,
        factor: Decimal,
        bare: bool,
        after,
        where,
        line,
        column,
    ) -> str:
        rng, w = self.rng, self.w
        forms = self.forms
        if after == "monthly" and currency not in ("USD", "INR", "JPY", "IDR"):
            monthly = (max(1_000, base[0] // 12 // 1_000 * 1_000), max(1_000, base[1] // 12 // 1_000 * 1_000) + 1_000)
            raw = f"{w.range(*monthly, currency, bare)}{rng.choice(['/mo', '/month', ' per month'])}"
            region["base"] = None
            region["cells"].append(["base", raw, list(monthly), None, "month", None, False, None])
            return raw
        if after == "equivalent" and currency != "USD":
            raw = f"{w.range(*base, currency, False)} equivalent"
            region["cells"].append(["base", raw, list(base), None, None, None, False, "equivalent"])
            return raw
        if "other_currency" in forms and region["name"] == self.other_region:
            if rng.random() < 0.5:
                # the row's base in dollars although the region pays in its own currency
                usd = self._usd(base, factor)[:2]
                usd[1] = max(usd[1], usd[0])
                region["base"] = [*usd, "USD"]
                return w.range(*usd, "USD", False)
            # a range whose ends are in two currencies: kept as written
            usd_high = self._usd(base, factor)[1]
            raw = f"{write_amount(base[0], currency, 'full')}–{write_amount(max(usd_high, 1000), 'USD', 'full')}"
            region["base"] = None
            region["cells"].append(["base", raw, None, None, None, None, False, None])
            self.warned.append({"line": line, "field": f"{where}: {column}", "message": "mixes currencies"})
            return raw
        if "conversion" in forms and currency != "USD":
            raw = self._converted(base, currency, factor, bare)
            region["cells"].append(["base", raw, list(base), self._usd(base, factor), None, None, False, None])
            return raw
        if "br_note" in self.wild and self.wild_rng.random() < 0.5:
            raw = f"{w.bold(w.range(*base, currency, bare))}<br>(before equity)"
            region["cells"].append(["base", clean_inline(raw), list(base), None, None, None, False, "(before equity)"])
            return raw
        return self._footnoted(w.bold(w.range(*base, currency, bare)))

    def _footnoted(self, text: str) -> str:
        """`$150K–$200K¹`: a footnote mark after a plain figure, in guides with footnotes."""
        if "footnotes" in self.wild and self.wild_rng.random() < 0.4:
            return text + self.wild_rng.choice(FOOTNOTE_MARKS)
        return text

    def _stock_cell(self, region, grant, kind, years, currency, factor, bare, after) -> str:
        w = self.w
        value = list(grant)
        if after == "grant_years":
            raw = f"{w.range(*grant, currency, bare)}/4yr"
            region["stock"] = {"kind": kind, "years": 4, "value": value, "shares": None}
            region["cells"].append(["stock", raw, value, None, None, 4, False, None])
            return raw
        if after == "stock_per_year":
            yearly = (grant[0] // 4 // 1_000 * 1_000 or 1_000, grant[1] // 4 // 1_000 * 1_000 or 2_000)
            raw = f"{w.range(*yearly, currency, bare)}/yr"
            region["stock"] = {"kind": kind, "years": 1, "value": list(yearly), "shares": None, "per_year": True}
            region["cells"].append(["stock", raw, list(yearly), None, "year", None, False, None])
            return raw
        if after == "pd_rsus":
            raw = f"{write_amount(grant[0], currency, 'full')} - {write_amount(grant[1], currency, 'full')} PD RSUs"
            region["stock"] = {"kind": kind, "years": years, "value": value, "shares": None}
            region["cells"].append(["stock", raw, value, None, None, None, False, "PD RSUs"])
            return raw
        region["stock"] = {"kind": kind, "years": years, "value": value, "shares": None}
        return w.range(*grant, currency, bare)

    def _bonus_cell(self, region: dict, base: tuple[int, int], currency: str, bare: bool, step: int) -> str:
        rng = self.rng
        kind = rng.choices(["none", "percent", "range", "amount"], weights=[3, 3, 3, 1])[0]
        if kind == "none":
            return rng.choice(["—", "—", "-", "n/a"])
        if kind == "amount":
            low = max(step, (base[0] // 10) // step * step)
            high = max(low + step, (base[1] // 8) // step * step)
            region["bonus"] = ["amount", low, high]
            return self.w.range(low, high, currency, bare)
        low = rng.choice([Decimal(5), Decimal(10), Decimal(12), Decimal("12.5"), Decimal(15)])
        if kind == "percent":
            region["bonus"] = ["percent", _decimal_text(low), _decimal_text(low)]
            return f"{_decimal_text(low)}%" + rng.choice(["", " target"])
        high = low + rng.choice([3, 5, 10])
        region["bonus"] = ["percent", _decimal_text(low), _decimal_text(high)]
        sep = rng.choice(["-", "–", " - ", " to "])
        return f"{_decimal_text(low)}{sep}{_decimal_text(high)}%" + rng.choice(["", " target"])

    def _table_levels(self, regions: list, broken: str | None) -> dict | None:
        rng, w = self.rng, self.w
        levels = rng.choice(LEVEL_SETS)
        self.add(rng.choice(["#### Total Compensation by Level", "**Total Compensation by Level**"]), "")
        header = ["Level", *(f"{name} ({currency})" for name, currency, *_ in regions)]
        self.add("| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|")
        expected = [{"name": name, "currency": currency, "levels": []} for name, currency, *_ in regions]
        error = None
        for rank, level in enumerate(levels):
            cells = [w.bold(level, 0.2)]
            for index, (name, currency, factor, step, _emoji) in enumerate(regions):
                if rank > 0 and rng.random() < 0.1:
                    cells.append("—")
                    continue
                usd = int((140_000 + rank * 60_000) * self.weight)
                low, high = _band(rng, usd, 1.3, factor, step)
                bare = rng.random() < 0.3
                if broken == "order" and not error and index == 0:
                    cells.append(w.range(high, low, currency, bare))
                    error = {"field": f"{name}: {level}", "message": "exceeds high"}
                    continue
                cells.append(w.range(low, high, currency, bare))
                expected[index]["levels"].append([level, low, high])
            line = self.add("| " + " | ".join(cells) + " |")
            if error and "line" not in error:
                error["line"] = line
        self.add("")
        for region in expected:
            region.update(base=None, stock=None, bonus=["none"], total=None, sign_on=None, extras=[])
        self.expected["regions"] = expected
        return error

    def _table_components(self, regions: list, broken: str | None) -> dict | None:
        rng, w = self.rng, self.w
        header = ["Component", *(f"{name} ({currency})" for name, currency, *_ in regions)]
        self.add("| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|")
        expected = [
            {"name": name, "currency": currency, "stock": None, "bonus": ["none"], "total": None, "sign_on": None}
            for name, currency, *_ in regions
        ]
        bare = [rng.random() < 0.3 for _ in regions]
        usd = [int(150_000 * self.weight) + rng.randrange(0, 40) * 1_000 for _ in regions]
        bases = [_band(rng, usd[i], 1.35, r[2], r[3]) for i, r in enumerate(regions)]
        error = None
        cells = ["Base Salary"]
        for index, (name, currency, *_rest) in enumerate(regions):
            if broken == "order" and index == 0:
                cells.append(w.range(bases[index][1], bases[index][0], currency, bare[index]))
                error = {"field": f"{name}: Base Salary", "message": "exceeds high"}
            else:
                cells.append(w.range(*bases[index], currency, bare[index]))
            expected[index]["base"] = list(bases[index])
        line = self.add("| " + " | ".join(cells) + " |")
        if error:
            error["line"] = line
        if rng.random() < 0.8:
            cells = ["Annual Bonus"]
            for index, (_name, currency, _f, step, _e) in enumerate(regions):
                cells.append(self._bonus_cell(expected[index], bases[index], currency, bare[index], step))
            self.add("| " + " | ".join(cells) + " |")
        stock = rng.choice(["rsu", "options", "equity", None])
        if stock:
            label, kind = {
                "rsu": ("RSU Grant (4-yr vest)", "RSU"),
                "options": ("Options (4-yr vest)", "Options"),
                "equity": ("Equity Grant (4yr)", "Equity"),
            }[stock]
            cells = [label]
            for index, (_name, currency, factor, step, _e) in enumerate(regions):
                if rng.random() < 0.1:
                    cells.append("—")
                elif stock == "options":
                    low = rng.randrange(5, 30) * 1_000
                    high = low * 2
                    sep = rng.choice([" – ", "–", " to ", "-"])
                    cells.append(f"{low:,}{sep}{high:,} options")
                    expected[index]["stock"] = {"kind": kind, "years": 4, "value": None, "shares": [low, high]}
                else:
                    grant = _band(rng, int(usd[index] * 0.8), 2.0, factor, step)
                    cells.append(w.range(*grant, currency, bare[index]))
                    expected[index]["stock"] = {"kind": kind, "years": 4, "value": list(grant), "shares": None}
            self.add("| " + " | ".join(cells) + " |")
        if rng.random() < 0.5:
            cells = [rng.choice(["Signing Bonus", "Sign-On Bonus"])]
            for index, (_name, currency, factor, step, _e) in enumerate(regions):
                if rng.random() < 0.3:
                    cells.append("—")
                else:
                    amount = _band(rng, 20_000, 2.0, factor, step)
                    cells.append(w.range(*amount, currency, bare[index]))
                    expected[index]["sign_on"] = list(amount)
            self.add("| " + " | ".join(cells) + " |")
        if rng.random() < 0.6:
            cells = ["Total Comp"]
            for index, (_name, currency, factor, step, _e) in enumerate(regions):
                amount = _band(rng, int(usd[index] * 1.3), 1.5, factor, step)
                cells.append(w.range(*amount, currency, bare[index]))
                expected[index]["total"] = list(amount)
            self.add("| " + " | ".join(cells) + " |")
        self.add("")
        for region in expected:
            region.update(levels=[], extras=[])
        self.expected["regions"] = expected
        return error

    # --- sections ---------------------------------------------------------------------------------------

    def _narrative(self) -> None:
        heading = self.rng.choice(["**Negotiation DNA**", "### Overview", "#### Context"])
        text = (
            f"{self.role}s at {self.company['name']} work on the {self.company['product'].lower()}; "
            "the skills overlap with few other companies, which gives candidates leverage."
        )
        self.add(heading, "", text, "")
        self.expected["narrative"] = [text]

    def _level_mapping(self, table: bool = True) -> None:
        rng = self.rng
        own = f"{self.company['name']} {rng.choice(['E4', 'L4', 'IC3', 'Senior'])}"
        others = rng.sample(MAPPED, rng.randint(1, 3))
        if rng.random() < 0.7 or not table:
            self.add(f"**Level Mapping:** {' = '.join([own, *others])}", "")
            self.expected["level_mapping"] = [own, *others]
        else:
            self.add("### Level Mapping", "", "| Company | Level |", "|---|---|")
            rows = [(self.company["name"], own.rsplit(" ", 1)[1]), *(o.split(" ", 1) for o in others)]
            for company, level in rows:
                self.add(f"| {company} | {level} |")
            self.add("")
            self.expected["level_mapping"] = [f"{c} = {lv}" for c, lv in rows]

    def _levers(self) -> None:
        rng = self.rng
        chosen = rng.sample(LEVERS, rng.randint(2, 4))
        fill = {"role": self.role, "company": self.company["name"], "product": self.company["product"]}
        levers = [(title, script.format(**fill)) for title, script in chosen]
        if rng.random() < 0.65:
            self.add(rng.choice(["**Global Levers**", "### Levers", "**Key Levers**"]), "")
            for number, (title, script) in enumerate(levers, start=1):
                joiner = rng.choice([":** ", "** — ", ":**: "]) if rng.random() < 0.3 else ":** "
                self.add(f'{number}. **{title}{joiner}"{script}"')
            self.add("")
        else:
            self.add("### Levers", "")
            for number, (title, script) in enumerate(levers, start=1):
                quote = rng.choice(["", "> "])
                self.add(f"#### Lever {number}: {title}", "", f'{quote}"{script}"', "")
        self.expected["levers"] = [list(lever) for lever in levers]

    def _strategy(self, regions: list) -> None:
        rng = self.rng
        usd = [r for r in regions if r[1] == "USD"]
        strategy: dict = {"target_total": None, "counter": None}
        if usd:
            target = int(250_000 * self.weight) // 5_000 * 5_000
            quote = f"I'm targeting ${target // 1000}K total comp. My experience maps directly to this role."
            strategy["target_total"] = [target, "USD"]
        else:
            quote = "I'd like the offer to reflect the top of the band for this level."
        after = ""
        if usd and rng.random() < 0.6:
            low = int(180_000 * self.weight) // 5_000 * 5_000
            high = low + 25_000
            component = rng.choice(["equity", "base", "total"])
            after = f" Counter at ${low // 1000}K-${high // 1000}K {component} is competitive."
            strategy["counter"] = [low, high, component]
        if rng.random() < 0.6:
            self.add(f'> **Negotiate Up Strategy:** "{quote}"{after}', "")
        else:
            self.add(
                rng.choice(["### Negotiate Up Strategy", "#### Negotiation Strategy"]), "", f'"{quote}"{after}', ""
            )
        self.expected["negotiate_up"] = strategy

    def _sources(self) -> None:
        name = self.company["name"]
        sources = [f"{name} {self.role} Comp — Levels.fyi 2025-2026", f"Glassdoor {name} {self.role} 2025"]
        self.add("**Evidence & Sources**", *(f"- [{s}]" for s in sources))
        self.expected["sources"] = sources


# --- the library ------------------------------------------------------------------------------------------------


def company_names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        prefix, suffix = rng.choice(PREFIXES), rng.choice(SUFFIXES)
        joined = rng.random() < 0.7
        name = (f"{prefix}{suffix}" if joined else f"{prefix} {suffix}") + rng.choice(ENDINGS)
        slug = slugify(name)
        if slug in seen or slugify(f"{prefix}{suffix}") in seen:
            continue
        seen.update({slug, slugify(f"{prefix}{suffix}")})
        names.append(name)
    return names


def _company(rng: random.Random, name: str) -> dict:
    private = rng.random() < 0.6
    valuation = rng.choice(["$800M", "$1.2B", "$3B", "$12B", "$45B"])
    premium = rng.choice([None, (5, 10), (10, 20), (15, 25)])
    return {
        "name": name,
        "slug": slugify(name),
        "ownership": f"Private ({valuation} Valuation)" if private else "Public",
        "product": rng.choice(PRODUCTS),
        "premium": premium,
        "premium_label": rng.choice(["AI PREMIUM", "INFRA PREMIUM"]),
        "risk": "Higher Risk/Reward" if private else "Stable Growth",
    }


def generate(
    folder: Path,
    count: int,
    seed: int = 7,
    broken_share: float = 0.0,
    roles_per_company: int | None = None,
    dossier_share: float = 0.0,
) -> dict:
    """Write `count` guides under `folder` and the manifest; return the manifest.

    14 to 20 roles per company (or `roles_per_company`), so 5,000 guides span about 300
    companies. A share of
    `broken_share` guides carry one deliberate error each (a band with low above high,
    an unknown currency, no table at all); the manifest names its line and field. Only a
    guide with no table is left out ("broken"); the others load with a warning at that
    line ("warnings" beside their figures). About `dossier_share` of the companies also get
    a `company-overview.md` that is no guide (no title, no table), listed under "not_guides"."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    per_company = roles_per_company or 17
    names = company_names(rng, max(1, -(-count // per_company)) + 5)
    manifest: dict = {"seed": seed, "count": count, "guides": {}, "broken": {}, "not_guides": []}
    written = 0
    for name in names:
        if written >= count:
            break
        company = _company(rng, name)
        if dossier_share and rng.random() < dossier_share:
            path = folder / company["slug"] / "company-overview.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(DOSSIER.format(name=name, product=company["product"].lower()), encoding="utf-8")
            manifest["not_guides"].append(f"{company['slug']}/company-overview.md")
        roles = rng.sample(ROLES, roles_per_company or rng.randint(14, 20))
        for role, weight in roles:
            if written >= count:
                break
            broken = None
            if broken_share and rng.random() < broken_share:
                broken = rng.choice(["order", "currency", "nofig"])
            text, expected = GuideBuilder(rng, company, role, weight).build(broken)
            key = f"{company['slug']}/{slugify(role)}"
            path = folder / company["slug"] / f"{slugify(role)}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            manifest["broken" if broken == "nofig" else "guides"][key] = expected
            written += 1
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def load_manifest(folder: Path) -> dict:
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


# --- what a parsed guide says, in the manifest's terms ------------------------------------------------------


def _pair(band, currency: str | None = None) -> list | None:
    """[low, high], with the currency added when it is not the region's."""
    if band is None:
        return None
    pair = [band.low.amount, band.high.amount]
    return pair if currency is None or band.currency == currency else [*pair, band.currency]


def _cell_figures(cell: Cell) -> list:
    conversion = _pair(cell.conversion)
    return [
        cell.kind,
        cell.raw,
        _pair(cell.figure),
        [*conversion, cell.conversion.currency] if conversion else None,
        cell.per,
        cell.years,
        cell.open_top,
        cell.words,
    ]


def _region_figures(region: RegionBand) -> dict:
    bonus = region.bonus
    if bonus.kind == "percent":
        bonus_figures = ["percent", _decimal_text(bonus.percent.low), _decimal_text(bonus.percent.high)]
    elif bonus.kind == "amount":
        bonus_figures = ["amount", bonus.amount.low.amount, bonus.amount.high.amount]
    elif bonus.kind == "text":
        bonus_figures = ["text", bonus.raw]
    else:
        bonus_figures = ["none"]
    stock = region.stock
    stock_figures = None
    if stock is not None:
        stock_figures = {
            "kind": stock.kind,
            "years": stock.vesting_years,
            "value": _pair(stock.value),
            "shares": list(stock.shares) if stock.shares else None,
            "per_year": stock.per_year,
            "note": stock.note,
        }
    currency = region.currency
    return {
        "name": region.name,
        "level": region.level,
        "currency": currency,
        "base": _pair(region.base, currency),
        "stock": stock_figures,
        "bonus": bonus_figures,
        "total": _pair(region.total, currency),
        "total_year1": _pair(region.total_year1, currency),
        "sign_on": _pair(region.sign_on, currency),
        "levels": [
            [level.level, level.total.low.amount, level.total.high.amount]
            if level.total is not None
            else [level.level, None, None]
            for level in region.levels
        ],
        "extras": [[extra.name, extra.raw] for extra in region.extras],
        "cells": [_cell_figures(cell) for cell in region.cells],
    }


def figures_of(guide: Guide) -> dict:
    """A parsed guide in the manifest's terms: every figure, plus the sections' text."""
    dna = guide.company.dna
    plan = guide.negotiate_up
    return {
        "company": guide.company.name,
        "role": guide.role.title,
        "level": guide.role.level,
        "premium": [_decimal_text(dna.premium.low), _decimal_text(dna.premium.high)] if dna and dna.premium else None,
        "regions": [_region_figures(region) for region in guide.regions],
        "narrative": guide.narrative,
        "level_mapping": guide.level_mapping,
        "levers": [[lever.title, lever.script] for lever in guide.levers],
        "negotiate_up": {
            "target_total": [plan.target_total.amount, plan.target_total.currency]
            if plan and plan.target_total
            else None,
            "counter": [plan.counter_range.low.amount, plan.counter_range.high.amount, plan.counter_component]
            if plan and plan.counter_range
            else None,
        },
        "sources": [source.text for source in guide.sources],
    }


def fidelity_problems(catalog, folder: Path, manifest: dict, markdown: bool = True) -> list[str]:
    """Every way the catalog differs from what the generator wrote: a guide missing or
    with a figure not as written, a broken guide loaded or reported at the wrong place, a
    cell kept as written not warned about at its line, a dossier without its note.
    `markdown` False: the catalog holds imported data files, which carry no reader warnings."""
    problems = []
    warnings: dict[str, list] = {}
    for problem in catalog.report.warnings:
        warnings.setdefault(problem.file, []).append(problem)
    for key, expected in manifest["guides"].items():
        guide = catalog.by_key.get(key)
        if guide is None:
            problems.append(f"{key}: not loaded")
            continue
        got = figures_of(guide)
        for part, value in expected.items():
            if part != "warnings" and got.get(part) != value:
                problems.append(f"{key}: {part}: wrote {value!r}, read {got.get(part)!r}")
        for warning in expected.get("warnings", []) if markdown else []:
            found = warnings.get(str(folder / f"{key}.md"), [])
            if not any(_names(p, warning) for p in found):
                problems.append(f"{key}: expected a warning {warning}, reported {[str(p) for p in found]}")
    errors: dict[str, list] = {}
    for problem in catalog.report.errors:
        errors.setdefault(problem.file, []).append(problem)
    for key, expected in manifest["broken"].items():
        if key in catalog.by_key:
            problems.append(f"{key}: broken guide loaded")
        found = errors.get(str(folder / f"{key}.md"), [])
        if not any(_names(p, expected) for p in found):
            problems.append(f"{key}: expected {expected}, reported {[str(p) for p in found]}")
    for rel in manifest.get("not_guides", []) if markdown else []:
        if not any(p.file == str(folder / rel) and p.is_note for p in warnings.get(str(folder / rel), [])):
            problems.append(f"{rel}: not a guide, but no note says so")
    return problems


def _names(problem, expected: dict) -> bool:
    """The problem is at the line and field the manifest expects, with its message."""
    return (
        problem.line == expected["line"]
        and problem.field.startswith(expected["field"])
        and expected["message"] in problem.message
    )


# --- companies that lookups get wrong in real libraries (bench/_queries.py labels queries on them) ------------

# (region, currency, factor against USD)
_LOOKUP_REGIONS = {
    "San Francisco HQ": ("USD", 100),
    "New York": ("USD", 100),
    "Remote US": ("USD", 90),
    "Seattle": ("USD", 95),
    "Menlo Park": ("USD", 100),
    "Mountain View": ("USD", 100),
    "Los Angeles": ("USD", 90),
    "London": ("GBP", 55),
    "Berlin": ("EUR", 50),
    "Paris": ("EUR", 50),
    "Madrid": ("EUR", 40),
    "Barcelona": ("EUR", 40),
    "Zurich": ("CHF", 80),
    "Singapore": ("SGD", 90),
    "Vancouver": ("CAD", 85),
    "São Paulo": ("BRL", 250),
    "Mexico City": ("MXN", 900),
}
# (slug, name, product, [(role slug, title, regions, level rows or None)])
_SENIOR = ["San Francisco HQ", "New York", "Remote US"]
LOOKUP_COMPANIES = [
    (
        "scale-ai",
        "Scale AI",
        "Data Labeling Platform",
        [
            ("software-engineer", "Software Engineer", _SENIOR, None),
            ("senior-software-engineer", "Senior Software Engineer", _SENIOR, None),
            ("staff-software-engineer", "Staff Software Engineer", _SENIOR, None),
            ("ml-ai-engineer", "ML / AI Engineer", _SENIOR, None),
            ("product-manager", "Product Manager", _SENIOR, None),
        ],
    ),
    (
        "datadog",
        "Datadog",
        "Observability Platform",
        [
            ("principal-engineer", "Principal Engineer", ["New York", "Paris"], None),
            ("lead-product-designer", "Lead Product Designer", ["New York", "Paris"], None),
            (
                "machine-learning-infrastructure-engineer",
                "Machine Learning Infrastructure Engineer",
                ["New York", "Paris"],
                None,
            ),
            ("ml-ai-engineer", "ML / AI Engineer", ["New York", "Paris"], None),
        ],
    ),
    (
        "nubank",
        "Nubank",
        "Digital Banking",
        [
            ("junior-software-engineer", "Junior Software Engineer", ["São Paulo", "Mexico City"], None),
            ("software-engineer", "Software Engineer", ["São Paulo", "Mexico City"], None),
            ("senior-software-engineer", "Senior Software Engineer", ["São Paulo", "Mexico City"], None),
        ],
    ),
    (
        "amazon",
        "Amazon",
        "Cloud and Retail",
        [
            (
                "software-development-engineer",
                "Software Development Engineer",
                ["Seattle", "New York", "London"],
                ["L4 SDE I", "L5 SDE II", "L6 SDE III"],
            ),
            ("product-manager", "Product Manager", ["Seattle", "New York"], None),
        ],
    ),
    (
        "meta",
        "Meta",
        "Social Apps and Ads",
        [
            ("software-engineer", "Software Engineer", ["Menlo Park", "New York", "London"], ["E4", "E5", "E6"]),
            ("data-scientist", "Data Scientist", ["Menlo Park", "New York"], None),
        ],
    ),
    (
        "google",
        "Google",
        "Search and Cloud",
        [
            (
                "software-engineer",
                "Software Engineer",
                ["Mountain View", "New York", "Zurich"],
                ["L3", "L4", "L5 (Senior)", "L6 (Staff)"],
            ),
            ("product-manager", "Product Manager", ["Mountain View", "New York"], None),
        ],
    ),
    (
        "electronic-arts",
        "Electronic Arts",
        "Video Games",
        [
            ("software-engineer", "Software Engineer", ["Los Angeles", "Vancouver"], None),
            ("product-designer", "Product Designer", ["Los Angeles", "Vancouver"], None),
        ],
    ),
    (
        "goldman-sachs",
        "Goldman Sachs",
        "Investment Banking",
        [("software-engineer", "Software Engineer", ["New York", "London"], None)],
    ),
    (
        "jpmorgan-chase",
        "JPMorgan Chase",
        "Banking",
        [
            ("software-engineer", "Software Engineer", ["New York", "London"], None),
            ("data-scientist", "Data Scientist", ["New York", "London"], None),
        ],
    ),
    (
        "sea-group",
        "Sea Group",
        "Games and E-commerce",
        [
            ("software-engineer", "Software Engineer", ["Singapore", "Seattle"], None),
            ("data-scientist", "Data Scientist", ["Singapore", "Seattle"], None),
        ],
    ),
    (
        "match-group",
        "Match Group",
        "Dating Apps",
        [
            ("software-engineer", "Software Engineer", ["New York", "Los Angeles"], None),
            ("product-designer", "Product Designer", ["New York", "Los Angeles"], None),
        ],
    ),
    (
        "brex",
        "Brex",
        "Corporate Cards",
        [
            ("software-engineer", "Software Engineer", ["San Francisco HQ", "New York"], None),
            ("product-manager", "Product Manager", ["San Francisco HQ", "New York"], None),
        ],
    ),
    (
        "brex-ai",
        "Brex",
        "AI Finance Agents",
        [
            ("ml-ai-engineer", "ML / AI Engineer", ["San Francisco HQ", "New York"], None),
            ("software-engineer", "Software Engineer", ["San Francisco HQ", "New York"], None),
        ],
    ),
    (
        "ramp-financial",
        "Ramp",
        "Spend Management",
        [("software-engineer", "Software Engineer", ["San Francisco HQ", "New York"], None)],
    ),
    (
        "ramp-ai",
        "Ramp",
        "AI Procurement Agents",
        [("software-engineer", "Software Engineer", ["San Francisco HQ", "New York"], None)],
    ),
    (
        "remote",
        "Remote",
        "Global Payroll",
        [
            ("software-engineer", "Software Engineer", ["London", "Berlin", "Remote US"], None),
            ("product-manager", "Product Manager", ["London", "Berlin", "Remote US"], None),
        ],
    ),
    (
        "cabify",
        "Cabify",
        "Ride Hailing",
        [
            ("ml-ai-engineer", "ML / AI Engineer", ["Madrid", "Barcelona"], None),
            ("data-engineer", "Data Engineer", ["Madrid", "Barcelona"], None),
        ],
    ),
]


def _lookup_amount(value: int, currency: str) -> str:
    return write_amount(value, currency, "K" if value % 1000 == 0 else "full")


def _lookup_row(cells: list[str], usd: int, currency: str, factor: int) -> list[str]:
    """Base, stock over 4 years, bonus and total, from a USD base scaled by the region."""
    base = (usd * factor // 100) // 10_000 * 10_000
    high = base * 13 // 10 // 10_000 * 10_000
    stock = base // 4000 * 4000  # a quarter of it in thousands, as the total adds it
    # The total as its parts add up (base + stock ÷ 4 + 10% bonus), so no answer flags it.
    low_total = base + stock // 4 + base // 10
    high_total = high + stock * 2 // 4 + high // 10
    return [
        *cells,
        f"{_lookup_amount(base, currency)}–{_lookup_amount(high, currency)}",
        f"{_lookup_amount(stock, currency)}–{_lookup_amount(stock * 2, currency)}",
        "10%",
        f"{_lookup_amount(low_total, currency)}–{_lookup_amount(high_total, currency)}",
    ]


def write_lookup_companies(folder: Path) -> list[str]:
    """Write the companies of `LOOKUP_COMPANIES` under `folder`; return their guide keys."""
    keys = []
    for slug, name, product, roles in LOOKUP_COMPANIES:
        for rank, (role_slug, title, regions, levels) in enumerate(roles):
            lines = [
                f"# {title} | {name} Global Negotiation Guide",
                "",
                f"**Negotiation DNA:** Public | {product} | Stable Growth",
                "",
            ]
            header = ["Region", "Base Salary", "Stock (RSU/4yr)", "Bonus", "Total Comp"]
            rows = []
            for index, region in enumerate(regions):
                currency, factor = _LOOKUP_REGIONS[region]
                label = region if currency == "USD" else f"{region} ({currency})"
                usd = 150_000 + rank * 10_000 + index * 5_000
                if levels:
                    for step, level in enumerate(levels):
                        rows.append(_lookup_row([level, label], usd + step * 40_000, currency, factor))
                else:
                    rows.append(_lookup_row([label], usd, currency, factor))
            if levels:
                header = ["Level", *header]
            lines += ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
            lines += ["| " + " | ".join(row) + " |" for row in rows]
            lines += [
                "",
                "**Global Levers**",
                "",
                f'1. **Competing Offer:** "I have a competing offer for a {title} role at a higher total."',
                f'2. **Scarce Skills:** "The {product.lower()} experience I bring is hard to hire for."',
                "",
                '> **Negotiate Up Strategy:** "I\'d like the offer to reflect the top of the band for this level."',
                "",
            ]
            path = folder / slug / f"{role_slug}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(lines), encoding="utf-8")
            keys.append(f"{slug}/{role_slug}")
    return keys
