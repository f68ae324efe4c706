"""Natural lookups over a generated library of hundreds of companies: one test per phrasing
class of the labelled set (bench/_queries.py), then the rules that keep an answer from
showing another band than the one asked for, each on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench._queries import CLASSES, HELD_OUT, build, score, without_focus
from bot.answers import Answers

TARGET = 0.97


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("library")
    labelled = build(folder, seed=21)
    answers = Answers.load([folder], state_dir=tmp_path_factory.mktemp("state"))
    return answers, labelled


@pytest.fixture(scope="module")
def answers(library):
    return library[0]


def resolve(answers, query):
    return answers.resolver.resolve(query)


def text_of(answers, query) -> str:
    return "\n".join(message.text for message in answers.comp(query))


def first_line(answers, query) -> str:
    return answers.comp(query)[0].text.split("\n", 1)[0]


def header(answers, query) -> str:
    blocks = answers.comp(query)[0].blocks
    return next(block["text"]["text"] for block in blocks if block["type"] == "header")


def band_of(resolution):
    return resolution.kind, resolution.guide and resolution.guide.key, resolution.region and resolution.region.name


@pytest.mark.parametrize("phrasing", CLASSES)
def test_each_phrasing_class_lands_on_the_right_band(library, phrasing):
    answers, labelled = library
    chosen = [item for item in labelled if item.phrasing == phrasing]
    assert len(chosen) >= 15
    outcomes = score(answers, chosen)
    missed = [(o.labelled.query, o.got) for o in outcomes if not o.right]
    assert sum(o.right for o in outcomes) / len(outcomes) >= TARGET, missed
    assert [o.labelled.query for o in outcomes if o.silent_wrong] == []


@pytest.mark.parametrize("phrasing", HELD_OUT)
def test_each_held_out_class_stays_above_its_floor(library, phrasing):
    """Wordings written apart from the resolver (bench/_held_out.py): a floor of their own,
    and never a band of another guide, level or region without the first line saying so."""
    from bench.queries import FLOORS

    answers, labelled = library
    chosen = [item for item in labelled if item.phrasing == phrasing]
    assert len(chosen) >= 60
    outcomes = score(answers, chosen)
    missed = [(o.labelled.query, o.got) for o in outcomes if not o.right]
    assert 100 * sum(o.right for o in outcomes) / len(outcomes) >= FLOORS[phrasing], missed
    assert [o.labelled.query for o in outcomes if o.silent_wrong] == []


def test_the_labelled_set_is_big_enough_and_spans_hundreds_of_companies(library):
    answers, labelled = library
    assert len(labelled) >= 300
    assert answers.catalog.company_count >= 300
    assert {item.phrasing for item in labelled} == {*CLASSES, *HELD_OUT}


# --- seniority and levels ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, key",
    [
        ("scale ai senior swe sf", "scale-ai/senior-software-engineer"),
        ("scale ai sr. swe sf", "scale-ai/senior-software-engineer"),
        ("scale ai staff swe sf", "scale-ai/staff-software-engineer"),
        ("scale ai staff+ swe sf", "scale-ai/staff-software-engineer"),
        ("scale ai swe sf", "scale-ai/software-engineer"),
        ("nubank jr swe mexico city", "nubank/junior-software-engineer"),
        ("datadog principal engineer nyc", "datadog/principal-engineer"),
        ("datadog lead designer nyc", "datadog/lead-product-designer"),
    ],
)
def test_seniority_picks_that_guide(answers, query, key):
    assert band_of(resolve(answers, query))[:2] == ("band", key)


@pytest.mark.parametrize(
    "query, said",
    [
        ("scale ai principal swe sf", "principal swe"),
        ("scale ai lead ml sf", "lead ml"),
        ("nubank staff swe mexico city", "staff swe"),
        ("meta senior swe london", "senior swe"),
    ],
)
def test_a_missing_seniority_is_said_and_what_exists_listed(answers, query, said):
    resolution = resolve(answers, query)
    assert resolution.kind == "level_unknown"
    text = text_of(answers, query)
    assert first_line(answers, query).startswith(f"I have no *{said}* guide or level")
    assert "Base salary" not in text  # no band of another seniority
    assert all(f"`/comp {g.key.replace('/', ' ')}" in text for g in resolution.guides)


def test_a_role_shown_with_a_seniority_not_asked_says_so_first(answers):
    resolution = resolve(answers, "datadog product designer nyc")
    assert band_of(resolution) == ("band", "datadog/lead-product-designer", "New York")
    assert first_line(answers, "datadog product designer nyc").startswith(":information_source:")
    assert "Datadog has no *product designer* guide without a seniority" in text_of(
        answers, "datadog product designer nyc"
    )


@pytest.mark.parametrize(
    "query, level, region",
    [
        ("amazon l5 seattle", "L5 SDE II", "Seattle"),
        ("amazon sde ii london", "L5 SDE II", "London"),
        ("amazon sde 2 seattle", "L5 SDE II", "Seattle"),
        ("amazon l6 new york", "L6 SDE III", "New York"),
        ("meta e6 menlo park", "E6", "Menlo Park"),
        ("google senior swe zurich", "L5 (Senior)", "Zurich"),
    ],
)
def test_a_level_in_the_query_shows_that_row_of_a_level_table(answers, query, level, region):
    resolution = resolve(answers, query)
    assert resolution.kind == "band"
    assert (resolution.region.level, resolution.region.name) == (level, region)
    assert header(answers, query).endswith(f"· {level} · {region}")


@pytest.mark.parametrize(
    "query, level",
    [
        ("SapphirePay Labs staff engineer staff nyc", "Staff"),  # the title's staff, then the row's
        ("SapphirePay Labs staff engineer senior nyc", "Senior"),
        ("sapphirepay senior staff engineer new york", "Senior"),
    ],
)
def test_a_seniority_typed_beside_a_title_that_holds_one_picks_the_level_row(answers, query, level):
    resolution = resolve(answers, query)
    assert band_of(resolution) == ("band", "sapphirepay-labs/staff-engineer", "New York")
    assert resolution.level == level
    assert header(answers, query).endswith(f"· {level} · New York")


def test_a_title_with_its_own_seniority_and_no_other_shows_every_row(answers):
    resolution = resolve(answers, "SapphirePay Labs staff engineer nyc")
    assert resolution.kind == "band" and resolution.level is None
    assert [row.level for row in resolution.region.levels] == ["Junior", "Mid", "Senior", "Staff"]


def test_a_seniority_and_a_generic_role_word_reach_the_title_that_has_both(answers):
    assert band_of(resolve(answers, "scale ai staff eng remote")) == (
        "band",
        "scale-ai/staff-software-engineer",
        "Remote US",
    )


def test_an_unknown_role_with_a_seniority_word_is_said_unknown(answers):
    resolution = resolve(answers, "alpen mind chief of staff nyc")
    assert resolution.kind == "role_unknown" and "chief" in resolution.unknown


@pytest.mark.parametrize("query", ["scale ai firmware engineer sf", "datadog network engineer nyc"])
def test_a_word_before_a_generic_role_word_names_a_title_not_on_hand(answers, query):
    """`firmware engineer` is a role the company lacks, never its software-engineer guide."""
    resolution = resolve(answers, query)
    assert resolution.kind == "role_unknown" and resolution.unknown.endswith(" engineer")
    assert "guide for" in text_of(answers, query).split("\n")[0]


def test_a_mistyped_title_before_a_generic_role_word_is_still_read_as_a_typo(answers):
    assert band_of(resolve(answers, "scale ai sofware engineer sf")) == (
        "band",
        "scale-ai/software-engineer",
        "San Francisco HQ",
    )


def test_a_typo_in_a_company_short_name_of_two_words_is_forgiven(answers):
    """`redwodo flow` is Redwood Flow Systems typed without its ending and mistyped; said so first."""
    resolution = resolve(answers, "redwodo flow research scientist california")
    assert resolution.guide.key == "redwood-flow-systems/research-scientist"
    assert ("redwodo flow", "redwood flow") in resolution.corrections
    assert "read as" in text_of(answers, "redwodo flow research scientist california").split("\n")[1]


def test_a_short_name_with_another_ending_names_a_company_not_on_hand(answers):
    """`fernbit bank`: not FernBit Technologies' band with `bank` left out; FernBit Technologies suggested."""
    resolution = resolve(answers, "FernBit Bank pms hkg")
    assert resolution.kind == "company_unknown" and resolution.unknown == "fernbit bank"
    assert "FernBit Technologies" in resolution.suggestions


@pytest.mark.parametrize(
    "query, key",
    [
        ("riverpath eTchnologies program manager yyz", "riverpath-technologies/technical-program-manager"),
        ("fernbit sofware engineer sf", None),
    ],
)
def test_a_short_name_with_a_mistyped_ending_or_role_stays_that_company(answers, query, key):
    resolution = resolve(answers, query)
    assert resolution.kind != "company_unknown"
    assert key is None or resolution.guide.key == key


def test_a_level_row_shows_its_own_figures_only(answers):
    guide = answers.catalog.by_key["amazon/software-development-engineer"]
    seattle = {r.level: r for r in guide.regions if r.name == "Seattle"}
    l4, l5 = seattle["L4 SDE I"], seattle["L5 SDE II"]
    text = text_of(answers, "amazon l5 seattle")
    assert f"*Base salary:* {format_range(l5.base)}" in text
    assert format_range(l4.base) not in text


def test_a_level_not_in_the_table_is_said_missing(answers):
    assert resolve(answers, "amazon l8 seattle").kind == "level_unknown"
    assert "L4 SDE I, L5 SDE II, L6 SDE III" in text_of(answers, "amazon l8 seattle")


def test_a_level_in_a_table_with_a_column_per_region_shows_that_level_only(tmp_path):
    company = tmp_path / "levelrows"
    company.mkdir()
    (company / "software-engineer.md").write_text(
        "# Software Engineer | LevelRows Global Negotiation Guide\n\n"
        "| Level | Sunnyvale (USD) | London (GBP) |\n|---|---|---|\n"
        "| L4 | $150K–$200K | £80K–£100K |\n| L5 | $210K–$280K | £110K–£140K |\n",
        encoding="utf-8",
    )
    local = Answers.load([tmp_path], state_dir=tmp_path / "state")
    resolution = local.resolver.resolve("levelrows swe l5 london")
    assert (resolution.kind, resolution.region.name, resolution.level) == ("band", "London", "L5")
    text = "\n".join(m.text for m in local.comp("levelrows swe l5 london"))
    assert "*L5:* £110K–£140K total" in text and "£80K" not in text


# --- companies ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["openai senior swe bay area remote", "stripe swe remote", "notion pm nyc remote london"]
)
def test_a_named_company_not_on_hand_is_never_swapped_for_one_matched_from_region_words(answers, query):
    resolution = resolve(answers, query)
    assert resolution.kind == "company_unknown"
    text = text_of(answers, query)
    assert f"a company called *{query.split()[0]}*" in text
    assert "Global Payroll" not in text and "Base salary" not in text  # nothing of the company Remote
    assert "COMP_COACH_GUIDES" in text and "guides import" in text  # how to load a library


@pytest.mark.parametrize(
    "query, key, region",
    [
        ("remote swe london", "remote/software-engineer", "London"),
        ("remote pm remote", "remote/product-manager", "Remote US"),
        ("swe at remote in berlin", "remote/software-engineer", "Berlin"),
    ],
)
def test_a_company_named_like_a_region_when_nothing_else_can_be_the_company(answers, query, key, region):
    assert band_of(resolve(answers, query)) == ("band", key, region)


@pytest.mark.parametrize(
    "query, key",
    [
        ("ea swe la", "electronic-arts/software-engineer"),
        ("gs swe nyc", "goldman-sachs/software-engineer"),
        ("jpm swe nyc", "jpmorgan-chase/software-engineer"),
        ("aws pm seattle", "amazon/product-manager"),
        ("facebook data scientist nyc", "meta/data-scientist"),
        ("alphabet pm mountain view", "google/product-manager"),
    ],
)
def test_company_aliases_and_tickers_come_from_data(answers, query, key):
    assert band_of(resolve(answers, query))[:2] == ("band", key)


@pytest.mark.parametrize(
    "query, key, region",
    [
        ("sea-group swe sea", "sea-group/software-engineer", "Seattle"),
        ("sea-group software-engineer singapore", "sea-group/software-engineer", "Singapore"),
        ("match-group product-designer los-angeles", "match-group/product-designer", "Los Angeles"),
    ],
)
def test_slugs_as_typed(answers, query, key, region):
    assert band_of(resolve(answers, query)) == ("band", key, region)


def test_two_folders_of_one_name_the_typed_slug_wins(answers):
    assert band_of(resolve(answers, "brex swe nyc")) == ("band", "brex/software-engineer", "New York")
    assert band_of(resolve(answers, "brex-ai swe nyc")) == ("band", "brex-ai/software-engineer", "New York")


def test_a_band_from_one_of_two_folders_of_one_name_names_its_folder_and_the_other(answers):
    assert header(answers, "brex-ai swe nyc") == "Software Engineer at Brex (brex-ai) · New York"
    assert "Another folder is named Brex too: `/comp brex`" in text_of(answers, "brex-ai swe nyc")
    assert header(answers, "scale ai swe sf") == "Software Engineer at Scale AI · San Francisco HQ"


def test_two_folders_of_one_name_neither_typed_shows_both_told_apart(answers):
    resolution = resolve(answers, "ramp swe sf")
    assert resolution.kind == "companies"
    assert [(c.slug, c.tells_apart) for c in resolution.companies] == [
        ("ramp-ai", "AI Procurement Agents"),
        ("ramp-financial", "Spend Management"),
    ]
    text = text_of(answers, "ramp swe sf")
    assert text.startswith("Two or more company folders are named *Ramp*")
    assert "`/comp ramp-ai software-engineer san francisco hq`" in text
    assert "`/comp ramp-financial software-engineer san francisco hq`" in text


def test_a_folder_without_the_role_points_at_its_sibling_that_has_it(answers):
    assert resolve(answers, "brex ml sf").kind == "role_unknown"
    assert "The *brex-ai* folder (Brex) has ML / AI Engineer · San Francisco HQ" in text_of(answers, "brex ml sf")


# --- roles, regions, words -----------------------------------------------------------------------------------


def test_specialised_titles_match_by_their_whole_title_first(answers):
    long = resolve(answers, "datadog machine learning infrastructure engineer nyc")
    assert long.guide.key == "datadog/machine-learning-infrastructure-engineer"
    assert resolve(answers, "datadog machine learning engineer nyc").guide.key == "datadog/ml-ai-engineer"


@pytest.mark.parametrize(
    "query, key",
    [
        ("ingeniero de ML en cabify madrid", "cabify/ml-ai-engineer"),
        ("cabify de madrid", "cabify/data-engineer"),
    ],
)
def test_short_aliases_that_are_everyday_words_fire_last(answers, query, key):
    assert band_of(resolve(answers, query)) == ("band", key, "Madrid")


@pytest.mark.parametrize(
    "query, region",
    [("goldman swe London (GBP)", "London"), ("nubank swe (BRL)", "São Paulo"), ("nubank swe MXN", "Mexico City")],
)
def test_regions_with_their_currency(answers, query, region):
    assert band_of(resolve(answers, query))[2] == region


def test_a_currency_not_on_hand_is_said_first(answers):
    resolution = resolve(answers, "goldman swe nyc eur")
    assert band_of(resolution) == ("band", "goldman-sachs/software-engineer", "New York")
    assert resolution.currency_missing == "EUR"
    first_lines = text_of(answers, "goldman swe nyc eur").split("\n")[:2]
    assert first_lines[1] == "• this band is in USD, not EUR: the guide has no EUR band here"


def test_the_region_named_wins_over_a_currency_it_does_not_have(answers):
    """`london usd`: the London band in pounds, said first, never a dollar band of another region."""
    resolution = resolve(answers, "goldman swe london (usd)")
    assert band_of(resolution) == ("band", "goldman-sachs/software-engineer", "London")
    assert resolution.currency_missing == "USD"
    assert "this band is in GBP, not USD" in text_of(answers, "goldman swe london (usd)").split("\n")[1]


def test_two_regions_asked_are_shown_side_by_side(answers):
    resolution = resolve(answers, "scale ai senior swe bay area remote")
    assert resolution.kind == "regions"
    assert [r.name for r in resolution.regions] == ["San Francisco HQ", "Remote US"]


@pytest.mark.parametrize(
    "query, focus, region",
    [
        ("scale ai ml sf levers", "Levers", "San Francisco HQ"),
        ("scale ai ml levers", "Levers", None),
        ("scale ai ml nyc script", "Counter script", "New York"),
        ("scale ai ml script", "Counter script", None),
    ],
)
def test_levers_and_script_filter_any_answer(answers, query, focus, region):
    text = text_of(answers, query)
    expected = f"{focus} · ML / AI Engineer at Scale AI" + (f" · {region}" if region else "")
    assert header(answers, query) == expected
    assert "Base salary" not in text
    if focus == "Levers":
        assert "Competing Offer" in text and "Counter script" not in text
    else:
        assert "top of the band" in text and "Competing Offer" not in text


def test_typos_are_said_in_the_first_line_and_the_header_names_what_is_shown(answers):
    query = "scael ai senior swe sf"
    assert band_of(resolve(answers, query))[:2] == ("band", "scale-ai/senior-software-engineer")
    assert first_line(answers, query).startswith(":information_source: *Not exactly what you asked:*")
    assert "“scael ai” read as _scale ai_" in text_of(answers, query)
    assert header(answers, query) == "Senior Software Engineer at Scale AI · San Francisco HQ"


def test_words_not_understood_are_said_when_a_band_is_shown(answers):
    query = "scale ai senior swe sf zorblax"
    assert band_of(resolve(answers, query))[:2] == ("band", "scale-ai/senior-software-engineer")
    assert "I did not understand “zorblax” and left it out" in text_of(answers, query)


def test_an_exact_query_has_no_notice(answers):
    assert first_line(answers, "scale ai senior swe sf") == "*Senior Software Engineer at Scale AI · San Francisco HQ*"


def format_range(band) -> str:
    from bot.guides.money import format_range as formatted

    return formatted(band.low.amount, band.high.amount, band.currency)


def test_the_first_line_says_so_exactly_when_the_answer_differs_from_the_query(library):
    answers, labelled = library
    checked = 0
    for item in labelled:
        resolution = answers.resolver.resolve(without_focus(item.query))
        if resolution.kind not in ("band", "regions") or without_focus(item.query) != item.query:
            continue
        line = first_line(answers, item.query)
        if resolution.differs:
            assert line.startswith(":information_source: *Not exactly what you asked:*"), item.query
        else:
            company = resolution.guide.company
            named = f"{company.name} ({company.slug})" if resolution.namesakes else company.name
            assert line.startswith(f"*{resolution.guide.role.title} at {named} · "), item.query
        checked += 1
    assert checked >= 300


def test_a_role_whose_guide_could_not_be_read_is_said_to_be_in_the_folder(tmp_path):
    seed = (Path(__file__).parents[1] / "fixtures" / "planetscale-ml-ai-engineer.md").read_text(encoding="utf-8")
    company = tmp_path / "acme"
    company.mkdir()
    (company / "ml-ai-engineer.md").write_text(seed.replace("PlanetScale Global", "Acme Global"), encoding="utf-8")
    no_table = "# Software Engineer | Acme Global Negotiation Guide\n\nFigures to come.\n"  # no band table: left out
    (company / "software-engineer.md").write_text(no_table, encoding="utf-8")
    local = Answers.load([tmp_path], state_dir=tmp_path / "state")
    assert local.resolver.resolve("acme swe remote").kind == "role_unknown"
    text = "\n".join(m.text for m in local.comp("acme swe remote"))
    assert "1 guide I could not read (software-engineer.md)" in text and "guides check" in text
