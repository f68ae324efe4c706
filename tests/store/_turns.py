"""A worker process for the concurrency tests: N turns against one person's case.

Each turn reads the case under the lock, appends its own mark and saves. A lost update
would drop marks; mixed state would put one person's marks in another's case.
Usage: python tests/store/_turns.py URL STATE_DIR TEAM USER WORKER TURNS
"""

import sys
from pathlib import Path

from bot.store.cases import CaseStore
from bot.store.database import Store


def main(url: str, state: str, team: str, user: str, worker: str, turns: int) -> None:
    store = Store.open(url or None, Path(state))
    cases = CaseStore(store)
    for turn in range(turns):
        with cases.locked(team, user) as slot:
            data = slot.data or {"marks": [], "user": user}
            assert data["user"] == user, "another person's case"
            data["marks"].append(f"{worker}:{turn}")
            slot.save(data)
    store.dispose()


if __name__ == "__main__":
    url, state, team, user, worker, turns = sys.argv[1:]
    main(url, state, team, user, worker, int(turns))
