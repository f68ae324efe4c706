"""A company no guide covers, and an offer held besides the one coached, in the DM coach.

Before: "Stripe offered me 190k base" and the answer "stripe" to "Which company?" both left the
company unknown, so the coach asked "Which company and role is the offer for?" again after every
message, with no way out; and "i also have an offer from google for 200k base" as a first
message became the person's own base.
"""

from __future__ import annotations

NO_GUIDE = "company {}, which no guide of mine covers: no band to compare with, but I'll total the offer"
ASKS_COMPANY = "Which company and role is the offer for?"


def test_an_offer_from_a_company_no_guide_covers_is_coached_without_a_band(chat):
    first = chat.say("Stripe offered me 190k base for a backend engineer role in NYC")
    assert NO_GUIDE.format("Stripe") in first
    assert ASKS_COMPANY not in first
    assert "What is the equity grant" in first
    evaluation = chat.say("60k RSUs over 4 years, no bonus")
    assert "• *Base salary:* $190K (no guide of mine covers this company and role, so no band to place it in)" in (
        evaluation
    )
    assert "base $190K + equity $60K ÷ 4 + bonus $0 + sign-on $0 ÷ 4 = $205K" in evaluation
    assert ASKS_COMPANY not in evaluation


def test_the_answer_to_which_company_is_taken_even_when_no_guide_covers_it(chat):
    assert ASKS_COMPANY in chat.say("they offered me 190k base")
    reply = chat.say("it's stripe")
    assert NO_GUIDE.format("stripe") in reply
    assert ASKS_COMPANY not in reply
    assert chat.stored()["company_text"] == "stripe"


def test_a_company_named_with_role_and_place_keeps_its_name_only(chat):
    chat.say("they offered me 190k base")
    reply = chat.say("Stripe, backend engineer in NYC")
    assert NO_GUIDE.format("Stripe") in reply
    assert chat.stored()["company_text"] == "Stripe"


def test_a_question_instead_of_the_company_is_no_company(chat):
    chat.say("they offered me 190k base")
    chat.say("what do you mean?")
    assert chat.stored().get("company_text") is None


def test_an_offer_held_besides_never_becomes_the_persons_own(chat):
    first = chat.say("i also have an offer from google for 200k base")
    assert "Google offer: base $200K" in first or "google offer: base $200K" in first
    assert chat.stored()["offer"].get("base") is None
    second = chat.say("planetscale offered me 168k base for ml engineer, remote, 100k stock over 4 years")
    assert "Base salary:* $168K" in second


def test_a_bare_figure_beside_the_offers_verb_is_asked_about_not_dropped(chat):
    reply = chat.say("they offered me 175 plus 90k RSUs")
    assert "Is 175 the base salary, the equity grant, a bonus or a sign-on?" in reply
