"""gunicorn's `asgi` worker with the two bounds it lacks (gunicorn 27, `gunicorn/asgi/protocol.py`).

- **A header timeout.** The worker times out an idle keep-alive connection (`keepalive`), but
  not the first request of a connection: a client that sends half a request line and waits
  holds its connection (a file descriptor, ~10 KB) for as long as it likes. The issue's probe
  held 3,000 that way for 40 s. Here a connection whose request headers are not complete
  within `HEADER_TIMEOUT` seconds of connecting is closed.
- **A bound on open connections.** `worker_connections` is read by the worker but not
  enforced. Here, at the bound, a new connection evicts the oldest one still waiting for
  its headers (the junk a flood of half-sent requests leaves), so Slack's next request gets
  in while the flood is held to a bounded number of descriptors and buffers; only when
  every open connection is busy with a whole request is the new one closed at once. Either
  is counted in one WARNING line a second at most. Without it a flood reaches the process's
  file limit, where accepting stops for everyone.

The worker builds its connections with `gunicorn.workers.gasgi.ASGIProtocol`, named in its
`_serve`; this worker points that name at `BoundedProtocol` in its own process only.
Figures (bench/junk.py, this 2-core machine): 3,000 half-sent requests opened at once were all
dropped within 4.8 s of opening, `/healthz` answering 200 meanwhile; RSS grew 20 MB while the
1,000 allowed were held (about 20 KB each), which is what the bound caps. Slack sends a
request's headers in one packet, so 5 s (the keep-alive timeout too) never cuts a real one.
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
        waiting = _waiting(worker)
        if worker.nr_conns >= worker.worker_connections:
            if waiting:
                next(iter(waiting))._headers_too_slow()
                _note(worker, "evicted_connections", "evicting connections waiting for headers")
            else:
                self._refused = True
                transport.abort()
                _note(worker, "refused_connections", "refusing connections")
                return
        super().connection_made(transport)
        self._header_timer = worker.loop.call_later(HEADER_TIMEOUT, self._headers_too_slow)
        waiting[self] = None

    def _on_headers_complete(self):
        self._stop_waiting()
        return super()._on_headers_complete()

    def _headers_too_slow(self) -> None:
        self._stop_waiting()
        if not self._closed:
            self._close_transport()
            if self._request_ready is not None:
                self._request_ready.set()  # the connection's loop sees it closed and ends

    def _stop_waiting(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None
            _waiting(self.worker).pop(self, None)

    def connection_lost(self, exc) -> None:
        if self._refused:
            return
        self._stop_waiting()
        super().connection_lost(exc)


def _waiting(worker) -> dict[BoundedProtocol, None]:
    """The worker's connections still waiting for their first headers, oldest first."""
    if not hasattr(worker, "waiting_for_headers"):
        worker.waiting_for_headers = {}
    return worker.waiting_for_headers


def _note(worker, counter: str, what: str) -> None:
    setattr(worker, counter, getattr(worker, counter, 0) + 1)
    now = worker.loop.time()
    if now - getattr(worker, "bound_logged_at", -1.0) >= 1.0:
        worker.bound_logged_at = now
        worker.log.warning(
            "%s past worker_connections=%d (%d evicted, %d refused so far)",
            what,
            worker.worker_connections,
            getattr(worker, "evicted_connections", 0),
            getattr(worker, "refused_connections", 0),
        )


class BoundedASGIWorker(gasgi.ASGIWorker):
    def init_process(self) -> None:
        gasgi.ASGIProtocol = BoundedProtocol
        super().init_process()
