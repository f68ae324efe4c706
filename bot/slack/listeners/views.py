"""View submissions: the offer form.

The form's figures are checked inside the acknowledgement (no store, no network: the
check is fast), so field errors come back as `response_action: errors` and Slack shows
them under their fields. A form that checks out closes at once; its evaluation is posted
to the person's DM (`chat.postMessage` with the user id as channel) by the courier, through
the outbox (bot/slack/courier.py), after the coaching case starts on a background thread.
"""

from __future__ import annotations

import logging
from concurrent.futures import Executor

from slack_bolt import Ack, App, BoltContext

from bot.interactive import CheckedForm, Interactions
from bot.render.views import OFFER_FORM, form_notice
from bot.slack.courier import Courier
from bot.slack.failures import log_failure
from bot.slack.payloads import team_of_interaction, tenant_of, user_of, view_values

log = logging.getLogger(__name__)


def register(app: App, interactions: Interactions, background: Executor, courier: Courier) -> None:
    def deliver(team: str, user: str, checked: CheckedForm, enterprise: str | None) -> None:
        try:
            messages = interactions.start_case(team, user, checked)
        except Exception as error:
            log_failure("offer form case", None, error)
            return
        # the user id as channel: the bot's DM with them; `enterprise` picks the Grid installation's token
        courier.send(team, user, messages, enterprise=enterprise)
        log.info("offer form: evaluation handed to the courier (%d messages)", len(messages))

    def submit_offer_form(ack: Ack, body: dict, view: dict, context: BoltContext) -> None:
        try:
            checked = interactions.check_offer_form(view.get("private_metadata"), view_values(view))
        except Exception as error:
            log_failure("offer form", view.get("id"), error)
            ack(response_action="update", view=form_notice("slack_error.j2"))
            return
        if checked.errors:
            ack(response_action="errors", errors=checked.errors)
            log.info("offer form: %d field errors", len(checked.errors))
        elif checked.replacement:
            ack(response_action="update", view=checked.replacement)
            log.info("offer form: guide no longer on hand")
        else:
            ack()
            team = tenant_of(context, team_of_interaction(body))  # the org's, for an org-wide install
            background.submit(deliver, team, user_of(body), checked, context.enterprise_id)

    app.view(OFFER_FORM)(submit_offer_form)
