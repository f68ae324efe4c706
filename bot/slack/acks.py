"""Slash-command acknowledgements, serialized once per reply.

A `/comp` answer is ~5 KB of Block Kit JSON, and Bolt's `ack(text=, blocks=, response_type=)`
runs `json.dumps` over it on every request: ~40 µs, a tenth of a whole request through the
server, where Bolt acking a constant string spends 2 µs (bench/http.py). `Answers` keeps its
rendered answers (`bot.answers.RENDERED_ANSWERS`), so the same `Message` objects come back; their
JSON is kept here, keyed by identity, and becomes the ack's response exactly as `ack(...)`
would have built it. Setting `Ack.response` is what `ack()` itself does, so both of Bolt's
ack paths (`process_before_response` True and False) send it.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict

from slack_bolt import Ack, BoltResponse

from bot.answers import RENDERED_ANSWERS
from bot.render.blocks import Message

KEPT = RENDERED_ANSWERS  # as many as there are answers kept to come back
BLOCKS = 16 * KEPT  # blocks whose JSON is kept: a kept answer has about a dozen


class AckBodies:
    def __init__(self, size: int = KEPT) -> None:
        self.size = size
        self._bodies: OrderedDict[tuple[int, str], tuple[Message, str]] = OrderedDict()
        self._lock = threading.Lock()  # Socket Mode dispatches on several threads
        # Block id -> (block, its JSON). Plain dict operations, each atomic under the GIL: a
        # block serialized twice by two threads at once is the same JSON either way.
        self._blocks: dict[int, tuple[dict, str]] = {}

    def acknowledge(self, ack: Ack, message: Message, response_type: str) -> None:
        ack.response = BoltResponse(status=200, body=self.body(message, response_type))

    def body(self, message: Message, response_type: str) -> str:
        key = (id(message), response_type)
        with self._lock:
            kept = self._bodies.get(key)
            if kept is not None and kept[0] is message:  # the same object, not a reused id
                self._bodies.move_to_end(key)
                return kept[1]
        body = self.serialize(message, response_type)
        with self._lock:
            self._bodies[key] = (message, body)  # holding the message keeps its id from being reused
            if len(self._bodies) > self.size:
                self._bodies.popitem(last=False)
        return body

    def serialize(self, message: Message, response_type: str) -> str:
        """`json.dumps` of the same dict, in the same order, as slack_bolt's `ack(text=, blocks=,
        response_type=)` builds, assembled from each block's JSON: an answer with a notice is a
        new message every time (bot/answer_cache.py `with_notice`), but all its blocks after the
        notice are the kept answer's own objects, whose JSON is kept here (`BLOCKS` of them, by
        identity, the block held so its id is not reused). `json.dumps` writes a list as
        `[` + items joined by `, ` + `]`, so the result is the same bytes."""
        kept = self._blocks
        parts = []
        for block in message.blocks:
            entry = kept.get(id(block))
            if entry is None or entry[0] is not block:
                if len(kept) >= BLOCKS:
                    kept.clear()  # a rare reset, cheaper than an LRU's upkeep per block
                entry = kept[id(block)] = (block, json.dumps(block))
            parts.append(entry[1])
        text, kind, blocks = json.dumps(message.text), json.dumps(response_type), ", ".join(parts)
        return f'{{"text": {text}, "response_type": {kind}, "blocks": [{blocks}]}}'
