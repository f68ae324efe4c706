"""Events API: mentions in channels, direct messages, and the App Home being opened.

Each event is acknowledged at once and noted as owed (`Relay.accept`); the answer is worked
out by a Bolt lazy listener on the app's bounded thread pool and posted by the courier
(bot/slack/relay.py, bot/slack/courier.py), so a rate-limited `chat.postMessage` (429,
`Retry-After`) never holds the acknowledgement past Slack's 3 seconds, nor the pool. A resent
event (`X-Slack-Retry-Num`, same `event_id`) is dropped when the outbox records it: its id is
in `seen_events`, which holds across processes and restarts.

In OAuth mode a job carries its installation (`Job.team` from `tenant_of`, `Job.enterprise`), so
the courier can answer with that installation's token later, in any process.
"""

from __future__ import annotations

import logging

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.interactive import Interactions
from bot.slack.home import publish_home
from bot.slack.payloads import ignore_reason, team_of, tenant_of, thread_of, without_mention
from bot.slack.relay import Job, Relay

log = logging.getLogger(__name__)


def acknowledge(ack: Ack) -> None:
    ack()


def job_of(body: dict, event: dict, context: BoltContext, kind: str, quiet: bool = False) -> Job | None:
    """A person's words to answer, or None (logged by ids only unless `quiet`) for anything else.

    The job names the installation that answers it: `team` is the data's key (`tenant_of`: the
    org for an org-wide install) and `enterprise` the Grid org, if any. The courier finds the
    bot token from both (bot.slack.oauth.OAuthParts.bot_token): from the team id alone it looked
    for a workspace outside any org, found no installation for a workspace of a Grid org, and
    posted the reply with no token at all."""
    bot_user_id = context.bot_user_id
    reason = ignore_reason(event, bot_user_id)
    if reason is None and kind == "dm" and event.get("channel_type") != "im":
        reason = f"channel type {event.get('channel_type')}"
    if reason is not None:
        if not quiet:
            log.debug("ignored %s %s: %s", event.get("type"), body.get("event_id"), reason)
        return None
    team = tenant_of(context, team_of(body, event))
    if kind == "mention":
        text, thread = without_mention(event["text"], bot_user_id), thread_of(event)
    else:
        text, thread = event["text"], event.get("thread_ts")
    return Job(kind, body.get("event_id"), team, event["user"], event["channel"], text, thread, context.enterprise_id)


def register(app: App, relay: Relay, interactions: Interactions) -> None:
    def acceptor(kind: str):
        def accept(ack: Ack, body: dict, event: dict, context: BoltContext) -> None:
            ack()
            job = job_of(body, event, context, kind, quiet=True)
            if job is not None:
                relay.accept(job)

        accept.__name__ = f"accept_{kind}"
        return accept

    def answerer(kind: str):
        def answer(body: dict, event: dict, context: BoltContext) -> None:
            job = job_of(body, event, context, kind)
            if job is not None:
                relay.run(job)

        answer.__name__ = f"answer_{kind}"  # Bolt tells lazy listeners apart by name
        return answer

    def publish_home_tab(event: dict, body: dict, client: WebClient, context: BoltContext) -> None:
        if event.get("tab") == "home" and event.get("user"):
            publish_home(client, interactions, tenant_of(context, team_of(body, event)), event["user"])

    app.event("app_mention")(ack=acceptor("mention"), lazy=[answerer("mention")])
    app.event("message")(ack=acceptor("dm"), lazy=[answerer("dm")])
    app.event("app_home_opened")(ack=acknowledge, lazy=[publish_home_tab])
