"""Blind15 (six large guides with a leveling ladder, 3-5 levels × 2-4 regions, in six layouts, written blind by a
helper session; key: fixtures/blind15.key.md). First score (7c25dfd): 6 of 6 load, 2 of 6 with every band figure as
in the key, 1 of 4 planted inconsistencies flagged, no false flag. Fixed in general since (28 Nov 2026): one table of
levels per region under the region's heading (`## Tokyo — JPY`), each its heading's place and currency, and a level
paid less than the one below it in the same region flagged; a nested list of level, then region, then parts; a
counter's `GBP 172,000` (the code first) read, its target not the offer it counters, and checked against the band its
label names; a matrix of totals by level and region with a table building each (`Base — Toronto`); later grids of
one part (equity, total) over the same places as a base grid, the year beside a grant checked against the grant ÷
its years; words about pay after a level heading's dash, and `— Leveled` before a title's guide words, left out. Now
6 of 6 load, 6 of 6 with every band figure as in the key, 4 of 4 planted inconsistencies flagged (Mossgiel's D4
Singapore total, built on the wrong per-year figure, is also said to differ from base + bonus + grant ÷ 4), no false
flag. Left: Tarnwick's and Mossgiel's titles are still read as loose ones (warned 'no `Negotiation Guide`'; the
`·` separator and `Comp Guide` are not the full title's), Kelpwise's company keeps its `(Canada)`; Kelpwise's on-call
stipend (C$6K, excluded from the totals) and the worked example line are not read; Mossgiel's per-year figures
beside the grants are kept in the cell's words only, not as a part of their own."""

from __future__ import annotations

import pytest

from bot.guides.checks import consistency_warnings
from bot.guides.money import Money
from tests.guides.blindsets import band_of, blind_catalog, guide_of, money


@pytest.fixture(scope="module")
def catalog():
    return blind_catalog("blind15")


def _flagged(catalog, company: str) -> list[str]:
    return [w.field + ": " + w.message for w in consistency_warnings(guide_of(catalog, company), company)]


def test_a_table_per_region_under_its_heading_with_levels_as_rows(catalog):
    """Tarnwick: `## Munich (HQ) — EUR`, `## Tokyo — JPY`, `## Remote — EMEA (EUR, ...)`, each over `| Level | Base |
    Bonus target | RSU grant (total, 4 yrs) | Total / year |`: only the first table was read, as one region 'All
    locations'. Each table is now its heading's place, in the currency the heading says; the planted Remote — EMEA
    Staff paid less than Senior is flagged (a higher level below the one under it in the same region)."""
    slug = "tarnwick-robotics"
    assert {r.name for r in guide_of(catalog, slug).regions} == {"Munich (HQ)", "Tokyo", "Remote — EMEA"}
    munich = band_of(catalog, slug, "Munich (HQ)", "Senior")
    assert munich.base == money("€94,000") and munich.total == money("€127,400")
    assert munich.stock.value == money("€96,000") and munich.stock.vesting_years == 4
    tokyo = band_of(catalog, slug, "Tokyo", "Senior")
    assert tokyo.currency == "JPY" and tokyo.base == money("¥11,500,000") and tokyo.total == money("¥15,650,000")
    assert band_of(catalog, slug, "Tokyo", "Principal").total == money("¥30,830,000")
    staff = band_of(catalog, slug, "Remote — EMEA", "Staff")
    assert staff.base == money("€84,000") and staff.total == money("€115,760")
    assert staff.stock.value == money("€80,000")
    assert band_of(catalog, slug, "Remote — EMEA", "Principal").total == money("€228,120")
    assert [w for w in _flagged(catalog, slug) if "level order" in w] == [
        "Staff Remote — EMEA: level order: base €84K is below Senior's €88K, the level under it",
        "Staff Remote — EMEA: level order: total €115,760 is below Senior's €118.8K, the level under it",
    ]
    assert all(
        "level order" not in w
        for g in catalog.guides
        if g.company.slug != slug
        for w in _flagged(catalog, g.company.slug)
    )


def test_a_nested_list_of_level_then_region_then_parts(catalog):
    """Saltmarsh: `**Bands by level and region**` over `- **MLE II (L4)** — bonus target ...` > `- **New York** (USD)`
    > `- Base: USD 150,000–175,000`: read as one band named after the bold title. The list is now level, then region
    (the items under the roots name their currency in brackets), each band's figures as the key; the counter's `GBP
    172,000 base` (the code first) is its target, not the offer before it, and is checked against the band its label
    names (`Counter Script — Staff MLE (L6), London`): the planted target above that band is flagged."""
    slug = "saltmarsh-compute"
    assert len(guide_of(catalog, slug).regions) == 12
    london = band_of(catalog, slug, "London", "Staff MLE (L6)")
    assert london.currency == "GBP" and london.base == money("£138,000–£160,000")
    assert london.stock.value == money("£300,000–£440,000") and london.stock.vesting_years == 4
    assert london.total == money("£240,600–£302,000")
    principal = band_of(catalog, slug, "New York", "Principal MLE (L7)")
    assert principal.stock.value == money("$1,000,000–$1,400,000") and principal.total == money("$600,000–$762,500")
    assert band_of(catalog, slug, "Remote US", "MLE II (L4)").total == money("$183,500–$226,000")
    plan = guide_of(catalog, slug).negotiate_up
    assert plan.target_base == Money(amount=172_000, currency="GBP")
    assert plan.target_total == Money(amount=316_400, currency="GBP")
    assert _flagged(catalog, slug) == [
        "negotiate-up strategy: target total: £316.4K is above Staff MLE (L6) London's published total band "
        "£240.6K–£302K",
        "negotiate-up strategy: target base: £172K is above Staff MLE (L6) London's published base band £138K–£160K",
    ]


def test_a_matrix_of_totals_with_a_table_of_how_each_is_built(catalog):
    """Kelpwise: `## Total compensation by level and region` over `| Level | Toronto | Vancouver | Remote Canada |`,
    then `## How each total is built` over `| Level | Base — Toronto | Base — Vancouver | Base — Remote Canada | Bonus
    target | Equity / yr |`: the matrix was read as totals per level only, the build table kept as written. Each level
    and place is now a band: its total from the matrix, its base from its own column, the level's bonus % and equity
    a year beside it; every total agrees with its parts (no flag), `C$231.4K` two hundred thirty-one thousand four
    hundred."""
    slug = "kelpwise-energy"
    assert len(guide_of(catalog, slug).regions) == 12
    vancouver = band_of(catalog, slug, "Vancouver", "Senior SRE")
    assert (
        vancouver.currency == "CAD" and vancouver.total == money("C$231,400") and vancouver.base == money("C$180,000")
    )
    assert (
        vancouver.bonus.raw == "13% of base" and vancouver.stock.value == money("C$28,000") and vancouver.stock.per_year
    )
    remote = band_of(catalog, slug, "Remote Canada", "Staff SRE")
    assert remote.base == money("C$185,000") and remote.total == money("C$264,600")
    assert band_of(catalog, slug, "Toronto", "SRE I").total == money("C$123,700")
    assert _flagged(catalog, slug) == []


def test_a_grid_per_part_of_pay_with_the_equity_and_total_grids_after_the_base(catalog):
    """Mossgiel: `### 1. Base salary (annual)`, `### 2. Equity — RSU grant, total over 4 years (yearly vesting in
    brackets)`, a bonus % by level, `### 4. Total annual compensation`, each `| Level | Bengaluru (INR) | Singapore
    (SGD) | Remote APAC (USD) |`: only the base grid and the bonus % were read. The later grids over the same places
    now add their part to each level and place (the equity heading's part before its dash), `₹1,00,00,000` ten
    million rupees; the year written beside each grant is checked against the grant ÷ 4, so the planted D4 Singapore
    `S$140,000 (S$38,000/yr)` is flagged (and its total, built on the S$38,000, differs from base + bonus + grant ÷ 4),
    the cell kept as written."""
    slug = "mossgiel-payments"
    d5 = band_of(catalog, slug, "Bengaluru", "D5")
    assert d5.base == money("₹72,00,000") and d5.base.low.amount == 7_200_000
    assert d5.stock.value.low.amount == 10_000_000 and d5.stock.vesting_years == 4
    assert d5.total.low.amount == 10_780_000 and d5.bonus.raw == "15%"
    singapore = band_of(catalog, slug, "Singapore", "D4")
    assert singapore.stock.value == money("S$140,000") and singapore.total == money("S$201,520")
    assert singapore.cells[0].raw == "S$140,000 (S$38,000/yr)"
    assert band_of(catalog, slug, "Remote APAC", "D3").total == money("US$101,800")
    assert singapore.flags == ["stock: S$38,000 a year written beside a grant of S$140K over 4 years: ÷ 4 is S$35K"]
    assert _flagged(catalog, slug) == ["D4 Singapore: total comp: published S$201,520 differs from its parts S$198,520"]
    assert all(not r.flags for r in guide_of(catalog, slug).regions if r is not singapore)


def test_level_names_and_titles_without_the_words_around_them(catalog):
    """Brindlecone's levels carried their whole heading (`IC1 · Data Scientist I — bonus target 5% of base`): the
    words about pay after the dash are no part of a level's name. Titles `... | Mossgiel Payments — Leveled Comp Guide
    (D2–D5)` and `... · Tarnwick Robotics — Negotiation Guide` named the companies 'Mossgiel Payments — Leveled' and
    'Tarnwick Robotics —': the dash and `Leveled` before the guide's words are no part of the company."""
    levels = [r.level for r in guide_of(catalog, "brindlecone-health").regions]
    assert levels[0] == "IC1 · Data Scientist I" and levels[-1] == "IC4 · Staff Data Scientist"
    dublin = band_of(catalog, "brindlecone-health", "Dublin", "IC3 · Senior Data Scientist")
    assert dublin.base == money("€105k–€125k") and dublin.total == money("€130.5k–€162.5k")
    assert guide_of(catalog, "mossgiel-payments").company.name == "Mossgiel Payments"
    assert guide_of(catalog, "tarnwick-robotics").company.name == "Tarnwick Robotics"
