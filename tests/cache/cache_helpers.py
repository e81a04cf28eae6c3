"""Helpers shared by the cache tests: a fake clock, responses, keys, a redis-server runner."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

from plexkit.cache import CachedResponse, CacheKey

REDIS_SERVER = shutil.which("redis-server")


class FakeClock:
    """A clock tests move by hand: ``clock.advance(60)``."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def response(body: bytes = b'{"MediaContainer":{}}', status: int = 200) -> CachedResponse:
    return CachedResponse(
        status_code=status,
        headers={"Content-Type": "application/json", "X-Plex-Container-Total-Size": "3"},
        content=body,
        stored_at=0.0,
    )


def make_key(
    name: str = "items",
    *,
    server: str = "http://pms.local:32400",
    token: str | None = "token-aaaaaaaa",
    method: str = "GET",
    path: str = "/library/sections/1/all",
    params: dict[str, str | int] | None = None,
    offset: int | None = 0,
    limit: int | None = 50,
) -> CacheKey:
    return CacheKey.build(
        name=name,
        server=server,
        token=token,
        method=method,
        path=path,
        params=params,
        accept="application/json",
        offset=offset,
        limit=limit,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """A throwaway redis-server on a free loopback port (no persistence)."""

    def __init__(self, workdir: Path) -> None:
        assert REDIS_SERVER is not None
        self.port = free_port()
        self.workdir = workdir
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        assert REDIS_SERVER is not None
        self.proc = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
                "--protected-mode",
                "yes",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                pass
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self.proc = None
