"""Fixtures for the fake-server tests: a small server, in-process and loopback clients, and a
two-account server with a client per account."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from plexkit import AsyncPlexClient
from plexkit.testing import FakePlexServer
from tests.testing.accounts import FRIEND, two_account_server

TOKEN = "fake-token"


@pytest.fixture
def fake() -> FakePlexServer:
    """A fresh, small fake server."""
    return FakePlexServer(movies=40, shows=6, artists=3, photo_albums=2, history=80)


@pytest.fixture
async def aclient(fake: FakePlexServer, anyio_backend: str) -> AsyncIterator[httpx.AsyncClient]:
    """httpx calling the fake in-process, with the owner's token."""
    async with httpx.AsyncClient(
        transport=fake.asgi_transport(),
        base_url="http://plex.test:32400",
        headers={"X-Plex-Token": TOKEN},
    ) as client:
        yield client


@pytest.fixture
def loopback(fake: FakePlexServer) -> Iterator[str]:
    """The fake served on a loopback port."""
    with fake.run_in_thread() as url:
        yield url


@pytest.fixture
def client(loopback: str) -> Iterator[httpx.Client]:
    """httpx talking to the fake over loopback, with the owner's token."""
    with httpx.Client(base_url=loopback, headers={"X-Plex-Token": TOKEN}, timeout=10) as c:
        yield c


@pytest.fixture
def server() -> FakePlexServer:
    """A small fake with two accounts: the owner and ``FRIEND``."""
    return two_account_server()


@pytest.fixture
async def owner(server: FakePlexServer, anyio_backend: str) -> AsyncIterator[AsyncPlexClient]:
    async with AsyncPlexClient(
        "http://plex.test:32400", token=server.token, transport=server.asgi_transport()
    ) as plex:
        yield plex


@pytest.fixture
async def friend(server: FakePlexServer, anyio_backend: str) -> AsyncIterator[AsyncPlexClient]:
    async with AsyncPlexClient(
        "http://plex.test:32400", token=FRIEND, transport=server.asgi_transport()
    ) as plex:
        yield plex
