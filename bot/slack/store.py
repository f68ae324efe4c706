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
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._store: Store | None = None
        self._lock = threading.Lock()

    def opened(self) -> Store:
        with self._lock:
            if self._store is None:
                from bot.store.database import Store

                self._store = Store.open(self.settings.database_url, self.settings.state_path)
            return self._store

    def warm(self) -> None:
        threading.Thread(target=self._try_open, name="comp-coach-store", daemon=True).start()

    def _try_open(self) -> None:
        try:
            self.opened()
        except Exception as error:  # the first event tries again (and answers anyway)
            log.error("store not available yet: %s", type(error).__name__)

    def __getattr__(self, name: str):
        if name.startswith("_"):  # never for our own attributes (copy, pickle)
            raise AttributeError(name)
        return getattr(self.opened(), name)
