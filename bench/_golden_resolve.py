"""A golden check and a same-run timer for resolving `/comp` texts (issue 13 item 3).

Making `Resolver.resolve` cheaper must not change one answer. This writes every field of the
`Resolution` of several thousand texts, over three catalogs, to a stable text form, and the
rendered `/comp` answers (`Answers.comp`, interactive and not) of the 1,200 team queries:
record it on the code before a change, check it after.

    python -m bench._golden_resolve record FILE   # write the golden text
    python -m bench._golden_resolve check FILE    # write it again and compare: exit 1 on a difference
    python -m bench._golden_resolve time          # CPU µs per resolve over the 1,200 team queries
    python -m bench._golden_resolve ab OLD_ROOT   # OLD_ROOT's resolver and this one's, alternate rounds

The texts: the team queries (bench/_traffic.py), every labelled query (bench/_queries.py and
its held-out batches), every string literal of the guides and foundation tests, variants of
the team queries (reordered, quoted, upper case, a filter word, a typo) and adversarial ones
(empty, 5,000 characters, emoji, quotes, mentions). Resolutions are not cached by text, so
the timer's figure is the resolver's own. `ab` loads both trees in one process (the old one
renamed `oldbot`; OLD_ROOT holds its `bot`, `data` and `responses`, e.g. from `git archive`)
and times them in alternate rounds, because the machine is shared and noisy: compare figures
of one run only.
"""

from __future__ import annotations

import ast
import hashlib
import json
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "guides" / "fixtures"
ROUNDS = 7
AB_ROUNDS = 15
AB_CHUNK = 50


def adversarial() -> list[str]:
    return [
        "",
        " ",
        "\t\n",
        "help",
        "HELP",
        "h",
        "usage",
        "x" * 5000,
        "stripe " * 700,
        "planetscale " * 400 + "ml remote",
        "🚀🚀 planetscale ml 🎉",
        "😀",
        '"planetscale" "ml" remote',
        "'planetscale ml' remote",
        "“planetscale” ml",
        '"unterminated ml',
        "<!channel> planetscale ml",
        "<@U123|bob> planetscale",
        "<https://example.com|link> ml remote",
        "plantescale ml remtoe",
        "senior staff principal l5 e6 ic3 ii 2",
        "sde2 sde 2 swe3 staff+",
        "usd eur gbp UYU (IDR) jpy",
        "hq remote bay area sf nyc",
        "São Paulo Société Générale",
        "\u202eplanetscale\u202c ml",
        "plan\u200betscale ml",
        "ml / ai @ planetscale, remote (us)",
        "a b c d e f g h i j k l m n o p",
        "the the the for in at",
        "levers script counter",
        "de la le",
        "chief of staff",
        "product marketing manager",
        "firmware engineer",
    ]


def test_literals() -> list[str]:
    """Every short string literal in the guides and foundation tests: the queries they ask."""
    texts = []
    for folder in ("guides", "foundation", "slack", "interactive"):
        for path in sorted((ROOT / "tests" / folder).glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and 0 < len(node.value) <= 120:
                    texts.append(node.value.removeprefix("/comp "))
    return texts


def variants(texts: list[str], seed: int = 5) -> list[str]:
    from bench._queries import typo

    rng = random.Random(seed)
    out = []
    for text in texts:
        words = text.split()
        out.append(" ".join(reversed(words)))
        out.append(text.upper())
        out.append(f"{text} {rng.choice(['levers', 'script', 'counter', 'usd', 'hq', 'remote', 'senior', 'l5'])}")
        if len(words) > 1:
            out.append(f'"{words[0]} {words[1]}" {" ".join(words[2:])}')
            index = rng.randrange(len(words))
            if len(words[index]) > 3 and words[index].isalpha():
                words[index] = typo(words[index], rng)
                out.append(" ".join(words))
    return out


def all_texts(team: list[str], labelled: list[str]) -> list[str]:
    texts = [*team, *labelled, *test_literals(), *adversarial(), *variants(team[:600])]
    return list(dict.fromkeys(texts))


# --- the stable text form -------------------------------------------------------------------


def region_ref(guide, region) -> str:
    if guide is not None:
        for index, candidate in enumerate(guide.regions):
            if candidate is region:
                return f"{guide.key}#{index}"
    return f"?{region.name}|{region.level}|{region.currency}"


def serialize(resolution) -> str:
    from dataclasses import fields

    guide = resolution.guide
    parts = []
    for item in fields(resolution):
        value = getattr(resolution, item.name)
        if item.name == "guide":
            value = value and value.key
        elif item.name == "region":
            value = value and region_ref(guide, value)
        elif item.name == "regions":
            value = [region_ref(guide, region) for region in value]
        elif item.name == "guides":
            value = [g.key for g in value]
        elif item.name in ("companies", "elsewhere"):
            value = [f"<{c.slug}|{c.name}|{c.tells_apart}|{serialize(c.resolution)}>" for c in value]
        parts.append(f"{item.name}={value!r}")
    return " ".join(parts)


def catalogs(folder: Path) -> list[tuple[str, object]]:
    from bot.answers import Answers

    state = Path(tempfile.mkdtemp(prefix="golden-state-"))
    return [
        ("library", Answers.load([folder], state_dir=state / "a")),
        ("shipped", Answers.load(state_dir=state / "b")),
        (
            "fixtures",
            Answers.load(
                [FIXTURES / name for name in ("wild", "variants", "broken")] + sorted((FIXTURES / "forms").iterdir()),
                state_dir=state / "c",
            ),
        ),
    ]


def golden(folder: Path) -> list[str]:
    from bench._queries import build
    from bench._traffic import team_queries

    team = [q.text for q in team_queries(folder)]
    labelled = [item.query.removeprefix("/comp ") for item in build(folder, seed=21)]
    texts = all_texts(team, labelled)
    lines = [f"texts {len(texts)}"]
    for name, answers in catalogs(folder):
        for text in texts:
            lines.append(f"{name} {text!r} -> {serialize(answers.resolver.resolve(text))}")
        if name == "library":
            for interactive in (False, True):
                for text in texts[: len(team)]:
                    messages = [message.payload() for message in answers.comp(text, interactive)]
                    lines.append(f"comp {interactive} {text!r} -> {json.dumps(messages, sort_keys=True)}")
    return lines


def write(path: Path) -> str:
    with tempfile.TemporaryDirectory(prefix="golden-library-") as tmp:
        text = "\n".join(golden(Path(tmp) / "library")) + "\n"
    path.write_text(text, encoding="utf-8")
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def check(path: Path) -> int:
    expected = path.read_text(encoding="utf-8").splitlines()
    fresh = path.with_suffix(".new")
    digest = write(fresh)
    got = fresh.read_text(encoding="utf-8").splitlines()
    differing = [(a, b) for a, b in zip(expected, got, strict=False) if a != b]
    if len(expected) != len(got) or differing:
        print(f"DIFFERENT: {len(differing)} lines of {len(expected)} (lengths {len(expected)} vs {len(got)})")
        for a, b in differing[:10]:
            print(f"  was {a[:400]}\n  now {b[:400]}")
        return 1
    print(f"identical: {len(got)} lines, sha256 {digest}")
    return 0


# --- timing ---------------------------------------------------------------------------------


def _texts_and_library(tmp: Path) -> tuple[list[str], Path]:
    from bench._traffic import team_queries

    library = tmp / "library"
    return [q.text for q in team_queries(library)], library


def _round(resolver, texts: list[str]) -> float:
    start = time.process_time_ns()
    for text in texts:
        resolver.resolve(text)
    return (time.process_time_ns() - start) / len(texts) / 1000


def timing() -> float:
    """Min over `ROUNDS` of the process CPU µs per `resolve` over the 1,200 team queries."""
    from bot.answers import Answers

    with tempfile.TemporaryDirectory(prefix="golden-time-") as tmp:
        texts, library = _texts_and_library(Path(tmp))
        resolver = Answers.load([library], state_dir=Path(tmp) / "state").resolver
        for text in texts:  # warm: the per-resolver look-ups a team's day has made already
            resolver.resolve(text)
        return min(_round(resolver, texts) for _ in range(ROUNDS))


def old_package(old_root: Path, into: Path) -> str:
    """`old_root`'s `bot` copied under `into` as `oldbot` (its imports renamed), with the data
    and templates beside it, so both versions load in one process."""
    shutil.copytree(old_root / "bot", into / "oldbot")
    for name in ("data", "responses"):
        (into / name).symlink_to(old_root / name)
    for path in (into / "oldbot").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\b(from|import) bot(\.|\b)", r"\1 oldbot\2", text), encoding="utf-8")
    sys.path.insert(0, str(into))
    return "oldbot"


def ab(old_root: Path) -> int:
    """`old_root`'s resolver and this tree's, in one process, each round timed in alternate
    chunks of `AB_CHUNK` queries: the machine is shared, and alternating gives both the same noise."""
    import importlib

    with tempfile.TemporaryDirectory(prefix="golden-ab-") as tmp:
        texts, library = _texts_and_library(Path(tmp))
        resolvers = {}
        for name, package in (("old", old_package(old_root, Path(tmp) / "old")), ("new", "bot")):
            answers = importlib.import_module(f"{package}.answers").Answers
            resolvers[name] = answers.load([library], state_dir=Path(tmp) / f"state-{name}").resolver
            for text in texts:
                resolvers[name].resolve(text)
        results: dict[str, list[float]] = {"old": [], "new": []}
        chunks = [texts[start : start + AB_CHUNK] for start in range(0, len(texts), AB_CHUNK)]
        for _ in range(AB_ROUNDS):
            spent = dict.fromkeys(resolvers, 0)
            for chunk in chunks:  # alternating every few queries: both see the same noise
                for name, resolver in resolvers.items():
                    spent[name] += _round(resolver, chunk) * len(chunk)
            for name, total in spent.items():
                results[name].append(total / len(texts))
    old, new = min(results["old"]), min(results["new"])
    ratios = sorted(a / b for a, b in zip(results["old"], results["new"], strict=True))
    print(f"resolve CPU µs/query (min of {AB_ROUNDS} alternate rounds): old {old:.1f}, new {new:.1f}, x{old / new:.2f}")
    print(f"   old/new of each pair of rounds: median x{ratios[len(ratios) // 2]:.2f}")
    for name, values in results.items():
        print(f"   {name} rounds " + " ".join(f"{v:.1f}" for v in values))
    return 0


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else "time"
    if mode == "record":
        print(write(Path(argv[1])))
        return 0
    if mode == "check":
        return check(Path(argv[1]))
    if mode == "ab":
        return ab(Path(argv[1]).resolve())
    print(f"resolve CPU µs/query (min of {ROUNDS}): {timing():.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
