"""Consistency checks on a loaded guide: things worth a warning, never a silent fix.

A guide's figures are shown as published. These checks name where they disagree with
each other so that `guides check` can flag them for the people who maintain the guides.
"""

from __future__ import annotations

import re
from fractions import Fraction

from bot.guides.model import Guide
from bot.guides.money import format_range
from bot.guides.problems import Problem
from bot.guides.script_checks import band_labelled, band_quoted, grant_year_warnings, grants_said

# Text that would mean something to the renderer or to Slack if it were not escaped: it is
# shown as written (bot/render/blocks.py), but its authors probably meant something else.
_MARKUP = re.compile(
    r"(?:^|[\r\n\v\f\x1c-\x1f\x85\u2028\u2029])\s*::(?:header|section|field|context|divider|actions|block)\b"
    r"|<[!@#][^>]*>|<https?:[^>]*>"
)


def markup_warnings(guide: Guide, file: str) -> list[Problem]:
    """Guide text holding the renderer's directive syntax, a Slack mention or a link."""
    warnings = []
    for field, text in _texts(guide.model_dump(exclude={"source_file"})):
        found = _MARKUP.search(text)
        if found:
            shown = found.group(0).strip()[:40]
            warnings.append(Problem(file, None, field, f"shown as plain text, not as markup: {shown!r}"))
    return warnings


def _texts(value: object, path: str = ""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")
    elif isinstance(value, str):
        yield path, value


def consistency_warnings(guide: Guide, file: str) -> list[Problem]:
    warnings: list[Problem] = markup_warnings(guide, file)
    for region in guide.regions:
        where = f"{region.level} {region.name}" if region.level else region.name
        computed = region.computed_total()
        total_cell = region.cell("total")
        comparable = (
            computed
            and region.total
            and region.base
            and region.total.currency == region.base.currency
            and not (total_cell and total_cell.open_top)
        )
        if comparable:
            published = (region.total.low.amount, region.total.high.amount)
            computed, named = _with_added_pay(region, computed)
            if computed != published:
                warnings.append(
                    Problem(
                        file,
                        None,
                        f"{where}: total comp",
                        f"published {region.total} differs from its parts "
                        f"{format_range(computed[0], computed[1], region.base.currency)}{named}",
                    )
                )
        year_one = region.year_one_differs()
        if year_one and region.base and region.total_year1:
            parts = format_range(year_one[0], year_one[1], region.base.currency)
            message = f"published {region.total_year1} differs from its parts {parts}"
            warnings.append(Problem(file, None, f"{where}: year-one total comp", message))
        cash = region.cash_differs()
        if cash:
            (low, high), words = cash
            published = region.cash_total()
            message = f"published {published} differs from {words} {format_range(low, high, published.currency)}"
            warnings.append(Problem(file, None, f"{where}: total cash", message))
        year_one_cash = region.year_one_cash_differs()
        if year_one_cash:
            (low, high), words = year_one_cash
            package = region.year_one_cash()
            parts = format_range(low, high, package.value.currency)
            message = f"published {package.value} differs from {words} {parts}"
            warnings.append(Problem(file, None, f"{where}: {package.name}", message))
        ote, on_target = region.ote_differs(), region.ote()
        if ote and region.base and on_target:
            parts = format_range(ote[0], ote[1], region.base.currency)
            message = f"published {on_target} differs from base + variable {parts}"
            warnings.append(Problem(file, None, f"{where}: OTE", message))
        for cell in region.cells:
            if cell.as_text and file.endswith(".json"):  # Markdown guides warn at the cell's line
                warnings.append(Problem(file, None, f"{where}: {cell.column}", f"kept as written: {cell.problem}"))
        if region.stock and region.stock.value and not region.stock.vesting_years:
            warnings.append(Problem(file, None, f"{where}: stock", "vesting years not stated"))
    counter = _counter_target_warnings(guide, file) + grant_year_warnings(guide, file)
    return warnings + _level_order_warnings(guide, file) + counter


def _with_added_pay(region, computed: tuple[Fraction, Fraction]) -> tuple[tuple[Fraction, Fraction], str]:
    """The parts with the overtime, premiums and allowances kept beside the band (`RegionBand.added_pay`), and the
    words that name them, when there are any: an hourly role's estimated total is said to include them."""
    added = region.added_pay()
    if added is None:
        return computed, ""
    low, high, names = added
    return (computed[0] + low, computed[1] + high), f" (with {', '.join(names)})"


def _counter_target_warnings(guide: Guide, file: str) -> list[Problem]:
    """The counter script's target total, base or grant above the top of every band in its currency: a counter the
    guide's own figures cannot support (a Zurich VP base of CHF 255'000 where the highest base band ends at
    CHF 245'000), said so that the guide's maintainers can see which of the two is wrong; else above the top of the
    band the script is for (its label's level and place, or the one place its words name: "For Manchester ...")."""
    plan = guide.negotiate_up
    if plan is None:
        return []
    grants = grants_said(plan.quote)
    named = band_labelled(guide.regions, plan.label) or band_quoted(guide, plan.quote)
    warnings = []
    for what, target, band_of in (
        ("total", plan.target_total, lambda r: r.total),
        ("base", plan.target_base, lambda r: r.base),
        ("grant", grants[0].grant if grants else None, _grant_band),
    ):
        if target is None:
            continue
        tops = [band.high for r in guide.regions if (band := band_of(r)) and band.currency == target.currency]
        if tops and all(target.amount > top.amount for top in tops):
            message = f"{target} is above every region's published {what} band"
            warnings.append(Problem(file, None, f"negotiate-up strategy: target {what}", message))
        elif _above_named_band(named, band_of, target, what):
            where = f"{named.level} {named.name}" if named.level else named.name
            message = f"{target} is above {where}'s published {what} band {band_of(named)}"
            warnings.append(Problem(file, None, f"negotiate-up strategy: target {what}", message))
    return warnings


def _grant_band(region):
    """A band's stock as a grant over years (never a yearly figure, which a grant is not compared with)."""
    stock = region.stock
    return stock.value if stock and stock.value and not stock.per_year and (stock.vesting_years or 0) > 1 else None


def _above_named_band(named, band_of, target, what: str) -> bool:
    """The target above the top of the band its label names, in that band's currency; a top the guide leaves open
    (`£120K+`) holds any target."""
    band = band_of(named) if named else None
    cell = named.cell("stock" if what == "grant" else what) if named else None
    if cell is not None and cell.open_top:
        return False
    return bool(band and band.currency == target.currency and target.amount > band.high.amount)


def _level_order_warnings(guide: Guide, file: str) -> list[Problem]:
    """A level paid less than the one below it in the same region (Remote — EMEA Staff at €84.000 base under Senior's
    €88.000): a ladder whose rungs cross is a typo in one of them, said so the maintainers can tell which. The ladder's
    direction is the one most of the guide's steps take (a guide may list its top level first); a step the other way
    is flagged when its base or total is below the level before it at both ends."""
    ladders: dict[str, list] = {}
    for region in guide.regions:
        if region.level:
            ladders.setdefault(region.name, []).append(region)
    steps = [(a, b) for bands in ladders.values() for a, b in zip(bands, bands[1:], strict=False)]
    ups = [_step(a, b, "total") or _step(a, b, "base") for a, b in steps]
    rising = ups.count("up") > ups.count("down")
    falling = ups.count("down") > ups.count("up")
    warnings = []
    for lower, higher in steps if rising or falling else []:
        if falling:
            lower, higher = higher, lower
        for part in ("base", "total"):
            if _step(lower, higher, part) == "down":
                below, above = getattr(higher, part), getattr(lower, part)
                where = f"{higher.level} {higher.name}: level order"
                message = f"{part} {below} is below {lower.level}'s {above}, the level under it"
                warnings.append(Problem(file, None, where, message))
    return warnings


def _step(lower, higher, part: str) -> str | None:
    """'up' or 'down' when `part` of the next level is above or below the one before it at both ends (same currency),
    else None."""
    a, b = getattr(lower, part), getattr(higher, part)
    if a is None or b is None or a.currency != b.currency:
        return None
    if b.low.amount > a.low.amount and b.high.amount > a.high.amount:
        return "up"
    if b.low.amount < a.low.amount and b.high.amount < a.high.amount:
        return "down"
    return None
