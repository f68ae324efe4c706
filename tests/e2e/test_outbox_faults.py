"""No lost replies, with the real web process (Procfile `web:`), the Slack stand-in and both
stores: DMs are acknowledged while Slack answers every post 429; the process is killed in the
middle of those waits (SIGTERM: graceful; SIGKILL: master and worker at once, no chance to
hand anything over); another process starts on the same store, and each acknowledged DM is
answered exactly once (successful `chat.postMessage` calls per DM channel, at the stand-in).
And: an unrelated DM is not held up by other replies' long Retry-After.

Intervals are shortened through the environment (poll 0.2 s, lease 5 s, Retry-After cap 1 s,
Web API timeout 1 s) so the suite stays quick; the defaults are in bot/settings.py.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.store.database import Store
from bot.store.outbox import Outbox
from tests.coaching.conftest import DONE_WHEN
from tests.e2e.conftest import WebProcess, start_web
from tests.store.postgres import postgres_schema
from tests.support.processes import kill_hard, process_env, start_procfile, stop
from tests.support.signing import event_body, new_ts
from tests.support.slack_api import SlackStandIn
from tests.support.socket_mode import SocketModeStandIn

FAST = {
    "COMP_COACH_RETRY_AFTER_CAP_SECONDS": "1",
    "COMP_COACH_OUTBOX_POLL_SECONDS": "0.2",
    "COMP_COACH_OUTBOX_LEASE_SECONDS": "5",
    "COMP_COACH_RETRY_BACKOFF_SECONDS": "0.2",
    "COMP_COACH_SLACK_TIMEOUT_SECONDS": "1",
}
DMS = 8


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    else:
        with postgres_schema() as url:
            yield url


def direct_message(channel: str, text: str) -> dict:
    user = "U" + channel[1:]
    return {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": new_ts(), "channel": channel}


def delivered(slack: SlackStandIn, channel: str) -> list:
    return [c for c in slack.calls_to("chat.postMessage") if c.args.get("channel") == channel]


def attempted(slack: SlackStandIn, channel: str) -> list:
    return [c for c in slack.calls_to("chat.postMessage", succeeded_only=False) if c.args.get("channel") == channel]


def wait_until(check, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def kill(web: WebProcess, how: signal.Signals) -> None:
    """SIGTERM to the server (gunicorn stops its worker gracefully), or SIGKILL to the server
    and its worker together."""
    if how == signal.SIGKILL:
        kill_hard(web.process)
    else:
        web.process.send_signal(how)
        web.process.wait(timeout=20)


def pending(url: str, folder: Path) -> int:
    store = Store.open(url, folder)
    try:
        return Outbox(store).pending()
    finally:
        store.dispose()


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_killed_mid_wait_each_acknowledged_dm_is_answered_once(store_url, how, tmp_path):
    channels = [f"D0KILL{number:02d}" for number in range(DMS)]
    with SlackStandIn() as slack:
        first = start_web(slack, tmp_path / "first", DATABASE_URL=store_url, **FAST)
        try:
            slack.fail("chat.postMessage", status=429, times=10**6, retry_after=1)  # within the cap: on a timer, held
            for number, channel in enumerate(channels):
                text = DONE_WHEN if number % 2 else "planetscale ml remote"
                assert first.event(event_body(direct_message(channel, text))).status == 200
            wait_until(
                lambda: all(attempted(slack, channel) for channel in channels), 20, "every turn ran and tried to post"
            )
            kill(first, how)
        finally:
            stop(first.process)
        assert not any(delivered(slack, channel) for channel in channels)
        left = pending(store_url, tmp_path)
        assert left == DMS, f"{left} of {DMS} acknowledged DMs kept in the outbox"

        slack.fail("chat.postMessage", times=0)  # Slack takes posts again
        second = start_web(slack, tmp_path / "second", DATABASE_URL=store_url, **FAST)
        try:
            wait_until(lambda: pending(store_url, tmp_path) == 0, 30, "the outbox emptied")
            counts = {channel: len(delivered(slack, channel)) for channel in channels}
            assert counts == dict.fromkeys(channels, 1), "each acknowledged DM answered exactly once"
            for number, channel in enumerate(channels):
                text = delivered(slack, channel)[0].args["text"]
                assert ("$193K" if number % 2 else "$155K–$220K") in text
        finally:
            stop(second.process)
        if how == signal.SIGTERM:
            assert "outbox handed over" in first.log()


def test_server_errors_then_silence_then_sigkill_each_dm_answered_once(store_url, tmp_path):
    """Slack answers 500, then stops answering at all (each post held 3 s, then dropped unposted);
    the server and worker are killed hard while posts hang: the next process sends each once."""
    channels = [f"D0ERR{number:02d}" for number in range(6)]
    with SlackStandIn() as slack:
        first = start_web(slack, tmp_path / "first", DATABASE_URL=store_url, **FAST)
        try:
            slack.fail("chat.postMessage", status=500, times=10**6)
            for channel in channels[:4]:
                assert first.event(event_body(direct_message(channel, DONE_WHEN))).status == 200
            wait_until(lambda: all(attempted(slack, channel) for channel in channels[:4]), 20, "turns ran")
            slack.hang("chat.postMessage", seconds=3, times=10**6)
            for channel in channels[4:]:
                assert first.event(event_body(direct_message(channel, "planetscale ml sf"))).status == 200
            wait_until(lambda: all(attempted(slack, channel) for channel in channels), 20, "every turn ran")
            kill_hard(first.process)
        finally:
            stop(first.process)
        assert not any(delivered(slack, channel) for channel in channels)
        slack.fail("chat.postMessage", times=0)
        second = start_web(slack, tmp_path / "second", DATABASE_URL=store_url, **FAST)
        try:
            wait_until(lambda: pending(store_url, tmp_path) == 0, 30, "the outbox emptied")
        finally:
            stop(second.process)
        assert {channel: len(delivered(slack, channel)) for channel in channels} == dict.fromkeys(channels, 1)
        statuses = {c.status for c in slack.calls_to("chat.postMessage", succeeded_only=False)}
        assert {500, 0, 200} <= statuses, "500s, unanswered posts, then deliveries"


def test_an_unrelated_dm_is_not_held_by_a_long_retry_after(tmp_path):
    with SlackStandIn() as slack:
        web = start_web(slack, tmp_path / "web", **FAST)
        try:
            slack.fail("chat.postMessage", status=429, times=4, retry_after=20)
            waiting = [f"D0WAIT{number}" for number in range(4)]
            for channel in waiting:
                assert web.event(event_body(direct_message(channel, "planetscale ml remote"))).status == 200
            slack.wait_for("chat.postMessage", count=4, succeeded_only=False)
            sent = time.monotonic()
            assert web.event(event_body(direct_message("D0UNRELATED", "planetscale ml remote"))).status == 200
            [reply] = slack.wait_for("chat.postMessage", count=1, timeout=15)
            assert reply.args["channel"] == "D0UNRELATED"
            assert reply.at - sent < 15, "answered long before the others' 20 s are up"
            assert not any(delivered(slack, channel) for channel in waiting), "the others still wait, in the outbox"
        finally:
            stop(web.process)


def test_socket_mode_worker_hands_over_on_sigterm(tmp_path):
    """The `worker:` line stopped while its replies wait on 429s: the web process started on the
    same store afterwards sends each one, once."""
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    socket = SocketModeStandIn()
    channels = [f"D0SOCK{number}" for number in range(3)]
    with SlackStandIn() as slack:
        slack.answer("apps.connections.open", {"ok": True, "url": socket.url})
        env = process_env(
            slack.api_url, tmp_path / "state", SLACK_BOT_TOKEN="xoxb-test", SLACK_APP_TOKEN="xapp-test", **FAST
        )
        worker = start_procfile("worker", {**env, "DATABASE_URL": url}, tmp_path / "worker.log")
        try:
            socket.wait_connected()
            slack.fail("chat.postMessage", status=429, times=10**6, retry_after=1)
            for number, channel in enumerate(channels):
                body = {
                    "type": "event_callback",
                    "team_id": "T0TEAM",
                    "event_id": f"EvSOCKHAND{number}",
                    "event": direct_message(channel, "planetscale ml remote"),
                }
                socket.send({"envelope_id": f"env-{number}", "type": "events_api", "payload": body})
                socket.wait_for_ack(f"env-{number}")
            wait_until(lambda: all(attempted(slack, channel) for channel in channels), 20, "every turn ran")
        finally:
            exit_status = stop(worker)
            socket.close()
        assert exit_status == 0
        assert "outbox handed over" in (tmp_path / "worker.log").read_text()
        assert pending(url, tmp_path) == len(channels)
        slack.fail("chat.postMessage", times=0)
        web = start_web(slack, tmp_path / "web", DATABASE_URL=url, **FAST)
        try:
            wait_until(lambda: pending(url, tmp_path) == 0, 30, "the outbox emptied")
        finally:
            stop(web.process)
        assert {channel: len(delivered(slack, channel)) for channel in channels} == dict.fromkeys(channels, 1)
