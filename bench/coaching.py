"""Coaching: DM turns over distinct conversations, in-process, with the store, and over HTTP.

Conversations are distinct (`conversations()`: a seeded set over a generated library of ~900
guides, each a different company, role, region, figures and wording, then a counter, a
pushback and an email turn), never one conversation replayed. Baseline in the same run: the
store's own round trip for a case (lock, read, write back, commit: `CaseStore.locked` with no
coaching inside), on SQLite and on PostgreSQL. Each turn's cost is reported as a ratio of that
round trip, in-process (coaching alone) and with the store (what a DM costs the process); the
HTTP round trip (a signed `message.im` until the reply reaches the Slack stand-in) is printed
against it too. Targets, on the stricter store (SQLite, a local file: the smallest round trip):
a turn with the store at most 6x the store's round trip (median), coaching alone at most 4x it.
Measured here at 3.2x-5.0x and 2.2x-2.4x over runs on this shared 2-core machine when these
targets were set; PostgreSQL's round trip is ~3x SQLite's, so the same targets hold there with room.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from bench._util import check, median, ms, percentile

CONVERSATIONS = 150
HTTP_CONVERSATIONS = 30
SECRET = "bench-signing-secret"
WITH_STORE_TARGET = 6.0
ALONE_TARGET = 4.0
SEED = 17

OPENINGS = [
    "I got an offer from {company} for {role}, {region}: {base} base, {stock} stock over {years} years",
    "I have an offer from {company} for a {role} role in {region}, {base} base and {stock} in RSUs",
    "{company} offered me {base} base plus {stock} stock for {role} in {region}",
    "got an offer: {company}, {role}, {region}. base {base}, equity {stock} over {years} years",
    "I received an offer from {company} as {role} ({region}): {base} base, {stock} RSUs vesting over {years} years",
]
FOLLOW_UPS = [
    "another offer from {rival} for {total} total",
    "they came back with {better} base",
    "they said the base is fixed",
    "what about a sign-on bonus?",
    "they gave me till monday to decide, normal?",
]


def money(rng: random.Random, amount: int) -> str:
    value = round(amount * rng.uniform(0.9, 1.1) / 1000)
    return rng.choice([f"${value}k", f"{value}k", f"${value},000", f"${value}K"])


def conversations(folder: Path, count: int, seed: int = SEED) -> list[list[str]]:
    """Distinct conversations (the first line of each differs) over the library written to `folder`."""
    from bench._queries import REGION_SHORT, ROLE_SHORT, build

    build(folder, seed=21)
    from bench._corpus import load_manifest

    guides = sorted(load_manifest(folder)["guides"].items())
    rng = random.Random(seed)
    usable = [(k, g) for k, g in guides if g["regions"] and not any(r.get("levels") for r in g["regions"])]
    seen: set[str] = set()
    out: list[list[str]] = []
    while len(out) < count:
        key, guide = rng.choice(usable)
        region = rng.choice(guide["regions"])
        base_usd = rng.randrange(120, 260) * 1000
        opening = rng.choice(OPENINGS).format(
            company=rng.choice([guide["company"], guide["company"].lower()]),
            role=rng.choice([guide["role"], *ROLE_SHORT.get(key.split("/")[1], [])]),
            region=rng.choice([region["name"], *REGION_SHORT.get(region["name"], [])]),
            base=money(rng, base_usd),
            stock=money(rng, rng.randrange(40, 400) * 1000),
            years=rng.choice([3, 4, 4, 4]),
        )
        if opening in seen:
            continue
        seen.add(opening)
        rival = rng.choice(guides)[1]["company"]
        follow = [
            rng.choice(FOLLOW_UPS).format(
                rival=rival, total=money(rng, base_usd * 2), better=money(rng, int(base_usd * 1.08))
            )
            for _ in range(2)
        ]
        out.append([opening, *follow, "email"])
    return out


def run() -> list[str]:
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-coaching-") as root:
        library = Path(root) / "library"
        talks = conversations(library, CONVERSATIONS)
        turns = sum(len(talk) for talk in talks)
        print(f"   {len(talks)} distinct conversations, {turns} turns (seed {SEED}), over a library of ~900 guides")
        from bot.answers import Answers

        answers = Answers.load([library], state_dir=Path(root) / "state")
        alone = _in_process(answers, talks)
        for name, url in (("SQLite", None), ("PostgreSQL", _postgres())):
            if name == "PostgreSQL" and url is None:
                print("   PostgreSQL unreachable: store turns not measured")
                continue
            round_trip, with_store = _with_store(answers, talks, url)
            print(f"   {name} store round trip for a case (lock, read, write, commit; baseline): {ms(round_trip)}")
            print(
                f"   {name}: coaching alone {ms(alone)} a turn = {alone / round_trip:.2f}x the round trip; "
                f"with the store {ms(with_store)} = {with_store / round_trip:.2f}x"
            )
            check(
                failures,
                f"turn with the {name} store / its round trip",
                with_store / round_trip,
                WITH_STORE_TARGET,
                "x",
            )
            check(failures, f"coaching alone / the {name} store round trip", alone / round_trip, ALONE_TARGET, "x")
            _over_http(failures, library, talks[:HTTP_CONVERSATIONS], url, name, round_trip)
    from bot.render.templates import use_bytecode_cache

    use_bytecode_cache(None)  # the state folder is gone: the benchmarks run after this one render in memory
    return failures


def _in_process(answers, talks: list[list[str]]) -> float:
    """Median seconds a turn, coaching alone (no store), each conversation from its first turn."""
    from bot.coaching.case import Case
    from bot.coaching.coach import Coach

    coach = Coach(answers)
    samples = []
    for _ in range(2):  # the first pass builds the guides the conversations name
        samples.clear()
        for talk in talks:
            case = Case()
            for text in talk:
                started = time.perf_counter()
                outcome = coach.turn(case, text)
                samples.append(time.perf_counter() - started)
                case = Case() if outcome.forget else outcome.case or case  # as the store keeps it
    print(
        f"   turn in-process, coaching alone: median {ms(median(samples))}, p99 {ms(percentile(samples, 99))} "
        f"over {len(samples)} turns"
    )
    return median(samples)


def _with_store(answers, talks: list[list[str]], url: str | None) -> tuple[float, float]:
    """(median store round trip, median turn with the store), interleaved person by person."""
    from bot.coaching.coach import Coach
    from bot.store.cases import CaseStore
    from bot.store.database import Store

    with _schema(url) as schema_url, tempfile.TemporaryDirectory() as state:
        store = Store.open(schema_url, Path(state))
        cases = CaseStore(store)
        coach = Coach(answers, cases)
        trips, turns = [], []
        for number, talk in enumerate(talks):
            user = f"U{number:05d}"
            for text in talk:
                started = time.perf_counter()
                coach.reply(text, user=user, team="T1")
                turns.append(time.perf_counter() - started)
                started = time.perf_counter()
                with cases.locked("T1", user) as slot:
                    if slot.data is not None:
                        slot.save(slot.data)
                trips.append(time.perf_counter() - started)
        store.dispose()
    return median(trips), median(turns)


def _over_http(failures: list[str], library: Path, talks: list[list[str]], url, name: str, round_trip: float) -> None:
    try:
        from tests.support.processes import free_port, process_env, start_procfile, stop, wait_healthy
        from tests.support.signing import event_body, new_ts, post, signed_headers
        from tests.support.slack_api import SlackStandIn
    except ImportError:
        print("   the Slack stand-in is not available: HTTP round trip not measured")
        return
    with SlackStandIn() as slack, _schema(url) as schema_url, tempfile.TemporaryDirectory() as folder:
        port = free_port()
        extra = {"DATABASE_URL": schema_url} if schema_url else {}
        env = process_env(
            slack.api_url,
            Path(folder) / "state",
            PORT=str(port),
            SLACK_SIGNING_SECRET=SECRET,
            SLACK_BOT_TOKEN="xoxb-bench",
            LOG_LEVEL="WARNING",
            COMP_COACH_GUIDES=str(library),
            **extra,
        )
        process = start_procfile("web", env, Path(folder) / "web.log")
        base = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(base, process, Path(folder) / "web.log")

            def dm(text: str, user: str) -> float:
                event = {
                    "type": "message",
                    "channel_type": "im",
                    "user": user,
                    "text": text,
                    "ts": new_ts(),
                    "channel": f"D{user}",
                }
                body = event_body(event)
                before = len(slack.calls_to("chat.postMessage"))
                started = time.monotonic()
                post(base + "/slack/events", body, signed_headers(SECRET, body, "application/json"))
                calls = slack.wait_for("chat.postMessage", count=before + 1, timeout=10)
                return calls[before].at - started

            dm("hello", "U0WARM")
            samples = [dm(text, f"U0B{n:04d}") for n, talk in enumerate(talks) for text in talk]
            print(
                f"   DM round trip over HTTP, {name} store, {len(samples)} turns of {len(talks)} distinct "
                f"conversations: median {ms(median(samples))}, p99 {ms(percentile(samples, 99))}; "
                f"{median(samples) / round_trip:.1f}x the store's round trip (printed; no target)"
            )
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
