"""The relay and the courier in one process against the Slack stand-in, on SQLite and
PostgreSQL: replies Slack refuses now (429 past the cap, 5xx, no answer) are kept and sent once
later; a long Retry-After holds no thread; an old reply becomes an apology; a refusal that
cannot change is dropped; a stopping process hands over what it acknowledged. (What depends
on the store runs on both; the rest on SQLite, the outbox's claims being tested on both in
tests/store/test_outbox.py and end to end in tests/e2e/test_outbox_faults.py.)"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from slack_sdk.errors import SlackApiError

from bot.conversation import Reply
from bot.render.blocks import Message
from bot.settings import Settings
from bot.slack import clients
from bot.slack.courier import Courier, reply_payload
from bot.slack.relay import Job, Relay
from bot.store.database import Store
from bot.store.outbox import Outbox
from tests.store.postgres import postgres_schema
from tests.support.slack_api import SlackStandIn

SECRET_FIGURE = "$312,345"


class Echo:
    """A conversation whose reply names what was said (so each reply is told apart)."""

    turns = 0

    def handle(self, text: str, user: str = "", team: str = "") -> Reply:
        Echo.turns += 1
        return Reply([Message(f"reply to {text} ({SECRET_FIGURE})", [])])

    def mention(self, text: str, user: str, team: str = "") -> Reply:
        return Reply([Message(f"lookup {text}", [])], "in_channel")


SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # timing, not the store


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'outbox.sqlite3'}"
    else:
        with postgres_schema() as url:
            yield url


@pytest.fixture
def slack() -> Iterator[SlackStandIn]:
    with SlackStandIn() as stand_in:
        yield stand_in


@dataclass
class Process:
    """What one web worker runs of this: a courier with its poller, a relay feeding it."""

    courier: Courier
    relay: Relay
    store: Store

    def stop(self) -> None:
        self.courier.hand_over(2.0)
        self.store.dispose()


@pytest.fixture
def start(slack, database_url, tmp_path) -> Iterator:
    started: list[Process] = []

    def start_process(**overrides) -> Process:
        values = dict(
            slack_bot_token="xoxb-test",
            slack_api_url=slack.api_url,
            state_dir=tmp_path,
            retry_after_cap_seconds=1.0,
            outbox_poll_seconds=0.05,
            outbox_lease_seconds=3.0,
            retry_backoff_seconds=0.05,
            slack_timeout_seconds=0.5,
        )
        settings = Settings({}, **{**values, **overrides})
        store = Store.open(database_url, tmp_path)
        courier = Courier(settings, store).start()
        process = Process(courier, Relay(Echo(), courier, settings), store)
        started.append(process)
        return process

    yield start_process
    for process in started:
        process.stop()


def dm(number: int, text: str = "hello") -> Job:
    return Job("dm", f"EvC{number:04d}", "T1", f"U{number}", f"D{number}", text)


def answer(process: Process, job: Job) -> None:
    """As the listeners do: acknowledged (noted as owed), then answered on a listener thread."""
    process.relay.accept(job)
    process.relay.run(job)


def posts(slack: SlackStandIn, channel: str, succeeded_only: bool = True) -> list:
    return [c for c in slack.calls_to("chat.postMessage", succeeded_only) if c.args.get("channel") == channel]


def settle(process: Process, timeout: float = 10.0) -> None:
    """Until the outbox is empty (every reply delivered or dropped)."""
    deadline = time.monotonic() + timeout
    while process.courier.outbox().pending():
        assert time.monotonic() < deadline, "replies still in the outbox"
        time.sleep(0.05)


@SQLITE_ONLY
def test_server_errors_and_silence_are_retried_from_the_outbox_and_sent_once(start, slack, caplog):
    process = start()
    slack.fail("chat.postMessage", status=503, times=2)
    with caplog.at_level(logging.DEBUG):
        answer(process, dm(1))
        settle(process)
        slack.hang("chat.postMessage", seconds=1.5, times=1)
        answer(process, dm(2))
        settle(process)
    assert [c.status for c in posts(slack, "D1", False)] == [503, 503, 200]
    assert [c.status for c in posts(slack, "D2", False)] == [0, 200], "no answer in time: sent again, once"
    assert posts(slack, "D1")[0].args["text"] == f"reply to hello ({SECRET_FIGURE})"
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("bot."))
    assert "not delivered (HTTP 503)" in ours and "not delivered (TimeoutError)" in ours
    assert SECRET_FIGURE not in ours and "hello" not in ours


@SQLITE_ONLY
def test_a_long_retry_after_holds_no_thread_and_is_honoured(start, slack):
    process = start()
    slack.fail("chat.postMessage", status=429, times=4, retry_after=2)
    for number in range(1, 5):
        answer(process, dm(number))
    slack.wait_for("chat.postMessage", count=4, succeeded_only=False)
    answer(process, dm(5))
    [unrelated] = slack.wait_for("chat.postMessage", count=1)
    assert unrelated.args["channel"] == "D5", "the first post through: answered while the others wait"
    settle(process)
    for number in range(1, 5):
        attempts = posts(slack, f"D{number}", False)
        assert [c.status for c in attempts] == [429, 200]
        assert attempts[1].at - attempts[0].at >= 2.0, "Retry-After honoured, from the outbox"


@SQLITE_ONLY
def test_short_waits_hold_no_thread_either(start, slack):
    process = start()
    slack.fail("chat.postMessage", status=429, times=8, retry_after=1)  # within the cap: waited while held
    for number in range(1, 9):  # twice the courier's threads
        answer(process, dm(number))
    slack.wait_for("chat.postMessage", count=8, succeeded_only=False)
    answer(process, dm(9))
    [unrelated] = slack.wait_for("chat.postMessage", count=1)
    assert unrelated.args["channel"] == "D9", "the first post through: answered while eight wait"
    settle(process)
    for number in range(1, 9):
        attempts = posts(slack, f"D{number}", False)
        assert [c.status for c in attempts] == [429, 200]
        assert attempts[1].at - attempts[0].at >= 1.0


@SQLITE_ONLY
def test_a_reply_past_its_life_becomes_an_apology(start, slack):
    process = start(reply_life_seconds=0.5)
    slack.fail("chat.postMessage", status=500, times=4)
    answer(process, dm(1))
    settle(process)
    [delivered] = posts(slack, "D1")
    assert "Slack kept refusing my answer" in delivered.args["text"]
    assert SECRET_FIGURE not in delivered.args["text"]


@SQLITE_ONLY
def test_a_refusal_that_cannot_change_is_not_retried(start, slack, caplog):
    process = start()
    slack.answer_when("chat.postMessage", {"channel": "D1"}, {"ok": False, "error": "channel_not_found"})
    with caplog.at_level(logging.ERROR):
        answer(process, dm(1))
        settle(process)
    assert len(posts(slack, "D1", False)) == 1
    assert "channel_not_found" in caplog.text and "EvC0001" in caplog.text


def test_a_resent_event_gets_no_second_reply(start, slack):
    process = start()
    answer(process, dm(1))
    answer(process, dm(1))
    settle(process)
    assert len(posts(slack, "D1")) == 1


def test_a_stopping_process_hands_over_what_it_acknowledged(start, slack):
    first = start()
    slack.fail("chat.postMessage", status=429, times=10**6, retry_after=1)
    first.relay.accept(dm(1))  # acknowledged, its listener not started yet
    answer(first, dm(2))  # answered, waiting on Retry-After
    slack.wait_for("chat.postMessage", count=1, succeeded_only=False)
    first.courier.hand_over(2.0)
    first.relay.run(dm(1))  # the listener that started too late: the event was handed over
    assert posts(slack, "D1", False) == []
    outbox = Outbox(first.store)
    assert outbox.pending() == 2
    slack.fail("chat.postMessage", times=0)
    second = start()
    settle(second)
    assert len(posts(slack, "D1")) == 1 and len(posts(slack, "D2")) == 1


def test_an_event_left_past_its_life_gets_an_apology_and_no_turn(start, slack):
    first = start(reply_life_seconds=0.3)
    first.relay.accept(dm(1))  # acknowledged, then the process stopped before its turn
    first.courier.hand_over(1.0)
    time.sleep(0.4)
    turns = Echo.turns
    second = start()
    settle(second)
    [post] = posts(slack, "D1")
    assert "Slack kept refusing my answer" in post.args["text"]
    assert Echo.turns == turns, "the turn is not run for a reply that can no longer be sent"


@SQLITE_ONLY
def test_a_reply_no_event_waits_for_is_kept_too(start, slack):
    process = start()
    slack.fail("chat.postMessage", status=503, times=1)
    process.courier.send("T1", "U0FORM", [Message("your evaluation", [])])
    settle(process)
    assert [c.status for c in posts(slack, "U0FORM", False)] == [503, 200]


def test_the_apps_own_client_waits_a_short_retry_after_but_not_a_long_one(slack):
    client = clients.web_client("xoxb-test", slack.api_url)
    slack.fail("auth.test", status=429, times=1, retry_after=1)
    assert client.auth_test()["ok"]
    slack.fail("auth.test", status=429, times=1, retry_after=30)
    began = time.monotonic()
    with pytest.raises(SlackApiError) as raised:
        client.auth_test()
    assert raised.value.response.status_code == 429
    assert time.monotonic() - began < 10, "30 s are not waited on a listener thread"
    assert [c.status for c in slack.calls_to("auth.test", succeeded_only=False)] == [429, 200, 429]


def test_nothing_is_sent_once_the_rows_are_given_back(start, slack, monkeypatch):
    process = start()
    entry = process.courier.outbox().keep("T1", "D1", reply_payload([Message("late", [])]), 60)
    pool = process.courier._pool
    monkeypatch.setattr(pool, "shutdown", lambda **_: None)  # as if still between the two steps
    process.courier.hand_over(0.5)
    process.courier.deliver(entry)  # a timer or a turn finishing after the rows were given back
    time.sleep(0.3)
    assert posts(slack, "D1", False) == []
    assert process.courier.outbox().pending() == 1, "left for the next process"
