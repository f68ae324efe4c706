"""What seniority words and level codes a title, a level label or a query holds."""

from __future__ import annotations

import pytest

from bot.guides.words import Aliases, grade, normalize


@pytest.fixture(scope="module")
def aliases():
    return Aliases.load()


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Senior Software Engineer", {"senior"}),
        ("Sr. Software Engineer", {"senior"}),
        ("Staff ML Engineer", {"staff"}),
        ("Senior Staff Engineer", {"senior", "staff"}),
        ("Tech Lead", {"lead"}),
        ("New Grad Software Engineer", {"junior"}),
        ("L5 SDE II", {"l5", "ii"}),
        ("SDE 2", {"ii"}),
        ("E5 (Senior)", {"e5", "senior"}),
        ("IC3", {"ic3"}),
        ("L3-L4", {"l3", "l4"}),
        ("Software Engineer", set()),
        ("Data Platform Engineer", set()),
        (None, set()),
    ],
)
def test_level_tokens(aliases, text, tokens):
    assert aliases.level_tokens(text) == frozenset(tokens)


def test_a_digit_is_a_grade_only_after_a_title_word():
    assert grade("2", after_title=True) == "ii"
    assert grade("2", after_title=False) is None
    assert grade("l5", after_title=False) == "l5"
    assert grade("top", after_title=True) is None


def test_normalize_keeps_words_only():
    assert normalize("ML / AI  Engineer (London, GBP)") == "ml ai engineer london gbp"
    assert normalize("C++ dev\u202e") == "c++ dev"


def test_grade_one_is_a_labels_roman_i_but_never_the_pronoun_in_a_query(aliases):
    assert aliases.level_tokens("L4 SDE I") == frozenset({"l4", "i"})
    assert grade("1", after_title=True) == "i"
    assert grade("i", after_title=True) is None
