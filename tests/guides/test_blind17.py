"""Blind17 (six guides whose figures carry qualifiers and annotations as a team wiki leaves them, written blind by a
helper session; key: fixtures/blind17.key.md). First score, before any change it could lead to, the measure this
session ends on: 5 of 6 load, 0 of 6 with every band figure as in the key, 1 of 4 planted inconsistencies flagged,
1 false flag (Quillmere Austin's total, from a Note line giving its bonus as 8% not read). Fixed in general since
(28 Nov 2026): a footnote a mark on a stock header points at says how the column reads, a year's vest (Brindlewick's
`Equity†`) or a grant over years (Orrinfold's `Equity‡`), where the header says neither, and a mark after a header
hides none of its words (blind11's `Equity / yr¹` is yearly too); a `Note:` line under the table that names one place
and one figure its row writes ("not the 10% shown in the row") gives that cell the note's figure, the row's kept
beside with the note; a monthly cell written as Polish and Brazilian guides write it (`zł/mies.`, `R$ 40–52
mil/mês`) is read as a month, and made a year by the count of monthly salaries a footnote on its place gives ("13
monthly salaries": × 13, said beside the figure), else by twelve as the reply says; a `| Region | Component | P25 |
P50 | P75 |` table naming its place on every row loads (P25 to P75 the band, P50 beside it); the counter script's
grant checked against the year it says of it, and its targets against the one band its words name; a band whose
approximate parts (`c. 78k €–95k €`) do not make its exact total, at their face value, flagged; `n/a` equity where the
text under the table says the place has none shown as written with that sentence, never as "not published". Now 6 of
6 load, 6 of 6 with every band figure as in the key, 4 of 4 planted inconsistencies flagged, no false flag. Left:
Brindlewick's Remote bonus `up to $12K` is shown as written (its footnote's $0 floor is not read, so that total is
not checked); Cindervane's P50 column is kept beside the bands but not added up; Tessaloop's counter (`120k € total`,
the euro sign after the figure) is not parsed into targets; an approximate total (`≈ 294 000–366 000 zł/rok`) is not
checked (by how much it rounds is not said)."""

from __future__ import annotations

import pytest

from bot.guides.checks import consistency_warnings
from tests.guides.blindsets import band_of, blind_catalog, guide_of, money, reply


@pytest.fixture(scope="module")
def catalog():
    return blind_catalog("blind17")


def _flagged(catalog, company: str) -> list[str]:
    """What `guides check` says of the guide where its figures disagree: the reader's flags and the checks'."""
    flags = [f"{r.name}: {flag}" for r in guide_of(catalog, company).regions for flag in r.flags]
    return flags + [w.field + ": " + w.message for w in consistency_warnings(guide_of(catalog, company), company)]


def test_a_footnote_under_the_table_says_how_its_marked_column_reads(catalog):
    """`| Equity† |` over `$30K–$50K` with "† Equity is the yearly vesting value — one quarter of a 4-year option
    grant, already divided by 4" under the table: read from the header alone, a grant over no stated years ("the
    guide states no vesting period"). Orrinfold's `Equity‡` with "‡ Equity is the total EMI option grant over 4
    years ..., not a yearly figure" likewise. Each now reads as its footnote says, and its total is checked."""
    pittsburgh = band_of(catalog, "brindlewick-robotics", "Pittsburgh HQ")
    assert pittsburgh.stock.value == money("$30K–$50K") and pittsburgh.stock.per_year
    assert pittsburgh.computed_total() == (210_000, 260_000)
    assert band_of(catalog, "brindlewick-robotics", "Remote (US)").stock.per_year
    manchester = band_of(catalog, "orrinfold-health", "Manchester")
    assert (manchester.stock.value, manchester.stock.vesting_years) == (money("£40K–£80K"), 4)
    assert manchester.computed_total() == (97_000, 125_000)
    assert "£15K–£25K a year = grant ÷ 4" in reply(catalog, "orrinfold-health sre london")
    for company in ("brindlewick-robotics", "orrinfold-health"):
        assert not any("vesting years not stated" in flag for flag in _flagged(catalog, company)), company
    # a mark after a header hides none of its words: blind11's `Equity / yr¹` is a year's figure, and Corvane's
    # planted Manchester total (£135K against parts of £130K) is said
    corvane = guide_of(blind_catalog("blind11"), "corvane-systems")
    assert next(r for r in corvane.regions if r.name == "Manchester").stock.per_year
    assert "Manchester: total comp: published £100K–£135K differs from its parts £100K–£130K" in [
        w.field + ": " + w.message for w in consistency_warnings(corvane, "corvane")
    ]


def test_a_note_under_the_table_replaces_the_one_cell_it_names(catalog):
    """`Note: Austin's bonus target is 8% of base (Texas entity), not the 10% shown in the row`: the row's 10% was
    shown, and the parts made with it ($247.5K–$300K) flagged against a total the guide made with 8% (the false
    flag). The note's figure is the band's, the row's kept beside with the note; Varnhollow's São Paulo PLR (R$ 60
    mil, "not the R$ 45 mil in the row") likewise."""
    austin = band_of(catalog, "quillmere-analytics", "Austin")
    assert austin.bonus.kind == "percent" and str(austin.bonus.percent) == "8%"
    assert austin.computed_total() == (244_000, 296_000)
    assert [(x.name, x.raw.split(" (")[0]) for x in austin.extras] == [("Bonus², as the row writes it", "10%")]
    assert _flagged(catalog, "quillmere-analytics") == [
        "negotiate-up strategy: grant: $360K over 4 years is $90K a year, but the script says $100K a year "
        "('$360K RSU grant over 4 years ($100K a year)')"
    ]
    sao_paulo = band_of(catalog, "varnhollow-pay", "São Paulo")
    assert sao_paulo.bonus.amount == money("R$60K")
    assert "R$ 45 mil (replaced by the note under the table" in reply(catalog, "varnhollow-pay backend são paulo")


def test_a_monthly_cell_in_local_habits_and_the_months_a_year_pays(catalog):
    """`22 000–28 000 zł/mies.` and `R$ 40–52 mil/mês` were kept as text ('mies.', 'm' not understood), and Warsaw's
    band had no currency. Warsaw's month is read (PLN), its year shown as twelve months of it, as the reply says;
    São Paulo's footnote ("yearly base is 13 monthly salaries") makes its year 13 months, said beside the figure,
    and its total (with the note's R$ 60 mil) is checked and agrees."""
    warsaw = band_of(catalog, "tessaloop", "Warsaw")
    assert warsaw.currency == "PLN" and warsaw.cell("base").per == "month"
    assert warsaw.cell("base").yearly() == (264_000, 336_000)
    assert "PLN 264K–PLN 336K a year: monthly × 12" in reply(catalog, "tessaloop designer warsaw")
    sao_paulo = band_of(catalog, "varnhollow-pay", "São Paulo")
    assert sao_paulo.base == money("R$520K–R$676K") and sao_paulo.cell("base").raw == "R$ 40–52 mil/mês"
    assert "R$520K–R$676K a year (R$ 40–52 mil/mês × 13" in reply(catalog, "varnhollow-pay backend são paulo")
    assert sao_paulo.computed_total() == (680_000, 896_000)


def test_percentile_columns_with_the_place_on_every_row(catalog):
    """`| Region | Component | P25 | P50 | P75 |` with `Denver HQ` written on each of its four rows: every row was a
    band of its own and the guide was left out ('a region appears twice'). The rows of one place make its band,
    P25 to P75, the median beside it."""
    guide = guide_of(catalog, "cindervane-labs")
    assert [r.name for r in guide.regions] == ["Denver HQ", "New York", "Remote (US)"]
    denver = band_of(catalog, "cindervane-labs", "Denver HQ")
    assert denver.base == money("$190K–$220K") and denver.total == money("$250K–$310K")
    assert denver.stock.value == money("$40K–$70K") and denver.stock.per_year
    assert denver.bonus.amount == money("$20K")
    assert ("Total Comp (P50)", "$280K") in [(x.name, x.raw) for x in denver.extras]
    remote = band_of(catalog, "cindervane-labs", "Remote (US)")
    assert remote.cell("base").as_text and remote.bonus.kind == "none" and remote.total == money("$215K–$275K")


def test_the_planted_inconsistencies_are_flagged(catalog):
    """The counter's "$360K RSU grant over 4 years ($100K a year)" (360 ÷ 4 is 90), Orrinfold's Manchester counter
    (a £100K grant and £130K total above Manchester's £80K and £125K tops; £130K is inside London's band), and
    Tessaloop's Berlin total (`c. 78k €–95k €` + 48k € ÷ 3 is 111k €, written 115k €, the base approximate and so
    never added up) went unsaid."""
    assert _flagged(catalog, "orrinfold-health") == [
        "negotiate-up strategy: target total: £130K is above Manchester's published total band £97K–£125K",
        "negotiate-up strategy: target grant: £100K is above Manchester's published grant band £40K–£80K",
    ]
    assert _flagged(catalog, "tessaloop") == [
        "Berlin: total comp: published €86K–€115K differs from its parts €86K–€111K (approximate, taken at face "
        "value: base c. 78k €–95k €)"
    ]
    assert "differs from its parts €86K–€111K" in reply(catalog, "tessaloop designer berlin")
    assert any("grant: $360K over 4 years is $90K a year" in flag for flag in _flagged(catalog, "quillmere-analytics"))
    assert all("over 3 years" in flag for flag in _flagged(catalog, "varnhollow-pay"))  # the footnote's 3 against 4


def test_equity_the_guide_says_a_place_has_none_of(catalog):
    """Warsaw's `n/a` under equity, with "Warsaw hires are on a local employment contract (umowa o pracę) without
    equity" under the table: shown as "not published". It is shown as written, with the guide's sentence."""
    text = reply(catalog, "tessaloop designer warsaw")
    assert "not published" not in text
    assert "n/a (“Warsaw hires are on a local employment contract (umowa o pracę) without equity”)" in text
    assert band_of(catalog, "tessaloop", "Warsaw").stock.value is None


def test_the_consistent_guides_are_not_flagged(catalog):
    """Brindlewick and Cindervane are fully consistent; their approximate parts (Tokyo's `approx. 200万–350万円`,
    Cindervane's `~$180K`) agree with their totals at face value."""
    assert _flagged(catalog, "brindlewick-robotics") == []
    assert _flagged(catalog, "cindervane-labs") == []
