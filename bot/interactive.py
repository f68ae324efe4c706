"""What the buttons, menus, the offer form and the App Home do, apart from Slack's plumbing.

Slack listeners (bot/slack/listeners/) read a payload, call one method here and deliver
what it returns; every decision (which answer a button points at, whether a form's
figures can be used, what the home tab shows) is made here or below, in the domain.
Buttons and menus carry view references (`bot.answers.ViewRef`), so an action still works
after a restart, and one whose guide has gone since gets a clear message.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.conversation import Conversation
from bot.guides.overview import overview
from bot.offers.form import Problem, read_offer_form
from bot.offers.model import Offer
from bot.render import views
from bot.render.blocks import Message, build_messages
from bot.render.fixed import coach_error
from bot.render.templates import render

log = logging.getLogger(__name__)

USER_ID_RE = re.compile(r"^[UW][A-Z0-9]{1,20}$")


@dataclass
class CheckedForm:
    """A submitted offer form: field errors to show, a view to show instead (its guide is
    gone), or the offer to start the case from."""

    errors: dict[str, str] | None = None
    replacement: dict | None = None
    guide_key: str | None = None
    region_name: str | None = None
    offer: Offer | None = None


class Interactions:
    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation

    @property
    def answers(self):
        return self.conversation.answers

    # --- buttons and menus under an answer ------------------------------------------------------

    def switched(self, ref: str) -> list[Message] | None:
        """The private answer a region or role menu points at (None: that guide is gone)."""
        return self.answers.view(ref)

    def shared(self, ref: str, user_id: str) -> list[Message] | None:
        """The public version of an answer, naming who shared it (None: the guide is gone)."""
        if not USER_ID_RE.match(user_id or ""):
            return None
        return self.answers.view(ref, shared_by=f"<@{user_id}>")

    def gone(self) -> list[Message]:
        return build_messages(render("guide_gone.j2"))

    def cannot_post(self, error: str) -> list[Message]:
        """Sharing failed: how to invite the bot (`not_in_channel`), or why it cannot post."""
        return build_messages(render("not_in_channel.j2", error=error[:60]))

    def form_not_opened(self, error: str) -> list[Message]:
        return build_messages(render("form_not_opened.j2", error=error[:60]))

    # --- the offer form ---------------------------------------------------------------------------

    def offer_form(self, ref: str) -> dict | None:
        """The modal for the guide a *Check my offer* button points at (None: it is gone)."""
        found = self.answers.guide_for(ref)
        if found is None:
            return None
        guide, region_index = found
        return views.offer_form(guide, region_index, ref)

    def check_offer_form(self, metadata: str | None, values: dict[str, str | None]) -> CheckedForm:
        """A submitted form: the offer, or what to show instead. Fast (no store, no network):
        it runs inside Slack's 3-second window for the submission."""
        ref = views.form_ref(metadata)
        found = self.answers.guide_for(ref) if ref else None
        if found is None:
            return CheckedForm(replacement=views.form_notice("guide_gone.j2"))
        guide, region_index = found
        chosen = values.get("region")
        if chosen is not None:
            region_index = int(chosen) if chosen.isdigit() and int(chosen) < len(guide.regions) else None
        if region_index is None and len(guide.regions) == 1:
            region_index = 0
        if region_index is None:
            return CheckedForm(errors=views.form_errors({"region": Problem("region")}))
        region = guide.regions[region_index]
        result = read_offer_form(values, region)
        if not result.ok:
            return CheckedForm(errors=views.form_errors(result.problems))
        return CheckedForm(guide_key=guide.key, region_name=region.name, offer=result.offer)

    def start_case(self, team: str, user: str, checked: CheckedForm) -> list[Message]:
        """The evaluation for the person's DM; the coaching case starts from the form's offer."""
        try:
            coach = self.conversation.coach
        except Exception as exc:  # the store is unreachable
            log.error("coaching store unavailable: %s", type(exc).__name__)
            return coach_error()
        return coach.start_from_form(team, user, checked.guide_key, checked.region_name, checked.offer)

    # --- the App Home ---------------------------------------------------------------------------

    def home(self, team: str, user: str) -> dict:
        """The home tab: how to use the bot, the person's open case, the guides on hand."""
        try:
            case = self.conversation.coach.open_case(team, user)
        except Exception as exc:  # the tab still shows the rest, and says the case could not be read
            log.error("reading the case for the home tab failed: %s", type(exc).__name__)
            case = {"case": None, "unavailable": True}
        return views.home(overview(self.answers.catalog), case)

    def forget(self, team: str, user: str) -> bool:
        return self.conversation.coach.forget(team, user)
