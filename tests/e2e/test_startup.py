"""Start-up of the Procfile processes against the stand-in: Socket Mode reaches Slack only
through SLACK_API_URL, and a refused token stops a process with a clear line."""

from __future__ import annotations

from urllib.parse import parse_qsl

from tests.support.processes import process_env, start_procfile, stop
from tests.support.signing import new_ts, slash_command_body
from tests.support.slack_api import SlackStandIn
from tests.support.socket_mode import SocketModeStandIn


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


def test_worker_answers_over_socket_mode(tmp_path):
    """The `worker:` line end to end: a slash command acked with the answer over the socket, and
    a mention answered in a thread through the Web API stand-in."""
    socket = SocketModeStandIn()
    with SlackStandIn() as slack:
        slack.answer("apps.connections.open", {"ok": True, "url": socket.url})
        env = process_env(slack.api_url, tmp_path / "state", SLACK_BOT_TOKEN="xoxb-test", SLACK_APP_TOKEN="xapp-test")
        process = start_procfile("worker", env, tmp_path / "worker.log")
        try:
            socket.wait_connected()
            command = dict(parse_qsl(slash_command_body("planetscale ml remote", slack.response_url()).decode()))
            socket.send(
                {"envelope_id": "env-1", "type": "slash_commands", "accepts_response_payload": True, "payload": command}
            )
            ack = socket.wait_for_ack("env-1")
            assert ack["payload"]["response_type"] == "ephemeral"
            assert "$155K–$220K" in ack["payload"]["text"] and ack["payload"]["blocks"]

            mention = {
                "type": "app_mention",
                "user": "U0PERSON",
                "text": "<@U0BOT> planetscale ml remote",
                "ts": new_ts(),
                "channel": "C0SOCKET",
            }
            body = {"type": "event_callback", "team_id": "T0TEAM", "event_id": "EvSOCKET1", "event": mention}
            socket.send(
                {"envelope_id": "env-2", "type": "events_api", "accepts_response_payload": False, "payload": body}
            )
            assert socket.wait_for_ack("env-2")["envelope_id"] == "env-2"
            [post] = slack.wait_for("chat.postMessage")
            assert post.args["channel"] == "C0SOCKET" and post.args["thread_ts"] == mention["ts"]
            assert socket.connections == 1
        finally:
            exit_status = stop(process)
            socket.close()
    log = (tmp_path / "worker.log").read_text()
    assert exit_status == 0 and "disconnected from Slack" in log, "SIGTERM stops the worker cleanly"
    assert "Traceback" not in log and "planetscale" not in log
