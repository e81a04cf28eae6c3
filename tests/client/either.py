"""Helpers for tests that run one body against either client: the ``client`` fixture (the
sync client with the fake on loopback, the async one with it in-process, under every anyio
backend), awaiting what the async client returns, and collecting an iterator of either kind.
A test module outside tests/client takes the fixture with ``from tests.client.either import
client``."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Iterator
from typing import Any, TypeVar

import pytest

from plexkit import AsyncPlexClient, PlexClient
from plexkit.testing import FakePlexServer

T = TypeVar("T")


async def resolve(value: Any) -> Any:
    """``value`` itself from the sync client, awaited from the async one."""
    return await value if inspect.isawaitable(value) else value


async def collect(iterable: Iterator[T] | AsyncIterator[T]) -> list[T]:
    """Every entry of a sync or an async iterator."""
    if isinstance(iterable, Iterator):
        return list(iterable)
    return [entry async for entry in iterable]


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
