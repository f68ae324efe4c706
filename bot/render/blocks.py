"""From template output to Block Kit, inside Slack's limits.

Templates in `responses/` write a message as a short list of directives, one block each:

    ::header ML / AI Engineer at PlanetScale
    ::section
    *Base salary:* $155K–$220K
    ::field
    *San Francisco HQ* ...
    ::context
    Sources: ...
    ::divider
    ::actions
    {"type": "button", ...}
    ::block
    {"type": "input", ...}

Only the templates' own lines are directives. Each template's source is marked when it is
compiled (`mark_directives`: a line that starts with `::` gets `DIRECTIVE_MARK` in front), and
the parser reads only marked lines. Every interpolated value has that mark removed
(`escape`, the templates' `finalize`), so no value can start a directive, whatever it holds:
line breaks of any kind, `::` after one, broken JSON. The mark is an ASCII unit separator,
which `str.strip()` and `str.split()` treat as white space and Slack never sees.

Consecutive `::field` blocks form one section with fields. This keeps the words in the
templates and the Block Kit mechanics here: every message gets a plain `text` fallback,
and Slack's limits (50 blocks, 3,000 characters per section, 2,000 per field, 150 per
header, 10 fields per section) are met by splitting, never by cutting a figure off.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field

MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_FIELD = 2000
MAX_FIELDS = 10
MAX_HEADER = 150
MAX_CONTEXT_ELEMENT = 2000
MAX_TEXT = 40000

log = logging.getLogger(__name__)

DIRECTIVE_MARK = "\x1f"
DIRECTIVE_KINDS = ("header", "section", "field", "context", "divider", "actions", "block")
# Every character `str.splitlines()` breaks at, and the directive mark: flattened to a space in values.
_BREAKS_RE = re.compile(r"[\r\n\v\f\x1c\x1d\x1e\x1f\x85\u2028\u2029]+")
_SOURCE_DIRECTIVE_RE = re.compile(rf"^(?=::(?:{'|'.join(DIRECTIVE_KINDS)})\b)", re.MULTILINE)
_DIRECTIVE_RE = re.compile(rf"^{DIRECTIVE_MARK}::({'|'.join(DIRECTIVE_KINDS)})\b ?(.*)$")
MAX_ACTION_ELEMENTS = 25
_BLANK_LINES_RE = re.compile(r"\n{3,}")


def mark_directives(source: str) -> str:
    """Template source -> the same source with its directive lines marked for the parser.
    Only trusted text (a template, or a test's literal) ever goes through this."""
    return _SOURCE_DIRECTIVE_RE.sub(DIRECTIVE_MARK, source)


def is_directive(text: str, kind: str) -> bool:
    """Whether rendered text starts with a template's own directive of this kind."""
    return text.startswith(f"{DIRECTIVE_MARK}::{kind}")


class Mrkdwn(str):
    """Text already written as mrkdwn (template output): not escaped again."""


def unmarked(text: Mrkdwn) -> Mrkdwn:
    """Mrkdwn without the directive mark: it may hold lines, never a directive."""
    return Mrkdwn(text.replace(DIRECTIVE_MARK, "")) if DIRECTIVE_MARK in text else text


def escape(text: object) -> str:
    """Slack's three control characters, and no line breaks (nor the directive mark): a
    value is never markup and never a line of its own."""
    value = str(text)
    if "&" in value or "<" in value or ">" in value:
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if _BREAKS_RE.search(value):
        value = _BREAKS_RE.sub(" ", value)
    return value


@dataclass
class Message:
    text: str
    blocks: list[dict] = field(default_factory=list)

    def payload(self) -> dict:
        return {"text": self.text, "blocks": self.blocks}


def _split_text(text: str, limit: int) -> list[str]:
    """Split at paragraph, then line, then word boundaries so no piece exceeds `limit`."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for separator in ("\n\n", "\n", " "):
        if separator in text:
            parts = text.split(separator)
            break
    else:
        return [text[i : i + limit] for i in range(0, len(text), limit)]
    for part in parts:
        candidate = f"{current}{separator}{part}" if current else part
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        if len(part) > limit:
            pieces.extend(_split_text(part, limit))
            current = ""
        else:
            current = part
    if current:
        pieces.append(current)
    return pieces


def _header(text: str) -> dict:
    plain = text.strip()
    if len(plain) > MAX_HEADER:
        plain = plain[: MAX_HEADER - 1].rstrip() + "…"
    return {"type": "header", "text": {"type": "plain_text", "text": plain, "emoji": True}}


def parse_directives(rendered: str) -> list[dict]:
    """Template output -> blocks, with sections split to fit Slack's limits."""
    blocks: list[dict] = []
    kind: str | None = None
    body: list[str] = []
    fields: list[str] = []

    def flush_fields() -> None:
        for start in range(0, len(fields), MAX_FIELDS):
            chunk = fields[start : start + MAX_FIELDS]
            blocks.append({"type": "section", "fields": [{"type": "mrkdwn", "text": f} for f in chunk]})
        fields.clear()

    def flush() -> None:
        text = "\n".join(body).strip()
        body.clear()
        if kind is None:
            return
        if kind == "field":
            if text:
                fields.extend(_split_text(text, MAX_FIELD))
            return
        flush_fields()
        if kind == "divider":
            if blocks and blocks[-1]["type"] != "divider":
                blocks.append({"type": "divider"})
        elif not text:
            return
        elif kind == "header":
            blocks.append(_header(text))
        elif kind == "section":
            for piece in _split_text(text, MAX_SECTION):
                blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": piece}})
        elif kind == "actions":
            # One interactive element per line, as JSON (templates write them with `tojson`).
            elements = _json_objects(text)
            if elements:
                blocks.append({"type": "actions", "elements": elements[:MAX_ACTION_ELEMENTS]})
        elif kind == "block":
            # Whole Block Kit blocks, one JSON object per line (a form's inputs): taken as they are.
            blocks.extend(_json_objects(text))
        elif kind == "context":
            for piece in _split_text(text, MAX_CONTEXT_ELEMENT):
                blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": piece}]})

    # Lines end at "\n" only: templates write no other break, and values hold none.
    for line in rendered.split("\n"):
        directive = _DIRECTIVE_RE.match(line)
        if directive:
            flush()
            kind = directive[1]
            if directive[2].strip():
                body.append(directive[2])
        elif kind is not None:
            body.append(line)
    flush()
    flush_fields()
    while blocks and blocks[-1]["type"] == "divider":
        blocks.pop()
    return blocks


def _json_objects(text: str) -> list[dict]:
    """The JSON objects of an `::actions` or `::block` body, one a line. A line that is not one
    (a template's mistake) is left out with a warning: the rest of the reply still goes out."""
    objects = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            value = None
        if isinstance(value, dict):
            objects.append(value)
        else:
            log.warning("template line left out: not a JSON object (%d characters)", len(line))
    return objects


def fallback_text(blocks: list[dict]) -> str:
    """The whole message as mrkdwn, for notifications, screen readers and the console."""
    lines: list[str] = []
    for block in blocks:
        kind = block["type"]
        if kind == "header":
            lines.append(f"*{block['text']['text']}*")
        elif kind == "section":
            if "text" in block:
                lines.append(block["text"]["text"])
            for item in block.get("fields", []):
                lines.append(item["text"])
        elif kind == "context":
            lines.append("\n".join(element.get("text", "") for element in block["elements"]))
        elif kind == "divider":
            lines.append("")
            continue
        elif kind == "actions":
            continue
    text = "\n".join(lines).strip()
    if "\n\n\n" in text:  # (the regex alone scans every character: 15 µs for a 2 KB answer)
        text = _BLANK_LINES_RE.sub("\n\n", text)
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def build_messages(rendered: str) -> list[Message]:
    """One or more messages: more than 50 blocks continue in the next message."""
    return _in_messages(parse_directives(rendered))


def lead_with(rendered: str, messages: list[Message]) -> list[Message]:
    """`messages` with `rendered` put before everything else: a line a reply must open with,
    added once the reply is built. The blocks are split into messages again."""
    return _in_messages(parse_directives(rendered) + [block for message in messages for block in message.blocks])


def _in_messages(blocks: list[dict]) -> list[Message]:
    messages = []
    for start in range(0, max(len(blocks), 1), MAX_BLOCKS):
        chunk = blocks[start : start + MAX_BLOCKS]
        messages.append(Message(text=fallback_text(chunk) or " ", blocks=chunk))
    return messages
