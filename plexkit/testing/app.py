"""``create_app``: the fake Plex Media Server as one ASGI application.

Each request is recorded, then given to a matching fault (if any), then authenticated
(``X-Plex-Token`` header or query parameter; ``/identity`` is public like on PMS), then
routed. Routes come from the modules in `plexkit.testing.routes`; more can be passed
as ``routes=`` (scans, websockets, plex.tv) without touching this file.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.types import Receive, Scope, Send

from plexkit.testing import faults as faults_module
from plexkit.testing.faults import FaultInjector
from plexkit.testing.library import FakeLibrary
from plexkit.testing.notifications import Websockets
from plexkit.testing.recorder import RequestLog
from plexkit.testing.respond import Context, HTTPError, error_page
from plexkit.testing.routes import default_routes
from plexkit.testing.tokens import Tokens, scope_token

PUBLIC_PATHS = frozenset({"/identity"})
"""Paths PMS answers without a token."""


class FakePlexApp:
    """The ASGI callable: request log, faults and auth in front of the Starlette router."""

    def __init__(
        self,
        library: FakeLibrary,
        tokens: Tokens,
        faults: FaultInjector,
        requests: RequestLog,
        routes: Sequence[BaseRoute],
        websockets: Websockets | None = None,
    ) -> None:
        self.library = library
        self.tokens = tokens
        self.faults = faults
        self.requests = requests
        self.websockets = websockets if websockets is not None else Websockets()
        """The open notification websockets (``websockets.drop()`` closes them)."""
        self.router = Starlette(
            routes=list(routes),
            exception_handlers={HTTPError: _http_error, 404: _not_found, 405: _not_allowed},
        )
        self.router.state.fake = Context(library=library, tokens=tokens, websockets=self.websockets)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.router(scope, receive, send)
            return
        path = scope["path"]
        if len(path) > 1 and path.endswith("/"):
            scope = {**scope, "path": path.rstrip("/")}
        self.requests.record(scope)
        self.library.scans.advance()
        fault = self.faults.take(scope.get("method", "GET"), scope["path"])
        if fault is not None:
            await faults_module.apply(fault, self._authenticated, scope, receive, send)
        else:
            await self._authenticated(scope, receive, send)

    async def _authenticated(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["path"] not in PUBLIC_PATHS and scope_token(scope) not in self.tokens:
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 4401})
            else:
                await error_page(401)(scope, receive, send)
            return
        await self.router(scope, receive, send)


def create_app(
    library: FakeLibrary | None = None,
    *,
    token: str = "fake-token",
    tokens: Tokens | None = None,
    faults: FaultInjector | None = None,
    requests: RequestLog | None = None,
    routes: Sequence[BaseRoute] = (),
    websockets: Websockets | None = None,
) -> FakePlexApp:
    """Build the fake server around ``library`` (default: a generated one, seed 0).

    ``token`` is the owner's token; pass ``tokens`` to share a token registry, ``faults``
    and ``requests`` to share fault rules and the request log, ``routes`` to add endpoints,
    ``websockets`` to share the registry of open notification websockets.
    """
    return FakePlexApp(
        library if library is not None else FakeLibrary.generate(),
        tokens if tokens is not None else Tokens(token),
        faults if faults is not None else FaultInjector(),
        requests if requests is not None else RequestLog(),
        [*default_routes(), *routes],
        websockets,
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status if isinstance(exc, HTTPError) else 500
    return error_page(status)


async def _not_found(request: Request, exc: Exception) -> Response:
    return error_page(404)


async def _not_allowed(request: Request, exc: Exception) -> Response:
    return error_page(405)
