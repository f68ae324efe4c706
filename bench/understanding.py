"""Understanding DMs: intent accuracy and entity F1 on the labelled set, the scripted conversations, DM turn time.

The labelled set is tests/understanding/labelled.txt: accuracy per intent class on the lines
tuned on and on each held-out section (`## held-out` … `## held-out 24`: each written blind and
scored once before any change it could lead to; see labelled.txt for which were tuned on since),
with the rules alone and with the classifier's second opinion
(bot/understanding/classifier.py),
a confusion list, entity precision/recall/F1, and the lines per section where a figure the label gives to
a rival or the current job is read as the person's own offer (target 0 on the tuned lines).
Baseline in the same run: a nearest-labelled-example classifier
(rapidfuzz similarity, trained on the tuned lines) scored on the same held-out lines, the
alternative the rule grammar was chosen over. The scripted conversations
(tests/coaching/scripted.py, and tests/coaching/scripted_blind.py with the variant
guides) must each end with the case exactly as expected. Time: the DM
turn over every scripted message, and `ask` process start to a first `/comp` answer, which
must not load the understanding layer.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from bench._util import check, median, ms, percentile, time_calls

INTENT_TARGET = 0.97
ENTITY_TARGET = 0.95
# A DM turn against the `/comp` answer for the same guide rendered afresh in the same run (both
# parse, resolve and render; a turn also reads the offer and evaluates it). Measured at ~3x when
# set (the absolute 5 ms it replaced was ~4x the turn's median then).
TURN_RATIO = 8.0
RUNS = 9
ASK = "/comp planetscale ml remote"
# Reports, at exit, whether any bot.understanding module was imported by the `ask` run.
PROBE = (
    "import atexit, runpy, sys\n"
    "atexit.register(lambda: sys.stderr.write('understanding loaded: %s\\n' % "
    "any(m.startswith('bot.understanding') for m in sys.modules)))\n"
    "{preload}"
    "sys.argv = ['bot', 'ask', {ask!r}]\n"
    "runpy.run_module('bot', run_name='__main__', alter_sys=True)\n"
)


def run() -> list[str]:
    failures: list[str] = []
    _labelled(failures)
    _conversations(failures)
    _turn_time(failures)
    _ask_start(failures)
    return failures


def _labelled(failures: list[str]) -> None:
    from tests.understanding.dataset import examples, given_away, misattributions, score, sections

    items = examples()
    parts = sections(items)
    tuned = parts["tuned"]
    scores = {name: score(part) for name, part in parts.items()}
    scores["all"] = score(items)
    sizes = ", ".join(f"{len(part)} {name}" for name, part in parts.items())
    print(f"   labelled set: {len(items)} utterances ({sizes})")
    print("   " + f"{'intent':18}" + "".join(f"{name:>13}" for name in scores))
    for intent in sorted(scores["all"].per_class):
        cells = []
        for name in scores:
            right, seen = scores[name].per_class.get(intent, [0, 0])
            cells.append(f"{right}/{seen} {right / seen:4.0%}" if seen else "-")
        below = "  below target" if scores["all"].class_accuracy(intent) < INTENT_TARGET else ""
        print(f"   {intent:18}" + "".join(f"{cell:>13}" for cell in cells) + below)
    for name, result in scores.items():
        print(f"   {name}: intent accuracy {result.accuracy:.1%}, entity F1 {result.entity_f1:.1%}")
    confusion = scores["all"].confusion
    if confusion:
        print(
            "   confusions (expected -> got: count): "
            + ", ".join(f"{e} -> {g}: {n}" for (e, g), n in confusion.items())
        )
    for name in parts:
        if name != "tuned":
            for line in scores[name].intent_misses:
                print(f"     {name} miss, {line}")
            held = parts[name]
            rules = score(held, second_opinion=False)
            print(
                f"   {name}: rules alone {rules.accuracy:.1%} intent, {rules.entity_f1:.1%} entity F1; rules with the"
                f" classifier's second opinion {scores[name].accuracy:.1%}, {scores[name].entity_f1:.1%}"
            )
            print(
                f"   baseline, nearest labelled example (rapidfuzz): {name} intent accuracy {_nearest(tuned, held):.1%}"
            )
    # The harmful misreading: a figure the label gives to a rival or the current job, read as the person's own
    # offer (the case would then hold someone else's numbers as theirs). Target 0 on the tuned lines.
    wrong = {name: misattributions(part) for name, part in parts.items()}
    _per_section("own-offer figures that belong to someone else (lines)", "misattributed", wrong, parts)
    check(failures, "tuned lines with an own-offer figure that belongs to someone else", len(wrong["tuned"]), 0)
    # The other way round: the offer's own figures read as a rival's or the current job's (printed, no target).
    away = {name: misattributions(part, given_away) for name, part in parts.items()}
    _per_section("the offer's own figures read as someone else's (lines)", "given away", away, parts)
    # check() wants figures that must stay under a limit: the error rates, against 1 − target. The
    # target is for the lines tuned on; held-out sections have lower floors (tests/understanding).
    intent_errors, entity_errors = 1 - scores["tuned"].accuracy, 1 - scores["tuned"].entity_f1
    check(
        failures, "intent error rate, tuned lines (1 − accuracy)", round(intent_errors, 4), round(1 - INTENT_TARGET, 2)
    )
    check(failures, "entity error rate, tuned lines (1 − F1)", round(entity_errors, 4), round(1 - ENTITY_TARGET, 2))


def _per_section(title: str, tag: str, found: dict[str, list[str]], parts: dict) -> None:
    print(f"   {title}: " + ", ".join(f"{name} {len(lines)}/{len(parts[name])}" for name, lines in found.items()))
    for name, lines in found.items():
        for line in lines:
            print(f"     {name} {tag}, {line}")


def _nearest(train, test) -> float:
    """A nearest-example classifier: the intent of the most similar tuned line."""
    from rapidfuzz import fuzz, process

    choices = [e.text.lower() for e in train]
    right = 0
    for example in test:
        _, _, index = process.extractOne(example.text.lower(), choices, scorer=fuzz.token_set_ratio)
        right += train[index].intent == example.intent
    return right / len(test) if test else 0.0


def _conversations(failures: list[str]) -> None:
    """Plays tests/coaching/scripted.py with the library's guides and tests/coaching/scripted_blind.py
    with the variant guides beside them (as tests/coaching/test_scripted_blind.py loads them)."""
    from pathlib import Path

    from bot.answers import Answers
    from bot.coaching.coach import Coach
    from tests.coaching import scripted, scripted_blind

    variants = Path(__file__).parents[1] / "tests" / "guides" / "fixtures" / "variants"
    sets = (
        ("scripted", scripted.CONVERSATIONS, Coach(Answers.load())),
        ("scripted blind", scripted_blind.CONVERSATIONS, Coach(Answers.load(extra_folders=[variants]))),
    )
    bad = 0
    turns = 0
    total = 0
    for label, conversations, coach in sets:
        for name, script in conversations.items():
            problems = _play(coach, script)
            turns += len(script)
            total += 1
            if problems:
                bad += 1
                print(f"   {label} conversation {name!r}: {problems[0]}")
    print(f"   scripted conversations: {total - bad}/{total} end with the case as expected")
    print(
        f"   ({', '.join(f'{len(c)} {label}' for label, c, _ in sets)}; {turns} turns,"
        " the case compared whole after each)"
    )
    check(failures, "scripted conversations with a wrong case", bad, 0)


def _play(coach, script) -> list[str]:
    from bot.coaching.case import Case
    from tests.coaching.scripted import play

    state = {"case": Case()}

    def say(text: str) -> str:
        outcome = coach.turn(state["case"], text)
        if outcome.forget:
            state["case"] = Case()
        elif outcome.case is not None:
            state["case"] = outcome.case
        return "\n".join(message.text for message in outcome.messages)

    return play(script, say, lambda: state["case"])


def _turn_time(failures: list[str]) -> None:
    from bot.answers import Answers
    from bot.coaching.case import Case
    from bot.coaching.coach import Coach
    from bot.understanding.reader import understand
    from tests.coaching.scripted import CONVERSATIONS

    coach = Coach(Answers.load())
    steps = []  # (case before, message): every scripted message, as the coach meets it
    for script in CONVERSATIONS.values():
        case = Case()
        for turn in script:
            steps.append((case, turn.say))
            outcome = coach.turn(case, turn.say)
            case = outcome.case if outcome.case is not None else case
    cycle = iter(steps * 10_000)
    texts = iter([text for _, text in steps] * 10_000)
    answers = coach.answers
    samples, reading, lookups = [], [], []
    for _ in range(10):  # interleaved, so a slow moment of the machine shows in the baseline too
        samples += time_calls(lambda: coach.turn(*next(cycle)), repeat=len(steps), warmup=2)
        reading += time_calls(lambda: understand(next(texts)), repeat=len(steps), warmup=2)
        lookups += time_calls(lambda: answers.comp_uncached("planetscale ml remote"), repeat=len(steps), warmup=2)
    print(f"   understanding alone (normalise, entities, intent): median {ms(median(reading))}")
    print(f"   baseline: the /comp answer for the same guide rendered afresh, median {ms(median(lookups))}")
    spread = f"median {ms(median(samples))}, p99 {ms(percentile(samples, 99))}"
    print(f"   DM turn over {len(steps)} scripted messages: {spread}")
    check(failures, "DM turn median / /comp answer rendered afresh", median(samples) / median(lookups), TURN_RATIO, "x")


def _ask_start(failures: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    commands = {
        "first /comp answer": PROBE.format(preload="", ask=ASK),
        "same, understanding layer preloaded (what it would cost)": PROBE.format(
            preload="import bot.understanding.reader\n", ask=ASK
        ),
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    loaded: dict[str, str] = {}
    for _ in range(RUNS):
        for name, code in commands.items():
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
            )
            samples[name].append(time.perf_counter() - start)
            loaded[name] = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "?"
    for name, values in samples.items():
        print(f"   ask process start to {name}: median {ms(median(values))} ({loaded[name]})")
    check(
        failures,
        "understanding modules loaded by `ask /comp`",
        0 if loaded["first /comp answer"] == "understanding loaded: False" else 1,
        0,
    )
