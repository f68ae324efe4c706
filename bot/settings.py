"""Configuration from the environment (see docs: the interface's Environment table).

A pydantic model filled from `os.environ`, rather than pydantic-settings: importing
pydantic-settings (it pulls in asyncio, dotenv and the cloud secret providers) measured
~150 ms on this machine, more than a third of the 400 ms budget from process start to a
first `/comp` answer (bench/lookup.py). We need only exact variable names, no files, no
nesting, so one mapping does the job; validation and types stay pydantic's.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

DEFAULT_API_URL = "https://slack.com/api/"
DEFAULT_AUTHORIZE_URL = "https://slack.com/oauth/v2/authorize"
DEFAULT_STATE_DIR = Path("~/.local/state/comp-coach")

# Field -> the environment variable that sets it.
ENVIRONMENT: dict[str, str] = {
    "slack_bot_token": "SLACK_BOT_TOKEN",
    "slack_signing_secret": "SLACK_SIGNING_SECRET",
    "slack_app_token": "SLACK_APP_TOKEN",
    "slack_client_id": "SLACK_CLIENT_ID",
    "slack_client_secret": "SLACK_CLIENT_SECRET",
    "slack_api_url": "SLACK_API_URL",
    "slack_authorize_url": "SLACK_AUTHORIZE_URL",
    "port": "PORT",
    "database_url": "DATABASE_URL",
    "state_dir": "COMP_COACH_STATE_DIR",
    "guides": "COMP_COACH_GUIDES",
    "log_level": "LOG_LEVEL",
    "case_ttl_days": "COMP_COACH_CASE_TTL_DAYS",
    "purge_every_seconds": "COMP_COACH_PURGE_SECONDS",
    "retry_after_cap_seconds": "COMP_COACH_RETRY_AFTER_CAP_SECONDS",
    "slack_timeout_seconds": "COMP_COACH_SLACK_TIMEOUT_SECONDS",
    "outbox_poll_seconds": "COMP_COACH_OUTBOX_POLL_SECONDS",
    "outbox_lease_seconds": "COMP_COACH_OUTBOX_LEASE_SECONDS",
    "retry_backoff_seconds": "COMP_COACH_RETRY_BACKOFF_SECONDS",
    "reply_life_seconds": "COMP_COACH_REPLY_LIFE_SECONDS",
}


class SettingsError(ValueError):
    """A variable with a value that cannot be used; the message names the variable."""


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_api_url: str = DEFAULT_API_URL
    slack_authorize_url: str = DEFAULT_AUTHORIZE_URL
    port: int = Field(default=3000, ge=0, le=65535)
    database_url: str | None = None
    state_dir: Path = DEFAULT_STATE_DIR
    guides: str = ""
    log_level: str = "INFO"
    # Days a coaching case is kept after its last turn, then purged.
    case_ttl_days: float = Field(default=30.0, gt=0)
    # Seconds between purges of expired cases and old event ids in each server process.
    purge_every_seconds: float = Field(default=3600.0, gt=0)
    # Replies (bot/slack/courier.py): a 429's Retry-After is waited inline up to this; a longer
    # one sends the reply to the outbox, due again when Slack said.
    retry_after_cap_seconds: float = Field(default=2.0, ge=0)
    slack_timeout_seconds: float = Field(default=10.0, gt=0)
    # How often the outbox is looked at for replies due; how long a process holds a reply it
    # is sending (another takes it after that if the process died); the first wait after a
    # failed delivery (doubling, up to a minute); how long a reply stays worth sending before
    # a short apology replaces it.
    outbox_poll_seconds: float = Field(default=1.0, gt=0)
    outbox_lease_seconds: float = Field(default=60.0, gt=0)  # at least one attempt's length (courier)
    retry_backoff_seconds: float = Field(default=1.0, gt=0)
    reply_life_seconds: float = Field(default=900.0, gt=0)

    def __init__(self, environ: Mapping[str, str] | None = None, **values: object) -> None:
        """Fields from the environment (empty variables count as unset), then `values`."""
        environ = os.environ if environ is None else environ
        found = {field: environ[name] for field, name in ENVIRONMENT.items() if environ.get(name, "").strip()}
        try:
            super().__init__(**{**found, **values})
        except ValidationError as exc:
            raise SettingsError(_explain(exc)) from None

    @cached_property
    def guide_folders(self) -> list[Path]:
        """Extra guide folders, `os.pathsep`-separated, as in PATH."""
        return [Path(part).expanduser() for part in self.guides.split(os.pathsep) if part.strip()]

    @property
    def state_path(self) -> Path:
        return self.state_dir.expanduser()

    @property
    def api_url(self) -> str:
        """The Web API base with the trailing slash slack_sdk expects."""
        return self.slack_api_url if self.slack_api_url.endswith("/") else self.slack_api_url + "/"

    @property
    def oauth(self) -> bool:
        """Many workspaces: "Add to Slack" over OAuth, an installation per workspace in the store.
        (Bolt itself turns OAuth on whenever SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set, so
        these take precedence over a bot token for HTTP.)"""
        return bool(self.slack_client_id and self.slack_client_secret and self.slack_signing_secret)

    @property
    def mode(self) -> str:
        """socket | oauth | http | console, as `make run` picks it."""
        if self.slack_bot_token and self.slack_app_token:
            return "socket"
        if self.oauth:
            return "oauth"
        if self.slack_bot_token and self.slack_signing_secret:
            return "http"
        return "console"


def _explain(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors():
        field = str(error["loc"][0]) if error["loc"] else ""
        problems.append(f"{ENVIRONMENT.get(field, field)}: {error['msg']}")
    return "; ".join(problems)
