"""Interactivity: buttons and menus under the answers.

Slack sends a `block_actions` payload for every click, link buttons included, and shows
the person an error unless it is acknowledged within 3 seconds. Specific actions are
registered in `register`; `register_fallback` acknowledges whatever no listener claimed
and must stay the last listener registered (Bolt runs the first one that matches).
"""

from __future__ import annotations

import logging
import re

from slack_bolt import Ack, App

log = logging.getLogger(__name__)

ANY_ACTION = re.compile(".*")


def register(app: App) -> None:
    """Specific actions go here (none yet besides the fallback)."""


def register_fallback(app: App) -> None:
    def acknowledge(ack: Ack, action: dict) -> None:
        ack()
        log.debug("acknowledged action %s", action.get("action_id"))

    app.action(ANY_ACTION)(acknowledge)
