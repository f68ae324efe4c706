"""The labelled set (labelled.txt) and its scores: intent accuracy per class, a confusion
table, and entity precision/recall/F1. Shared by tests/understanding and bench/understanding.py."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bot.understanding.entities import Context
from bot.understanding.reader import understand

LABELLED = Path(__file__).with_name("labelled.txt")
# the company the labelled lines talk about, by the names the coach gives the reader (its name, and its initials: "ps")
DISCUSSED = frozenset({"planetscale", "ps"})
PENDING_RE = re.compile(r"^\[(?P<slot>\w+)\]\s*")


@dataclass(frozen=True)
class Example:
    intent: str
    text: str
    entities: frozenset[str]
    pending: str | None
    held_out: bool
    line: int
    section: str = "tuned"  # "tuned", or the held-out heading it sits under ("held-out", "held-out 2")


HELD_OUT_RE = re.compile(r"^## (held-out(?: \d+)?)\s*$")


def examples(path: Path = LABELLED) -> list[Example]:
    """Every labelled line; a `## held-out` or `## held-out N` heading starts a held-out section,
    any other `## ` heading a tuned one."""
    out, section = [], "tuned"
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.startswith("## "):
            held = HELD_OUT_RE.match(raw.strip())
            section = held[1] if held else "tuned"
            continue
        if not raw.strip() or raw.startswith("#"):
            continue
        intent, text, entities = (part.strip() for part in raw.split(" | "))
        pending = None
        match = PENDING_RE.match(text)
        if match:
            pending, text = match["slot"], text[match.end() :]
        out.append(Example(intent, text, frozenset(entities.split()), pending, section != "tuned", number, section))
    return out


def sections(items: list[Example]) -> dict[str, list[Example]]:
    """The examples by section, tuned first, then each held-out section in file order."""
    out: dict[str, list[Example]] = {"tuned": []}
    for example in items:
        out.setdefault(example.section, []).append(example)
    return out


@dataclass
class Score:
    total: int = 0
    correct: int = 0
    per_class: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))  # right, seen
    confusion: Counter = field(default_factory=Counter)  # (expected, got) -> count, mistakes only
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    entity_misses: list[str] = field(default_factory=list)
    intent_misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def entity_f1(self) -> float:
        precision = self.true_pos / (self.true_pos + self.false_pos) if self.true_pos + self.false_pos else 1.0
        recall = self.true_pos / (self.true_pos + self.false_neg) if self.true_pos + self.false_neg else 1.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def class_accuracy(self, intent: str) -> float:
        right, seen = self.per_class[intent]
        return right / seen if seen else 0.0


def score(items: list[Example], second_opinion: bool = True) -> Score:
    """`second_opinion=False`: the rules alone, without the classifier (bot/understanding/classifier.py)."""
    result = Score()
    for example in items:
        context = Context(pending=example.pending, company_names=DISCUSSED)
        utterance = understand(example.text, context, second_opinion=second_opinion)
        result.total += 1
        counts = result.per_class[example.intent]
        counts[1] += 1
        if utterance.intent == example.intent:
            result.correct += 1
            counts[0] += 1
        else:
            result.confusion[(example.intent, utterance.intent)] += 1
            result.intent_misses.append(f"line {example.line}: {example.intent} -> {utterance.intent}: {example.text}")
        got = utterance.labels()
        result.true_pos += len(got & example.entities)
        result.false_pos += len(got - example.entities)
        result.false_neg += len(example.entities - got)
        if got != example.entities:
            missing, extra = sorted(example.entities - got), sorted(got - example.entities)
            result.entity_misses.append(f"line {example.line}: missing {missing} extra {extra}: {example.text}")
    return result


# Keys whose value is not a sum of money, so never "a figure of an offer".
NOT_FIGURES = frozenset({"years", "cliff", "schedule", "share_price", "strike", "level"})


def _split(label: str) -> tuple[str | None, str, str] | None:
    """`holder:part=value` -> (holder or None for the person's own offer, part, value); None for a
    label that is no figure (`rival=x`, `grant=rsu`, `fixed=base`, ...)."""
    key, _, value = label.partition("=")
    holder, _, part = key.rpartition(":")
    if not value[:1].isdigit() or part in NOT_FIGURES:
        return None
    return (holder or None), part, value


def misattributed(example: Example, got: frozenset[str]) -> list[str]:
    """Own-offer figures predicted for `example` that its label gives to a rival or the current job:
    the harmful misreading, since the case would then hold someone else's numbers as the person's."""
    return _moved(example, got, to_own=True)


def given_away(example: Example, got: frozenset[str]) -> list[str]:
    """The other way round: figures predicted as a rival's or the current job's that the label gives to the person's
    own offer ("the return offer is 145k" read as a rival called 'return'): the offer loses them, and the coach
    would set a made-up alternative against it."""
    return _moved(example, got, to_own=False)


def _moved(example: Example, got: frozenset[str], to_own: bool) -> list[str]:
    """Predicted figures whose holder crossed the line between the person's offer and everyone else's."""
    expected = [split for label in example.entities if (split := _split(label))]
    own = {value for holder, _, value in expected if holder is None}
    others = {value for holder, _, value in expected if holder is not None}
    source, kept = (others, own) if to_own else (own, others)
    out = []
    for label in sorted(got):
        split = _split(label)
        if split and (split[0] is None) == to_own and split[2] in source and split[2] not in kept:
            out.append(label)
    return out


def misattributions(items: list[Example], check=misattributed) -> list[str]:
    """Every line with a misattributed own-offer figure (`misattributed`, or `given_away` the other way round),
    as `line N: [labels]: text`."""
    out = []
    for example in items:
        context = Context(pending=example.pending, company_names=DISCUSSED)
        wrong = check(example, understand(example.text, context).labels())
        if wrong:
            out.append(f"line {example.line}: {wrong}: {example.text}")
    return out
