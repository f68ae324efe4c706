"""Blind16 (six guides by six hands drifting from the house format, written blind by a helper session; key:
fixtures/blind16.key.md). First score, after every other fix of 28 Nov 2026 and before any change it could lead to,
the measure that session ends on: 6 of 6 load, 2 of 6 with every band figure as in the key (3 counting
Brackenridge's own role), 1 of 4 planted inconsistencies flagged, no false flag. One cause fixed after it, because it
showed a count as money: Ottervane's `Options (shares)` column of plain counts (`64,000–128,000`) was read as
$64K–$128K of stock. Fixed in general since: plain numbers under "All figures below are in thousands" said with no
currency (Sorrelwick's rows name theirs in a `Currency` column) read in thousands, each cell as written beside;
cells of three amounts where the guide says they are low / mid / high (above the table or in the header:
Marrowgate's `CHF 140K / 155K / 170K`) read as the band from low to high with the middle beside it, a low above the
high kept as written and flagged; a table under a heading naming another role than the guide's (Brackenridge's
`#### Analytics Engineer (for comparison)` beside `#### Senior Data Engineer`) left out, said, and kept as written,
never a level of the guide; a second stock column giving the year beside the band's grant over years (Ottervane's
`Equity / yr` beside `Equity (4yr, at spread)`) checked against the grant ÷ its years. Now 6 of 6 load, 6 of 6 with
every band figure as in the key, 4 of 4 planted inconsistencies flagged, no false flag. Left: the middles of
Marrowgate's cells are kept beside the bands but not added up (its totals are said to be computed at the mid too);
Halcyon's FAQ figures and Quillfeather's changelog are kept as text, as before (none is read as a band)."""

from __future__ import annotations

import pytest

from bot.guides.checks import consistency_warnings
from tests.guides.blindsets import band_of, blind_catalog, guide_of, money


@pytest.fixture(scope="module")
def catalog():
    return blind_catalog("blind16")


def _flagged(catalog, company: str) -> list[str]:
    """What `guides check` says of the guide where its figures disagree: the reader's flags and the checks'."""
    flags = [f"{r.name}: {flag}" for r in guide_of(catalog, company).regions for flag in r.flags]
    return flags + [w.field + ": " + w.message for w in consistency_warnings(guide_of(catalog, company), company)]


def test_plain_counts_under_a_header_that_says_shares_are_never_money(catalog):
    """`| Options (shares) | Equity (4yr, at spread) |` over `| 64,000–128,000 | $160K–$320K |`: the first is a count
    of options; the grant's worth is the second column's, as the key gives it."""
    for region, worth in (
        ("New York HQ", "$160K–$320K"),
        ("Austin", "$140K–$280K"),
        ("Remote US", "$120K–$240K"),
    ):
        stock = band_of(catalog, "ottervane-labs", region).stock
        assert (stock.value, stock.vesting_years) == (money(worth), 4), region


def test_plain_numbers_said_once_to_be_in_thousands_beside_a_currency_column(catalog):
    """Sorrelwick: "All figures below are in thousands, in the currency shown for each row." over `| Region |
    Currency | Base | ... |` and `| Sydney | AUD | 185–230 | ...`: every cell was kept as written ('too small for a pay
    figure'). Read in thousands in the row's currency, the cells as written kept beside; the planted Sydney total
    (231–325 against parts adding up to 231–315) is flagged, not fixed."""
    singapore = band_of(catalog, "sorrelwick-freight", "Singapore HQ")
    assert singapore.currency == "SGD" and singapore.base == money("SGD 190K–SGD 240K")
    assert singapore.stock.value == money("SGD 30K–SGD 60K") and singapore.stock.per_year
    assert singapore.bonus.amount == money("SGD 25K–SGD 40K") and singapore.total == money("SGD 245K–SGD 340K")
    assert singapore.cell("base").raw == "190–240" and singapore.cell("base").scale == "thousands"
    sydney = band_of(catalog, "sorrelwick-freight", "Sydney")
    assert sydney.total == money("A$231K–A$325K")
    assert band_of(catalog, "sorrelwick-freight", "Remote APAC").total == money("$150K–$211K")
    assert _flagged(catalog, "sorrelwick-freight") == [
        "Sydney: total comp: published A$231K–A$325K differs from its parts A$231K–A$315K"
    ]


def test_low_mid_high_cells_where_the_guide_says_so(catalog):
    """Marrowgate: "Every cell below is **low / mid / high**" over `CHF 140K / 155K / 170K`: each cell was kept as
    written ('155K / 170K' after the figure is not a conversion). The band runs low to high, the middle kept beside it
    as written with the first amount's currency; the planted Remote Europe bonus written high to low (`€11K / 8K /
    5K`) is kept as written and flagged, never turned round."""
    basel = band_of(catalog, "marrowgate-biosystems", "Basel HQ")
    assert basel.base == money("CHF 140K–CHF 170K") and basel.total == money("CHF 165K–CHF 223K")
    assert basel.stock.value == money("CHF 60K–CHF 140K") and basel.stock.vesting_years == 4
    assert basel.bonus.amount == money("CHF 10K–CHF 18K")
    assert [(x.name, x.raw) for x in basel.extras][:2] == [
        ("Base Salary (mid)", "CHF 155K"),
        ("Stock (RSUs over 4 yrs) (mid)", "CHF 100K"),
    ]
    assert band_of(catalog, "marrowgate-biosystems", "Munich").total == money("€112K–€160K")
    remote = band_of(catalog, "marrowgate-biosystems", "Remote Europe")
    assert remote.base == money("€85K–€109K") and remote.total == money("€104K–€136K")
    assert remote.bonus.kind == "text" and remote.bonus.raw == "€11K / 8K / 5K"
    assert _flagged(catalog, "marrowgate-biosystems") == [
        "Remote Europe: Bonus: low €11K exceeds high €5K: kept as written"
    ]


def test_another_roles_table_under_its_own_heading_is_never_this_guides_band(catalog):
    """Brackenridge (a Senior Data Engineer's guide): `#### Senior Data Engineer` and `#### Analytics Engineer (for
    comparison)`, each over a table of the same regions: read as two levels of the guide, so the Analytics
    Engineer's figures were shown as this role's. That table is left out, said, and kept as written under its
    heading; the guide's bands are its own role's, with no level."""
    guide = guide_of(catalog, "brackenridge-tidal")
    assert [(r.name, r.level) for r in guide.regions] == [
        ("Halifax HQ", None),
        ("Vancouver", None),
        ("Remote Canada", None),
    ]
    vancouver = band_of(catalog, "brackenridge-tidal", "Vancouver")
    assert vancouver.base == money("C$145K–C$178K") and vancouver.total == money("C$180K–C$240K")
    kept = next(text for text in guide.kept if text.title == "Analytics Engineer (for comparison)")
    assert "Vancouver | C$112K–C$140K" in kept.text
    said = [f"{w.field}: {w.message}" for w in catalog.report.warnings if "another role's table" in w.message]
    assert said == [
        "band table under Analytics Engineer (for comparison): another role's table, not this guide's Senior Data "
        "Engineer: left out, kept as written"
    ]
    assert _flagged(catalog, "brackenridge-tidal") == [
        "negotiate-up strategy: target total: C$252K is above every region's published total band"
    ]


def test_a_yearly_stock_column_beside_the_grant_is_checked_against_it(catalog):
    """Ottervane: `| Equity (4yr, at spread) | Equity / yr |`, Austin `$140K–$280K` beside `$35K–$75K`: the yearly
    column was kept beside the band unchecked. It is now checked against the grant ÷ 4 and the planted $75K flagged
    ($280K ÷ 4 is $70K); the band's stock stays the grant and its total, which agrees with it, is not flagged."""
    assert _flagged(catalog, "ottervane-labs") == [
        "Austin: stock: $35K–$75K a year written beside a grant of $140K–$280K over 4 years: ÷ 4 is $35K–$70K"
    ]
    austin = band_of(catalog, "ottervane-labs", "Austin")
    assert austin.stock.value == money("$140K–$280K") and austin.total == money("$175K–$242K")


def test_the_consistent_guides_are_not_flagged(catalog):
    """Quillfeather (a changelog of older figures) and Halcyon (an FAQ full of figures) are fully consistent."""
    assert _flagged(catalog, "quillfeather-ledger") == []
    assert _flagged(catalog, "halcyon-pike-robotics") == []
