"""Requests signed exactly as Slack signs them, and the bodies Slack sends.

Slack's v0 signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` keyed with
the app's signing secret, in `X-Slack-Signature`, with the timestamp in
`X-Slack-Request-Timestamp`. Slash commands arrive form-encoded; Events API callbacks
as JSON.

Enterprise Grid: `enterprise=` (the org's id) adds what Slack adds for a request from a
workspace of an org: `enterprise_id` (and `enterprise_name` on commands); `org=True` marks it as
answered by an org-wide install: `is_enterprise_install=true` on commands, and on events an
`authorizations` entry naming the org with `team_id: null` and `is_enterprise_install: true`
(the outer `team_id` stays the workspace the event happened in; `team=None` leaves it out).
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlencode

_ids = itertools.count(1)


def signature(secret: str, timestamp: int | str, body: bytes) -> str:
    base = b"v0:" + str(timestamp).encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed_headers(secret: str, body: bytes, content_type: str, timestamp: int | None = None) -> dict[str, str]:
    timestamp = int(time.time()) if timestamp is None else timestamp
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(timestamp),
        "X-Slack-Signature": signature(secret, timestamp, body),
    }


def slash_command_body(
    text: str,
    response_url: str,
    command: str = "/comp",
    user: str = "U0PERSON",
    team: str = "T0TEAM",
    enterprise: str | None = None,
    enterprise_name: str | None = None,
    org: bool = False,
) -> bytes:
    grid = (
        {"enterprise_id": enterprise, "enterprise_name": enterprise_name or f"Org {enterprise}"} if enterprise else {}
    )
    return urlencode(
        {
            "token": "deprecated-verification-token",
            "team_id": team,
            "team_domain": "comp-coach-test",
            **grid,
            "channel_id": "C0GENERAL",
            "channel_name": "general",
            "user_id": user,
            "user_name": "person",
            "command": command,
            "text": text,
            "api_app_id": "A0COMPCOACH",
            "is_enterprise_install": "true" if org else "false",
            "response_url": response_url,
            "trigger_id": f"1.{next(_ids)}.abc",
        }
    ).encode()


def event_body(
    event: dict,
    event_id: str | None = None,
    team: str | None = "T0TEAM",
    enterprise: str | None = None,
    org: bool = False,
    bot_user: str = "U0BOT",
) -> bytes:
    body: dict = {"token": "deprecated-verification-token"}
    if enterprise:
        body["enterprise_id"] = enterprise
    if team:
        body["team_id"] = team
    authorization: dict = {"team_id": team, "user_id": bot_user, "is_bot": True}
    if enterprise:
        authorization = {
            "enterprise_id": enterprise,
            "team_id": None if org else team,
            "user_id": bot_user,
            "is_bot": True,
            "is_enterprise_install": org,
        }
    body.update(
        api_app_id="A0COMPCOACH",
        event=event,
        type="event_callback",
        event_id=event_id or f"Ev{next(_ids):08d}",
        event_time=int(time.time()),
        authorizations=[authorization],
    )
    if enterprise:
        body.update(is_ext_shared_channel=False, event_context=f"4-{enterprise}-{team}")
    return json.dumps(body).encode()


def new_ts() -> str:
    return f"{int(time.time())}.{next(_ids):06d}"


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    def json(self) -> dict:
        return json.loads(self.body)


def post(url: str, body: bytes, headers: dict[str, str], timeout: float = 10.0) -> Response:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Response(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, dict(error.headers), error.read())


def get(url: str, timeout: float = 5.0) -> Response:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return Response(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, dict(error.headers), error.read())
