"""OAuth mode end to end: the Procfile's web process for many workspaces against the Slack
stand-in. Two workspaces install through "Add to Slack", each is answered with its own token,
one uninstalls and is erased while the other carries on; refusal, expired and replayed states
get their pages; a workspace that never installed is told so; tokens rotate."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.oauth import OAuthWeb, fetch, start_oauth_web, state_of
from tests.support.signing import new_ts
from tests.support.slack_api import SlackStandIn

BAND = "$155K–$220K"  # planetscale ml remote, from the guide
OFFER = "planetscale offered me 180k base and 60k rsus over 4 years for ml engineer remote"
_ids = itertools.count(1)


@pytest.fixture(scope="module")
def slack() -> Iterator[SlackStandIn]:
    with SlackStandIn() as stand_in:
        for team in ("T0ALPHA", "T0BETA", "T0GAMMA"):
            stand_in.add_workspace(team)
        yield stand_in


@pytest.fixture(scope="module")
def web(slack: SlackStandIn, tmp_path_factory: pytest.TempPathFactory) -> Iterator[OAuthWeb]:
    process = start_oauth_web(slack, tmp_path_factory.mktemp("oauth"))
    try:
        yield process
    finally:
        process.stop()


def database(web: OAuthWeb) -> Path:
    return web.log_path.parent / "state" / "comp-coach.sqlite3"


def rows(web: OAuthWeb, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(database(web)) as connection:
        return connection.execute(sql, params).fetchall()


def dm(web: OAuthWeb, team: str, text: str, user: str = "U0PERSON") -> str:
    """A direct message from `user` in `team`; returns the DM channel the reply goes to."""
    channel = f"D{team}{next(_ids)}"
    response = web.event(
        {"type": "message", "channel_type": "im", "channel": channel, "user": user, "text": text, "ts": new_ts()},
        team=team,
    )
    assert response.status == 200
    return channel


def test_two_workspaces_each_answered_with_their_own_token_and_one_uninstall_erases_only_it(web, slack):
    for team in ("T0ALPHA", "T0BETA"):
        page = web.install(team)
        assert page.status == 200, page.body
        assert f"Comp Coach is installed in Workspace {team}" in page.body.decode()
        assert "deleted" in page.headers["set-cookie"]  # the state cookie is cleared
    alpha, beta = slack.workspaces["T0ALPHA"], slack.workspaces["T0BETA"]
    assert alpha.token and beta.token and alpha.token != beta.token
    [exchange, *_] = slack.calls_to("oauth.v2.access")
    assert exchange.headers["authorization"].startswith("Basic ")  # client id and secret, not in the URL

    for team in ("T0ALPHA", "T0BETA"):
        answer = web.command("planetscale ml remote", team=team)
        assert answer.status == 200 and BAND in answer.json()["text"]

    # A DM in each workspace: the offer starts a case, the reply goes out with that workspace's token.
    channels = {team: dm(web, team, OFFER) for team in ("T0ALPHA", "T0BETA")}
    for team, channel in channels.items():
        call = slack.wait_posted(channel)
        assert call.token == slack.workspaces[team].token, (team, call.token)
        assert "180" in call.args["text"]
    assert sorted(rows(web, "SELECT team_id FROM coaching_cases")) == [("T0ALPHA",), ("T0BETA",)]
    assert sorted(rows(web, "SELECT DISTINCT team_id FROM seen_events")) == [("T0ALPHA",), ("T0BETA",)]

    # App Home per workspace, published with that workspace's token.
    web.event({"type": "app_home_opened", "user": "U0PERSON", "tab": "home", "channel": "D0HOME"}, team="T0BETA")
    [home] = slack.wait_for("views.publish")
    assert home.token == beta.token

    # Alpha removes the app: Slack revokes its token and sends app_uninstalled.
    slack.uninstall("T0ALPHA")
    response = web.event({"type": "app_uninstalled"}, team="T0ALPHA")
    assert response.status == 200
    web.wait_log("app_uninstalled: erased workspace T0ALPHA")
    for table in ("slack_installations", "slack_bots", "coaching_cases", "seen_events"):
        assert rows(web, f"SELECT count(*) FROM {table} WHERE team_id = 'T0ALPHA'") == [(0,)], table
        assert rows(web, f"SELECT count(*) FROM {table} WHERE team_id = 'T0BETA'") != [(0,)], table
    erased = "coaching_cases 1, reply_outbox 0, seen_events 1, slack_bots 1, slack_installations 1"
    assert f"erased workspace T0ALPHA ({erased})" in web.log()

    # Alpha is refused clearly; Beta carries on, its case intact.
    refused = web.command("planetscale ml remote", team="T0ALPHA", name="alpha-after")
    assert refused.status == 200 and BAND not in refused.body.decode()
    [notice] = [c for c in slack.wait_for("response_url") if c.path.endswith("alpha-after")]
    assert "not installed in this workspace" in notice.args["text"]
    channel = dm(web, "T0BETA", "what about my base?")
    call = slack.wait_posted(channel)
    assert call.token == beta.token and "180" in call.args["text"]


def test_a_workspace_that_never_installed_is_refused_clearly(web, slack):
    response = web.command("planetscale ml remote", team="T0NEVER", name="never")
    assert response.status == 200 and BAND not in response.body.decode()
    [notice] = [c for c in slack.wait_for("response_url") if c.path.endswith("never")]
    assert "not installed in this workspace" in notice.args["text"]
    channel = dm(web, "T0NEVER", OFFER)
    web.wait_log("refused a request from a workspace without an installation", count=2)
    assert "AuthorizeResult" not in web.log() and " ERROR " not in web.log()
    assert not [c for c in slack.calls_to("chat.postMessage") if c.args.get("channel") == channel]
    assert rows(web, "SELECT count(*) FROM coaching_cases WHERE team_id = 'T0NEVER'") == [(0,)]


def test_install_page_refusal_and_expired_or_replayed_states(web, slack):
    page, link, cookie = web.install_page()
    text = page.body.decode()
    assert "Add Comp Coach to your Slack workspace" in text and "platform.slack-edge.com" not in text
    assert link.startswith(slack.authorize_url + "?")
    query = parse_qs(urlsplit(link).query)
    assert query["scope"] == ["commands,chat:write,app_mentions:read,im:history"]  # manifest.yml's bot scopes
    assert query["client_id"] == [slack.client_id]

    # Cancel on Slack's page: a friendly refusal, nothing stored.
    slack.redirect_uri = web.url + "/slack/oauth_redirect"
    refused = fetch(web.approve(link, deny=True), {"Cookie": cookie})
    assert refused.status == 200 and "Comp Coach was not installed" in refused.body.decode()

    # A state used once is refused the second time (a reload, a replayed link).
    _, link, cookie = web.install_page("T0GAMMA")
    redirect = web.approve(link)
    assert "Comp Coach is installed" in fetch(redirect, {"Cookie": cookie}).body.decode()
    replayed = fetch(redirect, {"Cookie": cookie})
    assert replayed.status == 400 and "This installation link has expired" in replayed.body.decode()

    # A state past its ten minutes.
    _, link, cookie = web.install_page("T0GAMMA")
    with sqlite3.connect(database(web)) as connection:
        connection.execute(
            "UPDATE slack_oauth_states SET expire_at = '2000-01-01 00:00:00.000000' WHERE state = ?", (state_of(link),)
        )
    expired = fetch(web.approve(link), {"Cookie": cookie})
    assert expired.status == 400 and "This installation link has expired" in expired.body.decode()

    # Another browser (no state cookie) is refused the same way.
    _, link, _ = web.install_page("T0GAMMA")
    other = fetch(web.approve(link))
    assert other.status == 400 and "This installation link has expired" in other.body.decode()


def test_tokens_revoked_for_the_bot_erases_the_workspace(web, slack):
    assert web.install("T0GAMMA").status == 200
    channel = dm(web, "T0GAMMA", OFFER)
    assert slack.wait_posted(channel).token == slack.workspaces["T0GAMMA"].token
    assert rows(web, "SELECT count(*) FROM coaching_cases WHERE team_id = 'T0GAMMA'") == [(1,)]
    web.event({"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UT0GAMMABOT"]}}, team="T0GAMMA")
    web.wait_log("tokens_revoked: erased workspace T0GAMMA")
    for table in ("slack_installations", "slack_bots", "coaching_cases", "seen_events"):
        assert rows(web, f"SELECT count(*) FROM {table} WHERE team_id = 'T0GAMMA'") == [(0,)], table


def test_bot_tokens_rotate_through_the_stand_in(tmp_path):
    with SlackStandIn() as slack:
        slack.rotation = True
        slack.token_lifetime = 3600  # under Bolt's two-hour window: every authorization refreshes
        workspace = slack.add_workspace("T0ROT")
        web = start_oauth_web(slack, tmp_path)
        try:
            assert web.install("T0ROT").status == 200
            first = workspace.token
            channel = dm(web, "T0ROT", "planetscale ml remote")
            call = slack.wait_posted(channel)
            [refresh] = [c for c in slack.calls_to("oauth.v2.access") if c.args.get("grant_type") == "refresh_token"]
            assert refresh.args["refresh_token"].startswith("xoxe-1-T0ROT")
            assert workspace.token != first and call.token == workspace.token  # the refreshed token
            assert rows(web, "SELECT bot_token FROM slack_bots WHERE team_id = 'T0ROT' ORDER BY id DESC LIMIT 1") == [
                (workspace.token,)
            ]
        finally:
            web.stop()
