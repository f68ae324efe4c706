"""OAuth mode: /comp throughput and cold start against single-workspace mode, and authorization from the cache.

Both servers are the Procfile's web process with the same gunicorn settings, one with
`SLACK_BOT_TOKEN` (one workspace), one with `SLACK_CLIENT_ID`/`SLACK_CLIENT_SECRET` (many),
against the Slack stand-in. The OAuth server first gets `WORKSPACES` workspaces installed
through the real flow (install page, the stand-in's approval, the redirect). The load is the
project's own generator (bench/_load.py; nothing installed) cycling through signed `/comp`
requests that vary the workspace, the person and the query (a request replayed would measure
one cache entry); both servers get the same requests, in interleaved rounds so both see the
same machine. Cold start is the time from starting the process to `/healthz` 200, each mode
started in turn with a fresh state folder. The authorization figure is measured in-process:
Bolt's installation-store authorization over a SQLite store with `WORKSPACES` installations,
behind `bot.slack.oauth.CachedAuthorize`, asked for workspaces in random order.
"""

from __future__ import annotations

import json
import pickle
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._util import check, median, ms, percentile
from bench.http import raw_request, tree_cpu_seconds
from tests.support.oauth import OAuthWeb, start_oauth_web
from tests.support.processes import free_port, process_env, start_procfile, stop, wait_healthy
from tests.support.signing import signature, slash_command_body
from tests.support.slack_api import SlackStandIn

WORKSPACES = 24
PEOPLE = 5
QUERIES = [
    "planetscale ml remote",
    "planetscale ml",
    "planetscle ml sf",
    "planetscale ai engineer new york",
    "planetscale machine learning seattle",
    "acme ml london",
    "help",
    "",
]
SECRET = "oauth-signing-secret"  # tests.support.oauth's
FORM = "application/x-www-form-urlencoded"
CONNECTIONS = 8
ROUNDS = 8
DURATION_S = 2
COLD_STARTS = 7
AUTHORIZE_SAMPLES = 5000


def teams() -> list[str]:
    return [f"T0WS{index:03d}" for index in range(WORKSPACES)]


def signed_bodies(slack: SlackStandIn) -> list[bytes]:
    """`/comp` bodies over every workspace, several people and the query mix, shuffled."""
    bodies = [
        slash_command_body(query, slack.response_url("bench"), user=f"U0P{person}", team=team)
        for team in teams()
        for person in range(PEOPLE)
        for query in QUERIES
    ]
    random.Random(12).shuffle(bodies)
    return bodies


def requests_file(bodies: list[bytes], folder: Path) -> Path:
    """The bodies signed now, as raw HTTP requests in a file `bench._load` replays."""
    timestamp = int(time.time())
    path = folder / "oauth.requests"
    with path.open("wb") as out:
        pickle.dump([raw_request(body, timestamp, SECRET) for body in bodies], out)
    return path


def load_round(requests_file: Path, url: str, seconds: int, pid: int) -> dict:
    """One round of bench._load (the project's own load generator) with the server's CPU time."""
    port = url.rsplit(":", 1)[1]
    command = [sys.executable, "-m", "bench._load", str(requests_file), port, str(CONNECTIONS), str(seconds)]
    cpu_before = tree_cpu_seconds(pid)
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    figures["cpu_us"] = (tree_cpu_seconds(pid) - cpu_before) / max(figures["requests"], 1) * 1e6
    return figures


class Single:
    """The Procfile's web process for one workspace (SLACK_BOT_TOKEN)."""

    def __init__(self, slack: SlackStandIn, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        env = process_env(
            slack.api_url, folder / "state", PORT=str(port), SLACK_BOT_TOKEN="xoxb-bench", SLACK_SIGNING_SECRET=SECRET
        )
        self.log_path = folder / f"single-{port}.log"
        self.process = start_procfile("web", env, self.log_path)
        self.cold_start = wait_healthy(self.url, self.process, self.log_path)

    def stop(self) -> None:
        stop(self.process)


def start_oauth(slack: SlackStandIn, folder: Path) -> tuple[OAuthWeb, float]:
    started = time.perf_counter()
    web = start_oauth_web(slack, folder)
    return web, time.perf_counter() - started


def cold_starts(slack: SlackStandIn, folder: Path, failures: list[str]) -> None:
    single_times, oauth_times = [], []
    for index in range(COLD_STARTS):
        single = Single(slack, folder / f"cold-single-{index}")
        single_times.append(single.cold_start)
        single.stop()
        web, seconds = start_oauth(slack, folder / f"cold-oauth-{index}")
        oauth_times.append(seconds)
        web.stop()
    ratio = median(oauth_times) / median(single_times)
    print(
        f"   cold start to /healthz 200 (median of {COLD_STARTS}, fresh state): single workspace "
        f"{median(single_times) * 1000:.0f} ms, OAuth {median(oauth_times) * 1000:.0f} ms"
    )
    check(failures, "cold start ratio OAuth / single workspace", ratio, 1.10)


def throughput(slack: SlackStandIn, folder: Path, failures: list[str]) -> None:
    script = requests_file(signed_bodies(slack), folder)
    web, _ = start_oauth(slack, folder / "oauth")
    single = Single(slack, folder / "single")
    try:
        for team in teams():
            page = web.install(team)
            assert page.status == 200 and b"Comp Coach is installed" in page.body, page
        auth_tests_before, load_started = len(slack.calls_to("auth.test")), time.monotonic()
        servers = {"single workspace": (single.url, single.process.pid), "OAuth": (web.url, web.process.pid)}
        for url, pid in servers.values():  # warm-up: every workspace authorized once, templates compiled
            load_round(script, url, 1, pid)
        rounds: dict[str, list[dict]] = {name: [] for name in servers}
        for number in range(ROUNDS):  # ABBA: a drift in the machine's load favours neither
            order = list(servers.items()) if number % 4 in (0, 3) else list(reversed(servers.items()))
            for name, (url, pid) in order:
                rounds[name].append(load_round(script, url, DURATION_S, pid))
        auth_tests = len(slack.calls_to("auth.test")) - auth_tests_before
    finally:
        web.stop()
        single.stop()
    answered = sum(load["requests"] for load in rounds["OAuth"])
    print(f"   auth.test calls from the OAuth server during the load: {auth_tests} for {answered} requests")
    minutes = 1 + int((time.monotonic() - load_started) // 60)
    check(
        failures,
        "auth.test calls during the load (one per workspace and minute at most)",
        auth_tests,
        WORKSPACES * minutes,
    )
    for name, loads in rounds.items():
        for number, load in enumerate(loads, 1):
            print(
                f"   {name:<17} round {number}: {load['rps']:7.0f} req/s  p50 {load['p50_us'] / 1000:6.2f} ms  "
                f"p99 {load['p99_us'] / 1000:6.2f} ms  non-2xx {load['non2xx']}  "
                f"socket errors {load['socket_errors']}  server CPU {load['cpu_us']:4.0f} µs/request"
            )
    ratios = [o["rps"] / s["rps"] for o, s in zip(rounds["OAuth"], rounds["single workspace"], strict=True)]
    print(f"   throughput ratio OAuth / single workspace per round: {', '.join(f'{r:.3f}' for r in ratios)}")
    ratio = median(ratios)
    print(f"   throughput ratio OAuth / single workspace: {ratio:.3f} (median of rounds; target ≥ 0.9)")
    if ratio < 0.9:
        failures.append(f"throughput ratio OAuth / single workspace {ratio:.3f} < 0.9")
    cpu_single = median([load["cpu_us"] for load in rounds["single workspace"]])
    cpu_oauth = median([load["cpu_us"] for load in rounds["OAuth"]])
    print(
        f"   server CPU per request (median): single workspace {cpu_single:.0f} µs, OAuth {cpu_oauth:.0f} µs; "
        f"ratio single / OAuth {cpu_single / cpu_oauth:.3f} (throughput per CPU-second: the same comparison, "
        "unaffected by other work on the machine)"
    )
    errors = sum(load["non2xx"] + load["socket_errors"] for loads in rounds.values() for load in loads)
    check(failures, "non-2xx responses and socket errors (both servers)", errors, 0)


def authorize_from_cache(slack: SlackStandIn, folder: Path, failures: list[str]) -> None:
    from slack_bolt.authorization.authorize import InstallationStoreAuthorize
    from slack_bolt.context import BoltContext
    from slack_sdk import WebClient
    from slack_sdk.oauth.installation_store import Installation
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore

    from bot.slack.oauth import CachedAuthorize
    from bot.store.database import Store

    store = Store.open(None, folder / "authorize-state")
    installations = SQLAlchemyInstallationStore(client_id="bench", engine=store.engine)
    for team in teams():
        installations.save(
            Installation(app_id="A0", team_id=team, user_id="U0INSTALLER", bot_token=f"xoxb-{team}", bot_id="B0")
        )
    client = WebClient(base_url=slack.api_url)
    inner = InstallationStoreAuthorize(logger=store_logger(), installation_store=installations, bot_only=True)
    authorize = CachedAuthorize(inner)
    context = BoltContext({"client": client, "is_enterprise_install": False})

    def ask(team: str):
        return authorize(context=context, enterprise_id=None, team_id=team, user_id="U0P1")

    misses = []
    for team in teams():  # first request of each workspace: a query and an auth.test
        started = time.perf_counter()
        assert ask(team) is not None
        misses.append(time.perf_counter() - started)
    rng = random.Random(5)
    order = [rng.choice(teams()) for _ in range(AUTHORIZE_SAMPLES)]
    hits = []
    for team in order:
        started = time.perf_counter()
        result = ask(team)
        hits.append(time.perf_counter() - started)
        assert result.bot_token == f"xoxb-{team}"
    store.dispose()
    print(
        f"   authorize, first request of a workspace (store query + auth.test): median {ms(median(misses))}; "
        f"from the cache ({WORKSPACES} workspaces, random order): median {ms(median(hits))}, "
        f"p99 {ms(percentile(hits, 99))}"
    )
    check(failures, "authorize from the cache, median", median(hits) * 1000, 0.2, " ms")


def dispatch_in_process(slack: SlackStandIn, folder: Path, failures: list[str]) -> None:
    """The same requests through `App.dispatch` in one process, both apps alternating: what OAuth
    mode costs per request without the HTTP server, the load generator and the machine's other
    work in the figure."""
    from slack_bolt.request import BoltRequest
    from slack_sdk.oauth.installation_store import Installation

    from bot.settings import Settings
    from bot.slack.app import build

    base = {"SLACK_API_URL": slack.api_url, "SLACK_SIGNING_SECRET": SECRET}
    single = build(Settings({**base, "SLACK_BOT_TOKEN": "xoxb-bench"}, state_dir=folder / "dispatch-single")).app
    oauth = build(
        Settings(
            {**base, "SLACK_CLIENT_ID": slack.client_id, "SLACK_CLIENT_SECRET": slack.client_secret},
            state_dir=folder / "dispatch-oauth",
        )
    ).app
    for team in teams():
        oauth.installation_store.save(
            Installation(app_id="A0", team_id=team, user_id="U0INSTALLER", bot_token=f"xoxb-{team}", bot_id="B0")
        )
    timestamp = str(int(time.time()))
    prepared = [
        (
            body.decode(),
            {
                "content-type": FORM,
                "x-slack-request-timestamp": timestamp,
                "x-slack-signature": signature(SECRET, timestamp, body),
            },
        )
        for body in signed_bodies(slack)
    ]
    samples: dict[str, list[float]] = {"single": [], "oauth": []}
    for number in range(10):
        for name, app in (
            (("single", single), ("oauth", oauth)) if number % 2 else (("oauth", oauth), ("single", single))
        ):
            started = time.perf_counter()
            for body, headers in prepared:
                assert app.dispatch(BoltRequest(body=body, headers=headers)).status == 200
            if number:  # the first pass warms both (every workspace authorized once)
                samples[name].append((time.perf_counter() - started) / len(prepared))
    per_single, per_oauth = median(samples["single"]), median(samples["oauth"])
    print(
        f"   App.dispatch in-process ({len(prepared)} varied requests per pass, median of 9 passes): "
        f"single workspace {per_single * 1e6:.1f} µs, OAuth {per_oauth * 1e6:.1f} µs per request"
    )
    ratio = per_single / per_oauth
    print(f"   in-process throughput ratio OAuth / single workspace: {ratio:.3f} (target ≥ 0.9)")
    if ratio < 0.9:
        failures.append(f"in-process throughput ratio OAuth / single workspace {ratio:.3f} < 0.9")


def store_logger():
    import logging

    return logging.getLogger("bench.oauth")


def run() -> list[str]:
    failures: list[str] = []
    with SlackStandIn() as slack, tempfile.TemporaryDirectory(prefix="bench-oauth-") as tmp:
        folder = Path(tmp)
        for team in teams():
            slack.add_workspace(team)
        authorize_from_cache(slack, folder, failures)
        dispatch_in_process(slack, folder, failures)
        cold_starts(slack, folder, failures)
        print(
            f"   load: bench._load, {CONNECTIONS} connections, {ROUNDS} interleaved rounds of {DURATION_S} s; "
            f"{WORKSPACES} workspaces x {PEOPLE} people x {len(QUERIES)} queries, signed /comp",
            flush=True,
        )
        throughput(slack, folder, failures)
    return failures
