"""HTTP: signed `/comp` under load against the Procfile's web process and a bare Bolt app; cold start; memory.

Both servers run with the same gunicorn settings (`bot.slack.server.gunicorn_options`) and
the same Bolt options; the bare app's only listener acks a constant string, so the ratio
is what Comp Coach's answer costs on top of Bolt itself. The load generator is wrk (8
connections, keep-alive, a Lua script posting one body signed as Slack signs it; the
timestamp stays valid for 5 minutes). The bench installs wrk with apt-get when missing and
falls back to a Python load generator when it cannot. Bolt's threaded ack path
(`process_before_response=False`) is measured too, for the choice in bot/slack/app.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.client import HTTPConnection
from pathlib import Path

from bench._util import check, median, percentile, tree_rss_mb
from tests.support.processes import free_port, process_env, start, start_procfile, stop, wait_healthy
from tests.support.signing import event_body, get, post, signed_headers, slash_command_body
from tests.support.slack_api import SlackStandIn

CONNECTIONS = 8
WRK_THREADS = 2
DURATION_S = 2
ROUNDS = 7
WARMUP_S = 1
COLD_STARTS = 5
SECRET = "bench-signing-secret"
FORM = "application/x-www-form-urlencoded"
QUERY = "planetscale ml remote"

LUA = """
wrk.method = "POST"
wrk.body = [[%(body)s]]
wrk.headers["Content-Type"] = "%(content_type)s"
wrk.headers["X-Slack-Request-Timestamp"] = "%(timestamp)s"
wrk.headers["X-Slack-Signature"] = "%(signature)s"
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p99_us": %%d, "non2xx": %%d, "socket_errors": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
"""


@dataclass
class Load:
    rps: float
    p50_ms: float
    p99_ms: float
    non2xx: int
    socket_errors: int
    requests: int = 0
    cpu_s: float = 0.0  # CPU time the server's process tree spent meanwhile

    @property
    def cpu_us_per_request(self) -> float:
        return self.cpu_s / self.requests * 1e6 if self.requests else 0.0

    def line(self) -> str:
        return (
            f"{self.rps:8.0f} req/s  p50 {self.p50_ms:6.2f} ms  p99 {self.p99_ms:6.2f} ms  "
            f"non-2xx {self.non2xx}  socket errors {self.socket_errors}  "
            f"server CPU {self.cpu_us_per_request:5.0f} µs/request"
        )


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its descendants, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        process = int(stat.parent.name)
        parents[process] = int(fields[1])
        times[process] = (int(fields[11]) + int(fields[12])) / ticks
    total = 0.0
    for process, seconds in times.items():
        ancestor = process
        while ancestor and ancestor != pid:
            ancestor = parents.get(ancestor, 0)
        if ancestor == pid:
            total += seconds
    return total


def ensure_wrk() -> str | None:
    if shutil.which("wrk"):
        return shutil.which("wrk")
    print("   wrk missing: apt-get install -y wrk", flush=True)
    for command in (["apt-get", "install", "-y", "-q", "wrk"], ["apt-get", "update", "-q"]):
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        if shutil.which("wrk"):
            return shutil.which("wrk")
    subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return shutil.which("wrk")


def signed_request(response_url: str) -> tuple[bytes, dict[str, str]]:
    body = slash_command_body(QUERY, response_url)
    return body, signed_headers(SECRET, body, FORM)


def wrk_load(wrk: str, url: str, body: bytes, headers: dict, folder: Path, seconds: int) -> Load:
    script = folder / "signed.lua"
    script.write_text(
        LUA
        % {
            "body": body.decode(),
            "content_type": FORM,
            "timestamp": headers["X-Slack-Request-Timestamp"],
            "signature": headers["X-Slack-Signature"],
        }
    )
    command = [wrk, f"-t{WRK_THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "-s", str(script), url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    return Load(
        figures["requests"] / (figures["duration_us"] / 1e6),
        figures["p50_us"] / 1000,
        figures["p99_us"] / 1000,
        figures["non2xx"],
        figures["socket_errors"],
        figures["requests"],
    )


def python_load(url: str, body: bytes, headers: dict, seconds: int) -> Load:
    """The fallback: CONNECTIONS keep-alive connections on threads (slower than wrk, and
    sharing the CPU with the server, so its figures are pessimistic)."""
    host, port = url.split("//")[1].split("/")[0].split(":")
    path = "/" + url.split("//")[1].split("/", 1)[1]
    latencies: list[float] = []
    failures = [0, 0]
    deadline = time.monotonic() + seconds

    def worker() -> None:
        connection = HTTPConnection(host, int(port), timeout=10)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("POST", path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
            except OSError:
                failures[1] += 1
                connection = HTTPConnection(host, int(port), timeout=10)
                continue
            latencies.append(time.perf_counter() - started)
            if not 200 <= response.status < 300:
                failures[0] += 1

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    non2xx, socket_errors = failures
    return Load(
        len(latencies) / seconds,
        median(latencies) * 1000,
        percentile(latencies, 99) * 1000,
        non2xx,
        socket_errors,
        len(latencies),
    )


def measure(server: Server, wrk: str | None, body: bytes, headers: dict, folder: Path, seconds: int = 0) -> Load:
    seconds = seconds or DURATION_S
    url = server.url + "/slack/events"
    cpu_before = tree_cpu_seconds(server.process.pid)
    load = wrk_load(wrk, url, body, headers, folder, seconds) if wrk else python_load(url, body, headers, seconds)
    load.cpu_s = tree_cpu_seconds(server.process.pid) - cpu_before
    return load


def middle(loads: list[Load]) -> Load:
    """The round with the median throughput."""
    return sorted(loads, key=lambda load: load.rps)[len(loads) // 2]


class Server:
    """One web process on a free port: the Procfile's, or a `bench._bolt_variants` variant."""

    def __init__(self, slack: SlackStandIn, folder: Path, variant: str | None = None, state: Path | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / f"{variant or 'web'}-{self.port}.log"
        env = process_env(
            slack.api_url,
            state or folder / "state",
            PORT=str(self.port),
            SLACK_BOT_TOKEN="xoxb-bench",
            SLACK_SIGNING_SECRET=SECRET,
        )
        self.started = time.perf_counter()
        if variant is None:
            self.process = start_procfile("web", env, self.log)
        else:
            self.process = start(f"{sys.executable} -m bench._bolt_variants {variant}", env, self.log)
        self.cold_start = wait_healthy(self.url, self.process, self.log)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        stop(self.process)


def run() -> list[str]:
    failures: list[str] = []
    wrk = ensure_wrk()
    print(
        f"   load: {'wrk' if wrk else 'Python fallback (wrk unavailable)'}, {CONNECTIONS} connections, "
        f"{ROUNDS} interleaved rounds of {DURATION_S} s after {WARMUP_S} s warm-up; "
        f"POST /slack/events signed /comp {QUERY}",
        flush=True,
    )
    with SlackStandIn() as slack, tempfile.TemporaryDirectory(prefix="bench-http-") as tmp:
        folder = Path(tmp)
        body, headers = signed_request(slack.response_url("bench"))

        fresh, warm = [], []
        for index in range(COLD_STARTS):
            with Server(slack, folder, state=folder / f"fresh-{index}") as server:
                fresh.append(server.cold_start)
            with Server(slack, folder, state=folder / "warm") as server:
                warm.append(server.cold_start)
        print(
            f"   cold start, fresh state folder (a new dyno): median {median(fresh) * 1000:.0f} ms "
            f"(min {min(fresh) * 1000:.0f}, max {max(fresh) * 1000:.0f})"
        )
        print(f"   cold start, state folder reused (a restart): median {median(warm) * 1000:.0f} ms")
        check(failures, "cold start to /healthz 200 (median, fresh state)", median(fresh) * 1000, 1000, " ms")

        with Server(slack, folder) as ours, Server(slack, folder, "bare") as bare:
            answer = post(ours.url + "/slack/events", body, headers)
            assert answer.status == 200 and "$155K–$220K" in answer.json()["text"], answer
            assert get(ours.url + "/healthz").status == 200
            # A DM first, so the memory figure includes what events load (store, coach).
            dm = event_body(
                {
                    "type": "message",
                    "channel_type": "im",
                    "user": "U0BENCH",
                    "text": QUERY,
                    "ts": "1.000001",
                    "channel": "D0BENCH",
                }
            )
            assert post(ours.url + "/slack/events", dm, signed_headers(SECRET, dm, "application/json")).status == 200
            slack.wait_for("chat.postMessage")
            # Interleaved rounds, so both servers see the same machine (others share it).
            # The order alternates so that a drift in the machine's load favours neither.
            rounds: dict[str, list[Load]] = {"ours": [], "bare": []}
            measure(ours, wrk, body, headers, folder, seconds=WARMUP_S)
            measure(bare, wrk, body, headers, folder, seconds=WARMUP_S)
            for number in range(ROUNDS):
                pair = (("ours", ours), ("bare", bare)) if number % 2 == 0 else (("bare", bare), ("ours", ours))
                for name, server in pair:
                    rounds[name].append(measure(server, wrk, body, headers, folder))
            rss = tree_rss_mb(ours.process.pid)
        for label, loads in (
            ("comp-coach (Procfile web)", rounds["ours"]),
            ("bare Bolt, same settings", rounds["bare"]),
        ):
            for number, load in enumerate(loads, 1):
                print(f"   {label:<26} round {number}  {load.line()}")
        ours_load, bare_load = middle(rounds["ours"]), middle(rounds["bare"])
        ratios = [o.rps / b.rps for o, b in zip(rounds["ours"], rounds["bare"], strict=True)]
        ratio = median(ratios)
        print(f"   median round, comp-coach: {ours_load.line()}")
        print(f"   median round, bare Bolt:  {bare_load.line()}")
        print(
            f"   throughput ratio comp-coach / bare Bolt: {ratio:.3f} (median of rounds "
            f"{', '.join(f'{r:.3f}' for r in ratios)}; target ≥ 0.9)"
        )
        if ratio < 0.9:
            failures.append(f"throughput ratio {ratio:.3f} < 0.9")
        cpu_ours = median([load.cpu_us_per_request for load in rounds["ours"]])
        cpu_bare = median([load.cpu_us_per_request for load in rounds["bare"]])
        print(
            f"   server CPU per request (median): comp-coach {cpu_ours:.0f} µs, bare Bolt {cpu_bare:.0f} µs; "
            f"ratio bare / comp-coach {cpu_bare / cpu_ours:.3f} (throughput per CPU-second: the same "
            "comparison, unaffected by other work taking the CPU)"
        )
        check(failures, "p99 at 8 connections (median round)", ours_load.p99_ms, 10, " ms")
        non2xx = sum(load.non2xx + load.socket_errors for load in rounds["ours"])
        check(failures, "non-2xx responses and socket errors", non2xx, 0)
        check(failures, "web process tree RSS", rss, 120, " MB")

        # Bolt's default ack path, for the process_before_response choice (bot/slack/app.py).
        for variant, label in (
            ("ours-threaded", "comp-coach, process_before_response=False"),
            ("bare-threaded", "bare Bolt, process_before_response=False"),
        ):
            with Server(slack, folder, variant) as server:
                load = measure(server, wrk, body, headers, folder)
            print(f"   {label:<42} {load.line()}")
    return failures
