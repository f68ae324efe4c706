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

Consecutive `::field` blocks form one section with fields. This keeps the words in the
templates and the Block Kit mechanics here: every message gets a plain `text` fallback,
and Slack's limits (50 blocks, 3,000 characters per section, 2,000 per field, 150 per
header, 10 fields per section) are met by splitting, never by cutting a figure off.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_FIELD = 2000
MAX_FIELDS = 10
MAX_HEADER = 150
MAX_CONTEXT_ELEMENT = 2000
MAX_TEXT = 40000

_BREAKS_RE = re.compile(r"[\r\n\u2028\u2029]+")
_DIRECTIVE_RE = re.compile(r"^::(header|section|field|context|divider|actions|block)\b ?(.*)$")
MAX_ACTION_ELEMENTS = 25


class Mrkdwn(str):
    """Text already written as mrkdwn (template output): not escaped again."""


def escape(text: object) -> str:
    """Slack's three control characters, and no line breaks: a value is never markup
    and can never start a directive line of its own."""
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
            elements = [json.loads(line) for line in text.splitlines() if line.strip()]
            if elements:
                blocks.append({"type": "actions", "elements": elements[:MAX_ACTION_ELEMENTS]})
        elif kind == "block":
            # Whole Block Kit blocks, one JSON object per line (a form's inputs): taken as they are.
            blocks.extend(json.loads(line) for line in text.splitlines() if line.strip())
        elif kind == "context":
            for piece in _split_text(text, MAX_CONTEXT_ELEMENT):
                blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": piece}]})

    for line in rendered.splitlines():
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
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def build_messages(rendered: str) -> list[Message]:
    """One or more messages: more than 50 blocks continue in the next message."""
    blocks = parse_directives(rendered)
    messages = []
    for start in range(0, max(len(blocks), 1), MAX_BLOCKS):
        chunk = blocks[start : start + MAX_BLOCKS]
        messages.append(Message(text=fallback_text(chunk) or " ", blocks=chunk))
    return messages
