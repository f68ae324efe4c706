"""The connection bound gunicorn's asgi worker reads but does not enforce (bot/slack/worker.py)."""

from __future__ import annotations

import asyncio
import logging
from types import SimpleNamespace

import pytest
from gunicorn.asgi.protocol import ASGIProtocol
from gunicorn.config import Config

from bot.slack.worker import BoundedProtocol


class Transport:
    def __init__(self) -> None:
        self.aborted = False

    def abort(self) -> None:
        self.aborted = True


class Waiting:
    """A connection still waiting for its headers."""

    def __init__(self, worker) -> None:
        self.worker = worker
        self.closed = False

    def _headers_too_slow(self) -> None:
        self.closed = True
        self.worker.waiting_for_headers.pop(self)


@pytest.fixture
def worker():
    loop = asyncio.new_event_loop()
    yield SimpleNamespace(
        cfg=Config(), log=logging.getLogger("test"), asgi=None, nr_conns=3, worker_connections=3, loop=loop
    )
    loop.close()


def test_past_the_bound_with_every_connection_busy_a_new_one_is_closed_and_not_counted(worker):
    protocol = BoundedProtocol(worker)
    transport = Transport()
    protocol.connection_made(transport)
    protocol.connection_lost(None)
    assert transport.aborted
    assert worker.nr_conns == 3
    assert worker.refused_connections == 1


def test_past_the_bound_a_new_connection_evicts_the_oldest_waiting_for_headers(worker, monkeypatch):
    made = []
    monkeypatch.setattr(ASGIProtocol, "connection_made", lambda self, transport: made.append(transport))
    oldest, newer = Waiting(worker), Waiting(worker)
    worker.waiting_for_headers = {oldest: None, newer: None}
    protocol = BoundedProtocol(worker)
    transport = Transport()
    protocol.connection_made(transport)
    assert made == [transport] and not transport.aborted
    assert oldest.closed and not newer.closed
    assert list(worker.waiting_for_headers) == [newer, protocol]
    assert worker.evicted_connections == 1
    protocol._stop_waiting()
    assert list(worker.waiting_for_headers) == [newer]
