"""Test helpers for tests/auth: transports that hold requests back until N have arrived."""

from __future__ import annotations

import threading
from collections.abc import Callable

import anyio
import httpx


class AsyncGate(httpx.AsyncBaseTransport):
    """Forwards to ``inner``, but holds each request matching ``held`` until ``count`` of them
    have arrived, so that many requests are at the server at the same time."""

    def __init__(
        self, inner: httpx.AsyncBaseTransport, count: int, held: Callable[[httpx.Request], bool]
    ) -> None:
        self.inner, self.count, self.held = inner, count, held
        self.arrived = 0
        self.open = anyio.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.held(request) and not self.open.is_set():
            self.arrived += 1
            if self.arrived >= self.count:
                self.open.set()
            with anyio.fail_after(10):
                await self.open.wait()
        return await self.inner.handle_async_request(request)


class SyncGate(httpx.BaseTransport):
    """The thread version of `AsyncGate`."""

    def __init__(
        self, inner: httpx.BaseTransport, count: int, held: Callable[[httpx.Request], bool]
    ) -> None:
        self.inner, self.count, self.held = inner, count, held
        self.arrived = 0
        self.open = threading.Event()
        self.lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.held(request) and not self.open.is_set():
            with self.lock:
                self.arrived += 1
                if self.arrived >= self.count:
                    self.open.set()
            assert self.open.wait(10), "the other requests never arrived"
        return self.inner.handle_request(request)


def old_token(token: str) -> Callable[[httpx.Request], bool]:
    """Matches requests that still carry ``token``."""
    return lambda request: request.headers.get("X-Plex-Token") == token


PLEXTV_HOSTS = ("plex.tv", "clients.plex.tv")


def server_answer(behaviour: str, request: httpx.Request) -> httpx.Response:
    """A fake server connection: ``refuse``, ``timeout``, ``500`` or ``identity:<machine id>``."""
    if behaviour == "refuse":
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
    if behaviour == "timeout":
        raise httpx.ConnectTimeout("timed out", request=request)
    if behaviour.startswith("identity:"):
        container = {"size": 0, "machineIdentifier": behaviour.split(":", 1)[1]}
        return httpx.Response(200, json={"MediaContainer": container})
    return httpx.Response(int(behaviour), text="error")


def origin_of(request: httpx.Request) -> str:
    """``scheme://host:port`` with the port spelled out (httpx drops default ones)."""
    url = request.url
    port = url.port or (443 if url.scheme == "https" else 80)
    host = f"[{url.host}]" if ":" in url.host else url.host
    return f"{url.scheme}://{host}:{port}"


class AsyncRouter(httpx.AsyncBaseTransport):
    """plex.tv hosts go to the fake plex.tv; each server origin behaves as told (see above).
    ``probes`` records (origin, token) of every server request."""

    def __init__(self, plextv: httpx.AsyncBaseTransport, servers: dict[str, str]) -> None:
        self.plextv, self.servers = plextv, servers
        self.probes: list[tuple[str, str | None]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host in PLEXTV_HOSTS:
            return await self.plextv.handle_async_request(request)
        origin = origin_of(request)
        self.probes.append((origin, request.headers.get("X-Plex-Token")))
        return server_answer(self.servers.get(origin, "refuse"), request)


class SyncRouter(httpx.BaseTransport):
    """The sync version of `AsyncRouter`."""

    def __init__(self, plextv: httpx.BaseTransport, servers: dict[str, str]) -> None:
        self.plextv, self.servers = plextv, servers
        self.probes: list[tuple[str, str | None]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host in PLEXTV_HOSTS:
            return self.plextv.handle_request(request)
        origin = origin_of(request)
        self.probes.append((origin, request.headers.get("X-Plex-Token")))
        return server_answer(self.servers.get(origin, "refuse"), request)
