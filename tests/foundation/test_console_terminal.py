"""The console at a real terminal (a pseudo-terminal): readline edits the line and
recalls earlier lines with the arrow keys."""

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UP_ARROW = b"\x1b[A"
BACKSPACE = b"\x7f"


def read_until(fd: int, marker: bytes, seen: bytearray, timeout: float = 30) -> bytes:
    """Read the terminal until `marker` appears after what was `seen` already; return the new output."""
    start = len(seen)
    deadline = time.monotonic() + timeout
    while marker not in seen[start:]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"{marker!r} not seen; got {bytes(seen[start:])[-500:]!r}")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                seen.extend(os.read(fd, 65536))
            except OSError:
                break
    return bytes(seen[start:])


@pytest.mark.skipif(not sys.platform.startswith(("linux", "darwin")), reason="needs a pseudo-terminal")
def test_the_console_edits_lines_and_recalls_the_last_one():
    pytest.importorskip("readline")
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env["TERM"] = "dumb"
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "console"],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env=env,
    )
    os.close(slave)
    seen = bytearray()
    try:
        read_until(master, b"> ", seen)
        # A typo fixed with backspace before Enter: the bot gets the corrected line.
        os.write(master, b"/comp planetscale ml remotx" + BACKSPACE + b"e\r")
        first = read_until(master, b"> ", seen)
        assert b"Remote US" in first and b"$155K" in first
        assert b"Not exactly what you asked" not in first
        # The up arrow brings the last line back; Enter asks it again.
        os.write(master, UP_ARROW + b"\r")
        again = read_until(master, b"> ", seen)
        assert b"Remote US" in again and b"$155K" in again
        os.write(master, b"\x04")  # Ctrl-D ends the console
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)
