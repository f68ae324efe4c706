"""A coaching conversation one `comp-coach ask --user ID` call at a time: every call is a
new process, so the case lives only in the store (SQLite by default, PostgreSQL with
DATABASE_URL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import cli
from tests.coaching.conftest import DONE_WHEN
from tests.store.postgres import postgres_schema

ROOT = Path(__file__).resolve().parents[2]


def ask(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    environment.update(env or {})
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_conversation_across_processes(backend):
    def conversation(env):
        first = ask("--user", "U42", DONE_WHEN, env=env).stdout
        assert "base $168K + equity $100K ÷ 4 + bonus $0 + sign-on $0 ÷ 4 = $193K" in first
        counter = ask("--user", "U42", "another offer from Acme for $300k total", env=env).stdout
        assert "*Base salary:* $168K → *$242K*" in counter
        other = ask("--user", "someone-else", "status", env=env).stdout
        assert "I keep nothing about you" in other
        payload = json.loads(ask("--user", "U42", "email", "--json", env=env).stdout)
        assert "• Base salary: $242K (offer: $168K)" in payload["text"]
        assert payload["blocks"][0]["type"] == "header"
        assert "Forget everything" in ask("--user", "U42", "forget me", env=env).stdout
        assert "deleted" in ask("--user", "U42", "yes", env=env).stdout
        assert "I keep nothing about you" in ask("--user", "U42", "status", env=env).stdout
        for leaked in ("168", "241", "300"):
            assert leaked not in ask("--user", "U42", "status", env=env).stderr

    if backend == "sqlite":
        conversation({})
    else:
        with postgres_schema() as url:
            conversation({"DATABASE_URL": url})


def test_ask_in_process_uses_the_same_store(capsys):
    assert cli.main(["ask", "--user", "U7", DONE_WHEN]) == 0
    assert "$193K" in capsys.readouterr().out
    assert cli.main(["ask", "--user", "U7", "status"]) == 0
    assert "*Base:* $168K" in capsys.readouterr().out


def test_ask_lines_continue_one_conversation():
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "-", "--user", "U9"],
        input=f"{DONE_WHEN}\nno other offers\nthey said the base is fixed\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={k: v for k, v in os.environ.items() if not k.startswith("SLACK_")},
    )
    assert result.returncode == 0, result.stderr
    evaluation, counter, pushback = (json.loads(line)["text"] for line in result.stdout.splitlines())
    assert "$193K" in evaluation
    assert "$278,750" in counter
    assert "ask for $52K, the first year's gap" in pushback
