"""`comp-coach serve`: the Slack app over HTTP behind gunicorn, on `0.0.0.0:$PORT`.

The app is built once, before gunicorn starts (guides loaded, `auth.test` passed),
and the workers are forked from it (`preload_app`), so a worker serves from its first
request and start-up errors (a bad token) end the command with a clear message.
Gunicorn settings are tuned with bench/http.py: see `gunicorn_options`.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

from gunicorn.app.base import BaseApplication
from slack_bolt.error import BoltError

from bot.settings import Settings
from bot.slack.web import WebApp

log = logging.getLogger(__name__)

# bench/http.py on 2 cores, 8 connections: see docs/slack.md for the figures behind these.
DEFAULT_WORKERS = 2
WORKER_CLASS = "gthread"
THREADS = 4


def gunicorn_options(settings: Settings, post_fork: Callable | None = None) -> dict:
    """The server settings, shared with the benchmark's bare Bolt app so both are measured alike.
    `WEB_CONCURRENCY` (the Heroku convention) overrides the worker count."""
    options = {
        "bind": f"0.0.0.0:{settings.port}",
        "workers": int(os.environ.get("WEB_CONCURRENCY") or DEFAULT_WORKERS),
        "worker_class": WORKER_CLASS,
        "threads": THREADS,
        "preload_app": True,
        "keepalive": 5,
        "timeout": 30,
        "graceful_timeout": 10,
        "accesslog": None,  # request paths only would be fine, but nothing is needed per request
        "errorlog": "-",
        "loglevel": settings.log_level.lower(),
        "proc_name": "comp-coach",
        "control_socket_disable": True,
    }
    if post_fork is not None:
        options["post_fork"] = post_fork
    return options


class GunicornServer(BaseApplication):
    def __init__(self, application: Callable, options: dict) -> None:
        self.application = application
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Callable:
        return self.application


def run_gunicorn(application: Callable, options: dict) -> int:
    try:
        GunicornServer(application, options).run()
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else 1
    return 0


def serve(settings: Settings) -> int:
    missing = [
        name
        for name, value in (
            ("SLACK_BOT_TOKEN", settings.slack_bot_token),
            ("SLACK_SIGNING_SECRET", settings.slack_signing_secret),
        )
        if not value
    ]
    if missing:
        print(f"comp-coach serve: set {' and '.join(missing)} (see docs/slack.md)", file=sys.stderr)
        return 2
    from bot.slack.app import build

    try:
        bot = build(settings)
    except BoltError as error:
        print(f"comp-coach serve: Slack refused the bot token: {error}", file=sys.stderr)
        return 1

    def after_fork(_server, _worker) -> None:
        # A pooled database connection must not be shared across a fork.
        bot.store.engine.dispose(close=False)

    log.info("serving /slack/events and /healthz on port %d", settings.port)
    return run_gunicorn(WebApp(bot.app), gunicorn_options(settings, after_fork))
