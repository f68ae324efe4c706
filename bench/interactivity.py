"""Buttons over HTTP: *Check my offer* to `views.open` (a trigger_id lives 3 s), and the offer form's ack.

The web process as the Procfile starts it, against the Slack stand-in. Each click is a
signed `block_actions` request; the figure is the time from sending it to the stand-in
receiving `views.open`, measured idle and again while every background thread is held in a
rate-limit wait (`chat.postMessage` answering 429 with `Retry-After: 3`), which is what the
separate trigger pool (bot/slack/listeners/actions.py) is for. The form's submission is
checked inside its ack (field errors come back in it), so its ack time is measured too.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from bench._util import check, median, percentile
from tests.support.interactivity import (
    FORM,
    block_actions,
    clicked,
    elements,
    filled,
    form_body,
    trigger_id,
    view_submission,
)
from tests.support.processes import free_port, process_env, start_procfile, stop, wait_healthy
from tests.support.signing import event_body, new_ts, post, signed_headers, slash_command_body
from tests.support.slack_api import SlackStandIn

SECRET = "bench-secret"
CLICKS = 60
SUBMISSIONS = 200
TRIGGER_WINDOW_MS = 3000
OPEN_P99_TARGET_MS = 500
FORM_ACK_P99_TARGET_MS = 50


def run() -> list[str]:
    failures: list[str] = []
    with SlackStandIn() as slack, tempfile.TemporaryDirectory() as folder:
        port = free_port()
        env = process_env(
            slack.api_url, Path(folder) / "state", PORT=str(port), SLACK_SIGNING_SECRET=SECRET, SLACK_BOT_TOKEN="xoxb"
        )
        log_path = Path(folder) / "web.log"
        process = start_procfile("web", env, log_path)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, process, log_path)
            answer = signed(url, slash_command_body("planetscale ml remote", slack.response_url()), FORM).json()
            block_id, button = elements(answer)["open_offer_form"]

            def click() -> tuple[float, float]:
                trigger = trigger_id()
                payload = block_actions(clicked(block_id, button), slack.response_url("bench"), trigger=trigger)
                started = time.monotonic()
                assert signed(url, form_body(payload), FORM).status == 200
                acked = time.monotonic()
                return acked - started, opened_at(slack, trigger) - started

            for _ in range(5):
                click()
            idle = [click() for _ in range(CLICKS)]
            report("idle", idle, failures)

            # Hold every background thread in a Retry-After wait, then click.
            slack.fail("chat.postMessage", status=429, times=40, retry_after=3)
            for n in range(8):
                mention = {"type": "app_mention", "user": "U0B", "text": "<@U0BOT> planetscale ml", "ts": new_ts()}
                signed(url, event_body({**mention, "channel": f"C0BUSY{n}"}), "application/json")
            time.sleep(0.3)
            waiting = len([c for c in slack.calls_to("chat.postMessage", succeeded_only=False) if c.status == 429])
            busy = [click() for _ in range(10)]
            print(f"   {waiting} posts answered 429 (Retry-After 3 s) when the clicks began")
            report("background pool busy with 429 waits", busy, failures)

            view = slack.calls_to("views.open")[-1].args["view"]
            acks = []
            for n in range(SUBMISSIONS):
                values = {"base": "lots", "equity": "-5"} if n % 2 else {"base": "$5"}
                body = form_body(view_submission(filled(view, values), user="U0BENCH"))
                started = time.monotonic()
                response = signed(url, body, FORM)
                acks.append(time.monotonic() - started)
                assert json.loads(response.body)["response_action"] == "errors"
            print(
                f"   form with errors, ack: p50 {median(acks) * 1000:.1f} ms, p99 {percentile(acks, 99) * 1000:.1f} ms"
            )
            check(failures, "form ack p99", percentile(acks, 99) * 1000, FORM_ACK_P99_TARGET_MS, " ms")
        finally:
            stop(process)
    return failures


def report(label: str, samples: list[tuple[float, float]], failures: list[str]) -> None:
    acks = [ack for ack, _ in samples]
    opens = [opened for _, opened in samples]
    print(
        f"   {label}: ack p50 {median(acks) * 1000:.1f} ms; click to views.open p50 {median(opens) * 1000:.1f} ms, "
        f"p99 {percentile(opens, 99) * 1000:.1f} ms, max {max(opens) * 1000:.1f} ms "
        f"(a trigger lives {TRIGGER_WINDOW_MS} ms)"
    )
    check(failures, f"views.open p99 ({label})", percentile(opens, 99) * 1000, OPEN_P99_TARGET_MS, " ms")


def opened_at(slack: SlackStandIn, trigger: str, timeout: float = 10.0) -> float:
    """When the stand-in received the `views.open` for this trigger (its own monotonic clock)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for call in slack.calls_to("views.open"):
            if call.args.get("trigger_id") == trigger:
                return call.at
        time.sleep(0.0005)
    raise AssertionError(f"no views.open for {trigger}")


def signed(url: str, body: bytes, content_type: str):
    return post(url + "/slack/events", body, signed_headers(SECRET, body, content_type))
