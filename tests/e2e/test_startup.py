"""Start-up of the Procfile processes against the stand-in: Socket Mode reaches Slack only
through SLACK_API_URL, and a refused token stops a process with a clear line."""

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


def test_web_process_with_a_refused_token_stops_with_a_clear_line(tmp_path):
    from tests.support.processes import free_port

    with SlackStandIn() as slack:
        slack.answer("auth.test", {"ok": False, "error": "invalid_auth"})
        env = process_env(
            slack.api_url,
            tmp_path / "state",
            SLACK_BOT_TOKEN="xoxb-revoked",
            SLACK_SIGNING_SECRET="secret",
            PORT=str(free_port()),
        )
        process = start_procfile("web", env, tmp_path / "web.log")
        assert process.wait(timeout=30) == 3
        log = (tmp_path / "web.log").read_text()
        assert "Slack refused the bot token" in log and "invalid_auth" in log
        assert "Traceback" not in log
