"""The labelled set (labelled.txt): intent accuracy and entity F1, overall and on each held-out
section (written blind, floored at its first score). The bench (bench/understanding.py) prints the
per-class table."""

from __future__ import annotations

from tests.understanding.dataset import (
    Example,
    examples,
    given_away,
    misattributed,
    misattributions,
    score,
    sections,
)

EXAMPLES = examples()


def test_the_set_is_big_enough_and_covers_every_class():
    assert len(EXAMPLES) >= 300
    per_class = {}
    for example in EXAMPLES:
        per_class[example.intent] = per_class.get(example.intent, 0) + 1
    assert len(per_class) >= 30
    assert all(count >= 4 for count in per_class.values()), per_class
    assert sum(e.held_out for e in EXAMPLES) >= 120


def test_intent_accuracy_and_entity_f1_on_the_lines_tuned_on():
    result = score([e for e in EXAMPLES if not e.held_out])
    assert result.accuracy >= 0.97, "\n".join(result.intent_misses)
    assert result.entity_f1 >= 0.95, "\n".join(result.entity_misses)


# Held-out sections, floored at their first score, so a regression in generalisation still fails. The second
# held-out batch was written after two blind sets had been tuned on and scored once (84.3% intent; 100%
# once the causes of its misses were fixed in general, with other batches). The third was written after
# the sixth and seventh batches and the classifier, scored once: 92.9% intent, 94.2% entity F1. The fourth
# after the eighth and ninth batches, scored once: 94.3% intent, 89.3% entity F1. The fifth after the tenth
# batch (entities first), scored once: 94.3% intent, 91.1% entity F1. The sixth after the thirteenth batch
# (entity-heavy wordings), scored once: 87.1% intent, 93.5% entity F1. The seventh after the fourteenth batch
# (which probed the sixth's misses), scored once: 85.5% intent, 82.6% entity F1. The fixes the fourteenth batch
# led to aimed at causes the sixth's misses showed, so the sixth (94.3% intent, 97.4% entity F1 after them) is
# partly tuned now; its floor stays at its first score. The eighth after the fifteenth batch (whose figures they
# are), scored once: 71.9% intent, 80.5% entity F1, 8 lines with a rival's or the current job's figure read as
# the person's own; the fifteenth batch's fixes also lifted the sixth and seventh (97.1%/99.0% and 98.4%/98.9%),
# since some aimed at causes the seventh's misses showed, so both are partly tuned now. One fix was made after
# the eighth was scored, for a misreading it showed the other way round (the person's own figure given to the
# rival named after it: "179k base here and 188k base from okta"), so the eighth is partly tuned by that line.
# The ninth was written after the eighth was scored and before any fix for it (whose figures they are, in
# new wordings), scored once: 86.7% intent, 90.7% entity F1, 4 lines with a rival's figures read as the own.
# Then the sixteenth batch was tuned on the causes both showed (held-out 8's and, having read them, the ninth's),
# so both are tuned now: 96.9%/96.6% and 98.3%/100.0%, no line giving someone else's figure to the own offer.
# Their floors stay at their first scores; the tenth measures what those fixes do on wordings never seen.
# The tenth was written after the sixteenth batch, scored once and never tuned on: 90.0% intent, 84.5% entity F1,
# 4 lines giving a rival's or the current job's figure to the own offer ("stripe is dangling 215k base",
# "these days i pull 152k base"). The seventeenth batch was then tuned on those causes, so the tenth is tuned
# now (100.0%, 97.3%). The eleventh was written after it (messier: capitals, typos, emoji, other currencies),
# scored once and never tuned on: 88.3% intent, 81.9% entity F1, 5 lines giving a rival's or the current job's
# figure to the own offer ("asana came thru with 184k", "i got offered 195k at block as well"). The eighteenth
# batch was then tuned on those causes (the eleventh now 98.3%, 93.8%). The twelfth was written after it (longer,
# looser, British and non-native phrasings), scored once and never tuned on: 83.3% intent, 83.3% entity F1, 6 lines
# giving a rival's or the current job's figure to the own offer ("Revolut is proposing 120k GBP base"). The
# nineteenth batch was then tuned on those causes (the twelfth now 100.0%, 98.5%). The thirteenth was written after
# it (terse, SMS-like, other currencies), scored once and never tuned on: 78.3% intent, 82.8% entity F1, 6 lines
# giving someone else's figure to the own offer ("ok so uber = 205k base", "current gig: 158k base"). The twentieth
# batch was then tuned on those causes (the thirteenth now 100.0%, 95.5%). The fourteenth was written after it
# (mixed registers), scored once and never tuned on: 83.3% intent, 86.2% entity F1, 5 lines giving someone else's
# figure to the own offer ("ramp got back to me with 199k base", "my salary is 150k at the moment"). Five rounds
# of this (the tenth to the fourteenth) say the same: on wordings never seen, 78-90% of intents are read and about
# one line in twelve still gives another party's figure to the own offer. When such a figure replaces one the
# offer had, from a message naming no company the reading could tie it to, the coach says on the reply's first line
# how it was read and how to put it right (tests/coaching/test_conversations.py). The twenty-first batch was then
# tuned on the fourteenth's causes (now 98.3%, 99.2%). The fifteenth was written after it, scored once and left
# untuned at first: 83.3% intent, 80.7% entity F1, 6 lines giving someone else's figure to the own offer ("the ramp
# recruiter just emailed: 197k base", "zapier is willing to go to 178k base"); the twenty-second batch was then tuned
# on its causes (now 100.0%, 98.4%). The sixteenth was written after that, scored once and left untuned, the measure
# this session ends on: 90.0% intent, 87.8% entity F1, 4 lines giving someone else's figure to the own offer ("figma
# sweetened theirs to 204k base", "in hand from scale: 200k base"). The next session tuned on its causes (the
# twenty-third batch) and went on the same way, one blind section at a time, each scored once before any fix:
# the seventeenth (run-on, dictated) 90.0%/86.9%, 5 lines misattributed; the eighteenth (formal, recruiters
# quoted) 73.3%/81.6%, 7; the nineteenth (figures in many formats) 85.0%/95.7%, none; the twentieth (questions
# without figures) 95.0%/66.7% of 3 labels; the twenty-first (answers to the coach's own questions) 81.7%/96.2%;
# the twenty-second (a mixed DM day) 88.3%/80.8%, 3. Each was then tuned on (the twenty-fourth to thirty-first
# batches). The twenty-third, mid-negotiation: 98.3%/95.5%, 1 line ("figma's final: 207k base"), then tuned on
# (the thirty-third batch). The twenty-fourth was written last (a phone between meetings), scored once and left
# untuned, the measure that session ends on: 91.7% intent, 99.0% entity F1, no line giving someone else's figure
# to the own offer.
HELD_OUT_FLOORS = {
    "held-out": (0.90, 0.95),
    "held-out 2": (0.95, 0.95),
    "held-out 3": (0.90, 0.92),
    "held-out 4": (0.94, 0.89),
    "held-out 5": (0.94, 0.91),
    "held-out 6": (0.87, 0.93),
    "held-out 7": (0.85, 0.82),
    "held-out 8": (0.71, 0.80),
    "held-out 9": (0.86, 0.90),
    "held-out 10": (0.90, 0.84),
    "held-out 11": (0.88, 0.81),
    "held-out 12": (0.83, 0.83),
    "held-out 13": (0.78, 0.82),
    "held-out 14": (0.83, 0.86),
    "held-out 15": (0.83, 0.80),
    "held-out 16": (0.90, 0.87),
    "held-out 17": (0.90, 0.86),
    "held-out 18": (0.73, 0.81),
    "held-out 19": (0.85, 0.95),
    "held-out 20": (0.95, 0.66),
    "held-out 21": (0.81, 0.96),
    "held-out 22": (0.88, 0.80),
    "held-out 23": (0.98, 0.95),
    "held-out 24": (0.91, 0.98),
    "held-out 25": (0.56, 0.59),
    "held-out 26": (0.65, 0.79),
    "held-out 27": (0.77, 0.69),
    "held-out 28": (0.76, 0.78),
    "held-out 29": (0.80, 0.84),
    "held-out 30": (0.71, 0.36),
    "held-out 31": (0.76, 0.77),
    "held-out 32": (0.93, 0.80),
    "held-out 33": (0.66, 0.65),
    "held-out 34": (0.85, 0.85),
    "held-out 35": (0.75, 0.91),
    "held-out 36": (0.81, 0.63),
    "held-out 37": (0.80, 0.65),
    "held-out 38": (0.90, 0.81),
    "held-out 39": (0.70, 0.66),
    "held-out 40": (0.86, 0.75),
    "held-out 41": (0.83, 0.84),
    "held-out 42": (0.78, 0.78),
    "held-out 43": (0.81, 0.84),
    "held-out 44": (0.85, 0.89),
    "held-out 45": (0.85, 0.79),
    "held-out 46": (0.75, 0.81),
    "held-out 47": (0.60, 0.64),
    "held-out 48": (0.83, 0.89),
    "held-out 49": (0.96, 0.93),
    "held-out 50": (0.90, 0.81),
    "held-out 51": (0.86, 0.91),
    "held-out 52": (0.88, 0.83),
    "held-out 53": (0.70, 0.68),
    "held-out 54": (0.81, 0.68),
    "held-out 55": (0.78, 0.69),
}


def test_held_out_wordings_stay_close():
    parts = sections(EXAMPLES)
    assert set(parts) == {"tuned", *HELD_OUT_FLOORS}, set(parts)
    for name, (intent_floor, entity_floor) in HELD_OUT_FLOORS.items():
        result = score(parts[name])
        assert len(parts[name]) >= 60, name
        assert result.accuracy >= intent_floor, f"{name}:\n" + "\n".join(result.intent_misses)
        assert result.entity_f1 >= entity_floor, f"{name}:\n" + "\n".join(result.entity_misses)


def test_every_tuned_class_is_at_target():
    result = score([e for e in EXAMPLES if not e.held_out])
    below = {
        intent: result.class_accuracy(intent) for intent in result.per_class if result.class_accuracy(intent) < 0.9
    }
    assert not below, below


def test_no_tuned_line_reads_someone_elses_figure_as_the_own_offer():
    assert not misattributions([e for e in EXAMPLES if not e.held_out])


def test_no_tuned_line_gives_the_offers_own_figure_to_someone_else():
    assert not misattributions([e for e in EXAMPLES if not e.held_out], given_away)


def test_an_own_figure_read_as_a_rivals_is_counted():
    """'the return offer is 145k base' once named a rival 'return' holding the offer's base (held-out 45)."""
    example = Example("correction", "the return offer is 145k base", frozenset({"base=145000"}), None, False, 1)
    assert given_away(example, frozenset({"return:base=145000", "rival=return"})) == ["return:base=145000"]
    assert given_away(example, frozenset({"base=145000"})) == []


def test_a_rival_figure_read_as_the_own_offer_is_counted():
    labels = frozenset({"notion:base=199000", "rival=notion"})
    example = Example("rival", "199k base from notion", labels, None, False, 1)
    assert misattributed(example, frozenset({"base=199000"})) == ["base=199000"]
    assert misattributed(example, frozenset({"notion:base=199000", "rival=notion"})) == []
    both = frozenset({"base=199000", "notion:base=199000"})
    own_too = Example("offer", "199k here, 199k at notion", both, None, False, 1)
    assert misattributed(own_too, frozenset({"base=199000"})) == []
