"""``FakePlexServer``: the fake PMS with its knobs, run in-process, in a thread or foreground.

>>> server = FakePlexServer(movies=50)
>>> httpx.AsyncClient(transport=server.asgi_transport(), base_url="http://plex")  # in-process
>>> with server.run_in_thread() as url:                                         # loopback
...     httpx.get(f"{url}/library/sections", headers={"X-Plex-Token": server.token})
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import httpx
import uvicorn
from httpx_ws.transport import ASGIWebSocketTransport
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from plexkit.testing.app import FakePlexApp, create_app
from plexkit.testing.disk import FakeDisk
from plexkit.testing.faults import DENIAL_EXTENSION, FaultInjector
from plexkit.testing.library import FakeLibrary
from plexkit.testing.notifications import Websockets
from plexkit.testing.recorder import RequestLog
from plexkit.testing.tokens import Tokens

_STARTUP_TIMEOUT = 15.0


class FakePlexServer:
    """A fake Plex Media Server: ``.app`` (ASGI), ``.library``, ``.faults``, ``.requests``.

    Pass a ``library`` or let one be generated from ``seed`` and the sizes.
    """

    def __init__(
        self,
        library: FakeLibrary | None = None,
        *,
        token: str = "fake-token",
        seed: int = 0,
        movies: int = 200,
        shows: int = 20,
        artists: int = 10,
        photo_albums: int = 3,
        history: int = 200,
        routes: Sequence[BaseRoute] = (),
    ) -> None:
        self.library = (
            library
            if library is not None
            else FakeLibrary.generate(
                seed,
                movies=movies,
                shows=shows,
                artists=artists,
                photo_albums=photo_albums,
                history=history,
            )
        )
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
        sock = _bind(host, port)
        server = _uvicorn(self.app)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="plexkit-fake-server", daemon=True
        )
        thread.start()
        deadline = time.monotonic() + _STARTUP_TIMEOUT
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                sock.close()
                raise RuntimeError("the fake Plex server did not start")
            time.sleep(0.005)
        self.url = f"http://{host}:{sock.getsockname()[1]}"
        try:
            yield self.url
        finally:
            self.url = None
            server.should_exit = True
            thread.join(timeout=_STARTUP_TIMEOUT)
            sock.close()

    def serve_forever(
        self, host: str = "127.0.0.1", port: int = 32400, *, ready: Callable[[str], None]
    ) -> None:
        """Serve in the foreground until interrupted; ``ready`` gets the URL once bound."""
        sock = _bind(host, port)
        self.url = f"http://{host}:{sock.getsockname()[1]}"
        ready(self.url)
        try:
            _uvicorn(self.app).run(sockets=[sock])
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


def _bind(host: str, port: int) -> socket.socket:
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets whose ``proto`` says
    # TCP, and accepted sockets inherit the listener's. With proto 0 Nagle's algorithm held
    # each response's body behind its headers until the client's delayed ACK (~40 ms).
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def _uvicorn(app: FakePlexApp) -> uvicorn.Server:
    config = uvicorn.Config(
        app,
        loop="asyncio",
        http="h11",
        ws="wsproto",  # always installed (httpx-ws needs it); refuses upgrades cleanly
        lifespan="off",
        log_level="warning",
        access_log=False,
        proxy_headers=False,
        timeout_graceful_shutdown=1,
    )
    return uvicorn.Server(config)
