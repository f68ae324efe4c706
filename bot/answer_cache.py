"""Rendered `/comp` answers kept by what the query resolved to, not by what was typed.

People type the same question many ways (`planetscale ml remote`, `PlanetScale ML engineer,
remote`, `ml @ planetscale remote us`), so a cache keyed by the typed text hardly ever hits,
while the answers themselves come from a small set: a guide, a region or all of them, a
level row, a filter (`levers`, `script`). Rendering is most of an uncached answer's cost
(cProfile over 1,200 distinct team queries: ~55% templates and blocks, ~40% resolving), so
answers are kept under `answer_key(resolution, focus, interactive)`: everything the reply is
rendered from, and nothing else.

What the reply shows of the typed text is part of the key: the role and seniority words as
typed for the answers that name them (the `roles` family), and the words a notice quotes
(`corrections`, `unknown`) for every answer but a band or all of a guide's regions. Those two
(most of the answers) are kept without their notice, whose first block is rendered on its own
for each query (`split_notice`, `with_notice`): a typo or a word left out then costs one small
template, not the whole answer. The one answer that repeats the whole text (a company not on
hand: "You typed ...", a fifth of a team's queries) is kept rendered with `QUERY_MARK` where
the text goes, under a key of everything else it shows (the company name asked, the
suggestions), and each query gets the kept answer with its own escaped text put in place of the
mark (`with_query`: 36 µs of template and blocks -> ~3 µs). Where that could differ from a
fresh render (a block over Slack's limit once the text is in), the answer is rendered afresh.
`tests/foundation/test_answer_cache.py` holds every reply to the uncached one over many
distinct queries.

Guides and regions enter the key by identity, and the entry keeps them alive, so an id is
never reused while its entry exists; a guide built again after the catalog dropped it is a
new object and a new entry, never a stale one.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace
from operator import attrgetter

from bot.guides.resolve import Resolution
from bot.render.blocks import (
    MAX_BLOCKS,
    MAX_CONTEXT_ELEMENT,
    MAX_SECTION,
    MAX_TEXT,
    Message,
    escape,
    fallback_text,
    parse_directives,
)
from bot.render.templates import render

# Answers whose template starts with the notice (`{% include "_notice.j2" %}`), whose notice
# reads only what `split_notice` gives it, and which show `unknown` only as the notice's
# `ignored` words.
NOTICE_APART = frozenset({"band", "regions"})

# The answers that show the role and seniority words as typed (`roles.j2`: "no *staff swe* guide").
NAMES_TYPED_ROLE = frozenset({"roles", "role_unknown", "level_unknown"})
# The one answer that quotes the whole text (`not_found.j2`: "You typed ..."): kept with the mark.
QUOTES_QUERY = frozenset({"company_unknown"})
# Where the typed text goes in a kept answer that quotes it. Private-use characters: `normalize`
# drops them, so no word read from a query carries them; nor may anything else the answer shows
# (`quotable`), or it is rendered afresh.
QUERY_MARK = "\ue000query\ue000"

_PLAIN = (str, int, float, bool, type(None))
_PLAIN_TYPES = frozenset(_PLAIN)
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_BY_IDENTITY: set[type] = set()  # types `_frozen` keys by identity (Guide, RegionBand)


def answer_key(resolution: Resolution, focus: str | None, interactive: bool) -> tuple[tuple | None, list]:
    """(key, objects the key names by identity); key None: an answer not to keep. Two
    resolutions with equal keys render to equal replies."""
    kept: list = []
    kind = resolution.kind
    # Every field but the typed text (and the role words as typed, where not shown), read
    # in one call; the plain values (most of them) taken as they are, and the empty lists
    # (most of the rest) as `_frozen` makes them, without a call each.
    values = _key_fields(type(resolution), kind in NAMES_TYPED_ROLE)(resolution)
    plain = _PLAIN_TYPES
    key = [v if type(v) in plain else () if type(v) is list and not v else _frozen(v, kept) for v in values]
    return (focus, interactive, *key), kept


_KEY_FIELDS: dict[tuple[type, bool], Callable[[object], tuple]] = {}


def _key_fields(kind: type, typed_role: bool) -> Callable[[object], tuple]:
    getter = _KEY_FIELDS.get((kind, typed_role))
    if getter is None:
        typed = () if typed_role else ("asked_level", "asked_role")
        names = [name for name in _field_names(kind) if name != "query" and name not in typed]
        getter = _KEY_FIELDS[(kind, typed_role)] = attrgetter(*names)
    return getter


def split_notice(resolution: Resolution) -> tuple[Resolution, dict | None]:
    """(the resolution without what only its notice shows, the notice's context), or
    (the resolution, None) when there is no notice to render apart."""
    kind = resolution.kind
    if kind not in NOTICE_APART or resolution.guide is None or not resolution.differs:
        return resolution, None
    context = {
        "corrections": resolution.corrections,
        "instead_of": resolution.instead_of,
        "currency_missing": resolution.currency_missing,
        "ignored": resolution.unknown,
        "guide": resolution.guide,
        "region": resolution.region if kind == "band" else None,
    }
    body = replace(resolution, corrections=[], instead_of="", currency_missing="", unknown="")
    return body, context


def with_notice(context: dict, body: list[Message]) -> list[Message]:
    """The notice's blocks first, then the body's, cut into messages as `build_messages` cuts them.
    The notice's blocks are kept by its own context (`NOTICES` of them; the same typo or word
    left out comes back with other wordings): shared, read-only, like the body's."""
    kept: list = []
    key = tuple(_frozen(value, kept) for value in context.values())  # all of it: what the template reads
    notice = _NOTICES.get(key, lambda: parse_directives(render("_notice.j2", **context)), kept)
    blocks = list(notice)
    for message in body:
        blocks.extend(message.blocks)
    messages = []
    for start in range(0, max(len(blocks), 1), MAX_BLOCKS):
        chunk = blocks[start : start + MAX_BLOCKS]
        messages.append(Message(text=fallback_text(chunk) or " ", blocks=chunk))
    return messages


def quotable(key: tuple, messages: list[Message]) -> list[Message] | None:
    """Messages rendered with `QUERY_MARK` for the query, to keep, or None (render afresh each
    time) unless every mark is in a section's or a context's text and nothing else the answer
    shows holds one."""
    if _marks(key):
        return None
    for message in messages:
        placed = sum(text.count(QUERY_MARK) for _, _, text in _texts(message.blocks))
        if placed != _marks(message.blocks) or placed != message.text.count(QUERY_MARK):
            return None
    return messages


def _marks(value: object) -> int:
    """How many `QUERY_MARK`s the strings in a value hold (dicts, lists and tuples gone through)."""
    if isinstance(value, str):
        return value.count(QUERY_MARK)
    if isinstance(value, dict):
        return sum(_marks(key) + _marks(item) for key, item in value.items())
    if isinstance(value, list | tuple):
        return sum(_marks(item) for item in value)
    return 0


def with_query(messages: list[Message], query: str) -> list[Message] | None:
    """The kept messages with the typed text (escaped as templates escape it) in place of
    `QUERY_MARK`; blocks without it are the kept ones. None when a text would then pass a
    limit `parse_directives` or `fallback_text` would have split or cut at: render afresh.
    The escaped text holds no line break and, the query being stripped, starts and ends with
    none of the white space `strip()` removes, so the blocks and fallback text are those a fresh
    render builds."""
    typed = escape(query)
    filled = []
    for message in messages:
        blocks = list(message.blocks)
        for index, element, text in _texts(message.blocks):
            if QUERY_MARK not in text:
                continue
            text = text.replace(QUERY_MARK, typed)
            block = blocks[index]
            if block["type"] == "section":
                if len(text) > MAX_SECTION:
                    return None
                blocks[index] = {**block, "text": {**block["text"], "text": text}}
            else:
                if len(text) > MAX_CONTEXT_ELEMENT:
                    return None
                elements = list(blocks[index]["elements"])
                elements[element] = {**elements[element], "text": text}
                blocks[index] = {**block, "elements": elements}
        text = message.text.replace(QUERY_MARK, typed)
        if len(message.text) >= MAX_TEXT - 1 or len(text) > MAX_TEXT:
            return None
        filled.append(Message(text=text, blocks=blocks))
    return filled


def _texts(blocks: list[dict]):
    """(block index, element index, text) of each section's text and context element's text."""
    for index, block in enumerate(blocks):
        if block["type"] == "section" and "text" in block:
            yield index, 0, block["text"]["text"]
        elif block["type"] == "context":
            for element, item in enumerate(block["elements"]):
                if "text" in item:
                    yield index, element, item["text"]


def _frozen(value: object, kept: list) -> object:
    kind = type(value)
    if kind in _BY_IDENTITY:
        kept.append(value)
        return ("id", id(value))
    if kind in _PLAIN_TYPES or isinstance(value, _PLAIN):
        return value
    if kind is list or kind is tuple:
        return tuple([_frozen(item, kept) for item in value]) if value else ()
    if isinstance(value, set | frozenset):
        return frozenset(_frozen(item, kept) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((key, _frozen(item, kept)) for key, item in value.items()))
    if is_dataclass(value) and not isinstance(value, type):
        # A nested resolution (a company choice's): everything but its copy of the typed text.
        return (kind.__name__, *(_frozen(getattr(value, name), kept) for name in _field_names(kind) if name != "query"))
    _BY_IDENTITY.add(kind)  # what this type is, found once
    kept.append(value)  # a Guide, a RegionBand: by identity, kept alive with the entry
    return ("id", id(value))


def _field_names(kind: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(item.name for item in fields(kind))
    return names


class RenderedAnswers:
    """A bounded LRU of rendered answers; thread-safe (Socket Mode answers on several threads).
    The messages returned are shared between callers: read-only."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[tuple, tuple[list[Message], list]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple | None, render: Callable[[], list[Message]], kept: list) -> list[Message]:
        if key is None:
            return render()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                self.hits += 1
                return entry[0]
            self.misses += 1
        messages = render()
        with self._lock:
            self._entries[key] = (messages, kept)
            if len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return messages

    def __len__(self) -> int:
        return len(self._entries)


NOTICES = 1024  # notices kept: small (a block or two each)
_NOTICES = RenderedAnswers(NOTICES)
