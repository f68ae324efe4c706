"""Blind6 (six guides written blind by a helper session; key: fixtures/blind6.key.md). First score: 5 of 6 loaded,
2 of 6 with every band figure as in the key, 2 of 6 planted inconsistencies flagged. These tests hold what was
fixed in general since; Kumogata's YAML front matter and Vltava's split tables with midpoint ± 10 % are not read
yet (their figures are kept as written)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import Answers
from bot.guides.catalog import load_folders
from bot.guides.money import MoneyRange, parse_range

BLIND6 = Path(__file__).parent / "fixtures" / "blind6"


@pytest.fixture(scope="module")
def catalog():
    return load_folders([BLIND6])


def _band(catalog, company: str, region: str):
    guide = next(g for g in catalog.guides if g.company.slug == company)
    return next(r for r in guide.regions if r.name == region)


def _range(text: str) -> MoneyRange:
    return parse_range(text)


def test_every_guide_loads(catalog):
    assert len(catalog.guides) == 6


def test_an_html_cell_with_the_currency_on_its_own_line_names_the_region_and_its_currency(catalog):
    """`<td><strong>London</strong><br>GBP</td>` was a region named 'London; GBP'."""
    london = _band(catalog, "quillmark-systems", "London")
    assert (london.currency, london.base) == ("GBP", _range("£95,000–£120,000"))


def test_german_ranges_yearly_words_and_a_summary_that_disagrees_with_its_section(catalog):
    """`85.000 € bis 102.000 € im Jahr` was kept as text ('bis', 'im Jahr'), `Gesamtvergütung pro Jahr` was no total,
    and the Kurzfassung's München base top (118.000 €) against the section's (110.000 €) went unsaid."""
    berlin = _band(catalog, "brunnwerk-software", "Berlin")
    assert berlin.base == _range("€85,000–€102,000") and berlin.total == _range("€103,500–€132,200")
    munich = _band(catalog, "brunnwerk-software", "München")
    assert munich.base == _range("€92,000–€110,000")
    assert munich.flags == ["base: the summary says 92.000 € bis 118.000 €, the band €92K–€110K: the band is shown"]
    assert berlin.flags == []


def test_regions_as_headings_over_lists_with_ranges_written_four_ways_and_a_wrong_yearly_conversion(catalog):
    """Harbor & Finch (`## New York (USD)`, a line about the hub, then `- Base: from $210,000 to $250,000 a year`)
    did not load. 'from X to Y' is a range, 'vesting over four years' late in a cell gives the grant's years, and
    Stockholm's 'SEK 68 000 to SEK 80 000 per month (× 12 = SEK 816 000 to SEK 996 000 a year)' is flagged: twelve
    months of 80 000 are 960 000."""
    new_york = _band(catalog, "harbor-and-finch", "New York")
    assert new_york.base == _range("$210,000–$250,000")
    assert (new_york.stock.value, new_york.stock.vesting_years) == (_range("$160,000–$240,000"), 4)
    stockholm = _band(catalog, "harbor-and-finch", "Stockholm")
    assert stockholm.flags and "SEK 816K–SEK 960K" in stockholm.flags[0] and "996 000" in stockholm.flags[0]
    reply = "\n".join(m.text for m in Answers(catalog).comp("harbor-and-finch engineering-manager stockholm"))
    assert ":warning: Stockholm: the guide disagrees with itself on Base" in reply


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
    brno = _band(catalog, "vltava-cloud", "Brno")
    assert brno.currency == "CZK" and brno.base == _range("CZK 990,000–CZK 1,210,000")
    assert brno.stock.value == _range("€450,000–€550,000")
    assert brno.flags == [
        "stock: in EUR in the second table, the region's other figures in CZK: kept in EUR, as written"
    ]
    prague = _band(catalog, "vltava-cloud", "Praha (Prague)")
    assert prague.stock.value == _range("CZK 540,000–CZK 660,000") and prague.flags == []
    assert "prague" in prague.aliases
    reply = "\n".join(m.text for m in Answers(catalog).comp("vltava-cloud backend-engineer prague"))
    assert (
        "CZK 1,125,000–CZK 1,375,000 _(the guide writes 1 250 000 Kč ± 10 %: the midpoint less and plus 10%)_" in reply
    )


def test_bands_in_yaml_front_matter_and_a_text_that_says_other_vesting(catalog):
    """Kumogata keeps its figures in YAML front matter (levels L3–L6, `[low, high]` lists, shares with a price);
    its body's ladder of titles was read as two regions named 'Title' and 'Typical scope'. The body's 'vests in
    equal annual tranches over three years' against `vest_years: 4` is flagged on every band."""
    guide = next(g for g in catalog.guides if g.company.slug == "kumogata-robotics")
    assert [(r.level, r.name) for r in guide.regions] == [
        ("L3", "Tokyo"),
        ("L4", "Tokyo"),
        ("L5", "Tokyo"),
        ("L6", "Tokyo"),
    ]
    staff = guide.regions[2]
    assert staff.base == _range("¥11,400,000–¥14,400,000") and staff.total == _range("¥16,800,000–¥22,800,000")
    assert staff.bonus.amount == _range("¥1,900,000–¥2,400,000")
    assert (staff.stock.shares, staff.stock.vesting_years) == ((5_600, 9_600), 4)
    assert "at JPY 2,500 a share (the guide's price)" in staff.stock.note  # a count stays a count
    assert all(any("over three years" in flag for flag in r.flags) for r in guide.regions)


def test_a_notes_column_is_no_place_and_its_words_stay_beside_each_band(catalog):
    """Felsbrook's `| Component | Zürich | Basel | Notes |` made a region named Notes. Its words are kept beside each
    place's band, and 'vests 25% a year over 4 years' in the grant's row gives the grant its years; 'Year-one
    total' is a first-year total; Basel's bonus written low above high is flagged in the reply."""
    guide = next(g for g in catalog.guides if g.company.slug == "felsbrook-analytics")
    assert [r.name for r in guide.regions] == ["Zürich", "Basel"]
    zurich, basel = guide.regions
    assert zurich.stock.vesting_years == 4 and zurich.total_year1 == _range("CHF 165,800–CHF 202,200")
    assert "Base salary (notes)" in [extra.name for extra in zurich.extras]
    assert basel.flags == ["Target bonus: low CHF 14K exceeds high CHF 11.8K: kept as written"]
