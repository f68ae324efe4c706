"""The shape of an understood message: an intent, and entities that each carry their role."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# Who an amount belongs to: the offer under discussion, the current job, or a rival
# (`rival:<name>`, or `rival:?` for "the other one", which the dialogue state resolves).
OFFER, CURRENT, ANY_RIVAL = "offer", "current", "rival:?"
# The parts of pay an amount can be; "note" parts are kept but not computed with.
COMPONENTS = ("base", "equity", "bonus", "sign_on", "total")
NOTE_ITEMS = ("relocation", "refresh", "retirement_match", "stipend", "other_pay")
# Notes the labelled set's notation has no part for (a draw, shift differentials, overtime): kept for the coach, in
# the amount's `words`, never labelled.
UNLABELLED_ITEMS = frozenset({"other_pay"})


def rival(name: str) -> str:
    return f"rival:{name.strip().lower()}"


@dataclass(frozen=True)
class Amount:
    """One figure with its role: `$90k in RSUs over 4 years` -> holder offer, equity, 90000,
    money, grant over 4 years."""

    holder: str
    component: str | None  # COMPONENTS, a NOTE_ITEMS item, or None when no word says
    value: int | Decimal
    unit: str = "money"  # money | shares | percent
    period: str | None = None  # grant | year | month | quarter | hour | None (as the component is usually stated)
    currency: str | None = None
    years: int | None = None  # a grant's vesting years, when the same clause says
    text: str = ""  # the figure as written, for questions back ("Is 175 the base?")
    change: str | None = None  # "up" / "down": a change to the part ("bumped equity by 20k"), not its figure
    words: str = ""  # what an `other_pay` figure is called, as written ("monthly draw")

    def label(self) -> str:
        """`anthropic:base=320000`, `equity=10000sh`, `bonus=15%`, `base=15000/month`: the
        labelled set's notation (tests/understanding)."""
        holder = "" if self.holder == OFFER else f"{self.holder.removeprefix('rival:').replace(' ', '_')}:"
        unit = {"shares": "sh", "percent": "%"}.get(self.unit, "")
        period = f"/{self.period}" if self.period in ("year", "month", "quarter", "hour") else ""
        sign = {"up": "+", "down": "-"}.get(self.change or "", "")
        return f"{holder}{self.component or '?'}={sign}{self.value}{unit}{period}"


@dataclass
class Utterance:
    """One message, read. `entities` lists everything the text says; `intent` what the person
    is doing with it."""

    text: str  # normalised (Slack markup removed)
    intent: str = "other"
    amounts: list[Amount] = field(default_factory=list)
    vesting_years: int | None = None
    schedule: tuple[Decimal, ...] | None = None  # percent vesting each year
    cliff_months: int | None = None
    grant_type: str | None = None  # rsu | options
    level: str | None = None
    rivals: list[str] = field(default_factory=list)  # rival names, in the order named
    current_company: str | None = None
    company: str | None = None  # the offer's company as typed, when the text names one new to the conversation
    mentions_current: bool = False
    fixed: list[str] = field(default_factory=list)  # parts a pushback says cannot move
    # "yes to the first one but not the second": the counter's asks refused, by place (1-based, -1 the last)
    refused_asks: list[int] = field(default_factory=list)
    none_of: list[str] = field(default_factory=list)  # "no equity", "no sign-on": parts stated absent
    notes: list[str] = field(default_factory=list)  # note items named without a figure
    no_alternatives: bool = False
    unreadable: list[str] = field(default_factory=list)  # "77.55k": not a whole amount
    ranges: list[str] = field(default_factory=list)  # "175-185k": a range, kept out (also in `unreadable`)
    share_price: Decimal | None = None  # "at $10 a share": what one share of a count is worth
    # "strike is $2.50": what exercising one option costs, not what it is worth (never an equity figure)
    strike_price: Decimal | None = None
    strike_text: str = ""  # the strike as written, with its currency sign when one was typed
    answer: str | None = None  # a bare answer: "skip" | "unknown" | "none" | "yes" | "no"
    mentions_place: bool = False  # a region, city or role word: the resolver may have something to change
    place_text: str = ""  # the words left once figures are out, for the company/region resolver

    def labels(self) -> set[str]:
        """Every entity in the labelled set's notation (see tests/understanding)."""
        out = {a.label() for a in self.amounts if a.component not in UNLABELLED_ITEMS}
        if self.vesting_years:
            out.add(f"years={self.vesting_years}")
        if self.schedule:
            out.add("schedule=" + "/".join(format(p.normalize(), "f") for p in self.schedule))
        if self.cliff_months is not None:
            out.add(f"cliff={self.cliff_months}")
        if self.grant_type:
            out.add(f"grant={self.grant_type}")
        if self.level:
            out.add(f"level={self.level.lower()}")
        out |= {f"rival={name.lower().replace(' ', '_')}" for name in self.rivals}
        if self.current_company:
            out.add(f"current={self.current_company.lower().replace(' ', '_')}")
        out |= {f"fixed={part}" for part in self.fixed}
        out |= {f"no={part}" for part in self.none_of}
        out |= {f"note={item}" for item in self.notes}
        if self.share_price is not None:
            out.add(f"share_price={format(self.share_price.normalize(), 'f')}")
        if self.strike_price is not None:
            out.add(f"strike={format(self.strike_price.normalize(), 'f')}")
        return out
