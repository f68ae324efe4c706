""" "What if they say no?": a refusal asked about before it happens.

Before: the classifier read it as a question about deadlines and the coach answered with
"Deadlines and exploding offers"; "what do I do if they won't budge?" did the same. Now it has its
own answer: what can still move (each part's distance to its band's top, with its formula), the
guide's levers, the words to say, the walk-away and better alternatives; nothing in the case
changes, since nobody has refused yet.
"""

from __future__ import annotations

import pytest

from bot.understanding.entities import Context
from bot.understanding.reader import understand

OFFER = "planetscale ml remote: 170k base, 90k rsus over 4 years, no bonus"
ASKED = [
    "what if they say no?",
    "what if they refuse?",
    "what do I do if they won't budge?",
    "and if the recruiter says no?",
    "what happens if they reject it?",
    "what if they rescind the offer?",
    "what should i do if they can't go higher?",
]
TOLD = ["they said no", "they won't budge on salary", "what if they say the base is fixed?"]


@pytest.mark.parametrize("text", ASKED)
def test_a_refusal_asked_about_is_its_own_question(text):
    assert understand(text, Context(pending="leverage", company_names=frozenset({"planetscale"}))).intent == "say_no"


@pytest.mark.parametrize("text", TOLD)
def test_a_refusal_told_is_still_a_pushback(text):
    assert understand(text, Context(pending="leverage", company_names=frozenset({"planetscale"}))).intent == "pushback"


def test_the_answer_shows_what_can_still_move_and_changes_nothing(chat):
    chat.say(OFFER)
    chat.say("another offer from acme, 230k total")
    before = chat.stored()
    reply = chat.say("what do I do if they won't budge?")
    assert "*If they say no*" in reply and "Deadlines" not in reply
    assert "• *Base salary:* $170K, $50K below the top ($220K − $170K) (band $155K–$220K)" in reply
    assert "• *Serverless Autoscaling ML*" in reply  # the guide's first lever
    assert "The Acme offer pays more (+$37.5K" in reply
    after = chat.stored()
    assert before["offer"] == after["offer"] and before.get("fixed") == after.get("fixed")


def test_a_limit_on_the_move_caps_the_part_at_the_figure_held_plus_it(chat):
    """'the best they can do on base is another 5k max' (held-out 27, dictated) was shown as "base fixed at no
    more than $5K": the move taken for the cap. The cap is the base held plus the move, the sum said; with no
    base held, the coach asks for it rather than make one up."""
    chat.say(OFFER)
    reply = chat.say("recruiter says the best they can do on bass is another five k max")
    assert "base fixed at no more than $170K + $5K = $175K, they said" in reply
    assert "$5K, they said" not in reply.replace("+ $5K", "")
    assert chat.stored()["caps"] == {"base": 175_000}


def test_a_limit_on_the_move_with_no_figure_held_asks_for_it(chat):
    reply = chat.say("the best they can do on base is another 5k max")
    assert "What is the base now?" in reply and "no more than" not in reply


def test_part_of_the_ask_refused_by_its_place_in_the_counter(chat):
    """'they said yes to the first one but not the second' (held-out 34, follow-ups) was read as the offer
    accepted. It is a pushback on the counter's second ask, read and said as such; the counter asks base, then
    equity, so the equity is what is kept out."""
    chat.say(OFFER)
    chat.say("what should I counter with")
    reply = chat.say("they said yes to the first one but not the second")
    assert "*When they say the equity is fixed*" in reply
    assert "the second read as the equity (the counter asks base, then equity)" in reply
    assert chat.stored()["fixed"] == ["equity"]


def test_a_place_the_counter_has_no_ask_at_is_asked_about_not_guessed(chat):
    chat.say(OFFER)
    reply = chat.say("they said yes to the first one but not the fourth")
    assert "Which part did they say no to? The counter asks for 1. base salary: $170K → $220K" in reply
    assert not chat.stored().get("fixed")


def test_part_of_the_ask_refused_by_name():
    context = Context(company_names=frozenset({"planetscale"}))
    utterance = understand("they agreed to the sign-on but not the base", context)
    assert utterance.intent == "pushback" and utterance.fixed == ["base"]
    assert understand("they said yes to the base bump but not the equity", context).fixed == ["equity"]
