"""No lost replies: DMs answered exactly once through 429, 5xx, hangs, SIGTERM, SIGKILL; delay beside a 20 s wait.

The web process as the Procfile starts it, against the Slack stand-in, once on SQLite and
once on PostgreSQL (a schema of its own). One run, three processes on one store:

1. `first` answers 10 DMs with Slack healthy (the baseline: send to `chat.postMessage`).
   Then four replies get 429 with `Retry-After: 20` and, while they wait, 5 unrelated DMs
   are sent one by one: their delay is the figure, printed beside the same run's idle DM
   (target: within `UNRELATED_TARGET_MS`, 5% of the Retry-After; the issue measured 19.5 s).
   A ratio to the idle DM is printed, not held to a target: idle is ~10 ms, where one fsync
   or a busy core moves it by multiples.
2. Slack answers every post 429 (`Retry-After: 1`, within the cap: waited on a timer with
   the row held); 8 more DMs; `first` gets SIGTERM in the middle of those waits.
3. `second` starts; Slack answers 500 to every post; 8 more DMs; then Slack stops answering
   (each post held 3 s, then dropped unposted), and `second` (server and worker) gets SIGKILL
   while posts hang. (Killed between Slack accepting a post and the row's deletion, a
   millisecond or two, a process would have its reply sent again: the Web API has no
   idempotency key. The kill is placed where it tests the outbox, not that window.)
4. `third` starts and Slack heals. The figure: of the DMs acknowledged (HTTP 200), the share
   answered exactly once (successful `chat.postMessage` per DM channel, counted at the
   stand-in) once the outbox is empty. Target 100%; the four 20 s replies count too.

The processes run with the default Retry-After cap (2 s) and reply life, and a shorter poll
(0.2 s), lease (5 s) and Web API timeout (1 s), so a SIGKILLed process's replies are taken
over within seconds.
"""

from __future__ import annotations

import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

from bench._util import check, median
from tests.store.postgres import postgres_schema
from tests.support.processes import free_port, kill_hard, process_env, start_procfile, stop, wait_healthy
from tests.support.signing import event_body, new_ts, post, signed_headers
from tests.support.slack_api import SlackStandIn

SECRET = "bench-secret"
ENV = {
    "COMP_COACH_OUTBOX_POLL_SECONDS": "0.2",
    "COMP_COACH_OUTBOX_LEASE_SECONDS": "5",
    "COMP_COACH_RETRY_BACKOFF_SECONDS": "0.5",
    "COMP_COACH_SLACK_TIMEOUT_SECONDS": "1",
}
UNRELATED_TARGET_MS = 1000.0
SETTLE_SECONDS = 60.0


def texts():
    """Varied DMs: lookups and offers with different figures (a replayed one would measure a cache)."""
    number = 0
    while True:
        number += 1
        yield [
            "planetscale ml remote",
            "planetscale ml sf",
            f"I got an offer from PlanetScale for ML engineer, remote: ${150 + number}k base, "
            f"${80 + 5 * number}k stock over 4 years",
            "hi",
            f"offer from planetscale, ml engineer in sf, {170 + number}k base",
        ][number % 5]


class Run:
    def __init__(self, slack: SlackStandIn, folder: Path, database_url: str) -> None:
        self.slack = slack
        self.folder = folder
        self.database_url = database_url
        self.texts = texts()
        self.channels: list[str] = []
        self.acknowledged: list[str] = []

    @contextmanager
    def web(self, name: str):
        port = free_port()
        env = process_env(
            self.slack.api_url,
            self.folder / name,
            PORT=str(port),
            SLACK_SIGNING_SECRET=SECRET,
            SLACK_BOT_TOKEN="xoxb-bench",
            DATABASE_URL=self.database_url,
            **ENV,
        )
        log_path = self.folder / f"{name}.log"
        process = start_procfile("web", env, log_path)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, process, log_path)
            yield url, process
        finally:
            stop(process)

    def dm(self, url: str) -> str:
        channel = f"D0B{len(self.channels):05d}"
        self.channels.append(channel)
        event = {
            "type": "message",
            "channel_type": "im",
            "user": "U" + channel[1:],
            "text": next(self.texts),
            "ts": new_ts(),
            "channel": channel,
        }
        body = event_body(event)
        if post(url + "/slack/events", body, signed_headers(SECRET, body, "application/json")).status == 200:
            self.acknowledged.append(channel)
        return channel

    def answered_in(self, url: str) -> float:
        """Seconds from sending a DM to its reply reaching the stand-in."""
        sent = time.monotonic()
        channel = self.dm(url)
        return self.wait_posted(channel) - sent

    def wait_posted(self, channel: str, timeout: float = 30.0) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for call in self.slack.calls_to("chat.postMessage"):
                if call.args.get("channel") == channel:
                    return call.at
            time.sleep(0.002)
        raise AssertionError(f"no reply in {channel} within {timeout} s")

    def attempts(self, channels: list[str]) -> int:
        wanted = set(channels)
        return sum(
            1 for c in self.slack.calls_to("chat.postMessage", succeeded_only=False) if c.args.get("channel") in wanted
        )

    def wait_attempted(self, channels: list[str], timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            tried = {c.args.get("channel") for c in self.slack.calls_to("chat.postMessage", succeeded_only=False)}
            if set(channels) <= tried:
                return
            time.sleep(0.02)
        raise AssertionError("not every turn ran")

    def wait_hung(self, count: int, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while sum(1 for c in self.slack.calls_to("chat.postMessage", succeeded_only=False) if c.status == 0) < count:
            if time.monotonic() > deadline:
                raise AssertionError("no post hung")
            time.sleep(0.02)

    def posted(self) -> dict[str, int]:
        counts = dict.fromkeys(self.acknowledged, 0)
        for call in self.slack.calls_to("chat.postMessage"):
            channel = call.args.get("channel")
            if channel in counts:
                counts[channel] += 1
        return counts


def scenario(label: str, database_url: str, failures: list[str]) -> None:
    with SlackStandIn() as slack, tempfile.TemporaryDirectory() as folder:
        run = Run(slack, Path(folder), database_url)
        with ExitStack() as processes:
            url, first = processes.enter_context(run.web("first"))
            for _ in range(3):
                run.answered_in(url)  # warm-up (guides, store, templates)
            idle = [run.answered_in(url) for _ in range(10)]

            slack.fail("chat.postMessage", status=429, times=4, retry_after=20)
            waiting = [run.dm(url) for _ in range(4)]
            run.wait_attempted(waiting)
            unrelated = [run.answered_in(url) for _ in range(5)]
            baseline_ms, worst_ms = median(idle) * 1000, max(unrelated) * 1000
            print(
                f"   {label}: idle DM answered in {baseline_ms:.0f} ms (median of 10); with four replies waiting out "
                f"Retry-After 20 s, unrelated DMs in {median(unrelated) * 1000:.0f} ms median, {worst_ms:.0f} ms max "
                f"({worst_ms / baseline_ms:.2f}x idle; 19,500 ms before the outbox)"
            )
            check(failures, f"{label}: unrelated DM delay, max", worst_ms, UNRELATED_TARGET_MS, " ms")

            slack.fail("chat.postMessage", status=429, times=10**6, retry_after=1)
            batch = [run.dm(url) for _ in range(8)]
            run.wait_attempted(batch)
            time.sleep(0.3)  # some waiting on a timer (held), some back in the outbox
            first.terminate()
            first.wait(timeout=20)

            url, second = processes.enter_context(run.web("second"))
            slack.fail("chat.postMessage", status=500, times=10**6)
            batch = [run.dm(url) for _ in range(8)]
            run.wait_attempted(batch)
            slack.hang("chat.postMessage", seconds=3, times=10**6)
            run.wait_hung(2)
            kill_hard(second)  # while posts hang: none of them reached Slack

            slack.fail("chat.postMessage", times=0)
            processes.enter_context(run.web("third"))
            deadline = time.monotonic() + SETTLE_SECONDS
            while time.monotonic() < deadline and any(n != 1 for n in run.posted().values()):
                time.sleep(0.1)
            time.sleep(1.0)  # anything sent twice would show now
        counts = run.posted()
        once = sum(1 for n in counts.values() if n == 1)
        twice = sum(1 for n in counts.values() if n > 1)
        never = sum(1 for n in counts.values() if n == 0)
        share = 100.0 * once / len(counts)
        print(
            f"   {label}: {len(run.channels)} DMs sent, {len(counts)} acknowledged; answered exactly once "
            f"{once}/{len(counts)} = {share:.1f}% (never {never}, more than once {twice}); "
            f"{run.attempts(run.channels)} chat.postMessage attempts in all"
        )
        for channel in [c for c, n in counts.items() if n != 1]:
            statuses = [c.status for c in slack.calls_to("chat.postMessage", False) if c.args.get("channel") == channel]
            print(f"   {label}: {channel} posted {counts[channel]} times; attempts {statuses}")
        check(failures, f"{label}: acknowledged DMs not answered exactly once", 100.0 - share, 0.0, "%")


def run() -> list[str]:
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        scenario("SQLite", f"sqlite:///{Path(folder) / 'bench.sqlite3'}", failures)
    try:
        with postgres_schema() as url:
            scenario("PostgreSQL", url, failures)
    except BaseException as error:  # pytest.skip outside pytest: PostgreSQL unreachable
        if type(error).__name__ != "Skipped":
            raise
        failures.append(f"PostgreSQL unreachable: {error}")
    return failures
