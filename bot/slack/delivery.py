"""Sending replies: messages to a channel or thread, follow-ups to a `response_url`.

Logs say what was delivered where (ids and counts), never the words: people's offers
travel in these messages.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.render.blocks import Message
from bot.slack.clients import webhook_client
from bot.slack.payloads import message_args

log = logging.getLogger(__name__)


def post_messages(client: WebClient, channel: str, messages: list[Message], thread_ts: str | None = None) -> int:
    """Post each message in order; stop at the first that Slack refuses. Returns how many went out."""
    sent = 0
    for message in messages:
        try:
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, **message_args(message))
        except SlackApiError as error:
            log.error(
                "chat.postMessage to %s failed: %s (HTTP %s)",
                channel,
                error.response.get("error"),
                error.response.status_code,
            )
            return sent
        except OSError as error:  # the Web API unreachable, after the connection retries
            log.error("chat.postMessage to %s failed: %s", channel, type(error).__name__)
            return sent
        sent += 1
    return sent


def send_followups(response_url: str, messages: list[Message], response_type: str | None) -> int:
    """The rest of a long slash-command answer, after the ack carried the first message."""
    client = webhook_client(response_url)
    sent = 0
    for message in messages:
        try:
            response = client.send(response_type=response_type, **message_args(message))
        except OSError as error:
            log.error("response_url follow-up failed: %s", type(error).__name__)
            return sent
        if response.status_code != 200:
            log.error("response_url follow-up failed: HTTP %s", response.status_code)
            return sent
        sent += 1
    return sent
