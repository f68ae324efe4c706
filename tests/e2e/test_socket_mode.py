"""The Procfile's `worker:` line (Socket Mode) reaches Slack only through SLACK_API_URL."""

from __future__ import annotations

from tests.support.processes import process_env, start_procfile
from tests.support.slack_api import SlackStandIn


def test_worker_opens_its_connection_through_the_api_url(tmp_path):
    with SlackStandIn() as slack:
        slack.answer("apps.connections.open", {"ok": False, "error": "invalid_auth"})
        env = process_env(slack.api_url, tmp_path / "state", SLACK_BOT_TOKEN="xoxb-test", SLACK_APP_TOKEN="xapp-test")
        process = start_procfile("worker", env, tmp_path / "worker.log")
        assert process.wait(timeout=30) == 1
        log = (tmp_path / "worker.log").read_text()
        assert "could not open a Socket Mode connection: invalid_auth" in log
        [auth] = slack.calls_to("auth.test")
        assert auth.headers["authorization"] == "Bearer xoxb-test"
        [connect] = slack.calls_to("apps.connections.open")
        assert connect.headers["authorization"] == "Bearer xapp-test"


def test_worker_without_tokens_says_what_to_set(tmp_path):
    with SlackStandIn() as slack:
        env = process_env(slack.api_url, tmp_path / "state", SLACK_BOT_TOKEN="xoxb-test")
        process = start_procfile("worker", env, tmp_path / "worker.log")
        assert process.wait(timeout=30) == 2
        assert "set SLACK_APP_TOKEN" in (tmp_path / "worker.log").read_text()
        assert slack.calls == []
