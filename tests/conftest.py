"""Shared fixtures: every test runs with its own state folder and no Slack credentials,
so nothing a developer has set in their shell leaks into the suite."""

from __future__ import annotations

import pytest

SLACK_VARIABLES = (
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_API_URL",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
    "SLACK_AUTHORIZE_URL",
)


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path, monkeypatch):
    for name in (*SLACK_VARIABLES, "DATABASE_URL", "COMP_COACH_GUIDES"):
        monkeypatch.delenv(name, raising=False)
    state = tmp_path / "state"
    monkeypatch.setenv("COMP_COACH_STATE_DIR", str(state))
    return state


@pytest.fixture(scope="session")
def answers():
    from bot.answers import Answers

    return Answers.load()
