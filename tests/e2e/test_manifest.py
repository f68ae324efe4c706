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
