"""Figures that cannot be what the person meant (5 dollars of base, 99 billion of stock).

Such a figure gets a question back instead of a computation. Where the guide publishes a
band, "cannot be meant" is a tenth of its bottom or ten times its top; without a band,
fixed floors and a ceiling, scaled for currencies whose units are small (yen, won, rupees).
"""

from __future__ import annotations

from fractions import Fraction

from bot.guides.money import MoneyRange

# Rough size of a currency's unit against the dollar, to the nearest order that matters here.
UNIT_SCALE = {
    "JPY": 100,
    "KRW": 1000,
    "INR": 50,
    "CNY": 5,
    "HKD": 5,
    "SEK": 10,
    "NOK": 10,
    "DKK": 5,
    "TWD": 30,
    "CZK": 20,
    "ZAR": 15,
    "MXN": 15,
    "BRL": 5,
    "ILS": 3,
    "AED": 3,
    "PLN": 3,
}
FLOORS = {"base": 1_000, "equity": 100, "bonus": 100, "sign_on": 100, "total": 1_000}
CEILING = 50_000_000
BAND_FACTOR = 10


def implausible(kind: str, amount: int, currency: str | None, band: MoneyRange | None = None) -> str | None:
    """Why the figure cannot be meant ('far below the band'), or None when it can be."""
    if amount <= 0:
        return "is no pay at all"
    if band is not None and (currency is None or currency == band.currency):
        if Fraction(amount) < Fraction(band.low.amount, BAND_FACTOR):
            return "is far below anything the guide publishes"
        if amount > band.high.amount * BAND_FACTOR:
            return "is far above anything the guide publishes"
        return None
    scale = UNIT_SCALE.get(currency or "USD", 1)
    if amount < FLOORS.get(kind, 100) * scale:
        return "is too small to be a year's pay"
    if amount > CEILING * scale:
        return "is larger than any pay package"
    return None
