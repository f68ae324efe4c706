"""HTTP: signed `/comp` under load against the Procfile's web process and a bare Bolt app; cold start; memory.

Both servers run with the same gunicorn settings (`bot.slack.server.gunicorn_options`), the
same Bolt options and the same guide library (a generated one of ~900 guides, `bench._traffic`);
the bare app's only listener acks a constant string, so every ratio is what Comp Coach's answer
costs on top of Bolt itself, measured in the same run, in interleaved rounds.

Two request mixes, each sent to both servers:
- **mixed** (the target's path): a fixed, seeded set of distinct `/comp` queries as a team types
  them (`bench._traffic`: spellings, word orders, typos, `levers`/`script`, seniority and
  levels, a fifth naming companies not on hand), replayed in order. There are more of them
  than the cache of typed texts holds (`bot.answers.LOOKUP_CACHE`, an LRU: replayed in order,
  it never hits), so every request resolves its text; answers kept by what a text resolved to
  (bot/answer_cache.py) are what a team's traffic reuses, and count. Targets: throughput
  >= 0.9x bare Bolt (median of the rounds' ratios), p99 < 10 ms at 8 connections.
- **one query** (a cache hit): `/comp planetscale ml remote` replayed; printed beside, no target.

Load comes from `bench._load` (8 keep-alive connections, in its own process; nothing to install).
Bolt's threaded ack path (`process_before_response=False`) is measured too, for the choice in
bot/slack/app.py.

Where the mixed path's time goes, and why 0.9x is still missed (issue 13 item 3; 27 Nov 2026,
figures from `python -m bench._inprocess`, which calls both ASGI apps in one process with the
same 1,200 signed requests, and from this bench):
- Through HTTP the mixed path went from 0.41x to 0.55-0.59x bare Bolt over three runs (server
  CPU 462 -> 355-370 µs per request against bare Bolt's ~200; CPU ratio 0.54-0.55). Even the
  cached path, one query replayed, runs at 0.86-0.92x (210-226 against 190-199 µs): the guard,
  the conversation's entry and a ~5 KB answer written instead of a constant line take the 10%
  the target allows. 0.9x on distinct queries would need resolving, keying and acking each one
  in ~0 µs on top of that.
- In process: ours 192-199 µs of CPU per request (311 before), bare Bolt 71. With the answer
  replaced by one constant reply ours costs 4-14 µs more than bare Bolt in the same run (guard,
  Bolt, ack). The rest is the answer, timed inside the server (per request, averaged over the mix): resolving
  the text 76 µs, its key 6, a not-on-hand answer's text put in 5, the notice 1.4, the LRU
  look-up 2.4, the ack's JSON 10; ~20-30 µs are not attributed (Bolt and the guard beside ours,
  the timers' own cost).
- Resolving alone, in a loop: 103 -> 45 µs a query over the 1,200 (bot/guides/matching.py tries
  only spans a phrase table can hold, `normalize` has an ASCII short way, seniority and level
  look-ups only where they can hit); the ~76 µs inside the server is the same work with caches
  shared with Bolt. Resolutions are never cached by the text typed (the bench replays distinct
  texts).
- Then (27 Nov 2026, a machine shared with other work, so every figure ~2x the ones above;
  compare within a line only): facts about each typed word found once per resolver
  (`matching.Remembered`: a token's units, a phrase's table keys, whether a unit can start a
  span, be a level or currency, or is a word not understood; span extensions per pair of
  words), one typo look-up per candidate instead of three, the readings about words not
  understood skipped when none is left (6 in 10 team queries), regions found from per-guide
  indexes, each guide's level rows read once. `python -m bench._golden_resolve ab OLD_ROOT`
  (both trees in one process, 15 rounds in alternating chunks): 132 -> 82 µs a query, x1.61
  (median pair x1.59; x1.51-1.61 over the last four runs). `python -m bench._golden_resolve
  check` holds every field of 6,378 resolutions over three catalogs and the 1,200 rendered
  answers byte-identical. In process, old and new run in turn (noisy: compare pairs only):
  the answer (`Conversation.handle`) 120 -> 78 and 141 -> 99 µs, its resolving 91 -> 55 and
  107 -> 68 µs; ours against bare Bolt per request 0.36 -> 0.46x and 0.41 -> 0.50x. Function
  calls per resolve 230 -> 114 (cProfile); what is left is ~20 reading rules of pure Python,
  none dominant: 0.9x needs a compiled matcher or a much smaller answer path, not a cache.
- This bench after that (same day, same loaded machine): mixed 0.627x bare Bolt (rounds
  0.53-0.81; server CPU 677 against 417 µs a request, 0.621x), was 0.555x; p99 8.23 ms at 8
  connections. One query replayed: 0.947x (CPU 462 against 442 µs). The arithmetic of the miss:
  at 0.9x ours may spend 417 / 0.9 - 417 = 46 µs a request beyond bare Bolt; the cached path
  spends 20 of them, and a distinct query's answer costs ~215 µs more than the cached one in
  the server (resolving ~80 µs of it in process, the rest its key, look-ups, ack and the larger
  working set), so 0.9x needs that answer at ~26 µs: about an eighth of what it costs now.
- The bound, measured (27 Nov 2026, later): `bench._bolt_variants ours-resolved` is ours with an
  oracle resolver (each text's resolution remembered from a first pass: one dict look-up), run
  against the same bare app in the same run. Two runs: 0.752x and 0.801x bare Bolt in server CPU
  (0.825x throughput), with the cached path at 0.875x and 0.808x in the same runs. So no resolver,
  however fast, brings the mixed path to 0.9x: what is left (keying, the kept answers' look-ups,
  the typed text put in, a ~5 KB ack, the guard) costs about what the cached path costs, and that
  sits at or under the line by itself. This bench prints the bound beside the target each run.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench._traffic import team_queries
from bench._util import median, tree_rss_mb
from tests.support.processes import free_port, process_env, start, start_procfile, stop, wait_healthy
from tests.support.signing import event_body, get, post, signature, slash_command_body
from tests.support.slack_api import SlackStandIn

CONNECTIONS = 8
DURATION_S = 1.5
BOUND_ROUNDS = 4
ROUNDS = 8  # short interleaved rounds: the median ratio holds up when other work comes and goes
WARMUP_S = 1
COLD_STARTS = 3
QUERIES = 1200
SEED = 13
SECRET = "bench-signing-secret"
FORM = "application/x-www-form-urlencoded"
QUERY = "planetscale ml remote"
SIGNED_FOR_S = 120  # Bolt accepts a timestamp for 5 minutes: sign again well before that

THROUGHPUT_TARGET = 0.9
P99_TARGET_MS = 10.0
COLD_START_TARGET = 1.5  # fresh state folder, against the bare app's start
# Against the bare app's process tree, both holding the same ~900-guide library after the load:
# ours keeps the guide index, the guides in use, and the answers kept (bot/answer_cache.py, ~15 MB full).
RSS_TARGET = 2.5


@dataclass
class Load:
    rps: float
    p50_ms: float
    p99_ms: float
    non2xx: int
    socket_errors: int
    requests: int = 0
    cpu_s: float = 0.0  # CPU time the server's process tree spent meanwhile
    client_cpu_s: float = 0.0

    @property
    def cpu_us_per_request(self) -> float:
        return self.cpu_s / self.requests * 1e6 if self.requests else 0.0

    def line(self) -> str:
        return (
            f"{self.rps:7.0f} req/s  p50 {self.p50_ms:5.2f} ms  p99 {self.p99_ms:6.2f} ms  "
            f"errors {self.non2xx + self.socket_errors}  server CPU {self.cpu_us_per_request:5.0f} µs/request"
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


class RequestSet:
    """Raw signed HTTP requests for a list of `/comp` texts, in a file `bench._load` reads;
    signed again when the timestamp gets old."""

    def __init__(self, name: str, texts: list[str], response_url: str, folder: Path) -> None:
        self.name = name
        self.bodies = [slash_command_body(text, response_url) for text in texts]
        self.path = folder / f"{name}.requests"
        self.signed_at = 0.0

    def file(self) -> Path:
        if time.time() - self.signed_at > SIGNED_FOR_S:
            self.signed_at = time.time()
            timestamp = int(self.signed_at)
            with self.path.open("wb") as out:
                pickle.dump([raw_request(body, timestamp) for body in self.bodies], out)
        return self.path


def raw_request(body: bytes, timestamp: int, secret: str = SECRET) -> bytes:
    """A signed `POST /slack/events` as raw HTTP/1.1 bytes, for bench._load to replay."""
    head = (
        "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: {FORM}\r\nContent-Length: {len(body)}\r\n"
        f"X-Slack-Request-Timestamp: {timestamp}\r\nX-Slack-Signature: {signature(secret, timestamp, body)}\r\n\r\n"
    )
    return head.encode() + body


def measure(server: Server, requests: RequestSet, seconds: float = DURATION_S) -> Load:
    cpu_before = tree_cpu_seconds(server.process.pid)
    command = [sys.executable, "-m", "bench._load", str(requests.file()), str(server.port), str(CONNECTIONS)]
    output = subprocess.run([*command, str(seconds)], capture_output=True, text=True, check=True).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    return Load(
        figures["requests"] / (figures["duration_us"] / 1e6),
        figures["p50_us"] / 1000,
        figures["p99_us"] / 1000,
        figures["non2xx"],
        figures["socket_errors"],
        figures["requests"],
        tree_cpu_seconds(server.process.pid) - cpu_before,
        figures["client_cpu_s"],
    )


def middle(loads: list[Load]) -> Load:
    """The round with the median throughput."""
    return sorted(loads, key=lambda load: load.rps)[len(loads) // 2]


class Server:
    """One web process on a free port: the Procfile's, or a `bench._bolt_variants` variant."""

    def __init__(
        self, slack: SlackStandIn, folder: Path, variant: str | None = None, state: Path | None = None, **env: str
    ):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / f"{variant or 'web'}-{self.port}.log"
        environment = process_env(
            slack.api_url,
            state or folder / "state",
            PORT=str(self.port),
            SLACK_BOT_TOKEN="xoxb-bench",
            SLACK_SIGNING_SECRET=SECRET,
            **env,
        )
        if variant is None:
            self.process = start_procfile("web", environment, self.log)
        else:
            self.process = start(f"{sys.executable} -m bench._bolt_variants {variant}", environment, self.log)
        self.cold_start = wait_healthy(self.url, self.process, self.log)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        stop(self.process)


def verdict(failures: list[str], label: str, ok: bool, failure: str) -> str:
    if not ok:
        failures.append(f"{label}: {failure}")
    return "ok" if ok else "MISSED"


def run() -> list[str]:
    from bot.answers import LOOKUP_CACHE

    assert QUERIES > 2 * LOOKUP_CACHE, "the mixed set must outnumber the cache of typed texts"
    failures: list[str] = []
    with SlackStandIn() as slack, tempfile.TemporaryDirectory(prefix="bench-http-") as tmp:
        folder = Path(tmp)
        library = folder / "library"
        queries = team_queries(library, seed=SEED, count=QUERIES)
        kinds = Counter(query.kind for query in queries)
        print(
            f"   mixed set: {len(queries)} distinct signed /comp queries (seed {SEED}): "
            + ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()),
            flush=True,
        )
        print(
            f"   load: bench._load, {CONNECTIONS} connections, {ROUNDS} interleaved rounds of {DURATION_S} s "
            f"per server and mix, after {WARMUP_S} s warm-up",
            flush=True,
        )
        _cold_starts(slack, folder, failures)

        guides = {"COMP_COACH_GUIDES": str(library)}
        mixed = RequestSet("mixed", [query.text for query in queries], slack.response_url("bench"), folder)
        one = RequestSet("one", [QUERY], slack.response_url("bench"), folder)
        with Server(slack, folder, **guides) as ours, Server(slack, folder, "bare", **guides) as bare:
            _check_answers(ours, slack, queries)
            rss = tree_rss_mb(ours.process.pid), tree_rss_mb(bare.process.pid)
            series = {(name, mix.name): [] for name in ("ours", "bare") for mix in (mixed, one)}
            for server in (ours, bare):
                for mix in (mixed, one):
                    measure(server, mix, WARMUP_S)
            for number in range(ROUNDS):
                order = [(s, m) for m in (mixed, one) for s in ((ours, bare) if number % 2 == 0 else (bare, ours))]
                for server, mix in order:
                    series[("ours" if server is ours else "bare", mix.name)].append(measure(server, mix))
            rss = max(rss[0], tree_rss_mb(ours.process.pid)), max(rss[1], tree_rss_mb(bare.process.pid))
            bound = _resolving_free(slack, folder, guides, queries, mixed, bare)

        for mix, label in (("mixed", "MIXED distinct queries"), ("one", "ONE query replayed (cached path)")):
            for name, who in (("ours", "comp-coach"), ("bare", "bare Bolt ")):
                for number, load in enumerate(series[(name, mix)], 1):
                    print(f"   {label[:5]:5} {who} round {number}  {load.line()}")
        for mix, label in (("mixed", "mixed distinct queries"), ("one", "one query replayed (cached path)")):
            ours_loads, bare_loads = series[("ours", mix)], series[("bare", mix)]
            pairs = list(zip(ours_loads, bare_loads, strict=True))
            cpu = median([b.cpu_us_per_request / o.cpu_us_per_request for o, b in pairs])
            ratios = [o.rps / b.rps for o, b in pairs]
            ratio = median(ratios)
            p99 = middle(ours_loads).p99_ms
            rounds = ", ".join(f"{r:.2f}" for r in ratios)
            if mix == "mixed":
                ok = verdict(failures, "mixed /comp throughput", ratio >= THROUGHPUT_TARGET, f"{ratio:.3f}x < 0.9x")
                print(
                    f"   {label}: throughput {ratio:.3f}x bare Bolt (baseline: bare Bolt, same queries, same run; "
                    f"rounds {rounds}; target >= {THROUGHPUT_TARGET}x) {ok}"
                )
                ok = verdict(failures, "mixed /comp p99", p99 < P99_TARGET_MS, f"{p99:.2f} ms >= 10 ms")
                print(
                    f"   {label}: p99 {p99:.2f} ms at {CONNECTIONS} connections (median round; bare Bolt "
                    f"{middle(bare_loads).p99_ms:.2f} ms, ratio {p99 / middle(bare_loads).p99_ms:.2f}x; "
                    f"target < {P99_TARGET_MS} ms) {ok}"
                )
            else:
                print(
                    f"   {label}: throughput {ratio:.3f}x bare Bolt (rounds {rounds}), p99 {p99:.2f} ms "
                    f"(bare {middle(bare_loads).p99_ms:.2f} ms); every request a cache hit: printed beside, no target"
                )
            print(
                f"   {label}: server CPU per request {median([o.cpu_us_per_request for o in ours_loads]):.0f} µs "
                f"against bare Bolt's {median([b.cpu_us_per_request for b in bare_loads]):.0f} µs: "
                f"{cpu:.3f}x the requests per CPU-second (the same comparison, unaffected by other work on the machine)"
            )
        print(
            f"   bound, mixed with resolving free (each text's resolution remembered from a first pass, "
            f"bench._bolt_variants ours-resolved): throughput {bound[0]:.3f}x bare Bolt, server CPU {bound[1]:.3f}x "
            f"({BOUND_ROUNDS} rounds): the most a faster resolver could give the target; printed beside, no target"
        )
        errors = sum(load.non2xx + load.socket_errors for loads in series.values() for load in loads)
        ok = verdict(failures, "errors", errors == 0, f"{errors} non-2xx responses or socket errors")
        print(f"   non-2xx responses and socket errors, all rounds: {errors} (target 0) {ok}")
        ok = verdict(failures, "RSS", rss[0] <= RSS_TARGET * rss[1], f"{rss[0] / rss[1]:.2f}x > {RSS_TARGET}x")
        print(
            f"   web process tree RSS {rss[0]:.0f} MB against bare Bolt's {rss[1]:.0f} MB: {rss[0] / rss[1]:.2f}x "
            f"(target <= {RSS_TARGET}x) {ok}"
        )
        _threaded(slack, folder, mixed, guides)
    return failures


def _resolving_free(
    slack: SlackStandIn, folder: Path, guides: dict, queries: list, mixed: RequestSet, bare: Server
) -> tuple[float, float]:
    """(throughput, CPU) ratios to bare Bolt of ours with an oracle resolver, interleaved rounds:
    what is left of the mixed path's cost when resolving costs nothing."""
    with Server(slack, folder, "ours-resolved", **guides) as oracle:
        for query in queries:  # every text resolved once: from here on each one is a dict look-up
            body = slash_command_body(query.text, slack.response_url("bench"))
            assert post(oracle.url + "/slack/events", body, _headers(body)).status == 200
        measure(oracle, mixed, WARMUP_S)
        pairs = []
        for number in range(BOUND_ROUNDS):
            first, second = (oracle, bare) if number % 2 == 0 else (bare, oracle)
            loads = {first: measure(first, mixed), second: measure(second, mixed)}
            pairs.append((loads[oracle], loads[bare]))
    return (
        median([o.rps / b.rps for o, b in pairs]),
        median([b.cpu_us_per_request / o.cpu_us_per_request for o, b in pairs]),
    )


def _cold_starts(slack: SlackStandIn, folder: Path, failures: list[str]) -> None:
    """Start to /healthz 200 with the shipped guides: a new dyno (fresh state folder), a
    restart (state reused), and the bare app (the baseline), interleaved."""
    fresh, warm, bare = [], [], []
    for index in range(COLD_STARTS):
        with Server(slack, folder, state=folder / f"fresh-{index}") as server:
            fresh.append(server.cold_start)
        with Server(slack, folder, state=folder / "warm") as server:
            warm.append(server.cold_start)
        with Server(slack, folder, "bare", state=folder / f"bare-{index}") as server:
            bare.append(server.cold_start)
    ratio = median(fresh) / median(bare)
    ok = verdict(failures, "cold start", ratio <= COLD_START_TARGET, f"{ratio:.2f}x > {COLD_START_TARGET}x")
    print(
        f"   cold start to /healthz 200, fresh state folder (a new dyno): median {median(fresh) * 1000:.0f} ms "
        f"against bare Bolt's {median(bare) * 1000:.0f} ms: {ratio:.2f}x (target <= {COLD_START_TARGET}x) {ok}"
    )
    print(
        f"   cold start, state folder reused (a restart): median {median(warm) * 1000:.0f} ms, "
        f"{median(warm) / median(bare):.2f}x bare Bolt"
    )


def _check_answers(server: Server, slack: SlackStandIn, queries: list) -> None:
    """Before timing: the answers are real (a band for the one query; every mixed query a 200
    with words, never the apology a failure gets), and a DM was answered, so the memory figure
    includes what events load. (This first pass is also a team's steady state: the answers it
    asks about have been asked before.)"""
    from bot.slack.failures import apology

    sorry = apology()[0].text
    body = slash_command_body(QUERY, slack.response_url("bench"))
    answer = post(server.url + "/slack/events", body, _headers(body))
    assert answer.status == 200 and "$155K–$220K" in answer.json()["text"], answer
    for query in queries:
        body = slash_command_body(query.text, slack.response_url("bench"))
        answer = post(server.url + "/slack/events", body, _headers(body))
        assert answer.status == 200 and answer.json()["text"].strip() not in ("", sorry), (query, answer)
    assert get(server.url + "/healthz").status == 200
    dm = {"type": "message", "channel_type": "im", "user": "U0BENCH", "text": QUERY, "ts": "1.000001"}
    body = event_body({**dm, "channel": "D0BENCH"})
    assert post(server.url + "/slack/events", body, _headers(body, "application/json")).status == 200
    slack.wait_for("chat.postMessage")


def _headers(body: bytes, content_type: str = FORM) -> dict[str, str]:
    timestamp = int(time.time())
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(timestamp),
        "X-Slack-Signature": signature(SECRET, timestamp, body),
    }


def _threaded(slack: SlackStandIn, folder: Path, mixed: RequestSet, guides: dict) -> None:
    """Bolt's default ack path, for the process_before_response choice (bot/slack/app.py)."""
    loads = {}
    for variant in ("ours-threaded", "bare-threaded"):
        with Server(slack, folder, variant, **guides) as server:
            measure(server, mixed, WARMUP_S)
            loads[variant] = measure(server, mixed)
    ours, bare = loads["ours-threaded"], loads["bare-threaded"]
    print(f"   process_before_response=False, mixed: comp-coach {ours.line()}")
    print(f"   process_before_response=False, mixed: bare Bolt  {bare.line()}")
    print(f"   process_before_response=False: throughput {ours.rps / bare.rps:.3f}x bare Bolt (one round; no target)")
