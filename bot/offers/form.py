"""The offer form: one field per part of the offer, read and checked before any arithmetic.

A form field holds one figure, so each is read as a whole amount with the guide reader's
own rules (`money.parse_amount`: `$168k`, `168,000`, `£75K`, `₹20L`, `1.2M`) rather than
picked out of free text. Every field that cannot be meant gets its own problem (a code and
the facts to say it with; the words live in `responses/offer_form_error.j2`), so the form
can show all of them at once next to their fields. Nothing here knows about Slack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from bot.guides.model import RegionBand
from bot.guides.money import MoneyError, MoneyRange, parse_amount
from bot.offers.model import Offer
from bot.offers.sanity import implausible

# The fields, in the order the form shows them (also the ids its inputs carry).
FIELDS = ("base", "equity", "years", "bonus", "sign_on")
KIND_WORDS = {"base": "base salary", "equity": "equity grant", "bonus": "bonus", "sign_on": "sign-on bonus"}
MAX_FIELD_CHARS = 40
MAX_VESTING_YEARS = 10
MAX_BONUS_PERCENT = Decimal(200)
NEGATIVE_RE = re.compile(r"^\s*(?:-|−|–|\()")
PERCENT_RE = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)?)\s?%\s*$")
YEARS_RE = re.compile(r"^\s*(?P<years>\d{1,3})\s*(?:years?|yrs?|y)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    """Why one field cannot be used: `code` names the case, the rest are facts for the words."""

    code: str  # required | not_number | negative | not_whole | currency | implausible | years | percent | region
    kind: str = ""  # base salary, equity grant... (for the words)
    figure: str = ""  # what the person typed (for the words; at most MAX_FIELD_CHARS)
    why: str = ""  # implausible: how far off
    currency: str = ""
    band_currency: str = ""
    band: str = ""


@dataclass
class FormResult:
    offer: Offer | None
    problems: dict[str, Problem] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems and self.offer is not None


def bands_for(region: RegionBand) -> dict[str, MoneyRange | None]:
    """The guide's band for each amount field (None where it publishes none)."""
    region = region.in_own_currency()
    stock = region.stock.value if region.stock else None
    bonus = region.bonus.amount if region.bonus.kind == "amount" else None
    return {"base": region.base, "equity": stock, "bonus": bonus, "sign_on": region.sign_on}


def read_offer_form(values: dict[str, str | None], region: RegionBand) -> FormResult:
    """The offer the form states, in the region's currency, or a problem per field."""
    text = {name: (values.get(name) or "").strip() for name in FIELDS}
    problems: dict[str, Problem] = {}
    bands = bands_for(region)
    currency = region.currency
    amounts: dict[str, int | None] = {}
    for name in ("base", "equity", "sign_on"):
        amounts[name], problem = _amount(name, text[name], currency, bands[name], required=name == "base")
        if problem:
            problems[name] = problem

    years: int | None = None
    if text["years"]:
        match = YEARS_RE.match(text["years"])
        if not match or not 1 <= int(match["years"]) <= MAX_VESTING_YEARS:
            problems["years"] = Problem("years", figure=_shown(text["years"]))
        else:
            years = int(match["years"])
    elif amounts.get("equity"):
        problems["years"] = Problem("required", kind="vesting years")

    bonus_percent: Decimal | None = None
    bonus_amount: int | None = None
    if text["bonus"]:
        percent = PERCENT_RE.match(text["bonus"])
        if percent:
            try:
                bonus_percent = Decimal(percent["number"])
            except InvalidOperation:
                bonus_percent = None
            if bonus_percent is None or not Decimal(0) < bonus_percent <= MAX_BONUS_PERCENT:
                problems["bonus"] = Problem("percent", figure=_shown(text["bonus"]))
                bonus_percent = None
        else:
            bonus_amount, problem = _amount("bonus", text["bonus"], currency, bands["bonus"], required=False)
            if problem:
                problems["bonus"] = problem

    if problems:
        return FormResult(None, problems)
    equity = amounts.get("equity") or None
    offer = Offer(
        currency=currency,
        base=amounts["base"],
        equity=equity,
        equity_years=years if equity else None,
        no_equity=equity is None,
        bonus_percent=bonus_percent,
        bonus_amount=bonus_amount or None,
        no_bonus=bonus_percent is None and not bonus_amount,
        sign_on=amounts.get("sign_on") or None,
    )
    return FormResult(offer)


def _shown(text: str) -> str:
    return text if len(text) <= MAX_FIELD_CHARS else text[: MAX_FIELD_CHARS - 1] + "…"


def _amount(
    name: str, text: str, currency: str, band: MoneyRange | None, required: bool
) -> tuple[int | None, Problem | None]:
    """One whole amount in the band's currency; empty is fine unless required (an empty or
    zero optional part means there is none)."""
    kind = KIND_WORDS[name]
    if not text:
        return None, Problem("required", kind=kind) if required else None
    figure = _shown(text)
    if NEGATIVE_RE.match(text):
        return None, Problem("negative", kind=kind, figure=figure)
    try:
        try:
            money = parse_amount(text)  # a currency the person wrote
        except MoneyError:
            money = parse_amount(text, currency)
    except MoneyError as error:
        code = "not_whole" if "whole amount" in str(error) else "not_number"
        return None, Problem(code, kind=kind, figure=figure)
    if money.currency != currency:
        return None, Problem("currency", kind=kind, figure=figure, currency=money.currency, band_currency=currency)
    if money.amount == 0 and not required:
        return None, None
    why = implausible(name, money.amount, currency, band)
    if why:
        return None, Problem("implausible", kind=kind, figure=figure, why=why, band=str(band) if band else "")
    return money.amount, None
