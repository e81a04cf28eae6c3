"""``FakePlexServer``: the fake PMS with its knobs, run in-process, in a thread or foreground.

>>> server = FakePlexServer(movies=50)
>>> httpx.AsyncClient(transport=server.asgi_transport(), base_url="http://plex")  # in-process
>>> with server.run_in_thread() as url:                                         # loopback
...     httpx.get(f"{url}/library/sections", headers={"X-Plex-Token": server.token})
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

import httpx
from httpx_ws.transport import ASGIWebSocketTransport
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from plexkit.testing.app import FakePlexApp, create_app
from plexkit.testing.disk import FakeDisk
from plexkit.testing.faults import DENIAL_EXTENSION, FaultInjector
from plexkit.testing.library import FakeLibrary
from plexkit.testing.notifications import Websockets
from plexkit.testing.recorder import RequestLog
from plexkit.testing.serving import bind, serve_in_thread, uvicorn_server
from plexkit.testing.tokens import Tokens

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from plexkit.testing import LibrarySizes


class FakePlexServer:
    """A fake Plex Media Server: ``.app`` (ASGI), ``.library``, ``.faults``, ``.requests``.

    Pass a ``library`` or let one be generated from ``seed`` and the sizes
    (``movies=``, ``shows=``...: those of `FakeLibrary.generate`).
    """

    def __init__(
        self,
        library: FakeLibrary | None = None,
        *,
        token: str = "fake-token",
        seed: int = 0,
        routes: Sequence[BaseRoute] = (),
        **sizes: Unpack[LibrarySizes],
    ) -> None:
        self.library = library if library is not None else FakeLibrary.generate(seed, **sizes)
        self.tokens = Tokens(token)
        self.faults = FaultInjector()
        self.requests = RequestLog()
        self.websockets = Websockets()
        """The open ``/:/websockets/notifications`` connections."""
        self.app: FakePlexApp = create_app(
            self.library,
            tokens=self.tokens,
            faults=self.faults,
            requests=self.requests,
            routes=routes,
            websockets=self.websockets,
        )
        self.url: str | None = None
        """The base URL while running on loopback, else None."""

    @property
    def token(self) -> str:
        """The owner's token."""
        return self.tokens.owner

    @property
    def disk(self) -> FakeDisk:
        """Files waiting on the server's disk: a scan of their folder imports them when it
        ends (``server.disk.add_movie(path, title, year)``)."""
        return self.library.disk

    def add_token(self, token: str, account_id: int = 1) -> str:
        """Accept another token (e.g. a shared user's) from now on."""
        return self.tokens.add(token, account_id)

    def drop_websockets(self, code: int = 1011) -> int:
        """Close every open notification websocket with ``code`` (1011: internal error), as
        a restarting server would; returns how many. Events published after this returns are
        not delivered on them; new connections are accepted as usual (a fault can refuse
        them)."""
        return self.websockets.drop(code)

    def asgi_transport(self) -> httpx.ASGITransport:
        """An httpx transport that calls the app in-process (for ``httpx.AsyncClient``)."""
        return httpx.ASGITransport(app=self.app)

    def websocket_transport(self) -> ASGIWebSocketTransport:
        """Like ``asgi_transport()``, and also able to open ``/:/websockets/notifications``
        in-process (with httpx-ws ``aconnect_ws``)."""
        return ASGIWebSocketTransport(app=_DenialResponses(self.app))

    @contextmanager
    def run_in_thread(self, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
        """Serve on ``host:port`` (0: a free port) in a background thread; yields the URL."""
        with serve_in_thread(self.app, host=host, port=port) as url:
            self.url = url
            try:
                yield url
            finally:
                self.url = None

    def serve_forever(
        self, host: str = "127.0.0.1", port: int = 32400, *, ready: Callable[[str], None]
    ) -> None:
        """Serve in the foreground until interrupted; ``ready`` gets the URL once bound."""
        sock = bind(host, port)
        self.url = f"http://{host}:{sock.getsockname()[1]}"
        ready(self.url)
        try:
            uvicorn_server(self.app).run(sockets=[sock])
        finally:
            self.url = None
            sock.close()


class _DenialResponses:
    """Announce the websocket denial response extension to the app: httpx-ws's in-process
    transport handles it (a refused upgrade raises ``WebSocketUpgradeError`` with the
    status) but does not put it in the scope."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            extensions = {DENIAL_EXTENSION: {}, **(scope.get("extensions") or {})}
            scope = {**scope, "extensions": extensions}
        await self.app(scope, receive, send)
