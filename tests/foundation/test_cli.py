"""The commands of the interface, run as a person would run them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "planetscale-ml-ai-engineer.md"


def run(*args, stdin=None, env=None):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=60,
    )


def test_ask_prints_mrkdwn():
    result = run("ask", "/comp planetscale ml remote")
    assert result.returncode == 0, result.stderr
    assert "*Base salary:* $155K–$220K" in result.stdout
    assert "*Total comp:* $210K–$340K" in result.stdout


def test_ask_json_shows_both_regions():
    result = run("ask", "/comp planetscale ml", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["response_type"] == "ephemeral"
    assert "San Francisco HQ" in payload["text"] and "Remote US" in payload["text"]
    fields = [f["text"] for b in payload["blocks"] if b["type"] == "section" for f in b.get("fields", [])]
    assert any("$170K–$235K" in f for f in fields) and any("$155K–$220K" in f for f in fields)


def test_ask_exits_zero_for_not_found_and_help():
    for text in ("/comp nosuchco", "/comp", "/comp help", "/weird", "hello"):
        result = run("ask", text)
        assert result.returncode == 0, (text, result.stderr)
        assert result.stdout.strip()


def test_ask_dash_reads_json_lines():
    result = run("ask", "-", stdin="/comp planetscale ml remote\n\n/comp acme\n/comp help\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n")
    assert lines[-1] == "" and len(lines) == 5  # output line N answers input line N, the blank one too
    first, blank, second, third = (json.loads(line) for line in lines[:-1])
    assert "$155K–$220K" in first["text"]
    assert "/comp &lt;company&gt; &lt;role&gt; &lt;region&gt;" in blank["text"]
    assert "acme" in second["text"]
    assert "/comp &lt;company&gt; &lt;role&gt; &lt;region&gt;" in third["text"]


def test_no_credentials_means_the_console_reading_until_end_of_input():
    result = run(stdin="/comp planetscale ml sf\n/comp planetscale ml remote\n")
    assert result.returncode == 0, result.stderr
    assert "SLACK_BOT_TOKEN" in result.stderr  # the one line on how to connect
    assert "$170K–$235K" in result.stdout and "$155K–$220K" in result.stdout
    assert result.stdout.index("$170K–$235K") < result.stdout.index("$155K–$220K")


@pytest.mark.parametrize(
    "command", [[], ["console"], ["ask"], ["serve"], ["socket"], ["guides"], ["guides", "check"], ["guides", "import"]]
)
def test_every_command_has_help(command):
    result = run(*command, "--help")
    assert result.returncode == 0
    assert "usage: comp-coach" in result.stdout


def test_guides_check_passes_on_the_shipped_data():
    result = run("guides", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stderr


BAD_GUIDES = {
    "low-above-high": (
        "| Remote US | $220K–$155K | $80K–$225K | — | $210K–$340K |",
        "base salary",
        "low $220K exceeds high $155K",
    ),
    "unknown-currency": (
        "| Remote US | XQZ 155K–XQZ 220K | $80K–$225K | — | $210K–$340K |",
        "base salary",
        "unknown currency",
    ),
}


def seed_text():
    return SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(BAD_GUIDES))
def test_guides_check_warns_at_file_line_field_and_strict_makes_it_an_error(tmp_path, name):
    row, field, problem = BAD_GUIDES[name]
    text = seed_text().replace("| Remote US | $155K–$220K | $80K–$225K | — | $210K–$340K |", row)
    path = tmp_path / "acme" / "ml.md"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(row) + 1
    result = run("guides", "check", str(tmp_path))
    assert result.returncode == 0  # the cell is kept as written; the guide loads
    assert f"warning: {path}:{line}: Remote US: " in result.stdout
    assert field in result.stdout.lower() and problem in result.stdout
    strict = run("guides", "check", "--strict", str(tmp_path))
    assert strict.returncode == 1
    assert f"\n{path}:{line}: Remote US: " in "\n" + strict.stdout
    assert "1 guides valid" not in strict.stderr


def test_guides_check_reports_a_missing_table(tmp_path):
    text = "\n".join(line for line in seed_text().splitlines() if not line.startswith("|"))
    path = tmp_path / "acme" / "ml.md"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    result = run("guides", "check", str(path))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:")
    assert "band table: missing" in result.stdout


def test_a_broken_extra_guide_never_takes_the_others_down(tmp_path):
    text = seed_text()
    good = tmp_path / "acme" / "ml-ai-engineer.md"
    good.parent.mkdir()
    good.write_text(text.replace("PlanetScale Global", "Acme Global"), encoding="utf-8")
    broken = tmp_path / "brokenco" / "ml-ai-engineer.md"
    broken.parent.mkdir()
    broken.write_text("\n".join(line for line in text.splitlines() if not line.startswith("|")), encoding="utf-8")
    env = {"COMP_COACH_GUIDES": str(tmp_path)}
    assert "$155K–$220K" in run("ask", "/comp acme ml remote", env=env).stdout
    assert "$155K–$220K" in run("ask", "/comp planetscale ml remote", env=env).stdout
    # Its folder is there but unreadable: said so, with where to look, and no band.
    reply = run("ask", "/comp brokenco ml remote", env=env).stdout
    assert "*brokenco* folder, but none of its guides could be read" in reply
    assert "comp-coach guides check" in reply and "$" not in reply


def test_ask_dash_answers_a_line_that_fails_with_an_apology_and_goes_on(monkeypatch, capsys):
    import io

    from bot import cli
    from bot.conversation import Conversation

    handle = Conversation.handle

    def failing(self, text, **kwargs):
        if "boom" in text:
            raise RuntimeError("a failure that must not shift the answers after it")
        return handle(self, text, **kwargs)

    monkeypatch.setattr(Conversation, "handle", failing)
    monkeypatch.setattr("sys.stdin", io.StringIO("/comp boom\n/comp planetscale ml remote\n"))
    assert cli.main(["ask", "-"]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert "something went wrong on my side" in first["text"]
    assert "$155K–$220K" in second["text"]
