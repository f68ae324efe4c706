"""In-process A/B of the `/comp` path: ours (`comp-coach serve`'s ASGI app) against the bare
Bolt app, both called directly with the same signed requests, without sockets or gunicorn.

    python -m bench._inprocess              # CPU µs per request, ours and bare, min of rounds
    python -m bench._inprocess profile      # the same, then cProfile over ours (top functions)
    python -m bench._inprocess phases       # ours, split: guard, Bolt, answer (resolve, render)

The HTTP benchmark (bench/http.py) says how far ours is from bare Bolt; this says where the
microseconds go. Both apps are built as bench/http.py's servers build them
(`bot.slack.server.web_app` and `bench._bolt_variants.bare_app`), with the same ~900-guide
library and the same 1,200 distinct team queries (`bench._traffic`), replayed in order after
one warm pass (a team's steady state: the answers asked about were asked before).
"""

from __future__ import annotations

import asyncio
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

from bench._traffic import team_queries
from tests.support.signing import signature, slash_command_body
from tests.support.slack_api import SlackStandIn

SECRET = "bench-signing-secret"
ROUNDS = 7
QUERIES = 1200


def scopes(texts: list[str], response_url: str) -> list[tuple[dict, bytes]]:
    timestamp = str(int(time.time())).encode()
    out = []
    for text in texts:
        body = slash_command_body(text, response_url)
        headers = [
            (b"host", b"127.0.0.1"),
            (b"content-type", b"application/x-www-form-urlencoded"),
            (b"content-length", str(len(body)).encode()),
            (b"x-slack-request-timestamp", timestamp),
            (b"x-slack-signature", signature(SECRET, timestamp.decode(), body).encode()),
        ]
        scope = {
            "type": "http",
            "method": "POST",
            "path": "/slack/events",
            "raw_path": b"/slack/events",
            "query_string": b"",
            "headers": headers,
            "http_version": "1.1",
            "scheme": "http",
            "server": ("127.0.0.1", 3000),
            "client": ("127.0.0.1", 5000),
            "root_path": "",
        }
        out.append((scope, body))
    return out


async def replay(app, requests: list[tuple[dict, bytes]]) -> list[bytes]:
    bodies = []
    for scope, body in requests:
        sent = []

        async def receive(body=body) -> dict:
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: dict, sent=sent) -> None:
            sent.append(message)

        await app(scope, receive, send)
        assert sent[0]["status"] == 200, sent
        bodies.append(sent[1]["body"])
    return bodies


def cpu_us(app, requests, loop) -> float:
    start = time.process_time_ns()
    loop.run_until_complete(replay(app, requests))
    return (time.process_time_ns() - start) / len(requests) / 1000


def build(slack: SlackStandIn, folder: Path):
    library = folder / "library"
    queries = team_queries(library, count=QUERIES)
    os.environ.update(
        SLACK_API_URL=slack.api_url,
        COMP_COACH_STATE_DIR=str(folder / "state"),
        SLACK_BOT_TOKEN="xoxb-bench",
        SLACK_SIGNING_SECRET=SECRET,
        COMP_COACH_GUIDES=str(library),
        LOG_LEVEL="INFO",
    )
    from bench._bolt_variants import bare_app
    from bot.settings import Settings
    from bot.slack.server import web_app
    from bot.slack.web import WebApp

    settings = Settings()
    ours = web_app(settings)
    bare = WebApp(bare_app(settings, process_before_response=True))
    return queries, ours, bare


def main(mode: str = "") -> int:
    with SlackStandIn() as slack, tempfile.TemporaryDirectory(prefix="bench-inprocess-") as tmp:
        queries, ours, bare = build(slack, Path(tmp))
        requests = scopes([q.text for q in queries], slack.response_url("bench"))
        loop = asyncio.new_event_loop()
        cpu_us(ours, requests, loop)  # warm: a team's steady state
        cpu_us(bare, requests, loop)
        figures = {"ours": [], "bare": []}
        for _ in range(ROUNDS):
            figures["ours"].append(cpu_us(ours, requests, loop))
            figures["bare"].append(cpu_us(bare, requests, loop))
        o, b = min(figures["ours"]), min(figures["bare"])
        print(f"in-process CPU per request (min of {ROUNDS}): ours {o:.1f} µs, bare Bolt {b:.1f} µs, ratio {b / o:.3f}")
        print("   ours rounds " + " ".join(f"{x:.1f}" for x in figures["ours"]))
        print("   bare rounds " + " ".join(f"{x:.1f}" for x in figures["bare"]))
        if mode == "profile":
            profile = cProfile.Profile()
            profile.enable()
            loop.run_until_complete(replay(ours, requests))
            profile.disable()
            stats = pstats.Stats(profile)
            stats.sort_stats("tottime").print_stats(45)
            stats.sort_stats("cumulative").print_stats(70)
        if mode == "phases":
            phases(ours, queries)
    return 0


def phases(ours, queries) -> None:
    """The answer alone (what `Conversation.handle` costs), split into resolve and the rest."""
    from bot.conversation import Conversation

    closure = ours.slack.app._listeners[0].ack_function.__closure__  # the /comp listener's
    conversation = next(cell.cell_contents for cell in closure if isinstance(cell.cell_contents, Conversation))
    answers = conversation.answers
    texts = [f"/comp {q.text}" for q in queries]
    rounds = {"handle": [], "resolve": []}
    for _ in range(ROUNDS):
        answers.comp.cache_clear()
        start = time.process_time_ns()
        for text in texts:
            conversation.handle(text, interactive=True)
        rounds["handle"].append((time.process_time_ns() - start) / len(texts) / 1000)
        start = time.process_time_ns()
        for q in queries:
            answers._resolve(q.text)
        rounds["resolve"].append((time.process_time_ns() - start) / len(texts) / 1000)
    for name, values in rounds.items():
        print(f"   {name:8} {min(values):6.1f} µs/query (min of {ROUNDS})")
    by_kind: dict[str, list[float]] = {}
    for q in queries:
        start = time.perf_counter_ns()
        for _ in range(5):
            answers._resolve(q.text)
        by_kind.setdefault(q.kind, []).append((time.perf_counter_ns() - start) / 5000)
    for kind, values in sorted(by_kind.items()):
        print(f"   resolve {kind:12} n={len(values):4}  mean {sum(values) / len(values):6.1f} µs")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
