"""Junk costs little (issue 11, finding 5), against the Procfile's web process: refused on the
raw bytes before any parsing, with one WARNING line and no traceback; bodies past the limit
refused before they are read; half-sent requests dropped."""

from __future__ import annotations

import re
import time
from urllib.parse import urlparse

import pytest

from bench._util import tree_rss_mb
from bot.slack.guard import MAX_BODY
from bot.slack.worker import HEADER_TIMEOUT
from tests.e2e.conftest import SIGNING_SECRET
from tests.support.junk import (
    MB,
    exchange,
    half_sent,
    head,
    signed_extra,
    signed_malformed,
    status_of,
    stream_body,
    unsigned_junk,
    wait_dropped,
)
from tests.support.signing import get, slash_command_body

REFUSED = re.compile(r"WARNING bot\.slack\.guard: refused POST /slack/events: (\d{3}) ")


def port_of(web) -> int:
    return urlparse(web.url).port


def refusals(web) -> list[str]:
    return REFUSED.findall(web.log())


def assert_quiet(web, before: str) -> None:
    added = web.log()[len(before) :]
    assert "Traceback" not in added and " ERROR " not in added, added[-2000:]


@pytest.mark.parametrize("junk", unsigned_junk(), ids=lambda junk: junk.name)
def test_unsigned_junk_is_401_with_one_warning_line(web, junk):
    before, count = web.log(), len(refusals(web))
    response = exchange(port_of(web), junk.request)
    assert status_of(response) == 401, response[:200]
    web.wait_log("refused POST /slack/events: 401", count=before.count("refused POST /slack/events: 401") + 1)
    assert len(refusals(web)) == count + 1
    assert_quiet(web, before)


@pytest.mark.parametrize("junk", signed_malformed(SIGNING_SECRET), ids=lambda junk: junk.name)
def test_signed_but_malformed_is_400_with_one_warning_line(web, junk):
    before, count = web.log(), len(refusals(web))
    response = exchange(port_of(web), junk.request)
    assert status_of(response) == 400, response[:200]
    web.wait_log("refused POST /slack/events: 400", count=before.count("refused POST /slack/events: 400") + 1)
    assert len(refusals(web)) == count + 1
    assert_quiet(web, before)


def test_a_signed_comp_past_the_limit_is_413_before_it_is_read(web, slack):
    body = slash_command_body("planetscale ml remote " + "x" * (10 * MB), slack.response_url("huge"))
    request_head = head(len(body), "application/x-www-form-urlencoded", signed_extra(SIGNING_SECRET, body))
    sent, response = stream_body(port_of(web), request_head, len(body))
    assert status_of(response) == 413
    assert sent < len(body) // 2, f"{sent} of {len(body)} bytes read before the 413"


def test_a_body_without_a_length_is_cut_off_at_the_limit(web):
    extra = {"Transfer-Encoding": "chunked", **signed_extra(SIGNING_SECRET, b"")}
    sent, response = stream_body(port_of(web), head(None, extra=extra), 64 * MB, chunked=True)
    assert status_of(response) == 413
    assert sent < 16 * MB


def test_memory_stays_flat_under_four_64_mb_unsigned_bodies(web):
    before = tree_rss_mb(web.process.pid)
    for _ in range(4):
        sent, response = stream_body(port_of(web), head(64 * MB), 64 * MB)
        assert status_of(response) == 413
        assert sent < 16 * MB
    assert tree_rss_mb(web.process.pid) - before < 10, "MB grown"


def test_a_real_answer_just_under_the_limit_still_goes_through(web, slack):
    padding = "x" * (MAX_BODY - 2000)
    body = slash_command_body("planetscale ml remote", slack.response_url("padded")) + b"&padding=" + padding.encode()
    response = web.command(body)
    assert response.status == 200 and "$155K–$220K" in response.json()["text"]


def test_half_sent_requests_are_dropped_after_the_header_timeout(web):
    started = time.monotonic()
    dropped = wait_dropped(half_sent(port_of(web), 200), timeout=HEADER_TIMEOUT + 8)
    assert len(dropped) == 200
    assert HEADER_TIMEOUT - 1 <= time.monotonic() - started <= HEADER_TIMEOUT + 6  # slack for a busy machine
    assert get(web.url + "/healthz").status == 200
