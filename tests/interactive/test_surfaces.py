"""The domain side of the Slack surfaces: offers kept out of channels, the case started from
the form, the App Home's catalog and case, and Slack's limits on menus and views."""

from __future__ import annotations

import json

import pytest

from bot.coaching.coach import Coach
from bot.conversation import Conversation
from bot.guides.catalog import Catalog
from bot.guides.index import GuideSummary
from bot.guides.overview import overview
from bot.interactive import CheckedForm, Interactions
from bot.offers.detect import states_an_offer
from bot.offers.form import read_offer_form
from bot.render import views
from bot.render.replies import answer_actions
from bot.store.cases import CaseStore
from bot.store.database import Store


@pytest.mark.parametrize(
    ("text", "offer"),
    [
        ("planetscale ml sf", False),
        ("planetscale ml 2024", False),
        ("what is a good offer at planetscale", False),
        ("help", False),
        ("I got $168k base at planetscale", True),
        ("168k base, 100k stock", True),
        ("170 thousand base", True),
        ("15% bonus", True),
        ("another offer from Acme for $300k total", True),
        ("77.55k", True),
    ],
)
def test_states_an_offer(text, offer):
    assert states_an_offer(text) is offer


def test_a_mention_with_an_offer_gets_a_private_pointer(answers):
    conversation = Conversation(answers)
    pointer = conversation.mention("I got $168k base at planetscale", user="U1", team="T1")
    assert pointer.response_type == "ephemeral"
    assert "DM" in pointer.messages[0].text and "168" not in pointer.messages[0].text
    lookup = conversation.mention("planetscale ml sf", user="U1", team="T1")
    assert lookup.response_type == "in_channel"
    assert "$170K–$235K" in lookup.messages[0].text
    assert all(block["type"] != "actions" for message in lookup.messages for block in message.blocks)


def test_slack_answers_have_controls_and_the_console_has_none(answers):
    conversation = Conversation(answers)
    slack = conversation.handle("/comp planetscale ml remote", interactive=True).messages[-1]
    console = conversation.handle("/comp planetscale ml remote").messages[-1]
    assert slack.blocks[-1]["type"] == "actions"
    assert all(block["type"] != "actions" for block in console.blocks)
    assert slack.text == console.text


@pytest.fixture
def coach(answers, tmp_path):
    store = Store.open(None, tmp_path)
    yield Coach(answers, CaseStore(store))
    store.dispose()


def test_the_form_starts_the_case_and_the_dm_continues_it(answers, coach):
    guide = answers.catalog.by_key["planetscale/ml-ai-engineer"]
    offer = read_offer_form({"base": "168k", "equity": "100k", "years": "4"}, guide.regions[1]).offer
    messages = coach.start_from_form("T1", "U1", guide.key, "Remote US", offer)
    text = "\n".join(message.text for message in messages)
    assert "*Base salary:* $168K  `|──●───────|`  lower third of the band ($155K–$220K)" in text
    assert "base $168K + equity $100K ÷ 4 + bonus $0 + sign-on $0 ÷ 4 = $193K" in text
    stored = coach.cases.load("T1", "U1")
    assert stored["guide_key"] == guide.key and stored["region"] == "Remote US"
    assert stored["offer"]["base"] == 168000 and stored["stage"] == "leverage"
    counter = "\n".join(m.text for m in coach.reply("another offer from Acme for $300k total", user="U1", team="T1"))
    assert "*Base salary:* $168K → *$242K*" in counter
    # A second form for the same guide keeps the other offer the person named.
    coach.start_from_form("T1", "U1", guide.key, "Remote US", offer.model_copy(update={"base": 175000}))
    stored = coach.cases.load("T1", "U1")
    assert stored["offer"]["base"] == 175000 and stored["rivals"][0]["company"] == "Acme"


def test_a_form_for_a_guide_or_region_that_is_gone_changes_nothing(answers, coach):
    guide = answers.catalog.by_key["planetscale/ml-ai-engineer"]
    offer = read_offer_form({"base": "168k"}, guide.regions[1]).offer
    for key, region in (("ghostco/nobody", "Remote US"), (guide.key, "Atlantis")):
        messages = coach.start_from_form("T1", "U2", key, region, offer)
        assert "something went wrong" in messages[0].text
    assert coach.cases.load("T1", "U2") is None


def test_open_case_and_forget(answers, coach):
    assert coach.open_case("T1", "U3") is None
    guide = answers.catalog.by_key["planetscale/ml-ai-engineer"]
    offer = read_offer_form({"base": "168k", "sign_on": "20k"}, guide.regions[0]).offer
    coach.start_from_form("T1", "U3", guide.key, "San Francisco HQ", offer)
    case = coach.open_case("T1", "U3")
    assert case["company"] == "PlanetScale" and case["region"].name == "San Francisco HQ"
    assert ("Base", "$168K") in case["offer_lines"] and ("Sign-on", "$20K") in case["offer_lines"]
    home = views.home(overview(answers.catalog), case)
    words = json.dumps(home, ensure_ascii=False)
    assert "PlanetScale · ML / AI Engineer · San Francisco HQ" in words and "home_forget" in words
    assert coach.forget("T1", "U3") is True
    assert coach.open_case("T1", "U3") is None and coach.forget("T1", "U3") is False


def test_interactions_check_the_form_before_anything_is_stored(answers):
    interactions = Interactions(Conversation(answers))
    metadata = views.form_metadata("planetscale/ml-ai-engineer#*")
    assert interactions.check_offer_form(metadata, {"base": "168k"}).errors == {
        "region": "Please choose where the job is."
    }
    checked = interactions.check_offer_form(metadata, {"base": "168k", "region": "0"})
    assert isinstance(checked, CheckedForm) and checked.region_name == "San Francisco HQ"
    assert checked.offer.base == 168000 and checked.errors is None
    bad_region = interactions.check_offer_form(metadata, {"base": "168k", "region": "99"})
    assert bad_region.errors and "region" in bad_region.errors
    gone = interactions.check_offer_form(views.form_metadata("ghostco/x#0"), {"base": "168k"})
    assert gone.replacement["type"] == "modal" and "no longer on hand" in json.dumps(gone.replacement)
    assert interactions.shared("planetscale/ml-ai-engineer#0", "<!channel>") is None, "only a real user id"
    assert interactions.shared("nope", "U1") is None and interactions.switched("x/y#0") is None
    assert interactions.offer_form("planetscale/ml-ai-engineer#7") is not None  # a region gone: all regions


def summaries(companies: int, roles_each: int) -> dict[str, GuideSummary]:
    out = {}
    for c in range(companies):
        for r in range(roles_each if c % 10 else roles_each * 3):
            key = f"company-{c:04d}/role-{r:03d}"
            out[key] = GuideSummary(
                key, f"Company {c:04d}", f"company-{c:04d}", (), f"Role {r:03d}", f"role-{r:03d}", None, (), ()
            )
    return out


def test_home_stays_within_slacks_limits_for_a_big_library():
    catalog = Catalog.lazy(summaries(1000, 5), lambda key: None, None, {})
    seen = overview(catalog)
    assert (seen.guides, seen.companies) == (6000, 1000)
    assert seen.top_companies[0].role_count == 15 and len(seen.top_companies) == 8
    home = views.home(seen, None)
    assert len(home["blocks"]) <= 100
    words = json.dumps(home)
    assert "6000 guides for 1000 companies, 15 roles" in words
    assert "Companies with the most roles" in words and "Company 0990" not in words
    for block in home["blocks"]:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000


def test_menus_keep_to_100_options_and_the_current_one(answers):
    guide = answers.catalog.by_key["planetscale/ml-ai-engineer"]
    many = [
        guide.model_copy(update={"role": guide.role.model_copy(update={"slug": f"r{i:03d}", "title": f"Role {i}"})})
        for i in range(150)
    ]
    current = many[120]

    def ref(g, region):
        return f"{g.key}#{'*' if region is None else region}"

    actions = answer_actions(current, None, many, ref)
    assert len(actions["roles"]) == 100 and actions["current_role"] in actions["roles"]
    assert actions["current_role"]["text"]["text"] == "Role 120"
    too_long = answer_actions(guide, 0, [guide], lambda g, r: "x" * 2001)
    assert too_long["share"] is False and too_long["offer"] is None and too_long["regions"] == []


def test_home_says_so_when_the_case_cannot_be_read(answers):
    class StoreDown(Conversation):
        @property
        def coach(self):
            raise OSError("database unreachable")

    home = Interactions(StoreDown(answers)).home("T1", "U1")
    words = json.dumps(home)
    assert "I could not read your case just now" in words and "Guides on hand" in words
    assert "I keep nothing about you" not in words
