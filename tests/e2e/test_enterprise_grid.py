"""Enterprise Grid end to end: the Procfile's web process in OAuth mode against the Slack
stand-in, with requests shaped as Slack sends them for an org.

An org (Acme, two workspaces) installs Comp Coach once, org-wide; `/comp` and DMs from both of
its workspaces are answered with the org's one token, and a person's case follows them across
the org's workspaces (Grid user ids and DMs are org-wide). A workspace of another org that never
installed is refused; a Grid workspace installed on its own is answered with its own token. The
org uninstalling (`app_uninstalled`, or `tokens_revoked` for its bot) erases its installation and
everything kept for its people, while an ordinary workspace and the Grid workspace carry on.
"""

from __future__ import annotations

import itertools
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.interactivity import block_actions, clicked, elements, filled, trigger_id, view_submission
from tests.support.oauth import OAuthWeb, start_oauth_web
from tests.support.signing import new_ts
from tests.support.slack_api import SlackStandIn

BAND = "$155K–$220K"  # planetscale ml remote, from the guide
OFFER = "planetscale offered me 180k base and 60k rsus over 4 years for ml engineer remote"
NOT_INSTALLED = "not installed in this workspace"
REFUSED = "refused a request from a workspace without an installation"

ACME, NORTH, SOUTH = "E0ACME", "T0NORTH", "T0SOUTH"  # installed org-wide
OTHER, ELSEWHERE = "E0OTHER", "T0ELSE"  # an org that never installed
GLOBEX, EAST = "E0GLOBEX", "T0EAST"  # a Grid workspace installed on its own
SOLO = "T0SOLO"  # an ordinary workspace, no Grid
ACME_ONLY = (ACME, NORTH, SOUTH)  # every key Acme's data could be stored under
_ids = itertools.count(1)


@pytest.fixture(scope="module")
def slack() -> Iterator[SlackStandIn]:
    with SlackStandIn() as stand_in:
        stand_in.add_enterprise(ACME, "Acme Corp", workspaces=(NORTH, SOUTH))
        stand_in.add_enterprise(OTHER, "Other Org", workspaces=(ELSEWHERE,))
        stand_in.add_enterprise(GLOBEX, "Globex", workspaces=(EAST,))
        stand_in.add_workspace(SOLO, "Solo Workspace")
        yield stand_in


@pytest.fixture(scope="module")
def web(slack: SlackStandIn, tmp_path_factory: pytest.TempPathFactory) -> Iterator[OAuthWeb]:
    process = start_oauth_web(slack, tmp_path_factory.mktemp("grid"))
    try:
        yield process
    finally:
        process.stop()


def rows(web: OAuthWeb, sql: str, *params) -> list[tuple]:
    path: Path = web.log_path.parent / "state" / "comp-coach.sqlite3"
    with sqlite3.connect(path) as connection:
        return connection.execute(sql, params).fetchall()


def kept_for(web: OAuthWeb, table: str, keys: tuple[str, ...]) -> int:
    marks = ",".join("?" * len(keys))
    [(count,)] = rows(web, f"SELECT count(*) FROM {table} WHERE team_id IN ({marks})", *keys)
    return count


def in_org(enterprise: str, org: bool) -> dict:
    """What a request from a workspace of `enterprise` carries (`org`: installed org-wide)."""
    return {"enterprise": enterprise, "org": org}


def dm(web: OAuthWeb, team: str, text: str, user: str, **grid) -> str:
    """A direct message from `user` in `team`; returns the DM channel the reply goes to."""
    channel = f"D{team}{next(_ids)}"
    event = {
        "type": "message",
        "channel_type": "im",
        "channel": channel,
        "user": user,
        "text": text,
        "ts": new_ts(),
        "team": team,
    }
    assert web.event(event, team=team, **grid).status == 200
    return channel


def wait_notice(slack: SlackStandIn, name: str, timeout: float = 10.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [c for c in slack.calls_to("response_url") if c.path.endswith("/" + name)]
        if found:
            return found[0].args["text"]
        time.sleep(0.02)
    raise AssertionError(f"nothing sent to the response_url {name}")


def refused_notice(web: OAuthWeb, slack: SlackStandIn, team: str, name: str, **grid) -> str:
    """A `/comp` that must be refused: its ack carries no answer, the notice goes to response_url."""
    answer = web.command("planetscale ml remote", team=team, name=name, **grid)
    assert answer.status == 200 and BAND not in answer.body.decode()
    return wait_notice(slack, name)


def test_an_org_wide_install_answers_every_workspace_of_the_org_with_the_org_token(web, slack):
    acme = slack.enterprises[ACME]
    page = web.install(ACME)  # on Slack's page the person picked the org, not a workspace
    text = page.body.decode()
    assert page.status == 200, text
    assert "Comp Coach is installed in Acme Corp" in text  # the org, not a workspace (nor "None")
    assert NORTH not in text and SOUTH not in text and "None" not in text
    assert rows(
        web,
        "SELECT enterprise_id, team_id, is_enterprise_install FROM slack_installations WHERE enterprise_id = ?",
        ACME,
    ) == [(ACME, None, 1)]
    web.wait_log(f"installed org-wide in {ACME}")

    # /comp from both workspaces: answered, authorized with the org's token (one auth.test for the org).
    org = in_org(ACME, org=True)
    for team in (NORTH, SOUTH):
        answer = web.command("planetscale ml remote", team=team, user="W0PAT", name=f"comp-{team}", **org)
        assert answer.status == 200 and BAND in answer.json()["text"], answer.body
    by_org = [c for c in slack.calls_to("auth.test") if c.token == acme.token]
    assert len(by_org) == 2  # completing the installation, then one authorization for both workspaces

    # DMs from both workspaces: each reply goes out with the org's token; the case is the org's.
    pat_north = dm(web, NORTH, OFFER, "W0PAT", **org)
    call = slack.wait_posted(pat_north)
    assert call.token == acme.token and "180" in call.args["text"], (call.token, call.args.get("text"))
    pat_south = dm(web, SOUTH, "what about my base?", "W0PAT", **org)  # the same person, in the other workspace
    call = slack.wait_posted(pat_south)
    assert call.token == acme.token and "180" in call.args["text"]  # the same case, wherever they write from
    sam_south = dm(web, SOUTH, OFFER.replace("180k", "175k"), "W0SAM", **org)
    call = slack.wait_posted(sam_south)
    assert call.token == acme.token and "175" in call.args["text"]
    assert sorted(rows(web, "SELECT team_id, user_id FROM coaching_cases")) == [(ACME, "W0PAT"), (ACME, "W0SAM")]
    assert rows(web, "SELECT DISTINCT team_id FROM seen_events") == [(ACME,)]

    # The App Home, opened in North, shows Pat's case and is published with the org's token ...
    event = {"type": "app_home_opened", "user": "W0PAT", "tab": "home", "channel": "D0PATHOME"}
    assert web.event(event, team=NORTH, **org).status == 200
    [home] = slack.wait_for("views.publish")
    assert home.token == acme.token and "PlanetScale" in str(home.args["view"])
    # ... and *Forget me* pressed there from South (an org install's payload: `team` null) deletes it.
    [(block_id, forget)] = [
        (b.get("block_id", "x"), e)
        for b in home.args["view"]["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    ]
    view = {**home.args["view"], "id": "V0PATHOME"}
    click = block_actions(
        clicked(block_id, forget), None, user="W0PAT", team=SOUTH, view=view, enterprise=ACME, org=True
    )
    assert web.action(click).status == 200
    [_, after] = slack.wait_for("views.publish", count=2)
    assert after.token == acme.token and "I keep nothing about you right now" in str(after.args["view"])
    assert rows(web, "SELECT team_id, user_id FROM coaching_cases") == [(ACME, "W0SAM")]

    # *Check my offer* under Pat's /comp answer in South: the form opens and its evaluation is
    # posted to Pat's DM later (through the outbox) with the org's token; the case is the org's again.
    block_id, button = elements(answer.json())["open_offer_form"]
    trigger = trigger_id()
    click = block_actions(
        clicked(block_id, button),
        slack.response_url("form"),
        user="W0PAT",
        team=SOUTH,
        trigger=trigger,
        enterprise=ACME,
        org=True,
    )
    assert web.action(click).status == 200
    [opened] = [c for c in slack.wait_for("views.open") if c.args.get("trigger_id") == trigger]
    assert opened.token == acme.token
    offer = {"base": "168k", "equity": "100k", "years": "4", "sign_on": "20k"}
    submitted = view_submission(filled(opened.args["view"], offer), user="W0PAT", team=SOUTH, enterprise=ACME, org=True)
    assert web.action(submitted).status == 200
    evaluation = slack.wait_posted("W0PAT")  # the user id as channel: the bot's DM with them
    assert evaluation.token == acme.token and "168" in evaluation.args["text"]
    assert sorted(rows(web, "SELECT team_id, user_id FROM coaching_cases")) == [(ACME, "W0PAT"), (ACME, "W0SAM")]


def test_a_workspace_of_another_org_that_never_installed_is_refused_clearly(web, slack):
    refused_before = web.log().count(REFUSED)
    for org in (False, True):  # the workspace on its own, or the org-wide app: neither installed
        assert NOT_INSTALLED in refused_notice(web, slack, ELSEWHERE, f"else-{org}", **in_org(OTHER, org))
    channel = dm(web, ELSEWHERE, OFFER, "W0OUTSIDER", enterprise=OTHER, org=True)
    web.wait_log(REFUSED, count=refused_before + 3)
    assert "AuthorizeResult" not in web.log() and " ERROR " not in web.log()
    assert not [c for c in slack.calls_to("chat.postMessage") if c.args.get("channel") == channel]
    for table in ("coaching_cases", "seen_events", "reply_outbox"):
        assert kept_for(web, table, (OTHER, ELSEWHERE)) == 0, table


def test_a_grid_workspace_installed_on_its_own_is_answered_with_its_own_token(web, slack):
    east = slack.workspaces[EAST]
    page = web.install(EAST)  # a workspace install, inside an org
    assert page.status == 200 and "Comp Coach is installed in Workspace T0EAST" in page.body.decode()
    assert rows(
        web, "SELECT enterprise_id, team_id, is_enterprise_install FROM slack_installations WHERE team_id = ?", EAST
    ) == [(GLOBEX, EAST, 0)]
    answer = web.command("planetscale ml remote", team=EAST, name="east", **in_org(GLOBEX, org=False))
    assert answer.status == 200 and BAND in answer.json()["text"]
    channel = dm(web, EAST, OFFER, "W0EASTER", **in_org(GLOBEX, org=False))
    call = slack.wait_posted(channel)
    assert call.token == east.token and "180" in call.args["text"], (call.token, call.args.get("text"))
    assert rows(web, "SELECT team_id FROM coaching_cases WHERE user_id = 'W0EASTER'") == [(EAST,)]


def test_the_org_uninstalling_erases_the_org_while_other_installations_carry_on(web, slack):
    acme, solo, east = slack.enterprises[ACME], slack.workspaces[SOLO], slack.workspaces[EAST]
    if not rows(web, "SELECT 1 FROM slack_installations WHERE enterprise_id = ?", ACME):  # run on its own
        assert web.install(ACME).status == 200
    org = in_org(ACME, org=True)
    assert slack.wait_posted(dm(web, NORTH, OFFER, "W0LEE", **org)).token == acme.token
    assert web.install(SOLO).status == 200
    solo_channel = dm(web, SOLO, OFFER, "U0SOLO")
    assert slack.wait_posted(solo_channel).token == solo.token
    if not rows(web, "SELECT 1 FROM slack_installations WHERE team_id = ?", EAST):
        assert web.install(EAST).status == 200
    slack.wait_posted(dm(web, EAST, OFFER, "W0EASTER2", **in_org(GLOBEX, org=False)))
    assert kept_for(web, "coaching_cases", ACME_ONLY) >= 1

    # Acme removes the app: Slack revokes the org's token and sends app_uninstalled, the
    # authorization naming the org-wide install (team_id null), the event from one of its workspaces.
    slack.uninstall(ACME)
    assert web.event({"type": "app_uninstalled"}, team=NORTH, **org).status == 200
    web.wait_log(f"app_uninstalled: erased org-wide install {ACME}", timeout=10)
    for table in ("slack_installations", "slack_bots"):
        assert rows(web, f"SELECT count(*) FROM {table} WHERE enterprise_id = ?", ACME) == [(0,)], table
    for table in ("coaching_cases", "seen_events", "reply_outbox"):
        assert kept_for(web, table, ACME_ONLY) == 0, table

    # The org's workspaces are refused at once (no authorization left cached for the org) ...
    assert NOT_INSTALLED in refused_notice(web, slack, NORTH, "north-after", **org)
    assert NOT_INSTALLED in refused_notice(web, slack, SOUTH, "south-after", **org)
    # ... while the ordinary workspace and the Grid workspace installed on its own carry on, cases intact.
    for team in (SOLO, EAST):
        assert rows(web, "SELECT count(*) FROM slack_installations WHERE team_id = ?", team) != [(0,)], team
        assert kept_for(web, "coaching_cases", (team,)) >= 1, team
    call = slack.wait_posted(dm(web, SOLO, "what about my base?", "U0SOLO"))
    assert call.token == solo.token and "180" in call.args["text"]
    call = slack.wait_posted(dm(web, EAST, "what about my base?", "W0EASTER2", **in_org(GLOBEX, org=False)))
    assert call.token == east.token and "180" in call.args["text"]


def test_tokens_revoked_for_the_org_bot_erases_the_org(web, slack):
    acme = slack.enterprises[ACME]
    assert web.install(ACME).status == 200  # installed again (or for the first time, run on its own)
    org = in_org(ACME, org=True)
    call = slack.wait_posted(dm(web, SOUTH, OFFER, "W0KIM", **org))
    assert call.token == acme.token
    assert kept_for(web, "coaching_cases", (ACME,)) >= 1

    # Revoked at the org level: the event names no workspace at all, only the org's install.
    slack.uninstall(ACME)
    event = {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": [acme.bot_user_id]}}
    assert web.event(event, team=None, **org).status == 200
    web.wait_log(f"tokens_revoked: erased org-wide install {ACME}", timeout=10)
    for table in ("slack_installations", "slack_bots"):
        assert rows(web, f"SELECT count(*) FROM {table} WHERE enterprise_id = ?", ACME) == [(0,)], table
    for table in ("coaching_cases", "seen_events", "reply_outbox"):
        assert kept_for(web, table, ACME_ONLY) == 0, table
    assert NOT_INSTALLED in refused_notice(web, slack, SOUTH, "south-revoked", **org)
