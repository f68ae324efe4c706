"""When answering fails: a short apology for the person, and a log line without their words.

A listener that raises would otherwise show Slack's "dispatch_failed" (commands) or nothing
at all (events), and Bolt's own error log line carries the exception's message, which can
quote what someone typed. Here the log gets the exception type and the stack frames only.
"""

from __future__ import annotations

import logging
import traceback

from bot.render.fixed import apology

__all__ = ["apology", "log_failure"]

log = logging.getLogger(__name__)


def log_failure(what: str, ident: str | None, error: BaseException) -> None:
    frames = "".join(traceback.format_tb(error.__traceback__))
    log.error("%s %s failed: %s\n%s", what, ident, type(error).__name__, frames.rstrip())
