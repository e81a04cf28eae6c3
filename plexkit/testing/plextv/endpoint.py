"""One fake plex.tv endpoint: a handler of ``(fake, request, client identifier)`` and how it
treats a missing ``X-Plex-Client-Identifier``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from plexkit.testing.plextv.models import _NO_CLIENT_ID, _Reject

if TYPE_CHECKING:
    from plexkit.testing.plextv.state import FakePlexTV

Handler = Callable[["FakePlexTV", Request, str], Awaitable[Response]]


@dataclass(frozen=True)
class Endpoint:
    """``path`` and ``method`` served by ``handler``; without a client identifier the answer
    is ``missing_client_status`` (plex.tv: 400, 422 for ``/auth/nonce``) unless
    ``needs_client`` is False."""

    path: str
    method: str
    handler: Handler
    needs_client: bool = True
    missing_client_status: int = 400

    def route(self, fake: FakePlexTV) -> Route:
        """The Starlette route serving this endpoint for ``fake`` (counting its calls)."""

        async def run(request: Request) -> Response:
            with fake._lock:
                fake.calls[request.url.path] += 1
            client = request.headers.get("X-Plex-Client-Identifier") or request.query_params.get(
                "X-Plex-Client-Identifier", ""
            )
            try:
                if self.needs_client and not client:
                    raise _Reject(self.missing_client_status, 1000, _NO_CLIENT_ID)
                return await self.handler(fake, request, client)
            except _Reject as reject:
                return reject.response()

        return Route(self.path, run, methods=[self.method])
