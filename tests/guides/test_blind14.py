"""Blind14 (six guides for roles whose pay is not base + equity, written blind by a helper session; key:
fixtures/blind14.key.md). First score, before any change it could lead to: 4 of 6 load (Orrery's day rates said in
prose, Tannenhall's `Monthly gross | Payments/yr | Annual gross (monthly × 14)` header), 3 of 6 with every band figure
as in the key, 1 of 4 planted inconsistencies flagged, 3 false flags (Brindlemoss's totals 'differ from their parts':
its overtime and shift-premium estimates not read), and no counter script found in any of the 6."""

from __future__ import annotations

import pytest

from bot.guides.checks import consistency_warnings
from bot.guides.money import Money
from tests.guides.blindsets import blind_catalog, guide_of


@pytest.fixture(scope="module")
def catalog():
    return blind_catalog("blind14")


def _flagged(catalog, company: str) -> list[str]:
    return [w.field + ": " + w.message for w in consistency_warnings(guide_of(catalog, company), company)]


def test_counter_scripts_under_a_heading_or_bold_label_of_their_own(catalog):
    """`### Counter script`, `## Counter script` and a bold `**Counter script**` over the quote were no strategy
    section (only `Negotiate Up Strategy` was), so no guide had its words to say; Halyard's Swiss `CHF 255'000` base is
    one amount (not CHF 255), above every base band (the Zurich VP band ends at CHF 245'000): the planted counter."""
    scripts = {g.company.slug: g.negotiate_up for g in catalog.guides}
    assert all(scripts.values())
    assert scripts["brindlemoss-vet-cloud"].quote.startswith("Thanks for the offer of A$44.00 an hour in Sydney.")
    assert scripts["tallowgate-freight"].target_base == Money(amount=155_000, currency="USD")
    assert scripts["kestrelwick-health"].target_base == Money(amount=134_000, currency="USD")
    assert scripts["halyard-quince-capital"].target_base == Money(amount=255_000, currency="CHF")
    assert _flagged(catalog, "halyard-quince-capital") == [
        "negotiate-up strategy: target base: CHF 255K is above every region's published base band"
    ]
    assert _flagged(catalog, "kestrelwick-health") == []  # $134,000 is inside the Boston base band
