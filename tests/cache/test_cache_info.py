"""Per-response cache facts: ``Page.cache`` and ``capture_cache_info`` (hit, age), per task."""

from __future__ import annotations

from typing import Any

import anyio
import httpx
import pytest
from cache_helpers import FakeClock

from plexkit._async.client import AsyncPlexClient
from plexkit._sync.client import PlexClient
from plexkit.cache import AsyncResponseCache, ResponseCache, capture_cache_info
from plexkit.errors import ConfigurationError
from plexkit.testing import FakePlexServer
from plexkit.testing.app import create_app

TOKEN = "info-token"
BASE = "http://fake-pms:32400"


@pytest.fixture
def app() -> Any:
    return create_app(token=TOKEN)


def aclient(app: Any, clock: FakeClock) -> AsyncPlexClient:
    cache = AsyncResponseCache(clock=clock)
    return AsyncPlexClient(BASE, token=TOKEN, transport=httpx.ASGITransport(app), cache=cache)


@pytest.mark.anyio
async def test_page_says_miss_then_hit_with_its_age(app: Any, clock: FakeClock) -> None:
    async with aclient(app, clock) as plex:
        section = (await plex.library.sections())[0]
        first = await plex.library.items(section.key, limit=5)
        clock.advance(42)
        second = await plex.library.items(section.key, limit=5)
    assert first.cache is not None and second.cache is not None
    assert (first.cache.hit, first.cache.age) == (False, 0.0)
    assert (second.cache.hit, second.cache.age) == (True, 42.0)
    assert second.cache.to_dict() == {"cached": True, "cache_age": 42.0}


@pytest.mark.anyio
async def test_capture_covers_tuple_calls_and_stays_in_its_task(app: Any, clock: FakeClock) -> None:
    async with aclient(app, clock) as plex:
        await plex.history.list(limit=10)
        clock.advance(7)
        seen: dict[str, Any] = {}

        async def hit() -> None:
            with capture_cache_info() as log:
                await plex.history.list(limit=10)
            seen["hit"] = log

        async def miss() -> None:
            with capture_cache_info() as log:
                await plex.history.list(limit=3)
            seen["miss"] = log

        async with anyio.create_task_group() as tg:
            tg.start_soon(hit)
            tg.start_soon(miss)
    assert [(i.hit, i.age) for i in seen["hit"].infos] == [(True, 7.0)]
    assert [(i.hit, i.age) for i in seen["miss"].infos] == [(False, 0.0)]
    assert seen["hit"].hit and not seen["miss"].hit


def test_sync_client_reports_too(clock: FakeClock) -> None:
    server = FakePlexServer()
    with (
        server.run_in_thread() as url,
        PlexClient(url, token=server.token, cache=ResponseCache(clock=clock)) as plex,
    ):
        plex.server.info()
        clock.advance(3)
        with capture_cache_info() as seen:
            plex.server.info()
    assert seen.last is not None and (seen.last.hit, seen.last.age) == (True, 3.0)


@pytest.mark.anyio
async def test_raw_get_is_cached_only_under_a_name(app: Any, clock: FakeClock) -> None:
    async with aclient(app, clock) as plex:
        await plex.raw.get("/identity")
        await plex.raw.get("/identity")
        assert app.requests.count("/identity") == 2  # no name: never cached
        with capture_cache_info() as seen:
            await plex.raw.get("/identity", cache_name="server")
            await plex.raw.get("/identity", cache_name="server")
        assert app.requests.count("/identity") == 3
        assert [i.hit for i in seen.infos] == [False, True] and seen.infos[0].name == "server"
        await plex.raw.get("/hubs", cache_name="hubs", ttl=30)
        await plex.raw.get("/hubs", cache_name="hubs", ttl=30)
        assert app.requests.count("/hubs") == 1
        with pytest.raises(ConfigurationError):
            await plex.raw.get("/identity", cache_name="bad:name")


def test_nested_captures_all_see_a_call_and_unwind_in_order(clock: FakeClock) -> None:
    server = FakePlexServer()
    with (
        server.run_in_thread() as url,
        PlexClient(url, token=server.token, cache=ResponseCache(clock=clock)) as plex,
    ):
        with capture_cache_info() as outer:
            plex.server.info()
            with capture_cache_info() as inner:
                plex.server.info()
            plex.server.info()
        plex.server.info()  # outside every scope: seen by none
    assert [info.hit for info in outer.infos] == [False, True, True]
    assert [info.hit for info in inner.infos] == [True]
    assert inner.hit and not outer.hit and outer.age == 0.0


def test_a_capture_scope_is_entered_once(clock: FakeClock) -> None:
    server = FakePlexServer()
    scope = capture_cache_info()
    with (
        server.run_in_thread() as url,
        PlexClient(url, token=server.token, cache=ResponseCache(clock=clock)) as plex,
    ):
        with scope as seen:
            with pytest.raises(ConfigurationError), scope:
                pass
            plex.server.info()
        with pytest.raises(ConfigurationError), scope:
            pass
        plex.server.info()
    assert [info.hit for info in seen.infos] == [False]
