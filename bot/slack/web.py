"""The WSGI application: `/healthz` plus Bolt's handler for `POST /slack/events`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from slack_bolt import App
    from slack_bolt.adapter.wsgi import SlackRequestHandler

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
TEXT = [("Content-Type", "text/plain; charset=utf-8")]


class WebApp:
    """Ready once it holds a Bolt app (guides loaded, `auth.test` passed); 503 before."""

    def __init__(self, app: App | None = None) -> None:
        self.slack: SlackRequestHandler | None = None
        if app is not None:
            self.ready(app)

    def ready(self, app: App) -> None:
        from slack_bolt.adapter.wsgi import SlackRequestHandler

        self.slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH:
            return _plain(start_response, "200 OK" if self.slack else "503 Service Unavailable")
        if self.slack is None:
            return _plain(start_response, "503 Service Unavailable")
        return self.slack(environ, start_response)


def _plain(start_response: Callable, status: str) -> list[bytes]:
    body = (status.split(" ", 1)[1].lower() + "\n").encode()
    start_response(status, [*TEXT, ("Content-Length", str(len(body)))])
    return [body]
