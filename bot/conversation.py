"""One entry point for everything a person types, wherever they type it.

`/comp ...` is a lookup answered privately; anything else is a direct message. Slack
listeners and the console both go through `Conversation.handle`, so the console is the
same bot as the Slack app, minus Slack.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers import COMMAND, Answers, split_command
from bot.render.blocks import Message, build_messages
from bot.render.templates import render


@dataclass
class Reply:
    messages: list[Message]
    response_type: str | None = None  # "ephemeral" for slash commands

    def payload(self) -> dict:
        """The first message as Slack takes it; further messages (long answers) follow
        under `continued`."""
        first = self.messages[0]
        payload = first.payload()
        if self.response_type:
            payload["response_type"] = self.response_type
        if len(self.messages) > 1:
            payload["continued"] = [message.payload() for message in self.messages[1:]]
        return payload


class Conversation:
    def __init__(self, answers: Answers, settings: object | None = None) -> None:
        self.answers = answers
        self.settings = settings

    def handle(self, text: str, user: str = "console", team: str = "console") -> Reply:
        command, rest = split_command(text)
        if command == COMMAND:
            return Reply(self.answers.comp(rest), "ephemeral")
        if command is not None:
            return Reply(self.unknown_command(command), "ephemeral")
        return Reply(self.direct_message(text, user=user, team=team))

    def unknown_command(self, command: str) -> list[Message]:
        return build_messages(render("unknown_command.j2", command=command[:40]))

    def direct_message(self, text: str, user: str, team: str = "console") -> list[Message]:
        """A DM: the same lookup as `/comp`, with its help."""
        return self.answers.mention(text)
