"""Store stall: with PostgreSQL stalled behind a TCP proxy, the time from a DM to its error reply (target ≤ 5 s).

The web process as the Procfile starts it, against the Slack stand-in, on a real PostgreSQL
reached through tests/support/tcp_proxy.py. Baseline in the same run: the same kind of DMs
answered with the store flowing. Then the proxy holds every byte, and waves of five DMs from
different people (varied texts) are sent: right after the stall begins (pooled connections
wait out their deadline), inside the fail-fast cool-down, and after it (a fresh deadline).
Each must be answered with the error reply within 5 s (issue 11 found none answered in 25 s).
Last, the proxy flows again and the time until a DM is answered normally is reported.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench._util import check, median
from tests.store.postgres import postgres_schema
from tests.support.dms import new_person, send_dms
from tests.support.processes import free_port, process_env, start_procfile, stop, wait_healthy
from tests.support.signing import post, signed_headers
from tests.support.slack_api import SlackStandIn
from tests.support.tcp_proxy import TcpProxy

SECRET = "bench-secret"
REPLY_TARGET_S = 5.0
WAVES = (0.0, 1.0, 4.5, 9.0)  # seconds after the stall began when each wave of DMs is sent
PER_WAVE = 5
TEXTS = (
    "I got an offer from PlanetScale for ML engineer, remote: $168k base, $100k stock over 4 years",
    "planetscale offered me 175k base and 120k in RSUs over 4 years for ml in remote",
    "status",
    "what should I counter with?",
    "help",
    "they offered $160k base, no equity, 10% bonus",
    "is 180k base good for an ML engineer at planetscale?",
)


def run() -> list[str]:
    failures: list[str] = []
    with (
        SlackStandIn() as slack,
        tempfile.TemporaryDirectory() as folder,
        postgres_schema() as url,
        TcpProxy.for_url(url) as proxy,
    ):
        port = free_port()
        env = process_env(
            slack.api_url,
            Path(folder) / "state",
            PORT=str(port),
            SLACK_SIGNING_SECRET=SECRET,
            SLACK_BOT_TOKEN="xoxb",
            DATABASE_URL=proxy.url(url),
            WEB_CONCURRENCY="1",
        )
        log_path = Path(folder) / "web.log"
        process = start_procfile("web", env, log_path)
        base = f"http://127.0.0.1:{port}"

        def event(body: bytes):
            return post(base + "/slack/events", body, signed_headers(SECRET, body, "application/json"))

        def wave(count: int, offset: int) -> list:
            messages = [(*new_person("BENCH"), TEXTS[(offset + n) % len(TEXTS)]) for n in range(count)]
            return send_dms(event, slack, messages, timeout=30)

        try:
            wait_healthy(base, process, log_path)
            wave(3, 0)  # warm: the store opened, the coach built
            flowing = [reply for n in range(4) for reply in wave(PER_WAVE, n)]
            assert all(reply is not None and not reply.is_error for reply in flowing), "baseline DMs failed"
            baseline = [reply.seconds for reply in flowing]
            print(
                f"   store flowing: DM to reply p50 {median(baseline) * 1000:.0f} ms, max {max(baseline) * 1000:.0f} ms"
            )

            proxy.stall()
            stalled_at = time.monotonic()
            stalled = []
            for n, at in enumerate(WAVES):
                time.sleep(max(0.0, stalled_at + at - time.monotonic()))
                replies = wave(PER_WAVE, n)
                unanswered = sum(reply is None for reply in replies)
                normal = sum(reply is not None and not reply.is_error for reply in replies)
                seconds = [reply.seconds for reply in replies if reply is not None]
                print(
                    f"   stalled, wave at +{at:.1f} s: {len(seconds)}/{len(replies)} error replies, "
                    f"max {max(seconds, default=float('inf')):.2f} s, median {median(seconds) if seconds else 0:.2f} s"
                )
                if unanswered or normal:
                    failures.append(f"wave at +{at:.1f} s: {unanswered} unanswered, {normal} not the error reply")
                stalled += seconds + [float("inf")] * unanswered
            ratio = median(stalled) / median(baseline)
            print(
                f"   stalled, all {len(stalled)} DMs: median {median(stalled):.2f} s (x{ratio:.0f} the flowing median)"
            )
            check(failures, "stalled store: DM to error reply, max", max(stalled), REPLY_TARGET_S, " s")

            proxy.flow()
            flowed_at = time.monotonic()
            while True:
                [reply] = wave(1, 0)
                if reply is not None and not reply.is_error:
                    break
                if time.monotonic() - flowed_at > 30:
                    failures.append("no normal reply within 30 s of the store flowing again")
                    break
            print(f"   store flowing again: a normal reply {time.monotonic() - flowed_at:.2f} s after")
        finally:
            stop(process)
    return failures
