"""OAuth mode: a workspace that removes the app is erased (`app_uninstalled`, `tokens_revoked`).

Bolt acknowledges these events without authorizing them (the token is already gone); the
erasing runs after the ack, as a lazy listener. The app asks for no user tokens, so a
`tokens_revoked` naming only user tokens leaves nothing of ours to erase but their
installation rows; one naming the bot's token ends the app's life in that workspace.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_bolt import Ack, App, BoltContext

from bot.slack.failures import log_failure

log = logging.getLogger(__name__)

Erase = Callable[[str | None, str | None], dict[str, int]]


def acknowledge(ack: Ack) -> None:
    ack()


def register(app: App, erase: Erase) -> None:
    def erase_workspace(body: dict, context: BoltContext) -> None:
        enterprise_id, team_id = context.enterprise_id, context.team_id or body.get("team_id")
        try:
            erased = erase(enterprise_id, team_id)
        except Exception as error:  # Slack does not resend it: the log says what is left
            log_failure("erasing workspace", team_id, error)
            return
        counts = ", ".join(f"{table} {rows}" for table, rows in sorted(erased.items()))
        log.info("%s: erased workspace %s (%s)", body.get("event", {}).get("type"), team_id, counts)

    def erase_if_bot_revoked(body: dict, event: dict, context: BoltContext) -> None:
        tokens = event.get("tokens") or {}
        if tokens.get("bot"):
            erase_workspace(body, context)
        else:
            log.info("tokens_revoked for user tokens only in %s: nothing to erase", context.team_id)

    app.event("app_uninstalled")(ack=acknowledge, lazy=[erase_workspace])
    app.event("tokens_revoked")(ack=acknowledge, lazy=[erase_if_bot_revoked])
