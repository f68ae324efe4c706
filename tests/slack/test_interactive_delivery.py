"""Every sending path used by buttons sends a long answer whole (split across messages, never
cut), and a refusal comes back as Slack's error code."""

from __future__ import annotations

from bot.render.blocks import MAX_BLOCKS, build_messages, mark_directives
from bot.slack import clients
from bot.slack.delivery import delete_original, post_all, post_ephemeral, replace_original
from tests.support.slack_api import SlackStandIn


def long_answer():
    rendered = "".join(f"::section\nPart {n}: {'figure ' * 50}\n" for n in range(120))
    messages = build_messages(mark_directives(rendered))
    assert len(messages) == 3 and all(len(m.blocks) <= MAX_BLOCKS for m in messages)
    return messages


def test_replace_sends_the_first_part_in_place_and_the_rest_after():
    messages = long_answer()
    with SlackStandIn() as slack:
        url = slack.response_url("switch")
        assert replace_original(url, messages) == 3
        posts = slack.wait_for("response_url", 3)
        assert [p.args["replace_original"] for p in posts] == [True, False, False]
        assert all(p.args["response_type"] == "ephemeral" for p in posts)
        assert [p.args["text"].split(":")[0] for p in posts] == ["Part 0", "Part 50", "Part 100"]
        assert delete_original(url) is True
        assert slack.wait_for("response_url", 4)[-1].args == {"delete_original": True}


def test_channel_posts_and_ephemerals_send_every_part():
    messages = long_answer()
    with SlackStandIn() as slack:
        client = clients.web_client("xoxb-test", slack.api_url)
        assert post_all(client, "C1", messages) == (3, None)
        assert post_ephemeral(client, "C1", "U1", messages) == 3
        assert [c.args["user"] for c in slack.calls_to("chat.postEphemeral")] == ["U1"] * 3
        slack.answer_when("chat.postMessage", {"channel": "C2"}, {"ok": False, "error": "not_in_channel"})
        assert post_all(client, "C2", messages) == (0, "not_in_channel")
        assert post_all(client, "C1", messages[:1]) == (1, None), "other channels unaffected"
