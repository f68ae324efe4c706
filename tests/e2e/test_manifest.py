"""manifest.yml creates the app the code expects: the command, scopes, events and settings it answers."""

from __future__ import annotations

import yaml

from tests.support.processes import ROOT


def manifest() -> dict:
    return yaml.safe_load((ROOT / "manifest.yml").read_text())


def test_scopes_events_and_command():
    app = manifest()
    assert set(app["oauth_config"]["scopes"]["bot"]) == {"commands", "chat:write", "app_mentions:read", "im:history"}
    assert set(app["settings"]["event_subscriptions"]["bot_events"]) == {
        "app_mention",
        "message.im",
        "app_home_opened",
        "app_uninstalled",
        "tokens_revoked",
    }
    [command] = app["features"]["slash_commands"]
    assert command["command"] == "/comp"
    assert "planetscale ml remote" in command["usage_hint"]


def test_bot_user_messages_tab_interactivity_and_socket_mode():
    app = manifest()
    assert app["features"]["bot_user"]["display_name"] == "Comp Coach"
    assert app["features"]["app_home"]["messages_tab_enabled"] is True
    assert app["features"]["app_home"]["home_tab_enabled"] is True
    assert app["features"]["app_home"]["messages_tab_read_only_enabled"] is False
    assert app["settings"]["interactivity"]["is_enabled"] is True
    assert app["settings"]["socket_mode_enabled"] is True


def test_slack_field_limits():
    info = manifest()["display_information"]
    assert len(info["name"]) <= 35
    assert len(info["description"]) <= 140
    assert 175 <= len(info["long_description"]) <= 4000


def test_oauth_mode_asks_for_the_manifests_scopes():
    from bot.slack.oauth import BOT_SCOPES

    assert list(BOT_SCOPES) == manifest()["oauth_config"]["scopes"]["bot"]


def test_docs_show_the_oauth_settings_that_match_the_manifest():
    """docs/slack.md's OAuth variant: the redirect URL the server serves, the manifest's scopes and events."""
    import re

    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "docs/slack.md").read_text(), re.DOTALL)
    [oauth] = [yaml.safe_load(block) for block in blocks if "redirect_urls" in block]
    app = manifest()
    [redirect] = oauth["oauth_config"]["redirect_urls"]
    assert redirect.endswith("/slack/oauth_redirect")
    assert oauth["oauth_config"]["scopes"] == app["oauth_config"]["scopes"]
    assert (
        oauth["settings"]["event_subscriptions"]["bot_events"] == app["settings"]["event_subscriptions"]["bot_events"]
    )
    assert oauth["settings"]["socket_mode_enabled"] is False
