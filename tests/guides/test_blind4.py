"""The fourth blind set: six guides written by someone who never saw the reader (a helper session given only the
seed), with the writer's key of every figure (fixtures/blind4.key.md): regions as columns, percentiles with
footnote marks, a contractor's rates in a definition list, Spanish prose bands, a Dutch nested list of region and
level, Portuguese one table per region with a midpoint ± spread. Before the reader learnt these shapes, one of the
six loaded (Quillfeather); one was skipped as no guide (Lumbrera Pagos, its title unread) and four failed.
Every figure below is checked against the key, as is each planted inconsistency the reader must flag.
Fixtures: tests/guides/fixtures/blind4/<company>/<role>.md."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from bot.guides.catalog import load_folders
from bot.guides.checks import consistency_warnings
from bot.guides.money import MoneyRange

BLIND4 = Path(__file__).parent / "fixtures" / "blind4"


@pytest.fixture(scope="module")
def catalog():
    return load_folders([BLIND4])


def _guide(catalog, company: str):
    return next(g for g in catalog.guides if g.company.slug == company)


def _band(catalog, company: str, region: str, level: str | None = None):
    guide = _guide(catalog, company)
    return guide, next(r for r in guide.regions if r.name == region and (level is None or r.level == level))


def _range(money: MoneyRange | None) -> tuple[int, int, str] | None:
    return (money.low.amount, money.high.amount, money.low.currency) if money else None


def _warnings(catalog, company: str) -> list[str]:
    return [str(w) for w in catalog.report.warnings if f"/{company}/" in w.file]


def test_titles_in_other_languages_name_company_and_role_the_right_way_round(catalog):
    names = {g.company.slug: (g.company.name, g.role.title) for g in catalog.guides}
    assert names["mare-dados"] == ("Maré Dados", "Engenheiro(a) de Machine Learning Pleno")  # `Guia de negociação:`
    assert names["quillfeather-analytics"] == ("quillfeather analytics", "senior data engineer")  # as written


# --- Quillfeather: regions as columns, parts as rows, `170–200k USD` -------------------------------------


def test_regions_as_columns_with_every_figure_as_in_the_key(catalog):
    _, sf = _band(catalog, "quillfeather-analytics", "SF Bay Area")
    assert _range(sf.base) == (170_000, 200_000, "USD")
    assert _range(sf.stock.value) == (40_000, 70_000, "USD") and sf.stock.per_year  # `equity / yr`
    assert sf.bonus.percent.low == sf.bonus.percent.high == Decimal(10)
    assert _range(sf.total) == (227_000, 290_000, "USD")
    assert sf.sign_on is None and sf.cell("sign_on").raw == "up to 20k USD"  # a bound, kept as written
    _, new_york = _band(catalog, "quillfeather-analytics", "New York")
    assert (_range(new_york.base), _range(new_york.stock.value)) == ((160_000, 190_000, "USD"), (35_000, 65_000, "USD"))
    assert new_york.bonus.percent.low == Decimal(10) and _range(new_york.total) == (211_000, 284_000, "USD")
    _, toronto = _band(catalog, "quillfeather-analytics", "Toronto")
    assert (_range(toronto.base), _range(toronto.stock.value)) == ((150_000, 175_000, "CAD"), (20_000, 40_000, "CAD"))
    assert toronto.bonus.percent.low == Decimal(8) and _range(toronto.total) == (182_000, 229_000, "CAD")
    assert toronto.sign_on is None and toronto.cell("sign_on").raw == "none seen"
    assert {r.name for r in _guide(catalog, "quillfeather-analytics").regions} == {"SF Bay Area", "New York", "Toronto"}


def test_quillfeathers_new_york_total_is_flagged_against_its_parts(catalog):
    guide = _guide(catalog, "quillfeather-analytics")
    flagged = [str(w) for w in consistency_warnings(guide, "quillfeather")]
    assert any("New York: total comp" in w and "$211K–$284K" in w and "$211K–$274K" in w for w in flagged)
    assert not any("SF Bay Area" in w or "Toronto" in w for w in flagged)  # both add up


# --- Maré Dados: one `Item | Valor` table per region under its heading, midpoint ± spread -------------------


def test_item_value_tables_one_per_region_named_by_their_headings(catalog):
    guide = _guide(catalog, "mare-dados")
    assert [r.name for r in guide.regions] == [
        "São Paulo (sede comercial)",
        "Recife (sede de engenharia)",
        "Remoto — Portugal",
    ]
    _, sao_paulo = _band(catalog, "mare-dados", "São Paulo (sede comercial)")
    assert sao_paulo.currency == "BRL" and sao_paulo.base is None  # a midpoint ± spread is kept as written
    assert sao_paulo.cell("base").raw == "R$ 20 mil ± 10% (R$ 18 mil a R$ 23 mil)"
    assert (
        sao_paulo.stock.value is None and sao_paulo.stock.note == "0,05% a 0,12% da empresa"
    )  # a share of the company
    assert sao_paulo.bonus.kind == "text" and sao_paulo.bonus.raw == "até 2 salários por ano"  # PLR
    assert _range(sao_paulo.sign_on) == (15_000, 15_000, "BRL")  # `R$ 15 mil (negociável, só SP)`
    assert sao_paulo.total is None  # `Total anual em dinheiro` is cash alone: beside the band, as written
    assert [(e.name, e.raw) for e in sao_paulo.extras] == [
        ("Total anual em dinheiro", "de R$ 234 mil a R$ 330 mil (13 salários + PLR, sem bônus de contratação)")
    ]
    _, recife = _band(catalog, "mare-dados", "Recife (sede de engenharia)")
    assert recife.cell("base").raw == "R$ 15 mil ± 12%" and recife.sign_on is None  # `não`
    _, portugal = _band(catalog, "mare-dados", "Remoto — Portugal")
    assert portugal.currency == "EUR" and portugal.cell("base").raw.startswith("€ 3.600 ± 10%, pago em 14 prestações")
    assert (
        portugal.stock.note == "0,03% a 0,08% da empresa" and portugal.bonus.raw == "não se aplica (contrato via EOR)"
    )


def test_mare_dados_midpoint_and_the_range_beside_it_disagree_and_are_flagged(catalog):
    warnings = _warnings(catalog, "mare-dados")
    assert any(
        "São Paulo (sede comercial): Salário-base mensal" in w
        and "R$ 20 mil ± 10% is R$18K–R$22K" in w
        and "R$18K–R$23K" in w
        for w in warnings
    )
    assert not any("Recife" in w and "range written beside" in w for w in warnings)


def test_mare_dados_levers_and_counter_are_read_or_kept(catalog):
    guide = _guide(catalog, "mare-dados")
    assert [lever.title for lever in guide.levers] == [
        "Experiência com séries temporais em produção",
        "Percentual, não número de opções",
        "Aceleração de vesting",
        "Recife vs. São Paulo",
    ]
    assert [(t.kind, t.title) for t in guide.scripts] == [("script", "Contraproposta (o que eu falaria)")]
    assert "Eu fecho com R$ 22 mil de salário-base e 0,10% de participação" in guide.scripts[0].text
    assert all(text.text != "---" for text in guide.kept)  # a rule between sections is no text


def test_mil_is_a_thousand_only_where_the_currency_says_so():
    from bot.guides.money import MoneyError, parse_amount

    assert parse_amount("R$ 20 mil").amount == 20_000
    assert parse_amount("80 mil", "MXN").amount == 80_000
    with pytest.raises(MoneyError, match="thousand or a million"):
        parse_amount("$2 mil")  # a million in English slang: never guessed


# --- Orrery: percentiles as columns, the region on its group's first row, footnote marks ------------------


def test_percentiles_give_a_band_from_p25_to_p75_and_keep_the_median_beside_it(catalog):
    _, sf = _band(catalog, "orrery-robotics", "San Francisco (HQ)")
    assert _range(sf.base) == (205_000, 245_000, "USD")
    assert _range(sf.stock.value) == (60_000, 120_000, "USD") and sf.stock.per_year  # `Equity / yr`
    assert _range(sf.sign_on) == (25_000, 50_000, "USD")  # `$25k*` and `$50k*`: the marks are no part of them
    assert [(e.name, e.raw, _range(e.value)) for e in sf.extras] == [
        ("Base (P50)", "$224k", (224_000, 224_000, "USD")),
        ("Equity / yr (P50)", "$85k", (85_000, 85_000, "USD")),
    ]
    assert not sf.bonus.published and sf.total is None  # no bonus column, no total in the table
    _, pittsburgh = _band(catalog, "orrery-robotics", "Pittsburgh")
    assert _range(pittsburgh.base) == (182_000, 215_000, "USD")  # `$215k¹`
    assert _range(pittsburgh.stock.value) == (55_000, 105_000, "USD") and pittsburgh.sign_on is None  # `—` throughout
    assert [e.raw for e in pittsburgh.extras] == ["$198k", "$75k"]
    guide, zurich = _band(catalog, "orrery-robotics", "Zürich")
    assert _range(zurich.base) == (185_000, 220_000, "CHF") and _range(zurich.stock.value) == (40_000, 80_000, "CHF")
    assert [e.name for e in zurich.extras] == ["Base (P50)", "Equity / yr (P50)"]
    assert _range(zurich.extras[1].value) == (55_000, 55_000, "USD")  # `$55k` stays dollars, never CHF 55k
    assert [r.name for r in guide.regions] == ["San Francisco (HQ)", "Pittsburgh", "Zürich"]  # no Remote band


def test_orrerys_currency_changing_mid_row_is_flagged(catalog):
    warnings = _warnings(catalog, "orrery-robotics")
    assert any(
        "Zürich: Equity / yr: the currency changes within the row (CHF 40k | $55k | CHF 80k²)" in w for w in warnings
    )
    assert sum("changes within the row" in w for w in warnings) == 1


def test_orrerys_remote_rule_medians_and_footnotes_are_kept_as_written(catalog):
    guide = _guide(catalog, "orrery-robotics")
    notes = next(text for text in guide.kept if text.title == "Bands by percentile").text
    assert "**Remote (US):** Orrery pays remote US hires **85% of the San Francisco base**" in notes  # not worked out
    assert "San Francisco $309k · Pittsburgh $273k" in notes
    assert "¹ Only four data points above P50 in Pittsburgh" in notes
    assert [lever.title for lever in guide.levers] == [
        "Sim-to-real track record",
        "Level: Staff vs Senior",
        "Equity refresh timing",
        "Competing AV / humanoid offers",
    ]
    assert guide.levers[2].script.endswith(
        '"Since refreshers don\'t start until year two, I need the initial grant to carry more weight."'
    )
    assert [(t.kind, t.title) for t in guide.scripts] == [("script", "Counter script")]


# --- Vaarwater: a Dutch list nested in a list, region > level > parts, `€ 48.000 (laag) / € 57.000 (hoog)` ---------


def test_a_nested_list_of_region_level_and_parts_with_every_figure_as_in_the_key(catalog):
    guide = _guide(catalog, "vaarwater-logistics")
    assert (guide.company.name, guide.role.title) == ("Vaarwater Logistics", "Product Designer")
    assert [(r.level, r.name) for r in guide.regions] == [
        ("Medior Product Designer", "Amsterdam (hoofdkantoor)"),
        ("Senior Product Designer", "Amsterdam (hoofdkantoor)"),
        ("Lead Product Designer", "Amsterdam (hoofdkantoor)"),
        ("Medior Product Designer", "Rotterdam"),
        ("Senior Product Designer", "Rotterdam"),
    ]  # no Lead in Rotterdam, no band of its own for Remote (België): both kept as written
    expected = {
        # (level, region): base, 13e maand (the bonus), certificaten over 4 jaar, totaal
        ("Medior", "Amsterdam (hoofdkantoor)"): ((48_000, 57_000), (4_000, 4_750), None, (52_000, 61_750)),
        ("Senior", "Amsterdam (hoofdkantoor)"): ((60_000, 72_000), (5_000, 6_000), (12_000, 24_000), (68_000, 84_000)),
        ("Lead", "Amsterdam (hoofdkantoor)"): ((78_000, 90_000), (6_500, 7_500), (24_000, 40_000), (90_500, 112_500)),
        ("Medior", "Rotterdam"): ((45_000, 52_000), None, None, None),
        ("Senior", "Rotterdam"): ((55_000, 65_000), None, (12_000, 24_000), None),
    }
    for (level, region), (base, bonus, stock, total) in expected.items():
        _, band = _band(catalog, "vaarwater-logistics", region, f"{level} Product Designer")
        assert band.currency == "EUR" and _range(band.base)[:2] == base
        assert (_range(band.bonus.amount) or (None,))[:2] == (bonus or (None,))
        assert (_range(band.stock.value) or (None,))[:2] == (stock or (None,))
        assert band.stock.vesting_years == (4 if stock else None)  # `over 4 jaar`; `geen` is none
        assert (_range(band.total) or (None,))[:2] == (total or (None,))
    _, rotterdam = _band(catalog, "vaarwater-logistics", "Rotterdam", "Senior Product Designer")
    assert rotterdam.bonus.kind == "text" and rotterdam.bonus.raw == "ja"  # a 13th month, its amount not stated
    _, lead = _band(catalog, "vaarwater-logistics", "Amsterdam (hoofdkantoor)", "Lead Product Designer")
    assert lead.sign_on is None and lead.cell("sign_on").raw == "max. € 5.000 (alleen bij Lead gezien)"  # a bound


def test_vaarwaters_lead_total_is_flagged_and_the_rest_add_up(catalog):
    guide = _guide(catalog, "vaarwater-logistics")
    flagged = [str(w) for w in consistency_warnings(guide, "vaarwater") if "total comp" in str(w)]
    assert flagged == [
        "vaarwater: Lead Product Designer Amsterdam (hoofdkantoor): total comp: published €90.5K–€112.5K differs from "
        "its parts €90.5K–€107.5K"
    ]


def test_items_no_band_takes_are_said_and_the_list_kept_whole(catalog):
    warnings = _warnings(catalog, "vaarwater-logistics")
    assert any("no band read from 'Lead: in Rotterdam (nog) geen Lead-rol'" in w for w in warnings)
    assert any("no band read from 'Zelfde basissalaris en certificaten als Rotterdam" in w for w in warnings)
    guide = _guide(catalog, "vaarwater-logistics")
    kept = next(text for text in guide.kept if text.title == "Salarisschalen").text
    assert "• **Remote (België)**" in kept and "• Géén 13e maand: Belgische contracten lopen via Deel" in kept
    assert [lever.title for lever in guide.levers] == [
        "Inschaling",
        "Certificaten in plaats van salaris",
        "Opleidingsbudget",
        "Thuiswerk- en reiskostenvergoeding",
    ]
    assert [(t.kind, t.title) for t in guide.scripts] == [("script", "Zo zou ik het zeggen")]


# --- Tinkerwell: a contractor's rates in a definition list, thin spaces, the code after the number --------------


def test_a_definition_list_of_rates_loads_with_every_rate_kept_as_written(catalog):
    guide = _guide(catalog, "tinkerwell-health")
    assert (guide.company.name, guide.role.title) == ("Tinkerwell Health", "Site Reliability Engineer")
    assert [(r.name, r.currency) for r in guide.regions] == [
        ("London (outside IR35, via your own Ltd company)", "GBP"),
        ("Amsterdam (ZZP or via a Dutch umbrella)", "EUR"),
        ("New York (1099, through their US agency)", "USD"),
        ("Remote, elsewhere in the EU", "EUR"),
    ]
    for region in guide.regions:  # a rate by the hour or the day is never taken for a year's pay
        assert region.base is None and region.total is None and region.stock is None
    london = guide.regions[0]
    assert london.cell("base").raw == "75–90 GBP an hour (i.e. 650–720 GBP a day on an 8-hour day)"
    assert "rate by the hour" in london.cell("base").problem
    assert london.bonus.raw == "5 000 GBP, paid if you see out the full 12 months"  # the completion bonus, as written
    assert [(e.name, e.raw) for e in london.extras][0] == (
        "Annualised",
        "143 000–158 400 GBP, assuming 220 billable days",
    )
    amsterdam, new_york, remote = guide.regions[1:]
    assert amsterdam.cell("base").raw == "640–760 EUR a day"
    assert ("Annualised", "140 800–167 200 EUR, again on 220 days") in [(e.name, e.raw) for e in amsterdam.extras]
    assert new_york.cell("base").raw == "95–125 USD an hour, capped at 40 hours a week"
    assert ("Day rate", "not quoted — US contracts are hourly only") in [(e.name, e.raw) for e in new_york.extras]
    assert remote.cell("base").raw == "up to 700 EUR a day" and "bound" in remote.cell("base").problem


def test_tinkerwells_day_rate_against_its_hours_is_flagged(catalog):
    warnings = _warnings(catalog, "tinkerwell-health")
    flagged = [w for w in warnings if "day rate written beside it" in w]
    assert len(flagged) == 1
    assert "London" in flagged[0] and "£75–£90 an hour for a day of 8 hours is £600–£720" in flagged[0]
    assert "£650–£720" in flagged[0]


def test_tinkerwells_levers_as_a_definition_list_and_what_was_said(catalog):
    guide = _guide(catalog, "tinkerwell-health")
    assert [lever.title for lever in guide.levers] == [
        "IR35 determination",
        "Rate review at extension",
        "Out-of-hours uplift",
        "Notice period",
    ]
    assert guide.levers[3].script.startswith("They default to 4 weeks on their side and 4 weeks on yours.")
    assert [(t.kind, t.title) for t in guide.scripts] == [("script", "What I said")]
    rates = next(text for text in guide.kept if text.title == "Rates by location").text  # the notes as well
    assert ": Notes: Tinkerwell will not sponsor a contractor's move" in rates


def test_rates_and_day_rates_read_in_general():
    from bot.guides.markdown.cells import day_rate_mismatch, read_cell

    assert read_cell("£600/day", "GBP").problem.startswith("a rate by the day")
    assert read_cell("$95/hr", "USD").problem.startswith("a rate by the hour")
    assert day_rate_mismatch("£75 an hour (£600 a day on an 8-hour day)", "GBP") is None  # they agree
    assert day_rate_mismatch("£80/hour, i.e. £600 per day on a 7.5 hour day", "GBP") is None  # 7.5 hours, not 5
    assert "is £560" in day_rate_mismatch("£80/hour, i.e. £600 per day on a 7-hour day", "GBP")


# --- Lumbrera Pagos: Spanish prose, a paragraph a city, `de 1.1 millones a 1.45 millones de pesos (MXN)` ----------


def test_spanish_prose_bands_read_clause_by_clause_as_in_the_key(catalog):
    guide = _guide(catalog, "lumbrera-pagos")
    assert (guide.company.name, guide.role.title) == ("Lumbrera Pagos", "Ingeniero/a de Backend Sénior")
    assert [r.name for r in guide.regions] == [
        "Ciudad de México (oficinas centrales)",
        "Monterrey",
        "Remoto desde Colombia",
    ]
    _, cdmx = _band(catalog, "lumbrera-pagos", "Ciudad de México (oficinas centrales)")
    assert cdmx.currency == "MXN" and _range(cdmx.base) == (1_100_000, 1_450_000, "MXN")
    assert _range(cdmx.stock.value) == (30_000, 70_000, "USD") and cdmx.stock.vesting_years == 4  # the whole package
    assert _range(cdmx.sign_on) == (80_000, 80_000, "MXN")  # `bono de firma de 80 mil pesos`: the paragraph's pesos
    assert cdmx.bonus.kind == "text" and cdmx.bonus.raw.startswith("En lugar del aguinaldo mínimo de ley (15 días)")
    assert cdmx.bonus.raw.endswith("de hasta 10% del sueldo base anual, que en la práctica se paga entre 6% y 10%.")
    assert cdmx.total is None  # `aproximadamente entre 1.2 y 1.8 millones MXN`: left in the text
    assert cdmx.computed_total() is None  # options in dollars are never added to pesos
    _, monterrey = _band(catalog, "lumbrera-pagos", "Monterrey")
    assert _range(monterrey.stock.value) == (20_000, 50_000, "USD") and monterrey.stock.vesting_years == 4
    assert monterrey.sign_on is None  # `No he visto bono de firma`
    _, colombia = _band(catalog, "lumbrera-pagos", "Remoto desde Colombia")
    assert colombia.currency == "COP" and _range(colombia.base) == (190_000_000, 260_000_000, "COP")
    assert colombia.stock is None  # `Opciones: las mismas que Monterrey`: said by reference, never copied
    assert (
        colombia.bonus.raw
        == "no hay aguinaldo ni prima porque no es nómina, pero sí aplica el bono de desempeño de hasta 10%."
    )


def test_lumbreras_monterrey_low_above_high_is_flagged_and_kept_as_written(catalog):
    _, monterrey = _band(catalog, "lumbrera-pagos", "Monterrey")
    assert monterrey.base is None and monterrey.cell("base").raw == "de 1.05 millones a 980 mil pesos (MXN)"
    warnings = _warnings(catalog, "lumbrera-pagos")
    assert any("Monterrey: Base: low MX$1.05M exceeds high MX$980K" in w for w in warnings)


def test_lumbreras_paragraphs_levers_and_script_are_kept(catalog):
    guide = _guide(catalog, "lumbrera-pagos")
    bands = next(text for text in guide.kept if text.title == "Cuánto pagan").text
    assert "aguinaldo equivalente a un mes de sueldo (30 días)" in bands  # read nowhere else: kept as written
    assert "entre 1.2 y 1.8 millones MXN, sin contar las opciones" in bands
    assert [lever.title for lever in guide.levers] == [
        "La oferta de la competencia",
        "Guardias (on-call)",
        "Precio de ejercicio de las opciones",
        "Días de home office",
    ]
    assert [(t.kind, t.title) for t in guide.scripts] == [("script", "Guion para contraofertar")]


def test_all_six_load_and_each_planted_inconsistency_is_flagged(catalog):
    assert catalog.report.errors == []
    assert len(catalog.guides) == 6
    flagged = [str(w) for w in catalog.report.warnings]
    flagged += [str(w) for guide in catalog.guides for w in consistency_warnings(guide, guide.key)]
    planted = {
        "quillfeather": "New York: total comp: published $211K–$284K differs from its parts $211K–$274K",
        "orrery": "Zürich: Equity / yr: the currency changes within the row",
        "tinkerwell": "is £600–£720, but the day rate written beside it is £650–£720",
        "lumbrera": "Monterrey: Base: low MX$1.05M exceeds high MX$980K",
        "vaarwater": "published €90.5K–€112.5K differs from its parts €90.5K–€107.5K",
        "mare": "R$ 20 mil ± 10% is R$18K–R$22K, but the range written beside it is R$18K–R$23K",
    }
    assert {name for name, text in planted.items() if any(text in w for w in flagged)} == set(planted)


def test_regions_named_in_other_languages_are_reached_as_typed(catalog):
    from bot.guides.resolve import Resolver

    resolver = Resolver(catalog)
    colombia = resolver.resolve("lumbrera backend colombia")  # `Remoto desde Colombia`
    assert (colombia.kind, colombia.region.name) == ("band", "Remoto desde Colombia")
    portugal = resolver.resolve("mare dados pleno portugal")  # `Remoto — Portugal`
    assert (portugal.kind, portugal.region.name) == ("band", "Remoto — Portugal")
    hq = resolver.resolve("vaarwater product designer senior hq")  # `(hoofdkantoor)`
    assert (hq.region.name, hq.region.level) == ("Amsterdam (hoofdkantoor)", "Senior Product Designer")
    assert resolver.resolve("orrery perception remote").kind == "region_unknown"  # the 85% rule is no band


def test_titles_in_other_languages_answer_to_what_people_type(catalog):
    from bot.guides.resolve import Resolver

    resolver = Resolver(catalog)
    mare = resolver.resolve("mare dados machine learning recife")  # `Engenheiro(a) de Machine Learning Pleno`
    assert (mare.kind, mare.region.name) == ("band", "Recife (sede de engenharia)")
    lumbrera = resolver.resolve("lumbrera backend monterrey")  # `Ingeniero/a de Backend Sénior`
    assert (lumbrera.kind, lumbrera.region.name) == ("band", "Monterrey")
    assert "adebackend" not in str(lumbrera.corrections)  # the `/a` and the `de` are no part of the role's name
    # "ml": a role group's word, and the title holds the group's phrase ("machine learning"); it had answered
    # "I have no ml guide for Maré Dados" beside the one guide it has
    ml = resolver.resolve("mare dados ml recife")
    assert (ml.kind, ml.region.name) == ("band", "Recife (sede de engenharia)")
    # a typo read as a phrase is said back with its spaces ("engenheiro de ml"), never as the squashed key
    assert resolver.resolve("mare dados engenheiro").corrections == [("engenheiro", "engenheiro de ml")]
    medior = resolver.resolve("vaarwater product designer medior rotterdam")  # Dutch for mid-level
    assert (medior.kind, medior.region.level) == ("band", "Medior Product Designer")


def test_a_base_kept_as_written_is_shown_under_the_guides_own_name_for_it():
    from bot.answers import Answers

    answers = Answers.load([BLIND4])
    london = "\n".join(m.text for m in answers.comp("tinkerwell sre london"))
    assert (
        "• *Base salary (Hourly):* 75–90 GBP an hour (i.e. 650–720 GBP a day on an 8-hour day) _(as the guide" in london
    )
    recife = "\n".join(m.text for m in answers.comp("mare dados machine learning recife"))
    # a midpoint ± a spread and nothing else is read as the range it states, the formula said (blind6's Vltava)
    assert (
        "• *Base salary:* R$13.2K–R$16.8K a month _(= R$158.4K–R$201.6K a year: monthly × 12)_ _(the guide writes"
        in recife
    )
    assert "R$ 15 mil ± 12%: the midpoint less and plus 12%)_" in recife


def test_sources_said_in_a_line_of_their_own_in_any_language_are_the_guides_sources(catalog):
    sources = {g.company.slug: [s.text for s in g.sources] for g in catalog.guides}
    assert sources["orrery-robotics"] == [
        "23 self-reported offers (2023–2025), Levels.fyi, two Orrery recruiters (off the record)."
    ]
    assert sources["mare-dados"] == [
        "6 propostas de colegas (2024–2025), Glassdoor Brasil, conversa com dois ex-funcionários."
    ]
    assert sources["vaarwater-logistics"][0].startswith(
        "11 aanbiedingen gedeeld door (oud-)collega's"
    )  # `*Bronnen: ...*`
    assert all(sources.values())
    orrery = _guide(catalog, "orrery-robotics")
    assert "Sources:" not in next(t for t in orrery.kept if t.title == "Counter script").text  # read, not kept twice
