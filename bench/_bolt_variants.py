"""Web processes the HTTP benchmark compares against the Procfile's, on the same gunicorn settings.

    python -m bench._bolt_variants bare             # one /comp listener acking a constant string
    python -m bench._bolt_variants bare-threaded    # the same with Bolt's default process_before_response=False
    python -m bench._bolt_variants ours-threaded    # Comp Coach with process_before_response=False
    python -m bench._bolt_variants ours-resolved    # Comp Coach with resolving free (a bound, not a build)

Configuration comes from the environment, as for `comp-coach serve`.
"""

from __future__ import annotations

import sys

from slack_bolt import Ack, App

from bot.settings import Settings
from bot.slack.app import BACKGROUND_THREADS
from bot.slack.clients import web_client
from bot.slack.logs import quiet_payload_loggers
from bot.slack.server import RUNNING, gunicorn_options, run_gunicorn, settled, web_app
from bot.slack.web import WebApp

CONSTANT = "Comp Coach: a constant answer."


def bare_app(settings: Settings, process_before_response: bool) -> App:
    """Bolt with the same client, verification and ack path as ours, and nothing else."""
    from concurrent.futures import ThreadPoolExecutor

    app = App(
        name="bare",
        client=web_client(settings.slack_bot_token, settings.api_url),
        signing_secret=settings.slack_signing_secret,
        process_before_response=process_before_response,
        listener_executor=ThreadPoolExecutor(max_workers=BACKGROUND_THREADS),
        logger=quiet_payload_loggers(),
    )

    @app.command("/comp")
    def constant(ack: Ack) -> None:
        ack(CONSTANT)

    return app


def resolved_ahead(settings: Settings):
    """Ours, with each typed text's resolution remembered after its first request: an oracle
    resolver that costs one dict look-up. Not something to ship (it keeps every text typed, and
    the HTTP bench replays distinct texts so that nothing like it can help); it measures the
    most any resolver, however fast, could give the mixed path: what is left is keying, the
    kept answers' look-ups, the typed text put in, the ack and Bolt (bench/http.py)."""
    app = web_app(settings)
    answers = RUNNING[-1].conversation.answers
    resolve, remembered = answers._resolve, {}

    def oracle(text: str):
        resolution = remembered.get(text)
        if resolution is None:
            resolution = remembered[text] = resolve(text)
        return resolution

    answers._resolve = oracle  # `Answers.comp` looks it up on the instance
    return app


def main(variant: str) -> int:
    settings = Settings()
    makers = {
        "bare": lambda: settled(WebApp(bare_app(settings, process_before_response=True))),
        "bare-threaded": lambda: settled(WebApp(bare_app(settings, process_before_response=False))),
        "ours-threaded": lambda: web_app(settings, process_before_response=False),
        "ours-resolved": lambda: resolved_ahead(settings),
    }
    if variant not in makers:
        print(__doc__, file=sys.stderr)
        return 2
    return run_gunicorn(makers[variant], gunicorn_options(settings))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
