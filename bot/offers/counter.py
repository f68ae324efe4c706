"""The counter: what to ask for, part by part, by a rule a person can read and check.

The rule: each part asks for the top of its published band, or for the guide's own
negotiate-up figure for that part where the guide names one; a competing offer that pays
more raises the ask to match it; no ask is below what was offered, and none is above the
band's top raised by the guide's premium (20% where the guide states none). Every ask
carries its reason. Asks are written the way people say them: a computed ask that is not
a round figure (matching a rival's total gives $241,250) is rounded to three significant
figures, at least a whole thousand ($242K), upward when that stays within the part's cap
and the total cap, else downward, never below the offer; the reason names the figure it was
rounded from.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from bot.guides.model import Guide, NegotiateUp, RegionBand
from bot.offers.evaluate import money
from bot.offers.model import Offer

DEFAULT_PREMIUM = Decimal(20)


@dataclass
class CompetingOffer:
    company: str
    total: int | None = None
    base: int | None = None
    base_only: bool = False  # `total` is the base alone: no other part was given


@dataclass
class Ask:
    key: str  # base | equity | bonus | sign_on
    label: str
    offered: str
    ask: str
    reason: str
    moved: bool
    held: bool = False  # the company said this part cannot move (see `hold`)


@dataclass
class Target:
    label: str  # walk-away | target | anchor
    amount: Fraction
    reason: str


@dataclass
class Counter:
    currency: str
    offered: Offer
    asked: Offer
    asks: list[Ask]
    premium: Decimal
    premium_stated: bool
    rule: str
    targets: list[Target] = field(default_factory=list)
    settle: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def gain(self) -> Fraction:
        return self.asked.annualized() - self.offered.annualized()


def premium_of(guide: Guide) -> tuple[Decimal, bool]:
    """The guide's premium (high end), or the default 20% when it states none."""
    stated = guide.premium_percent
    return (stated, True) if stated is not None else (DEFAULT_PREMIUM, False)


def capped(top: int | Fraction, premium: Decimal) -> int:
    """The band top raised by the premium, rounded down to a whole amount."""
    return math.floor(Fraction(top) * (1 + Fraction(premium) / 100))


def rule_text(guide: Guide, premium: Decimal, stated: bool) -> str:
    factor = format((1 + premium / 100).normalize(), "f")
    label = guide.company.dna.premium_label if stated and guide.company.dna else None
    why = f"the guide's +{_num(premium)}% {label or 'premium'}" if stated else "20%: the guide states no premium"
    return (
        "each part asks for the top of its published band, or the guide's own negotiate-up figure for that part "
        "where it names one; a competing offer that pays more raises the ask to match it; no ask is below what "
        f"they offered, and none is above the band's top × {factor} ({why})."
    )


def _num(value: Decimal) -> str:
    return format(value.normalize(), "f")


def build_counter(
    offer: Offer,
    guide: Guide,
    region: RegionBand,
    competing: list[CompetingOffer] = (),
    walk_away: int | None = None,
    current_total: int | None = None,
) -> Counter:
    region = region.in_own_currency()
    currency = offer.currency or region.currency
    premium, stated = premium_of(guide)
    plan = plan_in(guide, currency)
    asked = offer.model_copy()
    asks: list[Ask] = []
    notes: list[str] = []
    caps: dict[str, int] = {}  # part -> the most it may ask (band top × premium)

    def m(value) -> str:
        return money(value, currency)

    if guide.negotiate_up and plan is None:
        foreign = " and ".join(guide.negotiate_up.foreign_to(currency))
        notes.append(
            f"the guide's counter script names its targets in {foreign}, and this counter is in {currency}: "
            "they are not used here, as currencies are never converted"
        )

    best = max(competing, key=lambda c: c.total or 0, default=None)

    # Base: the band top, or the guide's base target; a competing base above it wins.
    if offer.base is not None and region.base:
        top = region.base.high.amount
        cap = capped(top, premium)
        goal, reason = top, f"the top of the published base band ({m(region.base.low.amount)}–{m(top)})"
        if plan and plan.target_base:
            goal, reason = (
                plan.target_base.amount,
                f"the guide's negotiate-up base target ({m(plan.target_base.amount)})",
            )
        better_base = max(competing, key=lambda c: c.base or 0, default=None)
        if better_base and better_base.base and better_base.base > goal:
            goal, reason = better_base.base, f"matches the {better_base.company} offer's base ({m(better_base.base)})"
        caps["base"] = cap
        asked.base, reason = _bounded(offer.base, goal, cap, reason, m)
        asks.append(Ask("base", "Base salary", m(offer.base), m(asked.base), reason, asked.base != offer.base))

    # Equity: the guide's equity target (or counter range) where it names one, else the band top.
    stock = region.stock
    if offer.equity and stock and stock.value:
        years = offer.equity_years or stock.vesting_years or 1
        band_years = stock.vesting_years or years
        top = Fraction(stock.value.high.amount * years, band_years)
        cap = capped(top, premium)
        goal = math.floor(top)
        reason = f"the top of the published equity band ({stock.value}{_over(band_years)})"
        if stock.vesting_years is None:  # as the evaluation reads it (bot/offers/evaluate.py), said
            reason = (
                f"the top of the published equity band ({stock.value}, read as a grant over your {years} years:"
                " the guide states no vesting period)"
            )
        if plan and plan.target_equity and (plan.counter_component in (None, "equity")):
            target_years = plan.target_equity_years or band_years
            goal = math.floor(Fraction(plan.target_equity.amount * years, target_years))
            reason = f"the guide's negotiate-up target (equity at {m(plan.target_equity.amount)}{_over(target_years)})"
        elif plan and plan.counter_range and plan.counter_component == "equity":
            goal = plan.counter_range.high.amount
            reason = f"the top of the guide's counter range for equity ({plan.counter_range})"
        caps["equity"] = math.floor(cap)
        asked.equity, reason = _bounded(offer.equity, goal, cap, reason, m)
        asks.append(
            Ask(
                "equity",
                f"Equity ({years}-year grant)",
                m(offer.equity),
                m(asked.equity),
                reason,
                asked.equity != offer.equity,
            )
        )

    # Bonus: only where the guide publishes one.
    bonus = region.bonus
    if bonus.kind == "percent" and bonus.percent and offer.bonus_percent is not None:
        goal_pct = max(offer.bonus_percent, bonus.percent.high)
        asked.bonus_percent = goal_pct
        reason = (
            f"the top of the published bonus range ({bonus.percent})"
            if goal_pct != offer.bonus_percent
            else "already at or above the published range; hold it"
        )
        asks.append(
            Ask(
                "bonus",
                "Target bonus",
                f"{_num(offer.bonus_percent)}%",
                f"{_num(goal_pct)}%",
                reason,
                goal_pct != offer.bonus_percent,
            )
        )
    elif bonus.kind == "amount" and bonus.amount and offer.bonus_amount is not None:
        top = bonus.amount.high.amount
        caps["bonus"] = capped(top, premium)
        asked.bonus_amount, reason = _bounded(
            offer.bonus_amount, top, capped(top, premium), f"the top of the published bonus range ({bonus.amount})", m
        )
        asks.append(
            Ask(
                "bonus",
                "Target bonus",
                m(offer.bonus_amount),
                m(asked.bonus_amount),
                reason,
                asked.bonus_amount != offer.bonus_amount,
            )
        )

    # Sign-on: asked for only where the guide publishes a sign-on band.
    if region.sign_on:
        top = region.sign_on.high.amount
        caps["sign_on"] = capped(top, premium)
        asked.sign_on, reason = _bounded(
            offer.sign_on or 0,
            top,
            capped(top, premium),
            f"the top of the published sign-on range ({region.sign_on})",
            m,
        )
        asks.append(
            Ask(
                "sign_on",
                "Sign-on",
                m(offer.sign_on or 0),
                m(asked.sign_on),
                reason,
                asked.sign_on != (offer.sign_on or 0),
            )
        )

    # A competing total above the counter: close the gap with base, then equity, within the caps.
    if best and best.total and best.total > asked.annualized():
        _match_total(best, offer, asked, asks, region, premium, m)

    # The whole package never goes above the total band's top × premium.
    total_cap = capped(region.total.high.amount, premium) if region.total else None
    if total_cap is not None and asked.annualized() > total_cap:
        _trim_to(total_cap, offer, asked, asks, m)
        notes.append(f"trimmed to the total-comp cap {m(total_cap)} (the total band's top × the premium)")
    _round_asks(offer, asked, asks, caps, total_cap, m)

    counter = Counter(
        currency=currency,
        offered=offer,
        asked=asked,
        asks=asks,
        premium=premium,
        premium_stated=stated,
        rule=rule_text(guide, premium, stated),
        notes=notes,
    )
    counter.targets = _targets(counter, guide, region, best, walk_away, current_total, m)
    if plan and plan.commentary and plan.counter_range:
        counter.settle = plan.commentary
    return counter


def plan_in(guide: Guide, currency: str) -> NegotiateUp | None:
    """The guide's negotiate-up plan when its figures are in `currency` (or it has none); None when
    they are in another: "targeting $300K" is no target for a Berlin offer in euros."""
    plan = guide.negotiate_up
    return plan if plan and not plan.foreign_to(currency) else None


# Which Offer field holds each part's money figure.
MONEY_FIELDS = {"base": "base", "equity": "equity", "bonus": "bonus_amount", "sign_on": "sign_on"}


def natural_step(value: int) -> int:
    """The unit people round an amount of this size to: three significant figures, at
    least a whole thousand ($242K, $1.24M, ₹47.4L)."""
    return max(1000, 10 ** (len(str(abs(value))) - 3))


def _round_asks(offer: Offer, asked: Offer, asks: list[Ask], caps: dict, total_cap: int | None, m) -> None:
    """Each moved ask that is no round figure, rounded the way people write it: up when the
    part's cap and the total cap allow, else down, never below what was offered."""
    for ask in asks:
        name = MONEY_FIELDS.get(ask.key)
        value = getattr(asked, name) if name and ask.moved else None
        if not value or value % natural_step(value) == 0:
            continue
        step = natural_step(value)
        offered = getattr(offer, name) or 0
        up, down = math.ceil(value / step) * step, value // step * step
        setattr(asked, name, up)
        fits = up <= caps.get(ask.key, up) and (total_cap is None or asked.annualized() <= total_cap)
        chosen = up if fits else down
        if chosen <= offered:
            chosen = value
        setattr(asked, name, chosen)
        if chosen != value:
            ask.ask = m(chosen)
            way = "up" if chosen > value else "down"
            ask.reason = f"{ask.reason} ({m(value)}, rounded {way} to a figure people say)"


def _over(years: int | None) -> str:
    return f" over {years} years" if years and years > 1 else ""


def _bounded(offered: int, goal: int | Fraction, cap: int, reason: str, m) -> tuple[int, str]:
    """Never below the offer, never above the cap; the reason says which bound held."""
    goal = math.floor(goal)
    if goal > cap >= offered:
        return cap, f"{reason}, held to the cap {m(cap)}"
    if min(goal, cap) <= offered:  # an offer above the cap is held, never lowered to it
        return offered, "already at or above that mark; hold what they offered"
    return goal, reason


def _match_total(best: CompetingOffer, offer: Offer, asked: Offer, asks: list[Ask], region, premium, m) -> None:
    gap = Fraction(best.total) - asked.annualized()
    why = f"raised to match the {best.company} offer ({m(best.total)} total)"
    if asked.base is not None and region.base:
        room = capped(region.base.high.amount, premium) - asked.base
        step = min(room, math.ceil(gap))
        if step > 0:
            asked.base += step
            gap -= step
            _update(asks, "base", m(asked.base), why)
    stock = region.stock
    if gap > 0 and asked.equity and stock and stock.value:
        years = asked.equity_years or stock.vesting_years or 1
        band_years = stock.vesting_years or years
        room = capped(Fraction(stock.value.high.amount * years, band_years), premium) - asked.equity
        step = min(room, math.ceil(gap * years))
        if step > 0:
            asked.equity += step
            _update(asks, "equity", m(asked.equity), why)


def _trim_to(cap: int, offer: Offer, asked: Offer, asks: list[Ask], m) -> None:
    excess = asked.annualized() - cap
    if asked.equity and offer.equity is not None and excess > 0:
        years = asked.equity_years or 1
        cut = min(asked.equity - offer.equity, math.ceil(excess * years))
        if cut > 0:
            asked.equity -= cut
            excess -= Fraction(cut, years)
            _update(asks, "equity", m(asked.equity), f"trimmed to keep the total within {m(cap)}")
    if asked.base is not None and offer.base is not None and excess > 0:
        cut = min(asked.base - offer.base, math.ceil(excess))
        if cut > 0:
            asked.base -= cut
            _update(asks, "base", m(asked.base), f"trimmed to keep the total within {m(cap)}")


def _update(asks: list[Ask], key: str, figure: str, why: str) -> None:
    for ask in asks:
        if ask.key == key:
            ask.ask = figure
            ask.reason = f"{ask.reason}; {why}" if ask.moved else why
            ask.moved = figure != ask.offered


def _targets(counter: Counter, guide: Guide, region: RegionBand, best, walk_away, current_total, m) -> list[Target]:
    offered = counter.offered.annualized()
    asked = counter.asked.annualized()
    if walk_away is not None:
        floor = Target("walk-away", Fraction(walk_away), "the figure you gave me")
    else:
        floor_value, why = offered, "the offer as written: it is already yours, so never accept less"
        if best and best.total and best.total > floor_value:
            floor_value, why = Fraction(best.total), f"the {best.company} offer: below it you would take that one"
            if best.base_only:
                why = f"the {best.company} offer's base alone (no other part given): below it you would take that one"
        if current_total and current_total > floor_value:
            floor_value, why = Fraction(current_total), "what you earn today"
        floor = Target("walk-away", floor_value, why)
    target = Target("target", asked, "the counter below, part by part")
    anchor = Target("anchor", asked, "the same as the target: the counter itself is your opening number")
    plan = plan_in(guide, counter.currency)
    if plan and plan.target_total and plan.target_total.amount > asked and region.total:
        total_cap = capped(region.total.high.amount, counter.premium)
        figure = min(plan.target_total.amount, total_cap)
        anchor = Target(
            "anchor",
            Fraction(figure),
            f"the guide's negotiate-up line (“targeting {m(plan.target_total.amount)} total comp”)"
            + (f", held to the cap {m(total_cap)}" if figure < plan.target_total.amount else "")
            + ": say it first on the call, then settle toward the target",
        )
    return [floor, target, anchor]


# Which Offer fields each counter part sets.
PART_FIELDS = {
    "base": ("base",),
    "equity": ("equity",),
    "bonus": ("bonus_percent", "bonus_amount"),
    "sign_on": ("sign_on",),
}


def hold(counter: Counter, fixed: list[str], caps: dict[str, int] | None = None) -> Counter:
    """The counter with what the company said cannot move taken out of the ask.

    A part named in `fixed` (or every part, when "total" is) is asked at what was offered; a
    part with a stated limit (`caps`: "the best we can do is $180K base") is asked at no more
    than that limit, even when the same words call it fixed: the limit is what they can do.
    Where the base can no longer rise, the first year's base gap moves to
    the sign-on (unless the sign-on is fixed too): a one-time payment closes the same gap in
    year one. The result is a new Counter; the one passed in is not changed."""
    caps = caps or {}
    fixed_parts = set(PART_FIELDS) if "total" in fixed else set(fixed)
    if not fixed_parts and not caps:
        return counter
    held = copy.deepcopy(counter)
    offered, asked = held.offered, held.asked
    m = _formatter(held.currency)
    base_gap: tuple[int, int] | None = None  # (the base asked before, the base it is held at)
    for ask in held.asks:
        limit = caps.get(ask.key) if ask.key in ("base", "equity", "sign_on") else None
        if ask.key in fixed_parts and limit is None:
            if ask.key == "base":
                base_gap = (asked.base or 0, offered.base or 0)
            for name in PART_FIELDS[ask.key]:
                setattr(asked, name, getattr(offered, name))
            ask.ask, ask.moved, ask.held = ask.offered, False, True
            ask.reason = "fixed: they said it cannot move"
        elif limit is not None:
            name = PART_FIELDS[ask.key][0]
            wanted = getattr(asked, name) or 0
            floor = getattr(offered, name) or 0
            if wanted > limit:
                new = max(floor, limit)
                if ask.key == "base":
                    base_gap = (wanted, new)
                setattr(asked, name, new)
                ask.ask, ask.moved = m(new), new != floor
                ask.held = not ask.moved
                ask.reason = f"held to the limit they stated ({m(limit)})"
    if base_gap and base_gap[0] > base_gap[1] and "sign_on" not in fixed_parts:
        _sign_on_for_base(held, *base_gap, m)
    for target in held.targets:
        if target.label == "target":
            target.amount = asked.annualized()
    return held


def _sign_on_for_base(counter: Counter, wanted: int, kept: int, m) -> None:
    offered, asked = counter.offered, counter.asked
    before = asked.sign_on or 0
    asked.sign_on = before + wanted - kept
    reason = (
        f"the base cannot move, so a one-time sign-on of {m(wanted - kept)} covers the first year's base gap"
        f" ({m(wanted)} asked − {m(kept)})" + (f" on top of the {m(before)} already asked" if before else "")
    )
    for ask in counter.asks:
        if ask.key == "sign_on":
            ask.ask, ask.reason, ask.moved = m(asked.sign_on), reason, asked.sign_on != (offered.sign_on or 0)
            return
    counter.asks.append(Ask("sign_on", "Sign-on", m(offered.sign_on or 0), m(asked.sign_on), reason, True))


def _formatter(currency: str):
    return lambda value: money(value, currency)
