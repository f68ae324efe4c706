"""Run every benchmark module (or the ones named: `python -m bench lookup http`)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    names = argv or sorted(
        info.name for info in pkgutil.iter_modules([str(Path(__file__).parent)]) if not info.name.startswith("_")
    )
    failures = 0
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"\n== {name}: {module.__doc__.strip().splitlines()[0] if module.__doc__ else ''}", flush=True)
        started = time.perf_counter()
        failed = module.run()
        failures += len(failed)
        for line in failed:
            print(f"   FAIL {line}", flush=True)
        print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    print(f"\nbench: {len(names)} benchmarks, {failures} figures over their targets")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
