"""Matching tries only the spans a phrase table can hold (`PhraseMatcher._possible_spans`): it
must read every query exactly as trying every span up to `MAX_SPAN` words does. Shown failing
against dropping the plural look-up of a single unit, and against following only the word
beginnings of longer phrases (not the run-together ones)."""

from __future__ import annotations

import random

import pytest

from bot.guides.matching import MAX_SPAN
from bot.guides.resolve import Resolver


@pytest.fixture(scope="module")
def resolver():
    from bot.answers import Answers

    return Answers.load().resolver


def every_span(units, quoted_before):
    """The spans as matching tried them before: all of them, a quoted unit only alone."""
    count = len(units)
    return [
        (start, end, " ".join(word for word, _ in units[start:end]))
        for start in range(count)
        for end in range(start + 1, min(start + MAX_SPAN, count) + 1)
        if end - start == 1 or quoted_before[end] == quoted_before[start]
    ]


def texts(resolver: Resolver, count: int) -> list[str]:
    """Queries made of the tables' own phrases (whole, run together, plural, quoted, split
    apart) with everyday and unknown words between them."""
    rng = random.Random(7)
    phrases = sorted(resolver._phrases)
    filler = ["at", "in", "for", "the", "senior", "staff", "l5", "sde2", "usd", "zorblax", "s", "x", "de"]
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 5)):
            phrase = rng.choice(phrases) if rng.random() < 0.7 else rng.choice(filler)
            shape = rng.random()
            if shape < 0.1:
                phrase = phrase.replace(" ", "")
            elif shape < 0.2:
                phrase = f"{phrase}s"
            elif shape < 0.25:
                phrase = f'"{phrase}"'
            elif shape < 0.35 and len(phrase) > 4:
                cut = rng.randint(2, len(phrase) - 2)
                phrase = f"{phrase[:cut]} {phrase[cut:]}"
            parts.append(phrase)
        out.append(" ".join(parts))
    return out


def test_only_the_possible_spans_read_every_query_as_every_span_does(resolver, monkeypatch):
    queries = texts(resolver, 1500)
    pruned = [resolver._company_match(text) for text in queries]
    monkeypatch.setattr(resolver, "_possible_spans", every_span)
    for text, match in zip(queries, pruned, strict=True):
        assert resolver._company_match(text) == match, text
