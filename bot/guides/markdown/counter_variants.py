"""A second counter quote under the guide's counter script (`> **Zurich Variant:** "CHF 175'000 base ..."`).

Guides give the counter script for one place and then its variants for others, each a quote with its own label.
The strategy reader takes the first quote only, and the section around them is the levers' (every block of it read
as levers), so a variant was dropped without a word. Each is kept as written, as one of the guide's own scripts,
titled with its label: the reply names it, and `/comp … script` shows it in full. Its figures are never read as
targets (they are another place's, often in another currency).
"""

from __future__ import annotations

import re

from bot.guides.markdown.blocks import Block
from bot.guides.markdown.text import clean_inline
from bot.guides.model import GuideText


def counter_variants(blocks: list[Block], label_re: re.Pattern, counter_label_re: re.Pattern) -> list[GuideText]:
    """The labelled quotes right after the counter script's own quote (`label_re` reads a label, `counter_label_re`
    tells the counter script's), each as a script of the guide."""
    start = next((i for i, block in enumerate(blocks) if _label(block, label_re, counter_label_re)), None)
    if start is None:
        return []
    variants: list[GuideText] = []
    for block in blocks[start + 1 :]:
        found = label_re.match(block.text) if block.kind == "quote" else None
        if found is None or not found["rest"].strip() or counter_label_re.search(found["label"]):
            break
        text = clean_inline(found["rest"], keep_bold=True)
        variants.append(GuideText(title=found["label"].strip(), kind="script", text=text, line=block.line))
    return variants


def _label(block: Block, label_re: re.Pattern, counter_label_re: re.Pattern) -> bool:
    found = label_re.match(block.text) if block.kind == "quote" else None
    return bool(found and counter_label_re.search(found["label"]))
