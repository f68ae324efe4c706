"""Benchmarks (`make bench`). Each module has `run() -> list[str]` and prints its own figures.

Timings compare against a baseline measured in the same run, because this machine is
noisy; thresholds live here, never in unit tests.
"""
