"""Vesting years are never assumed silently.

- A guide whose equity column states no period (`Stock (RSU)`, no `/4yr`): `/comp` says so and
  adds no year of it into a total; the evaluation and the counter read its figures as grants
  over the person's own years and say so (before: the evaluation compared a year of the grant
  with the whole band, "the guide's over 1", while the counter read the band over the person's years).
- Equity given as a yearly figure when neither the person nor the guide says the years: the coach
  asks "Over how many years does the equity grant vest?" and computes the grant from the answer
  (before: `$30K a year × 4 years = $120K`, then asked for the years all the same).
- The years question skipped: 4 years, said as assumed wherever the grant is shown (before: the
  grant was counted as a one-year grant, `$100K ÷ 1`).
"""

from __future__ import annotations

import pytest

from bot.answers import Answers
from bot.offers.evaluate import evaluate
from bot.offers.model import Offer
from tests.coaching.conftest import Chat

NO_PERIOD_GUIDE = """\
### ML / AI Engineer | Novest Global Negotiation Guide

**Negotiation DNA:** Public | Cloud Storage | Stable

| Region | Base Salary | Stock (RSU) | Bonus | Total Comp |
|--------|-------------|-------------|-------|------------|
| Austin | $150K–$200K | $80K–$200K | 10% | $200K–$300K |
| Remote US | $140K–$190K | $60K–$160K | 10% | $180K–$280K |

**Global Levers**

1. **Storage Depth:** "I know storage."
"""
OFFERED = "I got an offer from novest for ML engineer, remote: $160k base, "
OFFER_WITHOUT_YEARS = OFFERED + "$100k stock, no bonus"


@pytest.fixture(scope="module")
def novest(tmp_path_factory) -> Answers:
    folder = tmp_path_factory.mktemp("novest")
    (folder / "novest").mkdir()
    (folder / "novest" / "ml-ai-engineer.md").write_text(NO_PERIOD_GUIDE, encoding="utf-8")
    return Answers.load([folder])


@pytest.fixture
def chat(novest, isolated_environment):
    chat = Chat(novest, None, isolated_environment)
    yield chat
    chat.close()


def remote(answers: Answers):
    guide = answers.catalog.by_key["novest/ml-ai-engineer"]
    return guide, next(r for r in guide.regions if r.name == "Remote US")


def test_comp_says_the_guide_states_no_vesting_period_and_adds_no_year_of_it(novest):
    guide, region = remote(novest)
    assert region.stock.vesting_years is None and region.computed_total() is None
    text = "\n".join(m.text for m in novest.comp("novest ml remote"))
    assert (
        "• *Stock (RSU):* $60K–$160K _(the guide states no vesting period, so a year of it is not known"
        " and it is not added into a total)_"
    ) in text
    assert "add up to" not in text  # no total computed from a year nobody stated
    assert "• *Total comp:* $180K–$280K" in text


def test_the_evaluation_reads_a_band_without_a_period_as_grants_over_the_offers_years(novest):
    guide, region = remote(novest)
    evaluation = evaluate(Offer(currency="USD", base=160_000, equity=90_000, equity_years=3), guide, region)
    equity = next(p for p in evaluation.placed if p.key == "equity")
    assert (equity.label, equity.offered, equity.band, equity.position) == (
        "Equity (3-year grant)",
        "$90K",
        "$60K–$160K",
        "lower",
    )
    assert equity.note == "the guide states no vesting period for this band: compared as a grant over your 3 years"
    assert evaluation.annualized == 190_000  # 160K + 90K ÷ 3


def test_the_coach_and_the_counter_agree_on_the_band_without_a_period(chat):
    reply = chat.say(OFFERED + "$90k stock over 3 years, no bonus")
    assert (
        "• *Equity (3-year grant):* $90K  `|───●──────|`  lower third of the band ($60K–$160K); "
        "the guide states no vesting period for this band: compared as a grant over your 3 years"
    ) in reply
    assert "the guide's over 1" not in reply
    assert "base $160K + equity $90K ÷ 3 + bonus $0 + sign-on $0 ÷ 4 = $190K" in reply
    counter = chat.say("counter")
    assert (
        "• *Equity (3-year grant):* $90K → *$160K*: the top of the published equity band ($60K–$160K, read as a "
        "grant over your 3 years: the guide states no vesting period)"
    ) in counter
    assert "base $190K + equity $160K ÷ 3 + bonus $0 + sign-on $0 ÷ 4 = ≈$243,333" in counter


def test_a_yearly_equity_figure_asks_for_the_years_and_reads_the_answer(chat):
    reply = chat.say(OFFERED + "$30k a year in stock, no bonus")
    assert "*Noted:* base $160K · equity $30K a year · no bonus." in reply
    assert "× 4 years" not in reply
    assert (
        "You gave the equity as $30K a year. Over how many years does the equity grant vest? For example: `4 years`."
    ) in reply
    assert "Equity $30K a year, over ? years" in reply
    assert chat.stored()["pending"] == "years"
    reply = chat.say("3 years")
    assert "*Noted:* equity $30K a year × 3 years = $90K." in reply
    assert "• *Equity (3-year grant):* $90K" in reply
    assert "base $160K + equity $90K ÷ 3 + bonus $0 + sign-on $0 ÷ 4 = $190K" in reply
    assert chat.stored()["offer"]["equity"] == 90_000 and chat.stored()["offer"]["equity_years"] == 3


def test_the_years_stated_with_the_yearly_figure_need_no_question(chat):
    reply = chat.say(OFFERED + "$30k a year in stock over 3 years")
    assert "$30K a year × 3 years = $90K" in reply
    assert "Over how many years" not in reply


def test_a_grant_without_years_asks_and_a_skip_assumes_four_years_said_everywhere(chat):
    reply = chat.say(OFFER_WITHOUT_YEARS)
    assert "Over how many years does the equity grant vest? For example: `4 years`." in reply
    assert "Equity $100K over ? years" in reply
    reply = chat.say("skip")
    assert (
        "equity vesting over 4 years: 4 years assumed, the most common period, as neither you nor the guide said; "
        "tell me yours (`3 years`)"
    ) in reply
    assert "• *Equity (4-year grant, years assumed):* $100K" in reply
    assert "base $160K + equity $100K ÷ 4 (years assumed) + bonus $0 + sign-on $0 ÷ 4 = $185K" in reply
    assert "÷ 1" not in reply and "1-year grant" not in reply
    assert "• *Equity:* $100K over 4 years (assumed)" in chat.say("status")
    assert "Over 4 years (assumed: the grant's vesting years are not known) that is $120K ($30K × 4)" in chat.say(
        "should I push for a sign-on or more base?"
    )
    reply = chat.say("actually it vests over 3 years")
    assert "equity vests over 3 years (was 4, assumed)" in reply
    assert "• *Equity (3-year grant):* $100K" in reply
    assert "base $160K + equity $100K ÷ 3 + bonus $0 + sign-on $0 ÷ 4 = ≈$193,333" in reply


def test_a_skipped_yearly_figure_is_counted_over_four_years_said_as_assumed(chat):
    chat.say(OFFERED + "$30k a year in stock, no bonus")
    reply = chat.say("skip")
    assert "equity $30K a year × 4 years = $120K: 4 years assumed" in reply
    assert "base $160K + equity $120K ÷ 4 (years assumed) + bonus $0 + sign-on $0 ÷ 4 = $190K" in reply


def test_a_rivals_grant_takes_the_offers_years_said_so(chat):
    chat.say(OFFERED + "$90k stock over 3 years, no bonus")
    reply = chat.say("another offer from Acme: $170k base and $120k stock")
    assert "Acme offer: equity $120K over 3 years (as your offer's grant vests; tell me if theirs differs)" in reply
    assert "the Acme offer ($210K total, $170K base)" in reply  # 170K + 120K ÷ 3


def test_a_guide_with_a_period_fills_the_years_and_says_whose_they_are(answers, isolated_environment):
    chat = Chat(answers, None, isolated_environment)
    try:
        reply = chat.say("I got an offer from planetscale for ML engineer, remote: $160k base, $100k stock, no bonus")
        assert "vesting over 4 years (the guide's schedule; tell me if yours differs)" in reply
        assert "Over how many years" not in reply
        assert "base $160K + equity $100K ÷ 4 + bonus $0 + sign-on $0 ÷ 4 = $185K" in reply
    finally:
        chat.close()


def test_the_current_jobs_grant_without_years_is_counted_over_four_said_as_assumed(answers, isolated_environment):
    """Before: `$80K stock` at the current job counted as one year's pay ($150K + $80K = $230K)."""
    chat = Chat(answers, None, isolated_environment)
    try:
        chat.say("I got an offer from planetscale for ML engineer, remote: $180k base, $100k stock over 4 years")
        reply = chat.say("my current job pays $150k base and $80k stock")
        assert (
            "current job: equity $80K over 4 years (assumed, the most common period: you didn't say; tell me if not)"
        ) in reply
        assert chat.stored()["current"]["equity_years"] == 4  # $150K + $80K ÷ 4 = $170K a year, not $230K
    finally:
        chat.close()
