"""Answers kept by what a query resolved to (bot/answer_cache.py) are the answers rendered
afresh: over a team's worth of distinct queries (bench/_traffic.py: spellings, orders,
typos, filters, levels, companies not on hand), every reply served from an entry another
text filled equals the reply rendered for its own text, notices quoting the typed words
included. Checked against mutations of bot/answer_cache.py: dropping `corrections`, the
typed role words or the query from the key, or giving the notice rendered apart no region,
each fails `test_cached_replies_equal_uncached_over_distinct_queries`."""

from __future__ import annotations

import pytest

from bench._traffic import team_queries
from bot.answers import Answers


@pytest.fixture(scope="module")
def team(tmp_path_factory):
    folder = tmp_path_factory.mktemp("library")
    queries = team_queries(folder, seed=5, count=700)
    answers = Answers.load([folder], state_dir=tmp_path_factory.mktemp("state"))
    return answers, [query.text for query in queries]


def payloads(messages) -> list[dict]:
    return [message.payload() for message in messages]


EXTRA = [
    # One band, typed many ways: a notice for each typo or word left out, quoting it.
    "planetscale ml remote",
    "PlanetScale ML remote",
    "planetscle ml remote",
    "plnetscale ml remote",
    "planetscale ml remot",
    "planetscale ml remote please thanks",
    "planetscale ml remote frobnicate",
    "planetscale ml remote levers",
    "script planetscale ml remote",
    "planetscle ml remote counter",
    # A currency not on hand: said in the notice, for one band or for all of them.
    "planetscale ml remote EUR",
    "planetscale ml remote (GBP)",
    "planetscale ml GBP",
    "planetscale ml (EUR)",
    "planetscale ml levers EUR",
    "planetscle ml script (EUR)",
    "planetscale ml frobnicate remote levers",
    # Not on hand: the answer repeats the text typed (kept with a mark where the text goes).
    "acme ml remote",
    "acme ml london",
    "ACME ml london",
    "zorblax swe",
    "zorblax swe remote",
    'zorblax <swe> & "ml" remote',
    "zorblax ml \ue000query\ue000 remote",  # the mark itself typed: quoted as typed
    "zorblax " + "&" * 292,  # the longest text shown, each character escaped to five
    "zorblax " + "<" * 5000,
    "  zorblax\u2028ml\x1c\tremote  ",
    # Seniority or role words not on hand: the answer names them as typed.
    "scale ai principal swe sf",
    "scale ai principal software engineer sf",
    "Scale AI principal SWE sf",
    "scale ai lead swe",
    "scale ai lead software engineer",
    "amazon l8 seattle",
    "amazon L8 seattle",
    "planetscale nurse",
    "planetscale firmware engineer",
    "planetscale network engineer",
    # Help and nothing.
    "",
    "help",
    "ml remote",
    "remote",
]


def test_cached_replies_equal_uncached_over_distinct_queries(team):
    answers, texts = team
    render = answers.comp.__wrapped__  # past the cache of typed texts, through the one by resolution
    before = answers.rendered.hits
    for interactive in (True, False):
        for text in [*texts, *EXTRA]:
            assert payloads(render(text, interactive=interactive)) == payloads(
                answers.comp_uncached(text, interactive=interactive)
            ), text
    # The comparison means something only if many replies came from an entry another text filled.
    assert answers.rendered.hits - before > len(texts) // 3


def test_a_notice_quotes_its_own_text_not_the_text_that_filled_the_entry(team):
    answers, _ = team
    first = answers.comp.__wrapped__("planetscle ml remote")[0].text
    second = answers.comp.__wrapped__("plnetscale ml remote")[0].text
    assert "planetscle" in first and "plnetscale" not in first
    assert "plnetscale" in second and "planetscle" not in second
    plain = answers.comp.__wrapped__("PlanetScale ML remote")[0].text
    assert "Not exactly what you asked" not in plain
    assert answers.comp.__wrapped__("planetscale ml remote")[0] is answers.comp.__wrapped__("PlanetScale ML remote")[0]


def test_not_on_hand_answers_repeat_their_own_text(team):
    answers, _ = team
    for text in ("acmezz ml london", "ACMEZZ ml london"):
        assert f"You typed “{text}”" in "\n".join(m.text for m in answers.comp.__wrapped__(text))


def test_not_on_hand_answers_are_kept_once_for_every_wording_of_one_company(team):
    """The answer repeating the text is kept with a mark in the text's place: other wordings
    about the same company fill it with their own text; the mark typed is only text."""
    from bot.answer_cache import QUERY_MARK

    answers, _ = team
    render = answers.comp.__wrapped__
    render("zorblax ml london")
    hits = answers.quoting.hits
    reply = render("Zorblax <ML> london")
    assert answers.quoting.hits == hits + 1
    assert "You typed “Zorblax &lt;ML&gt; london”" in reply[-1].text
    assert not any(QUERY_MARK in message.text for message in reply)
    typed = f"zorblax {QUERY_MARK} london"
    assert payloads(render(typed)) == payloads(answers.comp_uncached(typed))


def test_a_currency_missing_for_every_region_is_said_not_an_error(team):
    """All of a guide's regions with a currency none of them is in: the notice says so (the
    template once read a `region` that this answer does not have, and the reply was an apology)."""
    answers, _ = team
    text = answers.comp_uncached("planetscale ml GBP")[0].text
    assert text.startswith(":information_source: *Not exactly what you asked:*")
    assert "no band in GBP for this role" in text


def test_the_cache_is_bounded(team):
    answers, texts = team
    for text in texts:
        answers.comp.__wrapped__(text)
    assert len(answers.rendered) <= answers.rendered.size
