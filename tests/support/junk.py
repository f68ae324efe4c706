"""Junk HTTP for the web process: unsigned and malformed requests, oversized bodies and
half-sent requests, over raw sockets (urllib would fix up what junk must get wrong).
Shared by tests/e2e/test_junk.py and bench/junk.py."""

from __future__ import annotations

import contextlib
import selectors
import socket
import time
from dataclasses import dataclass

from tests.support.signing import signature

MB = 1024 * 1024


def head(length: int | None, content_type: str = "application/json", extra: dict[str, str] | None = None) -> bytes:
    lines = ["POST /slack/events HTTP/1.1", "Host: 127.0.0.1", f"Content-Type: {content_type}"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    lines += [f"{name}: {value}" for name, value in (extra or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def signed_extra(secret: str, body: bytes, timestamp: int | str | None = None) -> dict[str, str]:
    timestamp = int(time.time()) if timestamp is None else timestamp
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": signature(secret, timestamp, body)}


@dataclass(frozen=True)
class Junk:
    name: str
    request: bytes


def unsigned_junk() -> list[Junk]:
    """What the issue's probe sent without a signature: each must be a 401 and one WARNING line."""
    now = str(int(time.time()))
    bad_signature = {"X-Slack-Request-Timestamp": now, "X-Slack-Signature": "v0=" + "0" * 64}
    kinds = {
        "one byte": (b"x", {}),
        "non-UTF-8": (b"\xff\xfe\x00junk", bad_signature),
        "{not json": (b"{not json", bad_signature),
        "JSON array": (b"[1, 2, 3]", bad_signature),
        "JSON null": (b"null", {}),
        "deep nesting": (b"[" * 100_000, bad_signature),
        "non-numeric timestamp": (b"{}", {"X-Slack-Request-Timestamp": "soon", "X-Slack-Signature": "v0=00"}),
        "huge timestamp": (b"{}", {"X-Slack-Request-Timestamp": "9" * 400, "X-Slack-Signature": "v0=" + "0" * 64}),
        "stale timestamp": (b"{}", {"X-Slack-Request-Timestamp": "1000", "X-Slack-Signature": "v0=" + "0" * 64}),
        "short signature": (b"{}", {"X-Slack-Request-Timestamp": now, "X-Slack-Signature": "v0=abc"}),
    }
    return [Junk(name, head(len(body), extra=extra) + body) for name, (body, extra) in kinds.items()]


def signed_malformed(secret: str) -> list[Junk]:
    """Correctly signed, but nothing Bolt can parse: each must be a 400 and one WARNING line."""
    kinds = {
        "non-UTF-8": (b"\xff\xfe\x00junk", "application/json"),
        "{not json": (b"{not json", "application/json"),
        "JSON array": (b"[1, 2, 3]", "application/json"),
        "JSON null": (b"null", "application/json"),
        "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "application/json"),
        "deep nesting in an object": (b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "application/json"),
        "payload not JSON": (b"payload=%7Bnot+json", "application/x-www-form-urlencoded"),
        "payload a JSON list": (b"payload=%5B1%5D", "application/x-www-form-urlencoded"),
        "form not UTF-8": (b"text=\xff\xfe&command=%2Fcomp", "application/x-www-form-urlencoded"),
    }
    return [
        Junk(name, head(len(body), content_type, signed_extra(secret, body)) + body)
        for name, (body, content_type) in kinds.items()
    ]


def status_of(response: bytes) -> int | None:
    parts = response.split(b" ", 2)
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None


def exchange(port: int, request: bytes, timeout: float = 10.0) -> bytes:
    """Send a whole request, read until the server closes or the response is complete."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request)
        return read_response(sock)


def read_response(sock: socket.socket) -> bytes:
    data = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except (ConnectionResetError, TimeoutError):
            return data
        if not chunk:
            return data
        data += chunk
        header_end = data.find(b"\r\n\r\n")
        if header_end >= 0:
            length = next(
                (
                    int(line.split(b":")[1])
                    for line in data[:header_end].lower().split(b"\r\n")
                    if line.startswith(b"content-length:")
                ),
                None,
            )
            if length is not None and len(data) >= header_end + 4 + length:
                return data


def stream_body(
    port: int, request_head: bytes, total: int, chunked: bool = False, timeout: float = 10.0
) -> tuple[int, bytes]:
    """Send a head, then up to `total` bytes of body until the server answers or closes:
    (bytes of body sent, the response)."""
    piece = b"x" * MB
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request_head)
        try:
            while sent < total:
                sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
                sent += len(piece)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass
        return sent, read_response(sock)


def half_sent(port: int, count: int, timeout: float = 60.0) -> list[socket.socket]:
    """`count` connections, each sending half a request line and then nothing. Connected
    without blocking on each handshake (a SYN retried after a full accept queue costs 1 s)."""
    selector = selectors.DefaultSelector()
    sockets = []
    for _ in range(count):
        sock = socket.socket()
        sock.setblocking(False)
        sock.connect_ex(("127.0.0.1", port))
        selector.register(sock, selectors.EVENT_WRITE)
        sockets.append(sock)
    waiting = len(sockets)
    deadline = time.monotonic() + timeout
    while waiting and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=1.0):
            sock = key.fileobj
            selector.unregister(sock)
            waiting -= 1
            with contextlib.suppress(OSError):  # refused at once: counts as dropped
                sock.send(b"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    selector.close()
    return sockets


def wait_dropped(sockets: list[socket.socket], timeout: float) -> list[float]:
    """Seconds from now until the server closed each connection (fewer entries if some stayed open)."""
    selector = selectors.DefaultSelector()
    for sock in sockets:
        selector.register(sock, selectors.EVENT_READ)
    started = time.monotonic()
    dropped: list[float] = []
    while len(dropped) < len(sockets) and time.monotonic() - started < timeout:
        for key, _ in selector.select(timeout=0.2):
            sock = key.fileobj
            try:
                data = sock.recv(4096)
            except OSError:
                data = b""
            if not data:
                selector.unregister(sock)
                dropped.append(time.monotonic() - started)
    selector.close()
    for sock in sockets:
        sock.close()
    return dropped
