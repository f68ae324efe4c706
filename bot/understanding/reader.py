"""`understand(text, context)`: one message in, one Utterance out (intent and entities)."""

from __future__ import annotations

from dataclasses import replace

from bot.guides.resolve import normalize
from bot.understanding.classifier import reconsider
from bot.understanding.entities import Context, parts_named, read
from bot.understanding.intents import QUESTION_RE, QUESTIONS, classify
from bot.understanding.model import CURRENT, OFFER, Utterance
from bot.understanding.normalise import normalise
from bot.understanding.shorthand import expand

MAX_CHARS = 5000


def understand(text: str, context: Context | None = None, second_opinion: bool = True) -> Utterance:
    """`second_opinion=False` reads with the rules alone (bench/understanding.py measures both)."""
    context = context or Context()
    clean = expand(normalise((text or "")[:MAX_CHARS]), context.company_names)
    utterance = read(clean, context)
    ruled = classify(utterance, normalize(clean), context.pending)
    question = bool(QUESTION_RE.search(clean))
    utterance.intent = reconsider(utterance, ruled, context.pending, question) if second_opinion else ruled
    _roles_from_intent(utterance, context.pending, question)
    return utterance


def _roles_from_intent(utterance: Utterance, pending: str | None = None, question: bool = False) -> None:
    """A figure no word names takes its part from what the person is doing: a walk-away or
    "the best we can do is 180k" is a total; a question names no item to note."""
    if utterance.intent == "walk_away":
        fill = "total"
        # "i need at least 210k or i'm staying put": the floor is for this offer, not the current job; but
        # "at least 110k or im walking, i make 104k now": with the floor read as the offer's, the other is today's pay
        if not any(a.holder == OFFER for a in utterance.amounts):
            utterance.amounts = [replace(a, holder=OFFER) if a.holder == CURRENT else a for a in utterance.amounts]
    elif utterance.intent == "pushback" and not utterance.fixed and utterance.refused_asks:
        fill = None  # "yes to the first one but not the second": the coach knows which ask was second
    elif utterance.intent == "pushback" and not utterance.fixed:
        utterance.fixed = parts_named(utterance.text) or ["total"]  # read as a pushback by the classifier
        fill = utterance.fixed[0]
    elif utterance.intent == "pushback" and utterance.fixed:
        fill = utterance.fixed[0]
    elif utterance.intent == "correction" and len(named := parts_named(utterance.text)) == 1:
        fill = named[0]  # "you have my base wrong, it's 172k": the one part the correction names
    else:
        fill = None
    if fill:
        utterance.amounts = [
            replace(a, component=fill) if a.component is None and a.unit == "money" and a.holder != CURRENT else a
            for a in utterance.amounts
        ]  # today's pay said beside a floor or a refusal is no part of either
    if utterance.intent in QUESTIONS or utterance.intent == "other" and question:
        utterance.notes = []
    if utterance.intent == "say_no":
        utterance.fixed = []  # "whats my play if they wont move on base?": a refusal supposed, nothing fixed yet
    if utterance.intent == "answer" and pending == "equity":
        # "110k total i think", answering "what is the equity grant?": the grant's total, not the package's
        utterance.amounts = [replace(a, component=None) if a.component == "total" else a for a in utterance.amounts]


__all__ = ["Context", "Utterance", "understand"]
