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

Many workspaces (OAuth mode): `add_workspace(team_id)` makes a workspace that can install
the app. `GET authorize_url` (what `SLACK_AUTHORIZE_URL` should be) plays the person approving
on Slack's page: it redirects to `redirect_uri` with a one-time code (or `error=access_denied`
when `deny=1`); `oauth.v2.access` exchanges the code for that workspace's bot token (checking
the client id and secret) and, with `rotation=True`, refreshes it (`grant_type=refresh_token`);
`auth.test` answers for the workspace whose token it is, and `invalid_auth` for a revoked one;
`uninstall(team_id)` revokes the workspace's tokens. Every call records the token it used
(`Call.token`), so tests see which workspace's token each `chat.postMessage` carried.

Enterprise Grid: `add_enterprise(enterprise_id, name, workspaces)` declares an org and the
workspaces under it. Approving with `team=<enterprise id>` is an org-wide install: one bot token
for the whole org, `oauth.v2.access` answering as Slack does for one (`is_enterprise_install:
true`, `enterprise: {id, name}`, `team: null`), `auth.test` for that token with `enterprise_id`,
`is_enterprise_install: true` and the org's id as `team_id`. A workspace of an org can still be
installed on its own (`team=<its team id>`): a workspace install whose answers also name its
`enterprise`. `uninstall(enterprise_id)` revokes the org's tokens.

    with SlackStandIn() as slack:
        env["SLACK_API_URL"] = slack.api_url
        ...
        [call] = slack.wait_for("chat.postMessage")
"""

from __future__ import annotations

import base64
import itertools
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlencode, urlsplit

API_PREFIX = "/api/"
RESPONSE_PREFIX = "/response/"
AUTHORIZE_PATH = "/oauth/v2/authorize"
APP_ID = "A0COMPCOACH"
CLIENT_ID = "1111.2222"
CLIENT_SECRET = "stand-in-client-secret"


@dataclass
class Call:
    method: str  # Web API method, or "response_url"
    args: dict
    headers: dict
    path: str
    status: int = 200
    at: float = field(default_factory=time.monotonic)

    @property
    def token(self) -> str | None:
        """The token the call was made with (`Authorization: Bearer`, or a `token` argument)."""
        authorization = self.headers.get("authorization", "")
        if authorization.startswith("Bearer "):
            return authorization[len("Bearer ") :]
        return self.args.get("token")


@dataclass
class Workspace:
    team_id: str
    name: str
    bot_user_id: str
    bot_id: str
    installer: str = "U0INSTALLER"
    tokens: list[str] = field(default_factory=list)  # every bot token issued, newest last
    refresh_token: str | None = None
    enterprise_id: str | None = None  # the Enterprise Grid org it belongs to, if any

    @property
    def token(self) -> str | None:
        return self.tokens[-1] if self.tokens else None


@dataclass
class Enterprise:
    """An Enterprise Grid org: installed org-wide, one bot (and token) serves all its workspaces."""

    enterprise_id: str
    name: str
    bot_user_id: str
    bot_id: str
    workspaces: list[str] = field(default_factory=list)  # team ids of the workspaces under it
    installer: str = "W0INSTALLER"  # Grid user ids are org-wide (`W...`)
    tokens: list[str] = field(default_factory=list)
    refresh_token: str | None = None

    @property
    def token(self) -> str | None:
        return self.tokens[-1] if self.tokens else None

    @property
    def team_id(self) -> str:  # what the stand-in's token bookkeeping keys installations by
        return self.enterprise_id


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
        # OAuth: workspaces that can install, one-time codes, live and revoked tokens.
        self.client_id, self.client_secret = CLIENT_ID, CLIENT_SECRET
        self.rotation = False  # issue refresh tokens and short-lived bot tokens
        self.token_lifetime = 43200  # seconds, as Slack's rotating tokens (12 hours)
        self.redirect_uri: str | None = None  # the app's configured redirect URL
        self.workspaces: dict[str, Workspace] = {}
        self.enterprises: dict[str, Enterprise] = {}
        self._codes: dict[str, str] = {}  # code -> team id (or enterprise id: an org-wide install)
        self._token_teams: dict[str, str] = {}  # live bot token -> team id (or enterprise id)
        self._revoked: set[str] = set()

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

    def add_workspace(self, team_id: str, name: str | None = None) -> Workspace:
        """A workspace that can install the app (its bot user and bot ids derive from the team id)."""
        with self._lock:
            workspace = Workspace(team_id, name or f"Workspace {team_id}", f"U{team_id}BOT", f"B{team_id}BOT")
            self.workspaces[team_id] = workspace
            return workspace

    def add_enterprise(
        self, enterprise_id: str, name: str | None = None, workspaces: tuple[str, ...] = ()
    ) -> Enterprise:
        """An Enterprise Grid org and the workspaces under it (each can also install on its own)."""
        with self._lock:
            enterprise = Enterprise(
                enterprise_id,
                name or f"Org {enterprise_id}",
                f"U{enterprise_id}BOT",
                f"B{enterprise_id}BOT",
                workspaces=list(workspaces),
            )
            self.enterprises[enterprise_id] = enterprise
        for team_id in workspaces:
            self.add_workspace(team_id).enterprise_id = enterprise_id
        return enterprise

    def _installable(self, key: str | None) -> Workspace | Enterprise | None:
        """What a code or token was issued for: a workspace (team id) or an org (enterprise id)."""
        return self.workspaces.get(key or "") or self.enterprises.get(key or "")

    def uninstall(self, team_id: str) -> None:
        """The workspace (or, given an enterprise id, the org-wide install) removed the app: its
        tokens stop working (Slack then sends app_uninstalled)."""
        with self._lock:
            workspace = self._installable(team_id)
            assert workspace is not None, team_id
            for token in workspace.tokens:
                self._token_teams.pop(token, None)
                self._revoked.add(token)
            workspace.refresh_token = None

    def issue_token(self, team_id: str) -> str:
        """A new bot token for a declared workspace (or org, by its enterprise id), as its
        installation would get: for tests that save installations themselves."""
        with self._lock:
            return self._issue(self._installable(team_id), installing=True)["access_token"]

    @property
    def authorize_url(self) -> str:
        """What SLACK_AUTHORIZE_URL should be."""
        return self.base_url + AUTHORIZE_PATH

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

    def wait_posted(self, channel: str, timeout: float = 15.0) -> Call:
        """The first chat.postMessage to `channel`, once it arrived (AssertionError on timeout)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [c for c in self.calls_to("chat.postMessage") if c.args.get("channel") == channel]
                if found:
                    return found[0]
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"nothing posted to {channel}")
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

        if url.path == AUTHORIZE_PATH:
            self._authorize_page(request, Call("authorize", args, headers, url.path))
            return
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
            revoked = call.token in self._revoked and method not in ("oauth.v2.access", "response_url")
        if revoked:  # an uninstalled workspace's token works for nothing any more
            return 200, {}, {"ok": False, "error": "token_revoked"}
        if canned is not None:
            return 200, {}, canned
        if method == "response_url":
            return 200, {}, {}
        if method == "auth.test":
            return 200, {}, self._auth_test(call.token)
        if method == "oauth.v2.access":
            return 200, {}, self._oauth_access(call)
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

    def _auth_test(self, token: str | None) -> dict:
        with self._lock:
            if token in self._revoked:
                return {"ok": False, "error": "token_revoked"}
            workspace = self._installable(self._token_teams.get(token or ""))
        if isinstance(workspace, Enterprise):  # an org-wide install's token: the org is the "team"
            return {
                "ok": True,
                "url": f"https://{workspace.enterprise_id.lower()}.enterprise.slack.com/",
                "team": workspace.name,
                "user": "comp_coach",
                "team_id": workspace.enterprise_id,
                "user_id": workspace.bot_user_id,
                "bot_id": workspace.bot_id,
                "enterprise_id": workspace.enterprise_id,
                "is_enterprise_install": True,
            }
        if workspace is not None:  # a token this stand-in issued over OAuth
            answer = {
                "ok": True,
                "url": f"https://{workspace.team_id.lower()}.slack.com/",
                "team": workspace.name,
                "user": "comp_coach",
                "team_id": workspace.team_id,
                "user_id": workspace.bot_user_id,
                "bot_id": workspace.bot_id,
                "is_enterprise_install": False,
            }
            if workspace.enterprise_id:  # a workspace of a Grid org, installed on its own
                answer["enterprise_id"] = workspace.enterprise_id
            return answer
        return {  # any other token: the one workspace of single-workspace mode
            "ok": True,
            "url": "https://comp-coach-test.slack.com/",
            "team": "Comp Coach Test",
            "user": "comp_coach",
            "team_id": self.team_id,
            "user_id": self.bot_user_id,
            "bot_id": self.bot_id,
            "is_enterprise_install": False,
        }

    # --- OAuth -------------------------------------------------------------------------------------

    def _authorize_page(self, request: BaseHTTPRequestHandler, call: Call) -> None:
        """Slack's "Add to Slack" page, approved (or, with `deny=1`, cancelled) at once: a redirect
        to the app's redirect URL with a one-time code and the app's state."""
        args = call.args
        with self._lock:
            team_id = args.get("team") or next(iter(self.workspaces), None)
            redirect = args.get("redirect_uri") or self.redirect_uri
            problem = None
            if args.get("client_id") != self.client_id:
                problem = "invalid_client_id"
            elif self._installable(team_id) is None or not redirect:
                problem = "bad_redirect_uri" if not redirect else "invalid_team"
            if problem is None:
                if args.get("deny"):
                    query = {"error": "access_denied", "state": args.get("state", "")}
                else:
                    code = secrets.token_hex(8)
                    self._codes[code] = team_id
                    query = {"code": code, "state": args.get("state", "")}
            call.status = 302 if problem is None else 400
            self.calls.append(call)
            self._lock.notify_all()
        if problem is not None:
            body = json.dumps({"ok": False, "error": problem}).encode()
            request.send_response(400)
            request.send_header("Content-Type", "application/json; charset=utf-8")
            request.send_header("Content-Length", str(len(body)))
            request.end_headers()
            request.wfile.write(body)
            return
        request.send_response(302)
        request.send_header("Location", f"{redirect}?{urlencode(query)}")
        request.send_header("Content-Length", "0")
        request.end_headers()

    def _client_authenticated(self, call: Call) -> bool:
        authorization = call.headers.get("authorization", "")
        if authorization.startswith("Basic "):
            client_id, _, secret = base64.b64decode(authorization[6:]).decode().partition(":")
        else:
            client_id, secret = call.args.get("client_id", ""), call.args.get("client_secret", "")
        return client_id == self.client_id and secret == self.client_secret

    def _oauth_access(self, call: Call) -> dict:
        if not self._client_authenticated(call):
            return {"ok": False, "error": "invalid_client_id"}
        with self._lock:
            if call.args.get("grant_type") == "refresh_token":
                refresh = call.args.get("refresh_token")
                installed = [*self.workspaces.values(), *self.enterprises.values()]
                workspace = next((w for w in installed if refresh and w.refresh_token == refresh), None)
                if workspace is None:
                    return {"ok": False, "error": "invalid_refresh_token"}
                return self._issue(workspace, installing=False)
            team_id = self._codes.pop(call.args.get("code") or "", None)  # a code works once
            if team_id is None:
                return {"ok": False, "error": "invalid_code"}
            return self._issue(self._installable(team_id), installing=True)

    def _issue(self, workspace: Workspace | Enterprise, installing: bool) -> dict:
        """A new bot token for the workspace or org (under the lock). Rotation keeps the previous
        token valid until it expires, as Slack does; an uninstall revokes them all. An org-wide
        install is answered as Slack documents it: `team` null, `enterprise` and
        `is_enterprise_install: true`."""
        token = f"xoxb-{workspace.team_id}-{len(workspace.tokens) + 1}-{secrets.token_hex(4)}"
        workspace.tokens.append(token)
        self._token_teams[token] = workspace.team_id
        answer = {
            "ok": True,
            "app_id": APP_ID,
            "scope": "commands,chat:write,app_mentions:read,im:history",
            "token_type": "bot",
            "access_token": token,
            "bot_user_id": workspace.bot_user_id,
            "team": {"id": workspace.team_id, "name": workspace.name},
            "enterprise": None,
            "is_enterprise_install": False,
        }
        if isinstance(workspace, Enterprise):
            answer.update(
                team=None,
                enterprise={"id": workspace.enterprise_id, "name": workspace.name},
                is_enterprise_install=True,
            )
        elif workspace.enterprise_id:
            org = self.enterprises[workspace.enterprise_id]
            answer["enterprise"] = {"id": org.enterprise_id, "name": org.name}
        if installing:
            answer["authed_user"] = {"id": workspace.installer}
        if self.rotation:
            workspace.refresh_token = f"xoxe-1-{workspace.team_id}-{secrets.token_hex(6)}"
            answer.update(refresh_token=workspace.refresh_token, expires_in=self.token_lifetime)
        return answer

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
