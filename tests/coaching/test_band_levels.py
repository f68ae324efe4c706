"""An offer in a guide with a band per level at each place (Lumenfield: IC2, IC3, IC4 in Seattle, ...).

Before: "lumenfield offered me IC3 SRE in seattle: $185K base, $200K RSUs over 4 years" was placed in
Seattle's first band (IC2, never said) and its grant was called more than 3 times the top of the
band, a $25K-a-year band read as a grant; "... an SRE role in seattle" asked for the location it had
been given, since Seattle has three bands.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import Answers
from bot.coaching.coach import Coach
from tests.coaching.test_offers_abroad import talk

BLIND = Path(__file__).parents[1] / "guides" / "fixtures" / "blind"


@pytest.fixture(scope="module")
def coach():
    return Coach(Answers.load([BLIND]))


def test_the_level_said_with_the_offer_places_it_in_that_levels_band(coach):
    case, (reply,) = talk(
        coach, "lumenfield offered me IC3 SRE in seattle: $185K base, $200K RSUs over 4 years, 12% bonus, no sign on"
    )
    assert (case.region, case.region_level) == ("Seattle", "IC3")
    assert "*Where each part sits in the guide's IC3 Seattle band*" in reply
    assert "middle third of the band ($170K–$200K)" in reply  # IC3's base, not IC2's $140K–$165K
    assert "times the top" not in reply  # $200K over 4 years beside a band of $50K a year
    assert "Equity per year (4-year grant):* $50K" in reply


def test_an_unknown_level_is_asked_never_taken_from_another_band(coach):
    case, replies = talk(coach, "lumenfield offered me an SRE role in seattle, 185k base", "IC4")
    assert "Which level is the offer at?" in replies[0] and "Seattle band for each of: IC2, IC3, IC4" in replies[0]
    assert "Which location" not in replies[0]
    assert "*Noted:* level IC4." in replies[1] and (case.region, case.region_level) == ("Seattle", "IC4")
    assert "IC4 · Seattle" in replies[1]


def test_the_email_and_call_name_the_guides_own_words_beside_the_coachs(coach):
    _, replies = talk(
        coach,
        "lumenfield offered me IC3 SRE in seattle: $185K base, $200K RSUs over 4 years, 12% bonus, no sign on",
        "no other offers",
        "email please",
        "phone script",
    )
    assert "The Lumenfield guide has its own words for this too" in replies[2] and "_Email template_" in replies[2]
    assert "_Recruiter call talking points_, _Handling pushback_" in replies[3]
    assert "Their figures are the author's example, not yours." in replies[3]
