"""A guide's words checked against its own bands: its summary (`## TL;DR`, `## Kurzfassung`, `**At a glance**`)
and what its prose says of vesting.

Authors repeat the headline figures at the top and edit one place but not the other ("München 92.000 € bis
118.000 €" above a München section that says 110.000 €), or state the vesting twice ("vest_years: 4" in the data,
"vests ... over three years" in the text). The band is what the guide's table, list or data says; words that
disagree with it are flagged on that region, never used to fix either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from bot.guides.markdown.blocks import Block, prose_lines
from bot.guides.markdown.cells import read_cell
from bot.guides.markdown.columns import MONTHLY_HEADER_RE, YEARS_RE, column_kind, parse_shares
from bot.guides.markdown.text import clean_inline
from bot.guides.model import RegionBand
from bot.guides.money import AMOUNT_RE, RANGE_SEPARATOR_RE, MoneyError, MoneyRange, format_amount, parse_amount

SUMMARY_TITLE_RE = re.compile(
    r"\b(?:tl;?\s?dr|summary|in\s+short|at\s+a\s+glance|key\s+(?:numbers|figures)|kurzfassung|zusammenfassung"
    r"|auf\s+einen\s+blick|r[ée]sum[ée]|en\s+bref|resumen|resumo|samenvatting|in\s+het\s+kort"
    r"|(?:comp(?:ensation)?\s+|pay\s+)?snapshot|headline\s+(?:numbers|figures))\b",
    re.I,
)
_AMOUNT = re.sub(r"\(\?P<[a-z]+>", "(?:", AMOUNT_RE.pattern)
_RANGE = rf"(?:{_AMOUNT})(?:{RANGE_SEPARATOR_RE.pattern}(?:{_AMOUNT}))?"
# A place, then its range: `München 92.000 € bis 118.000 €`, `London: £95k–£120k`
PLACED_RANGE_RE = re.compile(rf"(?P<place>[^\W\d_][\w .()'-]{{0,40}}?)\s*[:=–-]?\s+(?P<range>{_RANGE})", re.I)
# A range, then its place: `OTE $170K–$215K at HQ`
RANGE_PLACED_RE = re.compile(
    rf"(?P<range>{_RANGE})\s+(?:at|in|for)\s+(?:the\s+)?(?P<place>[^\W\d_][\w .()'-]{{0,40}}?)\s*(?=[|,;.]|$)", re.I
)
PART_WORD_RE = re.compile(r"[^\W\d_][\w-]+", re.I)
PARTS = ("base", "total", "sign_on")


@dataclass(frozen=True)
class Disagreement:
    region: int  # index into the guide's regions
    line: int
    message: str


def summary_disagreements(blocks: list[Block], regions: list[RegionBand]) -> list[Disagreement]:
    """Each figure in a summary section, placed in a region by name and in a part by the last part word
    before it in its sentence, that differs from that region's band for that part."""
    out: list[Disagreement] = []
    for text, line in _summary_texts(blocks):
        for sentence in re.split(r"(?<=[.;])\s+|\s+[·|]\s+", text):
            for match in [*PLACED_RANGE_RE.finditer(sentence), *RANGE_PLACED_RE.finditer(sentence)]:
                index = _region_named(match["place"], regions)
                part = _part_before(sentence[: match.start("range")])
                if index is not None and PER_MONTH_AFTER_RE.match(sentence, match.end("range")):
                    # `Stockholm seniors land at 66 000 – 82 000 kr/mån`: a month's pay is the base, by the month
                    found = _monthly_disagreement(regions[index], match["range"])
                    if found:
                        out.append(Disagreement(index, line, found))
                    continue
                if index is None or part is None:
                    continue
                found = _disagreement(regions[index], part, match["range"])
                if found:
                    out.append(Disagreement(index, line, found))
            out += _bounds_said(sentence, line, regions)
    return out


# "Edinburgh base tops out at £79K", "Cambridge pays best: base up to £85K": one end of a place's band
BOUND_SAID_RE = re.compile(
    rf"\b(?P<word>up\s+to|tops?\s+out\s+(?:at|around|near)|maxes\s+out\s+at|max(?:imum)?\s+(?:of\s+)?|at\s+most|from|starts?\s+at"
    rf"|at\s+least)\s*(?P<amount>{_AMOUNT})",
    re.I,
)


def _bounds_said(sentence: str, line: int, regions: list[RegionBand]) -> list[Disagreement]:
    """A sentence naming one place and one end of a part's band that differs from the band's end."""
    named = [i for i, r in enumerate(regions) if r.level is None and _names(sentence, r)]
    if len(named) != 1:
        return []
    region = regions[named[0]]
    out = []
    for found in BOUND_SAID_RE.finditer(sentence):
        part = _part_before(sentence[: found.start()])
        band = _band_part(region, part) if part else None
        said = read_cell(found["amount"], region.currency).figure
        if band is None or said is None or said.currency != band.currency or said.low != said.high:
            continue
        top = not re.match(r"from|starts?|at\s+least", found["word"], re.I)
        end = band.high if top else band.low
        if said.low != end:
            which = "top" if top else "bottom"
            name = PART_NAMES[part]
            message = f"{name}: the summary puts its {which} at {clean_inline(found['amount'])}, the band's is {end}"
            out.append(Disagreement(named[0], line, message + ": the band is shown"))
    return out


def _names(sentence: str, region: RegionBand) -> bool:
    lowered = sentence.lower()
    return any(re.search(rf"\b{re.escape(name)}\b", lowered) for name in {region.name.lower(), *region.aliases} if name)


# "vest over 3 years", and as German, French, Spanish and Portuguese guides say it ("vestet über 3 Jahre", "Vesting über
# 4 Jahre", "acquises sur 4 ans", "vesting de 4 anos")
VESTS_OVER_RE = re.compile(
    r"\bvest\w*\b[^.;:]{0,80}?\b(?:over|über|sur|en|em|de|durante)\s+"
    r"(?P<years>\d|one|two|three|four|five|six|drei|vier|fünf|trois|quatre|cinq|tres|cuatro|cinco|três|quatro)"
    r"\s*-?\s*(?:years?|jahren?|jahre|ans?|años|anos)\b",
    re.I,
)
YEAR_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "drei": 3, "vier": 4, "fünf": 5, "trois": 3,
    "quatre": 4, "cinq": 5, "tres": 3, "três": 3, "cuatro": 4, "quatro": 4, "cinco": 5,
}  # fmt: skip


def vesting_disagreements(blocks: list[Block], regions: list[RegionBand]) -> list[Disagreement]:
    """A sentence of the guide's text saying its grant vests over other years than the bands' stock does; where the
    bands' stock is a yearly figure (no period of its own), two sentences of the text that disagree with each other."""
    out: list[Disagreement] = []
    said_all: list[tuple[int, str, int]] = []  # (years, as written, line)
    # paragraphs, list items and quotes (a `> [!NOTE]` callout: "Option grants vest over 3 years")
    for text, line in prose_lines(blocks):
        for said in VESTS_OVER_RE.finditer(text):
            word = said["years"].lower()
            years = YEAR_WORDS.get(word) or int(word)
            said_all.append((years, said[0], line))
            for index, region in enumerate(regions):
                band_years = region.stock.vesting_years if region.stock and not region.stock.per_year else None
                if band_years and band_years != years:
                    message = (
                        f"vesting: the text says over {said['years']} years ({said[0]!r}), "
                        f"the band {band_years}: the band's is used"
                    )
                    out.append(Disagreement(index, line, message))
    if not out and len({years for years, _, _ in said_all}) > 1:
        (first, first_text, _), (other, other_text, line) = (
            said_all[0],
            next(s for s in said_all if s[0] != said_all[0][0]),
        )
        message = f"vesting: the text says over {first} years ({first_text!r}) and over {other} ({other_text!r})"
        out += [Disagreement(index, line, message) for index, region in enumerate(regions) if region.stock]
    return out


# `Reference price: CA$30.00 per share`, `$12 a share`, `€4.50/share`: the one price a guide gives its shares
SHARE_PRICE_RE = re.compile(rf"(?P<price>{_AMOUNT})\s*(?:per|a|/|each)\s*share\b", re.I)


def share_price_disagreements(blocks: list[Block], regions: list[RegionBand]) -> list[Disagreement]:
    """A grant counted in shares beside its yearly worth in money (`2,400 – 4,400 sh` under `RSU grant (shares, 4 yr)`,
    `CA$18,000 – CA$30,000` under `Equity / yr`), where the guide's text gives one price a share: the count at that
    price over its years that is not the worth published, end by end. Both are kept as written; only said."""
    if not any(r.stock and r.stock.per_year and r.stock.value and r.extras for r in regions):
        return []  # no yearly grant with a column beside it: no count to check, and the text need not be read
    prices = {said["price"]: block.line for block in blocks if block.kind in ("paragraph", "quote", "list")
              for text in (block.items if block.kind == "list" else [block.text])
              for said in SHARE_PRICE_RE.finditer(clean_inline(text))}  # fmt: skip
    if len(prices) != 1:
        return []  # no price, or more than one: which is the grant's is not said
    written, line = prices.popitem()
    try:
        price = parse_amount(written)
    except MoneyError:
        return []
    out: list[Disagreement] = []
    for index, region in enumerate(regions):
        stock = region.stock
        if not (stock and stock.per_year and stock.value and stock.value.currency == price.currency):
            continue
        for extra in region.extras:
            counted = _counted_grant(extra.name, extra.raw)
            if counted is None:
                continue
            (low, high), years = counted
            for end, shares, published in (("low", low, stock.value.low), ("high", high, stock.value.high)):
                worth = Fraction(shares * price.amount, years)
                if worth != published.amount:
                    said = format_amount(worth, price.currency)
                    message = (
                        f"{extra.name}: {shares:,} shares at {written} over {years} years is {said} a year, "
                        f"not the {format_amount(published.amount, price.currency)} published ({end} end)"
                    )
                    out.append(Disagreement(index, line, message))
    return out


def _counted_grant(name: str, raw: str) -> tuple[tuple[int, int], int] | None:
    """(low, high shares, vesting years) of a column beside a band counting its grant in shares, its years in its
    name (`RSU grant (shares, 4 yr)`); None for any other."""
    try:
        shares = parse_shares(raw)
    except MoneyError:
        return None
    years = YEARS_RE.search(name)
    return (shares, int(years[1])) if shares and years and int(years[1]) > 0 else None


def _summary_texts(blocks: list[Block]):
    """(text, line) of each paragraph and list item under a heading (or bold label) naming a summary."""
    inside = False
    for block in blocks:
        if block.kind == "heading":
            inside = bool(SUMMARY_TITLE_RE.search(block.text))
            continue
        if block.kind == "paragraph" and re.match(r"^\*\*[^*]+\*\*\s*:?\s*$", block.text.strip()):
            inside = bool(SUMMARY_TITLE_RE.search(block.text))  # `**At a glance**` on a line of its own
            continue
        led = re.match(r"^\*\*(?P<label>[^*]{2,40}?):?\*\*:?\s*(?P<rest>\S.*)$", block.text.strip(), re.S)
        if block.kind == "paragraph" and led and SUMMARY_TITLE_RE.search(led["label"]):
            yield clean_inline(led["rest"]), block.line  # `**At a glance:** Sydney base 128,000–152,000 AUD · ...`
            continue
        if not inside:
            continue
        if block.kind == "paragraph":
            yield clean_inline(block.text), block.line
        elif block.kind == "list":
            yield from ((clean_inline(item), line) for item, line in zip(block.items, block.item_lines, strict=True))


def _region_named(place: str, regions: list[RegionBand]) -> int | None:
    """The region the words before a figure name (`Grundgehalt Berlin`, `Auckland base`), the nearest first."""
    words = place.lower().split()
    for end in range(len(words), 0, -1):
        for size in (3, 2, 1):
            window = " ".join(words[max(0, end - size) : end])
            for index, region in enumerate(regions):
                if region.level is None and window in {region.name.lower(), *region.aliases}:
                    return index
    return None


OTE_RE = re.compile(r"^(?:ote|on-target)$", re.I)


def _part_before(text: str) -> str | None:
    words = PART_WORD_RE.findall(text)
    kinds = ["ote" if OTE_RE.match(word) else column_kind(word) for word in words]
    return next((kind for kind in reversed(kinds) if kind in (*PARTS, "ote")), None)


PART_NAMES = {"base": "base", "total": "total comp", "sign_on": "sign-on", "ote": "OTE"}


def _band_part(region: RegionBand, part: str) -> MoneyRange | None:
    """The band's figure for a part; a salesperson's on-target earnings are kept beside it (`OTE` column)."""
    if part != "ote":
        return getattr(region, part)
    return next((x.value for x in region.extras if x.value and OTE_RE.match((x.name.split() or [""])[0])), None)


PER_MONTH_AFTER_RE = re.compile(
    r"\s*(?:brutto|netto|gross|net|bruto)?\s*(?:/|per\s+|a\s+|i\s+|par\s+|pro\s+)\s*(?:m[åa]n(?:ad)?|month|mo|mies\.?"
    r"|m[êe]s|mois|monat)\b",
    re.I,
)


def _monthly_disagreement(region: RegionBand, written: str) -> str | None:
    """A month's pay said in the summary against the band's monthly base (a cell, or a column kept beside it)."""
    monthly = next((c.figure for c in region.cells if c.kind == "base" and c.per == "month" and c.figure), None)
    if monthly is None:
        beside = [x for x in region.extras if MONTHLY_HEADER_RE.search(x.name) and column_kind(x.name) == "base"]
        monthly = next((f for x in beside if (f := read_cell(x.raw, region.currency).figure)), None)
    said = read_cell(written, region.currency).figure
    if monthly is None or said is None or said.currency != monthly.currency or said == monthly:
        return None
    if said.low == said.high:
        return None
    return f"monthly base: the summary says {clean_inline(written)} a month, the band {monthly}: the band is shown"


def _disagreement(region: RegionBand, part: str, written: str) -> str | None:
    said = read_cell(written, region.currency).figure
    band = _band_part(region, part)
    if said is None or band is None or said.currency != band.currency or said == band:
        return None
    if said.low == said.high and band.low != band.high:
        return None  # one figure against a range: a bound ("tops out at £79K"), read by _bounds_said
    name = PART_NAMES[part]
    return f"{name}: the summary says {clean_inline(written)}, the band {band}: the band is shown"
