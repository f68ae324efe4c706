"""Small helpers shared by the benchmarks: timing, medians, child processes, RSS."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path


def time_calls(fn: Callable[[], object], repeat: int, warmup: int = 20) -> list[float]:
    """Seconds per call, `repeat` samples after `warmup` unmeasured calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def time_interleaved(fns: list[Callable[[], object]], rounds: int, per_round: int) -> list[list[float]]:
    """Seconds per call of each function, timed in alternating chunks of `per_round` calls.

    Two figures compared as a ratio are timed this way rather than one after the other, so
    that a burst of other work on the machine lands on both rather than on one of them.
    """
    samples: list[list[float]] = [[] for _ in fns]
    for fn in fns:
        time_calls(fn, repeat=0)  # warm up each before any is measured
    for _ in range(rounds):
        for fn, kept in zip(fns, samples, strict=True):
            kept.extend(time_calls(fn, repeat=per_round, warmup=0))
    return samples


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def check(failures: list[str], label: str, value: float, limit: float, unit: str = "") -> None:
    """Print a figure against its target; remember it when over."""
    verdict = "ok" if value <= limit else "OVER"
    print(f"   {label}: {value:.3f}{unit} (target ≤ {limit}{unit}) {verdict}", flush=True)
    if value > limit:
        failures.append(f"{label}: {value:.3f}{unit} > {limit}{unit}")


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants, from /proc, in MB."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    total_kb = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            pass
        stack.extend(children.get(current, []))
    return total_kb / 1024
