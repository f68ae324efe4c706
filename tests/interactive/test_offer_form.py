"""The offer form's fields read and checked (bot/offers/form.py), the words of its errors, and
the modal within Slack's limits (bot/render/views.py)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from bot.offers.form import read_offer_form
from bot.render import views

REMOTE = "planetscale/ml-ai-engineer#1"


@pytest.fixture(scope="module")
def guide(answers):
    return answers.catalog.by_key["planetscale/ml-ai-engineer"]


@pytest.fixture(scope="module")
def remote(guide):
    return guide.regions[1]


def test_a_full_offer_is_read_exactly(remote):
    result = read_offer_form(
        {"base": "$168,000", "equity": "100k", "years": "4 years", "bonus": "12.5%", "sign_on": "25K"}, remote
    )
    assert result.ok and not result.problems
    offer = result.offer
    assert (offer.currency, offer.base, offer.equity, offer.equity_years) == ("USD", 168000, 100000, 4)
    assert offer.bonus_percent == Decimal("12.5") and offer.bonus_amount is None and offer.sign_on == 25000
    assert offer.annualized() == 168000 + 25000 + 21000 + 6250


def test_empty_or_zero_optional_parts_mean_none(remote):
    result = read_offer_form({"base": "168k", "equity": "", "years": "", "bonus": "0", "sign_on": "$0"}, remote)
    assert result.ok
    offer = result.offer
    assert offer.equity is None and offer.no_equity and offer.no_bonus and offer.sign_on is None
    amount = read_offer_form({"base": "168k", "bonus": "20k"}, remote).offer
    assert amount.bonus_amount == 20000 and amount.bonus_percent is None and not amount.no_bonus


@pytest.mark.parametrize(
    ("field", "typed", "code"),
    [
        ("base", "", "required"),
        ("base", "lots", "not_number"),
        ("base", "1e9", "not_number"),
        ("base", "168k and 20k", "not_number"),
        ("base", "-168k", "negative"),
        ("base", "(168k)", "negative"),
        ("base", "168000.50", "not_whole"),
        ("base", "£168k", "currency"),
        ("base", "$5", "implausible"),
        ("base", "99 billion", "implausible"),
        ("equity", "-5", "negative"),
        ("equity", "99 billion", "implausible"),
        ("sign_on", "$5", "implausible"),
        ("bonus", "500%", "percent"),
        ("bonus", "0%", "percent"),
        ("bonus", "many", "not_number"),
        ("years", "forty", "years"),
        ("years", "0", "years"),
        ("years", "11", "years"),
    ],
)
def test_each_bad_field_gets_its_problem(remote, field, typed, code):
    values = {"base": "168k", "equity": "100k", "years": "4", field: typed}
    result = read_offer_form(values, remote)
    assert not result.ok and result.offer is None
    assert result.problems[field].code == code
    assert set(result.problems) == {field}


def test_equity_without_vesting_years_asks_for_them(remote):
    result = read_offer_form({"base": "168k", "equity": "100k", "years": ""}, remote)
    assert result.problems["years"].code == "required"


def test_every_problem_at_once_and_in_words(remote):
    result = read_offer_form(
        {"base": "lots", "equity": "-100k", "years": "forty", "bonus": "500%", "sign_on": "£20k"}, remote
    )
    errors = views.form_errors(result.problems)
    assert errors == {
        "base": "“lots” is not an amount I can read. Try e.g. 168k or $168,000.",
        "equity": "The equity grant cannot be negative.",
        "years": "“forty” is not a vesting period: give whole years, 1 to 10.",
        "bonus": "“500%” is not a bonus percentage I can use (more than 0%, at most 200%).",
        "sign_on": "“£20k” is in GBP, but this band is in USD. Give it in USD.",
    }
    far = read_offer_form({"base": "$5"}, remote).problems
    assert views.form_errors(far) == {
        "base": "$5 is far below anything the guide publishes ($155K–$220K). Check the figure?"
    }


def test_typed_markup_is_escaped_and_long_text_shortened(remote):
    problems = read_offer_form({"base": "<!channel> & " + "x" * 100}, remote).problems
    [text] = views.form_errors(problems).values()
    assert "<!channel>" not in text and "&lt;!channel&gt; &amp;" in text
    assert len(text) <= 150


def test_the_form_view_carries_its_reference_within_limits(guide):
    view = views.offer_form(guide, 1, REMOTE)
    assert view["type"] == "modal" and view["callback_id"] == views.OFFER_FORM
    assert views.form_ref(view["private_metadata"]) == REMOTE
    assert len(view["private_metadata"]) <= 3000 and len(view["title"]["text"]) <= 24
    assert len(view["blocks"]) <= 100
    inputs = {block["block_id"]: block for block in view["blocks"] if block["type"] == "input"}
    assert list(inputs) == ["region", "base", "equity", "years", "bonus", "sign_on"]
    assert inputs["region"]["element"]["initial_option"]["value"] == "1"
    assert inputs["years"]["element"]["initial_value"] == "4"
    assert not inputs["base"]["optional"] and inputs["equity"]["optional"]
    all_regions = views.offer_form(guide, None, "planetscale/ml-ai-engineer#*")
    region = next(b for b in all_regions["blocks"] if b.get("block_id") == "region")
    assert "initial_option" not in region["element"]


@pytest.mark.parametrize("metadata", [None, "", "{nope", "[]", '{"ref": 5}', json.dumps({"other": "x"})])
def test_metadata_that_is_not_ours_has_no_reference(metadata):
    assert views.form_ref(metadata) is None


@pytest.mark.parametrize(
    ("region_index", "example"),
    [(None, "e.g. `168k`. I place"), (1, "e.g. `168k` or `£168,000`. I place"), (4, "e.g. `168k` or `€168,000`.")],
)
def test_the_forms_example_figure_is_in_the_locations_currency(region_index, example):
    """Before: `$168,000` for every location; a guide whose locations pay in several currencies,
    no location chosen yet, shows a figure without one."""
    from pathlib import Path

    from bot.answers import Answers

    variants = Path(__file__).parents[1] / "guides" / "fixtures" / "variants"
    acme = Answers.load(extra_folders=[variants]).catalog.by_key["acme/software-engineer"]
    assert [region.currency for region in acme.regions] == ["USD", "GBP", "CHF", "SGD", "EUR"]
    view = views.offer_form(acme, region_index, "r")
    assert example in json.dumps(view, ensure_ascii=False)
