"""Figures as people type them, the part their words give them, and what is not money
(ported from the offer parser's tests when the understanding layer replaced it)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.understanding.model import OFFER, rival
from bot.understanding.reader import understand


def figures(text: str) -> list[tuple[int, str | None, str | None]]:
    return [(a.value, a.currency, a.component) for a in understand(text).amounts]


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("$170k base", 170_000, "USD"),
        ("170K base", 170_000, None),
        ("$170,000 base", 170_000, "USD"),
        ("170 thousand base", 170_000, None),
        ("£75k base", 75_000, "GBP"),
        ("€77.5k base", 77_500, "EUR"),
        ("₹20L base", 2_000_000, "INR"),
        ("1.2M base", 1_200_000, None),
        ("base of CHF 120,000", 120_000, "CHF"),
        ("S$115,000 base", 115_000, "SGD"),
        ("5 dollars base", 5, "USD"),
        ("80000 euros base", 80_000, "EUR"),
        ("₹47,00,000 base", 4_700_000, "INR"),
        # the currency after the figure, as much of Europe writes it (before: dropped without a word)
        ("85.000 € base", 85_000, "EUR"),
        ("85.000€ base", 85_000, "EUR"),
        ("85k€ base", 85_000, "EUR"),
        ("85 k€ base", 85_000, "EUR"),
        ("85k£ base", 85_000, "GBP"),
        ("120kCHF base", 120_000, "CHF"),
        ("85kEUR base", 85_000, "EUR"),
        ("30k R$ base", 30_000, "BRL"),
        ("180,5k base", 180_500, None),  # a decimal comma: fewer than three digits group no thousands
        ("€85,75k base", 85_750, "EUR"),
        ("28 LPA base", 2_800_000, "INR"),
        ("$150k SGD base", 150_000, "SGD"),  # the dollar sign is any dollar: the code says which (was USD)
        ("$140,000 CAD base", 140_000, "CAD"),  # lakh per annum, as Indian offers are written (was dropped)
    ],
)
def test_amounts_as_people_type_them(text, amount, currency):
    assert figures(text) == [(amount, currency, "base")]


def test_the_done_when_sentence():
    utterance = understand(
        "I got an offer from PlanetScale for ML engineer, remote: $168k base, $100k stock over 4 years"
    )
    assert [(a.value, a.component, a.holder) for a in utterance.amounts] == [
        (168_000, "base", OFFER),
        (100_000, "equity", OFFER),
    ]
    assert utterance.vesting_years == 4 and utterance.amounts[1].years == 4
    assert "PlanetScale" in utterance.place_text and "remote" in utterance.place_text
    assert "168" not in utterance.place_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("base of $168k and stock of $100k", [(168_000, "base"), (100_000, "equity")]),
        ("salary: $150,000; RSUs: $200k", [(150_000, "base"), (200_000, "equity")]),
        ("$168k base + $100k in RSUs", [(168_000, "base"), (100_000, "equity")]),
        ("$20k sign-on bonus and a $15k bonus", [(20_000, "sign_on"), (15_000, "bonus")]),
        ("signing bonus of $25k", [(25_000, "sign_on")]),
        ("options worth $40k", [(40_000, "equity")]),
        ("$300k total comp", [(300_000, "total")]),
        ("$168k", [(168_000, None)]),
    ],
)
def test_the_part_comes_from_the_nearest_words(text, expected):
    assert [(a.value, a.component) for a in understand(text).amounts] == expected


def test_a_pipe_separates_parts():
    assert figures("Base 175k | RSU 90k | sign-on 10k") == [
        (175_000, None, "base"),
        (90_000, None, "equity"),
        (10_000, None, "sign_on"),
    ]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("$100k stock over 4 years", 4),
        ("$100,000/4yr RSUs", 4),
        ("$120k equity vesting over 3 years", 3),
        ("$100k RSUs, 4-year vest", 4),
        ("$100k RSUs", None),
    ],
)
def test_vesting_years(text, years):
    utterance = understand(text)
    assert utterance.vesting_years == years
    assert [a.component for a in utterance.amounts] == ["equity"]  # the 4 of "4 years" is not money


def test_equity_per_year_and_per_grant():
    (amount,) = understand("$50k stock per year").amounts
    assert (amount.component, amount.period) == ("equity", "year")
    (amount,) = understand("$200k stock over 4 years").amounts
    assert (amount.component, amount.period) == ("equity", "grant")


@pytest.mark.parametrize(
    ("text", "percent"),
    [("15% bonus", Decimal(15)), ("target bonus of 12.5%", Decimal("12.5")), ("a 10% target bonus", Decimal(10))],
)
def test_bonus_as_a_percentage(text, percent):
    (amount,) = understand(text).amounts
    assert (amount.unit, amount.component, amount.value) == ("percent", "bonus", percent)


def test_a_competing_offer_keeps_its_own_figures():
    utterance = understand("$180k base. I also have another offer from Acme for $300k total")
    assert [(a.holder, a.value, a.component) for a in utterance.amounts] == [
        (OFFER, 180_000, "base"),
        (rival("acme"), 300_000, "total"),
    ]
    assert utterance.rivals == ["Acme"]
    assert "Acme" not in utterance.place_text


def test_a_competing_offer_with_a_base():
    utterance = understand("a competing offer from Big Corp with $210k base")
    assert utterance.rivals == ["Big Corp"]
    assert [(a.holder, a.value, a.component) for a in utterance.amounts] == [(rival("big corp"), 210_000, "base")]


@pytest.mark.parametrize("text", ["no other offers", "I don't have any other offers", "none", "No competing offer."])
def test_no_alternatives(text):
    assert understand(text).no_alternatives


def test_small_facts():
    utterance = understand("I'm currently at Stripe, leveled at L5, no equity and no bonus")
    assert utterance.current_company == "Stripe"
    assert utterance.level == "L5"
    assert utterance.none_of == ["equity", "bonus"]
    assert utterance.amounts == []


def test_numbers_that_are_not_money_are_left_alone():
    assert understand("start on 12 March, level 5, 2 weeks").amounts == []
    assert understand("15 days of PTO").amounts == []
    assert understand("will this affect my H-1B?").amounts == []


def test_a_fraction_of_a_unit_is_reported_not_rounded():
    utterance = understand("$168.5 base")
    assert utterance.unreadable == ["$168.5"]
    assert utterance.amounts == []


@pytest.mark.parametrize("text", ["20kfoo base", "10k$$ base"])
def test_nothing_but_a_currency_is_read_glued_after_a_figure(text):
    assert figures(text) == []


def test_a_currency_sign_before_the_next_figure_stays_that_figures():
    assert figures("180k $20k sign-on") == [(180_000, None, None), (20_000, "USD", "sign_on")]
