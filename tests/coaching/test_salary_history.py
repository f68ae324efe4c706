"""What one earns now, asked for by the company ("the recruiter wants my current salary, what do I
say?"): before, the phone script came back, because "what do I say" reads as a request for it. Now
it has its own answer: no need to share it, the words to steer to the role's worth with the guide's
band as the market, and the case left as it was."""

from __future__ import annotations


def test_the_question_gets_its_own_answer_with_the_guides_band(chat):
    chat.say("planetscale ml remote: 180k base, 100k rsus over 4 years, no bonus")
    before = chat.stored()
    reply = chat.say("the recruiter wants my current salary, what do I say?")
    assert reply.startswith("*When they ask what you make now*")
    assert "For the ML / AI Engineer role in Remote US, the market range I've seen for base is $155K–$220K" in reply
    assert "*Phone script" not in reply
    assert chat.stored() == before


def test_without_a_guide_the_answer_is_general_and_says_so(chat):
    reply = chat.say("should i tell them what i make now?")
    assert "*When they ask what you make now*" in reply and "the market range I've seen" not in reply


def test_a_current_salary_stated_is_still_the_current_job(chat):
    chat.say("planetscale ml remote: 180k base, 100k rsus over 4 years, no bonus")
    chat.say("my current salary is 150k")
    assert chat.stored()["current"]["base"] == 150_000
