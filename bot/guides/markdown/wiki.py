"""Confluence wiki markup, as a guide pasted from a Confluence page is written, turned into the Markdown the block
splitter reads, line for line (every line keeps its number for the problems said at it).

Only a text that shows wiki markup of its own (an `h2.` heading, a `||Header||` row, a `{panel}` macro) is turned:
in Markdown, `# ` opens a heading and `*x*` is italic, where Confluence means a numbered item and bold.
"""

from __future__ import annotations

import re

WIKI_SIGN_RE = re.compile(
    r"^(?:h[1-6]\.\s|\|\|.*\|\|\s*$|\{(?:panel|info|note|tip|warning|toc|expand|section|column)(?::[^}]*)?\}\s*$)", re.M
)
WIKI_HEADING_RE = re.compile(r"^h(?P<level>[1-6])\.\s+(?P<text>.*)$")
# `{panel:title=Negotiate Up Strategy (Toronto HQ, P3)|borderStyle=solid}` alone on its line: its title a heading
TITLED_MACRO_RE = re.compile(r"^\{\w+:(?:[^}]*\|)?title=(?P<title>[^|}]+)[^}]*\}$")
MACRO_RE = re.compile(r"\{(?:panel|info|note|tip|warning|toc|expand|section|column|color|status|anchor)(?::[^}]*)?\}")
NUMBERED_ITEM_RE = re.compile(r"^(?P<marks>#+)\s+(?P<text>\S.*)$")
WIKI_BOLD_RE = re.compile(r"(?<![*\w])\*(?=[^\s*])(?P<text>[^*\n]*?[^\s*])\*(?![*\w])")
WIKI_LINK_RE = re.compile(r"\[(?P<text>[^\]|\n]+)\|(?P<url>(?:https?|mailto):[^\]\s]+)\]")
HEADER_CELLS_RE = re.compile(r"^\s*\|\|(?P<cells>.*?)\|\|\s*$")


def is_wiki(text: str) -> bool:
    """The text shows Confluence markup of its own, on a line of its own."""
    return bool(WIKI_SIGN_RE.search(text))


def wiki_as_markdown(text: str) -> str:
    """Each line of a Confluence paste as Markdown: `h2. Pay bands` a heading, a titled macro's title a heading and
    other macros gone, `# item` a numbered item, `*bold*` bold, `[text|url]` a link, a `||Header||` row a table's
    header (the splitter reads `|cell|` rows under it as the table's rows)."""
    lines = text.split("\n")
    items = [bool(NUMBERED_ITEM_RE.match(line.strip())) for line in lines]
    # `# item` lines in a run are Confluence's numbered list; a lone `# Title` is the Markdown heading over the paste
    beside = [False, *items, False]
    listed = [mark and (beside[i] or beside[i + 2]) for i, mark in enumerate(items)]
    return "\n".join(_wiki_line(line, in_list) for line, in_list in zip(lines, listed, strict=True))


def _wiki_line(line: str, in_list: bool) -> str:
    stripped = line.strip()
    heading = WIKI_HEADING_RE.match(stripped)
    if heading:
        return "#" * int(heading["level"]) + " " + _inline(heading["text"])
    titled = TITLED_MACRO_RE.match(stripped)
    if titled:
        return "### " + titled["title"].strip()
    header = HEADER_CELLS_RE.match(stripped)
    if header:
        return "|| " + " | ".join(cell.strip() for cell in header["cells"].split("||")) + " ||"
    item = NUMBERED_ITEM_RE.match(stripped) if in_list else None
    if item:
        return "    " * (len(item["marks"]) - 1) + "1. " + _inline(item["text"])
    return _inline(MACRO_RE.sub("", line))


def _inline(text: str) -> str:
    text = WIKI_BOLD_RE.sub(lambda m: f"**{m['text']}**", text)
    return WIKI_LINK_RE.sub(lambda m: f"[{m['text']}]({m['url']})", text)
