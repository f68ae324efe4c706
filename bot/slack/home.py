"""Publishing the App Home tab (on `app_home_opened`, and again after *Forget me*)."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.interactive import Interactions
from bot.slack.failures import log_failure

log = logging.getLogger(__name__)


def publish_home(client: WebClient, interactions: Interactions, team: str, user: str) -> bool:
    try:
        view = interactions.home(team, user)
        client.views_publish(user_id=user, view=view)
    except SlackApiError as error:
        log.error("views.publish failed: %s", error.response.get("error"))
        return False
    except OSError as error:
        log.error("views.publish failed: %s", type(error).__name__)
        return False
    except Exception as error:
        log_failure("home tab", user, error)
        return False
    log.info("published the home tab (%d blocks)", len(view["blocks"]))
    return True
