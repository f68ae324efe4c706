"""The person's other offers, where they meet the one coached: which offer is coached when several
were told alike ("planetscale" in answer to "Which offer shall we work on?"), and a part the company
matched from another offer ("they matched datadog's base"). Pure functions of the case and the
message; the coach (bot/coaching/coach.py) calls them before a message's own handler."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.coaching.case import Case, Rival
from bot.coaching.operations import PART_WORDS, Applied, money
from bot.understanding.model import OFFER, Amount, Utterance


def offer_chosen(case: Case, u: Utterance, covered: Callable[[str], bool]) -> tuple[Case, Utterance]:
    """Answering "which company is the offer for?" with one of the offers told side by side
    ("I got 2 offers, planetscale 170k and datadog 190k base", then "planetscale"): that offer is
    the one coached. It leaves the rivals, and its figures come back as the offer's, through the
    same reading as if typed so (a total alone is asked about, each part is noted).

    The name is the one the person gave for that offer, so it is taken as written: a company no
    guide covers by that exact name stays itself, never read as a guide's company it resembles
    ("Scale" is not PlanetScale, whose alias is `pscale`). `covered(name)`: a guide's company is
    named so exactly."""
    if case.pending != "company" or case.company_slug or case.company_text or not case.rivals:
        return case, u
    if u.rivals:
        named = u.rivals[0] if len(u.rivals) == 1 else None
    else:  # "it's the Scale one" names the company the offer is from; "scale" alone is no reading
        named = u.company if u.company and case.rival(u.company) else _rival_typed(case, u.text)
    chosen = case.rival(named) if named else None
    if chosen is None or any(a.holder != OFFER for a in u.amounts):
        return case, u
    case = case.model_copy(deep=True)
    case.rivals = [r for r in case.rivals if r.company.lower() != chosen.company.lower()]
    currency = chosen.currency or "USD"
    figures = [
        Amount(OFFER, part, value, "money", "grant" if part == "equity" else None, chosen.currency, years, text)
        for part, value, years in (
            ("base", chosen.base, None),
            ("equity", chosen.equity, chosen.equity_years),
            ("bonus", chosen.bonus_amount, None),
            ("sign_on", chosen.sign_on, None),
            ("total", None if chosen.base is not None else chosen.total, None),
        )
        if value is not None
        for text in [money(value, currency)]
    ]
    if chosen.bonus_percent is not None:
        figures.append(Amount(OFFER, "bonus", chosen.bonus_percent, "percent", text=f"{chosen.bonus_percent}%"))
    if covered(chosen.company):
        place = f"{chosen.company} {u.place_text}".strip()
    else:
        case.company_text = chosen.company
        place = _without_words(u.place_text, chosen.company)
    chosen_u = replace(u, intent="answer", rivals=[], amounts=figures + u.amounts, place_text=place)
    return case, replace(chosen_u, company=chosen.company)


CHOICE_FILLER = frozenset(
    {
        "the",
        "it's",
        "its",
        "it",
        "is",
        "that",
        "this",
        "one",
        "offer",
        "from",
        "with",
        "at",
        "yes",
        "yeah",
        "yep",
        "mine",
        "my",
        "own",
        "i'm",
        "working",
        "on",
        "we're",
        "go",
        "let's",
    }
)


def _rival_typed(case: Case, text: str) -> str | None:
    """The rival whose name a short answer is, filler aside ("scale", "it's the Scale one")."""
    words = [w.strip(",.;:!?\"'()`").lower() for w in text.split()]
    name = " ".join(w for w in words if w and w not in CHOICE_FILLER)
    return next((r.company for r in case.rivals if r.company.lower() == name), None) if name else None


def _without_words(text: str, name: str) -> str:
    """`text` with the words of `name` taken out (any case)."""
    drop = {w.lower() for w in name.split()}
    return " ".join(w for w in text.split() if w.strip(",.;:!?\"'()`").lower() not in drop)


# "they matched datadog's base", "planetscale agreed to match the stripe offer": a part (or the whole offer)
# of an offer the person holds besides, now the offer's own
MATCHED_RE = re.compile(
    r"\b(?:matched|(?:have|has|'ve|'s)\s+matched|agreed\s+to\s+match|are\s+matching|'re\s+matching)\s+(?:the\s+)?"
    r"(?P<name>[\w&'. -]+?)(?:'s)?\s+(?P<part>base(?:\s+salary)?|salary|equity|stock|rsus?|sign[- ]?on|signing\s+bonus"
    r"|bonus|offer|package|numbers?|total|comp)\b",
    re.I,
)
MATCHED_PARTS = {
    "base": ("base",),
    "salary": ("base",),
    "equity": ("equity",),
    "stock": ("equity",),
    "rsu": ("equity",),
    "rsus": ("equity",),
    "sign": ("sign_on",),
    "signing": ("sign_on",),
    "bonus": ("bonus",),
}


def matched_rival(case: Case, text: str) -> tuple[Rival, tuple[str, ...]] | None:
    """The offer held besides that the company matched, and the parts matched (all it has, for "the offer")."""
    match = MATCHED_RE.search(text)
    if match is None or not case.rivals or case.offer.base is None:
        return None
    name = re.sub(r"\s+(?:offer|one)$", "", match["name"].strip().lower())
    other = name in ("other", "competing", "offer", "")  # "the other offer's base", with one offer held besides
    rival = case.rival(name) or (case.rivals[0] if len(case.rivals) == 1 and other else None)
    if rival is None:
        return None
    part = match["part"]
    named = re.match(r"'s\s+(base|salary|equity|stock|rsus?|sign[- ]?on|signing|bonus)\b", text[match.end() :], re.I)
    if named:  # "the other offer's base"
        part = named[1]
    parts = MATCHED_PARTS.get(part.split()[0].split("-")[0].lower(), ("base", "equity", "bonus", "sign_on"))
    return rival, parts


def match(case: Case, rival: Rival, parts: tuple[str, ...]) -> Applied:
    """ "They matched Datadog's base": the offer's part takes the other offer's figure, said with
    where it came from. Never across currencies; a part the other offer has no figure for is said.
    `case` is changed in place (a copy the coach keeps)."""
    offer, cur = case.offer, case.offer.currency or "USD"
    done = Applied()
    if (rival.currency or cur) != cur:
        done.say(
            f"the {rival.company} offer is in {rival.currency}, this one in {cur}: nothing matched, as I never convert"
        )
        return done
    figures = {
        "base": ("base", rival.base),
        "equity": ("equity", rival.equity),
        "sign_on": ("sign_on", rival.sign_on),
        "bonus": ("bonus_amount" if rival.bonus_amount is not None else "bonus_percent",
                  rival.bonus_amount if rival.bonus_amount is not None else rival.bonus_percent),
    }  # fmt: skip
    for part in parts:
        field_name, value = figures[part]
        word = PART_WORDS.get(part, part)
        if value is None:
            if len(parts) == 1:
                done.say(f"the {rival.company} offer has no {word} I know of: nothing matched")
            continue
        before = getattr(offer, field_name)
        if before == value:
            continue
        setattr(offer, field_name, value)
        if part == "equity":
            offer.equity_years, offer.no_equity = rival.equity_years or offer.equity_years, False
        if part == "bonus":  # one way of stating the bonus at a time
            offer.no_bonus = False
            setattr(offer, "bonus_percent" if field_name == "bonus_amount" else "bonus_amount", None)
        shown = f"{value}%" if field_name == "bonus_percent" else money(value, cur)
        was = (
            ""
            if before is None
            else (f" (was {before}%)" if field_name == "bonus_percent" else f" (was {money(before, cur)})")
        )
        done.say(f"{word} {shown}{was}: matched to the {rival.company} offer's")
        done.offer_changed = True
    if not done.lines:
        done.say(f"the {rival.company} offer has no figure I know of for that: nothing changed")
    return done
