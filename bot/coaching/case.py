"""A coaching case: what one person has told the coach about their offer, and where they are.

Stored as JSON (see bot/store/cases.py); every field has a default so a case written by an
older version still loads, and unknown fields are dropped. The case changes only through the
operations in bot/coaching/operations.py, so every change can be named back to the person.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.offers.model import SIGN_ON_YEARS, Offer

# The coaching stages, in order: the offer arrives and is clarified, alternatives are named,
# targets set, the counter made, pushback handled, terms closed.
STAGES = ("intake", "offer", "leverage", "targets", "counter", "pushback", "close")
CASE_FORMAT = 2
# The parts of an offer a pushback can fix (and `Case.fixed` lists).
COMPONENTS = ("base", "equity", "bonus", "sign_on", "total")


class Package(BaseModel):
    """The parts of an offer other than the one under discussion: a rival's or the current job's.

    `total` is a total the person stated; `annualized()` uses it only when no part is known.
    Equity is the grant over `equity_years` (as in bot/offers/model.py)."""

    model_config = ConfigDict(extra="ignore")

    company: str | None = None
    currency: str | None = None
    total: int | None = None
    base: int | None = None
    equity: int | None = None
    equity_years: int | None = None
    bonus_amount: int | None = None
    bonus_percent: Decimal | None = None
    sign_on: int | None = None

    @property
    def base_only(self) -> bool:
        """Only a base was given (no other part, no total): `annualized()` is then the base
        alone, a floor for the year's pay, never to be called the package's total."""
        others = (self.equity, self.bonus_amount, self.bonus_percent, self.sign_on, self.total)
        return self.base is not None and all(v is None for v in others)

    @property
    def has_parts(self) -> bool:
        return any(v is not None for v in (self.base, self.equity, self.bonus_amount, self.bonus_percent, self.sign_on))

    def as_offer(self) -> Offer:
        return Offer(
            currency=self.currency,
            base=self.base,
            equity=self.equity,
            equity_years=self.equity_years,
            bonus_amount=self.bonus_amount,
            bonus_percent=self.bonus_percent,
            sign_on=self.sign_on,
        )

    def annualized(self) -> Fraction | None:
        """Base + grant ÷ years + bonus + sign-on ÷ 4 when the base is known (the same formula
        as Offer.annualized), else the total stated; None otherwise: a sign-on or a grant alone
        ("the google one includes a 50k signing bonus") is not a year's pay."""
        if self.base is not None:
            return self.as_offer().annualized()
        return Fraction(self.total) if self.total is not None else None


class Rival(Package):
    """A competing offer the person named (never one the coach made up)."""

    company: str


class CurrentJob(Package):
    """What the person's current job pays: an alternative, never an offer."""


class Note(BaseModel):
    """An item the person named that the coach keeps but does not compute with
    (relocation, equity refresh, 401k match, ...)."""

    model_config = ConfigDict(extra="ignore")

    item: str  # relocation | refresh | retirement_match | pto | other
    holder: str = "offer"  # offer | current | a rival's company name
    amount: int | None = None
    currency: str | None = None
    percent: Decimal | None = None
    words: str | None = None  # the item's own words, short, for "other"
    period: str | None = None  # "month" for "a 6k monthly draw"; None for a sum paid once or by the year

    def per(self) -> str:
        """ " a month", " an hour": how often the note's figure is paid, after it; nothing for once or a year."""
        return f" {'an' if self.period == 'hour' else 'a'} {self.period}" if self.period else ""


class SharesPending(BaseModel):
    """A grant stated as a count of shares or options: no money figure until the person
    gives the price or the value."""

    model_config = ConfigDict(extra="ignore")

    count: int
    years: int | None = None
    holder: str = "offer"
    strike: str | None = None  # an option's strike price as written (`$2.50`): what exercising costs, not its value


class FigureAsked(BaseModel):
    """A figure of the offer whose part nobody named ("they offered me 175 plus 90k RSUs"): kept
    while the coach asks which part it is, so a one-word answer (`base`) can place it."""

    model_config = ConfigDict(extra="ignore")

    value: int
    text: str
    currency: str | None = None


class Case(BaseModel):
    model_config = ConfigDict(extra="ignore", validate_assignment=False)

    format: int = CASE_FORMAT
    company_slug: str | None = None
    guide_key: str | None = None
    region: str | None = None
    company_text: str | None = None  # a company named that no guide covers
    # The words a guide's company was read from as a typo ("scale" read as PlanetScale's `pscale`): the
    # reply said so first, and `not PlanetScale` takes these words as a company no guide covers instead.
    company_read_as: str | None = None
    # The company whose guides cover no role the person named ("planetscale ... a backend engineer role"): the
    # offer goes on without a band (`company_text`), and a correction naming one of its roles places it.
    role_uncovered_at: str | None = None
    offer: Offer = Field(default_factory=Offer)
    first_offer: Offer | None = None  # the offer as first evaluated, for the gain at the close
    rivals: list[Rival] = Field(default_factory=list)
    no_alternatives: bool = False
    current: CurrentJob | None = None
    walk_away: int | None = None
    level: str | None = None
    # The level of the band `region` names, in a guide with a band per level and place (`IC3 · Seattle`);
    # None until a resolution or the person's level (`level`) says which (intake.region asks when unsure).
    region_level: str | None = None
    stage: str = "intake"
    pending: str | None = None  # the question the last reply asked
    skipped: list[str] = Field(default_factory=list)  # questions skipped (`skip`, `don't know`): not asked again
    fixed: list[str] = Field(default_factory=list)  # parts the company says cannot move (COMPONENTS)
    caps: dict[str, int] = Field(default_factory=dict)  # "best we can do is 180k base": part -> most offered
    notes: list[Note] = Field(default_factory=list)
    vesting_schedule: list[Decimal] | None = None  # percent vesting each year, e.g. [5, 15, 40, 40]
    cliff_months: int | None = None
    grant_type: Literal["rsu", "options"] | None = None
    shares: SharesPending | None = None
    # Equity stated as a yearly figure (`$30k a year in stock`) while neither the person nor the
    # guide has said over how many years the grant vests: kept here, and the years asked for;
    # the grant (yearly × years) goes into the offer once they are known.
    equity_yearly: int | None = None
    # `hq` named for a company whose guide marks no region as its headquarters: the location
    # question says so rather than picking a city.
    headquarters_unknown: bool = False
    # The offer's currency came from the band, not from the person (they wrote `85k`): it
    # follows the band when the location changes, and a figure in a named currency replaces it.
    currency_assumed: bool = False
    figure_asked: FigureAsked | None = None  # the figure "Is 175 the base salary, …?" asks about
    # A location named before any guide could place it ("A$170k + super in syd", then "location is syd" while
    # the company is still asked for): kept as typed, and placed in the band once the company's guide is known.
    place_said: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _older_formats(cls, data):
        """Format 1 kept only the current company's name."""
        if isinstance(data, dict) and data.get("current_company") and not data.get("current"):
            data = {**data, "current": {"company": data["current_company"]}}
        return data

    @classmethod
    def from_stored(cls, data: dict | None) -> Case:
        if not data:
            return cls()
        try:
            return cls.model_validate(data)
        except ValidationError:
            return cls()  # an unreadable case starts over rather than failing every turn

    def to_stored(self) -> dict:
        return self.model_dump(mode="json", exclude_none=True)

    @property
    def current_company(self) -> str | None:
        return self.current.company if self.current else None

    @property
    def is_empty(self) -> bool:
        return self == Case()

    @property
    def evaluated(self) -> bool:
        return self.first_offer is not None

    def rival(self, company: str) -> Rival | None:
        return next((r for r in self.rivals if r.company.lower() == company.lower()), None)

    def is_fixed(self, component: str) -> bool:
        return component in self.fixed or "total" in self.fixed

    def at_least(self, stage: str) -> bool:
        return STAGES.index(self.stage) >= STAGES.index(stage)


__all__ = ["COMPONENTS", "SIGN_ON_YEARS", "Case", "CurrentJob", "Note", "Package", "Rival", "SharesPending"]
