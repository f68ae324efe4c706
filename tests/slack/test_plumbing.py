"""The Slack plumbing in-process: which events get a reply, mention text, WSGI readiness,
follow-ups through a response_url, bounded retries, and the log never holding a body."""

from __future__ import annotations

import asyncio
import logging

import pytest
from slack_sdk.errors import SlackApiError

from bot.answers import as_lookup
from bot.render.blocks import Message
from bot.slack import clients
from bot.slack.delivery import post_messages, send_followups
from bot.slack.logs import WithholdBodies
from bot.slack.payloads import ignore_reason, thread_of, without_mention
from bot.slack.web import WebApp
from tests.support.slack_api import SlackStandIn

PERSON = {"type": "message", "user": "U1", "text": "planetscale ml", "ts": "1.2", "channel": "D1"}


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({}, None),
        ({"subtype": "message_changed"}, "subtype message_changed"),
        ({"subtype": "file_share"}, None),
        ({"subtype": "thread_broadcast"}, None),
        ({"subtype": "file_share", "bot_id": "B9"}, "from a bot"),
        ({"subtype": "bot_message", "bot_id": "B9"}, "subtype bot_message"),
        ({"bot_id": "B9"}, "from a bot"),
        ({"user": "UBOT"}, "the bot's own"),
        ({"user": None}, "no user"),
        ({"text": ""}, "no text"),
        ({"text": None}, "no text"),
    ],
)
def test_ignore_reason(change, reason):
    assert ignore_reason({**PERSON, **change}, "UBOT") == reason


def test_mention_text_and_thread():
    assert without_mention("<@UBOT>  planetscale   ml <@U2>", "UBOT") == "planetscale ml <@U2>"
    assert without_mention("<@UBOT|comp coach> help", "UBOT") == "help"
    assert as_lookup("planetscale ml") == "/comp planetscale ml"
    assert as_lookup("") == "/comp"
    assert as_lookup("/comp help") == "/comp help"
    assert thread_of({"ts": "1.2"}) == "1.2"
    assert thread_of({"ts": "1.2", "thread_ts": "0.9"}) == "0.9"


def test_healthz_is_503_until_the_app_is_ready():
    async def call(web: WebApp, path: str) -> list[dict]:
        sent: list[dict] = []

        async def receive() -> dict:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict) -> None:
            sent.append(message)

        await web({"type": "http", "method": "POST", "path": path, "headers": [], "query_string": b""}, receive, send)
        return sent

    web = WebApp()
    for path in ("/healthz", "/slack/events"):
        start, body = asyncio.run(call(web, path))
        assert start["status"] == 503 and body["body"]


def test_followups_go_to_the_response_url_with_retries(monkeypatch):
    monkeypatch.setattr(clients, "RATE_LIMIT_RETRIES", 1)
    with SlackStandIn() as slack:
        slack.fail("response_url", status=503, times=1)
        messages = [Message("part two", [{"type": "divider"}]), Message("part three", [])]
        assert send_followups(slack.response_url("cmd"), messages, "ephemeral") == 2
        posted = slack.calls_to("response_url", succeeded_only=False)
        assert [c.status for c in posted] == [503, 200, 200]
        assert [c.args["text"] for c in posted[1:]] == ["part two", "part three"]
        assert all(c.args["response_type"] == "ephemeral" for c in posted)


def test_post_messages_stops_when_slack_refuses(caplog):
    with SlackStandIn() as slack:
        client = clients.web_client("xoxb-test", slack.api_url)
        slack.fail("chat.postMessage", status=503, times=10)
        with caplog.at_level(logging.ERROR):
            assert post_messages(client, "C1", [Message("secret offer $300K", [])]) == 0
        statuses = [c.status for c in slack.calls_to("chat.postMessage", succeeded_only=False)]
        assert statuses == [503] * (1 + clients.SERVER_ERROR_RETRIES), "bounded retries"
        assert "secret" not in caplog.text and "$300K" not in caplog.text
        assert "chat.postMessage to C1 failed" in caplog.text


def test_web_client_raises_after_bounded_rate_limit_retries():
    with SlackStandIn() as slack:
        client = clients.web_client("xoxb-test", slack.api_url)
        slack.fail("auth.test", status=429, times=1, retry_after=0)
        assert client.auth_test()["user_id"] == slack.bot_user_id
        slack.fail("auth.test", status=429, times=5, retry_after=0)
        with pytest.raises(SlackApiError):
            client.auth_test()
        assert len(slack.calls_to("auth.test", succeeded_only=False)) == 2 + 1 + clients.RATE_LIMIT_RETRIES


def test_log_lines_with_a_body_are_cut():
    record = logging.LogRecord(
        "slack_bolt.X", logging.INFO, __file__, 1, "bad (sig: %s, body: %s)", ("v0=1", "t=x"), None
    )
    assert WithholdBodies().filter(record)
    assert record.getMessage() == "bad (sig: v0=1, body: (withheld)"


def test_ack_bodies_are_what_ack_would_send_and_are_kept_per_message():
    from slack_bolt import Ack

    from bot.slack.acks import AckBodies

    message = Message(
        "*PlanetScale* $155K–$220K & <more>", [{"type": "section", "text": {"type": "mrkdwn", "text": "x"}}]
    )
    expected = Ack()(text=message.text, blocks=message.blocks, response_type="ephemeral")
    acks = AckBodies(size=2)
    ack = Ack()
    acks.acknowledge(ack, message, "ephemeral")
    assert ack.response.status == 200
    assert ack.response.body == expected.body
    assert ack.response.headers == expected.headers
    assert acks.body(message, "ephemeral") is acks.body(message, "ephemeral")
    same_words = Message(message.text, [{"type": "divider"}])
    assert acks.body(same_words, "ephemeral") != acks.body(message, "ephemeral")
    for extra in range(3):
        acks.body(Message(str(extra), []), "ephemeral")
    assert len(acks._bodies) == 2


def test_ack_bodies_built_from_kept_block_json_are_json_dumps_bytes():
    """A new message around blocks already serialized (an answer with its notice first) is
    the bytes `json.dumps` writes, also after a block is changed into a new object."""
    import json

    from bot.slack.acks import AckBodies

    shared = [
        {"type": "section", "text": {"type": "mrkdwn", "text": "*Base:* $155K–$220K & <x> “q” \u2028 😀"}},
        {"type": "divider"},
        {"type": "actions", "elements": [{"type": "button", "value": "a/b#0", "text": {"type": "plain_text"}}]},
    ]
    acks = AckBodies(size=4)
    for round_ in range(3):
        notice = [{"type": "section", "text": {"type": "mrkdwn", "text": f"notice {round_} ☃"}}]
        for blocks in (notice + shared, shared, [], notice):
            message = Message(f"fallback {round_} é", blocks)
            for response_type in ("ephemeral", "in_channel"):
                expected = json.dumps({"text": message.text, "response_type": response_type, "blocks": blocks})
                assert acks.body(message, response_type) == expected
    shared[0] = {"type": "divider"}  # a new object where the old one was: its own JSON
    message = Message("x", shared)
    assert acks.body(message, "ephemeral") == json.dumps({"text": "x", "response_type": "ephemeral", "blocks": shared})
