"""Queries: natural /comp lookups over a generated library of hundreds of companies, scored per phrasing.

The labelled set comes from `bench._queries` (exact names, lower-case short forms,
sentences, slugs, typos, seniority, levels, aliases and tickers, and traps: a company
called Remote, companies not on hand, two folders of one name, everyday-word aliases,
currencies). Measured: the share of queries landing on the right band (or on the answer
that says what is missing) per phrasing class, against a 97% target each; and the answers
that show another band than the one asked for without saying so in their first line
(target 0). Baseline in the same run: the same queries with every word of the query
but the company dropped, which lands only by chance, to show what the words add.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench._queries import CLASSES, HELD_OUT, build, by_sub, score, summary
from bench._util import check, median, ms, time_calls

TARGET = 97.0
# Held-out classes (bench/_held_out.py) are reported against a floor of their own, so a drop
# fails the run; `held-out-5-tuning` was written for tuning and holds the tuned target.
FLOORS = {"held-out": 97.0, "held-out-2": 97.0, "held-out-3": 92.0, "held-out-4": 93.0, "held-out-5-tuning": 97.0}
SEED = 21


def run() -> list[str]:
    from bot.answers import Answers

    failures: list[str] = []
    with tempfile.TemporaryDirectory() as root:
        folder, state = Path(root) / "library", Path(root) / "state"
        started = time.perf_counter()
        labelled = build(folder, seed=SEED)
        answers = Answers.load([folder], state_dir=state)
        print(
            f"   library: {len(answers.catalog.guides)} guides, {answers.catalog.company_count} companies; "
            f"{len(labelled)} labelled queries ({time.perf_counter() - started:.1f} s to write and load)",
            flush=True,
        )
        outcomes = score(answers, labelled)
        for name, (right, total) in summary(outcomes).items():
            share = 100 * right / total
            bar = FLOORS.get(name, TARGET)
            verdict = "ok" if share >= bar else "UNDER"
            kind = "held-out floor" if name in HELD_OUT and not name.endswith("tuning") else "target"
            print(f"   {name:10} on the right band: {right}/{total} = {share:.1f}% ({kind} ≥ {bar}%) {verdict}")
            if share < bar:
                failures.append(f"{name}: {share:.1f}% of queries on the right band < {bar}%")
            if name in HELD_OUT:
                parts = [f"{sub} {r}/{t}" for sub, (r, t) in sorted(by_sub(outcomes, name).items())]
                print(f"              by wording: {', '.join(parts)}")
        silent = [o for o in outcomes if o.silent_wrong]
        check(failures, "answers showing another band without saying so", len(silent), 0)
        for outcome in [o for o in outcomes if not o.right][:60]:
            print(f"     missed [{outcome.labelled.phrasing}] {outcome.labelled.query!r}: {outcome.got}", flush=True)
        right = sum(o.right for o in outcomes)
        print(f"   all classes: {right}/{len(outcomes)} right ({100 * right / len(outcomes):.1f}%)", flush=True)

        baseline = score(answers, [_company_only(item) for item in labelled])
        print(f"   baseline (company words only): {sum(o.right for o in baseline)}/{len(baseline)} right", flush=True)
        lookup = answers.comp_uncached  # past both caches: the work itself
        samples = time_calls(lambda: [lookup(item.query) for item in labelled[:50]], repeat=5, warmup=1)
        print(f"   resolve + render over this library: {ms(median(samples) / 50)} a query (median)", flush=True)
    assert set(summary(outcomes)) <= {*CLASSES, *HELD_OUT}
    return failures


def _company_only(item):
    """The query cut to its first word: a lookup that can only land by chance."""
    from dataclasses import replace

    return replace(item, query=item.query.split()[0])
