"""A small local stand-in for the Slack Web API, for tests that run the real app.

It listens on a free loopback port in a thread, records every call (method, arguments
from the form or JSON body, headers) and answers like Slack does: `auth.test` with the
bot's identity, `chat.postMessage` with a channel and a fresh `ts`, `chat.postEphemeral`,
`views.open`, `views.publish` and `chat.delete` like Slack, anything unknown with
`{"ok": false, "error": "unknown_method"}`; `answer_when(method, match, payload)` gives
one kind of call its own answer (`not_in_channel`, `expired_trigger_id`).
`fail(method, status, times)` makes the next calls of a method answer 429 (with
`Retry-After`) or 5xx; `hang(method, seconds, times)` makes them get no answer at all (the
connection is closed after `seconds`, nothing posted: status 0 in `calls`). Posts to
`response_url(...)` addresses are recorded too, under the method name `response_url`.

    with SlackStandIn() as slack:
        env["SLACK_API_URL"] = slack.api_url
        ...
        [call] = slack.wait_for("chat.postMessage")
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

API_PREFIX = "/api/"
RESPONSE_PREFIX = "/response/"


@dataclass
class Call:
    method: str  # Web API method, or "response_url"
    args: dict
    headers: dict
    path: str
    status: int = 200
    at: float = field(default_factory=time.monotonic)


@dataclass
class Failure:
    status: int
    times: int
    retry_after: int | None
    hang: float = 0.0  # seconds before the connection is dropped unanswered (status 0)


class SlackStandIn:
    def __init__(self, team_id: str = "T0TEAM", bot_user_id: str = "U0BOT", bot_id: str = "B0BOT") -> None:
        self.team_id = team_id
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.calls: list[Call] = []
        self.answers: dict[str, dict] = {}
        self._rules: list[tuple[str, dict, dict]] = []
        self._failures: dict[str, Failure] = {}
        self._lock = threading.Condition()
        self._ts = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- life cycle ---------------------------------------------------------------------------

    def start(self) -> SlackStandIn:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                stand_in._handle(self)

            do_GET = do_POST  # noqa: N815

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="slack-stand-in", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> SlackStandIn:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start() first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        """What SLACK_API_URL should be."""
        return self.base_url + API_PREFIX

    def response_url(self, name: str = "command") -> str:
        return f"{self.base_url}{RESPONSE_PREFIX}{name}"

    # --- steering --------------------------------------------------------------------------------

    def fail(self, method: str, status: int = 429, times: int = 1, retry_after: int | None = 1) -> None:
        """The next `times` calls of `method` answer `status` (429 carries `Retry-After`)."""
        with self._lock:
            self._failures[method] = Failure(status, times, retry_after if status == 429 else None)

    def hang(self, method: str, seconds: float, times: int = 1) -> None:
        """The next `times` calls of `method` get no answer: closed after `seconds`, not posted."""
        with self._lock:
            self._failures[method] = Failure(0, times, None, hang=seconds)

    def answer(self, method: str, payload: dict) -> None:
        """Answer `method` with this JSON from now on."""
        with self._lock:
            self.answers[method] = payload

    def answer_when(self, method: str, match: dict, payload: dict) -> None:
        """Answer `method` with this JSON whenever a call's arguments include every item of
        `match` (e.g. `chat.postMessage` to one channel answers `not_in_channel`)."""
        with self._lock:
            self._rules.append((method, match, payload))

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self._failures.clear()

    # --- reading what happened ---------------------------------------------------------------------

    def calls_to(self, method: str, succeeded_only: bool = True) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method and (c.status == 200 or not succeeded_only)]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0, succeeded_only: bool = True) -> list[Call]:
        """Wait until `count` calls of `method` arrived; return them (AssertionError on timeout)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [c for c in self.calls if c.method == method and (c.status == 200 or not succeeded_only)]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"{len(found)} {method} calls after {timeout} s, wanted {count}")
                self._lock.wait(remaining)

    # --- serving ---------------------------------------------------------------------------------

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        url = urlsplit(request.path)
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length) if length else b""
        args = dict(parse_qsl(url.query))
        content_type = request.headers.get("Content-Type", "")
        if raw and content_type.startswith("application/json"):
            args.update(json.loads(raw))
        elif raw:
            args.update(parse_qsl(raw.decode()))
        headers = {k.lower(): v for k, v in request.headers.items()}

        if url.path.startswith(RESPONSE_PREFIX):
            method = "response_url"
        elif url.path.startswith(API_PREFIX):
            method = url.path[len(API_PREFIX) :]
        else:
            method = url.path
        call = Call(method, args, headers, url.path)
        status, extra_headers, payload = self._reply(method, call)
        call.status = status
        with self._lock:
            self.calls.append(call)
            self._lock.notify_all()
        if status == 0:  # hung: no answer, then the connection drops
            time.sleep(payload["hang"])
            request.close_connection = True
            return
        body = json.dumps(payload).encode() if method != "response_url" or status != 200 else b"ok"
        request.send_response(status)
        request.send_header("Content-Type", "application/json; charset=utf-8")
        request.send_header("Content-Length", str(len(body)))
        for name, value in extra_headers.items():
            request.send_header(name, value)
        request.end_headers()
        request.wfile.write(body)

    def _reply(self, method: str, call: Call) -> tuple[int, dict, dict]:
        with self._lock:
            failure = self._failures.get(method)
            if failure and failure.times > 0:
                failure.times -= 1
                if failure.hang:
                    return 0, {}, {"hang": failure.hang}
                headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after is not None else {}
                error = "ratelimited" if failure.status == 429 else "fatal_error"
                return failure.status, headers, {"ok": False, "error": error}
            canned = next(
                (
                    payload
                    for rule_method, match, payload in self._rules
                    if rule_method == method and all(call.args.get(k) == v for k, v in match.items())
                ),
                self.answers.get(method),
            )
        if canned is not None:
            return 200, {}, canned
        if method == "response_url":
            return 200, {}, {}
        if method == "auth.test":
            return 200, {}, self._auth_test()
        if method == "chat.postMessage":
            return 200, {}, self._posted(call.args)
        if method == "chat.postEphemeral":
            return 200, {}, self._ephemeral(call.args)
        if method in ("views.open", "views.publish"):
            return 200, {}, self._view(method, call.args)
        if method == "chat.delete":
            return 200, {}, {"ok": True, "channel": call.args.get("channel"), "ts": call.args.get("ts")}
        if method == "apps.connections.open":
            return 200, {}, {"ok": False, "error": "invalid_auth"}
        return 200, {}, {"ok": False, "error": "unknown_method"}

    def _auth_test(self) -> dict:
        return {
            "ok": True,
            "url": "https://comp-coach-test.slack.com/",
            "team": "Comp Coach Test",
            "user": "comp_coach",
            "team_id": self.team_id,
            "user_id": self.bot_user_id,
            "bot_id": self.bot_id,
            "is_enterprise_install": False,
        }

    def _ephemeral(self, args: dict) -> dict:
        if not args.get("channel") or not args.get("user"):
            return {"ok": False, "error": "channel_not_found" if not args.get("channel") else "user_not_in_channel"}
        if not (args.get("text") or args.get("blocks")):
            return {"ok": False, "error": "no_text"}
        return {"ok": True, "message_ts": f"{int(time.time())}.{next(self._ts):06d}"}

    def _view(self, method: str, args: dict) -> dict:
        view = args.get("view")
        if isinstance(view, str):
            view = json.loads(view)
        if not isinstance(view, dict) or not view.get("blocks"):
            return {"ok": False, "error": "invalid_arguments"}
        if method == "views.open" and not args.get("trigger_id"):
            return {"ok": False, "error": "invalid_trigger_id"}
        if method == "views.publish" and not args.get("user_id"):
            return {"ok": False, "error": "invalid_arguments"}
        return {"ok": True, "view": {**view, "id": f"V{next(self._ts):08d}"}}

    def _posted(self, args: dict) -> dict:
        channel = args.get("channel")
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        if not (args.get("text") or args.get("blocks")):
            return {"ok": False, "error": "no_text"}
        ts = f"{int(time.time())}.{next(self._ts):06d}"
        message = {
            "type": "message",
            "user": self.bot_user_id,
            "bot_id": self.bot_id,
            "text": args.get("text"),
            "ts": ts,
        }
        if args.get("thread_ts"):
            message["thread_ts"] = args["thread_ts"]
        return {"ok": True, "channel": channel, "ts": ts, "message": message}
