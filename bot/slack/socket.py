"""`comp-coach socket`: the same Bolt app over Socket Mode (no public URL needed).

`apps.connections.open` goes through the app's own WebClient, hence through
`SLACK_API_URL` like every other Web API call.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading

from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.error import BoltError
from slack_sdk.errors import SlackApiError

from bot.settings import Settings

log = logging.getLogger(__name__)


def run_socket_mode(settings: Settings) -> int:
    missing = [
        name
        for name, value in (
            ("SLACK_BOT_TOKEN", settings.slack_bot_token),
            ("SLACK_APP_TOKEN", settings.slack_app_token),
        )
        if not value
    ]
    if missing:
        print(f"comp-coach socket: set {' and '.join(missing)} (see docs/slack.md)", file=sys.stderr)
        return 2
    if settings.slack_client_id and settings.slack_client_secret:
        # Bolt turns OAuth on by itself when it sees these, and would then drop the bot token.
        print(
            "comp-coach socket: Socket Mode serves one workspace; unset SLACK_CLIENT_ID and SLACK_CLIENT_SECRET, "
            "or run comp-coach serve for many workspaces (see docs/slack.md)",
            file=sys.stderr,
        )
        return 2
    from bot.slack.app import build

    try:
        bot = build(settings, socket_mode=True)
        handler = SocketModeHandler(bot.app, app_token=settings.slack_app_token, web_client=bot.app.client)
        handler.connect()
    except BoltError as error:
        print(f"comp-coach socket: Slack refused the bot token: {error}", file=sys.stderr)
        return 1
    except SlackApiError as error:
        print(
            f"comp-coach socket: could not open a Socket Mode connection: {error.response.get('error')}",
            file=sys.stderr,
        )
        return 1
    except OSError as error:
        print(f"comp-coach socket: could not reach Slack: {type(error).__name__}", file=sys.stderr)
        return 1
    log.info("connected to Slack over Socket Mode")
    stop = threading.Event()
    # A platform stops the worker with SIGTERM: close the connection, finish or hand over what was acknowledged.
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    finally:
        handler.close()
        bot.hand_over()  # undelivered replies and unstarted events stay in the outbox
        bot.app.listener_runner.listener_executor.shutdown(wait=True, cancel_futures=False)
    log.info("disconnected from Slack")
    return 0
