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
DISCUSSED = frozenset({"planetscale"})  # the company the labelled lines talk about
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
