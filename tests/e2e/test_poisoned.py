"""Rendering data cannot steer, through the real web process (issue 11, finding 1): a guide
folder whose every text carries directives, broken JSON, mentions and links; `/comp`, mentions
and DMs about it, and typed text doing the same. The posted blocks are the templates' own."""

from __future__ import annotations

import itertools
import time
from urllib.parse import urlencode

import pytest

from tests.e2e.conftest import start_web
from tests.support.poison import PAYLOADS, POISONED_SLUG, assert_unsteered, write_poisoned_guide
from tests.support.processes import stop
from tests.support.signing import event_body, new_ts, slash_command_body

_channels = itertools.count(1)


@pytest.fixture(scope="module")
def poisoned_web(slack, tmp_path_factory):
    guides = write_poisoned_guide(tmp_path_factory.mktemp("poisoned-guides"))
    web = start_web(slack, tmp_path_factory.mktemp("poisoned-web"), COMP_COACH_GUIDES=str(guides))
    yield web
    stop(web.process)


def posts(slack, channel: str, count: int, timeout: float = 10.0) -> list:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [c for c in slack.calls_to("chat.postMessage") if c.args.get("channel") == channel]
        if len(found) >= count:
            return found
        time.sleep(0.02)
    raise AssertionError(f"fewer than {count} posts to {channel}")


def blocks_of(args: dict) -> list[dict]:
    import json

    blocks = args.get("blocks", [])
    return json.loads(blocks) if isinstance(blocks, str) else blocks


@pytest.mark.parametrize("query", ["ml remote", "ml", "", "ml sf levers", "ml script"])
def test_comp_about_a_poisoned_guide(poisoned_web, slack, query):
    response = poisoned_web.command(slash_command_body(f"{POISONED_SLUG} {query}", slack.response_url("poison")))
    assert response.status == 200
    payload = response.json()
    assert_unsteered(payload["blocks"], payload["text"])
    for more in payload.get("continued", []):
        assert_unsteered(more["blocks"], more["text"])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_typed_slash_text(poisoned_web, slack, payload):
    response = poisoned_web.command(slash_command_body(f"planetscale ml {payload}", slack.response_url("typed")))
    assert response.status == 200
    assert_unsteered(response.json()["blocks"], response.json()["text"])


def test_a_mention_about_a_poisoned_guide_posts_clean_blocks(poisoned_web, slack):
    channel = f"C0POISON{next(_channels):03d}"
    event = {
        "type": "app_mention",
        "user": "U0PERSON",
        "text": f"<@U0BOT> {POISONED_SLUG} ml remote {PAYLOADS[3]}",
        "ts": new_ts(),
        "channel": channel,
    }
    assert poisoned_web.event(event_body(event)).status == 200
    [post] = posts(slack, channel, 1)
    assert_unsteered(blocks_of(post.args), post.args["text"])


def test_dm_coaching_on_a_poisoned_guide_with_poisoned_words(poisoned_web, slack):
    channel = f"D0POISON{next(_channels):03d}"
    turns = [
        f"I got an offer from Evilcorp for ML engineer, remote: $168k base, $100k stock over 4 years {PAYLOADS[4]}",
        PAYLOADS[0],
        PAYLOADS[5],
        "what should I counter with?",
        f"my current company is {PAYLOADS[9]}",
        "status",
    ]
    for index, text in enumerate(turns, 1):
        event = {"type": "message", "channel_type": "im", "user": "U0POISON", "ts": new_ts(), "channel": channel}
        assert poisoned_web.event(event_body({**event, "text": text})).status == 200
        posts(slack, channel, index)  # one turn at a time, in order
    for post in posts(slack, channel, len(turns)):
        assert_unsteered(blocks_of(post.args), post.args["text"])


def test_interactivity_payload_text_cannot_steer(poisoned_web, slack):
    import json

    payload = {
        "type": "block_actions",
        "user": {"id": "U0PERSON"},
        "team": {"id": "T0TEAM"},
        "api_app_id": "A0COMPCOACH",
        "actions": [
            {
                "action_id": "switch_region",
                "block_id": "b1",
                "type": "static_select",
                "selected_option": {"value": PAYLOADS[1]},
                "action_ts": new_ts(),
            }
        ],
        "response_url": slack.response_url("poison-action"),
        "trigger_id": "1.2.3",
    }
    response = poisoned_web.post(
        urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded"
    )
    assert response.status == 200
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        replies = [c for c in slack.calls_to("response_url") if c.path.endswith("poison-action")]
        if replies:
            break
        time.sleep(0.02)
    assert replies, "the action was answered"
    for reply in replies:
        assert_unsteered(blocks_of(reply.args), reply.args.get("text", ""))
