"""The fake plex.tv's Starlette app and its loopback runner (shared with the fake PMS)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette

from plexkit.testing.serving import serve_in_thread

if TYPE_CHECKING:
    from plexkit.testing.plextv.state import FakePlexTV


def create_plextv_app(fake: FakePlexTV) -> Starlette:
    """The Starlette app serving ``fake`` for both plex.tv and clients.plex.tv paths."""
    from plexkit.testing.plextv.routes import ENDPOINTS

    return Starlette(routes=[endpoint.route(fake) for endpoint in ENDPOINTS])


@contextmanager
def serve(app: Any, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Run ``app`` with uvicorn on loopback in a thread; yields its base URL.

    Access logs are off (the fake's URLs carry device JWTs, as the real ones do).
    """
    with serve_in_thread(app, host=host, port=port, name="plexkit-fake-plextv") as url:
        yield url
