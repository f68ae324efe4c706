"""Logging for the Slack app: event types, ids and counts, never what people wrote.

Bolt and slack_sdk log whole payloads (message text, offers) at DEBUG, and Bolt logs the raw
body of a request with a bad signature at INFO. `quiet_payload_loggers` keeps both out.
"""

from __future__ import annotations

import logging
import re

from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped

PAYLOAD_LOGGERS = ("slack_bolt", "slack_sdk", "bot.slack.bolt")
BODY = re.compile(r"((?:request |raw |response )?body(?:_params)?\s*[:=]).*", re.IGNORECASE | re.DOTALL)


# Bolt's ERROR for a request from a workspace with no installation (multi_teams_authorization.py).
# In OAuth mode that is an expected request, answered with the not-installed reply: one INFO line.
NOT_INSTALLED = "Although the app should be installed into this workspace"
NOT_INSTALLED_LINE = "refused a request from a workspace without an installation: sent the not-installed reply"


class WithholdBodies(logging.Filter):
    """Cuts a log line at the first `body:`; the rest would be what someone typed."""

    skipped = warning_client_prioritized_and_token_skipped()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message == self.skipped:
            return False  # Bolt reads SLACK_BOT_TOKEN too and warns our client's token wins: it is the same one
        if message.startswith(NOT_INSTALLED):
            record.msg, record.args = NOT_INSTALLED_LINE, ()
            record.levelno, record.levelname = logging.INFO, "INFO"
            return True
        if BODY.search(message):
            record.msg, record.args = BODY.sub(r"\1 (withheld)", message), ()
        return True


def quiet_payload_loggers() -> logging.Logger:
    """The base logger for Bolt (its loggers copy this one's level and filters) and a
    body-withholding filter on every root handler, for slack_sdk's own loggers."""
    level = max(logging.INFO, logging.getLogger().getEffectiveLevel())
    for name in PAYLOAD_LOGGERS:
        logging.getLogger(name).setLevel(level)
    logger = logging.getLogger("bot.slack.bolt")
    for target in (logger, *logging.getLogger().handlers):
        if not any(isinstance(f, WithholdBodies) for f in target.filters):
            target.addFilter(WithholdBodies())
    return logger
