""" "What's my leverage if I have no other offer?": leverage asked about, not an offer stated.

Before: the question was read as "no other offers" (or as nothing), and the coach repeated its
pending question without answering. Now it has its own answer: the room each part's band leaves
(with its formula), the guide's levers, the alternatives the person named (none invented), the
walk-away, and words to say without a competing offer. The case does not change.

The rule was written for the first two wordings asked; the other ten, and the seven not asked,
were written after it and scored once before any change: 10/10 and 7/7.
"""

from __future__ import annotations

import pytest

from bot.understanding.entities import Context
from bot.understanding.reader import understand

OFFER = "planetscale ml remote: 175k base, 90k rsus over 4 years"
ASKED = [
    "what's my leverage if I have no other offer?",
    "can I negotiate without a competing offer?",
    "what leverage do I have here?",
    "do I have any leverage?",
    "how much leverage do i really have",
    "is it ok to negotiate without another offer?",
    "should I counter even with no other offers?",
    "how can I push back if I don't have a competing offer",
    "I have no other offers, can I still negotiate?",
    "where is my leverage?",
    "can i ask for more without a competing offer?",
    "what leverage do i have with only one offer?",
]
NOT_ASKED = [
    "how do i leverage the figma offer",
    "can i leverage ramp's 200k for more base?",
    "no other offers",
    "I have no other offers",
    "what should I counter with?",
    "they won't budge, what now?",
    "use the stripe offer as leverage",
]
CONTEXT = Context(company_names=frozenset({"planetscale"}))


@pytest.mark.parametrize("text", ASKED)
def test_leverage_asked_about_is_its_own_question(text):
    assert understand(text, CONTEXT).intent == "leverage"


@pytest.mark.parametrize("text", NOT_ASKED)
def test_leverage_used_or_alternatives_told_are_not_the_question(text):
    assert understand(text, CONTEXT).intent != "leverage"


def test_the_answer_shows_the_room_the_levers_and_invents_no_alternative(chat):
    chat.say(OFFER)
    before = chat.stored()
    reply = chat.say("what's my leverage if I have no other offer?")
    assert "*Your leverage*" in reply
    assert "• *Base salary:* $175K, $45K below the top ($220K − $175K) (band $155K–$220K)" in reply
    assert "• *Equity (4-year grant):* $90K, $135K below the top ($225K − $90K) (band $80K–$225K)" in reply
    assert "*Serverless Autoscaling ML*" in reply
    assert "you've named no other offer and no current job. I never invent one" in reply
    assert chat.stored() == before


def test_a_named_alternative_that_pays_more_is_called_leverage(chat):
    chat.say(OFFER)
    chat.say("I also have an offer from Ramp for 250k total")
    reply = chat.say("how much leverage do I have?")
    assert "The Ramp offer: $250K" in reply and "it pays more, so it is real leverage" in reply
    assert "you've named no other offer" not in reply
