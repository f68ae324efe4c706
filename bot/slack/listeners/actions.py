"""Interactivity: buttons and menus under the answers, and the App Home's *Forget me*.

Slack sends a `block_actions` payload for every click, link buttons included, and shows
the person an error unless it is acknowledged within 3 seconds. Every action is
acknowledged at once; the work (Web API calls, `response_url` posts) runs afterwards on
background threads, as Bolt lazy listeners. *Check my offer* is the exception in kind: its
`trigger_id` is only good for 3 seconds, so `views.open` goes to a small pool of its own
(`trigger_pool`) that nothing slow ever queues in, rather than blocking the request (the
web worker's event loop serves every other request meanwhile, bot/slack/web.py).
`register_fallback` acknowledges whatever no listener claimed and must stay the last
listener registered (Bolt runs the first one that matches).
"""

from __future__ import annotations

import logging
import re
from concurrent.futures import Executor

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.interactive import Interactions
from bot.render.blocks import Message
from bot.slack.delivery import delete_original, post_all, replace_original, send_followups
from bot.slack.failures import apology, log_failure
from bot.slack.home import publish_home
from bot.slack.payloads import action_channel, action_value, team_of_interaction, tenant_of, user_of

log = logging.getLogger(__name__)

ANY_ACTION = re.compile(".*")
SHARE, SWITCH_REGION, SWITCH_ROLE, OPEN_FORM, FORGET = (
    "share_answer",
    "switch_region",
    "switch_role",
    "open_offer_form",
    "home_forget",
)


def acknowledge(ack: Ack) -> None:
    ack()


def tell(response_url: str | None, messages: list[Message]) -> None:
    """A new private message under the one whose button was pressed."""
    if response_url:
        send_followups(response_url, messages, "ephemeral", replace_original=False)


def register(app: App, interactions: Interactions, trigger_pool: Executor) -> None:
    def share(body: dict, action: dict, client: WebClient) -> None:
        """Post the answer in the channel for everyone, naming who shared it, then remove the private copy."""
        response_url = body.get("response_url")
        try:
            messages = interactions.shared(action_value(action), user_of(body))
            if messages is None:
                tell(response_url, interactions.gone())
                log.info("share: guide no longer on hand")
                return
            channel = action_channel(body)
            sent, error = post_all(client, channel, messages) if channel else (0, "channel_not_found")
            if sent == 0:
                tell(response_url, interactions.cannot_post(error or "error"))
                log.info("share to %s refused: %s", channel, error)
                return
            if response_url:
                delete_original(response_url)
            log.info("shared an answer in %s (%d messages)", channel, sent)
        except Exception as error:
            log_failure("share", body.get("trigger_id"), error)
            tell(response_url, apology())

    def switch(body: dict, action: dict) -> None:
        """Replace the private answer with the region or role chosen in the menu."""
        response_url = body.get("response_url")
        try:
            messages = interactions.switched(action_value(action))
            if messages is None:
                tell(response_url, interactions.gone())
                log.info("%s: guide no longer on hand", action.get("action_id"))
                return
            sent = replace_original(response_url, messages) if response_url else 0
            log.info("%s: replaced the answer (%d messages)", action.get("action_id"), sent)
        except Exception as error:
            log_failure(str(action.get("action_id")), body.get("trigger_id"), error)
            tell(response_url, apology())

    def open_form(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        trigger_pool.submit(open_offer_form, client, body.get("trigger_id"), action_value(action), body)

    def open_offer_form(client: WebClient, trigger_id: str | None, ref: str, body: dict) -> None:
        response_url = body.get("response_url")
        try:
            view = interactions.offer_form(ref)
            if view is None:
                tell(response_url, interactions.gone())
                log.info("offer form: guide no longer on hand")
                return
            client.views_open(trigger_id=trigger_id or "", view=view)
            log.info("opened the offer form")
        except SlackApiError as error:
            code = str(error.response.get("error") or "error")
            log.error("views.open failed: %s", code)
            tell(response_url, interactions.form_not_opened(code))
        except Exception as error:
            log_failure("offer form", trigger_id, error)
            tell(response_url, interactions.form_not_opened(type(error).__name__))

    def forget(body: dict, client: WebClient, context: BoltContext) -> None:
        # the case's key as DMs keep it: an org-wide install's payload has `team: null`, and the
        # person's case is the org's, not the workspace's they press the button in (tenant_of)
        team, user = tenant_of(context, team_of_interaction(body)), user_of(body)
        try:
            forgotten = interactions.forget(team, user)
            log.info("home: forget me (%s)", "deleted" if forgotten else "nothing stored")
        except Exception as error:
            log_failure("forget me", body.get("trigger_id"), error)
        publish_home(client, interactions, team, user)

    app.action(SHARE)(ack=acknowledge, lazy=[share])
    app.action(SWITCH_REGION)(ack=acknowledge, lazy=[switch])
    app.action(SWITCH_ROLE)(ack=acknowledge, lazy=[switch])
    app.action(OPEN_FORM)(open_form)
    app.action(FORGET)(ack=acknowledge, lazy=[forget])


def register_fallback(app: App) -> None:
    def acknowledge_any(ack: Ack, action: dict) -> None:
        ack()
        log.debug("acknowledged action %s", action.get("action_id"))

    app.action(ANY_ACTION)(acknowledge_any)
