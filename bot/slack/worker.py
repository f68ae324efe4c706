"""gunicorn's `asgi` worker with the two bounds it lacks (gunicorn 27, `gunicorn/asgi/protocol.py`).

- **A header timeout.** The worker times out an idle keep-alive connection (`keepalive`), but
  not the first request of a connection: a client that sends half a request line and waits
  holds its connection (a file descriptor, ~10 KB) for as long as it likes. The issue's probe
  held 3,000 that way for 40 s. Here a connection whose request headers are not complete
  within `HEADER_TIMEOUT` seconds of connecting is closed.
- **A bound on open connections.** `worker_connections` is read by the worker but not
  enforced. Here a connection past it is closed at once (counted in one WARNING line a
  second at most), so a flood costs a bounded number of descriptors and buffers instead of
  hitting the process's file limit, where accepting stops for everyone.

The worker builds its connections with `gunicorn.workers.gasgi.ASGIProtocol`, named in its
`_serve`; this worker points that name at `BoundedProtocol` in its own process only.
Figures for both settings: bench/junk.py and tests/e2e/test_junk.py.
"""

from __future__ import annotations

from gunicorn.asgi.protocol import ASGIProtocol
from gunicorn.workers import gasgi

HEADER_TIMEOUT = 5.0  # seconds from connecting to a request's last header line


class BoundedProtocol(ASGIProtocol):
    _refused = False
    _header_timer = None

    def connection_made(self, transport) -> None:
        worker = self.worker
        if worker.nr_conns >= worker.worker_connections:
            self._refused = True
            transport.abort()
            _note_refusal(worker)
            return
        super().connection_made(transport)
        self._header_timer = worker.loop.call_later(HEADER_TIMEOUT, self._headers_too_slow)

    def _on_headers_complete(self):
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None
        return super()._on_headers_complete()

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if not self._closed:
            self._close_transport()
            if self._request_ready is not None:
                self._request_ready.set()  # the connection's loop sees it closed and ends

    def connection_lost(self, exc) -> None:
        if self._refused:
            return
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None
        super().connection_lost(exc)


def _note_refusal(worker) -> None:
    worker.refused_connections = getattr(worker, "refused_connections", 0) + 1
    now = worker.loop.time()
    if now - getattr(worker, "refusal_logged_at", -1.0) >= 1.0:
        worker.refusal_logged_at = now
        worker.log.warning(
            "refusing connections past worker_connections=%d (%d refused so far)",
            worker.worker_connections,
            worker.refused_connections,
        )


class BoundedASGIWorker(gasgi.ASGIWorker):
    def init_process(self) -> None:
        gasgi.ASGIProtocol = BoundedProtocol
        super().init_process()
