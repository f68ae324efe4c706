"""A local stand-in for Slack's Socket Mode WebSocket endpoint.

Point `apps.connections.open` at it (`SlackStandIn.answer("apps.connections.open",
{"ok": True, "url": socket.url})`); the app connects, and the test pushes envelopes
(`send`) and reads what the app answered for each (`wait_for_ack`). Speaks just enough
RFC 6455 for slack_sdk's built-in client: the upgrade handshake, unmasked text frames out,
masked frames in, ping -> pong, close.
"""

from __future__ import annotations

import base64
import hashlib
import json
import socket
import struct
import threading
import time

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TEXT, CLOSE, PING, PONG = 0x1, 0x8, 0x9, 0xA


class SocketModeStandIn:
    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._connection: socket.socket | None = None
        self._send_lock = threading.Lock()
        self._received = threading.Condition()
        self.acks: dict[str, dict] = {}
        self.connections = 0
        threading.Thread(target=self._accept, name="socket-mode-stand-in", daemon=True).start()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self._listener.getsockname()[1]}/link/?ticket=test"

    def close(self) -> None:
        self._listener.close()
        if self._connection is not None:
            self._connection.close()

    # --- what tests do ---------------------------------------------------------------------

    def wait_connected(self, timeout: float = 20.0) -> None:
        self._wait(lambda: self._connection is not None, timeout, "no Socket Mode connection")

    def send(self, envelope: dict) -> None:
        self._frame(TEXT, json.dumps(envelope).encode())

    def wait_for_ack(self, envelope_id: str, timeout: float = 10.0) -> dict:
        self._wait(lambda: envelope_id in self.acks, timeout, f"no ack for envelope {envelope_id}")
        return self.acks[envelope_id]

    # --- the protocol --------------------------------------------------------------------------

    def _wait(self, ready, timeout: float, message: str) -> None:
        deadline = time.monotonic() + timeout
        with self._received:
            while not ready():
                if time.monotonic() > deadline:
                    raise AssertionError(message)
                self._received.wait(0.05)

    def _accept(self) -> None:
        try:
            connection, _ = self._listener.accept()
        except OSError:
            return
        request = b""
        while b"\r\n\r\n" not in request:
            request += connection.recv(4096)
        key = next(
            line.split(":", 1)[1].strip()
            for line in request.decode().split("\r\n")
            if line.lower().startswith("sec-websocket-key:")
        )
        accept = base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()
        connection.sendall(
            (
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Accept: {accept}\r\n\r\n"
            ).encode()
        )
        with self._received:
            self._connection = connection
            self.connections += 1
            self._received.notify_all()
        self.send({"type": "hello", "num_connections": 1, "debug_info": {"host": "stand-in"}})
        self._read(connection)

    def _read(self, connection: socket.socket) -> None:
        try:
            while True:
                opcode, payload = self._read_frame(connection)
                if opcode == PING:
                    self._frame(PONG, payload)
                elif opcode == CLOSE:
                    return
                elif opcode == TEXT:
                    message = json.loads(payload)
                    with self._received:
                        self.acks[message.get("envelope_id", "")] = message
                        self._received.notify_all()
        except (OSError, ConnectionError):
            return

    @staticmethod
    def _read_frame(connection: socket.socket) -> tuple[int, bytes]:
        def exactly(count: int) -> bytes:
            data = b""
            while len(data) < count:
                chunk = connection.recv(count - len(data))
                if not chunk:
                    raise ConnectionError("closed")
                data += chunk
            return data

        first, second = exactly(2)
        length = second & 0x7F
        if length == 126:
            length = struct.unpack(">H", exactly(2))[0]
        elif length == 127:
            length = struct.unpack(">Q", exactly(8))[0]
        mask = exactly(4) if second & 0x80 else b"\0\0\0\0"
        payload = bytes(byte ^ mask[index % 4] for index, byte in enumerate(exactly(length)))
        return first & 0x0F, payload

    def _frame(self, opcode: int, payload: bytes) -> None:
        length = len(payload)
        if length < 126:
            header = struct.pack(">BB", 0x80 | opcode, length)
        elif length < 65536:
            header = struct.pack(">BBH", 0x80 | opcode, 126, length)
        else:
            header = struct.pack(">BBQ", 0x80 | opcode, 127, length)
        with self._send_lock:
            assert self._connection is not None
            self._connection.sendall(header + payload)
