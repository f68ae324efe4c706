"""The store as the Slack app uses it: opened once, on first use or just after start-up."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from bot.settings import Settings

if TYPE_CHECKING:
    from bot.store.database import Store

log = logging.getLogger(__name__)


class LazyStore:
    """The store, opened on first use and then shared (attributes pass through to it).

    Lookups never touch it; opening it (SQLAlchemy's import, the schema check) would be a
    fifth of start-up, so `warm()` opens it on a background thread once the app is ready
    instead of before. The first event waits for it only if it arrives within that time.
    The same thread then purges expired cases and old event ids on a schedule
    (bot/store/purge.py), whether or not anyone writes.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._store: Store | None = None
        self._lock = threading.Lock()
        self._open_failure: str | None = None

    def opened(self) -> Store:
        with self._lock:
            if self._store is None:
                from bot.store.database import Store
                from bot.store.limits import failure_reason

                try:
                    self._store = Store.open(self.settings.database_url, self.settings.state_path)
                except Exception as error:
                    self._open_failure = failure_reason(error)
                    raise
                self._open_failure = None
            return self._store

    def state(self) -> str:
        """What `/healthz` says about the store, without waiting: `ok`, `unavailable (why)`, or
        `opening` (a probe or an event opens it; a stalled open holds neither)."""
        store = self._store
        if store is not None:
            return store.state()
        if self._open_failure is not None:
            return f"unavailable ({self._open_failure})"
        return "opening"

    def warm(self) -> None:
        threading.Thread(target=self._open_and_purge, name="comp-coach-store", daemon=True).start()

    def _open_and_purge(self) -> None:
        from bot.store.purge import PurgeSchedule

        try:
            self.opened()
        except Exception as error:  # the first event tries again (and answers anyway)
            log.error("store not available yet: %s", type(error).__name__)
        PurgeSchedule(self, self.settings.purge_every_seconds).run()

    def __getattr__(self, name: str):
        if name.startswith("_"):  # never for our own attributes (copy, pickle)
            raise AttributeError(name)
        return getattr(self.opened(), name)
