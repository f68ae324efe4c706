"""An offer against the guide's band: where each part sits, and the totals with their formulas.

Every figure is exact (Fractions, written with the guide-style formatter, which never
rounds), and every total carries the formula that produced it, so a person can check it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from fractions import Fraction

from bot.guides.model import Guide, RegionBand
from bot.guides.money import format_amount
from bot.offers.model import SIGN_ON_YEARS, Offer

# Private-company equity cannot be sold until a liquidity event; the coach values it at
# half its paper value beside the paper value, and says so in the reply.
PRIVATE_EQUITY_DISCOUNT = Fraction(1, 2)

POSITION_WORDS = {
    "below": "below the band",
    "lower": "lower third of the band",
    "middle": "middle third of the band",
    "upper": "upper third of the band",
    "above": "above the band",
}
GAUGE_WIDTH = 10


def band_position(value: Fraction | int, low: int | Fraction, high: int | Fraction) -> str:
    """below | lower | middle | upper | above: thirds of the published range."""
    value, low, high = Fraction(value), Fraction(low), Fraction(high)
    if value < low:
        return "below"
    if value > high:
        return "above"
    if high == low:
        return "upper"
    share = (value - low) / (high - low)
    if share < Fraction(1, 3):
        return "lower"
    if share < Fraction(2, 3):
        return "middle"
    return "upper"


def gauge(value: Fraction | int, low: int | Fraction, high: int | Fraction, width: int = GAUGE_WIDTH) -> str:
    """A one-line picture of the band, `|───●──────|`; the dot sits outside the bars when
    the value is outside the band."""
    value, low, high = Fraction(value), Fraction(low), Fraction(high)
    if value < low:
        return "●|" + "─" * width + "|"
    if value > high:
        return "|" + "─" * width + "|●"
    slot = width - 1 if high == low else min(width - 1, int((value - low) / (high - low) * width))
    return "|" + "─" * slot + "●" + "─" * (width - 1 - slot) + "|"


def money(value: int | Fraction, currency: str) -> str:
    return format_amount(Fraction(value), currency)


@dataclass
class Placed:
    """One component of the offer placed in its band."""

    key: str  # base | equity | bonus | sign_on | total
    label: str
    offered: str  # the figure as written
    band: str | None  # the band as written, or None when the guide publishes none
    position: str | None = None
    gauge: str | None = None
    note: str = ""

    @property
    def position_words(self) -> str:
        return POSITION_WORDS[self.position] if self.position else ""


@dataclass
class Evaluation:
    offer: Offer
    currency: str
    placed: list[Placed]
    annualized: Fraction
    year_one: Fraction
    annualized_formula: str
    year_one_formula: str
    total: Placed | None
    private: bool = False
    discount: Fraction = PRIVATE_EQUITY_DISCOUNT
    risk_adjusted_equity: Fraction | None = None  # a year's equity after the discount
    risk_adjusted_annualized: Fraction | None = None
    notes: list[str] = field(default_factory=list)

    def figure(self, value: int | Fraction) -> str:
        return money(value, self.currency)


def formulas(offer: Offer, currency: str) -> tuple[str, str]:
    """The two totals written out with the person's own figures."""

    def m(value: int | Fraction) -> str:
        return money(value, currency)

    years = offer.equity_years or 1
    if offer.equity:
        equity = f"{m(offer.equity)} ÷ {years}" + (" (years assumed)" if offer.equity_years_assumed else "")
    else:  # a grant not given yet is left out and said to be, never shown as a $0 the person did not say
        equity = m(0) if offer.no_equity or offer.equity is not None else "(not given yet, left out)"
    bonus = m(offer.target_bonus())
    if offer.bonus_percent is not None and offer.base is not None:
        bonus = f"{_percent(offer.bonus_percent)}% × {m(offer.base)}"
    sign_on = m(offer.sign_on or 0)
    parts = f"base {m(offer.base or 0)} + equity {equity} + bonus {bonus} + sign-on {sign_on}"
    annual = f"{parts} ÷ {SIGN_ON_YEARS} = {m(offer.annualized())}"
    first = f"{parts} = {m(offer.year_one())}"
    return annual, first


def _percent(value) -> str:
    return format(value.normalize(), "f") if hasattr(value, "normalize") else str(value)


def evaluate(offer: Offer, guide: Guide | None, region: RegionBand | None) -> Evaluation:
    """Place each part of the offer in the region's band and total it up."""
    region = region.in_own_currency() if region else None
    currency = offer.currency or (region.currency if region else "USD")
    annual_formula, first_formula = formulas(offer, currency)
    placed: list[Placed] = []
    if offer.base is not None:
        band = region.base if region else None
        placed.append(_place("base", "Base salary", offer.base, band and (band.low.amount, band.high.amount), currency))
    if offer.equity:
        placed.append(_place_equity(offer, region, currency))
    bonus = _place_bonus(offer, region, currency)
    if bonus:
        placed.append(bonus)
    if offer.sign_on:
        band = region.sign_on if region else None
        placed.append(
            _place("sign_on", "Sign-on", offer.sign_on, band and (band.low.amount, band.high.amount), currency)
        )
    total = None
    grant_known = offer.equity or offer.no_equity or not (region and region.stock and region.stock.value)
    if region and region.total and grant_known:  # without the grant, a total is not placed in a total band
        total = _place(
            "total",
            "Annualized total",
            offer.annualized(),
            (region.total.low.amount, region.total.high.amount),
            currency,
        )
    if guide is None:  # a company no guide covers: no band was ever there to publish
        placed = [replace(p, note=NO_GUIDE) if p.band is None and p.note == NO_BAND else p for p in placed]
    evaluation = Evaluation(
        offer=offer,
        currency=currency,
        placed=placed,
        annualized=offer.annualized(),
        year_one=offer.year_one(),
        annualized_formula=annual_formula,
        year_one_formula=first_formula,
        total=total,
    )
    dna = guide.company.dna if guide else None
    if dna and dna.ownership == "private" and offer.equity:
        evaluation.private = True
        per_year = offer.equity_per_year()
        evaluation.risk_adjusted_equity = per_year * (1 - PRIVATE_EQUITY_DISCOUNT)
        evaluation.risk_adjusted_annualized = offer.annualized() - per_year * PRIVATE_EQUITY_DISCOUNT
    return evaluation


NO_BAND = "the guide publishes no band for this"
NO_GUIDE = "no guide of mine covers this company and role, so no band to place it in"


def _place(key: str, label: str, value, band: tuple | None, currency: str, note: str = "") -> Placed:
    if not band:
        return Placed(key, label, money(value, currency), None, note=note or NO_BAND)
    low, high = band
    return Placed(
        key,
        label,
        money(value, currency),
        f"{money(low, currency)}–{money(high, currency)}" if low != high else money(low, currency),
        band_position(value, low, high),
        gauge(value, low, high),
        note,
    )


def _place_equity(offer: Offer, region: RegionBand | None, currency: str) -> Placed:
    """The grant in the equity band. A guide that states no vesting period for its band
    (`Stock (RSU)`, no `/4yr`) is read as grants over the same years as the offer, as the
    counter reads it (bot/offers/counter.py), and the reply says so: never as one year."""
    years = offer.equity_years or 1
    label = f"Equity ({years}-year grant{', years assumed' if offer.equity_years_assumed else ''})"
    stock = region.stock if region else None
    if not stock or not stock.value:
        return _place("equity", label, offer.equity, None, currency)
    low, high = stock.value.low.amount, stock.value.high.amount
    if stock.vesting_years is None:
        note = f"the guide states no vesting period for this band: compared as a grant over your {years} years"
        return _place("equity", label, offer.equity, (low, high), currency, note=note)
    band_years = stock.vesting_years
    if band_years == years:
        return _place("equity", label, offer.equity, (low, high), currency)
    # Different vesting: compare a year of each, and say so.
    return _place(
        "equity",
        f"Equity per year ({years}-year grant)",
        offer.equity_per_year(),
        (Fraction(low, band_years), Fraction(high, band_years)),
        currency,
        note=f"compared a year at a time: your grant vests over {years} years, the guide's over {band_years}",
    )


def _place_bonus(offer: Offer, region: RegionBand | None, currency: str) -> Placed | None:
    guide_bonus = region.bonus if region else None
    if offer.bonus_percent is not None:
        offered = f"{_percent(offer.bonus_percent)}% of base"
        if guide_bonus and guide_bonus.kind == "percent" and guide_bonus.percent:
            low, high = guide_bonus.percent.low, guide_bonus.percent.high
            return Placed(
                "bonus",
                "Target bonus",
                offered,
                str(guide_bonus.percent),
                band_position(Fraction(offer.bonus_percent), Fraction(low), Fraction(high)),
                gauge(Fraction(offer.bonus_percent), Fraction(low), Fraction(high)),
            )
        return Placed("bonus", "Target bonus", offered, None, note=_bonus_note(guide_bonus))
    if offer.bonus_amount:
        if guide_bonus and guide_bonus.kind == "amount" and guide_bonus.amount:
            band = (guide_bonus.amount.low.amount, guide_bonus.amount.high.amount)
            return _place("bonus", "Target bonus", offer.bonus_amount, band, currency)
        return Placed("bonus", "Target bonus", money(offer.bonus_amount, currency), None, note=_bonus_note(guide_bonus))
    return None


def _bonus_note(guide_bonus) -> str:
    if guide_bonus is None or (guide_bonus.kind == "none" and not guide_bonus.published):
        return "the guide publishes no bonus figure for this role"
    if guide_bonus.kind == "none":
        return "the guide lists no bonus for this role"
    return "the guide states this bonus another way, so it is not placed"
