"""An offer as the person stated it: whole amounts in one currency, None where unknown."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from pydantic import BaseModel, ConfigDict

# Levels.fyi spreads a sign-on bonus over four years when it annualizes an offer.
SIGN_ON_YEARS = 4
# The most common vesting period. Never taken silently: the coach asks for the grant's years
# when neither the person nor the guide states them, and uses this only once the person skips
# that question, marked `equity_years_assumed` so every reply showing it says "assumed".
DEFAULT_VESTING_YEARS = 4


class Offer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    currency: str | None = None
    base: int | None = None
    equity: int | None = None  # the grant's value over `equity_years`
    equity_years: int | None = None
    equity_years_assumed: bool = False  # the years are DEFAULT_VESTING_YEARS, not stated by anyone
    bonus_percent: Decimal | None = None  # target bonus, % of base
    bonus_amount: int | None = None
    sign_on: int | None = None
    no_equity: bool = False
    no_bonus: bool = False

    def equity_per_year(self) -> Fraction:
        if not self.equity:
            return Fraction(0)
        return Fraction(self.equity, self.equity_years or 1)

    def target_bonus(self) -> Fraction:
        if self.bonus_percent is not None and self.base is not None:
            return Fraction(self.base) * Fraction(self.bonus_percent) / 100
        return Fraction(self.bonus_amount or 0)

    def annualized(self) -> Fraction:
        """Levels.fyi's offer total: base + grant ÷ vesting years + target bonus + sign-on ÷ 4."""
        return (
            Fraction(self.base or 0)
            + self.equity_per_year()
            + self.target_bonus()
            + Fraction(self.sign_on or 0, SIGN_ON_YEARS)
        )

    def year_one(self) -> Fraction:
        """What the first year pays: the same, with the whole sign-on bonus."""
        return Fraction(self.base or 0) + self.equity_per_year() + self.target_bonus() + (self.sign_on or 0)
