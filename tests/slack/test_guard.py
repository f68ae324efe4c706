"""The guard in front of Bolt (bot/slack/guard.py), in-process: a body that trickles in is cut
off at its deadline, one past the limit as soon as it passes it, and a flood of refusals is
summed up in the log instead of a line each."""

from __future__ import annotations

import asyncio
import logging
import time

from bot.slack.guard import Refusal, RefusalLog, RequestGuard
from tests.support.signing import signature

SECRET = "guard-secret"


def scope(body: bytes, length: bool = True) -> dict:
    timestamp = str(int(time.time())).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"x-slack-request-timestamp", timestamp),
        (b"x-slack-signature", signature(SECRET, timestamp.decode(), body).encode()),
    ]
    if length:
        headers.append((b"content-length", str(len(body)).encode()))
    return {"type": "http", "method": "POST", "path": "/slack/events", "headers": headers}


def messages(*chunks: bytes, then_wait: bool = False):
    queue = [{"type": "http.request", "body": c, "more_body": True} for c in chunks]

    async def receive() -> dict:
        if queue:
            return queue.pop(0)
        if then_wait:
            await asyncio.sleep(3600)
        return {"type": "http.request", "body": b"", "more_body": False}

    return receive


def test_a_signed_body_in_pieces_is_put_together():
    body = b'{"type": "event_callback", "event": {}}'
    guard = RequestGuard(SECRET)
    assert asyncio.run(guard.check(scope(body), messages(body[:10], body[10:]))) == body


def test_a_body_that_stops_arriving_is_cut_off_at_its_deadline():
    guard = RequestGuard(SECRET, body_timeout=0.2)
    started = time.monotonic()
    result = asyncio.run(guard.check(scope(b"{}", length=False), messages(b"{", then_wait=True)))
    assert result == Refusal(408, "body not received in time")
    assert time.monotonic() - started < 1


def test_a_body_without_a_length_is_refused_once_it_passes_the_limit():
    guard = RequestGuard(SECRET, max_body=1000)
    chunks = [b"x" * 400] * 100
    receive = messages(*chunks)
    result = asyncio.run(guard.check(scope(b"", length=False), receive))
    assert result.status == 413


def test_a_flood_of_refusals_is_summed_up_past_the_lines_per_second(caplog):
    log = RefusalLog(per_second=5)
    request = {"method": "POST", "path": "/slack/events"}
    with caplog.at_level(logging.WARNING, "bot.slack.guard"):
        second = int(time.monotonic())
        while int(time.monotonic()) == second:  # start at the top of a second
            time.sleep(0.01)
        for _ in range(200):
            log(request, Refusal(401, "bad signature", 10))
        time.sleep(1.05)
        log(request, Refusal(400, "not JSON", 3))
    lines = [r.getMessage() for r in caplog.records]
    assert lines[:5] == ["refused POST /slack/events: 401 bad signature, 10 bytes"] * 5
    assert lines[5] == "refused 195 more requests in a second without a line each: 195 × 401"
    assert lines[6] == "refused POST /slack/events: 400 not JSON, 3 bytes"
    assert len(lines) == 7
