"""Blind16 (six guides by six hands drifting from the house format, written blind by a helper session; key:
fixtures/blind16.key.md). First score, after every other fix of 28 Nov 2026 and before any change it could lead to,
the measure that session ends on: 6 of 6 load, 2 of 6 with every band figure as in the key (3 counting
Brackenridge's own role), 1 of 4 planted inconsistencies flagged, no false flag. One cause fixed after it, because it
showed a count as money: Ottervane's `Options (shares)` column of plain counts (`64,000–128,000`) was read as
$64K–$128K of stock. Left: Sorrelwick's plain numbers 'in thousands' beside a currency column, Marrowgate's
'low / mid / high' cells, Brackenridge's second role read as levels of the guide, Ottervane's per-year figure
beside its grant (Austin $75K against $280K ÷ 4) unchecked."""

from __future__ import annotations

from tests.guides.blindsets import band_of, blind_catalog, money


def test_plain_counts_under_a_header_that_says_shares_are_never_money():
    """`| Options (shares) | Equity (4yr, at spread) |` over `| 64,000–128,000 | $160K–$320K |`: the first is a count
    of options; the grant's worth is the second column's, as the key gives it."""
    catalog = blind_catalog("blind16")
    for region, worth in (
        ("New York HQ", "$160K–$320K"),
        ("Austin", "$140K–$280K"),
        ("Remote US", "$120K–$240K"),
    ):
        stock = band_of(catalog, "ottervane-labs", region).stock
        assert (stock.value, stock.vesting_years) == (money(worth), 4), region
