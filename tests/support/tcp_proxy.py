"""A TCP proxy on a free loopback port, for fault tests between the app and PostgreSQL.

It passes bytes both ways until told otherwise:
- `stall()`: keeps every connection (and accepts new ones) but forwards nothing, in either
  direction, until `flow()`: the network holding the bytes, which a server-side timeout
  cannot see. Bytes read before the stall are held and delivered after it.
- `cut()`: closes every open connection at once (a restart or a dropped link); new
  connections are accepted as usual.
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
from urllib.parse import urlsplit, urlunsplit

CHUNK = 65536
POLL = 0.05


class TcpProxy:
    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._flowing = threading.Event()
        self._flowing.set()
        self._closed = threading.Event()
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self.accepted = 0

    @classmethod
    def for_url(cls, url: str) -> TcpProxy:
        """A proxy in front of the server a `postgresql://` URL names."""
        parts = urlsplit(url)
        return cls(parts.hostname or "127.0.0.1", parts.port or 5432)

    def url(self, url: str) -> str:
        """The same URL, pointed at the proxy."""
        parts = urlsplit(url)
        credentials = parts.netloc.rpartition("@")[0]
        netloc = f"{credentials}@127.0.0.1:{self.port}" if credentials else f"127.0.0.1:{self.port}"
        return urlunsplit(parts._replace(netloc=netloc))

    # --- faults -----------------------------------------------------------------------------------

    def stall(self) -> None:
        self._flowing.clear()

    def flow(self) -> None:
        self._flowing.set()

    def cut(self) -> None:
        with self._lock:
            doomed, self._sockets = self._sockets, set()
        for sock in doomed:
            _close(sock)

    # --- running ------------------------------------------------------------------------------------

    def __enter__(self) -> TcpProxy:
        threading.Thread(target=self._accept, name="tcp-proxy-accept", daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._closed.set()
        self._flowing.set()
        _close(self._listener)
        self.cut()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self.accepted += 1
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                _close(client)  # the server is down: the client sees the connection end
                continue
            upstream.settimeout(None)
            with self._lock:
                self._sockets |= {client, upstream}
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), name="tcp-proxy-pump", daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while not self._closed.is_set():
                if not self._flowing.wait(POLL):
                    continue  # stalled: read nothing, so the sender's bytes wait in the buffers
                readable, _, _ = select.select([source], [], [], POLL)
                if not readable:
                    continue
                data = source.recv(CHUNK)
                if not data:
                    break
                while not self._flowing.wait(POLL):  # a stall that began meanwhile holds these bytes
                    if self._closed.is_set():
                        return
                sink.sendall(data)
        except (OSError, ValueError):
            pass  # cut, or the other side closed
        finally:
            with self._lock:
                self._sockets -= {source, sink}
            _close(source)
            _close(sink)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
