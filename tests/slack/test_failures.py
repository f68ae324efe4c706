"""A listener whose answer fails still answers (an apology), and logs no words of the person's."""

from __future__ import annotations

import logging

from slack_bolt.request import BoltRequest

from bot.settings import Settings
from bot.slack.app import create_app
from bot.store.database import Store
from tests.support.signing import event_body, new_ts, signed_headers, slash_command_body
from tests.support.slack_api import SlackStandIn

SECRET = "test-secret"
PRIVATE = "my offer is $312,345 base"


class BrokenConversation:
    def handle(self, text: str, user: str = "", team: str = "") -> None:
        raise ValueError(f"could not read {text!r}")


def dispatch(app, body: bytes, content_type: str):
    return app.dispatch(BoltRequest(body=body.decode(), headers=signed_headers(SECRET, body, content_type)))


def test_command_and_dm_failures_get_an_apology_and_a_private_log(tmp_path, caplog):
    with SlackStandIn() as slack:
        settings = Settings(slack_bot_token="xoxb-test", slack_signing_secret=SECRET, slack_api_url=slack.api_url)
        app = create_app(settings, BrokenConversation(), Store.open(None, tmp_path))
        with caplog.at_level(logging.DEBUG):
            response = dispatch(
                app, slash_command_body(PRIVATE, slack.response_url()), "application/x-www-form-urlencoded"
            )
            assert response.status == 200
            assert "something went wrong" in response.body
            assert '"response_type": "ephemeral"' in response.body

            dm = {
                "type": "message",
                "channel_type": "im",
                "user": "U1",
                "text": PRIVATE,
                "ts": new_ts(),
                "channel": "D1",
            }
            assert dispatch(app, event_body(dm), "application/json").status == 200
            [post] = slack.wait_for("chat.postMessage")
            assert post.args["channel"] == "D1"
            assert "something went wrong" in post.args["text"]
        assert "ValueError" in caplog.text
        assert "312,345" not in caplog.text and "my offer" not in caplog.text


def _raised(error: BaseException) -> BaseException:
    try:
        raise error
    except BaseException as caught:
        return caught


def test_a_store_outage_is_one_line_without_stack_frames(caplog):
    """During a stall every turn fails alike; each used to log ~70 lines of frames."""
    import psycopg
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    from bot.slack.failures import log_failure, store_outage
    from bot.store.limits import StoreUnavailable

    outages = [
        OperationalError("SELECT 1", {}, psycopg.OperationalError("no answer from PostgreSQL within 3 s")),
        PoolTimeout("QueuePool limit of size 5 overflow 5 reached, connection timed out"),
        StoreUnavailable("store unavailable (timeout); not waiting"),
        psycopg.OperationalError("connection refused"),
    ]
    for error in outages:
        assert store_outage(error), error
    with caplog.at_level(logging.ERROR):
        for error in outages:
            log_failure("message", "Ev1", _raised(error))
    lines = caplog.text.strip().splitlines()
    assert len(lines) == len(outages)
    assert all("store unavailable" in line for line in lines)
    assert "(timeout)" in lines[0] and "(cannot connect)" in lines[3]


def test_a_bug_still_logs_its_stack_frames(caplog):
    from bot.slack.failures import log_failure, store_outage

    error = _raised(ValueError("bad"))
    assert not store_outage(error)
    with caplog.at_level(logging.ERROR):
        log_failure("message", "Ev1", error)
    assert "ValueError" in caplog.text and "_raised" in caplog.text
