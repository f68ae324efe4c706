"""Which company the offer is from, when the words typed are not a guide's company exactly.

- "in hand from scale: 200k base" then "scale" made the offer PlanetScale's, without a word:
  the resolver reads `scale` as a typo of PlanetScale's alias `pscale`. A name the person gave
  for one of their offers is now taken as written.
- Any company read from a typo ("plantscale") is said on the reply's first line, before anything
  from that company's guide, with the way back: `not PlanetScale`.
"""

from __future__ import annotations

import pytest

READ_AS = "_Read “{typed}” as PlanetScale, the nearest company I have a guide for."


def test_one_offer_held_asks_whether_it_is_the_one(chat):
    reply = chat.say("in hand from scale: 200k base, 100k rsus")
    assert "Is the Scale offer the one we're working on? If it is, say `Scale`" in reply
    assert "Which offer shall we work on" not in reply


def test_the_offer_chosen_by_its_name_keeps_that_name(chat):
    chat.say("in hand from scale: 200k base, 100k rsus")
    reply = chat.say("scale")
    assert "*Your offer at Scale*" in reply
    assert "PlanetScale" not in reply
    stored = chat.stored()
    assert stored["company_text"] == "Scale" and "company_slug" not in stored
    assert stored["offer"]["base"] == 200_000 and stored.get("rivals", []) == []


def test_the_offer_chosen_in_a_sentence_keeps_that_name(chat):
    chat.say("in hand from scale: 200k base, 100k rsus")
    chat.say("it's the Scale one, ml engineer remote")
    assert chat.stored()["company_text"] == "Scale" and "company_slug" not in chat.stored()


def test_a_guides_company_chosen_among_offers_is_still_placed(chat):
    chat.say("stripe offered 195k base and planetscale offered 180k base")
    chat.say("planetscale")
    assert chat.stored()["company_slug"] == "planetscale" and "company_read_as" not in chat.stored()


def test_a_company_read_from_a_typo_says_so_first(chat):
    chat.say("got an offer: 180k base")
    reply = chat.say("scale")
    assert reply.startswith(READ_AS.format(typed="scale"))
    assert "say `not PlanetScale` and I'll go on without a band" in reply
    assert chat.stored()["company_slug"] == "planetscale"


def test_a_first_message_with_a_mistyped_company_says_so_first(chat):
    reply = chat.say("plantscale offered me 180k base")
    assert reply.startswith(READ_AS.format(typed="plantscale"))
    assert chat.stored()["offer"]["base"] == 180_000


def test_an_exact_company_says_nothing_of_a_reading(chat):
    reply = chat.say("planetscale offered me 180k base, ml, remote")
    assert "_Read “" not in reply
    assert "company_read_as" not in chat.stored()


def test_not_the_company_read_takes_the_words_typed(chat):
    chat.say("got an offer: 180k base")
    chat.say("scale")
    reply = chat.say("not planetscale")
    assert "company scale (not PlanetScale), which no guide of mine covers" in reply
    stored = chat.stored()
    assert stored["company_text"] == "scale"
    assert "company_slug" not in stored and "guide_key" not in stored and "region" not in stored
    assert stored["offer"]["base"] == 180_000


def test_not_the_company_after_the_evaluation_evaluates_without_a_band(chat):
    chat.say("plantscale offered me 180k base")
    chat.say("remote")
    assert "*Your offer, ML / AI Engineer at PlanetScale" in chat.say("100k rsus over 4 years")
    reply = chat.say("wrong company")
    assert "*Your offer at plantscale*" in reply and "no guide of mine covers this company" in reply


def test_not_planetscale_means_nothing_when_planetscale_was_named_exactly(chat):
    chat.say("planetscale offered me 180k base, ml, remote")
    chat.say("not planetscale")
    assert chat.stored()["company_slug"] == "planetscale"


def test_a_location_read_from_a_typo_says_so_first(chat):
    reply = chat.say("planetscale offered me 180k base, ml, remoet")
    assert reply.startswith("_Read “remoet” as Remote US. If that's not it, tell me (`actually it's …`)._")
    assert chat.stored()["region"] == "Remote US"


def test_a_company_and_a_location_read_from_typos_are_said_together(chat):
    reply = chat.say("plantscale offered me 180k base, ml, remoet")
    first = reply.split("\n")[0]
    assert "Read “plantscale” as PlanetScale" in first and "Read “remoet” as Remote US." in first


OFFER = "planetscale ml remote: 180k base, 100k rsus over 4 years"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("actually the offer is from stripe, not planetscale", "stripe"),
        ("wrong company, it's Datadog", "Datadog"),
        ("sorry, the company is Stripe", "Stripe"),
        ("nope, it's from vercel not planetscale", "vercel"),
        ("actually it's Scale AI, not planetscale", "Scale AI"),  # never read back as the one it denies
    ],
)
def test_the_company_said_instead_replaces_the_one_held(chat, text, company):
    """Before: "actually the offer is from stripe, not planetscale" changed nothing, unsaid."""
    chat.say(OFFER)
    reply = chat.say(text)
    assert f"*Your offer at {company}*" in reply and f"company {company} (was PlanetScale)" in reply
    stored = chat.stored()
    assert stored["company_text"] == company and "company_slug" not in stored and "region" not in stored
    assert stored["offer"]["base"] == 180_000 and stored["offer"]["equity"] == 100_000


@pytest.mark.parametrize(
    "text", ["actually it's remote", "actually it's 185k", "actually it's the base", "it's stripe"]
)
def test_a_correction_naming_no_other_company_keeps_it(chat, text):
    chat.say(OFFER)
    chat.say(text)
    assert chat.stored()["company_slug"] == "planetscale"


def test_a_guides_company_said_instead_is_placed_in_its_band_and_the_assumed_currency_follows():
    from pathlib import Path

    from bot.answers import Answers
    from bot.coaching.case import Case
    from bot.coaching.coach import Coach

    variants = Path(__file__).parents[1] / "guides" / "fixtures" / "variants"
    coach = Coach(Answers.load(extra_folders=[variants]))
    case = coach.turn(Case(), "acme swe sf: 180k base, 100k rsus over 4 years").case
    outcome = coach.turn(case, "actually the offer is from nimbus, not acme")
    reply = "\n".join(m.text for m in outcome.messages)
    assert "company Nimbus (was Acme)" in reply and "Which location is the offer for?" in reply
    assert outcome.case.guide_key == "nimbus/ml-ai-engineer" and outcome.case.region is None
    outcome = coach.turn(outcome.case, "london")
    reply = "\n".join(m.text for m in outcome.messages)
    assert "figures read in GBP, the London band's currency (you named none; was USD)" in reply
    assert outcome.case.offer.currency == "GBP" and outcome.case.offer.base == 180_000


def test_a_role_none_of_the_companys_guides_covers_is_never_read_as_one_they_do(chat):
    """Before: "a backend engineer role" at PlanetScale was placed in the ML / AI Engineer guide's band, unsaid."""
    reply = chat.say("planetscale offered me a backend engineer role, 180k base, remote")
    assert "the backend engineer role at PlanetScale, which no guide of mine covers (my PlanetScale guides" in reply
    stored = chat.stored()
    assert "guide_key" not in stored and stored["company_text"] == "PlanetScale backend engineer"
    evaluation = chat.say("100k rsus over 4 years")
    assert "(no guide of mine covers this company and role, so no band to place it in)" in evaluation
    chat.say("actually it's the ml engineer role")
    assert chat.stored()["guide_key"] == "planetscale/ml-ai-engineer" and "company_text" not in chat.stored()


def test_a_seniority_none_of_the_companys_guides_covers_is_never_read_as_one_they_do(chat):
    """As /comp shows no band for a seniority it has not: "a senior offer from planetscale" was placed in the
    ML / AI Engineer guide's band."""
    reply = chat.say("got a senior offer from planetscale, 180k base, remote")
    assert "the senior role at PlanetScale, which no guide of mine covers" in reply
    assert "guide_key" not in chat.stored()


def test_a_company_with_several_guides_is_named_in_the_role_question():
    """Before: "Which role at  is the offer for?" and "*So far:* · Base $150K", the company's name missing
    while its role was still to pick; and a company said instead that has several guides was taken as one
    no guide covers."""
    from pathlib import Path

    from bot.answers import Answers
    from bot.coaching.case import Case
    from bot.coaching.coach import Coach

    variants = Path(__file__).parents[1] / "guides" / "fixtures" / "variants"
    coach = Coach(Answers.load(extra_folders=[variants]))
    first = coach.turn(Case(), "stockco offered me 150k base")
    reply = "\n".join(m.text for m in first.messages)
    assert "Which role at StockCo is the offer for? I have guides for: Alpha, Beta," in reply
    assert "*So far:* StockCo · Base $150K" in reply
    case = coach.turn(Case(), "nimbus ml london: 95k base, no equity, 10% bonus").case
    instead = coach.turn(case, "actually the offer is from stockco, not nimbus")
    assert "company StockCo (was Nimbus)" in "\n".join(m.text for m in instead.messages)
    assert instead.case.company_slug == "stockco" and instead.case.company_text is None


def test_a_location_the_guide_has_no_band_for_is_said_and_the_band_kept(chat):
    """Before: "actually it's London" (PlanetScale has no London band) changed nothing, unsaid."""
    chat.say(OFFER)
    reply = chat.say("actually it's London")
    assert (
        "location London: the PlanetScale ML / AI Engineer guide has no band for it (it has: San Francisco HQ,"
        " Remote US); the band stays Remote US" in reply
    )
    assert chat.stored()["region"] == "Remote US"


def test_no_comma_then_a_location_is_a_correction(chat):
    """Before: "no, it's hq" was read as nothing (the correction's "no," never matched before a space)."""
    chat.say(OFFER)
    assert "region San Francisco HQ (was Remote US)" in chat.say("no, it's hq")
