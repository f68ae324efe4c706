"""When answering fails: a short apology for the person, and a log line without their words.

A listener that raises would otherwise show Slack's "dispatch_failed" (commands) or nothing
at all (events), and Bolt's own error log line carries the exception's message, which can
quote what someone typed. Here the log gets the exception type and the stack frames only.

A store that is down or stalled is an outage, not a bug: every turn fails the same way, so
each gets one line with the reason (`timeout`, `cannot connect`...) and no stack frames,
which during a stall had made about 70 lines of log per event.
"""

from __future__ import annotations

import logging
import traceback

from bot.render.fixed import apology

__all__ = ["apology", "log_failure", "store_outage"]

log = logging.getLogger(__name__)

# Raised by the store's driver or pool when the database cannot be reached in time; matched by
# name so that this module (on every answer's error path) never imports SQLAlchemy itself.
OUTAGE_ERRORS = {"OperationalError", "StoreUnavailable", "TimeoutError", "InterfaceError"}
OUTAGE_MODULES = ("sqlalchemy.", "psycopg", "sqlite3", "bot.store.")


def store_outage(error: BaseException) -> bool:
    """True for the store being unreachable, stalled or locked (not for a bug in a query)."""
    return any(
        kind.__name__ in OUTAGE_ERRORS and kind.__module__.startswith(OUTAGE_MODULES) for kind in type(error).__mro__
    )


def log_failure(what: str, ident: str | None, error: BaseException) -> None:
    if store_outage(error):
        from bot.store.limits import failure_reason

        log.error("%s %s failed: store unavailable (%s)", what, ident, failure_reason(error))
        return
    frames = "".join(traceback.format_tb(error.__traceback__))
    log.error("%s %s failed: %s\n%s", what, ident, type(error).__name__, frames.rstrip())
