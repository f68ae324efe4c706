"""What seniority words and level codes a title, a level label or a query holds."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.guides.words import _INVISIBLE_OR_ACCENT, Aliases, grade, normalize


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


def _normalize_unicode_way(text: str) -> str:
    """`normalize` as it was before its ASCII short way: NFKD, categories, casefold, two regexes."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE_OR_ACCENT)
    text = re.sub(r"[^\w&+#]+", " ", text.casefold())
    return re.sub(r"\s+", " ", text.replace("_", " ")).strip()


MIXED = "aZ9 _-&+#.\t\n\x00\x7féß\u0301\u200bİ½①\u3000😀"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)) | st.text(alphabet=MIXED))
def test_normalize_short_way_for_ascii_equals_the_unicode_way(text):
    assert normalize(text) == _normalize_unicode_way(text)
    assert normalize(text + "é") == _normalize_unicode_way(text + "é")  # the general way too


def test_normalize_drops_ascii_controls_inside_a_word():
    assert normalize("Plan\tet\x00Scale_ML") == "planetscale ml"


def test_grade_one_is_a_labels_roman_i_but_never_the_pronoun_in_a_query(aliases):
    assert aliases.level_tokens("L4 SDE I") == frozenset({"l4", "i"})
    assert grade("1", after_title=True) == "i"
    assert grade("i", after_title=True) is None
