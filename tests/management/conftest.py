"""Fixtures for the library-management tests: a small fake server, served in-process (with
websockets) and on loopback, and a plexkit client of each kind talking to it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from mgmt_helpers import Env

from plexkit import AsyncPlexClient, PlexClient
from plexkit.testing import FakePlexServer

SIZES: dict[str, int] = {"movies": 12, "shows": 2, "artists": 1, "photo_albums": 1, "history": 5}
SCAN_SECONDS = 0.2


@pytest.fixture
def server() -> FakePlexServer:
    """A fresh fake server whose scans take a fraction of a second (``drop_websockets()``
    drops its websocket connections on demand)."""
    fake = FakePlexServer(**SIZES)
    fake.library.scans.duration = SCAN_SECONDS
    return fake


@pytest.fixture
def url(server: FakePlexServer) -> Iterator[str]:
    """The server on a loopback port (python-plexapi and the sync client use it)."""
    with server.run_in_thread() as base:
        yield base


@pytest.fixture(params=["sync", "async", "async-loopback"])
async def env(
    request: pytest.FixtureRequest, server: FakePlexServer, anyio_backend: str
) -> AsyncIterator[Env]:
    """A plexkit client of each kind: sync over loopback, async in-process (the websocket
    transport), async over loopback; under asyncio and trio."""
    mode = str(request.param)

    def loopback() -> str:
        return str(request.getfixturevalue("url"))

    if mode == "sync":
        with PlexClient(loopback(), token=server.token) as sync_plex:
            yield Env(sync_plex, server, loopback, mode)
        return
    client: Any
    if mode == "async":
        client = AsyncPlexClient(
            "http://plex.test:32400",
            token=server.token,
            transport=server.websocket_transport(),
        )
    else:
        client = AsyncPlexClient(loopback(), token=server.token)
    async with client as async_plex:
        yield Env(async_plex, server, loopback, mode)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The sync client does not use the event loop: run its cases under one backend only."""
    here = Path(__file__).parent
    kept, dropped = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        mine = here in Path(str(item.path)).parents
        if mine and params.get("env") == "sync" and params.get("anyio_backend") == "trio":
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
