"""Two web processes, one PostgreSQL, OAuth mode: what one process stores, the other uses.

As on a platform running two dynos behind one router: the install page may come from one
process and Slack's redirect land on the other; a workspace installed through one is answered
by the other with its own token; an uninstall received by one erases what both would read.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from bot.store.database import database_url
from tests.store.postgres import postgres_schema
from tests.support.oauth import OAuthWeb, fetch, start_oauth_web
from tests.support.signing import new_ts
from tests.support.slack_api import SlackStandIn

BAND = "$155K–$220K"
OFFER = "planetscale offered me 180k base and 60k rsus over 4 years for ml engineer remote"


@pytest.fixture
def pair(tmp_path) -> Iterator[tuple[SlackStandIn, OAuthWeb, OAuthWeb, str]]:
    with postgres_schema() as url, SlackStandIn() as slack:
        for team in ("T0ONE", "T0TWO"):
            slack.add_workspace(team)
        first = start_oauth_web(slack, tmp_path / "first", DATABASE_URL=url)
        try:
            second = start_oauth_web(slack, tmp_path / "second", DATABASE_URL=url)
            try:
                yield slack, first, second, url
            finally:
                second.stop()
        finally:
            first.stop()


def count(url: str, sql: str) -> int:
    engine = create_engine(database_url(url, None))  # type: ignore[arg-type]
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql)).scalar_one()
    finally:
        engine.dispose()


def dm(web: OAuthWeb, team: str, channel: str, text: str) -> None:
    event = {"type": "message", "channel_type": "im", "channel": channel, "user": "U0PERSON", "text": text}
    assert web.event({**event, "ts": new_ts()}, team=team).status == 200


def test_an_installation_made_through_one_process_answers_through_the_other(pair):
    slack, first, second, url = pair
    assert "Comp Coach is installed" in first.install("T0ONE").body.decode()
    # The install page from the second process, Slack's redirect to the first: one state store.
    _, link, cookie = second.install_page("T0TWO")
    slack.redirect_uri = first.url + "/slack/oauth_redirect"
    assert "Comp Coach is installed" in fetch(second.approve(link), {"Cookie": cookie}).body.decode()
    assert count(url, "SELECT count(*) FROM slack_bots") == 2

    for web in (second, first):
        for team in ("T0ONE", "T0TWO"):
            answer = web.command("planetscale ml remote", team=team)
            assert answer.status == 200 and BAND in answer.json()["text"], (web.url, team)
    dm(second, "T0ONE", "D0ONE", OFFER)
    dm(first, "T0TWO", "D0TWO", OFFER)
    assert slack.wait_posted("D0ONE").token == slack.workspaces["T0ONE"].token
    assert slack.wait_posted("D0TWO").token == slack.workspaces["T0TWO"].token
    # The case begun through one process continues through the other.
    dm(first, "T0ONE", "D0ONE-AGAIN", "what about my base?")
    assert "180" in slack.wait_posted("D0ONE-AGAIN").args["text"]

    # Uninstalled through the second: erased for both.
    slack.uninstall("T0ONE")
    assert second.event({"type": "app_uninstalled"}, team="T0ONE").status == 200
    second.wait_log("app_uninstalled: erased workspace T0ONE")
    for table in ("slack_installations", "slack_bots", "coaching_cases", "seen_events"):
        assert count(url, f"SELECT count(*) FROM {table} WHERE team_id = 'T0ONE'") == 0, table
        assert count(url, f"SELECT count(*) FROM {table} WHERE team_id = 'T0TWO'") > 0, table
    dm(first, "T0TWO", "D0TWO-AGAIN", "what about my base?")
    assert slack.wait_posted("D0TWO-AGAIN").token == slack.workspaces["T0TWO"].token
