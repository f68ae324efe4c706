"""Blind14 (six guides for roles whose pay is not base + equity, written blind by a helper session; key:
fixtures/blind14.key.md). First score, before any change it could lead to: 4 of 6 load (Orrery's day rates said in
prose, Tannenhall's `Monthly gross | Payments/yr | Annual gross (monthly × 14)` header), 3 of 6 with every band figure
as in the key, 1 of 4 planted inconsistencies flagged, 3 false flags (Brindlemoss's totals 'differ from their parts':
its overtime and shift-premium estimates not read), and no counter script found in any of the 6. Fixed in general
since (28 Nov 2026): a counter script under its own heading or bold label (`### Counter script`, `**Counter
script**`), its target base checked against the bands as its target total was, and `CHF 255'000` one amount; `gross`
a salary's head noun and `Annual gross (monthly × 14)` a yearly column checked at its × 14; a region list's other
items with an amount kept beside the band, a total checked with the overtime and premiums it includes, and an
annualised figure checked against the offer's hourly rate × the hours the guide states; a day rate and billable days
told in prose a paragraph a region, the billings checked against rate × days; `— Day-Rate Negotiation Guide` no
company; a `Year-one cash package` checked against base, bonus and the bonuses beside it. Now 6 of 6 load, 6 of 6
with every band figure as in the key (an OTE and a year-one package kept beside the band, as written), 4 of 4
planted inconsistencies flagged, no false flag, a counter script found in 6 of 6. Left: three titles read as loose
ones (warned 'no `Negotiation Guide`') and the DNA lines under `About the company`, `Negotiation brief`, `Profile`
and `At a glance` not found; the counters' other figures are not read as targets (Brindlemoss's A$46.00 an hour and
A$113,068, Tannenhall's €5.150 a month, Orrery's £760 a day, Tallowgate's $310K OTE, Halyard's second, Singapore,
counter), and a target base is checked against every band in its currency, not the place and level it names;
Tannenhall's `up to 8% of annual gross` stays as written (a bound) and its `Payments/yr` 14 is kept beside the band
unchecked (the header's × 14 is what the year is checked at); Brindlemoss's band ends are not annualised (only the
offer's rate, where the guide gives one annualised figure); Orrery's billings are the guide's own yearly figure,
with the day rate and billable days beside them but no formula line of their own in a reply."""

from __future__ import annotations

import pytest

from bot.guides.checks import consistency_warnings
from bot.guides.markdown.reader import read_guide
from bot.guides.money import Money
from tests.guides.blindsets import FIXTURES, band_of, blind_catalog, guide_of, money


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
    kept = {t.title: t.text for t in guide_of(catalog, "halyard-quince-capital").kept}
    assert kept["Counter script"].startswith("• 50% × CHF 255'000 = CHF 127'500")  # the quotes are shown once
    assert "For the Zurich VP seat" not in kept["Counter script"]
    assert _flagged(catalog, "halyard-quince-capital") == [
        "negotiate-up strategy: target base: CHF 255K is above every region's published base band"
    ]
    assert not [w for w in _flagged(catalog, "kestrelwick-health") if "strategy" in w]  # $134,000 is inside Boston's


def test_monthly_gross_paid_fourteen_times_with_a_point_between_thousands(catalog):
    """Tannenhall: `Location | Monthly gross | Payments/yr | Annual gross (monthly × 14) | ...` was not recognised
    (`gross` named no pay), and `(monthly × 14)` made the annual column a monthly one. The year is the band's base,
    `€4.600` four thousand six hundred euros, the month kept beside it, and the year checked at the 14 the header says
    (a year that is not 14 months of it is flagged)."""
    vienna = band_of(catalog, "tannenhall-mobility", "Vienna (HQ)")
    assert vienna.base == money("€64.400–€74.200") and vienna.base.low.amount == 64_400
    assert [(e.name, e.raw) for e in vienna.extras] == [
        ("Payments/yr", "14"),
        ("Monthly gross", "€4.600–€5.300"),
        ("Paid leave", "25 days"),
    ]
    assert vienna.bonus.raw == "up to 8% of annual gross" and vienna.stock is None
    assert band_of(catalog, "tannenhall-mobility", "Madrid").base == money("€51.800–€60.200")
    assert band_of(catalog, "tannenhall-mobility", "Remote (Portugal)").base == money("€43.400–€51.100")
    assert _flagged(catalog, "tannenhall-mobility") == []
    assert all(r.flags == [] for r in guide_of(catalog, "tannenhall-mobility").regions)
    text = (FIXTURES / "blind14/tannenhall-mobility/payments-operations-analyst.md").read_text(encoding="utf-8")
    wrong = read_guide(text.replace("€64.400–€74.200", "€64.400–€74.700")).guide
    assert next(r for r in wrong.regions if r.name == "Vienna (HQ)").flags == [
        "Annual gross (monthly × 14): €4.600–€5.300 a month × 14 is €64.4K–€74.2K, but the guide writes €64.4K–€74.7K"
        " a year"
    ]


def test_hourly_pay_annualised_at_the_hours_the_guide_states_with_overtime_and_a_shift_premium(catalog):
    """Brindlemoss: a region's list of `Hourly band`, `Annualised base at offer`, `Overtime estimate`, `Shift premium
    estimate` and `Estimated annual total` kept only the base and the total, so each total 'differed from its parts'
    (3 false flags). The other items are kept beside the band as written (the hourly band never a year's pay), the
    total checked with the overtime and premium it is said to include, and the annualised base at offer checked
    against the offer's hourly rate × the 2,080 hours the guide states: Melbourne's A$87,630 is A$42.00 × 2,080 =
    A$87,360 (its total, the sum of its stated parts, is not flagged again)."""
    sydney = band_of(catalog, "brindlemoss-vet-cloud", "Sydney (Surry Hills office)")
    assert (sydney.base, sydney.total, sydney.flags) == (money("A$91,520"), money("A$108,152"), [])
    assert [(e.name, e.raw, e.value) for e in sydney.extras] == [
        ("Hourly band", "A$40.00–A$46.00/hr; typical offer A$44.00/hr", None),
        ("Overtime estimate", "A$13,200 (200 hrs × A$66.00)", money("A$13,200")),
        ("Shift premium estimate", "A$3,432 (520 hrs × A$6.60)", money("A$3,432")),
    ]
    melbourne = band_of(catalog, "brindlemoss-vet-cloud", "Melbourne (Cremorne office)")
    assert (melbourne.base, melbourne.total) == (money("A$87,630"), money("A$103,506"))
    assert melbourne.flags == [
        "Annualised base at offer: A$42.00 an hour × 2,080 hours is A$87,360, but the guide writes A$87,630"
    ]
    remote = band_of(catalog, "brindlemoss-vet-cloud", "Remote (anywhere in Australia, AEST/AEDT roster)")
    assert (remote.base, remote.total, remote.flags) == (money("A$81,120"), money("A$95,862"), [])
    assert _flagged(catalog, "brindlemoss-vet-cloud") == []
    text = (FIXTURES / "blind14/brindlemoss-vet-cloud/customer-support-lead.md").read_text(encoding="utf-8")
    wrong = read_guide(text.replace("A$108,152", "A$108,252")).guide
    assert [w.field + ": " + w.message for w in consistency_warnings(wrong, "brindlemoss")] == [
        "Sydney (Surry Hills office): total comp: published A$108,252 differs from its parts A$108,152 (with Overtime"
        " estimate, Shift premium estimate)"
    ]


def test_a_day_rate_and_billable_days_told_in_prose_a_paragraph_a_region(catalog):
    """Orrery: each region a paragraph led by its name in bold (`... between **£650 and £800 per day** ... **220
    billable days** ... annual gross billings at **£143,000–£176,000**`): 'no table of figures', the guide left out.
    The day rate is kept as written (never a year's pay), the billable days beside it, the year the guide's own
    billings, checked against rate × days (a year that is not that product is flagged, the formula said). The title's
    `— Day-Rate Negotiation Guide` names no company: it is the first half's, before its colon."""
    guide = guide_of(catalog, "orrery-lane-analytics")
    assert (guide.company.name, guide.role.title) == ("Orrery Lane Analytics", "Contract Data Migration Consultant")
    london = band_of(catalog, "orrery-lane-analytics", "London (client-site, 3 days a week)")
    assert (london.base, london.total, london.flags) == (None, money("£143,000–£176,000"), [])
    assert [(c.column, c.raw, c.figure) for c in london.cells] == [("Day rate", "£650 and £800 per day", None)]
    assert [(e.name, e.raw) for e in london.extras] == [("Billable days", "220")]
    manchester = band_of(catalog, "orrery-lane-analytics", "Manchester (hybrid, Spinningfields hub)")
    assert (manchester.total, manchester.cells[0].raw) == (money("£121,000–£148,500"), "£550–£675 per day")
    remote = band_of(catalog, "orrery-lane-analytics", "Remote (EU-based, invoiced in euros)")
    assert (remote.currency, remote.total, remote.extras[0].raw) == ("EUR", money("€126,000–€155,400"), "210")
    assert _flagged(catalog, "orrery-lane-analytics") == []
    assert guide.negotiate_up.quote.startswith("Thanks for the London offer at £700 a day.")
    text = (FIXTURES / "blind14/orrery-lane-analytics/data-migration-consultant.md").read_text(encoding="utf-8")
    wrong = read_guide(text.replace("£121,000–£148,500", "£121,000–£148,000")).guide
    assert next(r for r in wrong.regions if r.name.startswith("Manchester")).flags == [
        "£550–£675 a day × 220 billable days is £121K–£148.5K, but the guide writes £121,000–£148,000"
    ]


def test_a_year_one_cash_package_checked_with_its_guaranteed_and_retention_bonuses(catalog):
    """Kestrelwick: the transposed table's `Year-one cash package` row (base + guaranteed first-year bonus + retention
    bonus, as its footnote says) was kept beside the band and checked against nothing. It is now checked with the
    base, the bonus and the bonuses kept beside the band (never the options): Remote's top $159,000 is not $126,000
    + $19,000 + $12,000 = $157,000. Boston and Nashville add up."""
    remote = band_of(catalog, "kestrelwick-health", "Remote (US)")
    assert (remote.base, remote.bonus.amount) == (money("$108,000–$126,000"), money("$15,000–$19,000"))
    assert [(e.name, e.value) for e in remote.extras] == [
        ("Retention bonus (paid after 12 months)", money("$12,000")),
        ("Year-one cash package", money("$135,000–$159,000")),
    ]
    assert _flagged(catalog, "kestrelwick-health") == [
        "Remote (US): Year-one cash package: published $135K–$159K differs from base + bonus + Retention bonus (paid"
        " after 12 months) $135K–$157K"
    ]
    boston = band_of(catalog, "kestrelwick-health", "Boston (HQ)")
    assert (boston.base, boston.year_one_cash().value) == (money("$118,000–$138,000"), money("$151,000–$175,000"))
    assert (boston.stock.shares, boston.stock.value) == ((4000, 4000), None)
