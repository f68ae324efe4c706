"""Purging what has outlived its promise, on a schedule that does not wait for traffic.

Expired coaching cases (a person's offer figures, kept `COMP_COACH_CASE_TTL_DAYS` after their
last turn), old Slack event ids, and replies left in the outbox with no process to deliver them
(an hour past their life: every running process sends or replaces a reply once it is due) are
deleted every `COMP_COACH_PURGE_SECONDS` by a thread in
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
    replies: int = 0


ABANDONED_REPLY_SECONDS = 3600.0  # past a reply's life (bot/store/outbox.py) before it is dropped


def purge_now(store: Store) -> Purged:
    """Delete expired cases (scrubbing their figures from the files) and expired event ids."""
    from bot.store.cases import CaseStore
    from bot.store.outbox import Outbox

    cases = CaseStore(store, purge_on_open=False).purge()
    replies = store.retrying_missing_tables(lambda: Outbox(store).purge(ABANDONED_REPLY_SECONDS))
    return Purged(cases=cases, events=store.purge_events(), replies=replies)


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
            if purged.cases or purged.events or purged.replies:
                log.info(
                    "scheduled purge: %d expired cases, %d old event ids, %d abandoned replies",
                    purged.cases,
                    purged.events,
                    purged.replies,
                )
