"""The cache inside the real clients, against the fake server (requests counted at the server)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import anyio
import httpx
import pytest
from cache_helpers import FakeClock

from plexkit.cache import AsyncResponseCache, ResponseCache

try:
    from plexkit._async.client import AsyncPlexClient
    from plexkit._sync.client import PlexClient
    from plexkit.testing.app import create_app
except ImportError as exc:  # the client or the fake server is not importable yet
    pytest.skip(f"client or fake server unavailable: {exc}", allow_module_level=True)

TOKEN = "cache-test-token"
BASE = "http://fake-pms:32400"


@pytest.fixture
def app() -> Any:
    return create_app(token=TOKEN)


def aclient(app: Any, cache: AsyncResponseCache, **kwargs: Any) -> AsyncPlexClient:
    return AsyncPlexClient(
        BASE,
        token=kwargs.pop("token", TOKEN),
        transport=httpx.ASGITransport(app),
        cache=cache,
        **kwargs,
    )


@pytest.mark.anyio
async def test_50_concurrent_misses_make_one_request(app: Any, clock: FakeClock) -> None:
    cache = AsyncResponseCache(clock=clock)
    app.faults.add("/library/sections", latency=0.2, times=1)  # hold the first request open
    results: list[Any] = []
    async with aclient(app, cache) as plex:

        async def call() -> None:
            results.append(await plex.library.sections())

        async with anyio.create_task_group() as tg:
            for _ in range(50):
                tg.start_soon(call)
    assert app.requests.count("/library/sections") == 1
    assert len(results) == 50 and all(r == results[0] for r in results)
    stats = cache.stats()["sections"]
    assert (stats.misses, stats.hits) == (1, 49)


@pytest.fixture
def loopback(app: Any) -> Iterator[str]:
    uvicorn = pytest.importorskip("uvicorn")
    import socket
    import time

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(300):
        if server.started:
            break
        time.sleep(0.02)
    assert server.started
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_50_threads_make_one_request(app: Any, loopback: str, clock: FakeClock) -> None:
    cache = ResponseCache(clock=clock)
    app.faults.add("/library/sections", latency=0.3, times=1)
    barrier = threading.Barrier(50)
    results: list[Any] = []
    with PlexClient(loopback, token=TOKEN, cache=cache) as plex:

        def call() -> None:
            barrier.wait(30)
            results.append(plex.library.sections())

        threads = [threading.Thread(target=call) for _ in range(50)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    assert len(results) == 50
    assert app.requests.count("/library/sections") == 1


@pytest.mark.anyio
async def test_an_edit_invalidates_the_item(app: Any, clock: FakeClock) -> None:
    cache = AsyncResponseCache(clock=clock)
    async with aclient(app, cache) as plex:
        sections = await plex.library.sections()
        page = await plex.library.items(sections[0].key, limit=5)
        item = page.items[0]
        before = await plex.metadata.get(item.rating_key)
        await plex.metadata.get(item.rating_key)
        gets = app.requests.count(f"/library/metadata/{item.rating_key}", method="GET")
        assert gets == 1
        await plex.metadata.edit(item.rating_key, title="Renamed by the cache test")
        after = await plex.metadata.get(item.rating_key)
        assert after.title == "Renamed by the cache test" != before.title
        assert app.requests.count(f"/library/metadata/{item.rating_key}", method="GET") == 2
        section_all = f"/library/sections/{sections[0].key}/all"
        assert app.requests.count(section_all) == 1
        await plex.library.items(sections[0].key, limit=5)  # items were dropped too
        assert app.requests.count(section_all) == 2
        await plex.library.sections()
        assert app.requests.count("/library/sections") == 1  # sections were not


@pytest.mark.anyio
async def test_serve_stale_on_503(app: Any, clock: FakeClock) -> None:
    cache = AsyncResponseCache(clock=clock, serve_stale=True)
    async with aclient(app, cache, max_retries=0) as plex:
        fresh = await plex.library.sections()
        clock.advance(7200)
        app.faults.add("/library/sections", status=503)
        stale = await plex.library.sections()
        assert stale == fresh
    assert cache.stats()["sections"].stale_served == 1


@pytest.mark.anyio
async def test_tokens_do_not_share_entries_and_warm_refreshes(app: Any, clock: FakeClock) -> None:
    app.tokens.add("second-user-token", account_id=2)
    cache = AsyncResponseCache(clock=clock)
    async with aclient(app, cache) as owner, aclient(app, cache, token="second-user-token") as user:
        await owner.server.info()
        await user.server.info()
        await owner.server.info()
        assert app.requests.count("/") == 2
        assert owner.cache is not None
        report = await owner.cache.warm()
        assert report["server"] is None and report["sections"] is None
        assert app.requests.count("/") == 3
        await owner.library.sections()
        assert app.requests.count("/library/sections") == 1  # warmed


@pytest.mark.anyio
async def test_library_counts_refresher_with_the_client(app: Any, clock: FakeClock) -> None:
    async with aclient(app, AsyncResponseCache(clock=clock)) as plex:
        assert plex.cache is not None
        counts = plex.cache.counts_refresher(interval=60)
        value = await counts.get()
        assert set(value) == {"movie", "show", "season", "episode", "artist", "album", "track"}
        assert value["movie"] > 0 and value["episode"] >= value["season"] >= value["show"] > 0
        asked = app.requests.count(regex=r"^/library/sections/[^/]+/all$")
        await counts.get()  # the latest value, no new requests
        assert app.requests.count(regex=r"^/library/sections/[^/]+/all$") == asked
