"""pytest fixtures backed by the fake Plex server.

Enable with ``pytest_plugins = ["plexkit.testing.pytest_plugin"]`` in your root conftest or
``pytest -p plexkit.testing.pytest_plugin``. Fixtures (fresh per test):

- ``plex_server``: a `FakePlexServer` with a small library; size it
  with ``@pytest.mark.plex_library(movies=500, shows=10, seed=3)``.
- ``plex_server_url``: the same server on a loopback port (``http://127.0.0.1:N``).
- ``plex_client``: a ``plexkit.PlexClient`` talking to it over loopback.
- ``async_plex_client``: a ``plexkit.AsyncPlexClient`` calling it in-process (anyio tests).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

from plexkit.testing.runner import FakePlexServer

if TYPE_CHECKING:
    from plexkit import AsyncPlexClient, PlexClient

SMALL_LIBRARY: dict[str, int] = {
    "movies": 40,
    "shows": 5,
    "artists": 3,
    "photo_albums": 2,
    "history": 60,
}
"""The library size the fixtures use unless a ``plex_library`` marker says otherwise."""


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``plex_library`` marker."""
    config.addinivalue_line(
        "markers",
        "plex_library(**sizes): library size and seed for the plex_server fixture "
        "(movies, shows, artists, photo_albums, history, seed)",
    )


@pytest.fixture
def plex_server(request: pytest.FixtureRequest) -> FakePlexServer:
    """A fresh fake Plex Media Server (in-process; use ``.asgi_transport()``)."""
    options: dict[str, Any] = dict(SMALL_LIBRARY)
    marker = request.node.get_closest_marker("plex_library")
    if marker is not None:
        options.update(marker.kwargs)
    return FakePlexServer(**options)


@pytest.fixture
def plex_server_url(plex_server: FakePlexServer) -> Iterator[str]:
    """``plex_server`` served on a loopback port for the duration of the test."""
    with plex_server.run_in_thread() as url:
        yield url


@pytest.fixture
def plex_client(plex_server: FakePlexServer, plex_server_url: str) -> Iterator[PlexClient]:
    """A sync ``plexkit.PlexClient`` connected to ``plex_server`` over loopback."""
    from plexkit import PlexClient

    with PlexClient(plex_server_url, token=plex_server.token) as client:
        yield client


@pytest.fixture
async def async_plex_client(
    plex_server: FakePlexServer, anyio_backend: Any
) -> AsyncIterator[AsyncPlexClient]:
    """An ``plexkit.AsyncPlexClient`` calling ``plex_server`` in-process (anyio tests)."""
    from plexkit import AsyncPlexClient

    async with AsyncPlexClient(
        "http://plex.test:32400", token=plex_server.token, transport=plex_server.asgi_transport()
    ) as client:
        yield client
