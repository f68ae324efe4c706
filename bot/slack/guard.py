"""Cheap refusal of junk: what `POST /slack/events` must pass before Bolt sees it.

Bolt's adapter reads the whole body, decodes and parses it (JSON or form) before it checks the
signature, so unsigned junk used to cost a parse, a 500 and a traceback (about 1.4 KB of
ERROR log for a 1-byte request), and a 64 MB body was read whole into memory first. Here the
raw bytes are checked in the order that costs least, and nothing is parsed until the
signature holds:

1. `Content-Length` over `MAX_BODY`: 413 before a byte of the body is read;
2. the timestamp (digits only, within five minutes, as Slack's own check) and the shape of
   the signature header: 401, still without reading the body;
3. the body, read with a limit and a deadline: 413 past `MAX_BODY` (a body without a
   length), 408 if it stops arriving (`BODY_TIMEOUT` once it comes in pieces);
4. the v0 signature (HMAC-SHA256 of `v0:{timestamp}:{body}`): 401;
5. after a valid signature, what Bolt's parser would fail on (not UTF-8, JSON that is not an
   object, nesting deeper than Python's parser goes, an interactivity `payload` that is not a
   JSON object): 400.

Each refusal is one WARNING line (status, reason, size; never the body) and no traceback; a
flood past 50 a second is summed up in one line a second instead (`RefusalLog`).
A signed slash command costs one HMAC and a UTF-8 decode here; under `comp-coach serve` Bolt's
own check is turned off (`verified_upstream` in bot/slack/app.py), so no body is verified twice.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl

log = logging.getLogger(__name__)

# Slack's largest requests are view submissions and message events with blocks: tens of KB
# (a message holds at most 40,000 characters of text and 50 blocks of 3,000). 1 MiB is far
# above that and far below what would hurt a worker's memory.
MAX_BODY = 1024 * 1024
BODY_TIMEOUT = 10.0  # seconds for the rest of a body that comes in pieces; Slack sends it in one go
MAX_AGE = 5 * 60  # Slack's replay window (slack_sdk's SignatureVerifier uses the same)
MAX_TIMESTAMP_DIGITS = 12
LOG_LINES_PER_SECOND = 50
DRAIN_LIMIT = 64 * 1024  # an unsigned body up to this size is read and dropped, keeping the connection

Receive = Callable[[], Awaitable[dict]]


@dataclass(frozen=True)
class Refusal:
    status: int
    reason: str
    size: int | None = None


class TooLarge(Exception):
    pass


class RequestGuard:
    """Checks one request's raw bytes; `check` returns the body, or the `Refusal` to send."""

    def __init__(self, signing_secret: str, max_body: int = MAX_BODY, body_timeout: float = BODY_TIMEOUT) -> None:
        self._key = signing_secret.encode()
        self.max_body = max_body
        self.body_timeout = body_timeout

    async def check(self, scope: dict, receive: Receive) -> bytes | Refusal:
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is not None:
            if not length.isdigit():
                return Refusal(400, "Content-Length not a number")
            if int(length) > self.max_body:
                return Refusal(413, "body over the limit", int(length))
        timestamp = headers.get(b"x-slack-request-timestamp", b"")
        signature = headers.get(b"x-slack-signature", b"")
        unsigned = _unsigned(timestamp, signature)
        try:
            if unsigned:
                return await self._refuse_unsigned(unsigned, length, receive)
            body = await self._body(receive)
        except TooLarge:
            return Refusal(413, "body over the limit", self.max_body)
        except TimeoutError:
            return Refusal(408, "body not received in time")
        if body is None:
            return Refusal(408, "body not received")
        expected = hmac.new(self._key, b"v0:" + timestamp + b":" + body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(signature[3:], expected.encode()):
            return Refusal(401, "bad signature", len(body))
        problem = _malformed(body, headers.get(b"content-type", b""))
        if problem:
            return Refusal(400, problem, len(body))
        return body

    async def _refuse_unsigned(self, reason: str, length: bytes | None, receive: Receive) -> Refusal:
        """401 without reading a large body (the connection then closes). A small one is read
        and dropped, so the connection stays open for the next request, which costs the
        server less than a new connection (bench/junk.py)."""
        if length is not None and int(length) <= DRAIN_LIMIT:
            await self._body(receive)
        return Refusal(401, reason)

    async def _body(self, receive: Receive) -> bytes | None:
        """The whole body, or TooLarge as soon as it passes `max_body`; None when it stops
        arriving. Slack's body comes with its headers, so the first message is usually all of
        it, already buffered: that one is read without a timer of ours (`asyncio.timeout` cost
        4.7 µs, half of this guard's time per request; gunicorn bounds that wait by its
        `timeout`, 30 s). A body in several pieces gets `body_timeout` for the rest."""
        message = await receive()
        if message["type"] != "http.request":
            return None  # http.disconnect: gone, or gunicorn's wait expired
        body = message.get("body", b"")
        if not message.get("more_body", False) and len(body) <= self.max_body:
            return body
        chunks = bytearray(body)
        async with asyncio.timeout(self.body_timeout):
            while True:
                if len(chunks) > self.max_body:
                    raise TooLarge
                if not message.get("more_body", False):
                    return bytes(chunks)
                message = await receive()
                if message["type"] != "http.request":
                    return None
                chunks += message.get("body", b"")


def _unsigned(timestamp: bytes, signature: bytes) -> str | None:
    """Why the headers alone show the request is not signed by Slack now (None if they might be)."""
    if not timestamp.isdigit() or len(timestamp) > MAX_TIMESTAMP_DIGITS:
        return "no timestamp" if not timestamp else "timestamp not a number"
    if abs(time.time() - int(timestamp)) > MAX_AGE:
        return "stale timestamp"
    if not signature.startswith(b"v0=") or len(signature) != 67:
        return "no v0 signature"
    return None


def _malformed(body: bytes, content_type: bytes) -> str | None:
    """Why Bolt's parser (`slack_bolt.request.internals.parse_body`) would fail on this signed body."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return "body not UTF-8"
    if not text:
        return None
    if content_type.split(b";")[0].strip() == b"application/json" or text.startswith("{"):
        return _not_an_object(text)
    if "payload" in text:  # interactivity: a form whose `payload` field is JSON
        payload = dict(parse_qsl(text, keep_blank_values=True)).get("payload")
        if payload is not None:
            return _not_an_object(payload)
    return None


def _not_an_object(text: str) -> str | None:
    try:
        value = json.loads(text)
    except RecursionError:
        return "JSON nested too deep"
    except ValueError:
        return "not JSON"
    return None if isinstance(value, dict) else "JSON not an object"


class RefusalLog:
    """One WARNING line per refusal, up to `per_second` lines a second; past that a flood is
    summed up in one line a second (how many, by status), so junk cannot fill the disk or
    spend the worker's time on log lines (bench/junk.py)."""

    def __init__(self, per_second: int = LOG_LINES_PER_SECOND) -> None:
        self.per_second = per_second
        self.second = 0
        self.lines = 0
        self.unlogged: dict[int, int] = {}

    def __call__(self, scope: dict, refusal: Refusal) -> None:
        second = int(time.monotonic())
        if second != self.second:
            self._flush()
            self.second, self.lines = second, 0
        if self.lines < self.per_second:
            self.lines += 1
            size = "" if refusal.size is None else f", {refusal.size} bytes"
            log.warning(
                "refused %s %s: %d %s%s", scope.get("method"), scope.get("path"), refusal.status, refusal.reason, size
            )
        else:
            self.unlogged[refusal.status] = self.unlogged.get(refusal.status, 0) + 1

    def _flush(self) -> None:
        if self.unlogged:
            counts = ", ".join(f"{count} × {status}" for status, count in sorted(self.unlogged.items()))
            log.warning(
                "refused %d more requests in a second without a line each: %s", sum(self.unlogged.values()), counts
            )
            self.unlogged = {}


log_refusal = RefusalLog()


def response(refusal: Refusal) -> tuple[dict, dict]:
    """The ASGI messages of a refusal. gunicorn closes the connection after it when the body
    was not read to its end (an unread body cannot be skipped safely); 413 and 408 say so."""
    body = b'{"error": "invalid request"}' if refusal.status == 401 else f"{refusal.reason}\n".encode()
    kind = b"application/json" if refusal.status == 401 else b"text/plain; charset=utf-8"
    headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
    if refusal.status in (408, 413):
        headers.append((b"connection", b"close"))
    return (
        {"type": "http.response.start", "status": refusal.status, "headers": headers},
        {"type": "http.response.body", "body": body},
    )
