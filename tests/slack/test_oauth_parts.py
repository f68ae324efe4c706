"""OAuth mode's parts in-process: which mode the environment picks, the authorization cache
(bounded, expiring, successes only, forgettable)."""

from __future__ import annotations

import pytest
from slack_bolt.authorization.authorize_result import AuthorizeResult
from slack_bolt.context import BoltContext

from bot.settings import Settings
from bot.slack.oauth import CachedAuthorize

OAUTH = {"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "s", "SLACK_SIGNING_SECRET": "x"}


@pytest.mark.parametrize(
    ("environ", "mode"),
    [
        ({}, "console"),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "x"}, "http"),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}, "socket"),
        (OAUTH, "oauth"),
        ({**OAUTH, "SLACK_BOT_TOKEN": "xoxb-1"}, "oauth"),  # as Bolt does: client credentials win
        ({"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "s"}, "console"),  # no signing secret: no HTTP
    ],
)
def test_the_environment_picks_the_mode(environ, mode):
    assert Settings(environ).mode == mode
    assert Settings(environ).slack_authorize_url == "https://slack.com/oauth/v2/authorize"


class Counting:
    """Stands in for Bolt's InstallationStoreAuthorize: counts the lookups it would make."""

    def __init__(self, installed: set[str]) -> None:
        self.installed = installed
        self.calls: list[str | None] = []

    def __call__(self, *, context, enterprise_id, team_id, user_id, **actor):
        self.calls.append(team_id)
        if team_id not in self.installed:
            return None
        return AuthorizeResult(enterprise_id=enterprise_id, team_id=team_id, bot_token=f"xoxb-{team_id}")


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def ask(authorize, team: str, user: str = "U1"):
    return authorize(
        context=BoltContext({"is_enterprise_install": False}), enterprise_id=None, team_id=team, user_id=user
    )


def test_authorizations_are_cached_per_workspace_until_they_expire():
    inner, clock = Counting({"T1", "T2"}), Clock()
    authorize = CachedAuthorize(inner, ttl_seconds=300, kept=10, clock=clock)
    assert ask(authorize, "T1").bot_token == "xoxb-T1"
    assert ask(authorize, "T1", user="U2").bot_token == "xoxb-T1"  # anyone in the workspace
    assert ask(authorize, "T2").bot_token == "xoxb-T2"  # never another workspace's token
    assert inner.calls == ["T1", "T2"]
    clock.now = 299
    ask(authorize, "T1")
    assert inner.calls == ["T1", "T2"]
    clock.now = 301
    assert ask(authorize, "T1").bot_token == "xoxb-T1"
    assert inner.calls == ["T1", "T2", "T1"]


def test_a_workspace_not_installed_is_asked_again_each_time():
    inner = Counting({"T1"})
    authorize = CachedAuthorize(inner)
    assert ask(authorize, "T9") is None
    inner.installed.add("T9")  # installed meanwhile, through another process
    assert ask(authorize, "T9").bot_token == "xoxb-T9"
    assert inner.calls == ["T9", "T9"]


def test_the_cache_is_bounded_and_forgets_an_uninstalled_workspace():
    inner = Counting({f"T{n}" for n in range(10)})
    authorize = CachedAuthorize(inner, kept=3)
    for n in range(10):
        ask(authorize, f"T{n}")
    assert len(authorize) == 3
    ask(authorize, "T9")
    assert inner.calls.count("T9") == 1  # still kept: among the three most recent
    authorize.forget(None, "T9")
    ask(authorize, "T9")
    assert inner.calls.count("T9") == 2


def test_socket_mode_refuses_oauth_credentials_it_cannot_honour(capsys):
    from bot.slack.socket import run_socket_mode

    environ = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", **OAUTH}
    assert run_socket_mode(Settings(environ)) == 2
    assert "Socket Mode serves one workspace" in capsys.readouterr().err
