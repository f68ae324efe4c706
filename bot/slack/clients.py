"""Web API and response_url clients, all with slack_sdk's bounded retry handlers.

Every Web API call (Bolt's start-up `auth.test`, `chat.postMessage`, Socket Mode's
`apps.connections.open`) goes through the one `WebClient` built here, so
`SLACK_API_URL` is honoured everywhere. Retries are bounded: a 429 waits
`Retry-After` (+ up to 1 s jitter) at most `RATE_LIMIT_RETRIES` times, a 500/503 or a
dropped connection is retried with backoff; the work that can wait runs in background
threads (see `bot.slack.app`), so no retry ever holds an HTTP acknowledgement.
"""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.webhook import WebhookClient

RATE_LIMIT_RETRIES = 2
SERVER_ERROR_RETRIES = 2
CONNECTION_RETRIES = 2
TIMEOUT_SECONDS = 10


def retry_handlers() -> list[RetryHandler]:
    return [
        RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
        ServerErrorRetryHandler(max_retry_count=SERVER_ERROR_RETRIES),
        ConnectionErrorRetryHandler(max_retry_count=CONNECTION_RETRIES),
    ]


def web_client(token: str | None, api_url: str) -> WebClient:
    return WebClient(token=token, base_url=api_url, timeout=TIMEOUT_SECONDS, retry_handlers=retry_handlers())


def webhook_client(response_url: str) -> WebhookClient:
    """For a slash command's `response_url` (a URL Slack hands us, not the Web API)."""
    return WebhookClient(url=response_url, timeout=TIMEOUT_SECONDS, retry_handlers=retry_handlers())
