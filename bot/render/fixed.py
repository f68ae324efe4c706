"""Replies that must go out whatever else has failed: rendered once, at start-up, then kept.

The apology for an answer that failed (`slack_error.j2`) and the coach's "something went wrong"
(`coach_error.j2`) are what the bot says when the disk is full, the state folder read-only or
the store unreachable. So they are rendered before the first request (`prepare`, called when
the conversation is built) and served from memory: no template read or compiled, no cache
written, no database asked at the moment they are needed. Each call gets its own copy, so a
caller that adds to a message never changes the next one.
"""

from __future__ import annotations

import copy
from functools import cache

from bot.render.blocks import Message, build_messages
from bot.render.templates import render

APOLOGY = "slack_error.j2"
COACH_ERROR = "coach_error.j2"


@cache
def _rendered(template: str) -> tuple[Message, ...]:
    return tuple(build_messages(render(template)))


def prepare() -> None:
    for template in (APOLOGY, COACH_ERROR):
        _rendered(template)


def apology() -> list[Message]:
    """Sorry, that answer failed (any surface)."""
    return copy.deepcopy(list(_rendered(APOLOGY)))


def coach_error() -> list[Message]:
    """Sorry, something went wrong with that message; nothing was changed (the DM coach)."""
    return copy.deepcopy(list(_rendered(COACH_ERROR)))
