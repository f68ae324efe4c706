"""Answers to the questions people ask in the middle of a negotiation, from the guide and the case.

`answer(topic, case, guide, region)` renders `responses/coach_answer_<topic>.j2` (mrkdwn with
the `::` block directives, ready for `bot.render.blocks.build_messages`). The facts come from
the guide's own sections (band, narrative, levers, negotiate-up, level mapping, regions) and
from what the person said (the case). Every figure shown is a guide figure, a figure the person
gave, or the result of a formula the reply states. Where the guide says nothing on a topic the
template says so and gives general advice labelled as such, never a made-up figure.

The case fields beyond the offer (fixed parts, notes, vesting schedule, cliff, grant type, the
current job's parts) are read with `getattr`, so a case stored before they existed still works.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from bot.coaching.case import Case
from bot.guides.model import Guide, RegionBand
from bot.guides.money import format_amount
from bot.offers.evaluate import PRIVATE_EQUITY_DISCOUNT, band_position
from bot.offers.model import SIGN_ON_YEARS, Offer
from bot.render.templates import render
from bot.understanding.intents import QUESTIONS

TOPICS = tuple(QUESTIONS)  # the question intents bot/understanding recognises, one answer each

# What the guide's prose must mention for a line of it to count as the guide speaking on a topic.
GUIDE_WORDS = {
    "refreshers": r"refresh",
    "vesting": r"vest|cliff|back-?load",
    "deadline": r"deadline|exploding|timeline|decide by|expir",
    "remote": r"remote|location|geo|relocat",
    "sign_on_vs_base": r"sign[- ]?on|signing|one-time",
    "accept": r"accept|walk away|competitive|settle",
    "say_no": r"push ?back|refus|\bno\b.*\bmove|won'?t|rescind|walk away",
    "leverage": r"leverage|competing|counter-?offer|other offers?|alternative",
    "salary_history": r"salary history|current (?:salary|pay|comp)|expectations",
}
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
_SOURCE_TAG = re.compile(r"\s*\[Source:[^\]]*\]\s*")
MAX_GUIDE_LINES = 4
# Sentences of the guide's overview that say why the role is paid as it is.
_REASON_WORDS = re.compile(r"\b(?:rare|scarce|premium|demand|unique|critical|hard to hire|competitive)", re.IGNORECASE)


def answer(topic: str, case: Case, guide: Guide | None, region: RegionBand | None) -> str:
    """The reply to one question, rendered from `responses/coach_answer_<topic>.j2`."""
    if topic not in TOPICS:
        raise ValueError(f"unknown question topic {topic!r}; known: {', '.join(TOPICS)}")
    facts = Facts.of(case, guide, region)
    extra = _BUILDERS.get(topic, lambda facts: {})(facts)
    return render(f"coach_answer_{topic}.j2", f=facts, **extra)


# --- what every answer can use ---------------------------------------------------------------------


@dataclass
class Room:
    """One part of the offer against its band: how far it is from the top."""

    key: str
    label: str
    offered: str
    band: str
    position: str  # below | lower | middle | upper | above
    gap: str | None  # band top − offered, written with its formula; None at or above the top
    over: str | None  # offered − band top, when above the band


@dataclass
class Other:
    """A rival offer or the current job, compared with the offer on the table."""

    name: str
    kind: str  # rival | current
    total: str | None
    difference: str | None  # "+$X" / "−$X" against the offer's annualized total
    higher: bool


@dataclass
class Facts:
    case: Case
    guide: Guide | None
    region: RegionBand | None
    currency: str
    company: str | None
    has_offer: bool
    annualized: str | None
    annualized_value: Fraction | None
    position: str | None  # where the annualized total (or the base) sits in the band
    rooms: list[Room]
    others: list[Other]
    fixed: list[str]  # the parts they said cannot move, in words ("base", "sign-on", "the whole package")
    limits: list[str]  # "base at most $180K": the limits they stated
    shares: str | None  # a grant given as a count, not yet a figure: "10,000 shares over 4 years"
    notes: list[str]
    grant_type: str | None
    private: bool
    narrative: str | None

    @classmethod
    def of(cls, case: Case, guide: Guide | None, region: RegionBand | None) -> Facts:
        offer = case.offer
        currency = offer.currency or (region.currency if region else "USD")
        has_offer = offer.base is not None or bool(offer.equity)
        annualized = offer.annualized() if has_offer else None
        comparable = region is not None and currency == region.currency  # never place across currencies
        rooms = _rooms(offer, region, currency) if has_offer and comparable else []
        total_room = next((room for room in rooms if room.key == "total"), None)
        base_room = next((room for room in rooms if room.key == "base"), None)
        position = (total_room or base_room).position if (total_room or base_room) else None
        dna = guide.company.dna if guide else None
        return cls(
            case=case,
            guide=guide,
            region=region,
            currency=currency,
            company=guide.company.name if guide else case.company_text,
            has_offer=has_offer,
            annualized=_m(annualized, currency) if annualized is not None else None,
            annualized_value=annualized,
            position=position,
            rooms=rooms,
            others=_others(case, annualized, currency),
            fixed=[PART_WORDS.get(part, part) for part in getattr(case, "fixed", None) or []],
            limits=[
                f"{PART_WORDS.get(part, part)} at most {_m(amount, currency)}"
                for part, amount in (getattr(case, "caps", None) or {}).items()
            ],
            shares=_shares_text(getattr(case, "shares", None)),
            notes=[_note_text(note, currency) for note in getattr(case, "notes", None) or []],
            grant_type=getattr(case, "grant_type", None),
            private=bool(dna and dna.ownership == "private"),
            narrative=_narrative(guide),
        )

    def m(self, value: int | Fraction) -> str:
        return _m(value, self.currency)


def _m(value: int | Fraction, currency: str) -> str:
    return format_amount(Fraction(value), currency)


def _rooms(offer: Offer, region: RegionBand, cur: str) -> list[Room]:
    rooms = []
    if offer.base is not None and region.base:
        rooms.append(_room("base", "Base salary", offer.base, region.base.low.amount, region.base.high.amount, cur))
    stock = region.stock
    if offer.equity and stock and stock.value:
        years = offer.equity_years or stock.vesting_years or 1
        band_years = stock.vesting_years or years
        if years == band_years:
            low, high = stock.value.low.amount, stock.value.high.amount
            rooms.append(_room("equity", f"Equity ({years}-year grant)", offer.equity, low, high, cur))
        else:
            low, high = Fraction(stock.value.low.amount, band_years), Fraction(stock.value.high.amount, band_years)
            rooms.append(_room("equity", "Equity per year", offer.equity_per_year(), low, high, cur))
    if offer.sign_on and region.sign_on:
        band = region.sign_on
        rooms.append(_room("sign_on", "Sign-on", offer.sign_on, band.low.amount, band.high.amount, cur))
    equity_known = offer.equity or offer.no_equity or not (stock and stock.value)
    if region.total and equity_known:  # a total without the grant is not placed in a total band
        total = offer.annualized()
        rooms.append(_room("total", "Annualized total", total, region.total.low.amount, region.total.high.amount, cur))
    return rooms


def _room(key: str, label: str, value, low, high, cur: str) -> Room:
    position = band_position(value, low, high)
    gap = over = None
    if value < low:
        gap = f"{_m(low - value, cur)} under the bottom of the band ({_m(low, cur)} − {_m(value, cur)})"
    elif value < high:
        gap = f"{_m(high - value, cur)} below the top ({_m(high, cur)} − {_m(value, cur)})"
    elif value > high:
        over = f"{_m(value - high, cur)} above the top ({_m(value, cur)} − {_m(high, cur)})"
    band = _m(low, cur) if low == high else f"{_m(low, cur)}–{_m(high, cur)}"
    return Room(key, label, _m(value, cur), band, position, gap, over)


def _annualized_of(package) -> Fraction | None:
    """A rival's or the current job's annualized total: its own method where the case has
    one, else the total the person stated."""
    method = getattr(package, "annualized", None)
    if callable(method):
        return method()
    total = getattr(package, "total", None)
    return Fraction(total) if total is not None else None


def _others(case: Case, annualized: Fraction | None, cur: str) -> list[Other]:
    packages = [(rival.company, "rival", rival) for rival in case.rivals]
    current = getattr(case, "current", None)
    if current is not None:
        packages.append((getattr(current, "company", None) or "your current job", "current", current))
    others = []
    for name, kind, package in packages:
        if (getattr(package, "currency", None) or cur) != cur:
            others.append(Other(name, kind, None, None, False))  # never compared across currencies
            continue
        total = _annualized_of(package)
        difference, higher = None, False
        if total is not None and annualized is not None:
            delta = total - annualized
            higher = delta > 0
            difference = f"{'+' if delta >= 0 else '−'}{_m(abs(delta), cur)} ({_m(total, cur)} − {_m(annualized, cur)})"
        others.append(Other(name, kind, _m(total, cur) if total is not None else None, difference, higher))
    return others


PART_WORDS = {"base": "base", "equity": "equity", "bonus": "bonus", "sign_on": "sign-on", "total": "the whole package"}


def _shares_text(shares) -> str | None:
    """A grant the person gave as a number of shares: kept as they said it, never priced."""
    if shares is None or getattr(shares, "holder", "offer") != "offer":
        return None
    years = getattr(shares, "years", None)
    return f"{shares.count:,} shares" + (f" over {years} years" if years else "")


NOTE_LABELS = {
    "relocation": "relocation",
    "refresh": "equity refresh",
    "retirement_match": "retirement contribution (401k / pension / super)",
    "pto": "time off",
}


def _note_text(note, cur: str) -> str:
    """A note the person gave (relocation, refresh, ...) as they gave it; not computed with."""
    item = getattr(note, "item", "other")
    label = getattr(note, "words", None) if item == "other" else NOTE_LABELS.get(item, item)
    amount, percent = getattr(note, "amount", None), getattr(note, "percent", None)
    figure = _m(amount, getattr(note, "currency", None) or cur) if amount else None
    if figure and getattr(note, "period", None):
        figure += note.per()
    if percent is not None:
        figure = f"{format(percent.normalize(), 'f')}%" if hasattr(percent, "normalize") else f"{percent}%"
    holder = getattr(note, "holder", "offer")
    whose = "" if holder == "offer" else (" (current job)" if holder == "current" else f" ({holder})")
    return f"{label or 'other'}{': ' + figure if figure else ''}{whose}"


def _narrative(guide: Guide | None) -> str | None:
    if not guide or not guide.narrative:
        return None
    text = _SOURCE_TAG.sub(" ", guide.narrative[0]).strip()
    sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    reasons = [s for s in sentences if _REASON_WORDS.search(s)]
    return " ".join(reasons[:2] or sentences[:1]) or None


def guide_lines(guide: Guide | None, topic: str) -> list[tuple[str, str]]:
    """What the guide itself says on a topic: (where in the guide, the sentence as written)."""
    if guide is None or topic not in GUIDE_WORDS:
        return []
    pattern = re.compile(GUIDE_WORDS[topic], re.IGNORECASE)
    places: list[tuple[str, str]] = [("Overview", _SOURCE_TAG.sub(" ", text)) for text in guide.narrative]
    places += [(f"Lever: {lever.title}", lever.script) for lever in guide.levers]
    if guide.negotiate_up:
        places += [("Negotiate-up strategy", guide.negotiate_up.quote)]
        places += [("Negotiate-up strategy", guide.negotiate_up.commentary)] if guide.negotiate_up.commentary else []
    for region in guide.regions:
        places += [(f"{region.name}: {extra.name}", extra.raw) for extra in region.extras]
        if region.stock and region.stock.note:
            places.append((f"{region.name}: equity", region.stock.note))
    found = []
    for where, text in places:
        for sentence in _SENTENCE.findall(text):
            if pattern.search(sentence) and (where, sentence.strip()) not in found:
                found.append((where, sentence.strip()))
    return found[:MAX_GUIDE_LINES]


# --- one builder per topic that needs more than the facts ------------------------------------------


def _good(f: Facts) -> dict:
    premium = f.guide.company.dna.premium if f.guide and f.guide.company.dna else None
    return {
        "premium": premium,
        "premium_label": f.guide.company.dna.premium_label if premium else None,
        "risk_adjusted": _risk_adjusted(f),
        **_level(f),
    }


def _risk_adjusted(f: Facts) -> dict | None:
    offer = f.case.offer
    if not (f.private and offer.equity):
        return None
    per_year = offer.equity_per_year()
    return {
        "percent": int(PRIVATE_EQUITY_DISCOUNT * 100),
        "equity": f.m(per_year * (1 - PRIVATE_EQUITY_DISCOUNT)),
        "paper": f.m(per_year),
        "total": f.m(offer.annualized() - per_year * PRIVATE_EQUITY_DISCOUNT),
    }


def _accept(f: Facts) -> dict:
    offer, case = f.case.offer, f.case
    plan = f.guide.negotiate_up if f.guide else None
    target = None
    if plan and plan.target_total and f.annualized_value is not None and plan.target_total.currency == f.currency:
        goal = plan.target_total.amount
        if goal > f.annualized_value:
            target = {
                "figure": f.m(goal),
                "gap": f"{f.m(goal - f.annualized_value)} ({f.m(goal)} − {f.annualized})",
            }
    walk = _walk_away(f)
    return {
        "countered": case.at_least("pushback"),  # they answered a counter (a pushback or new figures)
        "counter_ready": case.stage == "counter",  # built here; whether it was sent, the person hasn't said
        "target": target,
        "walk": walk,
        "risk_adjusted": _risk_adjusted(f),
        "better_others": [other for other in f.others if other.higher],
        "guide_says": guide_lines(f.guide, "accept"),
        "evaluated": offer.base is not None and f.region is not None,
    }


def _refreshers(f: Facts) -> dict:
    offer = f.case.offer
    stock = f.region.stock if f.region else None
    years = offer.equity_years or (stock.vesting_years if stock else None)
    drop = None
    if offer.equity and years:
        drop = {
            "per_year": f.m(offer.equity_per_year()),
            "formula": f"{f.m(offer.equity)} ÷ {years}",
            "years": years,
        }
    notes = getattr(f.case, "notes", None) or []
    refresh_notes = [_note_text(note, f.currency) for note in notes if getattr(note, "item", None) == "refresh"]
    return {"guide_says": guide_lines(f.guide, "refreshers"), "drop": drop, "refresh_notes": refresh_notes}


@dataclass
class VestingYear:
    year: int
    percent: str
    amount: str
    formula: str


def _vesting(f: Facts) -> dict:
    offer = f.case.offer
    schedule = list(getattr(f.case, "vesting_schedule", None) or [])
    cliff = getattr(f.case, "cliff_months", None)
    stock = f.region.stock if f.region else None
    years = offer.equity_years or (len(schedule) if schedule else None) or (stock.vesting_years if stock else None)
    context: dict = {
        "guide_says": guide_lines(f.guide, "vesting"),
        "guide_years": stock.vesting_years if stock else None,
        "guide_kind": stock.kind if stock else None,
        "cliff": cliff,
        "schedule": None,
        "year_one": None,
        "even": None,
        "years": years,
    }
    grant = offer.equity
    if grant and years:
        context["even"] = {"per_year": f.m(Fraction(grant, years)), "formula": f"{f.m(grant)} ÷ {years}"}
    if not schedule:
        return context
    percents = [Fraction(str(p)) for p in schedule]
    written = "/".join(_percent_text(p) for p in percents)
    total_percent = sum(percents)
    context["schedule"] = {
        "written": written,
        "adds_up": total_percent == 100,
        "sum": _percent_text(total_percent),
        "count": len(percents),
        "length_mismatch": bool(offer.equity_years and offer.equity_years != len(percents)),
        "rows": [],
    }
    if not grant:
        return context
    rows = []
    for index, percent in enumerate(percents, start=1):
        amount = Fraction(grant) * percent / 100
        written = _percent_text(percent)
        rows.append(VestingYear(index, written, f.m(amount), f"{f.m(grant)} × {written}%"))
    context["schedule"]["rows"] = rows
    first = Fraction(grant) * percents[0] / 100
    even = Fraction(grant, len(percents))
    bonus = offer.target_bonus()
    base = Fraction(offer.base or 0)
    sign_on = Fraction(offer.sign_on or 0)
    year_one = base + first + bonus + sign_on
    context["year_one"] = {
        "formula": (
            f"base {f.m(base)} + equity {f.m(first)} + bonus {f.m(bonus)} + sign-on {f.m(sign_on)} = {f.m(year_one)}"
        ),
        "even_formula": (
            f"base {f.m(base)} + equity {f.m(grant)} ÷ {len(percents)} + bonus {f.m(bonus)} + sign-on {f.m(sign_on)}"
            f" = {f.m(base + even + bonus + sign_on)}"
        ),
        "shortfall": f.m(even - first) if even > first else None,
        "shortfall_formula": f"{f.m(even)} − {f.m(first)}",
        "has_base": offer.base is not None,
    }
    return context


def _percent_text(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return format(value.numerator / value.denominator, "g")


def _level(f: Facts) -> dict:
    region = f.region
    levels = []
    stated = None
    if region and region.levels and region.currency == f.currency:
        for band in region.levels:
            low, high = band.total.low.amount, band.total.high.amount
            fits = f.annualized_value is not None and low <= f.annualized_value <= high
            levels.append((band.level, f.m(low) if low == high else f"{f.m(low)}–{f.m(high)}", fits))
            if f.case.level and f.annualized_value is not None and _names_level(band.level, f.case.level):
                stated = _room("total", band.level, f.annualized_value, low, high, f.currency)
    return {"levels": levels, "stated_level": f.case.level, "stated_band": stated}


def _names_level(band_level: str, said: str) -> bool:
    """`L4` names the band `L4 (SRE II)`; `SRE II` does too."""
    words = re.findall(r"[a-z0-9]+", band_level.lower())
    said_words = re.findall(r"[a-z0-9]+", said.lower())
    return bool(said_words) and all(word in words for word in said_words)


def _remote(f: Facts) -> dict:
    guide = f.guide
    if guide is None:
        return {"remote": [], "onsite": [], "comparisons": [], "placements": [], "guide_says": []}
    remote = [r for r in guide.regions if re.search(r"remote", r.name, re.IGNORECASE)]
    onsite = [r for r in guide.regions if r not in remote]
    comparisons = []
    for far in remote:
        near = next((r for r in onsite if r.currency == far.currency), None)
        if near is None:
            continue
        pairs = [("Base", far.base, near.base), ("Total comp", far.total, near.total)]
        near_levels = {band.level: band.total for band in near.levels}
        pairs += [(f"{band.level} total comp", band.total, near_levels.get(band.level)) for band in far.levels]
        for label, a, b in pairs:
            if a and b:
                comparisons.append(
                    {
                        "label": label,
                        "remote": far.name,
                        "onsite": near.name,
                        "remote_band": str(a),
                        "onsite_band": str(b),
                        "low": _difference(a.low.amount, b.low.amount, far.currency),
                        "high": _difference(a.high.amount, b.high.amount, far.currency),
                    }
                )
    offer = f.case.offer
    placements = [
        (r.name, _room("base", r.name, offer.base, r.base.low.amount, r.base.high.amount, r.currency))
        for r in guide.regions
        if offer.base is not None and r.base and r.currency == f.currency
    ]
    return {
        "remote": remote,
        "onsite": onsite,
        "comparisons": comparisons,
        "placements": placements if len(placements) > 1 else [],
        "guide_says": guide_lines(guide, "remote"),
    }


def _difference(remote: int, onsite: int, cur: str) -> str:
    delta = remote - onsite
    sign = "+" if delta > 0 else "−" if delta < 0 else "±"
    return f"{sign}{_m(abs(delta), cur)} ({_m(remote, cur)} − {_m(onsite, cur)})"


def _sign_on_vs_base(f: Facts) -> dict:
    offer, region = f.case.offer, f.region
    known = offer.equity_years or (region.stock.vesting_years if region and region.stock else None)
    years = known or SIGN_ON_YEARS  # the horizon a sign-on is spread over, said as assumed when no grant says
    base_gap = None
    if offer.base is not None and region and region.base and region.base.high.amount > offer.base:
        gap = region.base.high.amount - offer.base
        base_gap = {
            "gap": f.m(gap),
            "formula": f"{f.m(region.base.high.amount)} − {f.m(offer.base)}",
            "years": years,
            "years_assumed": not known or offer.equity_years_assumed,
            "over_years": f.m(gap * years),
            "over_formula": f"{f.m(gap)} × {years}",
            "annualized_sign_on": f.m(Fraction(gap * years, SIGN_ON_YEARS)),
        }
    bonus_percent = offer.bonus_percent
    fixed = set(getattr(f.case, "fixed", None) or [])
    return {
        "sign_on_band": region.sign_on if region else None,
        "base_gap": base_gap,
        "bonus_percent": format(bonus_percent.normalize(), "f") if bonus_percent is not None else None,
        "base_fixed": bool({"base", "total"} & fixed),
        "sign_on_fixed": bool({"sign_on", "total"} & fixed),
        "sign_on_years": SIGN_ON_YEARS,
        "guide_says": guide_lines(f.guide, "sign_on_vs_base"),
    }


def _deadline(f: Facts) -> dict:
    return {"guide_says": guide_lines(f.guide, "deadline")}


def _walk_away(f: Facts) -> dict | None:
    """The person's walk-away against the offer, with the subtraction written out; None when
    either is unknown."""
    walk_away = f.case.walk_away
    if not walk_away or f.annualized_value is None:
        return None
    delta = f.annualized_value - walk_away
    return {
        "figure": f.m(walk_away),
        "above": delta >= 0,
        "gap": f"{f.m(abs(delta))} ({f.annualized} − {f.m(walk_away)})"
        if delta >= 0
        else f"{f.m(-delta)} ({f.m(walk_away)} − {f.annualized})",
    }


def _levers_and_walk_away(topic: str) -> Callable[[Facts], dict]:
    """What the answers about a refusal (`say_no`) and about leverage (`leverage`) add to the
    parts still below their band's top and the alternatives the person named: the guide's
    levers, the walk-away (as `_accept` writes it), and the guide's own words on the topic."""

    def build(f: Facts) -> dict:
        return {
            "levers": list(f.guide.levers[:3]) if f.guide else [],
            "walk": _walk_away(f),
            "guide_says": guide_lines(f.guide, topic),
        }

    return build


def _salary_history(f: Facts) -> dict:
    """The guide's base band to quote as the market, and what the guide says on the topic."""
    return {"band": f.region.base if f.region else None, "guide_says": guide_lines(f.guide, "salary_history")}


_BUILDERS = {
    "salary_history": _salary_history,
    "good": _good,
    "accept": _accept,
    "refreshers": _refreshers,
    "vesting": _vesting,
    "deadline": _deadline,
    "say_no": _levers_and_walk_away("say_no"),
    "leverage": _levers_and_walk_away("leverage"),
    "level": _level,
    "remote": _remote,
    "sign_on_vs_base": _sign_on_vs_base,
}
