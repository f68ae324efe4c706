"""The connection bound gunicorn's asgi worker reads but does not enforce (bot/slack/worker.py)."""

from __future__ import annotations

import asyncio
import logging
from types import SimpleNamespace

from gunicorn.config import Config

from bot.slack.worker import BoundedProtocol


class Transport:
    def __init__(self) -> None:
        self.aborted = False

    def abort(self) -> None:
        self.aborted = True


def test_a_connection_past_worker_connections_is_closed_at_once_and_not_counted():
    loop = asyncio.new_event_loop()
    try:
        worker = SimpleNamespace(
            cfg=Config(), log=logging.getLogger("test"), asgi=None, nr_conns=3, worker_connections=3, loop=loop
        )
        protocol = BoundedProtocol(worker)
        transport = Transport()
        protocol.connection_made(transport)
        protocol.connection_lost(None)
        assert transport.aborted
        assert worker.nr_conns == 3
        assert worker.refused_connections == 1
    finally:
        loop.close()
