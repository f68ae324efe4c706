"""Blanks in a guide's scripts (`$[X]K`, `[current company]`) filled from the conversation.

A blank the conversation can fill gets the person's own figure or company; any other
blank stays visible as `[fill in: ...]`, so nobody sends a script with a hole they did
not notice. Which figure `$[X]` means is read from its sentence: a competing offer's
total where the sentence talks of an offer, the counter's total where it talks of a
target, and a marked blank otherwise (the coach does not guess a person's current pay).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PLACEHOLDER_RE = re.compile(r"(?P<money>[$£€₹¥]|[A-Z]{1,2}\$)?\[(?P<name>[^\[\]]{1,40})\](?P<suffix>[KkMm])?")
_SENTENCE_RE = re.compile(r"[^.!?]*[.!?]?")
COMPANY_NAMES = {"current company", "your company", "current employer", "company", "employer", "current"}


@dataclass
class Fillers:
    current_company: str | None = None
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
    if re.search(r"target|looking for|asking|hoping|expect", sentence) and fillers.target_total:
        return fillers.target_total
    return None
