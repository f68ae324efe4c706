"""The guide model: every part of a negotiation guide, typed, nothing dropped.

Strict pydantic v2 models. Figures are whole amounts with a currency (see `money`).
Wherever the reader parses something out of prose (the Negotiation DNA line, the
negotiate-up quote) the raw text is kept beside the parsed parts, so a reply can
always quote the guide as written.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from bot.guides.money import AMOUNT_RE, Money, MoneyError, MoneyRange, parse_amount


class Model(BaseModel):
    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")


class PercentRange(Model):
    """A percentage range such as +10–20% or 10–15% (values in percent)."""

    low: Decimal
    high: Decimal

    @model_validator(mode="after")
    def _ordered(self) -> PercentRange:
        if self.low > self.high:
            raise ValueError(f"low {self.low}% exceeds high {self.high}%")
        return self

    def __str__(self) -> str:
        low, high = _percent(self.low), _percent(self.high)
        return f"{low}%" if low == high else f"{low}–{high}%"


def _percent(value: Decimal) -> str:
    return format(value.normalize(), "f")


class NegotiationDNA(Model):
    """The company's one-line profile: `Private ($1.2B Valuation) | Serverless MySQL ... |
    **+10–20% AI PREMIUM** | Higher Risk/Reward`, raw and parsed where it can be."""

    raw: str
    parts: list[str] = Field(default_factory=list)
    ownership: Literal["public", "private"] | None = None
    valuation: Money | None = None
    valuation_text: str | None = None
    product: str | None = None
    premium: PercentRange | None = None
    premium_label: str | None = None
    risk: str | None = None


class Company(Model):
    name: str
    slug: str
    aliases: list[str] = Field(default_factory=list)
    dna: NegotiationDNA | None = None


class Role(Model):
    title: str
    slug: str
    level: str | None = None
    aliases: list[str] = Field(default_factory=list)


class StockGrant(Model):
    """The equity column: its kind as the guide names it (RSU, Options, Equity, ...),
    the vesting years from the column header, and the grant value over those years.
    `shares` holds a grant counted in shares (options), which is not money."""

    kind: str
    vesting_years: int | None = None
    value: MoneyRange | None = None
    shares: tuple[int, int] | None = None
    note: str | None = None
    per_year: bool = False  # the cell gives a yearly figure (`$25K–$55K/yr`), not a grant; vesting_years is 1


class Bonus(Model):
    """A target bonus: a percentage of base, an amount, none (`—`), or words that are no
    figure (`Discretionary`), kept as `raw` and never computed with."""

    kind: Literal["none", "percent", "amount", "text"]
    percent: PercentRange | None = None
    amount: MoneyRange | None = None
    raw: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> Bonus:
        if self.kind == "percent" and self.percent is None:
            raise ValueError("a percent bonus needs its percentage")
        if self.kind == "amount" and self.amount is None:
            raise ValueError("an amount bonus needs its amount")
        return self

    @property
    def published(self) -> bool:
        """False when the guide's table has no bonus column at all."""
        return bool(self.raw)


# A table with no bonus column says nothing about a bonus: shown as "not published", never
# as "none" (that would be a fact the guide did not state).
UNPUBLISHED_BONUS = Bonus(kind="none", raw="")


class LevelBand(Model):
    """One level's figures in a region, for guides that publish a row per level; `raw`
    holds a cell that is no figure, kept as written (then `total` is None)."""

    level: str
    total: MoneyRange | None = None
    raw: str | None = None


class ExtraFigure(Model):
    """A column or row the model has no slot for (sign-on, relocation): kept as written."""

    name: str
    raw: str
    value: MoneyRange | None = None


class Cell(Model):
    """A band cell that says more than a plain range, or something other than one, as
    the guide wrote it (`raw`). `figure` is the amount read from it, None when the cell is
    words only or cannot be read exactly: then it is shown as written and not computed with.
    `conversion` is a second currency written beside the figure (`€140K / $153K`);
    `per` is "month" for a monthly figure (`SEK 64K–80K/mo`), "year" for `/yr`; `years`
    a grant's vesting years written in the cell (`/4yr`); `open_top` a `+` after the top;
    `words` what follows the amount (`sign-on`, `PD RSUs`, `equivalent`)."""

    kind: str  # the column's kind: base, stock, bonus, total, total_year1, sign_on
    column: str
    raw: str
    figure: MoneyRange | None = None
    conversion: MoneyRange | None = None
    per: Literal["year", "month"] | None = None
    years: int | None = None
    open_top: bool = False
    words: str | None = None
    problem: str | None = None  # why no figure was read, for `guides check`
    spread: str | None = None  # the figure is the midpoint written ± this percent (`1 250 000 Kč ± 10 %`)
    # "thousands": the cell's bare numbers read in the scale the guide states for its table; a unit its column header
    # gives (`₩ million` under `Base (₩ million)`, markdown/units.py) likewise
    scale: str | None = None

    @property
    def as_text(self) -> bool:
        return self.figure is None

    def yearly(self) -> tuple[Fraction, Fraction] | None:
        """A monthly figure × 12 (the reply states the formula)."""
        if self.figure is None or self.per != "month":
            return None
        return Fraction(self.figure.low.amount * 12), Fraction(self.figure.high.amount * 12)


class RegionBand(Model):
    """One region's band. `level` is set when the table has a row per level and region
    (`| Level | Region | Base Salary | ... |`): then one band per level and region, each
    with its full components. `levels` holds level totals per region instead, for tables
    with a column per region (`| Level | Sunnyvale (USD) | London (GBP) |`)."""

    name: str
    level: str | None = None
    aliases: list[str] = Field(default_factory=list)
    currency: str
    base: MoneyRange | None = None
    stock: StockGrant | None = None
    bonus: Bonus = UNPUBLISHED_BONUS
    total: MoneyRange | None = None
    total_year1: MoneyRange | None = None  # a `Total Comp (Yr 1)` column: year one, sign-on and all
    sign_on: MoneyRange | None = None
    levels: list[LevelBand] = Field(default_factory=list)
    extras: list[ExtraFigure] = Field(default_factory=list)
    cells: list[Cell] = Field(default_factory=list)
    # Where the guide's own figures disagree (a median outside its range, a row in another currency than the
    # guide says): said beside the band, both figures kept as written, never fixed
    flags: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_figures(self) -> RegionBand:
        # Each figure keeps its own currency: a cell in another currency than the region's
        # is shown in that currency and never added to the others (see `computed_total`).
        if not (
            self.base
            or self.total
            or self.total_year1
            or self.levels
            or (self.stock and (self.stock.value or self.stock.shares))
            or self.cells
        ):
            raise ValueError("the region has no figures")
        return self

    def in_own_currency(self) -> RegionBand:
        """This band with only the figures in the region's own currency: what an offer is
        compared with. A cell in another currency is shown as written, never compared."""
        update: dict = {}
        for key in ("base", "total", "total_year1", "sign_on"):
            value = getattr(self, key)
            if value is not None and value.currency != self.currency:
                update[key] = None
        if self.stock and self.stock.value and self.stock.value.currency != self.currency:
            update["stock"] = self.stock.model_copy(update={"value": None})
        if self.bonus.amount and self.bonus.amount.currency != self.currency:
            update["bonus"] = Bonus(kind="text", raw=self.bonus.raw)
        return self.model_copy(update=update) if update else self

    def cell(self, kind: str) -> Cell | None:
        """The cell of that kind that says more than a plain range (see `Cell`), if any."""
        return next((cell for cell in self.cells if cell.kind == kind), None)

    def computed_total(self) -> tuple[Fraction, Fraction] | None:
        """base + stock / vesting years + bonus, low and high, when the parts allow it:
        every part a figure in the base's currency, none kept as text or open-topped, and the
        grant's vesting years stated (never taken as one year)."""
        parts = [cell for cell in self.cells if cell.kind in ("base", "stock", "bonus")]
        monthly_or_text = any(c.as_text or c.open_top or c.per == "month" for c in parts)  # a yearly cell adds up
        if self.base is None or self.bonus.kind == "text" or monthly_or_text:
            return None
        if self.stock and self.stock.shares:
            return None  # a grant counted in shares has no money value to add
        if self.stock and self.stock.value and not self.stock.vesting_years and not self.stock.per_year:
            return None  # a grant over years the guide does not state: a year of it is not known
        currency = self.base.currency
        amounts = [self.stock.value if self.stock else None, self.bonus.amount]
        if any(amount is not None and amount.currency != currency for amount in amounts):
            return None
        low, high = Fraction(self.base.low.amount), Fraction(self.base.high.amount)
        if self.stock and self.stock.value:
            years = self.stock.vesting_years
            low += Fraction(self.stock.value.low.amount, years)
            high += Fraction(self.stock.value.high.amount, years)
        if self.bonus.kind == "percent" and self.bonus.percent:
            low += Fraction(self.base.low.amount) * Fraction(self.bonus.percent.low) / 100
            high += Fraction(self.base.high.amount) * Fraction(self.bonus.percent.high) / 100
        elif self.bonus.kind == "amount" and self.bonus.amount:
            low += self.bonus.amount.low.amount
            high += self.bonus.amount.high.amount
        return low, high

    def cash_differs(self) -> tuple[tuple[Fraction, Fraction], str] | None:
        """Base + bonus a year, and how it was made, when a published cash total (a `Total cash` or `Cash comp`
        column beside the band) is not that: the base is the yearly band, or twelve times a monthly one where the
        guide gives only that; the bonus its amount, or its percent of base. None when they agree or cannot be
        compared (no such column, a bonus not published, another currency)."""
        cash = self.cash_total()
        monthly = next((c for c in self.cells if c.kind == "base" and c.per == "month" and c.figure), None)
        if cash is None:
            return None
        if self.base is not None:
            low, high, words = Fraction(self.base.low.amount), Fraction(self.base.high.amount), "base"
        elif monthly is not None:
            low, high = Fraction(monthly.figure.low.amount) * 12, Fraction(monthly.figure.high.amount) * 12
            words = "monthly base × 12"
        else:
            return None
        currency = self.base.currency if self.base else monthly.figure.currency
        if cash.currency != currency:
            return None
        if self.bonus.kind == "amount" and self.bonus.amount and self.bonus.amount.currency == currency:
            low, high = low + self.bonus.amount.low.amount, high + self.bonus.amount.high.amount
        elif self.bonus.kind == "percent" and self.bonus.percent:
            low = low * (1 + Fraction(self.bonus.percent.low) / 100)
            high = high * (1 + Fraction(self.bonus.percent.high) / 100)
        elif self.bonus.kind != "none" or not self.bonus.published:
            return None
        made = (low, high)
        return None if made == (cash.low.amount, cash.high.amount) else (made, f"{words} + bonus")

    def cash_total(self) -> MoneyRange | None:
        """A published total of cash alone, kept beside the band (a `Total cash` or `Cash comp` column)."""
        return next((x.value for x in self.extras if x.value and CASH_TOTAL_NAME_RE.search(x.name)), None)

    def ote(self) -> MoneyRange | None:
        """A salesperson's on-target earnings, kept beside the band (an `OTE` column)."""
        return next((x.value for x in self.extras if x.value and OTE_NAME_RE.match(x.name)), None)

    def ote_differs(self) -> tuple[Fraction, Fraction] | None:
        """Base + variable at target, when the published OTE is not that: the variable is the bonus column's
        amount or a `Variable` / `Commission` column kept beside the band. None when they agree or cannot be
        compared (a percent, another currency, a part missing)."""
        ote, base = self.ote(), self.base
        if ote is None or base is None or ote.currency != base.currency:
            return None
        variable = self.bonus.amount if self.bonus.kind == "amount" else None
        if variable is None:
            variable = next((x.value for x in self.extras if x.value and VARIABLE_NAME_RE.match(x.name)), None)
        if variable is None or variable.currency != base.currency:
            return None
        computed = (Fraction(base.low.amount + variable.low.amount), Fraction(base.high.amount + variable.high.amount))
        return None if computed == (ote.low.amount, ote.high.amount) else computed

    def added_pay(self) -> tuple[Fraction, Fraction, list[str]] | None:
        """The pay an hourly role earns beside its ordinary hours, kept beside the band (`Overtime estimate`,
        `Shift premium estimate`, an allowance), summed low and high with their names, when each is a figure in the
        base's currency: a total the guide says includes them is checked with them. None when there is none."""
        added = [x for x in self.extras if x.value and ADDED_PAY_NAME_RE.search(x.name)]
        if not added or self.base is None or any(x.value.currency != self.base.currency for x in added):
            return None
        low = sum((Fraction(x.value.low.amount) for x in added), Fraction(0))
        high = sum((Fraction(x.value.high.amount) for x in added), Fraction(0))
        return low, high, [x.name for x in added]

    def year_one_cash(self) -> ExtraFigure | None:
        """A published year-one cash package kept beside the band (`Year-one cash package`, `First-year cash`)."""
        return next((x for x in self.extras if x.value and YEAR_ONE_CASH_NAME_RE.search(x.name)), None)

    def year_one_cash_differs(self) -> tuple[tuple[Fraction, Fraction], str] | None:
        """Base + the year's bonus + the other bonuses kept beside the band (a guaranteed first-year bonus, a
        retention bonus paid at twelve months), and the parts' names, when the published year-one cash package is
        not that: a package of cash is its cash parts, never the equity. None when they agree or cannot be compared
        (a bonus in percent or words, a part in another currency)."""
        package, base = self.year_one_cash(), self.base
        if package is None or base is None or package.value.currency != base.currency:
            return None
        amounts, names = [base], ["base"]
        if self.bonus.kind == "amount" and self.bonus.amount:
            amounts.append(self.bonus.amount)
            names.append("bonus")
        elif self.bonus.kind != "none" and self.bonus.published:
            return None
        if self.sign_on:
            amounts.append(self.sign_on)
            names.append("sign-on")
        beside = [x for x in self.extras if x.value and x is not package and BONUS_NAME_RE.search(x.name)]
        amounts += [x.value for x in beside]
        names += [x.name for x in beside]
        if any(amount.currency != base.currency for amount in amounts):
            return None
        made = (sum((Fraction(a.low.amount) for a in amounts), Fraction(0)),
                sum((Fraction(a.high.amount) for a in amounts), Fraction(0)))  # fmt: skip
        published = (package.value.low.amount, package.value.high.amount)
        return None if made == published else (made, " + ".join(names))

    def year_one_differs(self) -> tuple[Fraction, Fraction] | None:
        """The parts' year one (`computed_total` + the whole sign-on), when the published year-one total
        (`TC (Y1)`) is neither that nor the parts without the sign-on (a year-one column some guides fill
        without it). Only where every part is on hand: a sign-on in the base's currency, and no other figure
        beside the band (`Stock/Bonus`) that the year might include. None when they agree or cannot be compared."""
        published, base, sign_on = self.total_year1, self.base, self.sign_on
        computed = self.computed_total()
        cell = self.cell("total_year1")
        if published is None or computed is None or base is None or sign_on is None or (cell and cell.open_top):
            return None
        if published.currency != base.currency or sign_on.currency != base.currency:
            return None
        if any(extra.value is not None for extra in self.extras):
            return None
        with_sign_on = (computed[0] + sign_on.low.amount, computed[1] + sign_on.high.amount)
        if (published.low.amount, published.high.amount) in (computed, with_sign_on):
            return None
        return with_sign_on


# A total that names its parts in brackets, only pay and bonus (`年収（基本給＋賞与）`, `Total (base + bonus)`): cash
# alone
CASH_PARTS_RE = re.compile(
    r"\(\s*(?:基本給|月給|base|salary|salaire|gehalt|sueldo|sal[áa]rio)\s*[+＋]\s*(?:賞与|ボーナス|bonus|variable|prime|plr|bono)"
    r"\s*\)",
    re.I,
)
CASH_TOTAL_NAME_RE = re.compile(
    rf"\btotal\s+cash\b|\bcash\s+(?:comp(?:ensation)?|total)\b|\bcash\s+a\s+year\b|{CASH_PARTS_RE.pattern}", re.I
)
OTE_NAME_RE = re.compile(r"^(?:ote|on[- ]target\s+earnings)\b", re.I)
VARIABLE_NAME_RE = re.compile(r"^(?:variable|commission)\b", re.I)
# A package of the first year's cash, kept beside the band: `Year-one cash package`, `First-year cash`, `Year 1 cash`
YEAR_ONE_CASH_NAME_RE = re.compile(r"\b(?:year[- ](?:one|1)|first[- ]year|yr[- ]?1)\b.*\b(?:cash|package)\b", re.I)
BONUS_NAME_RE = re.compile(r"\bbonus(?:es)?\b", re.I)
# Pay beside an hourly role's ordinary hours: overtime, a shift or penalty premium, an allowance
ADDED_PAY_NAME_RE = re.compile(r"\b(?:overtime|shift\s+premium|penalty\s+rates?|allowances?)\b", re.I)


class Lever(Model):
    title: str
    script: str


class NegotiateUp(Model):
    """The guide's negotiate-up strategy: the quote as written, with its figures parsed."""

    quote: str
    commentary: str = ""
    target_total: Money | None = None
    target_equity: Money | None = None
    target_equity_years: int | None = None
    target_base: Money | None = None
    counter_range: MoneyRange | None = None
    counter_component: str | None = None
    # The quote's label as written (`Counter Script — Staff MLE (L6), London`): the level and place it is for, if
    # named; what the checks read, not part of the guide's data (left out of its JSON, as the shipped data files are)
    label: str = Field(default="", exclude=True)
    # The one band its label names (`Negotiate Up Strategy (Bengaluru)` -> `Bengaluru HQ`; with its level where the
    # guide has levels), kept so a reply under another band can say whose targets these are
    written_for: str | None = None

    def foreign_to(self, currency: str) -> list[str]:
        """The currencies of this plan's figures other than `currency`, sorted: a plan written for
        one region's currency is never a target in another's (nothing is converted)."""
        figures = (self.target_total, self.target_equity, self.target_base, self.counter_range)
        return sorted({figure.currency for figure in figures if figure is not None} - {currency})

    def written_in_other_than(self, currency: str) -> list[str]:
        """`foreign_to`, and the currencies the quote writes its own amounts in where none was read as a target
        (`2,110万円`, `AED 52,500/month base`): a script in another currency is said to be so under any band."""
        written = set(self.foreign_to(currency))
        for found in AMOUNT_RE.finditer(self.quote):
            start = found.start("prefix") if found["prefix"] else found.start("number")
            if start and self.quote[start - 1].isalnum():
                continue  # `IR35`: a word's letters, no currency
            try:
                named = parse_amount(found[0], currency or None).currency
            except (MoneyError, ValueError):  # no currency, or one nobody knows: no amount of another currency
                continue
            if found["prefix"] or found["code"]:
                written.add(named)
        return sorted(written - {currency})

    def written_elsewhere(self, region: RegionBand) -> bool:
        """Whether the label names another band than `region` (the script's targets are that band's)."""
        shown = f"{region.level} {region.name}" if region.level else region.name
        return self.written_for is not None and self.written_for != shown


class Source(Model):
    text: str
    url: str | None = None


class GuideText(Model):
    """A section of the guide no reader above takes apart (an email, a call's words, answers to
    pushback, notes), kept as the guide wrote it: shown as text, never computed with."""

    title: str
    kind: Literal["email", "phone", "pushback", "script", "notes"]
    text: str
    line: int | None = None

    @property
    def is_script(self) -> bool:
        return self.kind != "notes"


class Guide(Model):
    company: Company
    role: Role
    regions: list[RegionBand]
    narrative: list[str] = Field(default_factory=list)
    level_mapping: list[str] = Field(default_factory=list)
    level_mapping_raw: str | None = None
    levers: list[Lever] = Field(default_factory=list)
    negotiate_up: NegotiateUp | None = None
    sources: list[Source] = Field(default_factory=list)
    kept: list[GuideText] = Field(default_factory=list)
    source_file: str | None = None

    @model_validator(mode="after")
    def _has_regions(self) -> Guide:
        if not self.regions:
            raise ValueError("the guide has no regions with figures")
        names = [((region.level or "").lower(), region.name.lower()) for region in self.regions]
        if len(set(names)) != len(names):
            raise ValueError("a region appears twice" + (" for one level" if any(level for level, _ in names) else ""))
        return self

    @property
    def key(self) -> str:
        return f"{self.company.slug}/{self.role.slug}"

    @property
    def scripts(self) -> list[GuideText]:
        """The guide's own words to say or write (email, call, pushback answers), as written."""
        return [text for text in self.kept if text.is_script]

    @property
    def premium_percent(self) -> Decimal | None:
        dna = self.company.dna
        return dna.premium.high if dna and dna.premium else None
