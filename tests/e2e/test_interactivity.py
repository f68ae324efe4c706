"""Buttons, menus, the offer form and the App Home, end to end: signed `block_actions`,
`view_submission` and `app_home_opened` requests into the web process started as the
Procfile says, with what the bot does read at the Slack stand-in (Web API calls and
`response_url` posts)."""

from __future__ import annotations

import itertools
import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from tests.e2e.conftest import WebProcess, start_web
from tests.support.interactivity import (
    FORM,
    block_actions,
    clicked,
    elements,
    filled,
    form_body,
    trigger_id,
    view_submission,
)
from tests.support.processes import ROOT, process_env, start_procfile, stop
from tests.support.signing import event_body, new_ts, slash_command_body
from tests.support.slack_api import SlackStandIn
from tests.support.socket_mode import SocketModeStandIn

VARIANTS = ROOT / "tests" / "guides" / "fixtures" / "variants"
_ids = itertools.count(1)


def start_web_with(slack, folder: Path, guides: Path | None) -> WebProcess:
    extra = {"COMP_COACH_GUIDES": str(guides)} if guides else {}
    return start_web(slack, folder, LOG_LEVEL="DEBUG", **extra)


@pytest.fixture(scope="module")
def guides(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("guides") / "variants"
    shutil.copytree(VARIANTS, folder)
    return folder


@pytest.fixture(scope="module")
def app(slack, guides, tmp_path_factory) -> Iterator[WebProcess]:
    """The shipped guide plus the variant fixtures (StockCo has seven roles)."""
    web = start_web_with(slack, tmp_path_factory.mktemp("interactive"), guides)
    try:
        yield web
    finally:
        stop(web.process)


class Person:
    """Someone in Slack: own user id, channel and DM, and the bot's replies read at the stand-in."""

    def __init__(self, web: WebProcess) -> None:
        number = next(_ids)
        self.web = web
        self.slack = web.slack
        self.user = f"U0CLICK{number:03d}"
        self.channel = f"C0CLICK{number:03d}"
        self.name = f"click{number}"

    def response_url(self, what: str) -> str:
        return self.slack.response_url(f"{self.name}-{what}-{next(_ids)}")

    def comp(self, text: str) -> dict:
        body = slash_command_body(text, self.response_url("comp"), user=self.user)
        body = body.replace(b"channel_id=C0GENERAL", f"channel_id={self.channel}".encode())
        response = self.web.command(body)
        assert response.status == 200
        return response.json()

    def click(self, message: dict, action_id: str, option: str | None = None, **extra):
        block_id, element = elements(message)[action_id]
        chosen = None
        if option is not None:
            chosen = next(o for o in element["options"] if o["text"]["text"] == option)
        response_url = self.response_url(action_id)
        payload = block_actions(
            clicked(block_id, element, chosen), response_url, channel=self.channel, user=self.user, **extra
        )
        response = self.web.post(form_body(payload), FORM)
        return response, response_url, payload

    def posted_at(self, response_url: str, count: int = 1, timeout: float = 10.0) -> list:
        path = response_url.split("://", 1)[1].split("/", 1)[1]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [c for c in self.slack.calls_to("response_url") if c.path == "/" + path]
            if len(found) >= count:
                time.sleep(0.05)
                return [c for c in self.slack.calls_to("response_url") if c.path == "/" + path]
            time.sleep(0.02)
        raise AssertionError(f"nothing posted to {response_url}:\n{self.web.log()[-3000:]}")

    def calls(self, method: str, **match) -> list:
        return [c for c in self.slack.calls_to(method) if all(c.args.get(k) == v for k, v in match.items())]

    def wait(self, method: str, count: int = 1, timeout: float = 10.0, **match) -> list:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.calls(method, **match)
            if len(found) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(f"{len(self.calls(method, **match))} {method} calls {match}:\n{self.web.log()[-3000:]}")

    def open_form(self, message: dict) -> dict:
        trigger = trigger_id()
        response, _, _ = self.click(message, "open_offer_form", trigger=trigger)
        assert response.status == 200
        [opened] = self.wait("views.open", trigger_id=trigger)
        return opened.args["view"]

    def submit(self, view: dict, values: dict[str, str], region: str | None = None):
        body = form_body(view_submission(filled(view, values, region), user=self.user))
        return self.web.post(body, FORM)

    def open_home(self):
        event = {"type": "app_home_opened", "user": self.user, "channel": f"D0{self.user}", "tab": "home"}
        event["event_ts"] = new_ts()
        before = len(self.calls("views.publish", user_id=self.user))
        assert self.web.event(event_body(event)).status == 200
        return self.wait("views.publish", count=before + 1, user_id=self.user)[-1].args["view"]


def texts(view_or_message: dict) -> str:
    return json.dumps(view_or_message, ensure_ascii=False)


# --- the controls under a /comp answer -------------------------------------------------------------


def test_every_comp_answer_has_its_controls_within_slacks_limits(app):
    person = Person(app)
    one_region = person.comp("planetscale ml remote")
    controls = elements(one_region)
    assert set(controls) == {"share_answer", "switch_region", "open_offer_form"}  # one role: no role menu
    assert [o["text"]["text"] for o in controls["switch_region"][1]["options"]] == ["San Francisco HQ", "Remote US"]
    assert controls["switch_region"][1]["initial_option"]["text"]["text"] == "Remote US"
    roles = person.comp("stockco alpha")
    assert {"share_answer", "switch_role", "open_offer_form"} <= set(elements(roles))
    assert len(elements(roles)["switch_role"][1]["options"]) == 7
    for message in (one_region, roles):
        assert len(message["blocks"]) <= 50
        for block in message["blocks"]:
            if block["type"] == "section" and "text" in block:
                assert len(block["text"]["text"]) <= 3000
            if block["type"] == "header":
                assert len(block["text"]["text"]) <= 150
            for element in block.get("elements", []):
                if element.get("type") == "button":
                    assert len(element["value"]) <= 2000
                for option in element.get("options", []):
                    assert len(option["value"]) <= 150 and len(option["text"]["text"]) <= 75
    help_reply = person.comp("help")
    assert not elements(help_reply), "no guide, no controls"


def test_share_posts_in_the_channel_and_removes_the_private_copy(app):
    person = Person(app)
    answer = person.comp("planetscale ml remote")
    response, response_url, _ = person.click(answer, "share_answer")
    assert response.status == 200
    [post] = person.wait("chat.postMessage", channel=person.channel)
    assert f"Shared by <@{person.user}>." in post.args["text"]
    assert "Only you can see this" not in post.args["text"]
    for figure in ("$155K–$220K", "$80K–$225K", "$210K–$340K"):
        assert figure in post.args["text"]
    assert set(elements(post.args)) == {"open_offer_form"}, "no private controls in public"
    [deleted] = person.posted_at(response_url)
    assert deleted.args.get("delete_original") is True


def test_share_when_the_bot_is_not_in_the_channel_says_how_to_invite_it(app):
    person = Person(app)
    app.slack.answer_when("chat.postMessage", {"channel": person.channel}, {"ok": False, "error": "not_in_channel"})
    answer = person.comp("planetscale ml remote")
    response, response_url, _ = person.click(answer, "share_answer")
    assert response.status == 200
    [told] = person.posted_at(response_url)
    assert "/invite @Comp Coach" in told.args["text"]
    assert told.args["response_type"] == "ephemeral" and told.args["replace_original"] is False
    assert "delete_original" not in told.args, "the private answer stays"


def test_share_in_a_dm_between_people_says_it_cannot_post_there(app):
    person = Person(app)
    person.channel = person.channel.replace("C0", "D0")
    app.slack.answer_when("chat.postMessage", {"channel": person.channel}, {"ok": False, "error": "channel_not_found"})
    answer = person.comp("planetscale ml remote")
    _, response_url, _ = person.click(answer, "share_answer")
    [told] = person.posted_at(response_url)
    assert "cannot post in this conversation" in told.args["text"]


def test_region_menu_replaces_the_answer_in_place(app):
    person = Person(app)
    answer = person.comp("planetscale ml remote")
    response, response_url, _ = person.click(answer, "switch_region", option="San Francisco HQ")
    assert response.status == 200
    [replaced] = person.posted_at(response_url)
    assert replaced.args["replace_original"] is True and replaced.args["response_type"] == "ephemeral"
    assert "San Francisco HQ" in replaced.args["blocks"][0]["text"]["text"]
    assert "$170K–$235K" in replaced.args["text"]  # the SF base band
    again = elements(replaced.args)
    assert again["switch_region"][1]["initial_option"]["text"]["text"] == "San Francisco HQ"


def test_role_menu_replaces_the_answer_with_that_role(app):
    person = Person(app)
    answer = person.comp("stockco alpha")
    _, response_url, _ = person.click(answer, "switch_role", option="Beta")
    [replaced] = person.posted_at(response_url)
    assert replaced.args["replace_original"] is True
    assert replaced.args["blocks"][0]["text"]["text"].startswith("Beta at StockCo")
    assert elements(replaced.args)["switch_role"][1]["initial_option"]["text"]["text"] == "Beta"


# --- the offer form ----------------------------------------------------------------------------------


def test_check_my_offer_opens_the_form_inside_the_trigger_window(app):
    person = Person(app)
    answer = person.comp("planetscale ml remote")
    trigger = trigger_id()
    started = time.monotonic()
    response, _, _ = person.click(answer, "open_offer_form", trigger=trigger)
    acked = time.monotonic()
    assert response.status == 200
    [opened] = person.wait("views.open", trigger_id=trigger)
    view = opened.args["view"]
    print(f"ack {1000 * (acked - started):.1f} ms, views.open {1000 * (opened.at - started):.1f} ms after the click")
    assert view["type"] == "modal" and view["callback_id"] == "offer_form"
    assert json.loads(view["private_metadata"]) == {"ref": "planetscale/ml-ai-engineer#1"}
    ids = [block.get("block_id") for block in view["blocks"] if block["type"] == "input"]
    assert ids == ["region", "base", "equity", "years", "bonus", "sign_on"]
    assert "The guide's band: $155K–$220K" in texts(view)
    assert len(view["title"]["text"]) <= 24 and len(view["private_metadata"]) <= 3000


def test_an_expired_trigger_gets_a_clear_message(app):
    person = Person(app)
    answer = person.comp("planetscale ml remote")
    trigger = "expired." + trigger_id()
    app.slack.answer_when("views.open", {"trigger_id": trigger}, {"ok": False, "error": "expired_trigger_id"})
    response, response_url, _ = person.click(answer, "open_offer_form", trigger=trigger)
    assert response.status == 200
    [told] = person.posted_at(response_url)
    assert "press *Check my offer* again" in told.args["text"]
    assert "Traceback" not in app.log()


def test_a_valid_form_sends_the_evaluation_to_the_dm_and_starts_the_case(app):
    person = Person(app)
    view = person.open_form(person.comp("planetscale ml remote"))
    response = person.submit(view, {"base": "$168k", "equity": "100k", "years": "4"})
    assert response.status == 200
    assert not response.body.strip() or response.json().get("response_action") in (None, "clear")
    [dm] = person.wait("chat.postMessage", channel=person.user)
    assert "*Base salary:* $168K  `|──●───────|`  lower third of the band ($155K–$220K)" in dm.args["text"]
    assert "base $168K + equity $100K ÷ 4 + bonus $0 + sign-on $0 ÷ 4 = $193K" in dm.args["text"]
    home = person.open_home()
    assert "*Base:* $168K" in texts(home) and "Remote US" in texts(home)
    # The DM carries on from the form's offer.
    dm_event = {
        "type": "message",
        "channel_type": "im",
        "user": person.user,
        "text": "no other offers",
        "ts": new_ts(),
        "channel": person.user.replace("U0", "D0"),
    }
    assert app.event(event_body(dm_event)).status == 200
    [counter] = person.wait("chat.postMessage", channel=dm_event["channel"])
    assert "$168K → *$220K*" in counter.args["text"]


def test_the_form_with_another_region_chosen_uses_that_band(app):
    person = Person(app)
    view = person.open_form(person.comp("planetscale ml"))  # all regions: the menu has no choice yet
    assert "initial_option" not in next(b for b in view["blocks"] if b.get("block_id") == "region")["element"]
    missing = person.submit({**view}, {"base": "200k"}, region="nowhere")
    assert missing.json()["response_action"] == "errors" and "region" in missing.json()["errors"]
    response = person.submit(view, {"base": "200k"}, region="San Francisco HQ")
    assert response.status == 200
    [dm] = person.wait("chat.postMessage", channel=person.user)
    assert "($170K–$235K)" in dm.args["text"]


def test_junk_in_the_form_gets_an_error_on_each_field(app):
    person = Person(app)
    view = person.open_form(person.comp("planetscale ml remote"))
    response = person.submit(
        view, {"base": "lots", "equity": "-100k", "years": "forty", "bonus": "500%", "sign_on": "£20k"}
    )
    assert response.status == 200
    answer = response.json()
    assert answer["response_action"] == "errors"
    errors = answer["errors"]
    assert set(errors) == {"base", "equity", "years", "bonus", "sign_on"}
    assert "“lots” is not an amount I can read" in errors["base"]
    assert "cannot be negative" in errors["equity"]
    assert "whole years, 1 to 10" in errors["years"]
    assert "500%" in errors["bonus"]
    assert "GBP" in errors["sign_on"] and "USD" in errors["sign_on"]
    assert all(len(text) <= 150 for text in errors.values())
    empty = person.submit(view, {"base": ""}).json()
    assert empty["errors"] == {"base": "Please fill in the base salary."}
    assert not person.calls("chat.postMessage", channel=person.user), "nothing evaluated"


def test_absurd_figures_in_the_form_are_questioned(app):
    person = Person(app)
    view = person.open_form(person.comp("planetscale ml remote"))
    errors = person.submit(view, {"base": "$5", "equity": "99 billion", "years": "4"}).json()["errors"]
    assert "$5 is far below anything the guide publishes ($155K–$220K)" in errors["base"]
    assert "99 billion is far above anything the guide publishes" in errors["equity"]


def test_a_form_for_a_guide_that_is_gone_says_so(app):
    person = Person(app)
    view = person.open_form(person.comp("planetscale ml remote"))
    view = {**view, "private_metadata": json.dumps({"ref": "ghostco/nobody#0"})}
    answer = person.submit(view, {"base": "168k"}).json()
    assert answer["response_action"] == "update"
    assert "no longer on hand" in texts(answer["view"])
    junk = person.submit({**view, "private_metadata": "{not json"}, {"base": "168k"}).json()
    assert junk["response_action"] == "update"


# --- mentions -------------------------------------------------------------------------------------------


def test_an_offer_in_a_channel_mention_gets_a_private_pointer_to_the_dm(app):
    person = Person(app)
    event = {
        "type": "app_mention",
        "user": person.user,
        "text": "<@U0BOT> I got $168k base and $100k stock at planetscale, good?",
        "ts": new_ts(),
        "channel": person.channel,
    }
    assert app.event(event_body(event)).status == 200
    [pointer] = person.wait("chat.postEphemeral", channel=person.channel)
    assert pointer.args["user"] == person.user
    assert "DM" in pointer.args["text"] and "168" not in pointer.args["text"]
    time.sleep(0.2)
    assert not person.calls("chat.postMessage", channel=person.channel), "no public reply"
    lookup = {**event, "text": "<@U0BOT> planetscale ml sf", "ts": new_ts()}
    assert app.event(event_body(lookup)).status == 200
    [thread] = person.wait("chat.postMessage", channel=person.channel)
    assert thread.args["thread_ts"] == lookup["ts"] and "$170K–$235K" in thread.args["text"]


# --- the App Home --------------------------------------------------------------------------------------


def test_home_tab_without_a_case_shows_the_catalog_and_how_to_use(app):
    person = Person(app)
    home = person.open_home()
    assert home["type"] == "home" and len(home["blocks"]) <= 100
    words = texts(home)
    assert "*Guides on hand:* 13 guides for 7 companies, 12 roles." in words
    assert "*StockCo* (`/comp stockco`): 7 roles" in words
    assert "/comp planetscale ml remote" in words
    assert "I keep nothing about you right now" in words
    assert "home_forget" not in words


def test_messages_tab_opened_publishes_nothing(app):
    person = Person(app)
    event = {"type": "app_home_opened", "user": person.user, "channel": "D0X", "tab": "messages"}
    body = event_body(event)
    assert app.event(body).status == 200
    person.open_home()  # a later home event is answered, so the messages one was seen first
    assert len(person.calls("views.publish", user_id=person.user)) == 1


def test_forget_me_on_the_home_tab_deletes_the_case(app):
    person = Person(app)
    view = person.open_form(person.comp("planetscale ml remote"))
    assert person.submit(view, {"base": "168k", "equity": "100k", "years": "4", "sign_on": "20k"}).status == 200
    person.wait("chat.postMessage", channel=person.user)
    home = person.open_home()
    words = texts(home)
    assert "*Sign-on:* $20K" in words and "PlanetScale · ML / AI Engineer · Remote US" in words
    [(block_id, forget)] = [
        (b.get("block_id", "x"), e) for b in home["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert forget["action_id"] == "home_forget" and forget["confirm"]["confirm"]["text"] == "Forget me"
    payload = block_actions(clicked(block_id, forget), None, user=person.user, view={**home, "id": "V0HOME"})
    assert app.post(form_body(payload), FORM).status == 200
    after = person.wait("views.publish", count=2, user_id=person.user)[-1].args["view"]
    assert "I keep nothing about you right now" in texts(after)
    again = person.open_home()
    assert "$168K" not in texts(again)


# --- bad input -------------------------------------------------------------------------------------------


def test_forged_and_stale_interactivity_payloads_are_401(app):
    person = Person(app)
    answer = person.comp("planetscale ml remote")
    block_id, element = elements(answer)["share_answer"]
    response_url = person.response_url("forged")
    body = form_body(block_actions(clicked(block_id, element), response_url, channel=person.channel))
    forged = app.post(body, FORM, headers={"X-Slack-Signature": "v0=" + "0" * 64})
    assert forged.status == 401
    stale = app.post(body, FORM, timestamp=int(time.time()) - 6 * 60)
    assert stale.status == 401
    view = person.open_form(answer)
    submission = form_body(view_submission(filled(view, {"base": "168k"}), user=person.user))
    assert app.post(submission, FORM, timestamp=int(time.time()) - 6 * 60).status == 401
    time.sleep(0.3)
    assert not person.calls("chat.postMessage", channel=person.channel)
    assert not [c for c in app.slack.calls_to("response_url") if c.path.endswith(response_url.rsplit("/", 1)[1])]
    assert not person.calls("chat.postMessage", channel=person.user)


def test_actions_on_a_removed_guide_get_a_clear_message(slack, tmp_path):
    """An answer made before a guide was removed, clicked after the restart that dropped it."""
    guides = tmp_path / "guides"
    shutil.copytree(VARIANTS / "stockco", guides / "stockco")
    web = start_web_with(slack, tmp_path / "web", guides)
    try:
        person = Person(web)
        answer = person.comp("stockco alpha")
    finally:
        stop(web.process)
    (guides / "stockco" / "alpha.md").unlink()
    web = start_web_with(slack, tmp_path / "web", guides)  # the same state folder: a restart
    try:
        person.web = web
        opened = len(slack.calls_to("views.open"))
        for action_id in ("share_answer", "open_offer_form"):
            response, response_url, _ = person.click(answer, action_id)
            assert response.status == 200
            [told] = person.posted_at(response_url)
            assert "no longer on hand" in told.args["text"], action_id
        _, response_url, _ = person.click(answer, "switch_role", option="Alpha")
        [told] = person.posted_at(response_url)
        assert "no longer on hand" in told.args["text"]
        _, response_url, _ = person.click(answer, "switch_role", option="Beta")  # still there
        [replaced] = person.posted_at(response_url)
        assert replaced.args["replace_original"] is True and "Beta at StockCo" in replaced.args["text"]
        assert len(slack.calls_to("views.open")) == opened, "no form for a guide that is gone"
    finally:
        stop(web.process)
    assert "Traceback" not in web.log()


def test_log_holds_no_figures_or_words(app):
    """Run last in this module: everything above went through the log at DEBUG."""
    log = app.log()
    assert "Traceback" not in log
    for private in ("168K", "$168k", "168k", "planetscale", "lots", "99 billion"):
        assert private not in log, private


# --- the same over Socket Mode (the Procfile's worker line) ------------------------------------------


def test_buttons_and_the_form_over_socket_mode(tmp_path):
    socket = SocketModeStandIn()
    with SlackStandIn() as slack:
        slack.answer("apps.connections.open", {"ok": True, "url": socket.url})
        env = process_env(slack.api_url, tmp_path / "state", SLACK_BOT_TOKEN="xoxb-test", SLACK_APP_TOKEN="xapp-test")
        process = start_procfile("worker", env, tmp_path / "worker.log")
        try:
            socket.wait_connected()
            command = dict(parse_qsl(slash_command_body("planetscale ml remote", slack.response_url()).decode()))
            socket.send(
                {"envelope_id": "c1", "type": "slash_commands", "accepts_response_payload": True, "payload": command}
            )
            answer = socket.wait_for_ack("c1")["payload"]
            block_id, share = elements(answer)["share_answer"]
            response_url = slack.response_url("socket-share")
            payload = block_actions(clicked(block_id, share), response_url, channel="C0SOCKETI")
            socket.send(
                {"envelope_id": "a1", "type": "interactive", "accepts_response_payload": False, "payload": payload}
            )
            socket.wait_for_ack("a1")
            [post] = slack.wait_for("chat.postMessage")
            assert post.args["channel"] == "C0SOCKETI" and "Shared by <@U0PERSON>." in post.args["text"]
            assert slack.wait_for("response_url")[0].args == {"delete_original": True}

            block_id, button = elements(answer)["open_offer_form"]
            trigger = trigger_id()
            payload = block_actions(clicked(block_id, button), response_url, trigger=trigger)
            socket.send(
                {"envelope_id": "a2", "type": "interactive", "accepts_response_payload": False, "payload": payload}
            )
            [opened] = slack.wait_for("views.open")
            assert opened.args["trigger_id"] == trigger
            submission = view_submission(filled(opened.args["view"], {"base": "lots"}))
            socket.send(
                {"envelope_id": "v1", "type": "interactive", "accepts_response_payload": True, "payload": submission}
            )
            ack = socket.wait_for_ack("v1")
            assert ack["payload"]["response_action"] == "errors" and "base" in ack["payload"]["errors"]
        finally:
            stop(process)
            socket.close()
    assert "Traceback" not in (tmp_path / "worker.log").read_text()
