"""A fault-injecting HTTP proxy on loopback, between a plexkit client and a fake server.

Each connection carries one request (responses say ``Connection: close``). Faults are drawn
from a seeded RNG: resets before or after the request reached the server, 502/503, 429 with
``Retry-After: 0``, bodies cut short, corrupt gzip bodies, stalls and garbage 200s. In
``drop_writes`` mode every non-GET request is forwarded (the server applies it) and the
connection is then reset before any answer, as when a response is lost.
"""

from __future__ import annotations

import http.client
import random
import socket
import socketserver
import struct
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from urllib.parse import quote, urlsplit

FAULTS = (
    ("reset", 3),
    ("502", 3),
    ("503", 3),
    ("429", 3),
    ("truncated", 3),
    ("corrupt_gzip", 3),
    ("garbage", 3),
    ("stall", 1),
)
_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class FaultProxy:
    """Forward to ``upstream``; ``fault_rate`` of requests get one of :data:`FAULTS`."""

    def __init__(
        self,
        upstream: str,
        *,
        fault_rate: float = 0.0,
        seed: int = 0,
        stall: float = 0.4,
        drop_writes: bool = False,
        echo_errors: bool = False,
    ) -> None:
        parts = urlsplit(upstream)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.fault_rate = fault_rate
        self.stall = stall
        self.drop_writes = drop_writes
        self.echo_errors = echo_errors
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.requests: Counter[tuple[str, str]] = Counter()
        self.forwarded: Counter[tuple[str, str]] = Counter()
        self.faults: Counter[str] = Counter()

    def draw(self) -> str | None:
        with self.lock:
            if self.rng.random() >= self.fault_rate:
                return None
            names, weights = zip(*FAULTS, strict=True)
            fault = self.rng.choices(names, weights)[0]
            self.faults[fault] += 1
            return fault

    @contextmanager
    def run(self) -> Iterator[str]:
        proxy = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                proxy.handle(self.connection, self.rfile)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        server = Server(("127.0.0.1", 0), Handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()
            server.server_close()

    def handle(self, conn: socket.socket, rfile: object) -> None:
        head, method, target, headers, body = _read_request(rfile)
        if not method:
            return
        path = target.split("?", 1)[0]
        with self.lock:
            self.requests[(method, path)] += 1
        if self.drop_writes and method != "GET":
            self._forward(method, target, headers, body)
            _reset(conn)
            return
        if self.echo_errors and method == "GET" and "/library/metadata/" in path:
            echo = f"<html>you sent {head!r} {quote(head.decode('latin-1'))}</html>".encode()
            _send(conn, 500, {"Content-Type": "text/html"}, echo)
            return
        fault = self.draw()
        if fault == "reset":
            _reset(conn)
        elif fault in ("502", "503"):
            _send(conn, int(fault), {"Content-Type": "text/html"}, b"<html>bad gateway</html>")
        elif fault == "429":
            _send(conn, 429, {"Retry-After": "0", "Content-Type": "text/html"}, b"slow down")
        elif fault == "stall":
            time.sleep(self.stall)
            _reset(conn)
        else:
            status, out_headers, content = self._forward(method, target, headers, body)
            if fault == "truncated":
                _send(conn, status, out_headers, content, cut=max(1, len(content) // 2))
            elif fault == "corrupt_gzip":
                garbage = b"\x1f\x8b\x08\x00" + bytes(self.rng.randrange(256) for _ in range(40))
                _send(conn, status, {**out_headers, "Content-Encoding": "gzip"}, garbage)
            elif fault == "garbage":
                junk = bytes(self.rng.randrange(256) for _ in range(64))
                _send(conn, 200, {"Content-Type": "application/json"}, b"{\x00" + junk)
            else:
                _send(conn, status, out_headers, content)

    def _forward(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        upstream = http.client.HTTPConnection(*self.upstream, timeout=10)
        try:
            sent = {k: v for k, v in headers.items() if k.lower() not in _HOP_BY_HOP}
            sent.pop("Accept-Encoding", None)
            sent.pop("accept-encoding", None)
            upstream.request(method, target, body=body or None, headers=sent)
            response = upstream.getresponse()
            content = response.read()
            kept = {
                k: v
                for k, v in response.getheaders()
                if k.lower() not in _HOP_BY_HOP and k.lower() != "content-encoding"
            }
        finally:
            upstream.close()
        with self.lock:
            self.forwarded[(method, target.split("?", 1)[0])] += 1
        return response.status, kept, content


def _read_request(rfile: object) -> tuple[bytes, str, str, dict[str, str], bytes]:
    read_line = rfile.readline  # type: ignore[attr-defined]
    lines = [read_line(65537)]
    if not lines[0].strip():
        return b"", "", "", {}, b""
    while True:
        line = read_line(65537)
        lines.append(line)
        if line in (b"\r\n", b"\n", b""):
            break
    head = b"".join(lines)
    method, target, _ = lines[0].decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if b":" in line:
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip()] = value.strip()
    length = int(next((v for k, v in headers.items() if k.lower() == "content-length"), "0"))
    body = rfile.read(length) if length else b""  # type: ignore[attr-defined]
    return head, method, target, headers, body


def _send(
    conn: socket.socket,
    status: int,
    headers: dict[str, str],
    content: bytes,
    *,
    cut: int | None = None,
) -> None:
    lines = [f"HTTP/1.1 {status} X"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    lines += [f"Content-Length: {len(content)}", "Connection: close", "", ""]
    data = "\r\n".join(lines).encode("latin-1") + (content if cut is None else content[:cut])
    try:
        conn.sendall(data)
    except OSError:
        return
    if cut is not None:
        _reset(conn)


def _reset(conn: socket.socket) -> None:
    """Close with RST instead of FIN, like a crashed server or a dropped link."""
    with suppress(OSError):
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
