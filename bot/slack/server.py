"""`comp-coach serve`: the Slack app over HTTP behind gunicorn, on `0.0.0.0:$PORT`.

Settings, tuned with bench/http.py on this 2-core machine (figures in docs/slack.md):

- gunicorn's own `asgi` worker (asyncio, keep-alive) with Bolt's ASGI adapter: about 1.6x
  the requests/s of the threaded `gthread` worker with Bolt's WSGI adapter, and a third of
  its p99, because no request crosses threads. (With four `gthread` threads, each socket read
  waited out the 5 ms GIL switch interval behind a busy thread: p99 over 50 ms.)
- one worker, and no `preload_app`: the master stays small (gunicorn alone) and the worker
  loads the guides and builds the Bolt app. Each process's RSS counts the pages it shares,
  so a preloaded master or a second worker adds ~60 MB to the process tree.
  `WEB_CONCURRENCY` (the Heroku convention) adds workers where memory allows.

A worker that cannot start (Slack refuses the token) stops the server with exit status 3
and one clear line in the log. A worker told to stop (SIGTERM) hands over what it
acknowledged before it exits (`hand_over_on_exit`): replies not yet delivered and events not
yet answered stay in the outbox for the next process.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable

from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter

from bot.settings import Settings

log = logging.getLogger(__name__)

DEFAULT_WORKERS = 1
# gunicorn's `asgi` worker plus a header timeout and a bound on open connections (bot/slack/worker.py).
WORKER_CLASS = "bot.slack.worker.BoundedASGIWorker"
# Junk bounds, measured with bench/junk.py and tests/e2e/test_junk.py (figures in bot/slack/worker.py):
# Slack's requests have one short request line and about 15 headers.
LIMIT_REQUEST_LINE = 4094  # gunicorn's default: bytes of `POST /slack/events HTTP/1.1`
LIMIT_REQUEST_FIELDS = 50
LIMIT_REQUEST_FIELD_SIZE = 8190
WORKER_CONNECTIONS = 1000
# The listen backlog: gunicorn's default 2048 overflows under a burst of a few thousand connects
# (bench/junk.py opens 3,000), and the kernel then holds the overflow in its SYN queue for 1, 3, 7 s
# of retransmits before the worker can accept, time out and drop it: the last half-sent request
# was dropped 10.8 s after the burst instead of ~5 s. Linux caps it at net.core.somaxconn
# (4096 here and in kernels since 5.4).
BACKLOG = 4096


def gunicorn_options(settings: Settings) -> dict:
    """The server settings, shared with the benchmark's bare Bolt app so both are measured alike."""
    return {
        "bind": f"0.0.0.0:{settings.port}",
        "workers": int(os.environ.get("WEB_CONCURRENCY") or DEFAULT_WORKERS),
        "worker_class": WORKER_CLASS,
        "preload_app": False,
        "keepalive": 5,
        "limit_request_line": LIMIT_REQUEST_LINE,
        "limit_request_fields": LIMIT_REQUEST_FIELDS,
        "limit_request_field_size": LIMIT_REQUEST_FIELD_SIZE,
        "worker_connections": WORKER_CONNECTIONS,
        "backlog": BACKLOG,
        "timeout": 30,
        "graceful_timeout": 10,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": settings.log_level.lower(),
        "proc_name": "comp-coach",
        "control_socket_disable": True,
    }


class GunicornServer(BaseApplication):
    """Gunicorn run from Python; `make_app` builds the ASGI application in each worker."""

    def __init__(self, make_app: Callable[[], Callable], options: dict) -> None:
        self.make_app = make_app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Callable:
        from slack_bolt.error import BoltError

        try:
            return self.make_app()
        except BoltError as error:
            log.error("Slack refused the bot token: %s", error)
            raise SystemExit(Arbiter.WORKER_BOOT_ERROR) from None


def run_gunicorn(make_app: Callable[[], Callable], options: dict) -> int:
    try:
        GunicornServer(make_app, options).run()
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else 1
    return 0


def settled(application: Callable) -> Callable:
    """What start-up loaded (modules, the catalog, templates) lives as long as the process, so
    it is moved out of the garbage collector's sight (`gc.freeze`): a full collection would
    otherwise walk those objects in the middle of a request, ~100 ms at worst."""
    gc.collect()
    gc.freeze()
    return application


RUNNING: list = []  # the Bot this worker built, for `hand_over_on_exit`


def web_app(settings: Settings, process_before_response: bool = True) -> Callable:
    """Guides loaded, `auth.test` passed: the ASGI app, ready."""
    from bot.slack.app import build
    from bot.slack.web import WebApp

    # The guard in WebApp verifies every POST /slack/events before Bolt parses it; Bolt does not again.
    guarded = bool(settings.slack_signing_secret)
    bot = build(settings, process_before_response=process_before_response, verified_upstream=guarded)
    RUNNING.append(bot)
    return settled(WebApp(bot.app, store_state=bot.store.state, signing_secret=settings.slack_signing_secret))


def hand_over_on_exit(_arbiter: object, _worker: object) -> None:
    """gunicorn's `worker_exit` hook, run in the worker once it stopped serving."""
    while RUNNING:
        RUNNING.pop().hand_over()


def serve(settings: Settings) -> int:
    required = (("SLACK_BOT_TOKEN", settings.slack_bot_token), ("SLACK_SIGNING_SECRET", settings.slack_signing_secret))
    missing = [name for name, value in required if not value]
    if missing and not settings.oauth:
        print(
            f"comp-coach serve: set {' and '.join(missing)} for one workspace, or SLACK_CLIENT_ID, "
            "SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET for many (see docs/slack.md)",
            file=sys.stderr,
        )
        return 2
    if settings.oauth:
        log.info(
            "serving many workspaces: /slack/events, /slack/install, /slack/oauth_redirect, /healthz on port %d",
            settings.port,
        )
    else:
        log.info("serving /slack/events and /healthz on port %d", settings.port)
    options = {**gunicorn_options(settings), "worker_exit": hand_over_on_exit}
    return run_gunicorn(lambda: web_app(settings), options)
