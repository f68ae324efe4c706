"""Inline clean-up shared by the section readers: bold, emoji shortcodes, quotes."""

from __future__ import annotations

import re
from functools import lru_cache

EMOJI_SHORTCODE_RE = re.compile(r":[a-z0-9_+-]+:")
BOLD_RE = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
SPACES_RE = re.compile(r"\s+")
LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")  # `[San Francisco](https://...)` -> San Francisco
# A line break inside a table cell (`$155K–$205K<br>(+ $10K NYC premium)`): two statements, kept apart by
# `; ` so the second is never read as words qualifying the first's amount, nor as a ` / ` conversion.
BREAK_RE = re.compile(r"\s*<br\s*/?>\s*", re.I)


# CommonMark: a backslash before ASCII punctuation is that character (`£98K\-£124K`, `\$250K\+`, `Remote (UK) \*`).
# Exporters (Notion) escape freely; the escape is no part of the guide's words, and a figure must read as written.
ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Obsidian's wikilinks: `[[Remote Work Policy|Remote (US)]]` shows its alias, `[[Pittsburgh]]` its target (a
# `#heading` in it is where the link lands, not what it shows); an embed (`![[chart.png]]`) shows a file, no words.
WIKILINK_RE = re.compile(r"(?P<embed>!?)\[\[(?P<target>[^\[\]|#]*)(?:#[^\[\]|]*)?(?:\|(?P<alias>[^\[\]]*))?\]\]")


def as_shown(text: str) -> str:
    """Text as the tool that exported it shows it: Markdown escapes read, wikilinks as their words, a leading bold
    split in pieces one bold run. The block splitter applies it to every block but code, so a name or figure is
    read the way its writer saw it."""
    if "\\" in text:
        text = ESCAPE_RE.sub(r"\1", text)
    if "[[" in text:
        text = WIKILINK_RE.sub(_wikilink_words, text)
    if text.startswith("**"):
        text = joined_bold(text)
    return text


BOLD_MARK_RE = re.compile(r"\*\*+")


def joined_bold(text: str) -> str:
    """`**Negotiation **DNA****`, `**Global **Levers**`, `**Design-System Lever****age:** ...`, `**Level** **Mapping:**
    ...` (Google Docs splits a bold label wherever its styling was touched): the bold runs that open the line and
    touch each other (nested, or apart by a space at most) are one, `**Level Mapping:** ...`. A line whose first
    bold closes before other words (`**Title:** text **more**`) is left as it is."""
    depth, end, joined = 0, 0, False
    for mark in BOLD_MARK_RE.finditer(text):
        between = text[end : mark.start()]
        if depth == 0 and mark.start() > 0 and between.strip():
            break  # the opening bold closed, and words followed it
        before = text[mark.start() - 1] if mark.start() else " "
        after = text[mark.end()] if mark.end() < len(text) else " "
        pairs = len(mark[0]) // 2
        if depth == 0 and mark.start() > 0:
            joined = True  # `** **`: a bold run reopened after a space
        if pairs > 1 and not before.isspace() and not after.isspace():
            joined = True  # `Lever****age`: closed and reopened inside a word
        elif before.isspace() or mark.start() == 0:
            depth, joined = depth + pairs, joined or depth > 0  # `**Negotiation **DNA`: a bold opened inside one
        else:
            depth = max(0, depth - pairs)
        end = mark.end()
    if not joined or end == 0:
        return text
    label = " ".join(text[:end].replace("*", "").split())
    return f"**{label}**{text[end:]}"


def _wikilink_words(match: re.Match) -> str:
    if match["embed"]:
        return ""
    return (match["alias"] or match["target"]).strip()


def strip_bold(text: str) -> str:
    return BOLD_RE.sub(lambda m: m[1] or m[2], text)


@lru_cache(maxsize=32768)
def clean_inline(text: str, keep_bold: bool = False) -> str:
    """Cell or line text without emoji shortcodes, (optionally) bold, and extra spaces.
    Cached: a library of guides repeats the same headers and cells thousands of times."""
    text = EMOJI_SHORTCODE_RE.sub("", text)
    if "](" in text:
        text = LINK_RE.sub(r"\1", text)
    if "<" in text:
        text = BREAK_RE.sub("; ", text)
    if not keep_bold:
        text = strip_bold(text)
    if "（" in text:
        text = text.replace("（", " (").replace("）", ")")  # full-width brackets (Japanese, Chinese) as brackets
    return SPACES_RE.sub(" ", text).strip()


def strip_quotes(text: str) -> str:
    """`"My ML models ..."` -> `My ML models ...` (straight or curly quotes)."""
    text = text.strip()
    if len(text) >= 2 and text[0] in '"“' and text[-1] in '"”':
        return text[1:-1].strip()
    return text
