"""Blanks in a guide's scripts (`$[X]K`, `[current company]`) filled from the conversation.

A blank the conversation can fill gets the person's own figure or company; any other
blank stays visible as `[fill in: ...]`, so nobody sends a script with a hole they did
not notice. Which figure `$[X]` means is read from its sentence: a competing offer's
total where the sentence talks of an offer, the counter's total where it talks of a
target, what the person's current job pays where it talks of now (only when they told the
coach), and a marked blank otherwise (the coach never guesses a person's pay).

`script_levers` gives the guide's levers as the scripts show them: suggestions the person
adapts (the templates mark them `[adapt: ...]`), without the ones that would claim an offer
the person never named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.guides.model import Guide, NegotiateUp

PLACEHOLDER_RE = re.compile(r"(?P<money>[$£€₹¥]|[A-Z]{1,2}\$)?\[(?P<name>[^\[\]]{1,40})\](?P<suffix>[KkMm])?")
_SENTENCE_RE = re.compile(r"[^.!?]*[.!?]?")
COMPANY_NAMES = {"current company", "your company", "current employer", "company", "employer", "current"}


@dataclass
class Fillers:
    current_company: str | None = None
    current_total: str | None = None  # what the current job pays, already formatted
    competing_company: str | None = None
    competing_total: str | None = None  # already formatted, e.g. "$300K"
    target_total: str | None = None
    company: str | None = None  # the company making the offer
    role: str | None = None


def blank(name: str) -> str:
    return f"[fill in: {name.strip()}]"


def fill(script: str, fillers: Fillers) -> str:
    """The script with every placeholder replaced by a figure or a marked blank."""
    pieces = []
    for sentence in _SENTENCE_RE.findall(script):
        pieces.append(PLACEHOLDER_RE.sub(lambda m, s=sentence: _one(m, s, fillers), sentence))
    return "".join(pieces)


def _one(match: re.Match, sentence: str, fillers: Fillers) -> str:
    name = match["name"].strip()
    key = name.lower()
    if match["money"] or key in ("x", "xk", "amount", "number", "figure", "y", "n"):
        figure = _figure_for(sentence.lower(), fillers)
        return figure or blank("your figure" if key in ("x", "xk", "y", "n") else name)
    if key in COMPANY_NAMES:
        value = fillers.current_company
    elif key in ("competitor", "competing company", "other company", "company b"):
        value = fillers.competing_company
    elif key in ("role", "title", "position"):
        value = fillers.role
    elif key in ("target company", "this company"):
        value = fillers.company
    else:
        value = None
    return value or blank(name)


def _figure_for(sentence: str, fillers: Fillers) -> str | None:
    if re.search(r"offer|competing|another|other company", sentence) and fillers.competing_total:
        return fillers.competing_total
    if re.search(r"\b(?:currently|current|today|right now|now make|i make|i earn)\b", sentence):
        return fillers.current_total
    if re.search(r"target|looking for|asking|hoping|expect", sentence) and fillers.target_total:
        return fillers.target_total
    return None


# A lever that says the person holds another offer: a claim only they can make.
_CLAIMS_AN_OFFER = re.compile(r"\b(?:i have|i've got|i hold|holding)\b[^.]*\b(?:offer|competing)", re.IGNORECASE)


def script_levers(guide: Guide, fillers: Fillers, has_rival: bool) -> list[tuple[str, str]]:
    """(title, script with its blanks filled) for each lever a script may suggest: a lever
    claiming a competing offer is left out unless the person named one."""
    levers = []
    for lever in guide.levers:
        if not has_rival and _CLAIMS_AN_OFFER.search(lever.script):
            continue
        levers.append((lever.title, fill(lever.script, fillers)))
    return levers


def asks_for_fixed(plan: NegotiateUp, fixed: list[str]) -> bool:
    """Whether the guide's negotiate-up line asks for a part the company said is fixed."""
    if not fixed:
        return False
    if "total" in fixed:
        return True
    named = {"base": plan.target_base, "equity": plan.target_equity}
    return any(named.get(part) is not None for part in fixed) or (
        plan.counter_component in fixed and plan.counter_range is not None
    )
