"""The Bolt app factory (Slack's starter-template shape) and what it is built from.

`process_before_response=True`. Bolt's default (False) runs every listener on a thread and
has the request poll for the ack with a 10 ms sleep: bench/http.py measured 85 requests/s
(p50 90 ms) that way against ~2300 with True, bare Bolt alike. With True the slash command's
ack (the answer itself: rendering, no Web API call) is computed in the request and returned
at once. Events are still acknowledged before any Web API call: their listeners ack and do
the work as Bolt lazy listeners on `BACKGROUND_THREADS` threads, so a 429 retry
(Retry-After, bounded in `bot.slack.clients`) delays the reply, never the ack.
"""

from __future__ import annotations

import logging
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from slack_bolt import App
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped

from bot.conversation import Conversation
from bot.settings import Settings
from bot.slack.clients import web_client
from bot.slack.listeners import register_listeners

if TYPE_CHECKING:
    from bot.store.database import Store

BACKGROUND_THREADS = 4

log = logging.getLogger(__name__)

# Bolt and slack_sdk log whole payloads (message text, offers) at DEBUG, and Bolt logs the raw
# body of a request with a bad signature at INFO. Never let them.
PAYLOAD_LOGGERS = ("slack_bolt", "slack_sdk", "bot.slack.bolt")
BODY = re.compile(r"((?:request |raw |response )?body(?:_params)?\s*[:=]).*", re.IGNORECASE | re.DOTALL)


class WithholdBodies(logging.Filter):
    """Cuts a log line at the first `body:`; the rest would be what someone typed."""

    skipped = warning_client_prioritized_and_token_skipped()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message == self.skipped:
            return False  # Bolt reads SLACK_BOT_TOKEN too and warns our client's token wins: it is the same one
        if BODY.search(message):
            record.msg, record.args = BODY.sub(r"\1 (withheld)", message), ()
        return True


def quiet_payload_loggers() -> logging.Logger:
    """The base logger for Bolt (its loggers copy this one's level and filters) and a
    body-withholding filter on every root handler, for slack_sdk's own loggers."""
    level = max(logging.INFO, logging.getLogger().getEffectiveLevel())
    for name in PAYLOAD_LOGGERS:
        logging.getLogger(name).setLevel(level)
    logger = logging.getLogger("bot.slack.bolt")
    for target in (logger, *logging.getLogger().handlers):
        if not any(isinstance(f, WithholdBodies) for f in target.filters):
            target.addFilter(WithholdBodies())
    return logger


def create_app(
    settings: Settings,
    conversation: Conversation,
    store: Store | LazyStore,
    *,
    socket_mode: bool = False,
    process_before_response: bool = True,
) -> App:
    """A Bolt app whose every Web API call, `auth.test` at construction included, goes
    through `settings.api_url` with bounded retries. (`process_before_response=False` exists
    for the benchmark that justifies True.)"""
    logger = quiet_payload_loggers()
    background = ThreadPoolExecutor(max_workers=BACKGROUND_THREADS, thread_name_prefix="comp-coach-slack")
    app = App(
        name="comp-coach",
        client=web_client(settings.slack_bot_token, settings.api_url),
        signing_secret=settings.slack_signing_secret or "",
        # Socket Mode requests are not signed; over HTTP every request is verified (401 otherwise).
        request_verification_enabled=not socket_mode,
        token_verification_enabled=True,
        process_before_response=process_before_response,
        listener_executor=background,
        logger=logger,
    )
    register_listeners(app, conversation, store, background)
    return app


class LazyStore:
    """The store, opened on first use and then shared (attributes pass through to it).

    Lookups never touch it; opening it (SQLAlchemy's import, the schema check) would be a
    fifth of start-up, so `warm()` opens it on a background thread once the app is ready
    instead of before. The first event waits for it only if it arrives within that time.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._store: Store | None = None
        self._lock = threading.Lock()

    def opened(self) -> Store:
        with self._lock:
            if self._store is None:
                from bot.store.database import Store

                self._store = Store.open(self.settings.database_url, self.settings.state_path)
            return self._store

    def warm(self) -> None:
        threading.Thread(target=self._try_open, name="comp-coach-store", daemon=True).start()

    def _try_open(self) -> None:
        try:
            self.opened()
        except Exception as error:  # the first event tries again (and answers anyway)
            log.error("store not available yet: %s", type(error).__name__)

    def __getattr__(self, name: str):
        return getattr(self.opened(), name)


@dataclass
class Bot:
    app: App
    conversation: Conversation
    store: LazyStore


def build(settings: Settings, *, socket_mode: bool = False, process_before_response: bool = True) -> Bot:
    """Guides and app, ready to serve (raises BoltError if `auth.test` fails); the store opens
    in the background."""
    from bot.answers import Answers

    store = LazyStore(settings)
    answers = Answers.load(settings.guide_folders, state_dir=settings.state_path)
    conversation = Conversation(answers, settings, store)
    app = create_app(
        settings, conversation, store, socket_mode=socket_mode, process_before_response=process_before_response
    )
    store.warm()
    return Bot(app, conversation, store)
