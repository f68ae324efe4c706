"""`understand(text, context)`: one message in, one Utterance out (intent and entities)."""

from __future__ import annotations

from dataclasses import replace

from bot.guides.resolve import normalize
from bot.understanding.entities import Context, read
from bot.understanding.intents import QUESTIONS, classify
from bot.understanding.model import Utterance
from bot.understanding.normalise import normalise

MAX_CHARS = 5000


def understand(text: str, context: Context | None = None) -> Utterance:
    context = context or Context()
    clean = normalise((text or "")[:MAX_CHARS])
    utterance = read(clean, context)
    utterance.intent = classify(utterance, normalize(clean), context.pending)
    _roles_from_intent(utterance)
    return utterance


def _roles_from_intent(utterance: Utterance) -> None:
    """A figure no word names takes its part from what the person is doing: a walk-away or
    "the best we can do is 180k" is a total; a question names no item to note."""
    if utterance.intent == "walk_away":
        fill = "total"
    elif utterance.intent == "pushback" and utterance.fixed:
        fill = utterance.fixed[0]
    else:
        fill = None
    if fill:
        utterance.amounts = [
            replace(a, component=fill) if a.component is None and a.unit == "money" else a for a in utterance.amounts
        ]
    if utterance.intent in QUESTIONS:
        utterance.notes = []


__all__ = ["Context", "Utterance", "understand"]
