"""Writes bot/understanding/intent_examples.txt, the classifier's training lines
(bot/understanding/classifier.py), from the tuned sections of tests/understanding/labelled.txt:
`intent | [slot] text`, held-out sections left out. Run after editing the labelled set:
`.venv/bin/python -m scripts.intent_examples`; tests/understanding/test_classifier.py checks it is current."""

from __future__ import annotations

from bot.understanding.classifier import EXAMPLES
from tests.understanding.dataset import examples

HEADER = (
    "# Training lines for bot/understanding/classifier.py: the tuned sections of tests/understanding/labelled.txt,\n"
    "# written by scripts/intent_examples.py (do not edit by hand). Held-out sections are never here.\n"
)


def render() -> str:
    lines = [f"{e.intent} | {f'[{e.pending}] ' if e.pending else ''}{e.text}" for e in examples() if not e.held_out]
    return HEADER + "\n".join(lines) + "\n"


def main() -> None:
    EXAMPLES.write_text(render(), encoding="utf-8")
    print(f"wrote {EXAMPLES}")


if __name__ == "__main__":
    main()
