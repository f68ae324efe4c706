"""Lookup: one /comp answer in-process (rendered afresh, and kept by resolution); process start to a first answer.

In-process, over the shipped guide typed many ways (distinct texts, a few answers): resolving
alone (the baseline), the answer rendered afresh (`Answers.comp_uncached`), and the answer kept
by what the text resolved to (`Answers.comp` past its cache of typed texts). Target: the kept
answer costs at most half of rendering afresh, measured in the same run.

Process start (`python -m bot ask`), each in a fresh state folder, so every "first answer" compiles
its templates and reads its guides as a new dyno does; beside it, the same with the state folder
reused (a restart). Baseline in the same run, interleaved: a process that only imports what any
answer needs from outside the project (pydantic with a model built, Jinja2; rapidfuzz is imported
on the first typo only); the pass/fail is the first answer's time as a ratio of that baseline's, so a
slow moment of the machine shows in both. The ratio is the median of the runs' own ratios (each
run's first answer against the baseline started just before it). Target at most 2.5x: 1.6x on a
quiet machine, up to 2.4x measured while other work shared it (a fresh state folder writes the
compiled templates, which contention slows more than the baseline's imports).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._util import check, median, ms, percentile, time_calls

TYPED = [
    "planetscale ml remote",
    "PlanetScale ML remote",
    "ml planetscale remote",
    "planetscale ml engineer remote",
    "planetscale ai engineer remote us",
    "ml @ planetscale, remote",
    "what does an ml engineer make at planetscale remote?",
    "planetscale machine learning remote",
    "planetscale ml sf",
    "PlanetScale ML SF",
    "planetscale ml bay area",
    "ml engineer planetscale san francisco",
    "planetscale ml",
    "planetscale ml engineer",
    "planetscale ml levers",
    "script planetscale ml remote",
    "planetscale",
    "acme ml london",
    "",
]
RUNS = 9
KEPT_RATIO_TARGET = 0.5  # kept answer / rendered afresh
START_RATIO_TARGET = 2.5  # first answer (fresh state) / the dependencies' own import
DEPENDENCIES_ONLY = (
    "import jinja2\nfrom pydantic import BaseModel\nclass Figure(BaseModel):\n    amount: int\nFigure(amount=1)\n"
)


def run() -> list[str]:
    failures: list[str] = []
    _in_process(failures)
    _process_start(failures)
    return failures


def _in_process(failures: list[str]) -> None:
    from bot.answers import Answers

    answers = Answers.load()
    kept = answers.comp.__wrapped__  # past the cache of typed texts
    for text in TYPED:
        kept(text)

    def each(fn):
        return lambda: [fn(text) for text in TYPED]

    resolve = time_calls(each(answers._resolve), repeat=100, warmup=3)
    fresh = time_calls(each(answers.comp_uncached), repeat=100, warmup=3)
    by_resolution = time_calls(each(kept), repeat=100, warmup=3)
    per = len(TYPED)
    print(f"   {per} distinct texts for the shipped guide, per answer (median of 100 passes):")
    print(f"   resolve only (baseline): {ms(median(resolve) / per)}")
    print(f"   rendered afresh: {ms(median(fresh) / per)}, p99 pass {ms(percentile(fresh, 99) / per)}")
    ratio = median(by_resolution) / median(fresh)
    print(
        f"   kept by resolution: {ms(median(by_resolution) / per)}: {ratio:.3f}x rendered afresh "
        f"(baseline: rendered afresh, same run), {median(by_resolution) / median(resolve):.2f}x resolving alone"
    )
    check(failures, "kept answer / rendered afresh", ratio, KEPT_RATIO_TARGET, "x")


def _process_start(failures: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "COMP_COACH_"))}
    ask = [sys.executable, "-m", "bot", "ask", "/comp planetscale ml remote"]
    samples: dict[str, list[float]] = {"bare": [], "dependencies": [], "fresh": [], "reused": []}
    with tempfile.TemporaryDirectory(prefix="bench-lookup-") as root:
        reused = Path(root) / "reused"
        subprocess.run(ask, check=True, env={**env, "COMP_COACH_STATE_DIR": str(reused)}, stdout=subprocess.DEVNULL)
        for number in range(RUNS):
            fresh = Path(root) / f"fresh-{number}"
            assert not fresh.exists()  # a new dyno: nothing compiled, nothing indexed
            commands = {
                "bare": ([sys.executable, "-c", "pass"], env),
                "dependencies": ([sys.executable, "-c", DEPENDENCIES_ONLY], env),
                "fresh": (ask, {**env, "COMP_COACH_STATE_DIR": str(fresh)}),
                "reused": (ask, {**env, "COMP_COACH_STATE_DIR": str(reused)}),
            }
            for name, (command, environment) in commands.items():
                start = time.perf_counter()
                subprocess.run(command, check=True, env=environment, stdout=subprocess.DEVNULL)
                samples[name].append(time.perf_counter() - start)
    ratio = median([first / deps for first, deps in zip(samples["fresh"], samples["dependencies"], strict=True)])
    bare, deps = median(samples["bare"]), median(samples["dependencies"])
    first, restart = median(samples["fresh"]), median(samples["reused"])
    print(f"   bare interpreter: {ms(bare)}; pydantic + Jinja2 only (baseline): {ms(deps)}")
    print(
        f"   first answer, fresh state folder each run (median of {RUNS}): {ms(first)}, "
        f"{ms(first - deps)} beyond the dependencies' own import"
    )
    print(f"   first answer, state folder reused (a restart): {ms(restart)}, {restart / deps:.2f}x the baseline")
    check(failures, "first answer (fresh state) / dependencies' import, median run", ratio, START_RATIO_TARGET, "x")
