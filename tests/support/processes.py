"""Starting the project's processes the way a platform does: from the Procfile, with the
project's virtualenv on PATH, and waiting for `/healthz`. Shared by tests/e2e and bench/."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from tests.support.signing import get

ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT = 30.0


def procfile_command(kind: str, procfile: Path = ROOT / "Procfile") -> str:
    for line in procfile.read_text().splitlines():
        name, sep, command = line.partition(":")
        if sep and name.strip() == kind:
            return command.strip()
    raise AssertionError(f"Procfile has no {kind}: line")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def process_env(api_url: str, state_dir: Path, **extra: str) -> dict[str, str]:
    """The environment a platform would give the process, with the project's venv on PATH and
    nothing Slack-related inherited from the caller's shell."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "COMP_COACH_", "DATABASE_URL"))}
    env.update(
        PATH=f"{ROOT / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        SLACK_API_URL=api_url,
        COMP_COACH_STATE_DIR=str(state_dir),
        **extra,
    )
    return env


def start(command: str, env: dict[str, str], log_path: Path) -> subprocess.Popen:
    """Run a command line as a platform runs a Procfile line (`sh -c`), `exec`ed so the pid
    is the server's own."""
    log = log_path.open("ab")
    try:
        return subprocess.Popen(
            ["/bin/sh", "-c", "exec " + command], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
        )
    finally:
        log.close()


def start_procfile(kind: str, env: dict[str, str], log_path: Path) -> subprocess.Popen:
    return start(procfile_command(kind), env, log_path)


def wait_healthy(url: str, process: subprocess.Popen, log_path: Path, timeout: float = READY_TIMEOUT) -> float:
    """Seconds until `GET /healthz` answered 200 (AssertionError with the log if it never does)."""
    started = time.perf_counter()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"process exited {process.returncode}:\n{log_path.read_text()}")
        try:
            if get(url + "/healthz", timeout=1).status == 200:
                return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.005)
    raise AssertionError(f"/healthz not 200 after {timeout} s:\n{log_path.read_text()}")


def start_healthy(kind: str, env: dict[str, str], log_path: Path, url: str) -> subprocess.Popen:
    """The Procfile's `kind` process started and answering `/healthz`; stopped again if it never does."""
    process = start_procfile(kind, env, log_path)
    try:
        wait_healthy(url, process, log_path)
    except AssertionError:
        stop(process)
        raise
    return process


def stop(process: subprocess.Popen) -> int:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode


def children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def kill_hard(process: subprocess.Popen, timeout: float = 20.0) -> None:
    """SIGKILL to a server and its workers at once, as a platform's hard stop does: all are
    stopped first (SIGSTOP), so no worker sees its master die and shuts down gracefully, and
    no master sees a worker die and starts another."""
    pids = [process.pid, *children(process.pid)]
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    process.wait(timeout=timeout)
    deadline = time.monotonic() + timeout
    while any(_alive(pid) for pid in pids[1:]):
        if time.monotonic() > deadline:
            raise AssertionError(f"workers of {process.pid} still alive after SIGKILL")
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


class ProcessLog:
    """Reading a started process's log (`log_path`): how tests know its background work ended."""

    log_path: Path
    log_timeout = 10.0  # seconds `wait_log` waits unless told

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_log(self, text: str, count: int = 1, timeout: float | None = None) -> None:
        """Wait until the process logged `text` (`count` times)."""
        timeout = timeout or self.log_timeout
        deadline = time.monotonic() + timeout
        while self.log().count(text) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} not logged {count} times in {timeout} s:\n{self.log()[-3000:]}")
            time.sleep(0.02)
