"""Figures in and out exactly as guides write them."""

from fractions import Fraction

import pytest

from bot.guides.money import MoneyError, format_amount, format_range, parse_amount, parse_range


@pytest.mark.parametrize(
    ("text", "low", "high", "currency"),
    [
        ("$155K–$220K", 155_000, 220_000, "USD"),
        ("$155,000", 155_000, 155_000, "USD"),
        ("£75K", 75_000, 75_000, "GBP"),
        ("€77K", 77_000, 77_000, "EUR"),
        ("CHF 120K", 120_000, 120_000, "CHF"),
        ("S$115,000", 115_000, 115_000, "SGD"),
        ("C$150K", 150_000, 150_000, "CAD"),
        ("A$ 180K", 180_000, 180_000, "AUD"),
        ("HK$1.2M", 1_200_000, 1_200_000, "HKD"),
        ("¥12,000,000", 12_000_000, 12_000_000, "JPY"),
        ("₹20L", 2_000_000, 2_000_000, "INR"),
        ("₹1.2Cr", 12_000_000, 12_000_000, "INR"),
        ("₹47,00,000", 4_700_000, 4_700_000, "INR"),
        ("$1.2M", 1_200_000, 1_200_000, "USD"),
        ("$155-220K", 155_000, 220_000, "USD"),
        ("€77.5K to €90K", 77_500, 90_000, "EUR"),
        ("$200K - $225K", 200_000, 225_000, "USD"),
        ("150 – 200K GBP", 150_000, 200_000, "GBP"),
        # a low end written in full keeps its value: the high end's K is not borrowed
        ("$186,900–$266K", 186_900, 266_000, "USD"),
        ("£75,000–£95K", 75_000, 95_000, "GBP"),
        ("₹20–35L", 2_000_000, 3_500_000, "INR"),
        ("$1.2–1.5M", 1_200_000, 1_500_000, "USD"),
        # dots grouping thousands, as European guides write them; a suffix makes the dot a decimal
        ("€150.000–€200.000", 150_000, 200_000, "EUR"),
        ("€1.500.000", 1_500_000, 1_500_000, "EUR"),
        ("$1.200M", 1_200_000, 1_200_000, "USD"),
    ],
)
def test_parse_range_exactly(text, low, high, currency):
    band = parse_range(text)
    assert (band.low.amount, band.high.amount, band.currency) == (low, high, currency)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("$235K–$170K", "low $235K exceeds high $170K"),
        ("XYZ 5K", "unknown currency 'XYZ'"),
        ("5K", "names no currency"),
        ("$1.2345K", "not a whole amount"),
        ("lots", "not an amount"),
        ("$150,5K", "groups its digits in a way I cannot read for certain"),  # a decimal comma: not $1,505,000
        ("$1,50,0", "groups its digits in a way I cannot read for certain"),
    ],
)
def test_parse_refuses_what_it_cannot_read_exactly(text, problem):
    with pytest.raises(MoneyError, match=problem.replace("$", r"\$")):
        parse_range(text)


def test_default_currency_applies_only_when_none_is_written():
    assert parse_amount("120K", "CHF").currency == "CHF"
    assert parse_amount("$120K", "CHF").currency == "USD"


@pytest.mark.parametrize(
    ("amount", "currency", "written"),
    [
        (155_000, "USD", "$155K"),
        (75_000, "GBP", "£75K"),
        (77_000, "EUR", "€77K"),
        (120_000, "CHF", "CHF 120K"),
        (2_000_000, "INR", "₹20L"),
        (12_000_000, "INR", "₹1.2Cr"),
        (1_200_000, "USD", "$1.2M"),
        (155_250, "USD", "$155,250"),  # two decimals of thousands: written in full, never rounded
        (281_250, "USD", "$281,250"),
        (222_500, "USD", "$222.5K"),  # one decimal is how people write it
        (1_250_000, "USD", "$1.25M"),
        (2_025_000, "INR", "₹20.25L"),
        (1_234_567, "USD", "$1,234,567"),
        (Fraction(225_000, 4), "USD", "$56,250"),
        (Fraction(100_000, 3), "USD", "≈$33,333"),
        (950, "USD", "$950"),
    ],
)
def test_format_is_exact_in_the_guide_style(amount, currency, written):
    assert format_amount(amount, currency) == written


@pytest.mark.parametrize(
    ("amount", "currency", "written"),
    [
        (1_000, "USD", "$1K"),
        (1_000_000, "USD", "$1M"),
        (1_000_000_000, "USD", "$1B"),
        (999_000, "USD", "$999K"),
        (999_999, "USD", "$999,999"),
        (1_000_000, "EUR", "€1M"),
        (100_000, "INR", "₹1L"),
        (10_000_000, "INR", "₹1Cr"),
    ],
)
def test_a_figure_exactly_at_a_unit_is_written_in_that_unit(amount, currency, written):
    """Each unit starts at exactly its own size: $1M, never "$1000K"; ₹1Cr, never "₹100L".

    Kills the mutation `if value >= factor` -> `if value > factor` in `_scaled_with`
    (bot/guides/money.py), which survived the table above: with it, this test fails with
    `assert '$1000K' == '$1M'` (and `'$1000M' == '$1B'`, `'€1000K' == '€1M'`, `'₹100L' == '₹1Cr'`,
    `'₹100,000' == '₹1L'`, `'$1,000' == '$1K'`): 6 of its 8 cases."""
    assert format_amount(amount, currency) == written
    assert format_range(amount, amount * 2, currency) == f"{written}–{format_amount(amount * 2, currency)}"


def test_ranges_use_an_en_dash_and_collapse_equal_ends():
    assert format_range(155_000, 220_000, "USD") == "$155K–$220K"
    assert format_range(90_000, 90_000, "GBP") == "£90K"
