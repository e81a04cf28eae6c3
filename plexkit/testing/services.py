"""What the fake TMDB and TVDB servers share with the fake PMS: request log, fault injection,
in-process transport and loopback serving."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import httpx
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute
from starlette.types import Receive, Scope, Send

from plexkit.testing import faults as faults_module
from plexkit.testing.faults import FaultInjector
from plexkit.testing.recorder import RequestLog
from plexkit.testing.serving import serve_in_thread

__all__ = ["FakeJSONService", "json_error"]


def json_error(status: int, body: object) -> JSONResponse:
    """An error answer with the service's JSON error body."""
    return JSONResponse(body, status_code=status)


class FakeJSONService:
    """An ASGI app: each request is recorded, given to a matching fault, then routed.

    ``faults`` and ``requests`` work as on `FakePlexServer`.
    """

    name = "fake service"

    def __init__(self, routes: Sequence[BaseRoute]) -> None:
        self.faults = FaultInjector()
        self.requests = RequestLog()
        self.router = Starlette(routes=list(routes))
        self.url: str | None = None
        """The base URL while running on loopback, else None."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.router(scope, receive, send)
            return
        self.requests.record(scope)
        fault = self.faults.take(scope.get("method", "GET"), scope["path"])
        if fault is not None:
            await faults_module.apply(fault, self.router, scope, receive, send)
        else:
            await self.router(scope, receive, send)

    def asgi_transport(self) -> httpx.ASGITransport:
        """An httpx transport that calls the app in-process."""
        return httpx.ASGITransport(app=self)

    @contextmanager
    def run_in_thread(self, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
        """Serve on ``host:port`` (0: a free port) in a background thread; yields the URL."""
        with serve_in_thread(self, host=host, port=port, name=self.name) as url:
            self.url = url
            try:
                yield url
            finally:
                self.url = None
