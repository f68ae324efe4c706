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
    baseline, first_answer = [], []
    for _ in range(7):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=env)
        baseline.append(time.perf_counter() - start)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot", "ask", "/comp planetscale ml remote"],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        first_answer.append(time.perf_counter() - start)
    print(f"   bare interpreter start (baseline): median {ms(median(baseline))}")
    check(failures, "process start to first answer (median of 7)", median(first_answer) * 1000, 400, " ms")
    return failures
