"""The bot always answers (issue 11, finding 2): the Procfile's web process with a read-only
state folder (no compiled-template cache, no guide index, no SQLite file can be written)
answers `/comp` with its figures, and a DM with the apology; in-process, a full disk
(ENOSPC on every cache write) changes nothing but a WARNING line."""

from __future__ import annotations

import errno
import json
import os
import shlex
import subprocess
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import BOT_TOKEN, SIGNING_SECRET, WebProcess
from tests.support.processes import free_port, process_env, procfile_command, start, stop, wait_healthy
from tests.support.signing import event_body, get, new_ts, slash_command_body

FIGURES = ("$155K–$220K", "$80K–$225K", "$210K–$340K")


def read_only_command(state: Path) -> str:
    """The Procfile's web line with `state` read-only for it. As root (which ignores file
    modes) the folder is bind-mounted read-only in a mount namespace of the process's own;
    otherwise its mode is enough."""
    command = procfile_command("web")
    if os.geteuid() != 0:
        state.chmod(0o555)
        return command
    probe = subprocess.run(["unshare", "--mount", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"root without mount namespaces: {probe.stderr.decode().strip()}")
    folder = shlex.quote(str(state))
    inner = f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && exec {command}"
    return f"unshare --mount /bin/sh -c {shlex.quote(inner)}"


@pytest.fixture(scope="module")
def read_only_web(slack, tmp_path_factory):
    folder = tmp_path_factory.mktemp("read-only")
    state = folder / "state"
    state.mkdir()
    port = free_port()
    env = process_env(
        slack.api_url, state, PORT=str(port), SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_BOT_TOKEN=BOT_TOKEN
    )
    log_path = folder / "web.log"
    process = start(read_only_command(state), env, log_path)
    web = WebProcess(f"http://127.0.0.1:{port}", process, log_path, slack)
    try:
        wait_healthy(web.url, process, log_path)
        yield web
    finally:
        stop(process)
        state.chmod(0o755)


def test_comp_answers_with_a_read_only_state_folder(read_only_web, slack):
    web = read_only_web
    for query in ("planetscale ml remote", "planetscale ml", "planetscale ml sf levers"):
        response = web.command(slash_command_body(query, slack.response_url("ro")))
        assert response.status == 200
        assert response.json()["blocks"]
    remote = web.command(slash_command_body("planetscale ml remote", slack.response_url("ro")))
    for figure in FIGURES:
        assert figure in remote.json()["text"]
    assert "compiled templates kept in memory only" in web.log()
    assert not any((Path(web.log_path).parent / "state").iterdir()), "nothing was written"


def test_a_dm_gets_the_apology_when_the_store_cannot_be_opened(read_only_web, slack):
    from bot.render.fixed import coach_error

    channel = f"D0RO{int(time.time() * 1000) % 100000:05d}"
    event = {"type": "message", "channel_type": "im", "user": "U0PERSON", "ts": new_ts(), "channel": channel}
    event["text"] = "I got an offer from PlanetScale for ML engineer, remote: $168k base"
    assert read_only_web.event(event_body(event)).status == 200
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        posts = [c for c in slack.calls_to("chat.postMessage") if c.args.get("channel") == channel]
        if posts:
            break
        time.sleep(0.05)
    [post] = posts
    assert post.args["text"] == coach_error()[0].text
    assert get(read_only_web.url + "/healthz").status == 200


def test_a_full_disk_costs_a_warning_not_an_answer(tmp_path, monkeypatch, caplog):
    """ENOSPC on every compiled-template write (the bucket's write fails midway): answers,
    the coach's apology and the lookup keep coming, from memory."""
    from jinja2.bccache import Bucket

    from bot.answers import Answers
    from bot.conversation import Conversation
    from bot.render import templates

    def full(self, stream):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Bucket, "write_bytecode", full)
    try:
        answers = Answers.load(state_dir=tmp_path / "state")
        conversation = Conversation(answers)
        for _ in range(2):
            [first, *_] = conversation.handle("/comp planetscale ml remote").messages
            assert all(figure in first.text for figure in FIGURES)
        assert conversation.handle("/comp help").messages[0].blocks
        assert conversation.handle("/comp planetscale ml mars").messages[0].blocks
    finally:
        templates.use_bytecode_cache(None)
    assert caplog.text.count("compiled templates kept in memory only") == 1
    assert "No space left on device" in caplog.text
    assert not list((tmp_path / "state" / "templates").rglob("*.tmp")), "no half-written cache file left"


def test_a_cache_file_that_cannot_be_read_is_compiled_again(tmp_path, monkeypatch):
    from jinja2 import FileSystemBytecodeCache

    from bot.render import templates

    def unreadable(self, bucket):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(FileSystemBytecodeCache, "load_bytecode", unreadable)
    templates.use_bytecode_cache(tmp_path / "templates")
    try:
        assert json.dumps(templates.render("coach_error.j2"))
    finally:
        templates.use_bytecode_cache(None)
