"""OAuth mode: a workspace that removes the app is erased (`app_uninstalled`, `tokens_revoked`).

Bolt acknowledges these events without authorizing them (the token is already gone); the
erasing runs after the ack, as a lazy listener. The app asks for no user tokens, so a
`tokens_revoked` naming only user tokens leaves nothing of ours to erase but their
installation rows; one naming the bot's token ends the app's life in that workspace.

Enterprise Grid: for an org-wide install Slack's `authorizations` name the org with `team_id`
null and `is_enterprise_install` true, while the event's own `team_id` may be a workspace of the
org or missing; the installation to erase is the org's (`installation_of`).
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


def installation_of(body: dict, context: BoltContext) -> tuple[str | None, str | None]:
    """(enterprise_id, team_id) of the installation the event is about; team_id None with an
    enterprise id is an org-wide install (slack_sdk's and Bolt's convention, and what
    `OAuthParts.erase` takes).

    Why not `context.team_id or body["team_id"]`, as before: Bolt reads the team from
    `authorizations[0]`, which for an org-wide install says null; falling back on the event's
    `team_id` then named a workspace of the org, so the org's installation was never found
    (nothing erased, its token still cached and used) and one workspace was erased instead of the
    org. Bolt's own uninstall listeners (slack_bolt.listener.builtins) use the context as is."""
    if context.is_enterprise_install or (context.enterprise_id and not context.team_id):
        return context.enterprise_id, None
    return context.enterprise_id, context.team_id or body.get("team_id")


def register(app: App, erase: Erase) -> None:
    def erase_workspace(body: dict, context: BoltContext) -> None:
        enterprise_id, team_id = installation_of(body, context)
        what = f"org-wide install {enterprise_id}" if team_id is None else f"workspace {team_id}"
        try:
            erased = erase(enterprise_id, team_id)
        except Exception as error:  # Slack does not resend it: the log says what is left
            log_failure("erasing", what, error)
            return
        counts = ", ".join(f"{table} {rows}" for table, rows in sorted(erased.items()))
        log.info("%s: erased %s (%s)", body.get("event", {}).get("type"), what, counts)

    def erase_if_bot_revoked(body: dict, event: dict, context: BoltContext) -> None:
        tokens = event.get("tokens") or {}
        if tokens.get("bot"):
            erase_workspace(body, context)
        else:
            log.info(
                "tokens_revoked for user tokens only in %s: nothing to erase", context.team_id or context.enterprise_id
            )

    app.event("app_uninstalled")(ack=acknowledge, lazy=[erase_workspace])
    app.event("tokens_revoked")(ack=acknowledge, lazy=[erase_if_bot_revoked])
