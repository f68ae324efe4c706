"""Interactivity: Slack sends a `block_actions` payload even for link buttons, and shows the
person an error unless it is acknowledged. Nothing the bot posts needs more than that yet."""

from __future__ import annotations

import re

from slack_bolt import Ack, App

ANY_ACTION = re.compile(".*")


def acknowledge(ack: Ack) -> None:
    ack()


def register(app: App) -> None:
    app.action(ANY_ACTION)(acknowledge)
