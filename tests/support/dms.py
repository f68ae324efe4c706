"""Direct messages sent as signed `message.im` events, and the bot's replies timed at the Slack
stand-in: for the store fault tests and bench/stall.py."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass

from tests.support.signing import Response, event_body, new_ts
from tests.support.slack_api import SlackStandIn

# The words of responses/coach_error.j2: a turn the store could not serve.
STORE_ERROR = "something went wrong on my side"

_people = itertools.count(1)


@dataclass
class Reply:
    text: str
    seconds: float  # from sending the event to the stand-in receiving the reply

    @property
    def is_error(self) -> bool:
        return STORE_ERROR in self.text


def new_person(prefix: str = "FAULT") -> tuple[str, str]:
    """A user id and their DM channel id, unique in this run."""
    number = next(_people)
    return f"U0{prefix}{number:04d}", f"D0{prefix}{number:04d}"


def _posts(slack: SlackStandIn, channel: str) -> list:
    return [c for c in slack.calls_to("chat.postMessage") if c.args.get("channel") == channel]


def send_dms(
    post_event: Callable[[bytes], Response],
    slack: SlackStandIn,
    messages: list[tuple[str, str, str]],
    timeout: float = 15.0,
) -> list[Reply | None]:
    """Send each (user, channel, text) at once, then wait for each channel's first reply; None
    for a DM that got none within `timeout`."""
    started: list[tuple[str, float, int]] = []
    for user, channel, text in messages:
        event = {
            "type": "message",
            "channel_type": "im",
            "user": user,
            "text": text,
            "ts": new_ts(),
            "channel": channel,
        }
        before = len(_posts(slack, channel))
        sent_at = time.monotonic()
        assert post_event(event_body(event)).status == 200
        started.append((channel, sent_at, before))
    deadline = time.monotonic() + timeout
    replies: list[Reply | None] = [None] * len(started)
    while time.monotonic() < deadline and any(reply is None for reply in replies):
        for index, (channel, sent_at, before) in enumerate(started):
            posts = _posts(slack, channel)
            if replies[index] is None and len(posts) > before:
                replies[index] = Reply(posts[before].args.get("text", ""), posts[before].at - sent_at)
        time.sleep(0.01)
    return replies
