"""blind19: six startup guides written blind (startup equity the way startup recruiters write it: stakes, share
counts at a price, a valuation, back-loaded vesting), each with its writer's key (fixtures/blind19.key.md).

First score, before any change it could lead to: 6 of 6 load, 4 of 6 with every band figure as in the key, 1 of 4
planted inconsistencies flagged, no false flag (Quillomar "loaded" with none of its bands read; Brindlecove's stake
took the stock slot; Tarnwhistle's, Ossifrax's and Brindlecove's planted figures were not said).

Fixed after: a regions-as-columns table under a blank corner cell (`|  | London HQ | Manchester |`) is read (it was
dropped without a word), and a bold lead on a paragraph of words never becomes a place with its sentence as a bonus
(markdown/corners.py, lists.py); a money column beside a stake (`VSOP (% FD)`, then `Equity Value (@ €240M)`) is the
stock, the percentage kept beside as written (markdown/stakes.py, builder.py); the years a yearly column divides the
grant by, in its header (`Equity/yr (Grant ÷ 4)`) or the text (`Equity/yr = Equity Value ÷ 4`), are the grant's; a
stake × the one valuation the guide states and a share count × the price its formula names (`Grant Value = options ×
$3.00`) are checked against the money written (markdown/grant_checks.py); a counter script for one level and place
("For L4 in Pittsburgh ...") is checked against that band, and replies under other bands say whose targets they are
(script_checks.level_and_place_quoted).

Now: 6 of 6 load, 6 of 6 with every band figure as in the key, 4 of 4 planted inconsistencies flagged, no false flag.
Left: Velquarry's `20,000–30,000 @ $14.00` is shown as written, not read as count × price, so its year-one equity
(10% of the shares × $14.00, a back-loaded schedule) is not worked out and its year-one totals are not checked; its
script's "$232,000 in year one" is no target."""

from __future__ import annotations

from bot.guides.markdown.reader import read_guide
from tests.guides.blindsets import band_of, blind_catalog, flagged, guide_alone, guide_of, money, reply

NAME = "blind19"


def test_regions_as_columns_under_a_blank_corner_are_read_and_a_bold_paragraph_is_no_place():
    """`|  | London HQ | Manchester | ... |` was read by no reader and dropped without a word, and "**How Quillomar
    values the grant:** ..." became a region with its sentence as a bonus. The table's four places are read now, the
    grant over the 4 years its yearly row divides it by, and the bold paragraph is no place."""
    catalog = guide_alone(NAME, "quillomar")
    assert [band.name for band in guide_of(catalog, "quillomar").regions] == [
        "London HQ",
        "Manchester",
        "Edinburgh",
        "Remote (UK)",
    ]
    london = band_of(catalog, "quillomar", "London HQ")
    assert london.base == money("£95,000–£120,000") and london.bonus.amount == money("£5,000–£8,000")
    assert (london.stock.value, london.stock.vesting_years) == (money("£150,000–£225,000"), 4)
    assert london.computed_total() == (137_500, 184_250) and london.total == money("£137,500–£184,250")
    for region in ("Manchester", "Edinburgh", "Remote (UK)"):
        band = band_of(catalog, "quillomar", region)
        assert band.computed_total() == (band.total.low.amount, band.total.high.amount), region
    assert flagged(guide_alone(NAME, "quillomar"), "quillomar") == []
    words_only = (
        "### Designer | Acme Global Negotiation Guide\n\n"
        "**How Acme values the grant:** Vesting is 4 years. Total Comp = Base + Equity/yr + Bonus.\n"
    )
    assert read_guide(words_only).guide is None or not read_guide(words_only).guide.regions


def test_a_money_column_beside_a_stake_is_the_stock_and_the_stake_is_checked_at_the_valuation():
    """`VSOP (% FD)` took the stock slot (no amount) and the euro grant beside it went to extras with no years. The
    euro grant is the stock now, over the 4 years the text divides it by, the percentage kept beside as written;
    Barcelona's 0.07% × €240M (€168,000) against €144,000 written is said."""
    catalog = guide_alone(NAME, "brindlecove")
    berlin = band_of(catalog, "brindlecove", "Berlin HQ")
    assert (berlin.stock.value, berlin.stock.vesting_years) == (money("€120,000–€192,000"), 4)
    assert berlin.computed_total() == (120_000, 161_000)
    assert ("VSOP (% FD)", "0.05%–0.08%") in [(extra.name, extra.raw) for extra in berlin.extras]
    for region in ("Amsterdam", "Barcelona", "Remote (EU)"):
        band = band_of(catalog, "brindlecove", region)
        assert band.computed_total() == (band.total.low.amount, band.total.high.amount), region
    assert flagged(guide_alone(NAME, "brindlecove"), "brindlecove") == [
        "Barcelona: stock: 0.04%–0.07% of €240M is €96K–€168K, but the grant is written €96K–€144K"
    ]


def test_an_option_count_at_the_price_the_guide_states_is_checked_against_the_grant():
    """Austin's `32,000–46,000 options` beside `$96K–$144K`: at the $3.00 spread the text says values the grant,
    46,000 options is $138K. Said now, both kept as written."""
    assert flagged(guide_alone(NAME, "tarnwhistle"), "tarnwhistle") == [
        "Austin: stock: 32,000–46,000 options at $3.00 is $96K–$138K, but the grant is written $96K–$144K"
    ]
    austin = band_of(guide_alone(NAME, "tarnwhistle"), "tarnwhistle", "Austin")
    assert austin.stock.value == money("$96K–$144K") and austin.computed_total() == (169_000, 216_000)


def test_a_counter_for_one_level_and_place_is_checked_against_that_band():
    """ "For L4 in Pittsburgh I'm targeting a $195,000 base": above that band's $190,000 top, not said, and its targets
    shown under L3's and L5's bands with no note. Said now, and replies under other bands say whose they are."""
    assert flagged(guide_alone(NAME, "ossifrax-robotics"), "ossifrax-robotics") == [
        "negotiate-up strategy: target total: $263,250 is above L4 — Senior Firmware Engineer Pittsburgh HQ's "
        "published total band $205.5K–$258,250",
        "negotiate-up strategy: target base: $195K is above L4 — Senior Firmware Engineer Pittsburgh HQ's "
        "published base band $160K–$190K",
    ]
    l3 = reply(guide_alone(NAME, "ossifrax-robotics"), "ossifrax firmware l3 pittsburgh")
    assert "This script was written for L4 — Senior Firmware Engineer Pittsburgh HQ" in l3


def test_the_folder_loads_with_the_other_guides_as_before():
    """The other two guides read as the key says; Plinthmoor's planted Seattle total still said, Velquarry's stock
    still as written."""
    catalog = blind_catalog("blind19")
    assert len(catalog.guides) == 6 and not catalog.report.errors
    assert flagged(guide_alone(NAME, "plinthmoor"), "plinthmoor") == [
        "Seattle: total comp: published $207.5K–$278K differs from its parts $207.5K–$273K"
    ]
    denver = band_of(catalog, "velquarry", "Denver HQ")
    assert denver.stock.value is None and denver.total_year1 == money("$188,000–$237,000")
    assert flagged(guide_alone(NAME, "velquarry"), "velquarry") == []
