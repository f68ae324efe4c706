"""Guide data and typed text that try to steer the rendering: the renderer's own directive
syntax (at the start, after every kind of line break, after leading spaces), broken JSON,
Slack's mentions and links. Used by tests/foundation/test_poisoned_render.py and the fault suite.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.guides.catalog import PROJECT_ROOT

BUTTON = {"type": "button", "text": {"type": "plain_text", "text": "Win"}, "url": "http://evil.example/x"}
INJECTED = json.dumps({"type": "section", "text": {"type": "mrkdwn", "text": "<!channel> injected"}}).replace(
    "<", "\\u003c"
)

# Each payload opens with a directive, hides more behind breaks of every kind, and carries
# the mentions and links that must reach Slack escaped.
PAYLOADS = (
    f"::block {INJECTED}",
    f"::actions {json.dumps(BUTTON)}",
    "::block {not json",
    f"x\n::block {INJECTED}\n::divider",
    f"x\r\n::actions {json.dumps(BUTTON)}",
    f"x\u2028::header injected\u2029::block {INJECTED}",
    f"x\x1c::section\x1d::block {INJECTED}\x1e\x85\x0b\x0c::divider",
    f"   ::block {INJECTED}",
    f"\x1f::block {INJECTED}",
    "<!channel> <!here> <@U1> <http://evil.example|click> &",
)
MENTIONS = ("<!channel>", "<!here>", "<@U1>", "<http://evil.example")

# Fields that name things the code matches on or computes with: left as they are.
STRUCTURAL = {"slug", "currency", "kind", "ownership", "source_file", "low", "high", "column", "url"}
POISONED_SLUG = "evilcorp"


def poisoned(value: object, counter: list[int]) -> object:
    """Every text of a guide's JSON replaced by words plus a payload (a different one each time)."""
    if isinstance(value, dict):
        return {k: (v if k in STRUCTURAL else poisoned(v, counter)) for k, v in value.items()}
    if isinstance(value, list):
        return [poisoned(item, counter) for item in value]
    if isinstance(value, str) and value and not value.replace(".", "").isdigit():
        counter[0] += 1
        return f"{value} {PAYLOADS[counter[0] % len(PAYLOADS)]}"
    return value


def write_poisoned_guide(folder: Path) -> Path:
    """The shipped PlanetScale ML guide, every text poisoned, as company `evilcorp`."""
    source = json.loads((PROJECT_ROOT / "data/guides/planetscale/ml-ai-engineer.json").read_text())
    guide = poisoned(source, [0])
    guide["company"]["slug"] = POISONED_SLUG
    guide["company"]["name"] = f"Evilcorp {PAYLOADS[0]}"
    guide["company"]["aliases"] = []
    guide["role"]["aliases"] = ["ml"]
    for region, name in zip(guide["regions"], ("Remote US", "San Francisco HQ"), strict=False):
        region["aliases"] = [name.lower()]
    target = folder / POISONED_SLUG / "ml-ai-engineer.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(guide, indent=2))
    return folder


_INJECTED_BLOCK = re.compile(r"^(?:<!channel>|&lt;!channel&gt;)? ?injected")
ALLOWED_BLOCKS = {"header", "section", "context", "divider", "actions", "input"}
OUR_ACTIONS = {"share_answer", "switch_region", "switch_role", "open_offer_form", "home_forget", "value"}


def texts(node: object):
    """Every string a payload holds, anywhere in it."""
    if isinstance(node, dict):
        for value in node.values():
            yield from texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from texts(value)
    elif isinstance(node, str):
        yield node


def keys(node: object):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from keys(value)
    elif isinstance(node, list):
        for value in node:
            yield from keys(value)


def assert_unsteered(blocks: list[dict], text: str = "") -> None:
    """Blocks only the templates could have made: known block types and actions, no link
    button, no block of injected text, and every mention or link shown escaped."""
    assert {b["type"] for b in blocks} <= ALLOWED_BLOCKS, [b["type"] for b in blocks]
    assert "url" not in set(keys(blocks)), "a link button from data"
    for block in blocks:
        for element in block.get("elements", []) if block["type"] == "actions" else []:
            assert element.get("action_id") in OUR_ACTIONS, element
        if block["type"] == "input":
            assert block["element"]["action_id"] == "value", block
        assert not any(_INJECTED_BLOCK.match(t) for t in texts(block)), block
    assert sum(b["type"] == "actions" for b in blocks) <= 1
    for value in [*texts(blocks), text]:
        assert "\x1f" not in value
        for raw in MENTIONS:
            assert raw not in value, (raw, value[:300])
