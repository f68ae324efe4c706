"""One entry point for everything a person types, wherever they type it.

`/comp ...` is a lookup answered privately; anything else is a direct message. Slack
listeners and the console both go through `Conversation.handle`, so the console is the
same bot as the Slack app, minus Slack.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from bot.answers import COMMAND, Answers, as_lookup, split_command
from bot.render.blocks import Message, build_messages
from bot.render.fixed import coach_error, prepare
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
    def __init__(self, answers: Answers, settings: object | None = None, store: object | None = None) -> None:
        self.answers = answers
        prepare()  # the apologies, rendered now: they must need nothing when things fail
        self.settings = settings
        self._store = store  # a bot.store.database.Store to share; opened from settings when None
        self._coach = None
        self._coach_lock = threading.Lock()

    def handle(self, text: str, user: str = "console", team: str = "console", interactive: bool = False) -> Reply:
        """`interactive`: the surface shows buttons and menus (Slack), so `/comp` answers carry them."""
        command, rest = split_command(text)
        if command == COMMAND:
            return Reply(self.answers.comp(rest, interactive=interactive), "ephemeral")
        if command is not None:
            return Reply(self.unknown_command(command), "ephemeral")
        return Reply(self.direct_message(text, user=user, team=team))

    def blank(self) -> Reply:
        """The reply to an empty line: how to ask (the `/comp` usage), never silence."""
        return Reply(self.answers.comp(""))

    def mention(self, text: str, user: str, team: str = "console") -> Reply:
        """`@Comp Coach ...` in a channel (mention removed): the `/comp` lookup, for everyone
        to see (`in_channel`); a message stating someone's own offer gets, only for them
        (`ephemeral`), a pointer to the DM instead, so no figure of theirs is shown in public."""
        from bot.offers.detect import states_an_offer  # the offer parser: mentions only, not every lookup

        if states_an_offer(text):
            return Reply(build_messages(render("dm_pointer.j2")), "ephemeral")
        return Reply(self.handle(as_lookup(text), user=user, team=team).messages, "in_channel")

    def unknown_command(self, command: str) -> list[Message]:
        return build_messages(render("unknown_command.j2", command=command[:40]))

    def direct_message(self, text: str, user: str, team: str = "console") -> list[Message]:
        """A DM: the coaching conversation (bot/coaching). The coach keeps the person's case in
        the store; a DM that carries no offer while no case is open gets the `/comp` lookup."""
        try:
            coach = self.coach
        except Exception as exc:  # the store is unreachable: say so, and try again next DM
            logging.getLogger(__name__).error("coaching store unavailable: %s", type(exc).__name__)
            return coach_error()
        return coach.reply(text, user=user, team=team)

    @property
    def coach(self):
        """The coach, with its cases store, made on the first DM (lookups never open the store)."""
        with self._coach_lock:
            if self._coach is None:
                from bot.coaching.coach import Coach
                from bot.settings import Settings
                from bot.store.cases import CaseStore
                from bot.store.database import Store

                settings = self.settings if self.settings is not None else Settings()
                store = self._store or Store.open(settings.database_url, settings.state_path)
                self._store = store
                ttl = settings.case_ttl_days
                self._coach = Coach(self.answers, CaseStore(store, ttl), ttl)
            return self._coach
