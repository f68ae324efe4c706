"""Reading Slack payloads and shaping what goes back: plumbing only, no answers.

Which events deserve a reply is decided here once, so the listeners stay one-liners:
only a person's own words get an answer. The bot's own messages, other bots' messages
and message subtypes (edits, deletions, joins, `bot_message`...; `PERSON_SUBTYPES` aside)
are dropped, as are events without text, which is what keeps two bots from answering
each other forever.
"""

from __future__ import annotations

import re

from bot.answers import COMMAND
from bot.render.blocks import Message

# Subtypes that are still a person writing: a message with a file, a thread reply also sent
# to the channel, `/me ...`. Every other subtype is something happening to a message.
PERSON_SUBTYPES = frozenset({"file_share", "thread_broadcast", "me_message"})


def ignore_reason(event: dict, bot_user_id: str | None) -> str | None:
    """Why an event gets no reply (for the log), or None when a person wrote to the bot."""
    if event.get("subtype") and event["subtype"] not in PERSON_SUBTYPES:
        return f"subtype {event['subtype']}"
    if event.get("bot_id") or event.get("bot_profile"):
        return "from a bot"
    user = event.get("user")
    if not user:
        return "no user"
    if user == bot_user_id:
        return "the bot's own"
    text = event.get("text")
    if not isinstance(text, str) or not text.strip():
        return "no text"
    return None


def without_mention(text: str, bot_user_id: str | None) -> str:
    """`<@UBOT> planetscale ml` -> `planetscale ml` (other people's mentions stay)."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    return " ".join(text.split())


def thread_of(event: dict) -> str | None:
    """Reply under the mention, or in the thread it was already part of."""
    return event.get("thread_ts") or event.get("ts")


def team_of(body: dict, event: dict) -> str:
    return body.get("team_id") or event.get("team") or "unknown"


def tenant_of(context, team: str) -> str:
    """Whose a request's data is: the key a person's case, the answered event ids and the replies
    owed are kept under (the store's `team_id` columns). A workspace's team id, except for an
    org-wide (Enterprise Grid) install, where it is the org's enterprise id.

    Why not the workspace there: an org-wide install is one installation for every workspace of
    the org, and Grid user ids and DMs are org-wide, so the same person writing to the bot from
    two workspaces is one conversation, and keyed by workspace it would be two cases. And when the
    org uninstalls, Slack names the org's installation, not the workspaces its people wrote from,
    and the bot keeps no list of them: data keyed by workspace could not be found to erase it.
    `context`: Bolt's, which reads `is_enterprise_install` and `enterprise_id` from the payload
    (`authorizations[0]` for events, the form for commands, the payload for interactivity)."""
    if context is not None and context.is_enterprise_install and context.enterprise_id:
        return context.enterprise_id
    return team


def command_text(command: dict) -> str:
    """`/comp` + its text, as a person typed it."""
    return f"{command.get('command') or COMMAND} {command.get('text') or ''}".strip()


def message_args(message: Message) -> dict:
    return {"text": message.text, "blocks": message.blocks}


def action_value(action: dict) -> str:
    """What a button (`value`) or a menu (`selected_option.value`) carries."""
    selected = action.get("selected_option") or {}
    return str(action.get("value") or selected.get("value") or "")


def action_channel(body: dict) -> str | None:
    """The conversation an action's message is in (the one a `/comp` came from)."""
    channel = body.get("channel") or {}
    container = body.get("container") or {}
    return channel.get("id") or container.get("channel_id")


def user_of(body: dict) -> str:
    user = body.get("user") or {}
    return user.get("id") or body.get("user_id") or "unknown"


def team_of_interaction(body: dict) -> str:
    team = body.get("team") or {}
    user = body.get("user") or {}
    return team.get("id") or user.get("team_id") or "unknown"


def view_values(view: dict) -> dict[str, str | None]:
    """A submitted view's inputs by block id: typed text, or a menu's chosen value."""
    values: dict[str, str | None] = {}
    for block_id, inputs in ((view.get("state") or {}).get("values") or {}).items():
        if not isinstance(inputs, dict):
            continue
        for element in inputs.values():
            if not isinstance(element, dict):
                continue
            selected = element.get("selected_option") or {}
            value = element.get("value") if "value" in element else selected.get("value")
            values[str(block_id)] = value if isinstance(value, str) else None
    return values
