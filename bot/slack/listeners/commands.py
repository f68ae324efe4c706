"""Slash commands: the answer rides on the acknowledgement itself.

No Web API call sits in this path, so the reply is inside Slack's 3-second window by
construction. A long answer that needs more than one message sends the rest through
the command's `response_url` from a background thread, after the ack went out.
"""

from __future__ import annotations

import logging
import re
from concurrent.futures import Executor

from slack_bolt import Ack, App, BoltContext

from bot.answers import COMMAND
from bot.conversation import Conversation, Reply
from bot.slack.acks import AckBodies
from bot.slack.delivery import send_followups
from bot.slack.failures import apology, log_failure
from bot.slack.payloads import command_text, tenant_of

log = logging.getLogger(__name__)

ANY_COMMAND = re.compile(r"^/")  # any other command routed here gets a helpful reply


def register(app: App, conversation: Conversation, background: Executor) -> None:
    acks = AckBodies()

    def answer_command(ack: Ack, command: dict, context: BoltContext) -> None:
        try:
            reply = conversation.handle(
                command_text(command),
                user=command.get("user_id") or "unknown",
                team=tenant_of(context, command.get("team_id") or "unknown"),  # the org's, for an org-wide install
                interactive=True,  # buttons and menus under the answer (bot/slack/listeners/actions.py)
            )
        except Exception as error:
            log_failure("command", command.get("command"), error)
            reply = Reply(apology(), "ephemeral")
        first, *more = reply.messages
        response_type = reply.response_type or "ephemeral"
        acks.acknowledge(ack, first, response_type)  # = ack(response_type=..., text=..., blocks=...)
        if more and command.get("response_url"):
            background.submit(send_followups, command["response_url"], more, response_type)
        # DEBUG: at INFO, this line per command costs more than a (cached) answer does.
        log.debug("answered command %s (%d messages)", command.get("command"), len(reply.messages))

    app.command(COMMAND)(answer_command)  # matched by equality first: the one command Slack sends
    app.command(ANY_COMMAND)(answer_command)
