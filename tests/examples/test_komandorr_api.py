"""examples/komandorr_api.py: every endpoint through httpx's ASGI transport (asyncio and trio),
``cached``/``cache_age`` in each answer, and the polling mix saving >= 83% of Plex calls."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from komandorr_api import create_app, make_cache, simulate_dashboard

from plexkit import AsyncPlexClient
from plexkit.testing.app import create_app as create_fake

pytestmark = pytest.mark.anyio
TOKEN = "komandorr-token"


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def fake() -> Any:
    return create_fake(token=TOKEN)


async def run_app(fake: Any, clock: Clock, *, use_cache: bool = True) -> AsyncIterator[Any]:
    plex = AsyncPlexClient(
        "http://fake-pms:32400",
        token=TOKEN,
        transport=httpx.ASGITransport(fake),
        cache=make_cache(clock=clock),
    )
    app = create_app(plex, use_cache=use_cache, clock=clock)
    async with (
        plex,
        httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://komandorr") as api,
    ):
        yield api


@pytest.fixture
async def api(fake: Any) -> AsyncIterator[Any]:
    clock = Clock()
    async for client in run_app(fake, clock):
        client.clock = clock
        yield client


def assert_cache_fields(body: dict[str, Any], cached: bool, age: float = 0.0) -> None:
    assert (body["cached"], body["cache_age"]) == (cached, age)


async def test_activities_cached_five_seconds_with_their_age(api: Any, fake: Any) -> None:
    first = (await api.get("/api/plex/activities")).json()
    assert isinstance(first["activities"], list)
    assert_cache_fields(first, False)
    api.clock.advance(3)
    assert_cache_fields((await api.get("/api/plex/activities")).json(), True, 3.0)
    api.clock.advance(3)
    assert_cache_fields((await api.get("/api/plex/activities")).json(), False)
    assert fake.requests.count("/activities") == 2


async def test_history_cached_and_sync_invalidates_it(api: Any, fake: Any) -> None:
    first = (await api.get("/api/plex/history", params={"limit": 10})).json()
    assert first["count"] == len(first["history"]) == 10
    assert_cache_fields(first, False)
    api.clock.advance(60)
    assert_cache_fields(
        (await api.get("/api/plex/history", params={"limit": 10})).json(), True, 60.0
    )
    synced = await api.post("/api/plex/history/sync")
    assert synced.status_code == 200 and synced.json()["synced"] > 0
    assert_cache_fields((await api.get("/api/plex/history", params={"limit": 10})).json(), False)
    assert (await api.get("/api/plex/history", params={"limit": 0})).status_code == 400


async def test_stats_precomputed_every_minute(api: Any, fake: Any) -> None:
    first = (await api.get("/api/plex/stats")).json()
    assert set(first["counts"]) == {
        "movie",
        "show",
        "season",
        "episode",
        "artist",
        "album",
        "track",
    }
    assert first["counts"]["movie"] > 0 and first["cached"] is False
    api.clock.advance(30)
    second = (await api.get("/api/plex/stats")).json()
    assert (second["cached"], second["cache_age"], second["counts"]) == (
        True,
        30.0,
        first["counts"],
    )
    api.clock.advance(31)
    assert (await api.get("/api/plex/stats")).json()["cached"] is False


async def test_streams_and_cache_endpoints(api: Any, fake: Any) -> None:
    streams = (await api.get("/api/plex/streams")).json()
    assert streams["count"] == len(streams["streams"]) and streams["cached"] is False
    warmed = (await api.post("/api/cache/warm")).json()
    assert warmed["failed"] == {} and "history" in warmed["warmed"]
    stats = (await api.get("/api/cache/stats")).json()
    assert stats["caches"]["history"]["refreshes"] == 1 and stats["backend"]["kind"] == "memory"
    assert stats["caches"]["activities"]["ttl"] == 5.0 and "cached" in stats
    assert (await api.post("/api/cache/clear")).json()["cleared"] is True
    assert (await api.get("/api/cache/stats")).json()["totals"]["total"] == 0


async def test_polling_mix_makes_at_least_83_percent_fewer_plex_calls() -> None:
    calls = {}
    for use_cache in (False, True):
        fake, clock = create_fake(token=TOKEN), Clock()
        async for api in run_app(fake, clock, use_cache=use_cache):
            assert await simulate_dashboard(api, clock.advance, seconds=300) == 0
        calls[use_cache] = fake.requests.count()
    saved = 1 - calls[True] / calls[False]
    assert saved >= 0.83, calls
