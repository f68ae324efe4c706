"""The counter script's grant checked against the year it says of it, and the band its words name.

A script says a grant and its year together: "a $360K RSU grant over 4 years ($100K a year)", "$45K a year in equity
($180K over the 4-year grant)". Authors change one and not the other (360 ÷ 4 is 90, not 100), so the two are
checked against each other, and the one that disagrees is said, never fixed. A script also names the place it is for
("For Manchester I'm targeting £130K total comp ... a £100K option grant"): where its label names no band, the one
band its words name is the one its targets are checked against (checks._counter_target_warnings), so a target above
that band is said even when another place's band would hold it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from bot.guides.model import Guide, RegionBand
from bot.guides.money import AMOUNT_RE, Money, MoneyError, format_amount, parse_amount
from bot.guides.problems import Problem

_AMOUNT = re.sub(r"\(\?P<[a-z]+>", "(?:", AMOUNT_RE.pattern)
_YEARS = r"\d|two|three|four|five|six"
_A_YEAR = r"\s*(?:a|per|/)\s*(?:year|yr|annum)\b"
GRANT_THEN_YEAR_RE = re.compile(
    rf"(?P<grant>{_AMOUNT})\s+(?:[\w-]+\s+){{0,3}}?grant\s+(?:over|across)\s+(?P<years>{_YEARS})\s*-?\s*years?\s*"
    rf"\(\s*(?P<year>{_AMOUNT}){_A_YEAR}\s*\)",
    re.I,
)
YEAR_THEN_GRANT_RE = re.compile(
    rf"(?P<year>{_AMOUNT}){_A_YEAR}\s+(?:in\s+)?(?:equity|stock|RSUs?|options)\s*\(\s*(?P<grant>{_AMOUNT})\s+over\s+"
    rf"(?:the|a)\s+(?P<years>{_YEARS})\s*-?\s*years?\s+grant\s*\)",
    re.I,
)
YEAR_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# Names too wide to say which place a script is for (`remote`, `hq` are aliases of several kinds of band)
WIDE_NAMES = {"hq", "remote"}


@dataclass(frozen=True)
class GrantSaid:
    """A grant the script names with its years and the year it says of it, each as written."""

    grant: Money
    years: int
    year: Money
    written: str

    @property
    def divided(self) -> Fraction:
        return Fraction(self.grant.amount, self.years)


def grants_said(text: str, currency: str | None = None) -> list[GrantSaid]:
    """Each grant the text names with its years and its year, in the order written; amounts that name no currency
    (and so may be no money) are passed over."""
    found = sorted([*GRANT_THEN_YEAR_RE.finditer(text), *YEAR_THEN_GRANT_RE.finditer(text)], key=lambda m: m.start())
    out: list[GrantSaid] = []
    for match in found:
        try:
            grant, year = (_money(match[key], currency) for key in ("grant", "year"))
        except MoneyError:
            continue
        written = match["years"].lower()
        years = YEAR_WORDS.get(written) or int(written)
        if grant.currency == year.currency and years > 0:
            out.append(GrantSaid(grant, years, year, match[0]))
    return out


def _money(text: str, currency: str | None) -> Money:
    """An amount as written; a word after it that is no currency (`$360K RSU`) is the script's, not the amount's."""
    try:
        return parse_amount(text.strip(), currency)
    except MoneyError:
        word = re.search(r"\s+[A-Za-z]{3}$", text.strip())
        if word is None:
            raise
        return parse_amount(text.strip()[: word.start()], currency)


def grant_year_warnings(guide: Guide, file: str) -> list[Problem]:
    """A grant in the script whose year, as the script says it, is not the grant ÷ its years."""
    plan = guide.negotiate_up
    if plan is None:
        return []
    warnings = []
    for said in grants_said(f"{plan.quote} {plan.commentary}"):
        if said.divided != said.year.amount:
            divided = format_amount(said.divided, said.grant.currency)
            message = (
                f"{said.grant} over {said.years} years is {divided} a year, but the script says {said.year} a year "
                f"({said.written!r})"
            )
            warnings.append(Problem(file, None, "negotiate-up strategy: grant", message))
    return warnings


def band_labelled(regions: list[RegionBand], label: str) -> RegionBand | None:
    """The one band the counter's label names (`Counter Script — Staff MLE (L6), London`: its level and place;
    `Negotiate Up Strategy (Bengaluru)`: its place, in a guide without levels); None when it names no single band."""
    lowered = label.lower()
    if any(region.level for region in regions):
        named = [
            region
            for region in regions
            if region.level
            and re.search(rf"(?<!\w){re.escape(region.level.lower())}(?!\w)", lowered)
            and re.search(rf"(?<!\w){re.escape(region.name.lower())}(?!\w)", lowered)
        ]
    else:
        named = [region for region in regions if any(_names(label, name) for name in {region.name, *region.aliases})]
    return named[0] if len(named) == 1 else None


def band_quoted(guide: Guide, quote: str) -> RegionBand | None:
    """The one band (of a guide without levels) whose place the script's words name; None when they name none, or
    more than one. A short name (`US`, `UK`) is matched only as written, never in a word like "us". In a guide with
    levels, the one band whose level and place the words both name ("For L4 in Pittsburgh ...")."""
    named = [
        region
        for region in guide.regions
        if region.level is None and any(_names(quote, name) for name in {region.name, *region.aliases})
    ]
    return named[0] if len(named) == 1 else level_and_place_quoted(guide.regions, quote)


def level_and_place_quoted(regions: list[RegionBand], quote: str) -> RegionBand | None:
    """The one band whose level and place the script's words name; a script for one level is no target for another's
    band, so its targets are checked against, and its replies say, that band."""
    named = [
        region
        for region in regions
        if region.level
        and any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", quote) for name in _level_names(region.level))
        and any(_names(quote, name) for name in {region.name, *region.aliases})
    ]
    return named[0] if len(named) == 1 else None


def _level_names(level: str) -> set[str]:
    """`L4 — Senior Firmware Engineer`: the level as written and its code before the dash (`L4`)."""
    return {level, re.split(r"\s+[—–-]\s+|:\s+", level)[0].strip()} - {""}


def _names(quote: str, name: str) -> bool:
    if name.lower() in WIDE_NAMES:
        return False
    flags = re.I if len(name) > 3 else 0
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", quote, flags) is not None
