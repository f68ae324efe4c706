"""Offers written the way they are outside the US, typed at the coach.

Before: "VSOP of 40.000 € over 4 years, 7,5 % bonus" noted a 5% bonus and asked whether 40.000 €
was the base; "fixed pay of ₹34,00,000" was asked about as a figure of no part; "CTC ₹42 LPA with
₹31 lakh fixed" noted the base and in the same reply asked for it ("a total alone isn't enough");
"A$170k + super in syd" asked whether A$170k was the base, and "location is syd" later became the
company's name (or, with a figure asked about, was passed over: "I couldn't read an answer").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import Answers
from bot.coaching.case import Case
from bot.coaching.coach import Coach

VARIANTS = Path(__file__).parents[1] / "guides" / "fixtures" / "variants"
ASKS_BASE = "What is the base salary?"
ASKS_PART = "the base salary, the equity grant, a bonus or a sign-on?"


@pytest.fixture(scope="module")
def coach():
    return Coach(Answers.load(extra_folders=[VARIANTS]))


def talk(coach, *texts: str) -> tuple[Case, list[str]]:
    case, replies = Case(), []
    for text in texts:
        outcome = coach.turn(case, text)
        case = outcome.case or case
        replies.append("\n".join(message.text for message in outcome.messages))
    return case, replies


def test_a_vsop_and_a_decimal_comma_bonus(coach):
    case, (reply,) = talk(coach, "VSOP of 40.000 € over 4 years, 7,5 % bonus")
    assert "*Noted:* equity €40K · bonus 7.5% of base" in reply
    assert ASKS_PART not in reply
    assert (case.offer.equity, case.offer.equity_years, str(case.offer.bonus_percent)) == (40_000, 4, "7.5")


def test_fixed_pay_in_lakh_grouping_and_esops(coach):
    case, (first, second) = talk(coach, "fixed pay of ₹34,00,000", "ESOPs ₹48 L over 4 yrs")
    assert "*Noted:* base ₹34L" in first and ASKS_PART not in first
    assert "*Noted:* equity ₹48L" in second and ASKS_PART not in second
    assert (case.offer.base, case.offer.equity, case.offer.equity_years) == (3_400_000, 4_800_000, 4)


@pytest.mark.parametrize(
    "text",
    [
        "koyal health offered me SDE-2 backend in bengaluru: CTC ₹42 LPA with ₹31 lakh fixed",
        "planetscale ml remote: total comp 250k with 180k base",
        "planetscale ml remote: 180k base, total comp 250k",
    ],
)
def test_a_total_beside_the_base_asks_for_no_base(coach, text):
    case, (reply,) = talk(coach, text)
    assert ASKS_BASE not in reply
    assert "as you stated it (I total the parts myself, so it isn't added in)" in reply
    assert case.offer.base in (3_100_000, 180_000)


def test_a_total_alone_still_asks_for_the_base(coach):
    _, (reply,) = talk(coach, "planetscale ml remote: total comp 250k")
    assert "a total alone (250k) isn't enough. What is the base salary?" in reply


def test_super_is_a_note_and_the_location_waits_for_the_company(coach):
    case, (first, second, third) = talk(coach, "A$170k + super in syd", "location is syd", "zenith data scientist")
    assert "retirement contribution (401k / pension / super) (kept as a note)" in first
    assert "base A$170K" in first and ASKS_PART not in first
    kept = "location syd (kept: I'll place it in the band once I know the company)"
    assert kept in first and kept in second
    assert case.company_text is None and "company location" not in second
    assert "location Sydney (“syd”, as you said before)" in third
    assert (case.region, case.offer.currency, case.offer.base) == ("Sydney", "AUD", 170_000)


def test_a_location_said_while_a_figure_is_asked_about_is_kept(coach):
    case, (_, reply) = talk(coach, "A$170k in syd", "location is syd")
    assert "I couldn't read an answer" not in reply
    assert "location syd (kept" in reply and ASKS_PART in reply
    assert case.place_said == "syd"


def test_a_figure_of_no_part_is_never_dropped_unsaid(coach):
    """Before: a second figure of no part in one message ("fixed pay of ₹34,00,000, ESOPs ₹48 L" while ESOPs
    were not read as equity) was dropped without a word, and so was the figure asked about when the next
    message gave another part ("30k sign-on", or "ESOPs ₹48 L" after "fixed pay of ₹34,00,000")."""
    _, (reply,) = talk(coach, "planetscale ml remote: 175k and then 30k")
    assert "left out: 30k, as no part is named for it" in reply
    assert "Is 175k the base salary" in reply
    case, (_, second, third) = talk(coach, "planetscale ml remote: 175k", "30k sign-on", "base")
    assert "sign-on $30K" in second and "Is 175k the base salary" in second
    assert (case.offer.base, case.offer.sign_on) == (175_000, 30_000)
