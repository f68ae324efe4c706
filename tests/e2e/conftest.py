"""The web process, started exactly as the Procfile's `web:` line says, against the Slack stand-in.

One server per test session: it is the expensive part (guides, gunicorn, workers) and the
tests do not disturb each other (each uses its own channel ids and event ids).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.processes import (
    ProcessLog,
    free_port,
    process_env,
    start_healthy,
    stop,
)
from tests.support.signing import Response, post, signed_headers
from tests.support.slack_api import SlackStandIn

SIGNING_SECRET = "e2e-signing-secret"
BOT_TOKEN = "xoxb-test"


@dataclass
class WebProcess(ProcessLog):
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


@pytest.fixture(scope="session")
def slack() -> Iterator[SlackStandIn]:
    with SlackStandIn() as stand_in:
        yield stand_in


def start_web(slack: SlackStandIn, folder: Path, **extra_env: str) -> WebProcess:
    """The Procfile's `web:` line on a free port, signed and tokened for the stand-in, with a
    state folder of its own under `folder`; returns once `/healthz` answers 200."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = process_env(
        slack.api_url,
        folder / "state",
        PORT=str(port),
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        **extra_env,
    )
    log_path = folder / "web.log"
    url = f"http://127.0.0.1:{port}"
    return WebProcess(url, start_healthy("web", env, log_path, url), log_path, slack)


@pytest.fixture(scope="session")
def web(slack: SlackStandIn, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebProcess]:
    # DEBUG: the privacy test reads everything the process logged.
    process = start_web(slack, tmp_path_factory.mktemp("web"), LOG_LEVEL="DEBUG")
    try:
        yield process
    finally:
        stop(process.process)
