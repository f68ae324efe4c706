"""Coaching: one DM turn in-process (parse, evaluate, render), with the store, and over HTTP.

Baseline in the same run: the `/comp` lookup for the same guide (resolve + render), so the
turn's cost reads against what the bot already does for every lookup. The HTTP round trip
is a signed `message.im` event into the Procfile's web process until the reply reaches the
Slack stand-in (`chat.postMessage`), store included, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import itertools
import tempfile
import time
from pathlib import Path

from bench._util import check, median, ms, percentile, time_calls

DONE_WHEN = "I got an offer from PlanetScale for ML engineer, remote: $168k base, $100k stock over 4 years"
COUNTER_TURN = "another offer from Acme for $300k total"
HTTP_TURNS = 40
SECRET = "bench-signing-secret"


def run() -> list[str]:
    failures: list[str] = []
    _in_process(failures)
    _with_store(failures)
    _over_http(failures)
    return failures


def _in_process(failures: list[str]) -> None:
    from bot.answers import Answers
    from bot.coaching.case import Case
    from bot.coaching.coach import Coach
    from bot.understanding.reader import understand

    answers = Answers.load()
    coach = Coach(answers)
    evaluated = coach.turn(Case(), DONE_WHEN).case
    # Answers.comp keeps an LRU of replies; the baseline renders every time, as a turn does.
    from bot.render.replies import render_resolution

    counts = (len(answers.catalog.guides), answers.catalog.company_count)
    lookup = time_calls(
        lambda: render_resolution(answers.resolver.resolve("planetscale ml remote"), counts), repeat=1000
    )
    parse = time_calls(lambda: understand(DONE_WHEN), repeat=1000)
    first = time_calls(lambda: coach.turn(Case(), DONE_WHEN), repeat=1000)
    counter = time_calls(lambda: coach.turn(evaluated, COUNTER_TURN), repeat=1000)
    email = time_calls(lambda: coach.turn(evaluated, "email"), repeat=1000)
    print(f"   baseline /comp lookup (resolve + render): median {ms(median(lookup))}")
    print(f"   understand the offer sentence only (bot/understanding): median {ms(median(parse))}")
    print(
        f"   first turn (parse, resolve, evaluate, render): median {ms(median(first))}, p99 {ms(percentile(first, 99))}"
    )
    print(f"   counter turn: median {ms(median(counter))}, p99 {ms(percentile(counter, 99))}")
    print(f"   email turn: median {ms(median(email))}")
    check(failures, "coaching turn (first turn) median", median(first) * 1000, 5.0, " ms")
    check(failures, "coaching turn (counter) median", median(counter) * 1000, 5.0, " ms")


def _with_store(failures: list[str]) -> None:
    from bot.answers import Answers
    from bot.coaching.coach import Coach
    from bot.store.cases import CaseStore
    from bot.store.database import Store

    answers = Answers.load()
    for name, url in (("SQLite", None), ("PostgreSQL", _postgres())):
        if name == "PostgreSQL" and url is None:
            print("   PostgreSQL unreachable: store turn not measured")
            continue
        with _schema(url) as schema_url, tempfile.TemporaryDirectory() as state:
            store = Store.open(schema_url, Path(state))
            coach = Coach(answers, CaseStore(store))
            coach.reply(DONE_WHEN, user="U1", team="T1")
            samples = time_calls(lambda c=coach: c.reply(COUNTER_TURN, user="U1", team="T1"), repeat=200)
            print(f"   counter turn with the {name} store (lock, read, write): median {ms(median(samples))}")
            store.dispose()


def _over_http(failures: list[str]) -> None:
    try:
        from tests.support.processes import free_port, process_env, start_procfile, stop, wait_healthy
        from tests.support.signing import event_body, new_ts, post, signed_headers
        from tests.support.slack_api import SlackStandIn
    except ImportError:
        print("   the Slack stand-in is not available: HTTP round trip not measured")
        return
    ids = itertools.count(1)
    with SlackStandIn() as slack:
        for name, url in (("SQLite", None), ("PostgreSQL", _postgres())):
            if name == "PostgreSQL" and url is None:
                print("   PostgreSQL unreachable: HTTP round trip not measured")
                continue
            with _schema(url) as schema_url, tempfile.TemporaryDirectory() as folder:
                port = free_port()
                extra = {"DATABASE_URL": schema_url} if schema_url else {}
                env = process_env(
                    slack.api_url,
                    Path(folder) / "state",
                    PORT=str(port),
                    SLACK_SIGNING_SECRET=SECRET,
                    SLACK_BOT_TOKEN="xoxb-bench",
                    LOG_LEVEL="WARNING",
                    **extra,
                )
                process = start_procfile("web", env, Path(folder) / "web.log")
                base = f"http://127.0.0.1:{port}"
                try:
                    wait_healthy(base, process, Path(folder) / "web.log")

                    def dm(text: str, number: int, base: str = base) -> float:
                        channel = f"D0BENCH{number:05d}"
                        event = {
                            "type": "message",
                            "channel_type": "im",
                            "user": "U0BENCH",
                            "text": text,
                            "ts": new_ts(),
                            "channel": channel,
                        }
                        body = event_body(event)
                        before = len(slack.calls_to("chat.postMessage"))
                        started = time.monotonic()
                        post(base + "/slack/events", body, signed_headers(SECRET, body, "application/json"))
                        calls = slack.wait_for("chat.postMessage", count=before + 1, timeout=10)
                        return calls[before].at - started

                    dm(DONE_WHEN, next(ids))
                    for _ in range(5):
                        dm(COUNTER_TURN, next(ids))  # warm-up
                    samples = [dm(COUNTER_TURN, next(ids)) for _ in range(HTTP_TURNS)]
                    print(
                        f"   DM round trip over HTTP, {name} store: median {ms(median(samples))}, "
                        f"p99 {ms(percentile(samples, 99))}"
                    )
                    check(failures, f"DM round trip ({name}) median", median(samples) * 1000, 30.0, " ms")
                finally:
                    stop(process)


def _postgres() -> str | None:
    from sqlalchemy import create_engine, text

    url = "postgresql://postgres@127.0.0.1:5432/test"
    try:
        engine = create_engine(
            url.replace("postgresql://", "postgresql+psycopg://"), connect_args={"connect_timeout": 3}
        )
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
        return url
    except Exception:
        return None


class _schema:
    """A throw-away PostgreSQL schema for one measurement (None passes through: SQLite)."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self.name = f"cc_bench_{int(time.time() * 1000)}"

    def __enter__(self) -> str | None:
        if self.url is None:
            return None
        from sqlalchemy import create_engine, text

        self.engine = create_engine(self.url.replace("postgresql://", "postgresql+psycopg://"))
        with self.engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{self.name}"'))
        return f"{self.url}?options=-csearch_path%3D{self.name}"

    def __exit__(self, *exc) -> None:
        if self.url is None:
            return
        from sqlalchemy import text

        with self.engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{self.name}" CASCADE'))
        self.engine.dispose()
