"""Rendering that data cannot steer (issue 11, finding 1): a guide whose every text carries the
renderer's directive syntax, broken JSON, mentions and links, and typed text doing the same,
give the blocks the templates make and nothing else; mentions and links arrive escaped."""

from __future__ import annotations

import pytest

from bot.answers import Answers
from bot.coaching.coach import Coach
from bot.guides.catalog import PROJECT_ROOT
from bot.guides.overview import overview
from bot.render import views
from bot.render.blocks import DIRECTIVE_MARK, build_messages, parse_directives
from bot.render.templates import environment, render
from tests.support.poison import PAYLOADS, POISONED_SLUG, assert_unsteered, write_poisoned_guide

QUERIES = ("ml remote", "ml sf", "ml", "", "ml remote levers", "ml script", "ml remote script", "ml mars")


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    folder = write_poisoned_guide(tmp_path_factory.mktemp("guides"))
    return Answers.load([folder], state_dir=tmp_path_factory.mktemp("state"))


def block_types(messages):
    return [b["type"] for m in messages for b in m.blocks]


@pytest.mark.parametrize("query", QUERIES)
def test_every_guide_text_poisoned_gives_the_blocks_of_a_clean_guide(poisoned, query):
    dirty = poisoned.comp(f"{POISONED_SLUG} {query}", interactive=True)
    clean = poisoned.comp(f"planetscale {query}", interactive=True)
    for message in dirty:
        assert_unsteered(message.blocks, message.text)
    assert block_types(dirty) == block_types(clean)
    actions = [[e["action_id"] for e in b["elements"]] for m in dirty for b in m.blocks if b["type"] == "actions"]
    assert actions == [
        [e["action_id"] for e in b["elements"]] for m in clean for b in m.blocks if b["type"] == "actions"
    ]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_typed_slash_text_cannot_steer_the_reply(poisoned, payload):
    for text in (payload, f"planetscale ml {payload}", f"{payload} planetscale ml remote", f"plnetscale {payload}"):
        for message in poisoned.comp(text, interactive=True):
            assert_unsteered(message.blocks, message.text)


def test_offer_form_and_shared_answer_of_a_poisoned_guide(poisoned):
    guide = next(g for g in poisoned.catalog.guides if g.company.slug == POISONED_SLUG)
    ref = poisoned._actions(guide, 0)["ref"]
    form = views.offer_form(guide, 0, ref)
    assert_unsteered(form["blocks"])
    assert [b.get("block_id") for b in form["blocks"] if b["type"] == "input"] == [
        "region",
        "base",
        "equity",
        "years",
        "bonus",
        "sign_on",
    ]
    for message in poisoned.view(ref, shared_by="<@U0PERSON>"):
        assert_unsteered(message.blocks, message.text)


@pytest.fixture
def coach(poisoned, isolated_environment):
    from bot.store.cases import CaseStore
    from bot.store.database import Store

    store = Store.open(None, isolated_environment)
    yield Coach(poisoned, CaseStore(store))
    store.dispose()


DM_TURNS = (
    f"I got an offer from Evilcorp for ML engineer, remote: $168k base, $100k stock over 4 years {PAYLOADS[0]}",
    *PAYLOADS,
    "what should I counter with?",
    "write me the email",
    "phone script",
    f"I also have an offer from {PAYLOADS[1]} for $200k base",
    "status",
    "is 170k base good?",
    "help",
)


def test_dm_coaching_on_a_poisoned_guide_with_poisoned_words(coach, poisoned):
    replies = 0
    for text in DM_TURNS:
        for message in coach.reply(text, user="U1", team="T1"):
            assert_unsteered(message.blocks, message.text)
            replies += 1
    assert replies >= len(DM_TURNS)
    case = coach.open_case("T1", "U1")
    assert case is not None and "Evilcorp" in str(case.get("company"))
    assert_unsteered(views.home(overview(poisoned.catalog), case)["blocks"])


def test_values_never_start_a_directive_whatever_they_hold(tmp_path):
    (tmp_path / "t.j2").write_text("::section\n{{ a }}\n{{ b }}\n::context\n{{ c | quote }}\n")
    for payload in PAYLOADS:
        rendered = environment(tmp_path).get_template("t.j2").render(a=payload, b=payload, c=payload)
        blocks = parse_directives(rendered)
        assert [b["type"] for b in blocks] == ["section", "context"]
        assert_unsteered(blocks)


def test_only_template_lines_are_directives():
    rendered = render("coach_error.j2")
    assert rendered.lstrip("\n").startswith(DIRECTIVE_MARK + "::")
    assert build_messages(rendered.replace(DIRECTIVE_MARK, ""))[0].blocks == []


def test_a_template_line_that_is_not_json_is_left_out_not_fatal(tmp_path, caplog):
    (tmp_path / "t.j2").write_text(
        '::section\nhello\n::actions\n{not json\n[1]\n{"type": "button", "action_id": "share_answer"}\n'
    )
    blocks = parse_directives(environment(tmp_path).get_template("t.j2").render())
    assert blocks == [
        {"type": "section", "text": {"type": "mrkdwn", "text": "hello"}},
        {"type": "actions", "elements": [{"type": "button", "action_id": "share_answer"}]},
    ]
    assert caplog.text.count("not a JSON object") == 2


def test_guides_check_warns_on_markup_in_guide_text(tmp_path):
    import io

    from bot.guides.importer import check_guides

    out = io.StringIO()
    summary = check_guides([write_poisoned_guide(tmp_path)], out)
    assert summary.valid == 1
    lines = out.getvalue().splitlines()
    for field in ("company.dna.parts[0]", "levers[0].script", "negotiate_up.commentary", "regions[1].name"):
        assert any(f": {field}: shown as plain text, not as markup" in line for line in lines), field
    clean = io.StringIO()
    check_guides([PROJECT_ROOT / "data" / "guides"], clean)
    assert "not as markup" not in clean.getvalue()
