"""Every cell and table form the reader accepts beyond the plain range, one test each,
figures asserted exactly. Fixtures: tests/guides/fixtures/forms/<company>/<role>.md."""

from __future__ import annotations

from pathlib import Path

from bot.guides.markdown import read_guide_file
from bot.guides.model import Guide, RegionBand
from bot.guides.money import MoneyRange

FORMS = Path(__file__).parent / "fixtures" / "forms"


def read(company: str, role: str = "software-engineer") -> Guide:
    result = read_guide_file(FORMS / company / f"{role}.md", FORMS)
    assert result.errors == []
    assert result.guide is not None
    return result.guide


def band(low: int, high: int, currency: str = "USD") -> MoneyRange:
    return MoneyRange.of(low, high, currency)


def region(guide: Guide, name: str, level: str | None = None) -> RegionBand:
    return next(r for r in guide.regions if r.name == name and r.level == level)


def test_levels_and_regions_as_the_first_two_columns_give_one_band_per_level_and_region():
    guide = read("levelco")
    assert [(r.level, r.name, r.currency) for r in guide.regions] == [
        ("L4 SDE I", "Seattle", "USD"),
        ("L5 SDE II", "Seattle", "USD"),
        ("L5 SDE II", "London", "GBP"),
    ]
    l5 = region(guide, "Seattle", "L5 SDE II")
    assert l5.base == band(140_000, 180_000)
    assert l5.stock.value == band(120_000, 240_000) and l5.stock.vesting_years == 4
    assert l5.total == band(190_000, 260_000)
    assert l5.levels == []
    assert region(guide, "London", "L5 SDE II").base == band(80_000, 100_000, "GBP")


def lines(region_band: RegionBand) -> str:
    from bot.render.replies import region_view
    from bot.render.templates import render

    return render("_band_lines.j2", region=region_band, view=region_view(region_band))


AS_WRITTEN = "_(as the guide wrote it, not computed with)_"


# --- two currencies in one cell ----------------------------------------------------------------


def test_two_currencies_in_one_cell_the_first_is_the_figure_the_second_its_conversion():
    guide = read("convert")
    berlin = region(guide, "Berlin")
    assert (berlin.currency, berlin.base, berlin.total) == (
        "EUR",
        band(140_000, 195_000, "EUR"),
        band(170_000, 245_000, "EUR"),
    )
    assert berlin.cell("base").conversion == band(153_000, 213_000)
    assert berlin.cell("total").conversion == band(186_000, 268_000)
    dubai = region(guide, "Dubai")
    assert (dubai.currency, dubai.base) == ("AED", band(300_000, 420_000, "AED"))
    assert dubai.cell("base").conversion == band(82_000, 114_000)
    assert region(guide, "Remote US").cell("base").conversion == band(138_000, 184_000, "EUR")  # `(≈ €138K–€184K)`
    shown = lines(berlin)
    assert "• *Base salary:* €140K–€195K ≈ $153K–$213K" in shown
    assert "• *Total comp:* €170K–€245K ≈ $186K–$268K" in shown
    # The conversion is shown, never computed with: the parts add up in euros.
    assert berlin.computed_total() == (140_000 + 20_000 + 14_000, 195_000 + 40_000 + 19_500)


# --- words after the amount ----------------------------------------------------------------------


def test_grant_years_written_after_the_amount():
    seattle = region(read("words"), "Seattle")
    assert (seattle.stock.value, seattle.stock.vesting_years, seattle.stock.per_year) == (
        band(100_000, 220_000),
        4,
        False,
    )
    assert "• *Stock (Stock, vesting over 4 years):* $100K–$220K _($25K–$55K a year = grant ÷ 4)_" in lines(seattle)


def test_a_yearly_figure_in_a_stock_column_is_a_yearly_figure_not_a_grant():
    austin = region(read("words"), "Austin")
    assert (austin.stock.value, austin.stock.vesting_years, austin.stock.per_year) == (band(25_000, 55_000), 1, True)
    shown = lines(austin)
    assert "• *Stock (Stock):* $25K–$55K a year\n" in shown
    assert "grant ÷" not in shown


def test_an_open_top_is_kept_and_never_summed():
    seattle = region(read("words"), "Seattle")
    assert seattle.total == band(124_000, 322_000) and seattle.cell("total").open_top
    assert "• *Total comp:* $124K–$322K+ (and up)" in lines(seattle)
    austin = region(read("words"), "Austin")
    assert austin.bonus.kind == "amount" and austin.bonus.amount == band(65_000, 140_000)
    assert austin.cell("bonus").open_top and austin.cell("bonus").words == "profit sharing"
    assert austin.computed_total() is None  # an open-topped part: no sum to state
    assert "• *Bonus:* $65K–$140K+ (and up) profit sharing" in lines(austin)


def test_a_sign_on_amount_in_a_bonus_column_is_a_sign_on_not_a_yearly_bonus():
    seattle = region(read("words"), "Seattle")
    assert seattle.sign_on == band(15_000, 30_000)
    assert (seattle.bonus.kind, seattle.bonus.raw) == ("text", "$15K–$30K sign-on")
    assert seattle.computed_total() is None
    shown = lines(seattle)
    assert "• *Sign-on:* $15K–$30K sign-on" in shown
    assert "• *Bonus:* none published (the bonus column gives the sign-on below)" in shown


def test_words_naming_the_figure_are_kept_beside_it():
    guide = read("words")
    new_york = region(guide, "New York")
    assert new_york.stock.value == band(100_000, 200_000) and new_york.cell("stock").words == "PD RSUs"
    assert "$100K–$200K PD RSUs" in lines(new_york)
    taipei = region(guide, "Taipei")
    assert taipei.base == band(2_800_000, 4_000_000, "TWD") and taipei.cell("base").words == "equivalent"
    assert "• *Base salary:* NT$2.8M–NT$4M equivalent" in lines(taipei)


def test_a_monthly_figure_says_so_and_is_annualized_visibly():
    stockholm = region(read("words"), "Stockholm")
    cell = stockholm.cell("base")
    assert stockholm.base is None  # never taken for a yearly base
    assert (cell.figure, cell.per) == (band(64_000, 80_000, "SEK"), "month")
    assert "• *Base salary:* SEK 64K–SEK 80K a month _(= SEK 768K–SEK 960K a year: monthly × 12)_" in lines(stockholm)


# --- words instead of amounts ------------------------------------------------------------------------


def test_words_instead_of_amounts_are_shown_as_written_and_warned_about_at_their_line():
    result = read_guide_file(FORMS / "instead" / "software-engineer.md", FORMS)
    remote = region(result.guide, "Remote US")
    assert (remote.bonus.kind, remote.bonus.raw) == ("text", "Discretionary")
    assert (remote.stock.value, remote.stock.note) == (None, "Choose Your Mix")
    assert remote.computed_total() is None
    london = region(result.guide, "London")
    assert london.stock.note == "Equity profit-sharing" and london.base == band(90_000, 120_000, "GBP")
    shown = lines(remote)
    assert f"• *Stock (Equity):* Choose Your Mix {AS_WRITTEN}" in shown
    assert f"• *Bonus:* Discretionary {AS_WRITTEN}" in shown
    warned = {(w.line, w.field) for w in result.warnings}
    assert {(5, "Remote US: Equity"), (5, "Remote US: Bonus"), (6, "London: Equity")} <= warned


# --- a cell in another currency than its region's ----------------------------------------------------


def test_each_cell_keeps_its_own_currency_and_a_range_across_two_is_kept_as_text():
    result = read_guide_file(FORMS / "mixed" / "software-engineer.md", FORMS)
    london = region(result.guide, "London")
    assert london.currency == "GBP" and london.base == band(150_000, 200_000, "USD")
    assert london.computed_total() is None  # dollars and pounds are never added
    assert "• *Base salary:* $150K–$200K" in lines(london)
    zurich = region(result.guide, "Zurich")
    assert zurich.base is None and zurich.cell("base").raw == "CHF 140,000–$160,000"
    assert f"• *Base salary:* CHF 140,000–$160,000 {AS_WRITTEN}" in lines(zurich)
    assert any(w.line == 6 and "mixes currencies CHF and USD" in w.message for w in result.warnings)


# --- any ISO 4217 currency and prefix forms ---------------------------------------------------------------


def test_any_iso_currency_and_the_prefix_forms_guides_write():
    result = read_guide_file(FORMS / "exotic" / "software-engineer.md", FORMS)
    guide = result.guide
    assert region(guide, "Montevideo").base == band(1_800_000, 2_400_000, "UYU")
    assert region(guide, "Montevideo").total == band(2_000_000, 2_900_000, "UYU")  # a trailing code
    assert region(guide, "Stockholm").base == band(565_000, 700_000, "SEK")  # `kr` in Stockholm
    assert region(guide, "Copenhagen").base == band(700_000, 900_000, "DKK")  # `kr` in Copenhagen
    assert region(guide, "Jakarta").base == band(900_000_000, 1_200_000_000, "IDR")
    assert region(guide, "São Paulo").base == band(250_000, 340_000, "BRL")
    lisbon = region(guide, "Lisbon")  # `kr` where the region does not tell which krona: kept as text
    assert lisbon.base is None and lisbon.cell("base").raw == "kr50,000"
    assert any(w.line == 10 and "may be SEK, NOK, DKK or ISK" in w.message for w in result.warnings)


# --- column kinds by their head noun -----------------------------------------------------------------------


def test_column_kinds_by_their_head_noun():
    from bot.guides.markdown.columns import column_kind

    assert column_kind("Fidelity Profit-Based RSU") == "stock"
    assert column_kind("Stock/Bonus") == "combined"
    assert column_kind("Total Comp (Yr 1)") == "total_year1"
    assert column_kind("Base Salary") == "base"
    assert column_kind("Signing Bonus") == "sign_on"
    assert column_kind("Target Bonus") == "bonus"
    boston = region(read("heads"), "Boston")
    assert boston.base == band(130_000, 170_000)  # not the RSU column
    assert (boston.stock.kind, boston.stock.value) == ("Fidelity Profit-Based RSU", band(20_000, 40_000))
    assert (boston.total, boston.total_year1) == (None, band(160_000, 230_000))
    assert [(e.name, e.value) for e in boston.extras] == [("Stock/Bonus", band(25_000, 50_000))]
    shown = lines(boston)
    assert "• *Total comp, year 1:* $160K–$230K" in shown and "• *Stock/Bonus:* $25K–$50K" in shown


# --- files that are not guides -----------------------------------------------------------------------------


def test_a_file_that_is_no_guide_is_skipped_with_a_note_not_a_failure(tmp_path):
    import io

    from bot.guides.importer import check_guides, import_guides

    result = read_guide_file(FORMS / "dossier" / "company-overview.md", FORMS)
    assert result.guide is None and result.errors == []
    assert [w.is_note for w in result.warnings] == [True]
    summary = import_guides([FORMS], tmp_path / "out", stream=io.StringIO())
    assert (summary.failed, summary.skipped, summary.imported) == (0, 1, summary.files - 1)
    out = io.StringIO()
    checked = check_guides([FORMS], out)
    assert (checked.errors, checked.skipped) == (0, 1)
    assert f"note: {FORMS}/dossier/company-overview.md: not a guide: " in out.getvalue()


def test_strict_check_turns_every_warning_into_an_error():
    import io

    from bot.guides.importer import check_guides

    out = io.StringIO()
    relaxed = check_guides([FORMS / "instead"], out)
    strict = check_guides([FORMS / "instead"], io.StringIO(), strict=True)
    assert (relaxed.errors, relaxed.valid) == (0, 1)
    assert strict.errors == relaxed.warnings and (strict.valid, strict.warnings) == (0, 0)
    assert f"warning: {FORMS}/instead/software-engineer.md:5: Remote US: Bonus: kept as written" in out.getvalue()


def test_an_offer_is_compared_only_with_figures_in_the_regions_own_currency():
    from bot.offers.form import bands_for

    london = region(read_guide_file(FORMS / "mixed" / "software-engineer.md", FORMS).guide, "London")
    assert london.base == band(150_000, 200_000)  # shown in dollars, as written
    own = london.in_own_currency()
    assert own.base is None and own.total == band(110_000, 160_000, "GBP")
    assert bands_for(london)["base"] is None
    plain = region(read("levelco"), "Seattle", "L5 SDE II")
    assert plain.in_own_currency() is plain


def test_components_as_rows_read_every_cell_form():
    result = read_guide_file(FORMS / "layouts" / "software-engineer.md", FORMS)
    berlin, remote = region(result.guide, "Berlin"), region(result.guide, "Remote US")
    assert berlin.base == band(90_000, 120_000, "EUR") and berlin.cell("base").conversion == band(98_000, 131_000)
    assert (berlin.bonus.kind, berlin.bonus.raw) == ("text", "Discretionary")
    assert berlin.total == band(100_000, 140_000, "EUR") and berlin.cell("total").open_top
    assert (remote.stock.value, remote.stock.vesting_years) == (band(100_000, 220_000), 4)
    assert any(w.line == 6 and w.field == "Berlin: Annual Bonus" for w in result.warnings)


def test_levels_as_rows_keep_a_cell_that_is_no_figure_as_written():
    result = read_guide_file(FORMS / "levelcols" / "software-engineer.md", FORMS)
    sunnyvale, london = region(result.guide, "Sunnyvale"), region(result.guide, "London")
    assert [(lv.level, lv.total, lv.raw) for lv in sunnyvale.levels] == [
        ("L4", band(180_000, 240_000), None),
        ("L5", band(250_000, 350_000), "$250K–$350K+"),
    ]
    assert [(lv.level, lv.total, lv.raw) for lv in london.levels] == [
        ("L4", band(90_000, 120_000, "GBP"), None),
        ("L5", None, "Choose Your Mix"),
    ]
    assert f"• *L5:* Choose Your Mix {AS_WRITTEN} total" in lines(london)
    assert any(w.line == 6 and w.field == "London: L5" for w in result.warnings)


def test_a_row_that_stops_early_reads_its_missing_cells_as_blank():
    result = read_guide_file(FORMS / "short" / "software-engineer.md", FORMS)
    berlin = region(result.guide, "Berlin")
    assert (berlin.base, berlin.total, berlin.stock.value) == (band(90_000, 120_000, "EUR"), None, None)
    assert any(w.line == 5 and "the rest read as blank" in w.message for w in result.warnings)


def test_a_second_column_of_a_kind_the_band_has_is_kept_beside_it(tmp_path):
    from bot.guides.markdown import read_guide

    text = (
        "# Software Engineer | Twice Global Negotiation Guide\n\n"
        "| Region | Base Salary | Bonus | Retention Bonus | Total Comp |\n"
        "|---|---|---|---|---|\n"
        "| Remote US | $150K–$200K | 10% | $20K–$40K | $180K–$260K |\n"
    )
    guide = read_guide(text).guide
    remote = guide.regions[0]
    assert remote.bonus.percent is not None and remote.bonus.amount is None
    assert [(e.name, e.raw, e.value) for e in remote.extras] == [("Retention Bonus", "$20K–$40K", band(20_000, 40_000))]


def test_a_table_without_a_bonus_column_publishes_no_bonus_and_never_says_none():
    boston = region(read("heads"), "Boston")
    assert boston.bonus.kind == "none" and not boston.bonus.published
    assert "• *Bonus:* not published" in lines(boston)
    stated = region(read("words"), "Taipei")  # the guide writes `—` in its bonus column
    assert stated.bonus.published
    assert "• *Bonus:* none" in lines(stated)


def test_a_second_table_of_figures_no_reader_takes_is_kept_as_written_and_said():
    """A guide's later table of figures after the one read (a second studio's table under its own heading,
    here `| Region | Base Salary | Total Comp |` after the levels table) had been dropped without a word:
    every band table's lines counted as read. It is kept as written and warned about at its line."""
    result = read_guide_file(FORMS / "levelcols" / "software-engineer.md", FORMS)
    assert {r.name for r in result.guide.regions} == {"Sunnyvale", "London"}
    assert any(w.line == 8 and w.field == "band table" and "not read" in w.message for w in result.warnings)
    assert any("| Ignored | $1 | $1 |" in kept.text or "Ignored | $1 | $1" in kept.text for kept in result.guide.kept)


SPLIT = """# Site Reliability Engineer | Harbor Lane Global Negotiation Guide

### Compensation

All figures CAD, annual unless noted.

| Region | Base salary | | RSUs (4-yr total) | | Bonus |
|---|---|---|---|---|---|
| | low | high | low | high | target |
| Toronto | 128,000 | 152,000 | 60,000 | 100,000 | 8% |
| Dublin | €82,000 | €98,000 | €35,000 | €60,000 | 10% |
"""


def test_a_merged_header_over_low_and_high_columns_and_a_currency_said_once_above_the_table(tmp_path):
    """Blind5's Lumen Ferry came out as a band with no name ('low', 'high', 'target') and unlabelled figures
    ('• *:* 152,000'), every figure kept as text: the header's blank cells were columns of their own and 'All
    figures CAD' was not read. Now each pair is one range and the stated currency is the rows' own; a row written
    in another currency keeps it and is flagged, never converted."""
    path = tmp_path / "harbor-lane" / "site-reliability-engineer.md"
    path.parent.mkdir()
    path.write_text(SPLIT, encoding="utf-8")
    result = read_guide_file(path, tmp_path)
    assert [r.name for r in result.guide.regions] == ["Toronto", "Dublin"]
    toronto, dublin = result.guide.regions
    assert (toronto.base, toronto.stock.value) == (band(128_000, 152_000, "CAD"), band(60_000, 100_000, "CAD"))
    assert dublin.base == band(82_000, 98_000, "EUR")
    assert any(w.field == "Dublin: currency" and "CAD" in w.message and "EUR" in w.message for w in result.warnings)
    scaled = SPLIT.replace("All figures CAD, annual unless noted.", "All figures CAD, in thousands.")
    path.write_text(scaled, encoding="utf-8")
    assert read_guide_file(path, tmp_path).guide.regions[0].base is None  # a scale is never multiplied in


STUDIOS = """# Gameplay Engineer | Kiso Games Global Negotiation Guide

> **Tokyo studio (JPY)**
>
> | Component | Senior | Staff |
> |---|---|---|
> | Base salary | ¥9,500,000–¥12,000,000 | ¥13,000,000–¥16,500,000 |
> | Sign-on | none | ¥2,000,000 |

> **Osaka studio (JPY)**
>
> | Component | Senior | Staff |
> |---|---|---|
> | Base salary | ¥8,800,000–¥11,000,000 | ¥12,000,000–¥15,000,000 |
"""


def test_a_table_of_levels_per_place_gives_each_level_in_the_place_said_above_it(tmp_path):
    """Blind5's Mizuchi: one `| Component | Senior | Staff |` table per studio, each under a bold line naming it.
    The first table's levels had been read as two regions named Senior and Staff, and the second dropped."""
    path = tmp_path / "kiso-games" / "gameplay-engineer.md"
    path.parent.mkdir()
    path.write_text(STUDIOS, encoding="utf-8")
    guide = read_guide_file(path, tmp_path).guide
    assert [(r.name, r.level) for r in guide.regions] == [
        ("Tokyo studio", "Senior"),
        ("Tokyo studio", "Staff"),
        ("Osaka studio", "Senior"),
        ("Osaka studio", "Staff"),
    ]
    assert guide.regions[3].base == band(12_000_000, 15_000_000, "JPY")
    assert "osaka" in guide.regions[3].aliases  # "studio" is no part of the place's name as typed


BLIND5 = Path(__file__).parent / "fixtures" / "blind5"


def test_a_range_column_beside_a_median_gives_the_band_and_a_median_outside_it_is_flagged_in_the_reply():
    """Blind5's Quillfeather: `| Where | What | Median | Range around it |`, a part per row under its place, was
    reported as a header not recognised and the guide not loaded. The range is each part's band, the median is
    kept beside it, and Bengaluru's RSU median (₹34 L) outside its range (₹18 L–₹30 L) is flagged, in `guides
    check` and in the band's reply, both figures as written. Its checklist levers (`- [ ] **Title** — ...`) lose
    their boxes; the rand (`R1.2m`) is ZAR; `S$0–S$50,000` starts at nothing."""
    from bot.answers import Answers
    from bot.guides.catalog import load_folders

    result = read_guide_file(BLIND5 / "quillfeather" / "engineering-manager.md", BLIND5)
    guide = result.guide
    assert [r.name for r in guide.regions] == ["Singapore", "Bengaluru", "Johannesburg"]
    singapore, bengaluru, johannesburg = guide.regions
    assert singapore.base == band(228_000, 285_000, "SGD") and singapore.sign_on == band(0, 50_000, "SGD")
    assert bengaluru.base == band(6_500_000, 9_200_000, "INR")
    assert johannesburg.base == band(1_200_000, 1_700_000, "ZAR")
    assert "Base (median)" in [extra.name for extra in bengaluru.extras]
    assert bengaluru.flags == ["RSUs per year (4-yr vest): the median (₹34 L) is outside its range (₹18 L–₹30 L): "
                               "both kept as written"]  # fmt: skip
    assert singapore.flags == [] and johannesburg.flags == []
    assert [lever.title for lever in guide.levers][:2] == ["Team size and scope", "Hiring budget"]
    reply = "\n".join(m.text for m in Answers(load_folders([BLIND5])).comp("quillfeather bengaluru"))
    assert ":warning: Bengaluru: the guide disagrees with itself on RSUs per year (4-yr vest): the median" in reply


def test_a_levers_heading_in_plain_words():
    """Blind5's Kestrel: `## What actually moves` over a bold-led list was read as no levers at all."""
    guide = read_guide_file(BLIND5 / "kestrel-robotics" / "enterprise-account-executive.md", BLIND5).guide
    assert [lever.title for lever in guide.levers] == [
        "Ramp and draw", "Territory", "Accelerator rate", "Walk-away commission", "Equity",
    ]  # fmt: skip


def test_a_currency_said_of_one_place_is_no_currency_for_every_figure(tmp_path):
    """Blind9's Kintaro: 'Singapore figures are in SGD' above the table was read as every figure's currency, and the
    Tokyo and Osaka rows in yen were flagged as against it. Only 'all figures ...' or a sentence opening with
    'Figures are in ...' says it of every figure."""
    text = SPLIT.replace("All figures CAD, annual unless noted.", "Dublin figures are in EUR; Toronto's in CAD.")
    path = tmp_path / "harbor-lane" / "site-reliability-engineer.md"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    result = read_guide_file(path, tmp_path)
    assert not any("the guide says its figures are in" in w.message for w in result.warnings)
    assert all(not region.flags for region in result.guide.regions)


LOW_HIGH = """# Pricing Analyst | Fenwick Lane Global Negotiation Guide

## Sydney

| Component | Low | High |
|---|---|---|
| Base salary | 128,000 AUD | 152,000 AUD |
| ¹ STI is paid each September. | | |
| Sign-on | about 5,000 AUD | 10,000 AUD |
"""


def test_a_low_high_table_keeps_each_rows_own_line_past_a_footnote_row(tmp_path):
    """The footnote row left out of a `Component | Low | High` table had shifted every later row's line by one: the
    sign-on kept as written was warned about at the footnote's line (8), not its own (9)."""
    path = tmp_path / "fenwick-lane" / "pricing-analyst.md"
    path.parent.mkdir()
    path.write_text(LOW_HIGH, encoding="utf-8")
    result = read_guide_file(path, tmp_path)
    assert result.guide.regions[0].base == band(128_000, 152_000, "AUD")
    assert [w.line for w in result.warnings if w.field.endswith("Sign-on")] == [9]
