"""Figures as people type them, and the kind their words give them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.offers.parse import parse_offer_text


def figures(text: str) -> list[tuple[int, str | None, str | None]]:
    return [(f.amount, f.currency, f.kind) for f in parse_offer_text(text).figures]


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
    ],
)
def test_amounts_as_people_type_them(text, amount, currency):
    assert figures(text) == [(amount, currency, "base")]


def test_the_done_when_sentence():
    parsed = parse_offer_text(
        "I got an offer from PlanetScale for ML engineer, remote: $168k base, $100k stock over 4 years"
    )
    assert [(f.amount, f.kind) for f in parsed.figures] == [(168_000, "base"), (100_000, "equity")]
    assert parsed.equity_years == 4
    assert "PlanetScale" in parsed.rest and "remote" in parsed.rest and "168" not in parsed.rest


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
def test_the_kind_comes_from_the_nearest_words(text, expected):
    assert [(f.amount, f.kind) for f in parse_offer_text(text).figures] == expected


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
    parsed = parse_offer_text(text)
    assert parsed.equity_years == years
    assert [f.kind for f in parsed.figures] == ["equity"]  # the 4 of "4 years" is not money


def test_equity_per_year_is_flagged():
    (figure,) = parse_offer_text("$50k stock per year").figures
    assert figure.per_year and figure.kind == "equity"
    (figure,) = parse_offer_text("$200k stock over 4 years").figures
    assert not figure.per_year


@pytest.mark.parametrize(
    ("text", "percent"),
    [("15% bonus", Decimal(15)), ("target bonus of 12.5%", Decimal("12.5")), ("a 10% target bonus", Decimal(10))],
)
def test_bonus_as_a_percentage(text, percent):
    parsed = parse_offer_text(text)
    assert parsed.bonus_percent == percent
    assert parsed.figures == []


def test_competing_offer_is_its_own_clause():
    parsed = parse_offer_text("$180k base. I also have another offer from Acme for $300k total")
    assert [(f.amount, f.kind) for f in parsed.figures] == [(180_000, "base")]
    (rival,) = parsed.competing
    assert rival.company == "Acme"
    assert [(f.amount, f.kind) for f in rival.figures] == [(300_000, "total")]
    assert "Acme" not in parsed.rest


def test_competing_offer_with_a_base():
    (rival,) = parse_offer_text("a competing offer from Big Corp with $210k base").competing
    assert rival.company == "Big Corp"
    assert [(f.amount, f.kind) for f in rival.figures] == [(210_000, "base")]


@pytest.mark.parametrize("text", ["no other offers", "I don't have any other offers", "none", "No competing offer."])
def test_no_alternatives(text):
    assert parse_offer_text(text).nothing_else


def test_small_facts():
    parsed = parse_offer_text("I'm currently at Stripe, leveled at L5, no equity and no bonus")
    assert parsed.current_company == "Stripe"
    assert parsed.level == "L5"
    assert parsed.no_equity and parsed.no_bonus
    assert parsed.figures == []


def test_numbers_that_are_not_money_are_left_alone():
    assert parse_offer_text("start on 12 March, level 5, 2 weeks").figures == []
    assert parse_offer_text("15 days of PTO").figures == []


def test_a_fraction_of_a_unit_is_reported_not_rounded():
    parsed = parse_offer_text("$168.5 base")
    assert parsed.unreadable == ["$168.5"]
    assert parsed.figures == []
