"""The web process, started exactly as the Procfile's `web:` line says, against the Slack stand-in.

One server per test session: it is the expensive part (guides, gunicorn, workers) and the
tests do not disturb each other (each uses its own channel ids and event ids).
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.signing import Response, get, post, signed_headers
from tests.support.slack_api import SlackStandIn

ROOT = Path(__file__).resolve().parents[2]
SIGNING_SECRET = "e2e-signing-secret"
BOT_TOKEN = "xoxb-test"
READY_TIMEOUT = 30.0


def procfile_command(kind: str) -> str:
    for line in (ROOT / "Procfile").read_text().splitlines():
        name, sep, command = line.partition(":")
        if sep and name.strip() == kind:
            return command.strip()
    raise AssertionError(f"Procfile has no {kind}: line")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def process_env(slack: SlackStandIn, state_dir: Path, **extra: str) -> dict[str, str]:
    """The environment a platform would give the process, with the project's venv on PATH."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "COMP_COACH_", "DATABASE_URL"))}
    env.update(
        PATH=f"{ROOT / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_API_URL=slack.api_url,
        COMP_COACH_STATE_DIR=str(state_dir),
        **extra,
    )
    return env


def start_procfile(kind: str, env: dict[str, str], log_path: Path) -> subprocess.Popen:
    """Run a Procfile line as a platform does (`sh -c`), `exec`ed so the pid is the server's."""
    log = log_path.open("wb")
    return subprocess.Popen(
        ["/bin/sh", "-c", "exec " + procfile_command(kind)], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class WebProcess:
    url: str
    process: subprocess.Popen
    log_path: Path
    slack: SlackStandIn

    def post(
        self, body: bytes, content_type: str, headers: dict | None = None, timestamp: int | None = None
    ) -> Response:
        signed = signed_headers(SIGNING_SECRET, body, content_type, timestamp)
        return post(self.url + "/slack/events", body, {**signed, **(headers or {})})

    def command(self, body: bytes) -> Response:
        return self.post(body, "application/x-www-form-urlencoded")

    def event(self, body: bytes, headers: dict | None = None) -> Response:
        return self.post(body, "application/json", headers)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_log(self, text: str, count: int = 1, timeout: float = 10.0) -> None:
        """Wait until the process logged `text` (`count` times): how tests know background work ended."""
        deadline = time.monotonic() + timeout
        while self.log().count(text) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} not logged {count} times in {timeout} s")
            time.sleep(0.02)


def wait_healthy(url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"web process exited {process.returncode}:\n{log_path.read_text()}")
        try:
            if get(url + "/healthz", timeout=1).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.02)
    raise AssertionError(f"/healthz not 200 after {READY_TIMEOUT} s:\n{log_path.read_text()}")


@pytest.fixture(scope="session")
def slack() -> Iterator[SlackStandIn]:
    with SlackStandIn() as stand_in:
        yield stand_in


@pytest.fixture(scope="session")
def web(slack: SlackStandIn, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebProcess]:
    folder = tmp_path_factory.mktemp("web")
    port = free_port()
    env = process_env(slack, folder / "state", PORT=str(port), LOG_LEVEL="DEBUG")
    log_path = folder / "web.log"
    process = start_procfile("web", env, log_path)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process, log_path)
        yield WebProcess(url, process, log_path, slack)
    finally:
        stop(process)
