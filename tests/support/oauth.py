"""OAuth mode in tests: the web process started for many workspaces, and installing a
workspace the way a browser does (the install page, Slack's approval at the stand-in, the
redirect back with the state cookie)."""

from __future__ import annotations

import html
import http.client
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.support.processes import (
    ProcessLog,
    free_port,
    process_env,
    start_healthy,
    stop,
)
from tests.support.signing import Response, event_body, post, signed_headers, slash_command_body
from tests.support.slack_api import SlackStandIn

SIGNING_SECRET = "oauth-signing-secret"
STATE_COOKIE = "slack-app-oauth-state"


def fetch(url: str, headers: dict[str, str] | None = None) -> Response:
    """A GET that does not follow redirects (the test plays the browser, step by step)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=15)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers or {})
        response = connection.getresponse()
        return Response(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        connection.close()


@dataclass
class OAuthWeb(ProcessLog):
    url: str
    process: subprocess.Popen
    log_path: Path
    slack: SlackStandIn
    log_timeout = 15.0  # installing and authorizing run first

    def post(self, body: bytes, content_type: str) -> Response:
        return post(self.url + "/slack/events", body, signed_headers(SIGNING_SECRET, body, content_type))

    def command(self, text: str, team: str, user: str = "U0PERSON", name: str = "command", **grid) -> Response:
        """`grid`: `enterprise=`, `enterprise_name=`, `org=` for a workspace of an Enterprise Grid
        org (tests/support/signing.py)."""
        body = slash_command_body(text, self.slack.response_url(name), user=user, team=team, **grid)
        return self.post(body, "application/x-www-form-urlencoded")

    def event(self, event: dict, team: str | None, event_id: str | None = None, **grid) -> Response:
        """`grid`: `enterprise=`, `org=`, `bot_user=` (tests/support/signing.py); an org-wide
        install's authorization names the org's bot user unless told otherwise."""
        enterprise = self.slack.enterprises.get(grid.get("enterprise") or "")
        if grid.get("org") and enterprise is not None:
            grid.setdefault("bot_user", enterprise.bot_user_id)
        return self.post(event_body(event, event_id, team=team, **grid), "application/json")

    def action(self, payload: dict) -> Response:
        """An interactivity payload (tests/support/interactivity.py), form-encoded and signed."""
        from tests.support.interactivity import FORM, form_body

        return self.post(form_body(payload), FORM)

    def stop(self) -> None:
        stop(self.process)

    # --- installing ----------------------------------------------------------------------------

    def install_page(self, team: str | None = None) -> tuple[Response, str, str]:
        """`GET /slack/install`: the page, its "Add to Slack" link, and the state cookie it set."""
        page = fetch(self.url + "/slack/install" + (f"?team={team}" if team else ""))
        assert page.status == 200, page
        [link] = re.findall(r'<a class="button" href="([^"]+)"', page.body.decode())
        cookie = page.headers["set-cookie"].split(";")[0]
        assert cookie.startswith(STATE_COOKIE + "=")
        return page, html.unescape(link), cookie

    def approve(self, link: str, deny: bool = False) -> str:
        """The person on Slack's page (the stand-in): the redirect URL Slack sends them back to."""
        answer = fetch(link + ("&deny=1" if deny else ""))
        assert answer.status == 302, answer
        return answer.headers["location"]

    def install(self, team: str, redirect_to: OAuthWeb | None = None) -> Response:
        """The whole flow for one workspace (or, given an enterprise id, org-wide for a Grid org);
        the redirect lands on `redirect_to` (default: here)."""
        _, link, cookie = self.install_page(team)
        self.slack.redirect_uri = (redirect_to or self).url + "/slack/oauth_redirect"
        return fetch(self.approve(link), {"Cookie": cookie})


def state_of(link: str) -> str:
    return parse_qs(urlsplit(link).query)["state"][0]


def start_oauth_web(slack: SlackStandIn, folder: Path, **extra_env: str) -> OAuthWeb:
    """The Procfile's `web:` line in OAuth mode (client id and secret, no bot token)."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = process_env(
        slack.api_url,
        folder / "state",
        PORT=str(port),
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_CLIENT_ID=slack.client_id,
        SLACK_CLIENT_SECRET=slack.client_secret,
        SLACK_AUTHORIZE_URL=slack.authorize_url,
        **extra_env,
    )
    log_path = folder / f"web-{port}.log"
    url = f"http://127.0.0.1:{port}"
    return OAuthWeb(url, start_healthy("web", env, log_path, url), log_path, slack)
