"""Every listener, registered in one place (the shape of Slack's Bolt starter template).

Order matters: Bolt runs the first listener that matches, so catch-alls come last.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from typing import TYPE_CHECKING

from slack_bolt import App

from bot.conversation import Conversation
from bot.interactive import Interactions
from bot.slack.listeners import actions, commands, events, uninstall, views

if TYPE_CHECKING:
    from bot.slack.relay import Relay


def register_listeners(
    app: App,
    conversation: Conversation,
    relay: Relay,
    background: Executor,
    trigger_pool: Executor,
    erase_workspace: Callable[[str | None, str | None], dict[str, int]] | None = None,
) -> None:
    """`erase_workspace`: OAuth mode's erasing of a workspace that uninstalls (bot.slack.oauth)."""
    interactions = Interactions(conversation)
    commands.register(app, conversation, background)
    if erase_workspace is not None:  # before events: `message` must not be the first to match
        uninstall.register(app, erase_workspace)
    events.register(app, relay, interactions)
    views.register(app, interactions, background, relay.courier)
    actions.register(app, interactions, trigger_pool)
    actions.register_fallback(app)  # last
