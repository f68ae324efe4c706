"""Bands written as lists instead of a table, as prose-minded authors write them.

Two shapes are read, each turned into the one-row table the band reader already knows
(`tables._band_rows`), so every cell goes through the same exact reading and warnings:

- a region's name on a line of its own (bold, or a small heading), then a list of its parts:

      **London (Shoreditch)**
      - Base salary: £95,000–£120,000
      - EMI share options: £40,000–£80,000 over four years

- one list naming the regions inside its items, with parts shared by every region:

      - Syd: base A$165k–A$190k + super
      - Mel: base A$155k–A$180k + super
      - Options: A$60k–A$100k / 4 yrs (same both cities)
      - TC (base + super + options/yr):
        - Syd ~A$200k–A$238k

A list item that names no part of a band is not read here; the guide keeps it as text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from bot.guides.markdown.blocks import Block, definition_list
from bot.guides.markdown.cells import annualised_mismatch, hours_stated
from bot.guides.markdown.columns import EMOJI_RE, Reporter, column_kind
from bot.guides.markdown.summary import VESTS_OVER_RE, YEAR_WORDS
from bot.guides.markdown.tables import _band_rows
from bot.guides.markdown.text import clean_inline
from bot.guides.model import RegionBand
from bot.guides.money import MoneyError, format_range, parse_range

PART_KINDS = {"base", "stock", "bonus", "total", "total_year1", "sign_on"}
LABELLED_ITEM_RE = re.compile(r"^(?P<label>[^:]{1,60}?)\s*:\s*(?P<value>\S.*)$")
# `base A$165k–A$190k + super`: a part's word opening the value of an item labelled with a region
PART_FIRST_RE = re.compile(
    r"^(?P<part>base(?:\s+salary)?|salary|equity|stock|options|rsus?|bonus|total(?:\s+comp)?|tc|sign[- ]?on)\b\s*:?\s*"
    r"(?P<value>\S.*)$",
    re.I,
)
FIGURE_RE = re.compile(r"\d")
REGION_LINE_RE = re.compile(r"^\*\*(?P<name>[^*]{2,60})\*\*:?$")
CODE_AFTER_RE = re.compile(
    r"\((?:USD|EUR|GBP|CAD|AUD|SEK|NOK|DKK|CHF|JPY|INR|SGD|BRL|MXN|PLN|CZK|ZAR|NZD|ILS|KRW)\)\s*$"
)


def read_list_bands(blocks: list[Block], report: Reporter) -> list[RegionBand]:
    """The regions a guide writes as lists, in the guide's order; [] when it writes none."""
    regions = _regions_over_lists(blocks, report)
    return (
        regions
        or _regions_in_items(blocks, report)
        or _regions_in_nested_lists(blocks, report)
        or _regions_in_definitions(blocks, report)
        or _regions_in_sentences(blocks, report)
        or _regions_told_under_headings(blocks, report)
        or _regions_at_day_rates(blocks, report)
        or _regions_in_prose(blocks, report)
        or _regions_in_answers(blocks, report)
    )


# --- bands told in sentences ---------------------------------------------------------------------
# `1. In Toronto, base runs from $150,000 to $175,000 CAD, with an annual bonus target of 10% ($15,000 to
# $17,500) and an RSU grant worth $80,000 to $120,000 CAD over four years (...). All in, expect $185,000 to
# $222,500 CAD a year.` A sentence names its city first; each part's word is followed, before any other
# part's word, by the range that is its figure. Anything less sure is left to the guide's text (kept).

SENTENCE_REGION_RE = re.compile(
    r"^(?i:in|for|at)\s+(?P<region>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})\s*(?:\([^)]*\))?\s*[,:]"
)
_MONEY = r"(?:[A-Z]{1,3})?[$£€¥₹₪]\s?\d[\d,.' ]*\d(?:\s*[kKmM]\b)?|\d[\d,.' ]*\d(?:\s*[kKmM]\b)?\s*(?:[$£€¥₹₪]|zł|kr\b)"
SENTENCE_RANGE_RE = re.compile(
    rf"(?P<between>between\s+)?(?P<range>(?:{_MONEY})\s*(?:to|–|—|-|\s(?=and\s)and)\s*(?:{_MONEY})(?:\s+[A-Z]{{3}}\b)?"
    # `240 000–300 000 zł`: the currency after the second figure only
    r"|\d[\d,.' ]*\d\s*(?:to|–|—|-)\s*\d[\d,.' ]*\d\s*(?:zł|kr\b|€|₪|Kč))"
    r"(?P<per>(?:\s+gross)?\s+(?:per|a)\s+month\b)?"
    r"(?P<peryear>\s+(?:per|a)\s+year\b)?"
    r"(?P<years>\s+over\s+(?:\d+|two|three|four|five|six)\s+years?)?"
)
_NUMBER = r"\d[\d,.' ]*(?:\s*[kKmM]\b)?"


@functools.cache
def _worded_range_re() -> re.Pattern:
    """`145k–172k US dollars`, `9.5k–11.5k Singapore dollars per month`: a range with its currency in words after it,
    the words any of Babel's English currency names (singular or plural). Built on first use: most guides have none."""
    names = sorted(CURRENCY_WORDS(), key=len, reverse=True)
    words = "|".join(re.escape(name) for name in names)
    return re.compile(
        rf"(?P<range>{_NUMBER}\s*(?:to|–|—|-)\s*{_NUMBER})\s+(?P<word>{words})\b"
        r"(?P<per>(?:\s+gross)?\s+(?:per|a)\s+month\b)?(?P<peryear>\s+(?:per|a)\s+year\b)?",
        re.I,
    )


@functools.cache
def CURRENCY_WORDS() -> dict[str, str]:  # noqa: N802 (a table, built once)
    """Lower-case English currency names, singular and plural (`us dollars`, `swiss francs`, `euros`), to codes."""
    from babel import Locale

    out: dict[str, str] = {}
    for code, name in Locale("en").currencies.items():
        lowered = name.lower()
        if "(" in lowered or len(code) != 3:
            continue
        out.setdefault(lowered, code)
        out.setdefault(lowered + "s", code)
    return out


def _a_range_in(text: str, start: int, stop: int) -> tuple[int, str, re.Match] | None:
    """The first range between `start` and `stop` as the band reader reads it (`£95,000 – £118,000`, `145k–172k USD
    a year`), with where it starts; a currency in words becomes its code."""
    found = []
    figure = SENTENCE_RANGE_RE.search(text, start, stop)
    if figure is not None and " and " in figure["range"] and not figure["between"]:
        figure = None  # `£95k and £10k`: two figures, not a range (only `between X and Y` is one)
    if figure is not None:
        written = figure["range"].replace(" and ", " – ")
        found.append((figure.start(), written, figure))
    worded = (
        _worded_range_re().search(text, start, stop)
        if re.search(r"\d\s*[kKmM]?\s+[A-Za-z]", text[start:stop])
        else None
    )
    if worded is not None:
        code = CURRENCY_WORDS()[worded["word"].lower()]
        found.append((worded.start(), f"{worded['range']} {code}", worded))
    return min(found, key=lambda item: item[0]) if found else None


# where a paragraph's next place starts: "... £147,300. In Warsaw, base is ..."
PLACE_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.;])\s+(?=(?:In|For|At)\s+[A-Z])")
SENTENCE_PERCENT_RE = re.compile(r"(?P<range>\d+(?:[.,]\d+)?\s?%(?:\s*(?:to|–|-)\s*\d+(?:[.,]\d+)?\s?%)?)")
SENTENCE_PARTS = (
    ("Base", r"\bbase(?:\s+salary)?\b|\bsalary\b"),
    ("Bonus", r"\bbonus\b"),
    ("Equity", r"\b(?:rsu|rsus|equity|stock|options|grant)\b"),
    ("Total (year 1)", r"\b(?:first[- ]year|year[- ]one)\s+total\b"),
    ("Total", r"\ball[- ]in\b|\badds?\s+up\s+to\b|(?<!year\s)(?<!year-)\btotal\b|\bin\s+all\b"),
)
SENTENCE_PART_RES = [(label, re.compile(pattern, re.I)) for label, pattern in SENTENCE_PARTS]


def _regions_in_sentences(blocks: list[Block], report: Reporter) -> list[RegionBand]:
    """List items, or a paragraph's sentences, each naming its place first (`In **London**, base salary runs
    from £95,000 to £118,000, ...`)."""
    for block in blocks:
        if block.kind == "list":
            sentences = list(zip(block.items, block.item_lines, strict=True))
        elif block.kind == "paragraph":
            sentences = [(text, block.line) for text in PLACE_SENTENCE_SPLIT_RE.split(clean_inline(block.text))]
        else:
            continue
        regions: list[RegionBand] = []
        for item, line in sentences:
            text = clean_inline(item)
            named = SENTENCE_REGION_RE.match(text)
            if not named:
                continue
            parts = _sentence_parts(text[named.end() :], line)
            if len(parts) >= 2:
                regions.extend(_one_row(named["region"], parts, line, report))
        if regions:
            return regions
    return []


PLACE_HEADING_RE = re.compile(r"^[^\W\d_][\w .,()'/-]{0,40}$")


def _regions_told_under_headings(blocks: list[Block], report: Reporter) -> list[RegionBand]:
    """A heading naming a place (`<summary><strong>Boston</strong></summary>`, `### Boston`) over prose telling its
    parts (`> [!NOTE] Base runs 145k–172k US dollars. The bonus target is 12% of base. RSUs add ...`): each place's
    sentences read as one. Only where two places or more are told so: a lone heading over prose is the guide's text."""
    told: list[tuple[str, str, int]] = []
    for index, block in enumerate(blocks):
        if block.kind != "heading" or not PLACE_HEADING_RE.match(clean_inline(block.text)):
            continue
        texts = []
        for after in blocks[index + 1 :]:
            if after.kind == "heading":
                break
            if after.kind in ("paragraph", "quote"):
                texts.append(clean_inline(after.text))
        told.append((EMOJI_RE.sub("", clean_inline(block.text)).strip(), " ".join(texts), block.line))
    found = [(name, parts, line) for name, text, line in told if len(parts := _sentence_parts(text, line)) >= 2]
    if len(found) < 2:
        return []
    return [region for name, parts, line in found for region in _one_row(name, parts, line, report)]


def _sentence_parts(text: str, line: int) -> list[tuple[str, str, int]]:
    """(part, its range as written, line) for each part word followed by its own figure."""
    words = sorted(
        (
            (match.start(), match.end(), label)
            for label, pattern in SENTENCE_PART_RES
            for match in pattern.finditer(text)
        ),
    )
    found: dict[str, str] = {}
    for index, (start, end, label) in enumerate(words):
        if label in found:
            continue
        stop = next((s for s, _, other in words[index + 1 :] if other != label and s > end), len(text))
        if label == "Bonus":  # `bonus target of 10%`, or `the same 10% bonus target` just before the word
            after = SENTENCE_PERCENT_RE.search(text, end, stop)
            before = SENTENCE_PERCENT_RE.search(text[max(0, start - 12) : start])
            written = after or before
            if written is not None and (after is None or after.start() - end <= 40):
                found[label] = written["range"]
                continue
        ranged = _a_range_in(text, end, stop)
        if ranged is not None and ranged[0] - end <= 40:
            # `between £114,500 and £147,300` is a range; `₪38,000–₪46,000 gross per month` a monthly one, and
            # `..., i.e. 114k–142k Singapore dollars a year` right after it the same part's yearly figure
            _, written, figure = ranged
            per = " a month" if figure["per"] else " a year" if figure["peryear"] else ""
            years = figure["years"] if "years" in figure.re.groupindex else None
            found[label] = written + per + (years or "")
            again = _a_range_in(text, figure.end(), stop) if figure["per"] else None
            if again is not None and again[0] - figure.end() <= 12 and again[2]["peryear"]:
                found[f"{label} (a year)"] = again[1] + " a year"
    return [(label, value, line) for label, value in found.items()]


def is_band_list(block: Block) -> bool:
    """A list this module reads bands from: parts of pay with figures, or cities naming their parts. A nested
    list with items no band takes (`Remote (België)` told in words) is kept whole as written, figures and all."""
    bands, unread = _nested_bands(block)
    if bands:
        return not unread
    items = _part_items(block)
    if len(items) >= 2 and any(FIGURE_RE.search(value) for _, value, _ in items):
        return True
    named = [LABELLED_ITEM_RE.match(clean_inline(item)) for item in block.items]
    return sum(1 for m in named if m and PART_FIRST_RE.match(m["value"])) >= 1


def _part_items(block: Block) -> list[tuple[str, str, int]]:
    """(label, value, line) of each item naming a band part with a figure or a dash."""
    found = []
    for item, line in zip(block.items, block.item_lines, strict=True):
        match = LABELLED_ITEM_RE.match(clean_inline(item))
        if match and _kind(match["label"]) in PART_KINDS:
            found.append((match["label"], match["value"], line))
    return found


def _kind(label: str) -> str:
    """A list item's part by its label; `All in, a typical year` is the author's word for total comp."""
    return "total" if re.match(r"all[- ]in\b", label.strip(), re.I) else column_kind(label)


def _regions_over_lists(blocks: list[Block], report: Reporter) -> list[RegionBand]:
    regions: list[RegionBand] = []
    for index, block in enumerate(blocks[:-1]):
        name = _region_line(block)
        following = blocks[index + 1]
        card = _card(following) if name is not None else None
        if card is not None:
            following = card  # `### 📍 Cambridge, UK` over `💷 **Base** £70,000 – £85,000` lines: a card of parts
        elif following.kind == "paragraph" and index + 2 < len(blocks) and _region_line(following) is None:
            following = blocks[index + 2]  # `## New York (USD)`, a line about the hub, then its list
        if name is None or following.kind != "list" or _nested_bands(following)[0]:
            continue  # a nested list of bands under a title in bold (`**Bands by level and region**`) is no region
        items = _part_items(following)
        if len(items) < 2 or not any(FIGURE_RE.search(value) for _, value, _ in items):
            continue
        band = _one_row(name, _with_figures_beside(following, items), block.line, report)
        regions.extend(_annualised_at_hours(band, following, _hours_of(blocks), report))
    return regions


def _hours_of(blocks: list[Block]) -> tuple[int, str] | None:
    """The hours a year the guide states its hourly rates make a year at (`hourly rate × 2,080 hours`), if any."""
    return hours_stated([text for b in blocks if b.kind in ("paragraph", "quote", "list") for text in _texts(b)])


def _texts(block: Block) -> list[str]:
    return block.items if block.kind == "list" else [block.text]


def _annualised_at_hours(
    bands: list[RegionBand], block: Block, hours: tuple[int, str] | None, report: Reporter
) -> list[RegionBand]:
    """A region's annualised figure (`Annualised base at offer: A$87,630`) checked against its offer's hourly rate
    (`typical offer A$42.00/hr`) times the hours the guide states; when they differ, flagged with the formula, both
    kept as written. A rate is never made a year's pay unless the guide states the hours."""
    if hours is None or len(bands) != 1:
        return bands
    labelled = [(m, line) for item, line in zip(block.items, block.item_lines, strict=True)
                if (m := LABELLED_ITEM_RE.match(clean_inline(item)))]  # fmt: skip
    rates = next((m["value"] for m, _ in labelled if HOURLY_RE.search(m["value"])), None)
    band = bands[0]
    for match, line in labelled:
        if rates is None or not ANNUALISED_RE.search(match["label"]):
            continue
        mismatch = annualised_mismatch(rates, match["value"], hours, band.currency)
        if mismatch:
            report.warn(line, f"{band.name}: {match['label']}", mismatch)
            band = band.model_copy(update={"flags": [*band.flags, f"{match['label']}: {mismatch}"]})
    return [band]


HOURLY_RE = re.compile(r"/\s*h(?:ou)?r\b|\b(?:an?|per)\s+hour\b", re.I)
ANNUALISED_RE = re.compile(r"\bannuali[sz]ed\b", re.I)


def _with_figures_beside(block: Block, parts: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """A region's parts and, in the list's order, its other items that write an amount (`Overtime estimate:
    A$13,200 (200 hrs × A$66.00)`, `Hourly band: A$40.00–A$46.00/hr`): kept beside the band as a table's other
    columns are, so that a total said to include them is checked with them."""
    items = []
    for item, line in zip(block.items, block.item_lines, strict=True):
        match = LABELLED_ITEM_RE.match(clean_inline(item))
        if match and (match["label"], match["value"], line) not in parts and MONEY_FIRST_RE.match(match["value"]):
            items.append((match["label"], match["value"], line))
        elif match:
            items += [part for part in parts if part[2] == line]
    return items


# An item's value opening with an amount (`A$13,200 (...)`, `£650/day`): a figure to keep beside the band
MONEY_FIRST_RE = re.compile(r"^(?:[A-Z]{1,3})?[$£€¥₹₪]\s?\d")


CARD_LINE_RE = re.compile(r"^\*\*(?P<label>[^*]{1,40}?)\*\*\s*:?\s*(?P<value>\S.*)$")


def lines_matching(block: Block, pattern: re.Pattern) -> list[re.Match]:
    """The matches of a paragraph whose every line (two or more, an emoji before it or not) matches `pattern`; []
    otherwise. Cards of parts (`💷 **Base** £70,000`) and levers a line each are written so."""
    if block.kind != "paragraph":
        return []
    lines = [EMOJI_RE.sub(" ", line).strip() for line in block.raw.splitlines() if line.strip()]
    found = [pattern.match(line) for line in lines]
    return found if len(found) >= 2 and all(found) else []


def _card(block: Block) -> Block | None:
    """A paragraph whose every line is a bold label then its value, an emoji before it or not (`💷 **Base** £70,000 –
    £85,000`): read as the list of parts it is."""
    found = lines_matching(block, CARD_LINE_RE)
    if not found:
        return None
    items = [f"{match['label'].strip()}: {match['value'].strip()}" for match in found]
    lines_at = [block.line + i for i in range(len(items))]
    return Block("list", block.line, items=items, item_lines=lines_at, item_indents=[0] * len(items))


def _region_line(block: Block) -> str | None:
    """`**London (Shoreditch)**`, `**🗽 New York (HQ)**`, `### Berlin`, `## Toronto (CAD)`: a region's name alone on
    its line (a list of parts with figures must follow for it to be one); a section's heading (`## Levers`) is
    no region unless it names its currency."""
    if block.kind == "heading" and (block.level >= 3 or block.level == 2 and CODE_AFTER_RE.search(block.text)):
        text = clean_inline(block.text)
    elif block.kind == "paragraph" and REGION_LINE_RE.match(block.text.strip()):
        text = REGION_LINE_RE.match(block.text.strip())["name"]
    else:
        return None
    text = EMOJI_RE.sub(" ", text).strip(" :")
    return text if text and column_kind(text) not in PART_KINDS else None


def _one_row(
    name: str, items: list[tuple[str, str, int]], line: int, report: Reporter, level: str | None = None
) -> list[RegionBand]:
    """One region's items (at one level, when given) as the one-row table `_band_rows` reads (a later item of
    a kind already given is kept beside the band by the builder, as a second column of that kind is)."""
    leading, kinds = (["Level", "Region"], ["level", "region"]) if level else (["Region"], ["region"])
    header = [*leading, *(label for label, _, _ in items)]
    row = [*([level] if level else []), name, *(value for _, value, _ in items)]
    table = Block("table", line, rows=[header, row], row_lines=[line, line])
    return _band_rows(table, [*kinds, *(_kind(label) for label, _, _ in items)], report, first=len(leading) - 1)


def _regions_in_items(blocks: list[Block], report: Reporter) -> list[RegionBand]:
    """`- Syd: base A$165k–A$190k` items naming their region, the parts every region shares after them."""
    for block in blocks:
        if block.kind != "list":
            continue
        own: dict[str, list[tuple[str, str, int]]] = {}
        shared: list[tuple[str, str, int]] = []
        heading_kind: str | None = None  # `TC (base + super + options/yr):` over region items
        for item, line in zip(block.items, block.item_lines, strict=True):
            text = clean_inline(item)
            match = LABELLED_ITEM_RE.match(text)
            if text.endswith(":") and column_kind(text.rstrip(":")) in PART_KINDS:
                heading_kind = text.rstrip(":")
                continue
            if match and PART_FIRST_RE.match(match["value"]) and column_kind(match["label"]) not in PART_KINDS:
                part = PART_FIRST_RE.match(match["value"])
                own.setdefault(match["label"].strip(), []).append((part["part"], part["value"], line))
                continue
            if match and column_kind(match["label"]) in PART_KINDS:
                shared.append((match["label"], match["value"], line))
                heading_kind = None
                continue
            region = _named_region(text, own)
            if heading_kind and region:
                own[region].append((heading_kind, text[len(region) :].strip(" :"), line))
        if len(own) >= 1 and any(FIGURE_RE.search(v) for items in own.values() for _, v, _ in items):
            regions: list[RegionBand] = []
            for name, items in own.items():
                regions.extend(_one_row(name, [*items, *shared], items[0][2], report))
            return regions
    return []


def _named_region(text: str, regions: dict[str, list]) -> str | None:
    """The region an item opens with (`Syd ~A$200k–A$238k`), among those the list has named."""
    for name in regions:
        if re.match(rf"{re.escape(name)}\b", text, re.I):
            return name
    return None


# --- a list nested in a list: region, then level, then parts -----------------------------------------
#
#     - **Amsterdam (hoofdkantoor)**
#       - Medior Product Designer
#         - Basissalaris: € 48.000 (laag) / € 57.000 (hoog)
#         - 13e maand: € 4.000 (laag) / € 4.750 (hoog)
#
# Each region's parts (or each level's under it) become the one-row table `_band_rows` reads, the level in its
# own column. An item that is neither (`Lead: in Rotterdam (nog) geen Lead-rol`, a region told in words) is
# said and kept as written (`is_band_list`).


@dataclass
class _Item:
    text: str
    line: int
    children: list[_Item] = field(default_factory=list)


def _tree(block: Block) -> list[_Item]:
    """The list's items as a tree, by their indents; [] for a flat list."""
    if len(set(block.item_indents)) < 2:
        return []
    roots: list[_Item] = []
    stack: list[tuple[int, _Item]] = []
    for text, line, indent in zip(block.items, block.item_lines, block.item_indents, strict=True):
        item = _Item(clean_inline(text), line)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(item)
        stack.append((indent, item))
    return roots


def _parts_of(items: list[_Item]) -> list[tuple[str, str, int]] | None:
    """(label, value, line) of items that are all childless parts of pay, one at least with a figure; else None."""
    parts = []
    for item in items:
        match = LABELLED_ITEM_RE.match(item.text)
        if item.children or not match or _kind(match["label"]) not in PART_KINDS:
            return None
        parts.append((match["label"], match["value"], item.line))
    return parts if any(FIGURE_RE.search(value) for _, value, _ in parts) else None


def _nested_bands(block: Block) -> tuple[list[tuple[str, str | None, list, int]], list[_Item]]:
    """(region, level, parts, line) of each band the nested list gives, and the items none takes."""
    if block.kind != "list" or not block.item_indents:
        return [], []
    bands: list[tuple[str, str | None, list, int]] = []
    unread: list[_Item] = []
    roots = _tree(block)
    levels_first = _levels_over_regions(roots)
    for root in roots:
        region = root.text.strip("*_ :")
        own = _parts_of(root.children)
        if own:
            bands.append((region, None, own, root.line))
            continue
        for child in root.children:
            parts = _parts_of(child.children)
            if parts and levels_first:
                bands.append((child.text.strip("*_ :"), _level_name(region), parts, child.line))
            elif parts:
                bands.append((region, child.text.strip("*_ :"), parts, child.line))
            else:
                unread.append(child)
    return bands, unread if bands else []


# `MLE II (L4) — bonus target 10% of base`: a level's item with words about it after a dash
LEVEL_WORDS_AFTER_RE = re.compile(r"\s+[—–]\s+.*$")


def _levels_over_regions(roots: list[_Item]) -> bool:
    """A list nested level, then region (`- **MLE II (L4)**` > `- **New York** (USD)` > parts), told by the items
    under its roots naming their currency in brackets, as a region's do, and the roots naming none."""
    children = [child for root in roots for child in root.children if child.children]
    return (
        bool(children)
        and all(CODE_AFTER_RE.search(child.text.strip("*_ :")) for child in children)
        and not any(CODE_AFTER_RE.search(root.text.strip("*_ :")) for root in roots)
    )


def _level_name(text: str) -> str:
    """A level's item without the words about it after a dash (`MLE II (L4) — bonus target 10% of base`)."""
    return LEVEL_WORDS_AFTER_RE.sub("", text).strip("*_ :") or text


def _regions_in_nested_lists(blocks: list[Block], report: Reporter) -> list[RegionBand]:
    for block in blocks:
        bands, unread = _nested_bands(block)
        if not bands:
            continue
        regions: list[RegionBand] = []
        for region, level, parts, line in bands:
            regions.extend(_one_row(region, parts, line, report, level))
        for item in unread:
            report.warn(item.line, "band list", f"no band read from {item.text[:60]!r}; the list is kept as written")
        return regions
    return []


# --- a definition list: the region as its term, its parts as definitions ------------------------------------
#
#     London (outside IR35, via your own Ltd company)
#     : Hourly: 75–90 GBP an hour (i.e. 650–720 GBP a day on an 8-hour day)
#     : Completion bonus: 5 000 GBP, paid if you see out the full 12 months


def _regions_in_definitions(blocks: list[Block], report: Reporter) -> list[RegionBand]:
    """A band per term whose definitions name parts of pay (`Day rate:`, `Base:`), one at least with a figure.
    The paragraphs stay in the guide's kept text as well: their notes are read nowhere else."""
    regions: list[RegionBand] = []
    for block in blocks:
        found = definition_list(block)
        if found is None:
            continue
        term, definitions = found
        items = [(m["label"], m["value"], block.line) for m in map(LABELLED_ITEM_RE.match, definitions) if m]
        parts = [value for label, value, _ in items if _kind(label) in PART_KINDS]
        if any(FIGURE_RE.search(value) for value in parts):
            regions.extend(_one_row(clean_inline(term), items, block.line, report))
    return regions


# --- a contractor's day rate told in prose, a paragraph a region ---------------------------------------------
#
#     **London (client-site, 3 days a week).** ... Expect an offer between **£650 and £800 per day**, outside IR35
#     ... The guide assumes **220 billable days** a year, which puts annual gross billings at **£143,000–£176,000**.
#
# The day rate is kept as written (never a year's pay); the year is the guide's own figure, its formula (the rate ×
# the billable days it states) kept beside it and checked: a year that is not that product is flagged.

DAY_RATE_PROSE_RE = re.compile(
    rf"(?:between\s+)?(?P<rate>(?:{_MONEY})(?:\s*(?:to|–|—|-|and)\s*(?:{_MONEY}))?)\s*(?:per|a|/)\s*day\b", re.I
)
BILLABLE_DAYS_RE = re.compile(r"\b(?P<days>\d{2,3})\s+billable\s+days\b", re.I)
BILLINGS_RE = re.compile(rf"\bbillings?\b[^$£€¥₹₪\d]{{0,30}}(?P<year>(?:{_MONEY})\s*(?:to|–|—|-)\s*(?:{_MONEY}))", re.I)


def _regions_at_day_rates(blocks: list[Block], report: Reporter) -> list[RegionBand]:
    """A region per paragraph led by its name in bold that says a day rate, the billable days it is worked and
    the year's billings they make; the billings checked against rate × days."""
    regions: list[RegionBand] = []
    for block in blocks:
        led = PROSE_LEAD_RE.match(block.text) if block.kind == "paragraph" else None
        text = clean_inline(led["rest"]) if led else ""
        rate, days, year = DAY_RATE_PROSE_RE.search(text), BILLABLE_DAYS_RE.search(text), BILLINGS_RE.search(text)
        if not (rate and days and year):
            continue
        name, line = clean_inline(led["name"]).strip(" .:"), block.line
        items = [
            ("Day rate", rate[0].removeprefix("between ").strip(), line),
            ("Billable days", days["days"], line),
            ("Total (annual gross billings)", year["year"], line),
        ]
        bands = _one_row(name, items, line, report)
        mismatch = _billings_mismatch(rate["rate"], int(days["days"]), year["year"])
        if mismatch and len(bands) == 1:
            report.warn(line, f"{name}: annual gross billings", mismatch)
            bands = [bands[0].model_copy(update={"flags": [*bands[0].flags, mismatch]})]
        regions.extend(bands)
    return regions


def _billings_mismatch(rate: str, days: int, year: str) -> str | None:
    """What is wrong when the day rate times the billable days is not the year written (the formula said); None
    when they agree or cannot be compared."""
    try:
        daily = parse_range(re.sub(r"\s+and\s+", "–", rate))
        written = parse_range(year)
    except MoneyError:
        return None
    made = (daily.low.amount * days, daily.high.amount * days)
    if daily.currency != written.currency or made == (written.low.amount, written.high.amount):
        return None
    return f"{rate} a day × {days} billable days is {format_range(*made, daily.currency)}, but the guide writes {year}"


# --- bands told in Spanish or Portuguese prose, a paragraph a region ---------------------------------------
#
#     **Monterrey.** Aquí la banda es más baja: el sueldo base va de 1.05 millones a 980 mil pesos (MXN) al año.
#     ... Las opciones son menores, de 20 mil a 50 mil USD por el paquete completo, también a 4 años.
#
# A paragraph led by a region's name in bold is read clause by clause (a clause ends at `.` or `;`): a clause that
# names one part of pay, and only one, gives that part the first figure written in it with its currency (`de X a Y
# pesos (MXN)`, `entre X y Y MXN`, `80 mil pesos`). A clause naming two parts, a bound (`de hasta 10%`), a figure
# said by reference (`las mismas que Monterrey`) or an approximate one is left to the paragraph, which the guide
# keeps as written. In these sentences `mil` is a thousand and `millones` a million, whatever the currency.

PROSE_LEAD_RE = re.compile(r"^\*\*(?P<name>[^*]{2,80}?)[.:]?\*\*[.:]?\s+(?P<rest>\S.*)$", re.S)
PROSE_PARTS = (
    ("Sign-on", r"\bbono\s+de\s+firma\b|\bb[ôo]nus\s+de\s+(?:contrata[çc][ãa]o|assinatura)\b|\bluvas\b"),
    ("Base", r"\bsueldo\b|\bsalario\b|\bsal[áa]rio\b|\bel\s+pago\b|\bo\s+pagamento\b"),
    ("Equity", r"\bopciones\b|\bacciones\b|\bop[çc][õo]es\b|\ba[çc][õo]es\b|\besop\b|\bequity\b"),
    ("Bonus", r"\bbono\b|\bb[ôo]nus\b|\baguinaldo\b|\bprima\b|\bplr\b"),
    ("Total", r"\ben\s+efectivo\b|\bem\s+dinheiro\b|\btotal\b"),
)
PROSE_PART_RES = [(label, re.compile(pattern, re.I)) for label, pattern in PROSE_PARTS]
_PROSE_NUMBER = r"\d+(?:[.,]\d+)?(?:\s+(?:mil|millones|millón|milhões|milhão))?"
_PROSE_CURRENCY = (
    r"(?:de\s+)?(?:(?P<word>pesos|d[óo]lares|reais|reales|euros)(?:\s+[a-zé]+)?(?:\s*\((?P<code>[A-Z]{3})\))?"
    r"|(?P<iso>(?-i:[A-Z]{3}))\b)"
)
PROSE_FIGURE_RE = re.compile(
    rf"(?:(?:\bde|\bentre)\s+(?P<low>{_PROSE_NUMBER})\s+(?:a|y|e|hasta|até)\s+)?(?P<high>{_PROSE_NUMBER})\s+{_PROSE_CURRENCY}",
    re.I,
)
PROSE_HEDGE_RE = re.compile(
    r"\b(?:hasta|até|aproximadamente|aprox|cerca\s+de|unos|unas|las\s+mismas|os\s+mesmos)\b", re.I
)
PROSE_YEARS_RE = re.compile(r"\b(?:a|en|em|durante)\s+(?P<years>\d+)\s+(?:años|anos)\b", re.I)
WORD_CURRENCIES = {"dolares": "USD", "dólares": "USD", "reais": "BRL", "reales": "BRL", "euros": "EUR"}


def _regions_in_prose(blocks: list[Block], report: Reporter) -> list[RegionBand]:
    regions: list[RegionBand] = []
    for block in blocks:
        led = PROSE_LEAD_RE.match(block.text) if block.kind == "paragraph" else None
        if led is None:
            continue
        parts = _prose_parts(led["rest"], block.line, report, led["name"].strip())
        if parts:
            regions.extend(_one_row(led["name"].strip(), parts, block.line, report))
    return regions


def _prose_parts(text: str, line: int, report: Reporter, region: str) -> list[tuple[str, str, int]]:
    """(part, its figure as the band reader reads it, line) for each clause naming one part and one figure. A bonus
    told in words with no amount (`un aguinaldo equivalente a un mes de sueldo`, `bono de desempeño de hasta 10%`)
    is the bonus as written, so the band never calls it unpublished."""
    pesos = next((m["code"] for m in PROSE_FIGURE_RE.finditer(text) if m["word"] and m["code"]), None)
    found: dict[str, str] = {}
    bonus_words: list[str] = []
    for clause in re.split(r"(?<=[a-záéíóúñ)%][.;])\s+", clean_inline(text)):
        named = {label for label, pattern in PROSE_PART_RES if pattern.search(clause)}
        if "Sign-on" in named:
            named.discard("Bonus")  # `bono de firma` names a sign-on, not the yearly bonus
        figure = PROSE_FIGURE_RE.search(clause)
        if "Bonus" in named and figure is None:
            bonus_words.append(clause)
        if len(named) != 1 or figure is None or PROSE_HEDGE_RE.search(clause[: figure.start()][-30:]):
            continue
        (label,) = named
        if label in found:
            continue
        written = _prose_figure(figure, pesos, clause, line, report, f"{region}: {label}")
        if written:
            found[label] = written
    if bonus_words and found and "Bonus" not in found:
        # only beside a figure the paragraph gives: a bold lead with words alone (`**How X values the grant:** ...
        # + Bonus.`) is no place, and its sentence never a bonus
        found["Bonus"] = " ".join(bonus_words)
    return [(label, value, line) for label, value in found.items()]


def _prose_figure(figure: re.Match, pesos: str | None, clause: str, line: int, report: Reporter, where: str) -> str:
    """The figure as the band reader reads it (`1.1M – 1.45M MXN over 4 years`), or as written when it cannot be read
    exactly (a low above the high: said, and kept)."""
    word = (figure["word"] or "").lower()
    code = figure["iso"] or figure["code"] or (pesos if word == "pesos" else WORD_CURRENCIES.get(word))
    if code is None:
        return ""
    low, high = (_prose_number(figure[end]) for end in ("low", "high"))
    text = f"{low} – {high} {code}" if low else f"{high} {code}"
    try:
        parse_range(text)
    except MoneyError as exc:
        report.warn(line, where, f"{exc}; kept as written")
        return figure[0]
    years = PROSE_YEARS_RE.search(clause, figure.end())
    return f"{text} over {years['years']} years" if years else text


def _prose_number(written: str | None) -> str:
    """`30 mil` -> `30k`, `1.1 millones` -> `1.1M`: the Spanish or Portuguese scale word as the reader's suffix."""
    if not written:
        return ""
    number, _, scale = written.partition(" ")
    return number + {"": "", "mil": "k"}.get(scale.lower(), "M")


# --- bands told as questions and answers ---------------------------------------------------------
# `**Q: What's the base salary for a Senior PM in Vancouver?**` / `A: One hundred fifty-five thousand ...
# (C$155,000–C$185,000).`, `**Q: And in Toronto?**` / `A: ... Low end: C$162K. High end: C$154K.`: the part a question
# names (or the question before it, for "and in ...?"), the place it or its answer names, and the figures written in
# digits. A list
# under an answer (`- Vancouver: ... (C$120,000–C$180,000)`) gives a place per item; "in every location" all places.

QUESTION_LINE_RE = re.compile(r"^\*{0,2}\s*Q\s*[:.]\s*(?P<q>.+?)\s*\*{0,2}$", re.S)
ANSWER_LINE_RE = re.compile(r"^\*{0,2}\s*A\s*[:.]\s*\*{0,2}\s*(?P<a>.+)$", re.S)
PLACE_IN_RE = re.compile(r"\b(?:in|for|at)\s+(?P<place>[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+)?)")
PLACE_NAMED_RE = re.compile(r"^(?:yes|no|sure)\s*,\s*(?P<place>[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+)?)\s*\.", re.I)
_DIGITS = r"(?:[A-Z]{0,3}[$£€¥₹])\s?\d[\d,.]*\s?[KkMm]?"
DIGITS_RANGE_RE = re.compile(rf"\((?P<range>{_DIGITS}\s*[–—-]\s*{_DIGITS})\)")
LOW_HIGH_SAID_RE = re.compile(rf"\blow\s+end\s*:?\s*(?P<low>{_DIGITS})\W+high\s+end\s*:?\s*(?P<high>{_DIGITS})", re.I)
BONUS_EVERYWHERE_RE = re.compile(
    r"(?P<percent>\d{1,2}(?:\.\d+)?)\s?%\s+of\s+base\b[^.]*\b(?:every|all|each)\s+(?:location|office|hub|region)", re.I
)
ITEM_PLACE_RE = re.compile(r"^(?P<place>[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+)?)\s*:")


def _regions_in_answers(blocks: list[Block], report: Reporter) -> list[RegionBand]:
    found: dict[str, list[tuple[str, str, int]]] = {}
    everywhere: list[tuple[str, str, int]] = []
    part = None
    label = {"base": "Base salary", "stock": "Equity grant", "bonus": "Bonus", "sign_on": "Sign-on", "total": "Total"}
    for index in range(len(blocks)):
        pair = _question_and_answer(blocks, index)
        if pair is None:
            continue
        question, text, line, following = pair
        named = [_kind(word) for word in re.findall(r"[A-Za-z-]+(?:\s+salary)?", question)]
        asked = next((kind for kind in named if kind in PART_KINDS), None)
        answered = [_kind(word) for word in re.findall(r"[A-Za-z-]+", text)]  # "Yes, Seattle. Base there runs ..."
        part = (
            asked
            or (part if question.lower().startswith("and") else None)
            or next((kind for kind in answered if kind in PART_KINDS), None)
        )
        if part is None:
            continue
        place = PLACE_IN_RE.search(question) or PLACE_NAMED_RE.match(text)
        bonus = BONUS_EVERYWHERE_RE.search(text)
        if bonus and part == "bonus":
            everywhere.append(("Bonus", f"{bonus['percent']}% of base", line))
        figure = LOW_HIGH_SAID_RE.search(text) or DIGITS_RANGE_RE.search(text)
        if place and figure and part in label:
            written = f"{figure['low']} – {figure['high']}" if "low" in figure.groupdict() else figure["range"]
            found.setdefault(place["place"], []).append((label[part], written, line))
        if part == "stock" and (years := VESTS_OVER_RE.search(text)):
            word = years["years"].lower()  # "vests over four years"
            label["stock"] = f"Equity grant ({YEAR_WORDS.get(word) or int(word)}-year)"
        if following is not None and following.kind == "list" and part in label:
            for item, at in zip(following.items, following.item_lines, strict=True):
                said = clean_inline(item)
                item_place, item_figure = ITEM_PLACE_RE.match(said), DIGITS_RANGE_RE.search(said)
                if item_place and item_figure:
                    found.setdefault(item_place["place"], []).append((label[part], item_figure["range"], at))
    regions: list[RegionBand] = []
    for place, items in found.items():
        regions.extend(_one_row(place, [*items, *everywhere], items[0][2], report))
    return (
        regions
        if len(found) >= 1 and any(label == "Base salary" for items in found.values() for label, _, _ in items)
        else []
    )


def _question_and_answer(blocks: list[Block], index: int) -> tuple[str, str, int, Block | None] | None:
    """(question, answer, line, the block after the answer) of a `Q:` line, its answer on the lines under it or in the
    next paragraph."""
    block = blocks[index]
    if block.kind != "paragraph":
        return None
    lines = [line.strip() for line in block.raw.splitlines() if line.strip()]
    asked = QUESTION_LINE_RE.match(lines[0]) if lines else None
    if not asked:
        return None
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if len(lines) > 1:
        said = ANSWER_LINE_RE.match(" ".join(lines[1:]))
    elif following is not None and following.kind == "paragraph":
        said = ANSWER_LINE_RE.match(following.text.strip())
        following = blocks[index + 2] if index + 2 < len(blocks) else None
    else:
        said = None
    if not said:
        return None
    return clean_inline(asked["q"]), clean_inline(said["a"]), block.line, following
