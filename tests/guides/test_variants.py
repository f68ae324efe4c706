"""Every variant of the Markdown guide format, read from a real guide file each, figures
asserted exactly. The fixtures live in tests/guides/fixtures/{variants,broken}/<company>/<role>.md."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from bot.guides.catalog import load_folders
from bot.guides.markdown import read_guide_file
from bot.guides.model import Guide, RegionBand
from bot.guides.money import Money, MoneyRange

FIXTURES = Path(__file__).parent / "fixtures"
VARIANTS = FIXTURES / "variants"
BROKEN = FIXTURES / "broken"


def read(company: str, role: str) -> Guide:
    result = read_guide_file(VARIANTS / company / f"{role}.md", VARIANTS)
    assert result.errors == []
    assert result.guide is not None
    return result.guide


def band(low: int, high: int, currency: str = "USD") -> MoneyRange:
    return MoneyRange.of(low, high, currency)


def region(guide: Guide, name: str) -> RegionBand:
    return next(r for r in guide.regions if r.name == name)


def percent(region_band: RegionBand) -> tuple[Decimal, Decimal] | None:
    bonus = region_band.bonus
    return (bonus.percent.low, bonus.percent.high) if bonus.percent else None


# --- titles ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("company", "role", "title", "level", "name"),
    [
        ("acme", "software-engineer", "Software Engineer", "L3-L4", "Acme"),  # `—`, Salary ..., level, ##
        ("zenith", "data-scientist", "Data Scientist", None, "Zenith"),  # `|`, #
        ("orbital", "site-reliability-engineer", "Site Reliability Engineer", None, "Orbital"),  # ####
        ("nimbus", "ml-ai-engineer", "ML / AI Engineer", None, "Nimbus"),  # `—`, ###
    ],
)
def test_titles(company, role, title, level, name):
    guide = read(company, role)
    assert (guide.role.title, guide.role.level, guide.company.name) == (title, level, name)
    assert guide.key == f"{company}/{role}"  # slugs from the folder layout


# --- stock columns, bonus forms, extra columns ---------------------------------------------------


@pytest.mark.parametrize(
    ("role", "kind", "years", "low", "high"),
    [
        ("alpha", "RSU", 4, 120_000, 200_000),  # Stock (RSU/4yr)
        ("beta", "Options", 4, 100_000, 180_000),  # Stock (Options/4yr)
        ("gamma", "Pre-IPO", 4, 80_000, 160_000),  # Equity (Pre-IPO/4yr)
        ("delta", "Options", 4, 60_000, 140_000),  # Options (4yr)
        ("epsilon", "RSU", 4, 40_000, 120_000),  # RSU (4yr)
        ("zeta", "Options or RSU", 4, 20_000, 100_000),  # Stock (Options or RSU/4yr)
        ("eta", "Options/RSU est.", None, 10_000, 90_000),  # Equity (Options/RSU est.)
    ],
)
def test_stock_column_names(role, kind, years, low, high):
    remote = read("stockco", role).regions[0]
    assert remote.name == "Remote US"
    assert remote.stock is not None
    assert (remote.stock.kind, remote.stock.vesting_years, remote.stock.value) == (kind, years, band(low, high))
    assert remote.base == band(150_000, 200_000)
    assert remote.total == band(180_000, 250_000)
    assert remote.bonus.kind == "none"


def test_bonus_forms_sign_on_and_extra_columns():
    guide = read("acme", "software-engineer")
    sf = region(guide, "San Francisco HQ")
    assert sf.base == band(155_000, 210_000)  # `$155,000 - $210,000`
    assert sf.stock.value == band(120_000, 200_000)  # `$120K to $200K`
    assert percent(sf) == (Decimal(15), Decimal(15))  # `15%`
    assert sf.sign_on == band(20_000, 40_000)
    assert [(e.name, e.raw, e.value) for e in sf.extras] == [("Relocation", "$10K", band(10_000, 10_000))]
    assert sf.total == band(215_000, 302_000)
    assert sf.aliases == ["san francisco", "hq"]

    london = region(guide, "London")  # `:gb: London (GBP)`, bold cell
    assert (london.currency, london.base, london.stock.value) == (
        "GBP",
        band(75_000, 95_000, "GBP"),
        band(40_000, 80_000, "GBP"),
    )
    assert percent(london) == (Decimal(10), Decimal(15))  # `10-15%`
    assert london.sign_on is None  # `—`

    zurich = region(guide, "Zurich")
    assert zurich.base == band(120_000, 160_000, "CHF")
    assert zurich.sign_on == band(10_000, 10_000, "CHF")
    assert percent(zurich) == (Decimal(10), Decimal(15))  # `10–15%`

    singapore = region(guide, "Singapore")  # currency named in the region cell, bare figures
    assert (singapore.currency, singapore.base, singapore.total) == (
        "SGD",
        band(115_000, 150_000, "SGD"),
        band(130_000, 175_000, "SGD"),
    )
    assert singapore.bonus.kind == "none"

    assert region(guide, "Berlin").base == band(77_000, 99_000, "EUR")


def test_no_stock_column_amount_bonus_and_every_currency_form():
    guide = read("zenith", "data-scientist")
    expected = {
        "Toronto": ("CAD", 120_000, 160_000),
        "Sydney": ("AUD", 150_000, 190_000),
        "Hong Kong": ("HKD", 600_000, 900_000),
        "Tokyo": ("JPY", 8_000_000, 12_000_000),
        "Bangalore": ("INR", 2_000_000, 3_500_000),  # ₹20L
        "Mumbai": ("INR", 4_700_000, 6_500_000),  # ₹47,00,000
        "Delhi": ("INR", 12_000_000, 18_000_000),  # ₹1.2Cr
        "New York": ("USD", 1_200_000, 1_500_000),  # $1.2M
    }
    assert {r.name: (r.currency, r.base.low.amount, r.base.high.amount) for r in guide.regions} == expected
    assert all(r.stock is None for r in guide.regions)
    toronto = region(guide, "Toronto")
    assert (toronto.bonus.kind, toronto.bonus.amount) == ("amount", band(10_000, 20_000, "CAD"))
    assert region(guide, "Tokyo").bonus.amount == band(1_000_000, 2_000_000, "JPY")
    assert region(guide, "Sydney").bonus.kind == "none"
    assert percent(region(guide, "Hong Kong")) == (Decimal(10), Decimal(10))
    assert region(guide, "Delhi").total == band(12_000_000, 18_000_000, "INR")


def test_no_bonus_column():
    guide = read("stockco", "alpha")
    assert guide.regions[0].bonus.kind == "none"


# --- tables turned the other way ---------------------------------------------------------------------


def test_levels_as_rows():
    guide = read("orbital", "site-reliability-engineer")
    got = {r.name: (r.currency, [(lv.level, lv.total) for lv in r.levels]) for r in guide.regions}
    assert got == {
        "Sunnyvale": (
            "USD",
            [
                ("L3 (SRE I)", band(150_000, 200_000)),
                ("L4 (SRE II)", band(190_000, 260_000)),
                ("L5 (Senior)", band(250_000, 340_000)),
            ],
        ),
        "Remote US": (
            "USD",
            [
                ("L3 (SRE I)", band(135_000, 180_000)),
                ("L4 (SRE II)", band(170_000, 235_000)),
                ("L5 (Senior)", band(225_000, 305_000)),
            ],
        ),
        "London": ("GBP", [("L3 (SRE I)", band(70_000, 90_000, "GBP")), ("L4 (SRE II)", band(85_000, 115_000, "GBP"))]),
    }
    assert all(r.base is None and r.total is None for r in guide.regions)  # no figure is made up


def test_components_as_rows_with_options_counted_in_shares():
    guide = read("nimbus", "ml-ai-engineer")
    sf = region(guide, "San Francisco")
    assert sf.base == band(180_000, 240_000)
    assert percent(sf) == (Decimal(12), Decimal(15))  # `12–15% target`
    assert (sf.stock.kind, sf.stock.vesting_years, sf.stock.shares, sf.stock.value) == (
        "Options",
        4,
        (15_000, 30_000),
        None,
    )
    assert sf.sign_on == band(25_000, 50_000)
    assert sf.total == band(200_000, 280_000)
    london = region(guide, "London")
    assert london.stock.shares == (8_000, 16_000)
    assert london.sign_on == band(10_000, 20_000, "GBP")
    singapore = region(guide, "Singapore")
    assert (singapore.base, singapore.stock, singapore.bonus.kind) == (band(150_000, 200_000, "SGD"), None, "none")


def test_components_as_rows_with_rsu_grant_and_amount_bonus():
    guide = read("quanta", "product-manager")
    sf = region(guide, "San Francisco")
    assert (sf.stock.kind, sf.stock.vesting_years, sf.stock.value) == ("RSU", 4, band(160_000, 240_000))
    assert (sf.bonus.kind, sf.bonus.amount) == ("amount", band(15_000, 25_000))
    assert region(guide, "Remote US").bonus.kind == "none"


# --- sections ----------------------------------------------------------------------------------------------


def test_lever_headings_mapping_table_strategy_heading_sources_list():
    guide = read("acme", "software-engineer")
    assert [(lv.title, lv.script) for lv in guide.levers] == [
        ("Competing Offer", "I have a competing offer at a similar level."),
        ("Platform Depth", "My platform work compounds across every team."),
    ]
    assert guide.level_mapping == ["Acme = SWE II", "Google = L4"]
    plan = guide.negotiate_up
    assert plan.target_total == Money(amount=300_000, currency="USD")
    assert (plan.target_equity, plan.target_equity_years) == (Money(amount=200_000, currency="USD"), 4)
    assert (plan.counter_range, plan.counter_component) == (band(180_000, 200_000), "equity")
    assert [(s.text, s.url) for s in guide.sources] == [
        ("Acme SWE Comp — Levels.fyi 2025", "https://levels.fyi/acme"),
        ("Glassdoor Acme 2025", None),
    ]
    assert guide.narrative == ["Acme engineers build the developer tools everyone uses."]


def test_numbered_levers_mapping_line_and_quote_strategy():
    guide = read("zenith", "data-scientist")
    assert [(lv.title, lv.script) for lv in guide.levers] == [
        ("Analytics Depth", "I ship models that move revenue."),
        ("Counter Offer", "Other analytics companies pay more."),
    ]
    assert guide.level_mapping == ["Zenith DS II", "Meta IC4", "Google L4"]
    assert guide.negotiate_up.counter_range == band(1_300_000, 1_400_000)
    assert guide.negotiate_up.counter_component == "base"
    assert guide.company.dna.valuation == Money(amount=3_000_000_000, currency="USD")


def test_missing_sections_are_warnings_not_errors():
    result = read_guide_file(BROKEN / "sparse" / "software-engineer.md", BROKEN)
    assert result.guide is not None and result.errors == []
    assert {w.field for w in result.warnings} == {
        "negotiation DNA",
        "narrative",
        "level mapping",
        "levers",
        "negotiate-up strategy",
        "sources",
    }


# --- broken guides ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("company", "expected"),
    [
        ("nofig", ":3: band table: missing: the guide has no table of figures"),
        ("table", ":3: band table: header not recognised: Company | Level"),
    ],
)
def test_only_a_guide_without_a_band_table_is_left_out(company, expected):
    path = BROKEN / company / "software-engineer.md"
    result = read_guide_file(path, BROKEN)
    assert result.guide is None
    assert [str(p) for p in result.errors] == [f"{path}{expected}"]


@pytest.mark.parametrize(
    ("company", "where", "raw", "warning"),
    [
        (
            "order",
            "London",
            "£95K–£75K",
            ":6: London: Base Salary: kept as written, not computed with: low £95K exceeds high £75K",
        ),
        (
            "money",
            "Mars",
            "XYZ 100K–XYZ 200K",
            ":6: Mars: Base Salary: kept as written, not computed with: unknown currency 'XYZ' in 'XYZ 100K'",
        ),
    ],
)
def test_a_cell_that_cannot_be_read_is_kept_as_written_with_a_warning_at_its_line(company, where, raw, warning):
    path = BROKEN / company / "software-engineer.md"
    result = read_guide_file(path, BROKEN)
    assert result.errors == [] and result.guide is not None
    band_ = region(result.guide, where)
    assert band_.base is None and band_.computed_total() is None
    cell = band_.cell("base")
    assert (cell.raw, cell.figure, cell.as_text) == (raw, None, True)
    assert f"{path}{warning}" in [str(p) for p in result.warnings]


def test_a_broken_guide_never_stops_the_others():
    catalog = load_folders([BROKEN, VARIANTS])
    assert "sparse/software-engineer" in catalog.by_key
    assert len(catalog.guides) == 3 + 12
    assert len(catalog.report.errors) == 2


# --- import and check over a folder -------------------------------------------------------------------------


def test_import_writes_data_files_one_line_per_failed_file_and_a_summary(tmp_path, capsys):
    from bot.guides.importer import import_guides

    out = tmp_path / "out"
    summary = import_guides([BROKEN, VARIANTS], out, progress=True)
    stdout, stderr = capsys.readouterr()
    assert (summary.files, summary.imported, summary.failed) == (17, 15, 2)
    failures = [line.split("\x1b[K")[-1] for line in stderr.split("\n") if ".md:" in line]
    assert len(failures) == 2
    assert any(
        line.endswith("nofig/software-engineer.md:3: band table: missing: the guide has no table of figures")
        for line in failures
    )
    assert "17/17 files, 2 failed" in stderr  # the progress line
    assert stdout.strip() == f"imported 15 of 17 guides into {out} (2 failed, {summary.warnings} warnings)"
    imported = load_folders([out])
    for key, guide in imported.by_key.items():
        company, role = key.split("/")
        folder = VARIANTS if (VARIANTS / company).exists() else BROKEN
        original = read_guide_file(folder / company / f"{role}.md", folder).guide
        assert guide.model_dump(exclude={"source_file"}) == original.model_dump(exclude={"source_file"})
        assert guide.source_file == f"{company}/{role}.md"


def test_check_streams_errors_then_warnings_per_file(capsys):
    import io

    from bot.guides.importer import check_guides

    out = io.StringIO()
    summary = check_guides([BROKEN], out)
    lines = out.getvalue().splitlines()
    assert (summary.files, summary.valid, summary.errors) == (5, 3, 2)
    errors = [line for line in lines if not line.startswith("warning: ")]
    assert len(errors) == 2 and all(".md:" in line for line in errors)
    assert summary.warnings == len(lines) - 2
