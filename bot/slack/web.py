"""The ASGI application: `/healthz` plus Bolt's handler for `POST /slack/events` (and, in
OAuth mode, `GET /slack/install` and `GET /slack/oauth_redirect`).

Bolt's ASGI adapter runs the (synchronous) Bolt app inside the worker's event loop. That is
right here because nothing in the request path waits on I/O: a `/comp` answer is computed
and returned as the ack, and events are acknowledged at once with their work handed to
background threads (bot.slack.app). A listener must never make a blocking call in its ack
path; it would hold every other request of the worker.

`POST /slack/events` passes `bot.slack.guard` first: size, timestamp and signature are checked
on the raw bytes before Bolt parses anything (401/400/413 with one WARNING line).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from bot.slack.guard import Refusal, RequestGuard, log_refusal, response

if TYPE_CHECKING:
    from slack_bolt import App
    from slack_bolt.adapter.asgi import SlackRequestHandler

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]


class WebApp:
    """Ready once it holds a Bolt app (guides loaded, `auth.test` passed); 503 before.

    `/healthz` is 200 when ready, whatever the store's state, and its body says that state
    (`store: ok`, `store: unavailable (timeout)`, `store: opening`): `store_state` returns at
    once with the last known state (bot/store/limits.py probes it on its own thread).
    """

    def __init__(
        self,
        app: App | None = None,
        store_state: Callable[[], str] | None = None,
        signing_secret: str | None = None,
    ) -> None:
        self.slack: SlackRequestHandler | None = None
        self.store_state = store_state
        self.guard: RequestGuard | None = None
        if app is not None:
            self.ready(app, signing_secret)

    def ready(self, app: App, signing_secret: str | None = None) -> None:
        # Without a secret (the benchmark's bare Bolt baseline) Bolt alone checks requests.
        self.guard = RequestGuard(signing_secret) if signing_secret else None
        if app.oauth_flow is not None:  # OAuth mode: also GET /slack/install and /slack/oauth_redirect
            from bot.slack.oauth import OAuthRequestHandler

            self.slack = OAuthRequestHandler(app, path=EVENTS_PATH)
            return
        from slack_bolt.adapter.asgi import SlackRequestHandler

        self.slack = SlackRequestHandler(app, path=EVENTS_PATH)

    async def __call__(self, scope: dict, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "lifespan":
            await _lifespan(receive, send)
        elif kind != "http":
            await send({"type": "websocket.close", "code": 1003})
        elif scope["path"] == HEALTH_PATH:
            store = f"store: {self.store_state()}\n" if self.slack and self.store_state else ""
            await _plain(send, 200 if self.slack else 503, store)
        elif self.slack is None:
            await _plain(send, 503)
        elif self.guard is not None and scope["path"] == EVENTS_PATH and scope["method"] == "POST":
            checked = await self.guard.check(scope, receive)
            if isinstance(checked, Refusal):
                log_refusal(scope, checked)
                for message in response(checked):
                    await send(message)
            else:
                await self.slack(scope, _replay(checked), send)
        else:
            await self.slack(scope, receive, send)


def _replay(body: bytes) -> Receive:
    """The body already read and checked, handed to Bolt's adapter as one ASGI message."""

    async def receive() -> dict:
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


async def _plain(send: Send, status: int, detail: str = "") -> None:
    body = (b"ok\n" if status == 200 else b"not ready\n") + detail.encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
