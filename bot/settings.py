"""Configuration from the environment (see docs: the interface's Environment table)."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_API_URL = "https://slack.com/api/"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=None, extra="ignore", populate_by_name=True)

    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = DEFAULT_API_URL
    port: int = 3000
    database_url: str | None = None
    state_dir: Path = Field(default=Path("~/.local/state/comp-coach"), validation_alias="COMP_COACH_STATE_DIR")
    guides: str = Field(default="", validation_alias="COMP_COACH_GUIDES")
    log_level: str = "INFO"
    # Days a coaching case is kept after its last turn, then purged.
    case_ttl_days: float = Field(default=30.0, gt=0, validation_alias="COMP_COACH_CASE_TTL_DAYS")

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
    def mode(self) -> str:
        """socket | http | console, as `make run` picks it."""
        if self.slack_bot_token and self.slack_app_token:
            return "socket"
        if self.slack_bot_token and self.slack_signing_secret:
            return "http"
        return "console"
