"""Enterprise Grid in-process: whose data a request is (`tenant_of`) as Bolt reads each payload,
which installation an uninstall names, and finding an installation's token for a reply sent
later (org-wide, a Grid workspace's own, an ordinary workspace's) and erasing an org-wide install
without touching another installation. End to end: tests/e2e/test_enterprise_grid.py."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

import pytest
from slack_bolt.context import BoltContext
from slack_bolt.request.internals import build_context, parse_body
from slack_sdk.oauth.installation_store.models.installation import Installation
from sqlalchemy import insert, select

from bot.settings import Settings
from bot.slack.clients import web_client
from bot.slack.listeners.uninstall import installation_of
from bot.slack.oauth import OAuthParts, installed_in
from bot.slack.payloads import team_of, team_of_interaction, tenant_of
from bot.slack.store import LazyStore
from tests.support.interactivity import block_actions
from tests.support.signing import event_body, slash_command_body
from tests.support.slack_api import SlackStandIn

ORG, NORTH = "E0ACME", "T0NORTH"
DM = {"type": "message", "channel_type": "im", "channel": "D1", "user": "W1", "text": "hi", "ts": "1.2"}


def context_of(body: dict) -> BoltContext:
    """The context Bolt builds for a request with this body (before authorizing it)."""
    return build_context(BoltContext(), body)


def command(**grid) -> dict:
    return dict(parse_qsl(slash_command_body("planetscale", "http://r", team=NORTH, **grid).decode()))


def event(kind: dict = DM, team: str | None = NORTH, **grid) -> dict:
    return json.loads(event_body(kind, "Ev1", team=team, **grid))


def interaction(**grid) -> dict:
    return parse_body(
        "payload=" + json.dumps(block_actions({"action_id": "home_forget"}, None, team=NORTH, **grid)), None
    )


@pytest.mark.parametrize(
    ("grid", "tenant"),
    [
        ({}, NORTH),  # an ordinary workspace
        ({"enterprise": ORG}, NORTH),  # a workspace of a Grid org, installed on its own
        ({"enterprise": ORG, "org": True}, ORG),  # the org's org-wide install: the org's data
    ],
)
def test_whose_data_a_request_is_read_alike_from_commands_events_and_interactivity(grid, tenant):
    assert tenant_of(context_of(cmd := command(**grid)), cmd["team_id"]) == tenant
    body = event(**grid)
    context = context_of(body)
    assert tenant_of(context, team_of(body, body["event"])) == tenant
    assert context.enterprise_id == grid.get("enterprise")  # what a job carries to the courier
    body = interaction(**grid)
    assert tenant_of(context_of(body), team_of_interaction(body)) == tenant
    if grid.get("org"):  # Slack's org-wide payloads: no team in authorizations, `team: null` on actions
        assert context.team_id is None and body["team"] is None


@pytest.mark.parametrize(
    ("team", "grid", "installation"),
    [
        (NORTH, {}, (None, NORTH)),
        (NORTH, {"enterprise": ORG}, (ORG, NORTH)),
        (NORTH, {"enterprise": ORG, "org": True}, (ORG, None)),  # sent from a workspace: still the org's install
        (None, {"enterprise": ORG, "org": True}, (ORG, None)),  # naming no workspace at all
        (None, {"enterprise": ORG}, (ORG, None)),  # no authorizations naming a team: the org's
    ],
)
def test_an_uninstall_names_the_installation_it_removes(team, grid, installation):
    body = event({"type": "app_uninstalled"}, team=team, **grid)
    if team is None and not grid.get("org"):
        body.pop("authorizations")
    assert installation_of(body, context_of(body)) == installation


def test_the_success_page_names_the_org_for_an_org_wide_install():
    org = Installation(user_id="W1", enterprise_id=ORG, enterprise_name="Acme Corp", is_enterprise_install=True)
    assert installed_in(org) == "Acme Corp"
    assert installed_in(Installation(user_id="U1", team_id=NORTH, team_name="North")) == "North"
    assert installed_in(Installation(user_id="U1", enterprise_id=ORG, team_id=NORTH, team_name="North")) == "North"


def installation(slack: SlackStandIn, enterprise: str | None, team: str | None) -> Installation:
    """An installation as Bolt saves it (bot only), with a token the stand-in issued."""
    key = team or enterprise
    return Installation(
        app_id="A0COMPCOACH",
        user_id="W0INSTALLER",
        enterprise_id=enterprise,
        enterprise_name="Acme Corp" if enterprise else None,
        team_id=team,
        bot_token=slack.issue_token(key),
        bot_id=f"B{key}",
        bot_user_id=f"U{key}BOT",
        bot_scopes="commands,chat:write",
        is_enterprise_install=team is None,
    )


def test_a_later_reply_finds_each_installations_token_and_an_org_uninstall_erases_only_the_org(tmp_path):
    from bot.store.cases import cases
    from bot.store.database import seen_events

    with SlackStandIn() as slack:
        slack.add_enterprise(ORG, "Acme Corp", workspaces=("T0OWN",))
        slack.add_workspace("T0SOLO")
        settings = Settings(
            {
                "SLACK_CLIENT_ID": slack.client_id,
                "SLACK_CLIENT_SECRET": slack.client_secret,
                "SLACK_SIGNING_SECRET": "s",
                "SLACK_API_URL": slack.api_url,
                "COMP_COACH_STATE_DIR": str(tmp_path),
            }
        )
        store = LazyStore(settings)
        parts = OAuthParts(settings, store, web_client(None, settings.api_url))
        org = installation(slack, ORG, None)
        own = installation(slack, ORG, "T0OWN")  # a workspace of the same org, installed on its own
        solo = installation(slack, None, "T0SOLO")
        for each in (org, own, solo):
            parts.installation_store.save(each)

        # The courier's lookups (team = the data's key, enterprise = the org), all cache misses:
        # each finds its installation, authorized through SLACK_API_URL (the stand-in).
        assert parts.bot_token(ORG, ORG) == org.bot_token
        assert parts.bot_token("T0OWN", ORG) == own.bot_token
        assert parts.bot_token("T0SOLO", None) == solo.bot_token
        assert parts.bot_token("T0SOLO") == solo.bot_token
        assert parts.bot_token("T0OWN", None) is None  # a Grid workspace is not found outside its org
        assert [c.token for c in slack.calls_to("auth.test")] == [org.bot_token, own.bot_token, solo.bot_token]

        with store.opened().engine.begin() as connection:
            for team, user in ((ORG, "W1"), ("T0OWN", "W2"), ("T0SOLO", "U3")):
                connection.execute(
                    insert(cases).values(
                        team_id=team, user_id=user, data="{}", version=1, updated_at=0.0, expires_at=9e9
                    )
                )
                connection.execute(insert(seen_events).values(event_id=f"Ev{user}", team_id=team, expires_at=9e9))

        erased = parts.erase(ORG, None)
        assert erased == {
            "slack_installations": 1,
            "slack_bots": 1,
            "coaching_cases": 1,
            "seen_events": 1,
            "reply_outbox": 0,
        }
        assert parts.bot_token(ORG, ORG) is None  # forgotten by the cache, gone from the store
        assert parts.bot_token("T0OWN", ORG) == own.bot_token  # the org's other installation stays
        with store.opened().engine.connect() as connection:
            kept = connection.execute(select(cases.c.team_id).order_by(cases.c.team_id)).scalars().all()
        assert kept == ["T0OWN", "T0SOLO"]
