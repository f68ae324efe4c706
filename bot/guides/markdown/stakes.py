"""A grant written as a stake in the company (`0.05%–0.08%` under `VSOP (% FD)`).

A percentage is no amount: beside a money column of the same grant (`Equity Value (@ €240M)`) the money is the
band's stock, the stake kept beside it as written, as a share count is. Where the guide states the valuation the
stake is of, the stake × that valuation is checked against the money written (grant_checks.py).
"""

from __future__ import annotations

import re

STAKE_RE = re.compile(r"^\s*\d+(?:[.,]\d+)?\s?%\s*(?:[–—-]|to)\s*\d+(?:[.,]\d+)?\s?%\s*$|^\s*\d+(?:[.,]\d+)?\s?%\s*$")


def is_stake(note: str | None) -> bool:
    """Whether a stock cell kept as written is a percentage alone (one or a range), nothing else in it."""
    return bool(note and STAKE_RE.match(note))
