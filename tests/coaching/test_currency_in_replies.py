"""Replies written in the offer's currency. Example figures in the coach's prompts: a Berlin offer was
asked for `$20k bonus` and `$100k stock`, and typing the example as shown then brought a
currency question. Rupee pay is written in lakh (`₹28L`). These are formats, never figures
about the person. And a formula for a figure typed with no currency ("20k of RSUs per year" in
London) is written in the currency the figure is read in: it said `$20K a year × 4 years = $80K`
beside `equity £80K`. A current job is named in the counter's leverage line with its pay, and
one paid in another currency is said to be kept out of the figures (before: "none named yet")."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import Answers
from bot.coaching.case import Case
from bot.coaching.coach import Coach

VARIANTS = Path(__file__).parents[1] / "guides" / "fixtures" / "variants"


@pytest.fixture(scope="module")
def coach():
    return Coach(Answers.load(extra_folders=[VARIANTS]))


def say(coach, *texts: str) -> str:
    case = Case()
    for text in texts:
        outcome = coach.turn(case, text)
        case = outcome.case or case
    return "\n".join(message.text for message in outcome.messages)


def test_a_euro_offer_is_asked_in_euros(coach):
    reply = say(coach, "Acme offered me a software engineer job in Berlin: 85.000 € base")
    assert "For example: `€100k stock over 4 years`, or `no equity`." in reply
    assert "$100k" not in reply


def test_a_rupee_offer_is_asked_in_lakh(coach):
    reply = say(coach, "hi! I got an offer from Zenith for data scientist in Bangalore")
    assert "What is the base salary? For example: `₹28L base`." in reply


def test_a_dollar_offer_keeps_dollars(coach):
    reply = say(coach, "got an offer from planetscale, ml, remote")
    assert "What is the base salary? For example: `$168k base`." in reply


def test_the_example_typed_as_shown_is_read_in_that_currency(coach):
    reply = say(coach, "Acme offered me a software engineer job in Berlin: 85.000 € base", "€100k stock over 4 years")
    assert "equity €100K" in reply and "band is in" not in reply


def test_a_yearly_grant_formula_is_written_in_the_offers_currency(coach):
    reply = say(coach, "nimbus offered me the ML role in london: 95k base", "they said 20k of RSUs per year")
    assert "£20K a year × 4 years = £80K · equity £80K" in reply
    assert "$" not in reply.split("*So far:*")[0]


def test_a_monthly_base_formula_is_written_in_the_offers_currency(coach):
    reply = say(coach, "zenith offered me data scientist in bangalore: 2.5L a month base")
    assert "₹2.5L a month × 12 = ₹30L a year · base ₹30L" in reply


def test_a_current_job_in_another_currency_is_named_and_kept_out_of_the_figures(coach):
    offer = "nimbus offered me the ML role in london: 95k base, no equity, 10% bonus"
    reply = say(coach, offer, "I currently make $150k")
    assert "Your current job ($150K base) is an alternative too" in reply
    assert "It is paid in USD, so I keep it out of this GBP counter's figures: I never convert currencies." in reply
    assert "`another offer from Acme for £300k total`" in reply


def test_a_current_job_without_a_company_is_named_as_an_alternative(chat):
    chat.say("planetscale ml remote: 180k base, 100k rsus over 4 years, no bonus")
    reply = chat.say("I currently make 150k base")
    assert "Your current job ($150K base) is an alternative too: staying is a real option." in reply
    assert "never convert" not in reply


def test_an_indian_offer_in_lpa_with_fixed_and_variable_pay_is_read(coach):
    """Before: "28 LPA fixed, 4 LPA variable" was dropped without a word, and the base asked for."""
    reply = say(coach, "zenith offered me data scientist in bangalore: 28 LPA fixed, 4 LPA variable")
    assert "*Noted:* base ₹28L · bonus ₹4L." in reply
