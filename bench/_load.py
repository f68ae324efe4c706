"""A small HTTP load generator: N keep-alive connections replaying prepared requests.

    python -m bench._load REQUESTS_FILE PORT CONNECTIONS SECONDS   # prints one JSON line

Written here rather than installed (wrk), so `make bench` needs nothing beyond the project's
own files. One process, one thread, non-blocking sockets: each connection sends its next
request as soon as the previous response is complete, as wrk does. The requests are raw
HTTP/1.1 bytes prepared by the caller (signed bodies included), taken in file order by
whichever connection is free next, round and round; so with more distinct requests than a
cache holds, no request repeats while its previous answer could still be kept.

Run as its own process so its CPU does not share the benchmark's interpreter lock; its own
CPU time is reported beside the figures (it shares the machine with the server).
"""

from __future__ import annotations

import contextlib
import json
import pickle
import resource
import selectors
import socket
import sys
import time

HEADER_END = b"\r\n\r\n"


class _Connection:
    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.setblocking(False)
        self.buffer = b""
        self.started = 0.0
        self.request_index = -1


def _response_complete(buffer: bytes) -> tuple[int, int] | None:
    """(status, length of the whole response) once `buffer` holds a whole response."""
    end = buffer.find(HEADER_END)
    if end < 0:
        return None
    head = buffer[:end].decode("latin-1")
    status = int(head.split(" ", 2)[1])
    length = 0
    for line in head.split("\r\n")[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
            break
    total = end + len(HEADER_END) + length
    return (status, total) if len(buffer) >= total else None


def replay(requests: list[bytes], port: int, connections: int, seconds: float) -> dict:
    """Replay `requests` for `seconds`; figures in microseconds."""
    selector = selectors.DefaultSelector()
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors = 0
    next_index = 0
    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    begun = time.perf_counter()
    deadline = begun + seconds

    def send(conn: _Connection) -> None:
        """The next request on `conn`; a connection the server closed after its last response
        (a refusal with `Connection: close`) shows on the next read and is replaced there."""
        nonlocal next_index
        conn.request_index = next_index % len(requests)
        next_index += 1
        conn.started = time.perf_counter()
        with contextlib.suppress(OSError):  # the peer closed: the read that follows sees it
            conn.sock.sendall(requests[conn.request_index])

    pool = [_Connection(port) for _ in range(connections)]
    for conn in pool:
        selector.register(conn.sock, selectors.EVENT_READ, conn)
        send(conn)
    open_connections = len(pool)
    while open_connections:
        for key, _ in selector.select(timeout=1.0):
            conn = key.data
            try:
                chunk = conn.sock.recv(262144)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                chunk = b""
            if not chunk:  # the server closed the connection: count it, open another
                errors += 1
                selector.unregister(conn.sock)
                conn.sock.close()
                if time.perf_counter() < deadline:
                    conn = _Connection(port)
                    selector.register(conn.sock, selectors.EVENT_READ, conn)
                    send(conn)
                else:
                    open_connections -= 1
                continue
            conn.buffer += chunk
            done = _response_complete(conn.buffer)
            if done is None:
                continue
            now = time.perf_counter()
            status, length = done
            conn.buffer = conn.buffer[length:]
            latencies.append(now - conn.started)
            statuses[status] = statuses.get(status, 0) + 1
            if now < deadline:
                send(conn)
            else:
                selector.unregister(conn.sock)
                conn.sock.close()
                open_connections -= 1
    elapsed = time.perf_counter() - begun
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, round(p / 100 * (len(latencies) - 1)))] * 1e6 if latencies else 0.0

    return {
        "requests": len(latencies),
        "duration_us": elapsed * 1e6,
        "p50_us": pct(50),
        "p99_us": pct(99),
        "non2xx": sum(count for status, count in statuses.items() if not 200 <= status < 300),
        "socket_errors": errors,
        "client_cpu_s": cpu,
    }


def main(argv: list[str]) -> int:
    path, port, connections, seconds = argv
    with open(path, "rb") as file:
        requests = pickle.load(file)
    print(json.dumps(replay(requests, int(port), int(connections), float(seconds))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
