"""Every listener, registered in one place (the shape of Slack's Bolt starter template).

Order matters: Bolt runs the first listener that matches, so catch-alls come last.
"""

from __future__ import annotations

from concurrent.futures import Executor
from typing import TYPE_CHECKING

from slack_bolt import App

from bot.conversation import Conversation
from bot.slack.listeners import actions, commands, events

if TYPE_CHECKING:
    from bot.store.database import Store


def register_listeners(app: App, conversation: Conversation, store: Store, background: Executor) -> None:
    commands.register(app, conversation, background)
    events.register(app, conversation, store)
    actions.register(app)
    actions.register_fallback(app)  # last
