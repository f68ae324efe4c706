"""Blind6 (six guides written blind by a helper session; key: fixtures/blind6.key.md). First score: 5 of 6 loaded,
2 of 6 with every band figure as in the key, 2 of 6 planted inconsistencies flagged. These tests hold what was
fixed in general since; Kumogata's YAML front matter and Vltava's split tables with midpoint ± 10 % are not read
yet (their figures are kept as written)."""

from __future__ import annotations

import pytest

from bot.guides.money import MoneyRange, parse_range
from tests.guides.blindsets import band_of, blind_catalog, guide_of, money, reply


@pytest.fixture(scope="module")
def catalog():
    return blind_catalog("blind6")


def test_every_guide_loads(catalog):
    assert len(catalog.guides) == 6


def test_an_html_cell_with_the_currency_on_its_own_line_names_the_region_and_its_currency(catalog):
    """`<td><strong>London</strong><br>GBP</td>` was a region named 'London; GBP'."""
    london = band_of(catalog, "quillmark-systems", "London")
    assert (london.currency, london.base) == ("GBP", money("£95,000–£120,000"))


def test_german_ranges_yearly_words_and_a_summary_that_disagrees_with_its_section(catalog):
    """`85.000 € bis 102.000 € im Jahr` was kept as text ('bis', 'im Jahr'), `Gesamtvergütung pro Jahr` was no total,
    and the Kurzfassung's München base top (118.000 €) against the section's (110.000 €) went unsaid."""
    berlin = band_of(catalog, "brunnwerk-software", "Berlin")
    assert berlin.base == money("€85,000–€102,000") and berlin.total == money("€103,500–€132,200")
    munich = band_of(catalog, "brunnwerk-software", "München")
    assert munich.base == money("€92,000–€110,000")
    assert munich.flags == ["base: the summary says 92.000 € bis 118.000 €, the band €92K–€110K: the band is shown"]
    assert berlin.flags == []


def test_regions_as_headings_over_lists_with_ranges_written_four_ways_and_a_wrong_yearly_conversion(catalog):
    """Harbor & Finch (`## New York (USD)`, a line about the hub, then `- Base: from $210,000 to $250,000 a year`)
    did not load. 'from X to Y' is a range, 'vesting over four years' late in a cell gives the grant's years, and
    Stockholm's 'SEK 68 000 to SEK 80 000 per month (× 12 = SEK 816 000 to SEK 996 000 a year)' is flagged: twelve
    months of 80 000 are 960 000."""
    new_york = band_of(catalog, "harbor-and-finch", "New York")
    assert new_york.base == money("$210,000–$250,000")
    assert (new_york.stock.value, new_york.stock.vesting_years) == (money("$160,000–$240,000"), 4)
    stockholm = band_of(catalog, "harbor-and-finch", "Stockholm")
    assert stockholm.flags and "SEK 816K–SEK 960K" in stockholm.flags[0] and "996 000" in stockholm.flags[0]
    answer = reply(catalog, "harbor-and-finch engineering-manager stockholm")
    assert ":warning: Stockholm: the guide disagrees with itself on Base" in answer


def test_czech_koruna_after_the_figure():
    assert parse_range("1 250 000 Kč") == MoneyRange(
        low=parse_range("CZK 1250000").low, high=parse_range("CZK 1250000").high
    )


def test_a_band_split_over_two_tables_with_midpoints_plus_or_minus_a_spread(catalog):
    """Vltava: `| Office | Base salary | Annual bonus |` then `| Office | Grant value |`, every band '1 250 000 Kč ±
    10 %'. The two tables were read as regions of their own ('Table 1 — Cash · Brno'), every figure kept as text
    ('1 250 000 K' names no currency: the K of Kč read as thousands). Now one band per office from both tables, the
    midpoint ± spread read as the range it states with the formula said, and Brno's grant written in € in a Kč
    guide flagged; 'prague' finds 'Praha (Prague)'."""
    brno = band_of(catalog, "vltava-cloud", "Brno")
    assert brno.currency == "CZK" and brno.base == money("CZK 990,000–CZK 1,210,000")
    assert brno.stock.value == money("€450,000–€550,000")
    assert brno.flags == [
        "stock: in EUR in the second table, the region's other figures in CZK: kept in EUR, as written"
    ]
    prague = band_of(catalog, "vltava-cloud", "Praha (Prague)")
    assert prague.stock.value == money("CZK 540,000–CZK 660,000") and prague.flags == []
    assert "prague" in prague.aliases
    answer = reply(catalog, "vltava-cloud backend-engineer prague")
    assert (
        "CZK 1,125,000–CZK 1,375,000 _(the guide writes 1 250 000 Kč ± 10 %: the midpoint less and plus 10%)_" in answer
    )


def test_bands_in_yaml_front_matter_and_a_text_that_says_other_vesting(catalog):
    """Kumogata keeps its figures in YAML front matter (levels L3–L6, `[low, high]` lists, shares with a price);
    its body's ladder of titles was read as two regions named 'Title' and 'Typical scope'. The body's 'vests in
    equal annual tranches over three years' against `vest_years: 4` is flagged on every band."""
    guide = guide_of(catalog, "kumogata-robotics")
    assert [(r.level, r.name) for r in guide.regions] == [
        ("L3", "Tokyo"),
        ("L4", "Tokyo"),
        ("L5", "Tokyo"),
        ("L6", "Tokyo"),
    ]
    staff = guide.regions[2]
    assert staff.base == money("¥11,400,000–¥14,400,000") and staff.total == money("¥16,800,000–¥22,800,000")
    assert staff.bonus.amount == money("¥1,900,000–¥2,400,000")
    assert (staff.stock.shares, staff.stock.vesting_years) == ((5_600, 9_600), 4)
    assert "at JPY 2,500 a share (the guide's price)" in staff.stock.note  # a count stays a count
    assert all(any("over three years" in flag for flag in r.flags) for r in guide.regions)


def test_a_notes_column_is_no_place_and_its_words_stay_beside_each_band(catalog):
    """Felsbrook's `| Component | Zürich | Basel | Notes |` made a region named Notes. Its words are kept beside each
    place's band, and 'vests 25% a year over 4 years' in the grant's row gives the grant its years; 'Year-one
    total' is a first-year total; Basel's bonus written low above high is flagged in the reply."""
    guide = guide_of(catalog, "felsbrook-analytics")
    assert [r.name for r in guide.regions] == ["Zürich", "Basel"]
    zurich, basel = guide.regions
    assert zurich.stock.vesting_years == 4 and zurich.total_year1 == money("CHF 165,800–CHF 202,200")
    assert "Base salary (notes)" in [extra.name for extra in zurich.extras]
    assert basel.flags == ["Target bonus: low CHF 14K exceeds high CHF 11.8K: kept as written"]
