"""Lookup: resolve + render one /comp answer in-process, and process start to first answer."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from bench._util import check, median, ms, percentile, time_calls

QUERIES = ["planetscale ml remote", "planetscale ml", "planetscle ml sf", "acme ml london", ""]


def run() -> list[str]:
    from bot.answers import Answers

    failures: list[str] = []
    answers = Answers.load()
    # Baseline in the same run: resolving alone, to show what rendering adds.
    resolve_only = time_calls(lambda: answers.resolver.resolve("planetscale ml remote"), repeat=2000)
    render = answers.comp.__wrapped__  # past the lookup cache: this measures the work itself
    full = time_calls(lambda: render("planetscale ml remote"), repeat=2000)
    print(f"   resolve only: median {ms(median(resolve_only))}, p99 {ms(percentile(resolve_only, 99))}")
    print(f"   resolve + render: median {ms(median(full))}, p99 {ms(percentile(full, 99))}")
    check(failures, "resolve + render median", median(full) * 1000, 1.0, " ms")
    for query in QUERIES[1:]:
        samples = time_calls(lambda q=query: render(q), repeat=500)
        print(f"   {query!r:28} median {ms(median(samples))}")

    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    # Baselines in the same run: a bare interpreter, and one that only imports what any
    # answer needs from outside the project (a pydantic model built, Jinja2), so a slow
    # moment of the machine shows in them too.
    commands = {
        "bare interpreter": [sys.executable, "-c", "pass"],
        "pydantic + Jinja2 only": [sys.executable, "-c", DEPENDENCIES_ONLY],
        "first answer": [sys.executable, "-m", "bot", "ask", "/comp planetscale ml remote"],
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(RUNS):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
            samples[name].append(time.perf_counter() - start)
    for name in ("bare interpreter", "pydantic + Jinja2 only"):
        print(f"   {name} (baseline): median {ms(median(samples[name]))}")
    first = median(samples["first answer"])
    print(f"   first answer minus the dependencies' own start: {ms(first - median(samples['pydantic + Jinja2 only']))}")
    check(failures, f"process start to first answer (median of {RUNS})", first * 1000, 400, " ms")
    return failures


RUNS = 11
DEPENDENCIES_ONLY = (
    "import jinja2\nfrom pydantic import BaseModel\nclass Figure(BaseModel):\n    amount: int\nFigure(amount=1)\n"
)
