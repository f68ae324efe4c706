"""Six guides written blind by someone who never saw the reader (a helper session given only the seed):
company first in the title, bands as bullet lists under a city, German column names and number forms,
lakh, a level-by-city grid of base pay with the other parts in a second table, a front matter of
`key: value` lines. Before the reader learnt these shapes, one of the six loaded (under a swapped name).
Every figure below was read off the fixture by hand, as was each inconsistency the guide must flag.
Fixtures: tests/guides/fixtures/blind/<company>/<role>.md."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from bot.guides.catalog import load_folders
from bot.guides.checks import consistency_warnings
from bot.guides.money import MoneyRange

BLIND = Path(__file__).parent / "fixtures" / "blind"


@pytest.fixture(scope="module")
def catalog():
    return load_folders([BLIND])


def _band(catalog, company: str, region: str, level: str | None = None):
    guide = next(g for g in catalog.guides if g.company.slug == company)
    return guide, next(r for r in guide.regions if r.name == region and (level is None or r.level == level))


def _range(money: MoneyRange | None) -> tuple[int, int, str] | None:
    return (money.low.amount, money.high.amount, money.low.currency) if money else None


def test_all_six_load_without_errors_under_their_own_names(catalog):
    assert catalog.report.errors == []
    names = {(g.company.name, g.role.title, g.role.level) for g in catalog.guides}
    assert names == {
        ("Brightwater Payments", "Senior Backend Engineer", None),
        ("Kestrel Mobility", "Senior Product Manager", None),
        ("Lumenfield", "Site Reliability Engineer", "IC2 / IC3 / IC4"),
        ("Koyal Health", "Backend Engineer", "SDE-2 / SDE-3"),
        ("Bluegum Logistics", "Senior Frontend Engineer", None),  # from `company:` / `role:`, not the short title
        ("Cobalt Harbor", "Senior Data Scientist", None),
    }


def test_bands_written_as_lists_under_a_city(catalog):
    _, london = _band(catalog, "brightwater-payments", "London (Shoreditch)")
    assert _range(london.base) == (95_000, 120_000, "GBP")
    assert _range(london.stock.value) == (40_000, 80_000, "GBP") and london.stock.vesting_years == 4  # "four years"
    assert london.bonus.percent.low == Decimal(10)
    assert _range(london.total) == (114_500, 152_000, "GBP")  # "All in, a typical year"
    _, manchester = _band(catalog, "brightwater-payments", "Manchester (Spinningfields)")
    assert _range(manchester.total) == (93_300, 122_800, "GBP")


def test_german_columns_and_number_forms(catalog):
    _, berlin = _band(catalog, "kestrel-mobility", "Berlin")
    assert _range(berlin.base) == (85_000, 105_000, "EUR")
    assert _range(berlin.stock.value) == (40_000, 80_000, "EUR") and berlin.stock.vesting_years == 4  # VSOP (4 Jahre)
    assert berlin.bonus.percent.low == Decimal("7.5")  # Variable Vergütung: "7,5 %"
    assert _range(berlin.total) == (101_375, 132_875, "EUR")  # Jahrespaket
    _, amsterdam = _band(catalog, "kestrel-mobility", "Amsterdam")
    assert _range(amsterdam.base) == (92_500, 116_000, "EUR") and amsterdam.bonus.percent.low == Decimal(8)


def test_a_grid_of_base_by_level_and_city_takes_the_parts_by_level_after_it(catalog):
    _, seattle = _band(catalog, "lumenfield", "Seattle", "IC3")
    assert _range(seattle.base) == (170_000, 200_000, "USD")  # base, as the grid's heading says, not a total
    assert seattle.total is None
    assert _range(seattle.stock.value) == (50_000, 50_000, "USD") and seattle.stock.per_year
    assert seattle.bonus.percent.low == Decimal(12)
    assert _range(seattle.sign_on) == (20_000, 20_000, "USD")
    _, remote = _band(catalog, "lumenfield", "Remote (US)", "IC4")
    assert _range(remote.base) == (178_000, 212_000, "USD") and _range(remote.stock.value)[0] == 90_000


def test_city_then_level_rows_in_lakh_with_the_ctc_flagged(catalog):
    guide, bengaluru = _band(catalog, "koyal-health", "Bengaluru", "SDE-2")
    assert _range(bengaluru.base) == (2_800_000, 3_500_000, "INR")  # "28–35 lakh"
    assert _range(bengaluru.stock.value) == (2_400_000, 2_400_000, "INR") and bengaluru.stock.vesting_years == 4
    assert bengaluru.bonus.percent.low == Decimal(10)  # Variable: "10% of fixed"
    assert _range(bengaluru.total) == (3_800_000, 4_700_000, "INR")  # CTC, as published
    _, hyderabad = _band(catalog, "koyal-health", "Hyderabad", "SDE-3")
    assert _range(hyderabad.base) == (3_800_000, 5_000_000, "INR")


def test_a_front_matter_and_figures_read_as_written(catalog):
    _, sydney = _band(catalog, "bluegum-logistics", "Syd")
    assert _range(sydney.base) == (165_000, 190_000, "AUD")  # "+ super" kept beside it
    assert _range(sydney.stock.value) == (60_000, 100_000, "AUD") and sydney.stock.vesting_years == 4
    assert sydney.bonus.kind == "none"
    assert sydney.total is None  # "~A$200k–A$238k": approximate, kept as written
    assert any(cell.kind == "total" and cell.raw.startswith("~A$200k") for cell in sydney.cells)


def test_planted_inconsistencies_are_flagged_not_fixed(catalog):
    _, chicago = _band(catalog, "cobalt-harbor", "Chicago")
    assert chicago.base is None  # "$165K–$150K": kept as written, never turned round
    assert any(cell.kind == "base" and cell.raw == "$165K–$150K" for cell in chicago.cells)
    guide, new_york = _band(catalog, "cobalt-harbor", "New York (HQ)")
    assert _range(new_york.total) == (245_000, 320_000, "USD")  # as published
    warnings = [str(w) for w in catalog.report.warnings if "cobalt-harbor" in w.file]
    assert any("Chicago" in w and "low $165K exceeds high $150K" in w for w in warnings)
    checked = [str(w) for w in consistency_warnings(guide, "cobalt")]
    assert any("New York (HQ): total comp" in w and "$232.5K–$291K" in w for w in checked)


def test_a_company_by_its_first_word_and_a_role_without_its_head_noun(catalog):
    from bot.guides.resolve import Resolver

    resolver = Resolver(catalog)
    kestrel = resolver.resolve("kestrel pm berlin")
    assert kestrel.kind == "band" and kestrel.guide.company.slug == "kestrel-mobility"
    assert kestrel.region.name == "Berlin"
    koyal = resolver.resolve("koyal backend sde-3 hyderabad")
    assert koyal.guide.company.slug == "koyal-health"
    assert (koyal.region.level, koyal.region.name) == ("SDE-3", "Hyderabad")
    assert resolver.resolve("kestrelzz pm berlin").kind == "company_unknown"


def test_sections_no_reader_takes_apart_are_kept_as_written_with_their_kind(catalog):
    guide, _ = _band(catalog, "lumenfield", "Seattle", "IC3")
    kinds = {text.title: text.kind for text in guide.kept}
    assert kinds["Email template"] == "email"
    assert kinds["Recruiter call talking points"] == "phone"
    assert kinds["Handling pushback"] == "pushback"
    assert kinds["Refresh & 4-year grant note"] == "notes"
    email = next(text for text in guide.kept if text.title == "Email template")
    assert email.text.startswith("Hi Marcus,\n\nThanks again for the IC3 offer")  # its lines as written
    assert "a base of $198K, RSUs of $70K per year, and a $20K sign-on" in email.text
    # figures the reader did not read are kept word for word: Seattle's totals, stated nowhere else
    notes = next(text for text in guide.kept if text.title.startswith("Seattle total comp at target bonus")).text
    assert "• IC3: ~$240K–$274K" in notes  # under its bold line, a heading of its own
    assert guide.level_mapping[1] == "IC3 = Google L4 / Amazon SDE II = 3–6 yrs"  # the `Level guide` table
    assert all("6-month level review" not in row for row in guide.level_mapping)  # a pushback answer is no mapping
    cobalt, _ = _band(catalog, "cobalt-harbor", "Chicago")
    assert [(t.kind, t.title) for t in cobalt.scripts] == [
        ("email", "By email"),
        ("phone", "On the phone"),
        ("pushback", "When They Push Back"),
    ]


def test_levers_written_as_bold_led_paragraphs_or_plain_items(catalog):
    brightwater, _ = _band(catalog, "brightwater-payments", "London (Shoreditch)")
    assert [lever.title for lever in brightwater.levers] == [
        "Base, within the band",
        "Payments domain expertise",
        "The EMI option grant",
        "A golden hello",
        "Location banding (Manchester only)",
        "A competing offer",
    ]
    assert "Where you actually have room" not in [text.title for text in brightwater.kept]  # read, not kept
    bluegum, _ = _band(catalog, "bluegum-logistics", "Syd")
    assert ("Sign-on", "up to A$10k if you're forfeiting a bonus") in [(lv.title, lv.script) for lv in bluegum.levers]


def test_the_answer_shows_the_guides_own_script_and_names_the_rest(catalog):
    from bot.answers import Answers

    answers = Answers.load([BLIND])
    whole = "\n".join(m.text for m in answers.comp("lumenfield sre ic3 seattle"))
    assert "*Email template* _(the guide's own words, as written)_" in whole  # no counter script of its own
    assert "_Also in this guide, as written:_" in whole and "Handling pushback" in whole
    scripts = "\n".join(m.text for m in answers.comp("lumenfield sre script"))
    assert "*Handling pushback*" in scripts and "*Recruiter call talking points*" in scripts
    assert "has no counter script" not in scripts
    notes = "\n".join(m.text for m in answers.comp("lumenfield sre notes"))
    assert "• IC3: ~$240K–$274K" in notes and "Email template" not in notes


# --- the second blind set, written after the reader learnt the first (2 of 6 loaded when first scored) ----

BLIND2 = Path(__file__).parent / "fixtures" / "blind2"


@pytest.fixture(scope="module")
def second():
    return load_folders([BLIND2])


def test_the_second_set_loads_whole_with_every_figure_as_written(second):
    assert second.report.errors == []
    assert len(second.guides) == 6

    _, zurich = _band(second, "alpenrand-analytics", "Zürich")  # components as rows, CHF 140'000
    assert (_range(zurich.base), _range(zurich.total)) == ((140_000, 165_000, "CHF"), (164_000, 209_750, "CHF"))
    _, singapore = _band(second, "tidewell-robotics", "Singapore")  # setext headings, a share count
    assert _range(singapore.base) == (150_000, 185_000, "SGD") and singapore.stock.shares == (6_000, 10_000)
    assert "@ S$25.00 per share" in singapore.stock.note and _range(singapore.total_year1)[:2] == (202_500, 277_500)
    _, montreal = _band(second, "northpine-financial", "Montreal")  # numbered sentences, `$... CAD`
    assert _range(montreal.base) == (135_000, 158_000, "CAD") and montreal.currency == "CAD"
    assert _range(montreal.stock.value) == (64_000, 100_000, "CAD") and montreal.stock.vesting_years == 4
    assert montreal.bonus.percent.low == Decimal(10) and _range(montreal.total) == (164_500, 198_800, "CAD")
    _, l5 = _band(second, "ferrowave", "New York", "L5")  # a table per level heading
    assert (_range(l5.base), _range(l5.total)) == ((195_000, 225_000, "USD"), (303_000, 382_000, "USD"))
    guide, lyon = _band(second, "celeste-logiciels", "Lyon")  # French columns and numbers
    assert guide.role.title == "Ingénieur·e DevOps / SRE" and guide.role.level == "confirmé·e"
    assert _range(lyon.base) == (55_000, 68_000, "EUR") and lyon.stock.per_year
    assert (lyon.bonus.percent.low, lyon.bonus.percent.high) == (Decimal(8), Decimal(12))


def test_levels_without_a_region_take_the_titles_place_and_the_yearly_base(second):
    guide, m3 = _band(second, "harrowgate-bank", "London", "M3 – Director of Engineering")
    assert guide.role.title == "Engineering Manager" and guide.role.level is None  # `(London)` is a place
    assert _range(m3.base) == (126_000, 126_000, "GBP")  # `Base (annual)`, not the monthly £10,500
    assert [(e.name, e.raw) for e in m3.extras] == [("Base (monthly)", "£10,500/month")]
    _, m1 = _band(second, "harrowgate-bank", "London", "M1 – Engineering Manager")
    assert _range(m1.base) == (90_000, 90_000, "GBP")  # `£90,000¹`: the footnote mark is no part of it
    flagged = [str(w) for w in consistency_warnings(guide, "harrowgate")]
    assert any("M3" in w and "£186.2K" in w and "£196.2K" in w for w in flagged)  # the planted error
    assert not any("M1" in w or "M2" in w for w in flagged)


def test_the_second_sets_levers_and_scripts(second):
    counts = {g.company.slug: len(g.levers) for g in second.guides}
    assert counts == {
        "alpenrand-analytics": 6,
        "celeste-logiciels": 6,
        "ferrowave": 5,
        "harrowgate-bank": 6,
        "northpine-financial": 7,
        "tidewell-robotics": 6,
    }
    kinds = {g.company.slug: sorted(t.kind for t in g.scripts) for g in second.guides}
    assert kinds["ferrowave"] == ["phone", "pushback"] and kinds["celeste-logiciels"] == ["pushback", "script"]
    assert kinds["alpenrand-analytics"] == ["email", "pushback"]


# --- the third blind set (4 of 6 loaded when first scored) --------------------------------------------

BLIND3 = Path(__file__).parent / "fixtures" / "blind3"


@pytest.fixture(scope="module")
def third():
    return load_folders([BLIND3])


def test_the_third_set_loads_whole_with_every_figure_as_written(third):
    assert third.report.errors == []
    guide, new_york = _band(third, "larkspur-analytics", "New York")  # fenced front matter, `Base / Bonus`
    assert (guide.company.name, guide.role.title) == ("Larkspur Analytics", "Senior Data Engineer")
    assert _range(new_york.base) == (180_000, 210_000, "USD") and new_york.bonus.percent.low == Decimal(10)
    _, tokyo = _band(third, "hoshizora-pay", "Tokyo", "G3")  # `660万〜840万円`
    assert _range(tokyo.base) == (6_600_000, 8_400_000, "JPY") and _range(tokyo.total) == (8_200_000, 10_300_000, "JPY")
    assert any(cell.kind == "bonus" and cell.raw == "2 months" for cell in tokyo.cells)  # kept as written
    _, stockholm = _band(third, "tallbo-health", "Stockholm", "Senior")  # an HTML table with rowspan, `kr/mån`
    assert stockholm.currency == "SEK" and stockholm.base is None  # a monthly figure is shown, not slotted as yearly
    base = next(cell for cell in stockholm.cells if cell.kind == "base")
    assert (base.figure.low.amount, base.figure.high.amount, base.per) == (55_000, 64_000, "month")
    _, copenhagen = _band(third, "tallbo-health", "Copenhagen", "Lead")
    assert copenhagen.currency == "DKK" and _range(copenhagen.total) == (805_000, 901_000, "DKK")
    guide, staff = _band(third, "marlowe-and-finch", "Amsterdam", "Staff Security Engineer")
    assert guide.company.name == "Marlowe & Finch" and _range(staff.base) == (112_000, 135_000, "EUR")
    _, atlanta = _band(third, "brightline-freight", "Atlanta (new office)")
    assert atlanta.base is None and any(cell.kind == "base" and cell.raw == "TBD" for cell in atlanta.cells)


def test_the_third_sets_planted_inconsistencies_are_flagged(third):
    _, austin = _band(third, "ferrowave-semiconductors", "Austin")
    e4 = next(level for level in austin.levels if level.level == "E4")
    assert e4.total is None and e4.raw == "$281K–$248K"  # low above high: kept as written
    guide, denver = _band(third, "brightline-freight", "Denver")
    flagged = [str(w) for w in consistency_warnings(guide, "brightline")]
    assert any("Denver" in w and "$245K–$295K" in w and "$190K–$235K" in w for w in flagged)


def test_levers_led_by_italics_and_headings_in_bold_alone(third):
    guide, _ = _band(third, "hoshizora-pay", "Tokyo", "G3")
    assert [lever.title for lever in guide.levers][:3] == [
        "Grade placement (等級)",
        "Previous salary anchor (前職年収)",
        "Sign-on payment (入社一時金)",
    ]
    # the counter script under its bold label is the guide's strategy (blind14's cause 1), shown once, not kept too
    assert guide.negotiate_up.quote.startswith("Thank you very much for the offer.")
    assert (
        guide.negotiate_up.commentary
        == "Keep it polite and concrete. Give one number, explain why, and offer one alternative."
    )
    assert [(t.kind, t.title) for t in guide.scripts] == [("pushback", "Common pushback")]
