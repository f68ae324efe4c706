"""Interactivity payloads as Slack sends them: `block_actions` for a click on an element of a
message the bot sent, `view_submission` for a modal filled in, both form-encoded as
`payload=<JSON>` and signed like every other request (tests/support/signing.py)."""

from __future__ import annotations

import itertools
import json
import time
from urllib.parse import urlencode

_ids = itertools.count(1)
FORM = "application/x-www-form-urlencoded"


def trigger_id() -> str:
    return f"{int(time.time())}.{next(_ids)}.trigger"


def form_body(payload: dict) -> bytes:
    return urlencode({"payload": json.dumps(payload)}).encode()


def elements(message: dict) -> dict[str, tuple[str, dict]]:
    """action_id -> (block_id, element) for every interactive element of a message payload."""
    found = {}
    for index, block in enumerate(message.get("blocks") or []):
        if block["type"] == "actions":
            block_id = block.get("block_id") or f"actions-{index}"
            for element in block["elements"]:
                found[element["action_id"]] = (block_id, element)
    return found


def clicked(block_id: str, element: dict, option: dict | None = None) -> dict:
    """The `actions[0]` Slack sends for a button, or for a menu with `option` chosen."""
    action = {
        "action_id": element["action_id"],
        "block_id": block_id,
        "type": element["type"],
        "action_ts": f"{time.time():.6f}",
    }
    if element["type"] == "button":
        action.update(text=element["text"], value=element.get("value"))
        if "style" in element:
            action["style"] = element["style"]
    else:
        action.update(selected_option=option, placeholder=element.get("placeholder"))
    return action


def block_actions(
    action: dict,
    response_url: str | None,
    channel: str | None = "C0GENERAL",
    user: str = "U0PERSON",
    team: str = "T0TEAM",
    trigger: str | None = None,
    ephemeral: bool = True,
    view: dict | None = None,
    enterprise: str | None = None,
    org: bool = False,
) -> dict:
    """A click in an (ephemeral) message in `channel`, or in a view (the App Home) when `view` is given.
    `enterprise`: from a workspace of that Grid org; `org`: the app is installed org-wide, and
    Slack then sends `team: null` (the workspace only as the user's `team_id`)."""
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": "person", "name": "person", "team_id": team},
        "api_app_id": "A0COMPCOACH",
        "token": "deprecated-verification-token",
        "trigger_id": trigger or trigger_id(),
        "team": None if org else {"id": team, "domain": "comp-coach-test"},
        "enterprise": {"id": enterprise, "name": f"Org {enterprise}"} if enterprise else None,
        "is_enterprise_install": org,
        "actions": [action],
    }
    if view is not None:
        payload["container"] = {"type": "view", "view_id": view.get("id", "V0HOME")}
        payload["view"] = view
    else:
        payload["container"] = {
            "type": "message",
            "message_ts": f"{int(time.time())}.{next(_ids):06d}",
            "channel_id": channel,
            "is_ephemeral": ephemeral,
        }
        payload["channel"] = {"id": channel, "name": "general"}
        payload["response_url"] = response_url
    return payload


def filled(view: dict, values: dict[str, str], region: str | None = None) -> dict:
    """The modal as submitted: typed text per input block id, the region menu's option chosen
    by its label (or its initial option)."""
    state: dict[str, dict] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element = block["element"]
        if element["type"] == "static_select":
            option = next((o for o in element["options"] if o["text"]["text"] == region), None)
            option = option or element.get("initial_option")
            state[block["block_id"]] = {element["action_id"]: {"type": "static_select", "selected_option": option}}
        else:
            text = values.get(block["block_id"], element.get("initial_value"))
            state[block["block_id"]] = {element["action_id"]: {"type": element["type"], "value": text}}
    return {**view, "id": view.get("id", "V0FORM"), "state": {"values": state}, "hash": "1.abc"}


def view_submission(
    view: dict, user: str = "U0PERSON", team: str = "T0TEAM", enterprise: str | None = None, org: bool = False
) -> dict:
    """`enterprise`, `org`: as for `block_actions`."""
    payload = {
        "type": "view_submission",
        "team": None if org else {"id": team, "domain": "comp-coach-test"},
        "user": {"id": user, "username": "person", "name": "person", "team_id": team},
        "api_app_id": "A0COMPCOACH",
        "token": "deprecated-verification-token",
        "trigger_id": trigger_id(),
        "view": view,
        "response_urls": [],
        "is_enterprise_install": org,
    }
    if enterprise:
        payload["enterprise"] = {"id": enterprise, "name": f"Org {enterprise}"}
    return payload
