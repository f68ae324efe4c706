"""The classifier's second opinion (bot/understanding/classifier.py): trained only on tuned lines,
kept current with the labelled set, and never overruling what the rules read precisely."""

from __future__ import annotations

from bot.understanding.classifier import EXAMPLES, Model, features, model, read_examples
from bot.understanding.entities import Context
from bot.understanding.reader import understand
from scripts.intent_examples import render
from tests.understanding.dataset import examples


def test_the_training_lines_are_the_tuned_labelled_lines_and_current():
    assert EXAMPLES.read_text(encoding="utf-8") == render(), "run: .venv/bin/python -m scripts.intent_examples"
    trained = [(e.intent, e.pending, e.text) for e in read_examples()]
    tuned = [(e.intent, e.pending, e.text) for e in examples() if not e.held_out]
    assert trained == tuned  # held-out lines never train it (a held-out "10%" may repeat a tuned one)


def test_features_read_figures_as_one_token_and_the_pending_question():
    assert "0" in features("175k base") and "0" in features("$175,000")
    assert "@pending" in features("skip", "base") and "@pending" not in features("skip")


def test_a_tiny_model_picks_the_class_whose_words_it_has_seen():
    from bot.understanding.classifier import Example

    tiny = Model(
        [Example("thanks", "thank you so much", None), Example("deadline", "they need an answer by friday", None)]
    )
    assert tiny.predict("thank you!") == "thanks"
    assert tiny.predict("answer by monday?") == "deadline"
    assert tiny.similarity("thank you", "thanks") > tiny.similarity("thank you", "deadline")


def test_control_words_bare_answers_and_figures_stay_as_the_rules_read_them():
    context = Context(pending="base", company_names=frozenset({"planetscale"}))
    assert understand("forget me", context).intent == "forget"
    assert understand("175k", context).intent == "answer"
    assert understand("skip", context).intent == "skip"
    offer = understand("they offered me 175k base plus 90k in RSUs")
    assert offer.intent == "offer" and offer.labels() == {"base=175000", "equity=90000", "grant=rsu"}


def test_where_the_rules_read_nothing_the_second_opinion_answers():
    # Rules alone leave these as `other` or a statement; the classifier names the question.
    line = "178k base, decent for this role or not?"
    assert understand(line, second_opinion=False).intent != "good"
    assert understand(line).intent == "good"
    assert understand(line).labels() == understand(line, second_opinion=False).labels()  # entities untouched


def test_a_pushback_read_by_the_classifier_fixes_the_parts_it_names():
    line = "no flexibility at all on the sign on unfortunately"
    read = understand(line)
    if read.intent == "pushback":
        assert read.fixed == ["sign_on"]
    assert model().predict(line) == "pushback"
