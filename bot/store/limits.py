"""Every wait on the store has a bound, so a stalled database becomes an error reply in seconds.

A probe found a PostgreSQL stall (the network holding the bytes) hanging every DM with no
bound while `/healthz` said 200. The bounds, and why each:

- **connect**: libpq's `connect_timeout` (2 s, the smallest libpq honours) covers TCP and the
  start-up exchange.
- **a statement**: PostgreSQL's `statement_timeout` and `lock_timeout` end a slow or blocked
  query on the server, which then answers with an error. They cannot end a stall between the
  two (the server never sees the query), so the client also waits at most `CLIENT_DEADLINE`
  on the socket (`BoundedConnection.wait`), then closes that connection. A two-person turn
  waits for the other process's turn (one row lock, milliseconds) far below these.
- **the pool**: `POOL_TIMEOUT`, when every connection is checked out.
- **SQLite**: the busy timeout, how long a writer waits for another process's write
  (`SQLITE_BUSY_MS`, 30 s before this module; turns hold the lock for milliseconds); a
  writer that waited it out starts the same cool-down (`fail_fast_when_locked`).

After a client deadline or a failed connect, `StoreHealth` counts the store as unavailable
for `COOLDOWN` seconds and every use fails at once: a DM records its event id and then runs
its turn, and each would otherwise wait out its own deadline (plus a reconnect through the
pool's pre-ping). The first use after the cool-down tries again, so service resumes by itself.
`/healthz` reports the same state, from a probe that runs on its own thread (never in the
request) at most every `PROBE_EVERY` seconds.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 2  # seconds; libpq treats anything lower as 2
LOCK_TIMEOUT_MS = 2000
STATEMENT_TIMEOUT_MS = 2500
CLIENT_DEADLINE = 3.0  # seconds on the socket for one round trip; above the server's own limits
IDLE_IN_TRANSACTION_MS = 30000  # a process that hangs mid-turn frees the person's row lock
POOL_TIMEOUT = 2.0
SQLITE_BUSY_MS = 3000
COOLDOWN = 3.0
PROBE_EVERY = 2.0


class StoreHealth:
    """Whether the store answered last time, and the fail-fast window after it did not."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.reason: str | None = None  # None: the store answered
        self._down_until = 0.0
        self._probing = threading.Lock()
        self._last_probe = float("-inf")

    def failed(self, reason: str) -> None:
        if self.reason != reason:
            log.error("store unavailable: %s", reason)
        self.reason = reason
        self._down_until = self.clock() + COOLDOWN

    def answered(self) -> None:
        if self.reason is not None:
            log.info("store available again")
            self.reason = None
            self._down_until = 0.0

    def refusing(self) -> str | None:
        """The reason to fail at once (within the cool-down after a failure), else None."""
        if self.reason is not None and self.clock() < self._down_until:
            return self.reason
        return None

    def describe(self) -> str:
        return "ok" if self.reason is None else f"unavailable ({self.reason})"

    def check(self, probe: Callable[[], None]) -> str:
        """The last known state, at once; starts `probe` on a thread when the last one is older
        than `PROBE_EVERY` and none is running (a stalled probe holds no request)."""
        now = self.clock()
        if now - self._last_probe >= PROBE_EVERY and self._probing.acquire(blocking=False):
            self._last_probe = now
            threading.Thread(target=self._probe, args=(probe,), name="comp-coach-store-probe", daemon=True).start()
        return self.describe()

    def _probe(self, probe: Callable[[], None]) -> None:
        try:
            probe()
            self.answered()
        except Exception as error:
            if self.reason is None:  # a failure the connection layer did not name (SQLite, a refusal)
                self.failed(failure_reason(error))
        finally:
            self._last_probe = self.clock()
            self._probing.release()


def failure_reason(error: BaseException) -> str:
    """A short, figure-free name for why the store failed: timeout, cannot connect, locked..."""
    text = str(getattr(error, "orig", None) or error).lower()
    for words, reason in (
        (("timeout", "timed out", "no answer"), "timeout"),
        (("database is locked",), "locked"),
        (("refused", "could not connect", "connection failed"), "cannot connect"),
    ):
        if any(word in text for word in words):
            return reason
    return type(getattr(error, "orig", None) or error).__name__


class StoreUnavailable(RuntimeError):
    """Raised instead of waiting while the store is known to be down (the cool-down)."""


def fail_fast_when_locked(engine, health: StoreHealth) -> None:
    """SQLite: a writer that waited out the busy timeout marks the store `locked`, and the
    statements of the cool-down fail at once (a DM's event-id record and its turn would
    otherwise wait out two busy timeouts)."""
    from sqlalchemy import event

    @event.listens_for(engine, "handle_error")
    def _note_locked(context) -> None:  # noqa: ANN001 - SQLAlchemy's hook signature
        if "database is locked" in str(context.original_exception):
            health.failed("locked")

    @event.listens_for(engine, "before_cursor_execute")
    def _refuse_while_locked(connection, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        reason = health.refusing()
        if reason is not None:
            raise StoreUnavailable(f"store unavailable ({reason}); not waiting")


def postgres_options(existing: str | None) -> str:
    """Server-side limits for each session, added to any `options` the URL already carries."""
    limits = (
        f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c lock_timeout={LOCK_TIMEOUT_MS} "
        f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS}"
    )
    return f"{existing} {limits}" if existing else limits


def bounded_postgres_connect(health: StoreHealth) -> Callable[..., object]:
    """A `do_connect` hook: psycopg connections whose every wait is bounded, refused at once
    while the store is known to be down."""
    import psycopg

    class BoundedConnection(psycopg.Connection):
        """A psycopg connection that waits at most `CLIENT_DEADLINE` for any answer."""

        def wait(self, gen, interval=0.1, timeout=None):  # noqa: ANN001 - psycopg's signature
            reason = health.refusing()
            if reason is not None:
                self.pgconn.finish()  # the query never ran: the connection is left closed, not half-used
                raise psycopg.OperationalError(f"store unavailable ({reason}); not waiting")
            try:
                result = super().wait(gen, interval=interval, timeout=CLIENT_DEADLINE if timeout is None else timeout)
            except psycopg.errors._WaitTimeout:  # psycopg's own "no answer within timeout"
                self.pgconn.finish()  # mid-exchange: the connection cannot be reused
                health.failed("timeout")
                raise psycopg.OperationalError(f"no answer from PostgreSQL within {CLIENT_DEADLINE:g} s") from None
            health.answered()
            return result

    def connect(dialect, conn_rec, cargs, cparams):  # noqa: ANN001 - SQLAlchemy's hook signature
        reason = health.refusing()
        if reason is not None:
            raise psycopg.OperationalError(f"store unavailable ({reason}); not connecting")
        params = {**cparams, "connect_timeout": CONNECT_TIMEOUT, "options": postgres_options(cparams.get("options"))}
        try:
            return BoundedConnection.connect(*cargs, **params)
        except psycopg.errors.ConnectionTimeout:
            health.failed("timeout")
            raise
        except psycopg.OperationalError as error:
            health.failed(failure_reason(error))
            raise

    return connect
