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


class AckBodies:
    def __init__(self, size: int = KEPT) -> None:
        self.size = size
        self._bodies: OrderedDict[tuple[int, str], tuple[Message, str]] = OrderedDict()
        self._lock = threading.Lock()  # Socket Mode dispatches on several threads

    def acknowledge(self, ack: Ack, message: Message, response_type: str) -> None:
        ack.response = BoltResponse(status=200, body=self.body(message, response_type))

    def body(self, message: Message, response_type: str) -> str:
        key = (id(message), response_type)
        with self._lock:
            kept = self._bodies.get(key)
            if kept is not None and kept[0] is message:  # the same object, not a reused id
                self._bodies.move_to_end(key)
                return kept[1]
        # The same dict, in the same order, as slack_bolt's `ack(text=, blocks=, response_type=)`.
        body = json.dumps({"text": message.text, "response_type": response_type, "blocks": message.blocks})
        with self._lock:
            self._bodies[key] = (message, body)  # holding the message keeps its id from being reused
            if len(self._bodies) > self.size:
                self._bodies.popitem(last=False)
        return body
