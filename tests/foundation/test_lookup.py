"""`/comp` text -> the right guide, region or choices; replies carry the figures exactly."""

import pytest

from bot.render.blocks import MAX_BLOCKS, MAX_HEADER, MAX_SECTION


def kind(answers, text):
    return answers.resolver.resolve(text).kind


def text_of(answers, query):
    return "\n".join(message.text for message in answers.comp(query))


@pytest.mark.parametrize(
    "query",
    [
        "planetscale ml remote",
        "remote ml planetscale",
        "PlanetScale machine learning remote us",
        '"planet scale" mle "remote us"',
        "planetscale ai engineer remote",
        "planetscle ml remote",  # typo in the company
        "planetscale ml remtoe",  # typo in the region
        "planetscale ml-ai-engineer remote",
    ],
)
def test_queries_that_mean_the_remote_band(answers, query):
    resolution = answers.resolver.resolve(query)
    assert resolution.kind == "band"
    assert resolution.guide.key == "planetscale/ml-ai-engineer"
    assert resolution.region.name == "Remote US"


@pytest.mark.parametrize(
    "query", ["planetscale ml sf", "planetscale ml bay area", "hq planetscale ai", "planetscale ml san francisco"]
)
def test_aliases_of_the_headquarters(answers, query):
    resolution = answers.resolver.resolve(query)
    assert (resolution.kind, resolution.region.name) == ("band", "San Francisco HQ")


def test_narrowing(answers):
    assert kind(answers, "planetscale ml") == "regions"
    assert kind(answers, "planetscale") == "roles"
    assert kind(answers, "") == "help"
    assert kind(answers, "help") == "help"
    assert kind(answers, "planetscale swe") == "role_unknown"
    assert kind(answers, "planetscale ml london") == "region_unknown"
    assert kind(answers, "acme ml remote") == "company_unknown"


def test_a_misspelt_company_is_read_as_the_one_on_hand_and_said_so(answers):
    """One right answer each: the typo corrected (and the correction recorded for the reply's
    first line), then narrowed by the other words exactly as if spelt right."""
    resolution = answers.resolver.resolve("planetcsale ml remote sf london")
    # `remote` and `sf` both name a region of the guide (London is none of its regions): both shown.
    assert resolution.kind == "regions"
    assert resolution.corrections == [("planetcsale", "planetscale")]
    assert resolution.guide.key == "planetscale/ml-ai-engineer"
    assert [region.name for region in resolution.regions] == ["San Francisco HQ", "Remote US"]
    unknown = answers.resolver.resolve("plnetscal")
    assert (unknown.kind, unknown.corrections) == ("roles", [("plnetscal", "planetscale")])
    assert [guide.key for guide in unknown.guides] == ["planetscale/ml-ai-engineer"]


def test_an_unknown_company_gets_at_most_five_choices_not_a_dump(answers):
    resolution = answers.resolver.resolve("zzzz qqqq")
    assert resolution.kind == "company_unknown"
    assert len(resolution.suggestions) <= 5


def test_band_reply_has_every_figure(answers):
    text = text_of(answers, "planetscale ml remote")
    for expected in (
        "Remote US",
        "*Base salary:* $155K–$220K",
        "$80K–$225K",
        "vesting over 4 years",
        "$20K–$56,250 a year = grant ÷ 4",
        "*Bonus:* none",
        "*Total comp:* $210K–$340K",
        "Serverless Autoscaling ML",
        "ML + Database Intersection",
        "Self-Managing Database Vision",
        "Google/Anthropic Counter",
        "total comp *$350K*",
        "equity *$235K* over 4 years",
        "counter equity at *$200K–$225K*",
    ):
        assert expected in text, expected
    assert "$170K" not in text  # the other region's figures stay out


def test_band_reply_flags_a_total_that_disagrees_with_its_parts(answers):
    text = text_of(answers, "planetscale ml remote")
    assert "the guide publishes total comp as $210K–$340K, but its parts add up to $175K–$276,250" in text
    assert "(base + stock ÷ 4)" in text


def test_all_regions_side_by_side(answers):
    [message] = answers.comp("planetscale ml")
    fields = [f["text"] for block in message.blocks if block["type"] == "section" for f in block.get("fields", [])]
    assert len(fields) == 2
    assert "*San Francisco HQ*" in fields[0] and "$170K–$235K" in fields[0] and "$230K–$365K" in fields[0]
    assert "*Remote US*" in fields[1] and "$155K–$220K" in fields[1] and "$210K–$340K" in fields[1]


def test_levers_and_script_alone(answers):
    levers = text_of(answers, "planetscale ml sf levers")
    assert "Serverless Autoscaling ML" in levers and "$170K" not in levers
    script = text_of(answers, "planetscale ml sf script")
    assert "I'm targeting $350K total comp" in script and "Serverless Autoscaling ML" not in script


def test_unknown_company_reply_offers_the_closest(answers):
    text = text_of(answers, "planetscal3 ml")
    assert "PlanetScale" in text


def test_every_message_has_text_and_stays_within_slack_limits(answers):
    for query in ("planetscale ml remote", "planetscale ml", "planetscale", "", "acme", "x" * 5000):
        for message in answers.comp(query):
            assert message.text.strip()
            assert 0 < len(message.blocks) <= MAX_BLOCKS
            for block in message.blocks:
                if block["type"] == "header":
                    assert len(block["text"]["text"]) <= MAX_HEADER
                if block["type"] == "section" and "text" in block:
                    assert len(block["text"]["text"]) <= MAX_SECTION
