"""DM coaching over signed HTTP into the web process (Procfile `web:`), replies read at the
Slack stand-in: the done-when conversation on the session's web process (SQLite), and one
conversation carried by two web processes on one PostgreSQL, from one to the other and
across a restart."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.coaching.conftest import DONE_WHEN
from tests.e2e.conftest import WebProcess, start_web
from tests.store.postgres import postgres_schema
from tests.support.processes import stop
from tests.support.signing import event_body, new_ts

_ids = itertools.count(1)


class Person:
    """Someone DMing the bot: each `say` is a signed `message.im` event, and the reply is
    what the bot posted to the DM channel after it."""

    def __init__(self, slack) -> None:
        number = next(_ids)
        self.slack = slack
        self.user = f"U0COACH{number:03d}"
        self.channel = f"D0COACH{number:03d}"

    def posts(self) -> list:
        return [c for c in self.slack.calls_to("chat.postMessage") if c.args.get("channel") == self.channel]

    def say(self, web: WebProcess, text: str, timeout: float = 15.0) -> str:
        before = len(self.posts())
        event = {
            "type": "message",
            "channel_type": "im",
            "user": self.user,
            "text": text,
            "ts": new_ts(),
            "channel": self.channel,
        }
        assert web.event(event_body(event)).status == 200
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            posts = self.posts()
            if len(posts) > before:
                time.sleep(0.05)  # a long reply may come as more than one message
                return "\n".join(post.args["text"] for post in self.posts()[before:])
            time.sleep(0.02)
        raise AssertionError(f"no reply to {text!r} within {timeout} s:\n{web.log()[-3000:]}")


def test_done_when_conversation_over_http(web, slack):
    person = Person(slack)
    evaluation = person.say(web, DONE_WHEN)
    assert "*Base salary:* $168K  `|──●───────|`  lower third of the band ($155K–$220K)" in evaluation
    assert "base $168K + equity $100K ÷ 4 + bonus $0 + sign-on $0 ÷ 4 = $193K" in evaluation
    counter = person.say(web, "another offer from Acme for $300k total")
    assert "*Base salary:* $168K → *$242K*" in counter
    assert "*Equity (4-year grant):* $100K → *$235K*" in counter
    email = person.say(web, "email")
    assert "• Base salary: $242K (offer: $168K)" in email
    phone = person.say(web, "phone script")
    assert "Discovery" in phone and phone != email
    pushback = person.say(web, "they said the base is fixed")
    assert "ask for $74K, the first year's gap" in pushback
    close = person.say(web, "they came back with $185k base and $150k stock")
    assert "*Gain over the first offer:* +$29.5K a year" in close
    assert "Forget everything" in person.say(web, "forget me")
    assert "deleted" in person.say(web, "yes")
    assert "I keep nothing about you" in person.say(web, "status")
    # Timestamps, process ids and memory addresses are the log's own numbers ("14:12:50,168",
    # "[22581]", gunicorn's "(16854)", "pid: 16854", and at DEBUG its settings' functions "at
    # 0x7f1e31c16840"): out first.
    log = re.sub(r"\d{2}:\d{2}:\d{2}[,.]\d+|\[\d+\]|\(\d+\)|pid:? \d+|0x[0-9a-fA-F]+", " ", web.log())
    for figure in ("168", "242", "$300k", "185"):
        assert figure not in log


def test_a_plain_lookup_dm_gets_the_lookup(web, slack):
    person = Person(slack)
    reply = person.say(web, "planetscale ml remote")
    assert "*Base salary:* $155K–$220K" in reply


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with postgres_schema() as url:
        yield url


def start_web_on(slack, url: str, folder: Path) -> WebProcess:
    """A web process on PostgreSQL, with a state folder of its own (nothing shared on disk)."""
    return start_web(slack, folder, DATABASE_URL=url, WEB_CONCURRENCY="1")


def test_two_web_processes_on_one_postgresql_and_a_restart(slack, postgres_url, tmp_path):
    first = start_web_on(slack, postgres_url, tmp_path / "first")
    second = start_web_on(slack, postgres_url, tmp_path / "second")
    try:
        person = Person(slack)
        assert "$193K" in person.say(first, DONE_WHEN)
        counter = person.say(second, "no other offers")  # the other process knows the offer
        assert "base $220K + equity $235K ÷ 4 + bonus $0 + sign-on $0 ÷ 4 = $278,750 (+$85,750 a year)" in counter
        stop(first.process)
        first = start_web_on(slack, postgres_url, tmp_path / "first-again")  # a restart
        email = person.say(first, "email")
        assert "• Base salary: $220K (offer: $168K)" in email
        assert "That brings annualized total compensation to $278,750." in email
        status = person.say(second, "status")
        assert "*Base:* $168K" in status and "*Other offers:* none" in status
        person.say(first, "forget me")
        person.say(second, "yes")
        assert "I keep nothing about you" in person.say(first, "status")
    finally:
        for web in (first, second):
            stop(web.process)
