"""Running a fake's ASGI app with uvicorn on loopback: one runner for the fake PMS and the
fake plex.tv (access logs off: the fakes' URLs can carry tokens and device JWTs)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from starlette.types import ASGIApp

__all__ = ["bind", "serve_in_thread", "uvicorn_server"]

_STARTUP_TIMEOUT = 15.0


def bind(host: str, port: int) -> socket.socket:
    """A listening-ready socket on ``host:port`` (0: a free port).

    IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets whose ``proto`` says
    TCP, and accepted sockets inherit the listener's. With proto 0 Nagle's algorithm held
    each response's body behind its headers until the client's delayed ACK (~40 ms).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def uvicorn_server(app: ASGIApp) -> uvicorn.Server:
    """A quiet uvicorn server for ``app`` (h11, wsproto websockets, no lifespan)."""
    config = uvicorn.Config(
        app,
        loop="asyncio",
        http="h11",
        ws="wsproto",  # always installed (httpx-ws needs it); refuses upgrades cleanly
        lifespan="off",
        log_level="warning",
        log_config=None,
        access_log=False,
        proxy_headers=False,
        timeout_graceful_shutdown=1,
    )
    return uvicorn.Server(config)


@contextmanager
def serve_in_thread(
    app: ASGIApp, *, host: str = "127.0.0.1", port: int = 0, name: str = "plexkit-fake-server"
) -> Iterator[str]:
    """Serve ``app`` on ``host:port`` in a daemon thread; yields the base URL."""
    sock = bind(host, port)
    server = uvicorn_server(app)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=name, daemon=True)
    thread.start()
    deadline = time.monotonic() + _STARTUP_TIMEOUT
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            sock.close()
            raise RuntimeError("the fake server did not start")
        time.sleep(0.005)
    try:
        yield f"http://{host}:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=_STARTUP_TIMEOUT)
        sock.close()
