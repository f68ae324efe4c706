"""The Bolt app factory (Slack's starter-template shape) and what it is built from.

`process_before_response=True`. Bolt's default (False) runs every listener on a thread and
has the request poll for the ack with a 10 ms sleep: bench/http.py measured 85 requests/s
(p50 89 ms) that way against ~1900 with True, bare Bolt alike. With True the slash command's
ack (the answer itself: rendering, no Web API call) is computed in the request and returned
at once. Events are still acknowledged before any Web API call: their listeners ack and do
the work as Bolt lazy listeners on `BACKGROUND_THREADS` threads; their replies are posted by
the courier on threads of its own (bot/slack/courier.py), through the durable outbox, so a
429's Retry-After delays that reply only: never the ack, the pool, or another reply.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from slack_bolt import App

from bot.conversation import Conversation
from bot.settings import Settings
from bot.slack.clients import web_client
from bot.slack.courier import Courier
from bot.slack.listeners import register_listeners
from bot.slack.logs import quiet_payload_loggers
from bot.slack.relay import Relay
from bot.slack.store import LazyStore

if TYPE_CHECKING:
    from bot.store.database import Store

BACKGROUND_THREADS = 4
TRIGGER_THREADS = 2  # views.open within a trigger_id's 3 seconds, never queued behind slow work


def create_app(
    settings: Settings,
    conversation: Conversation,
    store: Store | LazyStore,
    *,
    socket_mode: bool = False,
    process_before_response: bool = True,
    verified_upstream: bool = False,
    courier: Courier | None = None,
) -> App:
    """A Bolt app whose every Web API call, `auth.test` at construction included, goes
    through `settings.api_url` with bounded retries. One workspace with `SLACK_BOT_TOKEN`, or
    many over OAuth (`settings.oauth`, HTTP only: bot.slack.oauth), each request then
    authorized with its own workspace's token. (`process_before_response=False` exists for the
    benchmark that justifies True.)"""
    logger = quiet_payload_loggers()
    background = ThreadPoolExecutor(max_workers=BACKGROUND_THREADS, thread_name_prefix="comp-coach-slack")
    oauth = settings.oauth and not socket_mode
    client = web_client(None if oauth else settings.slack_bot_token, settings.api_url)
    parts = None
    if oauth:
        from bot.slack.oauth import OAuthParts  # one workspace (and Socket Mode) never needs it

        parts = OAuthParts(settings, store, client)
    app = App(
        name="comp-coach",
        client=client,
        signing_secret=settings.slack_signing_secret or "",
        # Socket Mode requests are not signed; over HTTP every request is verified (401 otherwise),
        # by bot.slack.guard before anything is parsed when `verified_upstream` (`comp-coach serve`),
        # else by Bolt: never twice (one HMAC of the body a request is enough).
        request_verification_enabled=not (socket_mode or verified_upstream),
        token_verification_enabled=True,
        process_before_response=process_before_response,
        listener_executor=background,
        logger=logger,
        **(parts.app_options() if parts else {}),
    )
    trigger_pool = ThreadPoolExecutor(max_workers=TRIGGER_THREADS, thread_name_prefix="comp-coach-trigger")
    courier = courier or Courier(settings, store)
    if parts:  # replies sent later go with their workspace's own (rotated) token
        courier.token_for = parts.bot_token
    relay = Relay(conversation, courier, settings, background)
    register_listeners(app, conversation, relay, background, trigger_pool, parts.erase if parts else None)
    return app


HAND_OVER_SECONDS = 6.0  # within gunicorn's graceful_timeout (10 s), after which the worker is killed


@dataclass
class Bot:
    app: App
    conversation: Conversation
    store: LazyStore
    courier: Courier

    def hand_over(self, budget: float = HAND_OVER_SECONDS) -> None:
        """Stopping (SIGTERM): what was acknowledged is finished or left in the outbox for
        another process; nothing is dropped."""
        self.courier.hand_over(budget)


def build(
    settings: Settings,
    *,
    socket_mode: bool = False,
    process_before_response: bool = True,
    verified_upstream: bool = False,
) -> Bot:
    """Guides and app, ready to serve (raises BoltError if `auth.test` fails); the store opens
    in the background."""
    from bot.answers import Answers

    store = LazyStore(settings)
    answers = Answers.load(settings.guide_folders, state_dir=settings.state_path)
    conversation = Conversation(answers, settings, store)
    courier = Courier(settings, store)
    app = create_app(
        settings,
        conversation,
        store,
        socket_mode=socket_mode,
        process_before_response=process_before_response,
        verified_upstream=verified_upstream,
        courier=courier,
    )
    store.warm()
    courier.start()  # replies a stopped or dead process left in the outbox, and those due again
    return Bot(app, conversation, store, courier)
