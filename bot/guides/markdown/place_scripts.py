"""Counter scripts a section gives place by place, each a paragraph led by the place it is for:

    ## Counter scripts

    LA: "I'm looking for $180K base, $55K a year in equity ... so $250K total."

    Zurich: "CHF 165K base, CHF 45K per year in RSUs ... CHF 224K in total."

    Heads up: LA is the top of the US bands, at $264K all-in.

Read as one, the first place's targets were shown under the second's and the words after them (the second script,
a closing remark) became its commentary. Here the first script is the strategy, labelled with its place (so a reply
under another band says whose targets these are), each later one a script of the guide kept as written and titled
with its place (as `counter_variants` keeps a `> **Zurich Variant:**` quote), and a paragraph that is no script
(`Heads up: ...`, no quote) is the guide's text. Only where two scripts or more are written so.
"""

from __future__ import annotations

import re

from bot.guides.markdown.blocks import Block
from bot.guides.markdown.text import clean_inline

# `LA: "I'm looking for ..."`, `**Zurich:** “CHF 165K ...”`: a short label, a colon, then the quote itself
SCRIPT_FOR_RE = re.compile(r"^(?P<label>[^:\"“”\d]{1,40}?)\s*:\s*(?P<rest>[\"“].*\S)$", re.S)


def scripts_by_place(blocks: list[Block]) -> list[tuple[str, str, int]]:
    """(label, the script as written, its line) of each paragraph or quote of a counter section led by a label and
    a quote; [] unless two or more are (one labelled quote is the section's script, read whole as before)."""
    found = []
    for block in blocks:
        if block.kind not in ("paragraph", "quote"):
            continue
        match = SCRIPT_FOR_RE.match(clean_inline(block.text))
        if match:
            found.append((match["label"].strip(), match["rest"].strip(), block.line))
    return found if len(found) >= 2 else []
