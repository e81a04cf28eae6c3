"""Fixtures for the player tests: a small fake server whose disk has new files under the
manager's paths, and a player of each kind (sync over loopback, async in-process and over
loopback) with a Docker-style path mapping."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from player_helpers import MAPPER, Env

from plexkit import AsyncPlexClient, PlexClient
from plexkit.player import AsyncPlexPlayer, PlexPlayer
from plexkit.testing import FakePlexServer

SCAN_SECONDS = 0.2


@pytest.fixture
def server() -> FakePlexServer:
    fake = FakePlexServer(movies=8, shows=2, artists=1, photo_albums=1, history=0)
    fake.library.scans.duration = SCAN_SECONDS
    return fake


@pytest.fixture
def url(server: FakePlexServer) -> Iterator[str]:
    with server.run_in_thread() as base:
        yield base


@pytest.fixture(params=["sync", "async", "async-loopback"])
async def env(
    request: pytest.FixtureRequest, server: FakePlexServer, anyio_backend: str
) -> AsyncIterator[Env]:
    """A player of each kind on the fake server (poll interval short, websocket on)."""
    mode = str(request.param)
    options: dict[str, Any] = {"poll_interval": 0.05}
    if mode == "sync":
        with PlexClient(request.getfixturevalue("url"), token=server.token) as plex:
            yield Env(PlexPlayer(plex, MAPPER, **options), plex, server, mode)
        return
    client = (
        AsyncPlexClient(
            "http://plex.test:32400", token=server.token, transport=server.websocket_transport()
        )
        if mode == "async"
        else AsyncPlexClient(request.getfixturevalue("url"), token=server.token)
    )
    async with client as plex:
        yield Env(AsyncPlexPlayer(plex, MAPPER, **options), plex, server, mode)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The sync player does not use the event loop: run its cases under one backend only."""
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
