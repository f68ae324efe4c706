"""Case operations: the only way an understood message changes the case.

Each operation says what it changed, in words the reply repeats ("Revised offer: base $185K
(was $168K)"), so nothing moves in the case without the person seeing it:

- set: a part of the offer, a rival or the current job that was not known;
- correct: a part already known, changed because the person says it was misread; it
  changes only the part named (a rival's correction never touches the offer);
- revise: the company's new figures for a part already evaluated;
- constrain: a pushback fixes parts ("base is fixed") or caps them ("best we can do is
  $180K base"); it is never a new offer;
- note: an item the coach keeps but does not compute with (relocation, refresh, 401k).

A figure that cannot be used (implausible, another currency, shares with no price, no
part named) is not applied: the first one becomes the question back, and the rest of the
message is applied all the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction

from bot.coaching.case import Case, CurrentJob, FigureAsked, Note, Package, Rival, SharesPending
from bot.guides.model import RegionBand
from bot.guides.money import format_amount
from bot.offers.model import DEFAULT_VESTING_YEARS
from bot.offers.sanity import UNIT_SCALE, implausible
from bot.understanding.model import ANY_RIVAL, CURRENT, NOTE_ITEMS, OFFER, Amount, Utterance

MONEY_SLOTS = ("base", "equity", "bonus", "sign_on")
REQUESTS = ("counter", "email", "phone")
OUTLIER_FACTOR = 3
BASE_CEILING = 1_000_000
PART_WORDS = {
    "base": "base",
    "equity": "equity",
    "bonus": "bonus",
    "sign_on": "sign-on",
    "total": "total",
    "relocation": "relocation",
    "refresh": "equity refresh",
    "retirement_match": "retirement contribution (401k / pension / super)",
    "stipend": "stipend",
    "strike": "option strike price",
    "pto": "time off",
}
KIND_WORDS = {
    "base": "base salary",
    "equity": "equity grant",
    "bonus": "target bonus",
    "sign_on": "sign-on bonus",
    "total": "total comp",
}


@dataclass
class Applied:
    """What one message changed, for the reply to name, and the question it raises (if any)."""

    lines: list[str] = field(default_factory=list)
    question: dict | None = None
    offer_changed: bool = False  # a part of the offer under discussion changed
    rivals_changed: bool = False
    current_changed: bool = False
    replaced: bool = False  # a part of the offer already stated was given another figure

    def say(self, line: str) -> None:
        if line not in self.lines:
            self.lines.append(line)

    def ask(self, question: dict) -> None:
        if self.question is None:
            self.question = question


def company_name(name: str) -> str:
    """A name typed in lower case ("the anthropic one") shown with a capital."""
    name = name.strip()[:60]
    return name[:1].upper() + name[1:] if name.islower() else name


def money(value: int | Fraction, currency: str | None) -> str:
    return format_amount(Fraction(value), currency or "USD")


def apply(case: Case, u: Utterance, region: RegionBand | None, bands: dict) -> Applied:
    """Every entity of the message into the case, by the operation its intent calls for."""
    done = Applied()
    currency = case.offer.currency or (region.currency if region else None)
    if u.intent in REQUESTS:
        return done  # "what if I ask for 200k base?": a figure the person may ask for, not the offer
    u = replace(u, amounts=[_thousands(amount, done, currency) for amount in u.amounts])
    if u.intent == "pushback":
        _constrain(case, u, done, currency)
        # "they can add a 20k sign-on but the base is final": a figure for a part not held fixed is the
        # offer's new figure, never a limit on that part
        for amount in u.amounts:
            if amount.holder == OFFER and amount.component not in (*u.fixed, "total", None):
                _offer_amount(case, u, amount, region, bands, done)
        return done
    if u.intent == "walk_away":
        for amount in u.amounts:
            if amount.unit == "money" and _usable(amount, "total", region, bands, done):
                case.walk_away = int(amount.value)
                done.say(f"walk-away {money(amount.value, amount.currency or currency)}")
        return done
    details(case, u, done)
    if u.intent == "revised" and u.fixed:
        # "they added a 20k sign-on but the base is final": the new figure is the offer's, the part named held
        _constrain(case, replace(u, amounts=[]), done, currency)
    for amount in u.amounts:
        if amount.holder == OFFER:
            _offer_amount(case, u, amount, region, bands, done)
        elif amount.holder == CURRENT:
            _current_amount(case, u, amount, done, currency)
        else:
            _rival_amount(case, u, amount, region, done, currency)
    for name in u.rivals:
        if case.rival(name) is None:
            case.rivals.append(Rival(company=company_name(name)))
            done.rivals_changed = True
            done.say(f"another offer from {name}")
    if u.rivals:
        case.no_alternatives = False
    if u.no_alternatives and not case.rivals:
        case.no_alternatives = True
    if u.current_company:
        case.current = (case.current or CurrentJob()).model_copy(update={"company": u.current_company})
        done.current_changed = True
        done.say(f"current job at {u.current_company}")
    for part in u.none_of:
        _none_of(case, part, done)
    return done


# --- the offer ------------------------------------------------------------------------------------


def _offer_amount(case: Case, u: Utterance, amount: Amount, region, bands: dict, done: Applied) -> None:
    kind = amount.component
    if kind in NOTE_ITEMS:
        _note(case, amount, OFFER, done)
        return
    if amount.unit == "shares":
        case.shares = SharesPending(count=int(amount.value), years=amount.years or u.vesting_years)
        done.ask({"key": "shares", "figure": f"{int(amount.value):,}", "unit": _share_word(u)})
        return
    if kind is None and case.pending in MONEY_SLOTS and _bare_answer(u):
        kind = case.pending
    if amount.period == "hour":
        # "$95/hour": a year of it depends on the hours billed, which are never assumed
        done.ask({"key": "hourly", "figure": amount.text})
        return
    if amount.change and kind in CHANGEABLE:
        amount = _changed(case, amount, kind, done)  # "bumped equity by 20k": the part's new figure, formula said
        if amount is None:
            return
    if kind is None and amount.unit == "percent":
        # "12% of base": a share of something, never another offer's total nor the base: asked which
        done.ask({"key": "unlabelled", "figure": amount.text, "percent": True})
        return
    if kind is None and amount.unit == "money" and not amount.change:
        held = next(
            (part for part in ("base", "equity", "sign_on") if getattr(case.offer, part) == int(amount.value)), None
        )
        if held:  # "ps 180k, figma 175k": the offer's 180k base said again beside the others, not a new figure
            done.say(f"{amount.text}: the {PART_WORDS[held]} already noted")
            return
    if kind is None:
        alone = len([a for a in u.amounts if a.holder == OFFER]) == 1
        key = "unlabelled_rival" if alone and case.pending == "leverage" else "unlabelled"
        if key == "unlabelled" and done.question is not None:
            # one question a reply: a second figure of no part ("fixed pay of ₹34,00,000, ESOPs ₹48 L" before
            # ESOPs were read as equity) is said to be left out, never dropped unsaid
            written = amount.text
            done.say(f"left out: {written}, as no part is named for it (write it with one, like `{written} base`)")
            return
        if key == "unlabelled" and amount.unit == "money":
            case.figure_asked = FigureAsked(value=int(amount.value), text=amount.text, currency=amount.currency)
        done.ask({"key": key, "figure": amount.text})
        return
    if amount.unit == "percent":
        if kind == "bonus":
            _set_offer(case, "bonus_percent", Decimal(amount.value), "bonus", u, done)
        elif kind == "equity" and case.offer.equity is None:
            # "0.1% equity": a stake is worth a valuation nobody gave; asked, never guessed or dropped
            done.ask({"key": "stake", "figure": amount.text, "slot": "equity"})
        return
    value = int(amount.value)
    # A figure typed with no currency is read in the offer's, else the band's: its formula is written so.
    written = amount.currency or case.offer.currency or (region.currency if region else None)
    if amount.period == "month" and kind in ("base", "bonus"):
        done.say(f"{money(value, written)} a month × 12 = {money(value * 12, written)} a year")
        value *= 12
    if amount.period == "quarter" and kind in ("base", "bonus"):
        done.say(f"{money(value, written)} a quarter × 4 = {money(value * 4, written)} a year")
        value *= 4
    if kind == "equity" and amount.period == "year":
        years = amount.years or u.vesting_years or case.offer.equity_years or _guide_years(region)
        if not years:  # neither the person nor the guide says: ask, never assume
            if _offer_currency(case, amount, kind, region, done):
                case.equity_yearly, case.offer.equity, case.offer.no_equity = value, None, False
                done.offer_changed = True
                done.say(f"equity {money(value, case.offer.currency or amount.currency)} a year")
            return
        done.say(f"{money(value, written)} a year × {years} years = {money(value * years, written)}")
        value *= years
    checked = Amount(amount.holder, kind, value, amount.unit, amount.period, amount.currency, amount.years, amount.text)
    if not _usable(checked, kind, region, bands, done) or not _offer_currency(case, amount, kind, region, done):
        return
    if kind == "base":
        _set_offer(case, "base", value, "base", u, done)
    elif kind == "equity":
        _set_offer(case, "equity", value, "equity", u, done)
        case.offer.no_equity, case.equity_yearly = False, None
        years = amount.years or u.vesting_years
        if years:
            case.offer.equity_years, case.offer.equity_years_assumed = years, False
    elif kind == "bonus":
        _set_offer(case, "bonus_amount", value, "bonus", u, done)
    elif kind == "sign_on":
        _set_offer(case, "sign_on", value, "sign_on", u, done)
    elif kind == "total":
        _total(case, u, amount, done)


def _total(case: Case, u: Utterance, amount: Amount, done: Applied) -> None:
    """A total the person stated: a total alone is asked about (each part is compared with its
    band), but one stated beside the base ("CTC ₹42 LPA with ₹31 lakh fixed", whichever comes first)
    or after it is said back as theirs, since the coach totals the parts itself."""
    base_given = case.offer.base is not None or any(
        a.holder == OFFER and a.component == "base" and a.unit == "money" for a in u.amounts
    )
    if not base_given:
        done.ask({"key": "total_only", "figure": amount.text})
        return
    done.say(f"total {amount.text} as you stated it (I total the parts myself, so it isn't added in)")


def _offer_currency(case: Case, amount: Amount, kind: str, region: RegionBand | None, done: Applied) -> bool:
    """The offer's currency before a figure goes in, so the reply shows it as stored: the one
    written, else the band's (marked assumed). A figure in a currency other than one the
    person wrote before is asked about, never put in with the others (unless it restates the
    only figure held in the old one)."""
    offer = case.offer
    if amount.currency is None:
        if offer.currency is None and region is not None:
            offer.currency, case.currency_assumed = region.currency, True
        return True
    if offer.currency is None or offer.currency == amount.currency:
        offer.currency, case.currency_assumed = amount.currency, False
        return True
    if case.currency_assumed:
        done.say(f"figures in {amount.currency}, as you wrote {amount.text} (the earlier ones had no currency)")
        offer.currency, case.currency_assumed = amount.currency, False
        return True
    others = {"base": offer.base, "equity": offer.equity, "bonus": offer.bonus_amount, "sign_on": offer.sign_on}
    if not any(value for part, value in others.items() if part != kind):
        done.say(f"figures in {amount.currency} now (was {offer.currency})")  # the one figure held, restated
        offer.currency = amount.currency
        return True
    done.ask(
        {
            "key": "currency",
            "figure": amount.text,
            "currency": amount.currency,
            "band_currency": offer.currency,
            "mixed": True,
        }
    )
    return False


def _bare_answer(u: Utterance) -> bool:
    """A figure with no part named fills the question just asked only when the message is an
    answer to it (`175k`, `$90k`, `about 120k I think`), not a sentence about something else
    ("the recruiter said £95k is the top of their range for base" is asked about instead)."""
    return u.intent == "answer" or (len(u.amounts) == 1 and len(u.text.split()) <= 4)


def _thousands(amount: Amount, done: Applied, currency: str | None) -> Amount:
    """`175` next to a part word or alone (`175 base`, `175` for the base): thousands, said
    short. The understanding layer keeps such a figure only when it stands so; the reply
    says how it was read."""
    value = amount.value
    if amount.unit != "money" or amount.currency or not isinstance(value, int) or not 20 <= value < 1000:
        return amount
    done.say(f"{amount.text} read as {money(value * 1000, currency)}")
    return replace(amount, value=value * 1000)


def _set_offer(case: Case, name: str, value, part: str, u: Utterance, done: Applied) -> None:
    offer = case.offer
    before = getattr(offer, name)
    if name == "bonus_percent":
        offer.bonus_amount, offer.no_bonus = None, False
    elif name == "bonus_amount":
        offer.bonus_percent, offer.no_bonus = None, False
    if before == value:
        return
    setattr(offer, name, value)
    done.offer_changed = True
    done.replaced = done.replaced or before is not None
    if case.pending == part:
        case.pending = None
    shown = _shown(name, value, offer.currency)
    if before is None or not case.evaluated:
        done.say(f"{PART_WORDS[part]} {shown}")
    else:
        done.say(f"{PART_WORDS[part]} {shown} (was {_shown(name, before, offer.currency)})")


def _shown(name: str, value, currency: str | None) -> str:
    if name == "bonus_percent":
        return f"{format(Decimal(value).normalize(), 'f')}% of base"
    return money(value, currency)


def none_answer(case: Case, slot: str) -> Applied:
    """`none` to "what is the equity / bonus / sign-on?": that part is absent. (A base cannot
    be none: the question is marked skipped instead.)"""
    done = Applied()
    if slot == "base":
        case.skipped.append("base")
        done.say("skipped: the base salary")
    elif slot == "sign_on":
        case.offer.sign_on = None
        done.say("no sign-on")
    else:
        _none_of(case, slot, done)
    case.pending = None
    return done


def _none_of(case: Case, part: str, done: Applied) -> None:
    offer = case.offer
    if part == "equity" and not offer.no_equity:
        offer.no_equity, offer.equity, offer.equity_years = True, None, None
        done.offer_changed = True
        done.say("no equity")
    elif part == "bonus" and not offer.no_bonus:
        offer.no_bonus, offer.bonus_amount, offer.bonus_percent = True, None, None
        done.offer_changed = True
        done.say("no bonus")
    elif part == "sign_on" and offer.sign_on:
        offer.sign_on = None
        done.offer_changed = True
        done.say("no sign-on")


def details(case: Case, u: Utterance, done: Applied) -> None:
    """Vesting, cliff, grant type and level: facts of the offer under discussion (unless the
    message is only about a rival or the current job)."""
    others_only = u.amounts and all(a.holder != OFFER for a in u.amounts)
    if others_only:
        return
    if u.schedule and case.vesting_schedule != list(u.schedule):
        case.vesting_schedule = list(u.schedule)
        done.say("vesting " + "/".join(format(p.normalize(), "f") for p in u.schedule))
    if u.cliff_months is not None and case.cliff_months != u.cliff_months:
        case.cliff_months = u.cliff_months
        done.say("no cliff" if u.cliff_months == 0 else f"{_months(u.cliff_months)} cliff")
    if u.grant_type and case.grant_type != u.grant_type:
        case.grant_type = u.grant_type
        done.say("grant of RSUs" if u.grant_type == "rsu" else "grant of stock options")
    if u.level and case.level != u.level:
        case.level = u.level
        done.say(f"level {u.level}")
    years = u.vesting_years
    equity_named = any(a.component == "equity" and a.holder == OFFER for a in u.amounts)
    if years and not equity_named and (case.equity_yearly or case.offer.equity):
        vesting_years(case, years, done)  # a no-op for the same years already stated
    for item in u.notes:
        if item == "pto":  # "10 days extra PTO": its days are no money, kept in the person's words
            words = " ".join(u.text.split())[:80]
            case.notes = [n for n in case.notes if n.item != "pto"] + [Note(item="pto", words=words)]
            done.say(f"time off: “{words}” (kept as a note, not in the totals)")
        elif not any(a.component == item for a in u.amounts) and not any(n.item == item for n in case.notes):
            case.notes.append(Note(item=item))
            done.say(f"{PART_WORDS[item]} (kept as a note)")


def vesting_years(case: Case, years: int, done: Applied) -> None:
    """The grant's vesting years as the person states them: a yearly figure waiting for them
    becomes the grant (yearly × years, formula said); an assumed or earlier figure is replaced."""
    offer = case.offer
    if case.equity_yearly:
        yearly, currency = case.equity_yearly, offer.currency
        offer.equity, offer.equity_years, offer.equity_years_assumed = yearly * years, years, False
        case.equity_yearly = None
        done.offer_changed = True
        done.say(f"equity {money(yearly, currency)} a year × {years} years = {money(yearly * years, currency)}")
        return
    if not offer.equity or (offer.equity_years == years and not offer.equity_years_assumed):
        return
    before = f"{offer.equity_years}{', assumed' if offer.equity_years_assumed else ''}"
    changed = offer.equity_years and offer.equity_years != years
    offer.equity_years, offer.equity_years_assumed = years, False
    done.offer_changed = True
    done.say(f"equity vests over {years} years" + (f" (was {before})" if changed else ""))


def assume_vesting_years(case: Case, done: Applied) -> None:
    """The person skipped "over how many years?" and the guide states none: the most common
    period is used, said as an assumption, and replaced as soon as they say theirs."""
    offer = case.offer
    years = DEFAULT_VESTING_YEARS
    why = f"{years} years assumed, the most common period, as neither you nor the guide said; tell me yours (`3 years`)"
    if case.equity_yearly:
        yearly, currency = case.equity_yearly, offer.currency
        offer.equity, case.equity_yearly = yearly * years, None
        done.say(f"equity {money(yearly, currency)} a year × {years} years = {money(yearly * years, currency)}: {why}")
    elif offer.equity and offer.equity_years is None:
        done.say(f"equity vesting over {years} years: {why}")
    else:
        return
    offer.equity_years, offer.equity_years_assumed = years, True
    done.offer_changed = True


def _months(months: int) -> str:
    return f"{months // 12}-year" if months % 12 == 0 else f"{months}-month"


def _note(case: Case, amount: Amount, holder: str, done: Applied) -> None:
    if amount.component == "other_pay":  # "a 6k monthly draw": pay no band part covers, in the person's words
        note = Note(item="other", holder=holder, words=amount.words)
    else:
        note = Note(item=amount.component, holder=holder)
    if amount.unit == "percent":
        note.percent = Decimal(amount.value)
        shown = f"{format(Decimal(amount.value).normalize(), 'f')}%"
    else:
        note.amount, note.currency = int(amount.value), amount.currency or case.offer.currency
        shown = money(amount.value, note.currency)
    if amount.period in ("month", "quarter", "hour"):
        note.period = amount.period
        shown += note.per()
    same = [n for n in case.notes if n.item == note.item and n.holder == holder and n.words == note.words]
    case.notes = [n for n in case.notes if n not in same] + [note]
    done.say(f"{note.words or PART_WORDS[amount.component]} {shown} (kept as a note, not in the totals)")


CHANGEABLE = {"base": "base", "equity": "equity", "sign_on": "sign_on", "bonus": "bonus_amount"}


def _changed(case: Case, amount: Amount, kind: str, done: Applied) -> Amount | None:
    """A change to a part ("bumped equity by 20k", "10k more on base") as the part's new figure:
    the figure held ± the change, the sum said. None, and the question asked, when the part has no
    figure yet to change (the change alone is never taken as the figure)."""
    percent = amount.unit == "percent"  # only a bonus is a percent ("bonus up 2%"), changed as one
    field_name = "bonus_percent" if percent else CHANGEABLE[kind]
    held = None if percent and kind != "bonus" else getattr(case.offer, field_name)
    if held is None:
        done.ask({"key": "change", "figure": amount.text, "part": PART_WORDS[kind], "change": amount.change})
        return None
    sign = 1 if amount.change == "up" else -1
    value = held + sign * amount.value
    if percent:
        done.say(f"{PART_WORDS[kind]} {held}% {'+' if sign > 0 else '−'} {amount.value}% = {value}%")
    else:
        cur = amount.currency or case.offer.currency
        shown = f"{money(held, cur)} {'+' if sign > 0 else '−'} {money(amount.value, cur)} = {money(value, cur)}"
        done.say(f"{PART_WORDS[kind]} {shown}")
    return replace(amount, value=value, change=None, component=kind)


def _share_word(u: Utterance) -> str:
    return {"options": "options", "rsu": "RSUs"}.get(u.grant_type or "", "shares")


def _guide_years(region: RegionBand | None) -> int | None:
    return region.stock.vesting_years if region and region.stock else None


def _usable(amount: Amount, kind: str, region: RegionBand | None, bands: dict, done: Applied) -> bool:
    """False (and a question) for a figure in another currency or one that cannot be meant."""
    if region and amount.currency and amount.currency != region.currency:
        done.ask(
            {
                "key": "currency",
                "figure": amount.text,
                "currency": amount.currency,
                "band_currency": region.currency,
            }
        )
        return False
    currency = amount.currency or (region.currency if region else None)
    band = bands.get(kind)
    why = implausible(kind, int(amount.value), currency, band) or _outlier(kind, int(amount.value), currency, band)
    if why:
        done.ask(
            {
                "key": "implausible",
                "figure": amount.text,
                "kind": KIND_WORDS.get(kind, "walk-away"),
                "why": why,
                "band": bands.get(kind) if "guide" in why else None,  # the band shown where it is the reason
                "slot": kind,
            }
        )
        return False
    return True


def _outlier(kind: str, value: int, currency: str | None, band) -> str | None:
    """A figure several times the band's top (`$1.75M base` for a $155K–$220K band) is far
    more often a typo than a real offer: it is asked about, not used. Without a band, a base
    over a million (in dollar-sized units) is asked about the same way."""
    if band is not None and (currency is None or currency == band.currency):
        if value > band.high.amount * OUTLIER_FACTOR:
            return f"is more than {OUTLIER_FACTOR} times the top of the guide's band"
        return None
    if kind == "base" and value > BASE_CEILING * UNIT_SCALE.get(currency or "USD", 1):
        return "is higher than any base salary I have seen"
    return None


# --- rivals and the current job -------------------------------------------------------------------


def _package_set(package: Package, amount: Amount, u: Utterance, default: str) -> str | None:
    """One figure into a rival's or the current job's parts; the words for the reply."""
    kind = amount.component or default
    if amount.unit == "shares":
        return None
    if amount.unit == "percent":
        if kind == "bonus":
            package.bonus_percent, package.bonus_amount = Decimal(amount.value), None
            return f"bonus {format(Decimal(amount.value).normalize(), 'f')}%"
        return None
    value = int(amount.value)
    formula = ""
    if amount.period == "month" and kind == "base":
        formula = f"{money(value, amount.currency or package.currency)} a month × 12 = "
        value *= 12
    if amount.period == "quarter" and kind in ("base", "bonus"):
        formula = f"{money(value, amount.currency or package.currency)} a quarter × 4 = "
        value *= 4
    if kind == "equity":
        years = amount.years or u.vesting_years
        if amount.period == "year":
            stated = bool(years or package.equity_years)
            years = years or package.equity_years or 4
            formula = f"{money(value, amount.currency or package.currency)} a year × {years} years = "
            if not stated:
                formula = f"{formula[:-3]} (4 years assumed; tell me if it differs) = "
            value *= years
        package.equity, package.equity_years = value, years or package.equity_years
    elif kind == "base":
        package.base = value
    elif kind == "bonus":
        package.bonus_amount, package.bonus_percent = value, None
    elif kind == "sign_on":
        package.sign_on = value
    elif kind == "total":
        package.total = value
    else:
        return None
    if amount.currency:
        package.currency = amount.currency
    return f"{PART_WORDS.get(kind, kind)} {formula}{money(value, amount.currency or package.currency)}"


def _rival_amount(case: Case, u: Utterance, amount: Amount, region, done: Applied, currency) -> None:
    if amount.holder == ANY_RIVAL:
        if not case.rivals:
            done.ask({"key": "unlabelled_rival", "figure": amount.text})
            return
        target = case.rivals[-1]
    else:
        name = amount.holder.removeprefix("rival:")
        target = case.rival(name)
        if target is None:
            shown = next((r for r in u.rivals if r.lower() == name), name)
            target = Rival(company=company_name(shown))
            case.rivals.append(target)
    if amount.component in NOTE_ITEMS:
        _note(case, amount, target.company, done)
        return
    if amount.period == "hour":
        done.ask({"key": "hourly", "figure": amount.text})
        return
    elsewhere = amount.unit == "money" and region and amount.currency and amount.currency != region.currency
    if elsewhere and target.currency not in (None, amount.currency):
        done.ask(  # one offer's figures in two currencies: which is it
            {
                "key": "currency",
                "figure": amount.text,
                "currency": amount.currency,
                "band_currency": target.currency,
                "mixed": True,
            }
        )
        return
    if elsewhere:
        # Another offer paid in another currency ("Monzo in London for £120k base") is kept as written:
        # asking for it in the band's currency would ask the person to convert it. It is an alternative,
        # never compared with this offer's figures (bot/coaching/coach.py keeps it out of the counter's).
        target.currency = amount.currency
    if target.currency is None and amount.currency is None and currency:
        target.currency = currency  # before the words, so they show the currency stored
    words = _package_set(target, amount, u, "total")
    if words and target.equity and target.equity_years is None:
        words += _rival_years(case, target, region)
    if words:
        if target.currency is None and currency:
            target.currency = currency
        if elsewhere:
            words += (
                f" (in {amount.currency}: kept as written and never converted, so not compared with the"
                f" {region.currency} figures)"
            )
        done.rivals_changed = True
        done.say(f"{target.company} offer: {words}")
        case.no_alternatives = False


def _rival_years(case: Case, target: Package, region: RegionBand | None) -> str:
    """A rival's grant with no years said: the guide's period, else the person's own offer's,
    else the most common one, each said as what it is."""
    own = case.offer.equity_years if not case.offer.equity_years_assumed else None
    if _guide_years(region):
        target.equity_years = _guide_years(region)
        return f" over {target.equity_years} years (as this guide's grants vest; tell me if theirs differs)"
    if own:
        target.equity_years = own
        return f" over {own} years (as your offer's grant vests; tell me if theirs differs)"
    target.equity_years = DEFAULT_VESTING_YEARS
    return (
        f" over {DEFAULT_VESTING_YEARS} years (assumed, the most common period: neither you nor the guide said;"
        " tell me if theirs differs)"
    )


def _current_amount(case: Case, u: Utterance, amount: Amount, done: Applied, currency) -> None:
    job = case.current or CurrentJob()
    if amount.component in NOTE_ITEMS:
        _note(case, amount, CURRENT, done)
        return
    if amount.period == "hour":
        done.ask({"key": "hourly", "figure": amount.text})
        return
    if job.currency is None and amount.currency is None and currency:
        job.currency = currency
    words = _package_set(job, amount, u, "base")
    if words and job.equity and job.equity_years is None:
        # Another company's grant: neither this guide's period nor the offer's says anything about it.
        job.equity_years = DEFAULT_VESTING_YEARS
        words += (
            f" over {DEFAULT_VESTING_YEARS} years (assumed, the most common period: you didn't say; tell me if not)"
        )
    if words:
        if job.currency is None and currency:
            job.currency = currency
        case.current = job
        done.current_changed = True
        done.say(f"current job: {words}")


# --- pushback -------------------------------------------------------------------------------------


def _constrain(case: Case, u: Utterance, done: Applied, currency) -> None:
    for part in u.fixed:
        if part not in case.fixed:
            case.fixed.append(part)
    sums: dict[str, str] = {}
    for amount in u.amounts:
        if (
            amount.holder == OFFER
            and amount.unit == "money"
            and amount.component in ("base", "equity", "sign_on", "total")
            and (amount.component in u.fixed or "total" in u.fixed)
        ):
            if not amount.change:
                case.caps[amount.component] = int(amount.value)
                continue
            # "the best they can do on base is another 5k": a limit on the move, so the cap is the figure
            # held plus it, the sum said; with no figure held, no cap is made up
            held = getattr(case.offer, CHANGEABLE.get(amount.component, ""), None)
            if held is None:
                continue
            sign = 1 if amount.change == "up" else -1
            case.caps[amount.component] = int(held + sign * amount.value)
            sums[amount.component] = (
                f"{money(held, currency)} {'+' if sign > 0 else '−'} {money(amount.value, currency)} = "
            )
    capped = {k: v for k, v in case.caps.items() if k in u.fixed and k != "total"}
    named = ", ".join("the package" if p == "total" else PART_WORDS[p] for p in u.fixed if p not in capped)
    if named:
        done.say(f"{named} fixed: kept out of the ask")
    for part, limit in capped.items():
        shown = sums.get(part, "") + money(limit, currency)
        done.say(f"{PART_WORDS[part]} fixed at no more than {shown}, they said: asked no higher")
