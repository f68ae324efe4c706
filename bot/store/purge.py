"""Purging what has outlived its promise, on a schedule that does not wait for traffic.

Expired coaching cases (a person's offer figures, kept `COMP_COACH_CASE_TTL_DAYS` after their
last turn) and old Slack event ids are deleted every `COMP_COACH_PURGE_SECONDS` by a thread in
each server process (`comp-coach serve` workers and `comp-coach socket`), and at once by
`comp-coach purge`. Purging is idempotent, so several processes on one database may overlap.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.store.database import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Purged:
    cases: int
    events: int


def purge_now(store: Store) -> Purged:
    """Delete expired cases (scrubbing their figures from the files) and expired event ids."""
    from bot.store.cases import CaseStore

    cases = CaseStore(store, purge_on_open=False).purge()
    return Purged(cases=cases, events=store.purge_events())


class PurgeSchedule:
    """Purges every `every` seconds on the calling (daemon) thread until stopped; a failed round
    is logged by its error's name and the next one tries again."""

    def __init__(self, store: Store, every: float) -> None:
        self.store = store
        self.every = every
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> None:
        while not self._stop.wait(self.every):
            try:
                purged = purge_now(self.store)
            except Exception as error:  # the store down: the next round tries again
                log.error("scheduled purge failed: %s", type(error).__name__)
                continue
            if purged.cases or purged.events:
                log.info("scheduled purge: %d expired cases, %d old event ids", purged.cases, purged.events)
