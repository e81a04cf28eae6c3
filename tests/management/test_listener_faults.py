"""The listener and scans under faults: cancellation while starting, reconnect backoff
against a server that accepts and at once closes, a deadline that must bound the websocket
connect, and bad arguments refused before any request."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator

import anyio
import pytest

import plexkit._async.notifications as async_notifications
from plexkit import AsyncPlexClient, ConfigurationError, WaitTimeoutError
from plexkit.testing import FakePlexServer

pytestmark = pytest.mark.anyio

WS_PATH = "/:/websockets/notifications"
NAN = math.nan


@pytest.fixture
def fake() -> FakePlexServer:
    server = FakePlexServer(movies=3, shows=1, artists=1, photo_albums=1, history=1)
    server.library.scans.duration = 0.2
    return server


@pytest.fixture
async def plex(fake: FakePlexServer, anyio_backend: str) -> AsyncIterator[AsyncPlexClient]:
    # Over loopback: httpx-ws's in-process ASGI transport does not close once an upgrade
    # was cancelled mid-way (its own limitation, not plexkit's).
    with fake.run_in_thread() as base:
        async with AsyncPlexClient(base, token=fake.token) as client:
            yield client


async def test_cancelled_while_the_listener_starts(
    fake: FakePlexServer, plex: AsyncPlexClient
) -> None:
    fake.faults.add(path=WS_PATH, latency=2.0, times=1)
    with anyio.move_on_after(0.2) as scope:
        async with plex.notifications.listen():
            pytest.fail("the listener cannot have started")
    assert scope.cancelled_caught
    # The cancel-scope stack is intact: the client still works, and a new listener runs.
    async with plex.notifications.listen() as events:
        assert events.connected


async def test_cancelled_while_refresh_and_wait_connects(
    fake: FakePlexServer, plex: AsyncPlexClient
) -> None:
    fake.faults.add(path=WS_PATH, latency=2.0, times=1)
    with anyio.move_on_after(0.2) as scope:
        await plex.library.refresh_and_wait(1)
    assert scope.cancelled_caught
    result = await plex.library.refresh_and_wait(1, timeout=30)
    assert result.section_key == "1"


async def test_cancelled_while_a_watch_connects(
    fake: FakePlexServer, plex: AsyncPlexClient
) -> None:
    fake.faults.add(path=WS_PATH, latency=2.0, times=1)
    with anyio.move_on_after(0.2) as scope:
        async with plex.activities.watch("nope"):
            pytest.fail("the watch cannot have started")
    assert scope.cancelled_caught
    async with plex.notifications.listen() as events:
        assert events.connected


async def test_backoff_grows_when_the_server_accepts_then_closes(
    fake: FakePlexServer, plex: AsyncPlexClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[int] = []
    enough = anyio.Event()

    def delay(attempt: int, **_: object) -> float:
        attempts.append(attempt)
        if len(attempts) >= 4:
            enough.set()
        return 0.001

    monkeypatch.setattr(async_notifications, "reconnect_delay", delay)
    fake.faults.add(path=WS_PATH, truncate=True)
    async with plex.notifications.listen(max_backoff=1000.0) as events:
        with anyio.fail_after(20):
            await enough.wait()
        assert events.connects >= 4
    assert attempts[:4] == [1, 2, 3, 4]


async def test_refresh_and_wait_timeout_bounds_the_connect(
    fake: FakePlexServer, plex: AsyncPlexClient
) -> None:
    fake.faults.add(path=WS_PATH, hang=True, times=1)
    with anyio.fail_after(30), pytest.raises(WaitTimeoutError):
        await plex.library.refresh_and_wait(1, timeout=0.3)
    assert not fake.requests.matching(path="/library/sections/1/refresh")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"types": 5},
        {"types": [["a"]]},
        {"types": [""]},
        {"ping_interval": "x"},
        {"ping_interval": 0},
        {"ping_interval": -1},
        {"ping_interval": NAN},
        {"backoff": NAN},
        {"max_backoff": NAN},
        {"connect_timeout": NAN},
        {"backoff": math.inf},
    ],
)
async def test_listen_refuses_bad_arguments(
    fake: FakePlexServer, plex: AsyncPlexClient, kwargs: dict[str, object]
) -> None:
    with pytest.raises(ConfigurationError):
        plex.notifications.listen(**kwargs)  # type: ignore[arg-type]
    assert not fake.requests.matching(path=WS_PATH)


@pytest.mark.parametrize("timeout", ["x", NAN, -1])
async def test_receive_refuses_a_bad_timeout(plex: AsyncPlexClient, timeout: object) -> None:
    async with plex.notifications.listen() as events:
        with pytest.raises(ConfigurationError):
            await events.receive(timeout=timeout)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"timeout": NAN},
        {"poll_interval": NAN},
        {"poll_interval": math.inf},
        {"start_grace": NAN},
    ],
)
async def test_refresh_and_wait_refuses_nan(
    fake: FakePlexServer, plex: AsyncPlexClient, kwargs: dict[str, object]
) -> None:
    with pytest.raises(ConfigurationError):
        await plex.library.refresh_and_wait(1, **kwargs)  # type: ignore[arg-type]
    assert len(fake.requests) == 0


async def test_watch_refuses_nan(plex: AsyncPlexClient) -> None:
    with pytest.raises(ConfigurationError):
        plex.activities.watch("x", poll_interval=NAN)
    with pytest.raises(ConfigurationError):
        plex.activities.watch("x", timeout=NAN)


async def test_image_format_must_be_a_string(plex: AsyncPlexClient) -> None:
    with pytest.raises(ConfigurationError):
        await plex.urls.image("/library/metadata/1/thumb/1", format=[])  # type: ignore[arg-type]
