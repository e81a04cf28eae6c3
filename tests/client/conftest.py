"""The ``client`` fixture: each test runs against the sync client (fake on loopback) and the
async one (fake in-process), under every anyio backend."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from plexkit import AsyncPlexClient, PlexClient
from plexkit.testing import FakePlexServer


@pytest.fixture(params=["sync", "async"])
async def client(
    request: pytest.FixtureRequest, plex_server: FakePlexServer, anyio_backend: str
) -> AsyncIterator[PlexClient | AsyncPlexClient]:
    if request.param == "async":
        async with AsyncPlexClient(
            "http://plex.test:32400",
            token=plex_server.token,
            transport=plex_server.asgi_transport(),
        ) as plex:
            yield plex
        return
    with plex_server.run_in_thread() as url, PlexClient(url, token=plex_server.token) as plex:
        yield plex
