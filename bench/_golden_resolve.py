"""A golden check and a same-run timer for resolving `/comp` texts (issue 13 item 3).

Making `Resolver.resolve` cheaper must not change one answer. This writes every field of the
`Resolution` of several thousand texts, over three catalogs, to a stable text form, and the
rendered `/comp` answers (`Answers.comp`, interactive and not) of the 1,200 team queries:
record it on the code before a change, check it after.

    python -m bench._golden_resolve record FILE   # write the golden text
    python -m bench._golden_resolve check FILE    # write it again and compare: exit 1 on a difference
    python -m bench._golden_resolve time          # CPU µs per resolve over the 1,200 team queries
    python -m bench._golden_resolve ab OLD_ROOT   # `time` of OLD_ROOT's `bot` and this one's, alternately

The texts: the team queries (bench/_traffic.py), every labelled query (bench/_queries.py and
its held-out batches), every string literal of the guides and foundation tests, variants of
the team queries (reordered, quoted, upper case, a filter word, a typo) and adversarial ones
(empty, 5,000 characters, emoji, quotes, mentions). Resolutions are not cached by text, so
the timer's figure is the resolver's own. `ab` runs the two trees in separate processes,
taking turns, because the machine is shared and noisy: compare figures of one run only.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "guides" / "fixtures"
ROUNDS = 7
AB_TURNS = 5


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


def timing(folder: Path | None = None) -> float:
    """Min over `ROUNDS` of the process CPU µs per `resolve` over the 1,200 team queries."""
    from bench._traffic import team_queries
    from bot.answers import Answers

    with tempfile.TemporaryDirectory(prefix="golden-time-") as tmp:
        library = folder or Path(tmp) / "library"
        texts = [q.text for q in team_queries(library)]
        resolver = Answers.load([library], state_dir=Path(tmp) / "state").resolver
        for text in texts:  # warm: the per-resolver look-ups a team's day has made already
            resolver.resolve(text)
        figures = []
        for _ in range(ROUNDS):
            start = time.process_time_ns()
            for text in texts:
                resolver.resolve(text)
            figures.append((time.process_time_ns() - start) / len(texts) / 1000)
    return min(figures)


def ab(old_root: Path) -> int:
    """This tree's `bot` and `old_root`'s, each timed in its own process, taking turns."""
    results: dict[str, list[float]] = {"old": [], "new": []}
    for _ in range(AB_TURNS):
        for name, path in (("old", old_root), ("new", ROOT)):
            env = {**os.environ, "PYTHONPATH": f"{path}{os.pathsep}{ROOT}"}
            code = "import bot, sys; from bench._golden_resolve import timing; print(bot.__file__, timing())"
            # Run outside the tree: the script's folder would come first on sys.path.
            command = [sys.executable, "-c", code]
            out = subprocess.run(command, env=env, cwd=tempfile.gettempdir(), capture_output=True, text=True)
            out.check_returncode()
            where, figure = out.stdout.split()
            assert where.startswith(str(path)), where
            results[name].append(float(figure))
    old, new = min(results["old"]), min(results["new"])
    runs = f"min of {AB_TURNS} turns x {ROUNDS} rounds"
    print(f"resolve CPU µs/query ({runs}): old {old:.1f}, new {new:.1f}, x{old / new:.2f}")
    for name, values in results.items():
        print(f"   {name} turns " + " ".join(f"{v:.1f}" for v in values))
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
