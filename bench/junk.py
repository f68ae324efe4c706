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
generator shares the machine's 2 cores and spends the same on each request of either kind,
which squeezes the ratio wrk reports; that ratio is printed too); the web
process's RSS grows at most 10 MB over all junk rounds; 3,000 half-sent requests all dropped
within HEADER_TIMEOUT + 2 s with `/healthz` answering meanwhile; four 64 MB unsigned bodies
refused after less than 16 MB each is read, RSS growth at most 10 MB.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

from bench._util import check, median, tree_rss_mb
from bench.http import FORM, SECRET, Load, Server, ensure_wrk, python_load, tree_cpu_seconds
from bot.slack.worker import HEADER_TIMEOUT
from tests.support.junk import MB, half_sent, head, status_of, stream_body, unsigned_junk, wait_dropped
from tests.support.signing import get, signed_headers, slash_command_body
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

# Every request is rebuilt in Lua from decimal escapes, so any byte survives.
LUA = """
local requests = {%(requests)s}
local i = 0
request = function()
  i = i + 1
  return requests[(i %% #requests) + 1]
end
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p99_us": %%d, "non2xx": %%d, "socket_errors": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
"""


def lua_string(raw: bytes) -> str:
    return '"' + "".join(f"\\{byte}" for byte in raw) + '"'


def signed_requests(slack: SlackStandIn) -> list[bytes]:
    requests = []
    for query in QUERIES:
        body = slash_command_body(query, slack.response_url("bench-junk"))
        headers = {"Host": "127.0.0.1", **signed_headers(SECRET, body, FORM), "Content-Length": str(len(body))}
        lines = ["POST /slack/events HTTP/1.1", *(f"{name}: {value}" for name, value in headers.items())]
        requests.append(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
    return requests


def wrk_rotation(wrk: str, url: str, requests: list[bytes], folder: Path, name: str) -> Load:
    import json
    import subprocess

    script = folder / f"{name}.lua"
    script.write_text(LUA % {"requests": ", ".join(lua_string(r) for r in requests)})
    command = [wrk, "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "-s", str(script), url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    seconds = figures["duration_us"] / 1e6
    return Load(
        figures["requests"] / seconds,
        figures["p50_us"] / 1000,
        figures["p99_us"] / 1000,
        figures["non2xx"],
        figures["socket_errors"],
        figures["requests"],
    )


def load(server: Server, wrk: str | None, requests: list[bytes], folder: Path, name: str) -> Load:
    cpu_before = tree_cpu_seconds(server.process.pid)
    if wrk:
        result = wrk_rotation(wrk, server.url + "/slack/events", requests, folder, name)
    else:  # one request kind only: the fallback's figures are rough
        head_part, _, body = requests[0].partition(b"\r\n\r\n")
        headers = dict(line.split(": ", 1) for line in head_part.decode("latin-1").split("\r\n")[1:])
        result = python_load(server.url + "/slack/events", body, headers, SECONDS)
    result.cpu_s = tree_cpu_seconds(server.process.pid) - cpu_before
    return result


def run() -> list[str]:
    failures: list[str] = []
    wrk = ensure_wrk()
    with tempfile.TemporaryDirectory() as tmp, SlackStandIn() as slack, Server(slack, Path(tmp)) as server:
        folder = Path(tmp)
        port = urlparse(server.url).port
        signed = signed_requests(slack)
        junk = [j.request for j in unsigned_junk()]
        load(server, wrk, signed, folder, "warm")
        load(server, wrk, junk, folder, "warm-junk")
        rss_before = tree_rss_mb(server.process.pid)
        answers: list[Load] = []
        refusals: list[Load] = []
        rss_rounds = []
        for _ in range(ROUNDS):
            answers.append(load(server, wrk, signed, folder, "signed"))
            refusals.append(load(server, wrk, junk, folder, "junk"))
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
            f"{junk_rate / answer_rate:.2f}x as wrk saw it (both share 2 cores with wrk)"
        )
        check(failures, "server CPU of a junk refusal / of a signed answer", 1 / capacity, round(1 / MIN_RATIO, 3), "")
        check(failures, "RSS growth over the junk rounds", rss_after - rss_before, MAX_RSS_GROWTH_MB, " MB")

        rss_before = tree_rss_mb(server.process.pid)
        started = time.monotonic()
        sockets = half_sent(port, HALF_SENT)
        opened = time.monotonic() - started
        healthy = get(server.url + "/healthz", timeout=10).status
        rss_held = tree_rss_mb(server.process.pid)
        dropped = wait_dropped(sockets, timeout=HEADER_TIMEOUT + 10)
        print(
            f"   {HALF_SENT} half-sent requests: opened in {opened:.1f} s, {len(dropped)} dropped, the last "
            f"{max(dropped, default=0) + opened:.1f} s after the first connect; /healthz meanwhile {healthy}; "
            f"RSS +{rss_held - rss_before:.1f} MB while held"
        )
        if len(dropped) < HALF_SENT:
            failures.append(f"{HALF_SENT - len(dropped)} half-sent requests still open")
        check(
            failures,
            "seconds until the last half-sent request is dropped",
            max(dropped, default=99),
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
