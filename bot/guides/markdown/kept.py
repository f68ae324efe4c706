"""What no other reader takes apart, kept as the guide wrote it.

Guides carry more than bands, levers and a counter script: an email written out, the words for
a call, answers to pushback, notes on how the company pays. Each section (a heading and what
follows it) whose blocks no other reader used is kept here, as written, with a kind read from
its heading: `email`, `phone`, `pushback`, `script` (words to say, unsorted) or `notes`. They are
shown as text and never computed with; `/comp … script` shows the scripts, `/comp … notes` the rest.
"""

from __future__ import annotations

import re

from bot.guides.markdown.blocks import Block
from bot.guides.markdown.columns import EMOJI_RE
from bot.guides.markdown.text import clean_inline
from bot.guides.model import GuideText

# Read from a section's heading, first match wins: `✉️ By email`, `Writing back to them`, `If they ring
# you`, `Recruiter call talking points`, `When they say no`, `1 · Pushback you will hear`, `What to Say`.
KINDS = (
    (
        "pushback",
        r"push\s*-?back|objections?|when\s+they\s+say\s+no|if\s+they\s+say\s+no|rebuttals?|they(?:'ll)?\s+say",
    ),
    ("email", r"e-?mail|writ(?:e|ing|ten)\s+(?:back|to\s+them)|written\s+counter|letter|courriel"),
    ("phone", r"phone|\bcalls?\b|\bring\b|telefon|talking\s+points|on\s+the\s+line|spoken|appel"),
    (
        "script",
        r"scripts?|what\s+to\s+say|words?\s+to\s+use|wording|à\s+dire|a\s+dire|say\s+this|what\s+i\s+said|\bcounter\b"
        # a counter in other languages: `Contraproposta`, `Guion para contraofertar`, `Zo zou ik het zeggen`
        r"|contrapropo(?:sta|uesta)|contraofert|gui[óo]n|tegenbod|zou\s+ik\s+(?:het\s+)?zeggen"
        # `Script de contre-proposition`, `カウンターの例` (Japanese: a counter's example)
        r"|contre-?proposition|カウンター|交渉(?:の)?(?:例|文例|スクリプト)",
    ),
)
KIND_RES = [(kind, re.compile(pattern, re.I)) for kind, pattern in KINDS]
BOLD_LINE_RE = re.compile(r"\*\*[^*]{2,100}\*\*:?")
THEMATIC_BREAK_RE = re.compile(r"(?:-{3,}|\*{3,}|_{3,})")  # `---` between sections: a line, no words


def read_kept(blocks: list[Block], used: set[int], title_line: int | None) -> list[GuideText]:
    """Sections whose blocks no reader used (`used`: their lines), each as written."""
    kept: list[GuideText] = []
    title, line, parts = "", None, []
    for block in blocks:
        if block.line == title_line:
            continue
        if block.kind == "heading" or (block.kind == "paragraph" and BOLD_LINE_RE.fullmatch(block.text.strip())):
            # `**Counter script (phone or Zoom)**` alone on its line is a heading, as guides without `#` write one
            _keep(kept, title, line, parts)
            title, line, parts = _heading_text(block.text), block.line, []
            continue
        if block.line not in used and not THEMATIC_BREAK_RE.fullmatch(block.text.strip()):
            parts.append(block)
    _keep(kept, title, line, parts)
    return kept


def kind_of(title: str) -> str:
    for kind, pattern in KIND_RES:
        if pattern.search(title):
            return kind
    return "notes"


def _heading_text(text: str) -> str:
    """`## 🗣️ What to Say`, `## 1 · Pushback you will hear`: the heading's words."""
    text = EMOJI_RE.sub(" ", clean_inline(text))
    return re.sub(r"^\s*\d+\s*[·.)-]\s*", "", text).strip()


def _keep(kept: list[GuideText], title: str, line: int | None, parts: list[Block]) -> None:
    text = "\n".join(piece for piece in (_written(block) for block in parts) if piece).strip()
    if not text:
        return
    title = title or "Introduction"
    kept.append(GuideText(title=title, kind=kind_of(title), text=text, line=line or (parts[0].line if parts else None)))


def _written(block: Block) -> str:
    """A block as text, close to how it was written (bold kept as `**`, lists as bullets, table rows)."""
    if block.kind in ("paragraph", "quote", "code"):
        lines = (block.raw or block.text).splitlines()
        return "\n".join(clean_inline(line, keep_bold=True) if line.strip() else "" for line in lines)
    if block.kind == "list":
        marks = (
            [f"{number}." for number in range(1, len(block.items) + 1)] if block.ordered else ["•"] * len(block.items)
        )
        return "\n".join(
            f"{mark} {clean_inline(item, keep_bold=True)}" for mark, item in zip(marks, block.items, strict=True)
        )
    if block.kind == "table":
        return "\n".join(" | ".join(clean_inline(cell) for cell in row) for row in block.rows)
    return clean_inline(block.text, keep_bold=True)
