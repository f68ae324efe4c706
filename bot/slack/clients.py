"""Web API and response_url clients, all with slack_sdk's bounded retry handlers.

Every Web API call (Bolt's start-up `auth.test`, `chat.postMessage`, Socket Mode's
`apps.connections.open`) goes through a `WebClient` built here, so `SLACK_API_URL` is
honoured everywhere. The app's client retries boundedly: a 429 waits `Retry-After` only when
it is at most `RETRY_AFTER_CAP` seconds, `RATE_LIMIT_RETRIES` times (a longer one raises at
once); a 500/503 or a dropped connection is retried with backoff; that work runs in
background threads (see `bot.slack.app`), so no retry ever holds an HTTP acknowledgement.
Replies to events go through the courier's client instead (`delivery_client`), which never
waits: the courier schedules the next attempt (bot/slack/courier.py).
"""

from __future__ import annotations

import random
import threading

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.webhook import WebhookClient

RATE_LIMIT_RETRIES = 2
SERVER_ERROR_RETRIES = 2
CONNECTION_RETRIES = 2
TIMEOUT_SECONDS = 10
RETRY_AFTER_CAP = 2.0  # seconds; four replies once waited out a 20 s Retry-After on the shared pool


def retry_after(response: HttpResponse | None, default: float = 1.0) -> float:
    """Seconds Slack asked us to wait (`Retry-After`), or `default` when it did not say."""
    headers = response.headers if response is not None else {}
    for name, values in headers.items():
        if name.lower() == "retry-after":
            value = values[0] if isinstance(values, list | tuple) else values
            try:
                return max(0.0, float(value))
            except (TypeError, ValueError):
                return default
    return default


class CappedRateLimitRetryHandler(RateLimitErrorRetryHandler):
    """slack_sdk's 429 handler, but a `Retry-After` longer than `cap` seconds is not waited
    (the 429 surfaces as `SlackApiError` at once), and the wait ends early when `stop` is set."""

    def __init__(self, max_retry_count: int, cap: float, stop: threading.Event | None = None) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.cap = cap
        self.stop = stop

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        if self.stop is not None and self.stop.is_set():
            return False
        return super()._can_retry(state=state, request=request, response=response, error=error) and (
            retry_after(response) <= self.cap
        )

    def prepare_for_next_attempt(self, *, state, request, response=None, error=None) -> None:
        if response is None:
            raise error  # type: ignore[misc]
        state.next_attempt_requested = True
        duration = retry_after(response) + random.random() * 0.25
        if self.stop is not None:
            self.stop.wait(duration)
        else:
            threading.Event().wait(duration)
        state.increment_current_attempt()


def retry_handlers() -> list[RetryHandler]:
    return [
        CappedRateLimitRetryHandler(RATE_LIMIT_RETRIES, RETRY_AFTER_CAP),
        ServerErrorRetryHandler(max_retry_count=SERVER_ERROR_RETRIES),
        ConnectionErrorRetryHandler(max_retry_count=CONNECTION_RETRIES),
    ]


def web_client(token: str | None, api_url: str) -> WebClient:
    return WebClient(token=token, base_url=api_url, timeout=TIMEOUT_SECONDS, retry_handlers=retry_handlers())


def delivery_client(token: str | None, api_url: str, *, timeout: float) -> WebClient:
    """The courier's client: no inline wait at all (a 429 or a 5xx surfaces at once, and the
    courier schedules the next attempt without holding a thread), one reconnect."""
    return WebClient(
        token=token, base_url=api_url, timeout=timeout, retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=1)]
    )


def webhook_client(response_url: str) -> WebhookClient:
    """For a slash command's `response_url` (a URL Slack hands us, not the Web API)."""
    return WebhookClient(url=response_url, timeout=TIMEOUT_SECONDS, retry_handlers=retry_handlers())
