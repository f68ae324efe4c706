"""Events API: mentions in channels, direct messages, and the App Home being opened.

Each event is acknowledged at once; the answer is worked out and posted by a Bolt lazy
listener on the app's bounded thread pool, so a rate-limited `chat.postMessage` (429,
`Retry-After`) never holds the acknowledgement past Slack's 3 seconds. A resent event
(`X-Slack-Retry-Num`, same `event_id`) is dropped by `Store.claim_event`, which holds
across processes and restarts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.conversation import Conversation, Reply
from bot.interactive import Interactions
from bot.slack.delivery import post_ephemeral, post_messages
from bot.slack.failures import apology, log_failure
from bot.slack.home import publish_home
from bot.slack.payloads import ignore_reason, team_of, thread_of, without_mention

if TYPE_CHECKING:
    from bot.store.database import Store

log = logging.getLogger(__name__)


def acknowledge(ack: Ack) -> None:
    ack()


def answer(handle: Callable[[], Reply], body: dict) -> Reply:
    """The reply, or an apology when working it out failed."""
    try:
        return handle()
    except Exception as error:
        log_failure(body.get("event", {}).get("type", "event"), body.get("event_id"), error)
        return Reply(apology(), "in_channel")


def register(app: App, conversation: Conversation, store: Store, interactions: Interactions) -> None:
    def to_answer(body: dict, event: dict, bot_user_id: str | None, channel_type: str | None = None) -> bool:
        """A person's words, delivered for the first time; anything else is logged (ids only) and dropped."""
        event_id = body.get("event_id")
        reason = ignore_reason(event, bot_user_id)
        if reason is None and channel_type and event.get("channel_type") != channel_type:
            reason = f"channel type {event.get('channel_type')}"
        if reason is not None:
            log.debug("ignored %s %s: %s", event.get("type"), event_id, reason)
            return False
        if event_id and not claim(event_id, team_of(body, event)):
            log.info("dropped resent event %s", event_id)
            return False
        return True

    def claim(event_id: str, team: str) -> bool:
        try:
            return store.claim_event(event_id, team)
        except Exception as error:  # the store being down must not silence the bot
            log_failure("recording event (answering anyway)", event_id, error)
            return True

    def answer_mention(event: dict, body: dict, context: BoltContext, client: WebClient) -> None:
        if not to_answer(body, event, context.bot_user_id):
            return
        text = without_mention(event["text"], context.bot_user_id)
        reply = answer(lambda: conversation.mention(text, user=event["user"], team=team_of(body, event)), body)
        if reply.response_type == "ephemeral":  # someone's own offer: only they see the pointer to the DM
            sent = post_ephemeral(client, event["channel"], event["user"], reply.messages)
            log.info("answered app_mention %s privately (%d messages)", body.get("event_id"), sent)
            return
        sent = post_messages(client, event["channel"], reply.messages, thread_ts=thread_of(event))
        log.info("answered app_mention %s in a thread (%d messages)", body.get("event_id"), sent)

    def answer_direct_message(event: dict, body: dict, context: BoltContext, client: WebClient) -> None:
        if not to_answer(body, event, context.bot_user_id, channel_type="im"):
            return
        messages = answer(
            lambda: conversation.handle(event["text"], user=event["user"], team=team_of(body, event)), body
        ).messages
        sent = post_messages(client, event["channel"], messages, thread_ts=event.get("thread_ts"))
        log.info("answered message.im %s (%d messages)", body.get("event_id"), sent)

    def publish_home_tab(event: dict, body: dict, client: WebClient) -> None:
        if event.get("tab") == "home" and event.get("user"):
            publish_home(client, interactions, team_of(body, event), event["user"])

    app.event("app_mention")(ack=acknowledge, lazy=[answer_mention])
    app.event("message")(ack=acknowledge, lazy=[answer_direct_message])
    app.event("app_home_opened")(ack=acknowledge, lazy=[publish_home_tab])
