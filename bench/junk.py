"""Junk: unsigned junk refused at >= 2x the rate of signed `/comp` answers, memory flat, half-sent requests dropped.

Against the Procfile's web process (gunicorn, the guard in bot/slack/guard.py, the bounded
worker in bot/slack/worker.py), in alternating rounds of the same run:

- signed `/comp` answers over varied queries (bands, all regions, levers, typos, help, a
  company not on hand), each request signed as Slack signs it;
- unsigned junk of the kinds the issue's probe sent (one byte, non-UTF-8, `{not json`, JSON
  arrays and null, 100 KB of nesting, non-numeric and stale timestamps, short signatures),
  each refused with a 401 and its connection closed, so every junk request also pays a new
  TCP connection.

Targets: junk refused at least 2x as fast as signed answers, same run: the rate the server
sustains, i.e. its CPU time per signed answer over its CPU time per junk refusal (the load
generator, bench/_load.py, shares the machine's 2 cores and spends the same on each request of
either kind, which squeezes the ratio it sees; that ratio is printed too); the web
process's RSS grows at most 10 MB over all junk rounds; 3,000 half-sent requests all dropped
within HEADER_TIMEOUT + 2 s of being accepted (the time after opening them minus how long a
`/healthz` sent behind them waited to be accepted, same run) with `/healthz` answering
meanwhile; four 64 MB unsigned bodies
refused after less than 16 MB each is read, RSS growth at most 10 MB.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

from bench._util import check, median, tree_rss_mb
from bench.http import Load, Server, raw_request, tree_cpu_seconds
from bot.slack.worker import HEADER_TIMEOUT
from tests.support.junk import MB, half_sent, head, status_of, stream_body, unsigned_junk, wait_dropped
from tests.support.signing import get, slash_command_body
from tests.support.slack_api import SlackStandIn

ROUNDS = 5
SECONDS = 2
CONNECTIONS = 8
HALF_SENT = 3000
MIN_RATIO = 2.0
MAX_RSS_GROWTH_MB = 10.0
QUERIES = (
    "planetscale ml remote",
    "planetscale ml sf",
    "planetscale ml",
    "planetscale",
    "planetscale ml remote levers",
    "planetscale ml script",
    "plantscale ml remote",
    "ml engineer at planetscale, remote us",
    "planetscale ml mars",
    "acme backend london",
    "help",
    "",
)


def signed_requests(slack: SlackStandIn) -> list[bytes]:
    timestamp = int(time.time())
    return [raw_request(slash_command_body(query, slack.response_url("bench-junk")), timestamp) for query in QUERIES]


def load(server: Server, requests: list[bytes], folder: Path, name: str) -> Load:
    """`requests` replayed round and round by bench._load on CONNECTIONS connections (a refused
    request's closed connection is replaced, as a client would), with the server's CPU time."""
    path = folder / f"{name}.requests"
    with path.open("wb") as out:
        pickle.dump(requests, out)
    cpu_before = tree_cpu_seconds(server.process.pid)
    command = [sys.executable, "-m", "bench._load", str(path), str(server.port), str(CONNECTIONS), str(SECONDS)]
    figures = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout.splitlines()[-1])
    return Load(
        figures["requests"] / (figures["duration_us"] / 1e6),
        figures["p50_us"] / 1000,
        figures["p99_us"] / 1000,
        figures["non2xx"],
        0,  # a refusal closes its connection: reconnects are expected here, not errors
        figures["requests"],
        tree_cpu_seconds(server.process.pid) - cpu_before,
        figures["client_cpu_s"],
    )


def run() -> list[str]:
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, SlackStandIn() as slack, Server(slack, Path(tmp)) as server:
        folder = Path(tmp)
        port = urlparse(server.url).port
        signed = signed_requests(slack)
        junk = [j.request for j in unsigned_junk()]
        load(server, signed, folder, "warm")
        load(server, junk, folder, "warm-junk")
        rss_before = tree_rss_mb(server.process.pid)
        answers: list[Load] = []
        refusals: list[Load] = []
        rss_rounds = []
        for _ in range(ROUNDS):
            answers.append(load(server, signed, folder, "signed"))
            refusals.append(load(server, junk, folder, "junk"))
            rss_rounds.append(tree_rss_mb(server.process.pid))
        rss_after = rss_rounds[-1]
        print(
            f"   RSS after warm-up {rss_before:.1f} MB, after each round: {', '.join(f'{r:.1f}' for r in rss_rounds)}"
        )
        answer_rate = median([a.rps for a in answers])
        junk_rate = median([r.rps for r in refusals])
        # Server CPU per request, per round: what bounds the rate the server can sustain.
        capacity = median([a.cpu_us_per_request / r.cpu_us_per_request for a, r in zip(answers, refusals, strict=True)])
        print(f"   signed /comp ({len(QUERIES)} queries): {sorted(answers, key=lambda a: a.rps)[ROUNDS // 2].line()}")
        print(f"   unsigned junk ({len(junk)} kinds):     {sorted(refusals, key=lambda r: r.rps)[ROUNDS // 2].line()}")
        if sum(a.non2xx for a in answers) or sum(r.requests - r.non2xx for r in refusals):
            failures.append("a signed answer was refused or a junk request was not")
        print(
            f"   junk refused per signed answer: {capacity:.2f}x by server CPU per request (target ≥ {MIN_RATIO}x); "
            f"{junk_rate / answer_rate:.2f}x as the load generator saw it (it shares the 2 cores)"
        )
        check(failures, "server CPU of a junk refusal / of a signed answer", 1 / capacity, round(1 / MIN_RATIO, 3), "")
        check(failures, "RSS growth over the junk rounds", rss_after - rss_before, MAX_RSS_GROWTH_MB, " MB")

        rss_before = tree_rss_mb(server.process.pid)
        started = time.monotonic()
        sockets = half_sent(port, HALF_SENT)
        opened = time.monotonic() - started
        # `/healthz` on a new connection is accepted after every half-sent one queued before it:
        # its answer time is how far the server's accepting lags the client (a baseline from this
        # run), and each connection's header timer starts when it is accepted.
        asked = time.monotonic()
        healthy = get(server.url + "/healthz", timeout=10).status
        accept_lag = time.monotonic() - asked
        rss_held = tree_rss_mb(server.process.pid)
        dropped = wait_dropped(sockets, timeout=HEADER_TIMEOUT + 10)
        print(
            f"   {HALF_SENT} half-sent requests: opened in {opened:.1f} s, {len(dropped)} dropped, the last "
            f"{max(dropped, default=0) + opened:.1f} s after the first connect; /healthz meanwhile {healthy}; "
            f"RSS +{rss_held - rss_before:.1f} MB while held; accepting lagged {accept_lag:.1f} s (/healthz answer)"
        )
        if len(dropped) < HALF_SENT:
            failures.append(f"{HALF_SENT - len(dropped)} half-sent requests still open")
        check(
            failures,
            "seconds until the last half-sent request is dropped, beyond the accept lag",
            max(dropped, default=99) - accept_lag,
            HEADER_TIMEOUT + 2,
            " s",
        )

        rss_before = tree_rss_mb(server.process.pid)
        read = []
        for _ in range(4):
            sent, response = stream_body(port, head(64 * MB), 64 * MB)
            read.append(sent / MB)
            if status_of(response) != 413:
                failures.append(f"a 64 MB unsigned body got {response[:40]!r}")
        print(f"   four 64 MB unsigned bodies: 413 after {', '.join(f'{r:.0f}' for r in read)} MB sent")
        check(failures, "MB sent of a 64 MB body before its 413", max(read), 16, " MB")
        check(
            failures,
            "RSS growth under four 64 MB bodies",
            tree_rss_mb(server.process.pid) - rss_before,
            MAX_RSS_GROWTH_MB,
            " MB",
        )
    return failures
