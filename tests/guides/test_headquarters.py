"""`hq` means each company's own headquarters: the region its guide marks HQ (`London HQ`,
`San Francisco HQ`), never San Francisco for every company. A guide that marks no region as
its headquarters gets a reply that says so and lists its regions, never a guessed city.

Before: `hq` was a San Francisco word in data/aliases.json, so `/comp sfco ml hq` answered the
San Francisco band of a company whose guide names no headquarters at all."""

from __future__ import annotations

import pytest

from bot.answers import Answers
from bot.coaching.coach import Coach
from bot.store.cases import CaseStore
from bot.store.database import Store

NO_HQ = """\
### ML / AI Engineer | SFCo Global Negotiation Guide

**Negotiation DNA:** Public | Analytics | Stable

| Region | Base Salary | Stock (RSU/4yr) | Bonus | Total Comp |
|--------|-------------|-----------------|-------|------------|
| San Francisco | $170K–$230K | $100K–$240K | 10% | $210K–$330K |
| New York | $165K–$225K | $100K–$240K | 10% | $205K–$325K |

**Global Levers**

1. **Analytics Depth:** "I know analytics."
"""
LONDON_HQ = """\
### ML / AI Engineer | Thamesco Global Negotiation Guide

**Negotiation DNA:** Public | Payments | Stable

| Region | Base Salary | Stock (RSU/4yr) | Bonus | Total Comp |
|--------|-------------|-----------------|-------|------------|
| San Francisco | $170K–$230K | $100K–$240K | 10% | $210K–$330K |
| London HQ | £90K–£130K | £60K–£140K | 10% | £120K–£180K |

**Global Levers**

1. **Payments Depth:** "I know payments."
"""


@pytest.fixture(scope="module")
def hq_answers(tmp_path_factory) -> Answers:
    folder = tmp_path_factory.mktemp("headquarters")
    for slug, text in (("sfco", NO_HQ), ("thamesco", LONDON_HQ)):
        (folder / slug).mkdir()
        (folder / slug / "ml-ai-engineer.md").write_text(text, encoding="utf-8")
    return Answers.load([folder])


@pytest.mark.parametrize(
    ("query", "region"),
    [
        ("thamesco ml hq", "London HQ"),  # not its San Francisco band
        ("thamesco ml headquarters", "London HQ"),
        ("hq thamesco ml", "London HQ"),
        ("thamesco ml head office", "London HQ"),
        ("planetscale ml hq", "San Francisco HQ"),  # the seed's own HQ
        ("thamesco ml sf", "San Francisco"),  # city words still mean the city
    ],
)
def test_hq_is_the_region_the_companys_guide_marks_hq(hq_answers, query, region):
    resolution = hq_answers.resolver.resolve(query)
    assert (resolution.kind, resolution.region.name) == ("band", region)


def test_hq_at_a_company_whose_guide_marks_none_is_said_and_the_regions_listed(hq_answers):
    resolution = hq_answers.resolver.resolve("sfco ml hq")
    assert resolution.kind == "region_unknown" and resolution.no_headquarters
    assert [r.name for r in resolution.regions] == ["San Francisco", "New York"]
    text = "\n".join(m.text for m in hq_answers.comp("sfco ml hq"))
    assert text.startswith(
        "The SFCo guide marks none of its regions as the headquarters, so I can't tell which band *hq* means "
        "for ML / AI Engineer at SFCo. These are the bands the guide has:\n"
        "*ML / AI Engineer at SFCo · 2 regions: San Francisco, New York*"
    )
    assert "• *Base salary:* $170K–$230K" in text and "• *Base salary:* $165K–$225K" in text


def test_a_region_not_in_the_guide_keeps_its_own_words(hq_answers):
    """Only `hq` gets the headquarters sentence; another missing region is said as before."""
    resolution = hq_answers.resolver.resolve("sfco ml london")
    assert resolution.kind == "region_unknown" and not resolution.no_headquarters
    assert "\n".join(m.text for m in hq_answers.comp("sfco ml london")).startswith(
        "I have no *london* band for ML / AI Engineer at SFCo. These are the bands the guide has:"
    )


def test_the_coach_asks_the_location_when_hq_names_none(hq_answers, isolated_environment):
    store = Store.open(None, isolated_environment)
    try:
        coach = Coach(hq_answers, CaseStore(store))

        def say(text: str, user: str) -> str:
            return "\n".join(m.text for m in coach.reply(text, user=user, team="T1"))

        reply = say("I got an offer from sfco for ML engineer at hq: $200k base, $100k stock over 4 years", "U1")
        assert (
            "Which location is the offer for? The SFCo ML / AI Engineer guide has: San Francisco, New York. "
            "It marks none of them as the headquarters, so I can't tell which one *hq* is."
        ) in reply
        assert "SFCo · ML / AI Engineer · Base $200K" in reply  # no region picked
        assert "· New York ·" in say("new york", "U1")
        reply = say("I got an offer from thamesco for ML engineer at hq: £100k base, £80k stock over 4 years", "U2")
        assert "Thamesco · ML / AI Engineer · London HQ · Base £100K" in reply
    finally:
        store.dispose()
