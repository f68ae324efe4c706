"""Sending replies: messages to a channel or thread, follow-ups to a `response_url`.

Logs say what was delivered where (ids and counts), never the words: people's offers
travel in these messages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.render.blocks import Message
from bot.slack.clients import webhook_client
from bot.slack.payloads import message_args

log = logging.getLogger(__name__)


def post_messages(client: WebClient, channel: str, messages: list[Message], thread_ts: str | None = None) -> int:
    """Post each message in order; stop at the first that Slack refuses. Returns how many went out."""
    return post_all(client, channel, messages, thread_ts)[0]


def post_all(
    client: WebClient, channel: str, messages: list[Message], thread_ts: str | None = None
) -> tuple[int, str | None]:
    """Post each message in order; stop at the first that Slack refuses. Returns how many went
    out, and Slack's error code for the refusal (`not_in_channel`...), `unreachable`, or None."""
    return _each(
        "chat.postMessage",
        channel,
        messages,
        lambda args: client.chat_postMessage(channel=channel, thread_ts=thread_ts, **args),
    )


def post_ephemeral(client: WebClient, channel: str, user: str, messages: list[Message]) -> int:
    """Messages only `user` sees, in `channel` (chat.postEphemeral). Returns how many went out."""
    return _each(
        "chat.postEphemeral",
        channel,
        messages,
        lambda args: client.chat_postEphemeral(channel=channel, user=user, **args),
    )[0]


def _each(method: str, channel: str, messages: list[Message], call: Callable[[dict], object]) -> tuple[int, str | None]:
    """`call` for each message's arguments, stopping at the first refusal: (sent, error code)."""
    sent = 0
    for message in messages:
        try:
            call(message_args(message))
        except SlackApiError as error:
            log.error(
                "%s to %s failed: %s (HTTP %s)",
                method,
                channel,
                error.response.get("error"),
                error.response.status_code,
            )
            return sent, str(error.response.get("error") or "error")
        except OSError as error:  # the Web API unreachable, after the connection retries
            log.error("%s to %s failed: %s", method, channel, type(error).__name__)
            return sent, "unreachable"
        sent += 1
    return sent, None


def replace_original(response_url: str, messages: list[Message]) -> int:
    """The message a button was pressed in becomes the first message; the rest of a long
    answer follows as new private messages."""
    if not messages:
        return 0
    first = message_args(messages[0])
    if not _send(webhook_client(response_url), "replace", replace_original=True, response_type="ephemeral", **first):
        return 0
    return 1 + send_followups(response_url, messages[1:], "ephemeral", replace_original=False)


def delete_original(response_url: str) -> bool:
    """Remove the (private) message a button was pressed in."""
    return _send(webhook_client(response_url), "delete", delete_original=True)


def _send(client, what: str, **body) -> bool:
    try:
        response = client.send(**body)
    except OSError as error:
        log.error("response_url %s failed: %s", what, type(error).__name__)
        return False
    if response.status_code != 200:
        log.error("response_url %s failed: HTTP %s", what, response.status_code)
        return False
    return True


def send_followups(
    response_url: str, messages: list[Message], response_type: str | None, replace_original: bool | None = None
) -> int:
    """The rest of a long slash-command answer, after the ack carried the first message (and
    new private messages after a button: `replace_original=False`)."""
    client = webhook_client(response_url)
    flags = {} if replace_original is None else {"replace_original": replace_original}
    sent = 0
    for message in messages:
        if not _send(client, "follow-up", response_type=response_type, **flags, **message_args(message)):
            return sent
        sent += 1
    return sent
