"""Any sequence of DMs gets a useful reply from the coach: never an exception, never an
empty message, and none of the person's text reaches mrkdwn unescaped."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.coaching.case import Case
from bot.coaching.coach import Coach

ENTITY_RE = re.compile(r"&(amp|lt|gt);")
FRAGMENTS = [
    "I got an offer from PlanetScale",
    "ml engineer",
    "remote",
    "sf",
    "$168k base",
    "$100k stock over 4 years",
    "15% bonus",
    "$20k sign-on",
    "another offer from Acme for $300k total",
    "no other offers",
    "5 dollars",
    "99 billion",
    "£75k",
    "₹20L",
    "1.2M",
    "$168.5",
    "email",
    "phone script",
    "the base is fixed",
    "they came back with $185k base",
    "status",
    "help",
    "start over",
    "forget me",
    "yes",
    "no",
    "tax",
    "<!channel>",
    "<@U1>",
    "&",
    "::header x",
    "🙂",
    "",
]


def assert_escaped(text: str) -> None:
    body = "\n".join(line[1:] if line.startswith(">") else line for line in text.split("\n"))
    assert "<" not in body and ">" not in body, body
    assert "&" not in ENTITY_RE.sub("", body), body


def run_turns(coach: Coach, texts: list[str]) -> None:
    case = Case()
    for text in texts:
        outcome = coach.turn(case, text)
        assert outcome.messages
        for message in outcome.messages:
            assert message.text.strip()
            assert message.blocks
            assert_escaped(message.text)
        if outcome.forget:
            case = Case()
        elif outcome.case is not None:
            case = Case.from_stored(outcome.case.to_stored())  # as the store would give it back


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.sampled_from(FRAGMENTS), max_size=4).map(" ".join) | st.text(max_size=80), max_size=8))
def test_any_conversation(answers, texts):
    run_turns(Coach(answers), texts)


def test_long_input(answers):
    run_turns(Coach(answers), ["$168k base " * 1000, "x" * 10_000])
