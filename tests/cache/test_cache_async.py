"""AsyncResponseCache with the memory backend, under asyncio and trio."""

from __future__ import annotations

import logging

import anyio
import pytest
from anyio import wait_all_tasks_blocked
from cache_helpers import FakeClock, make_key, response

from plexkit.cache import (
    AsyncMemoryBackend,
    AsyncResponseCache,
    BackendInfo,
    CachedResponse,
    CachePolicy,
)
from plexkit.errors import NotFoundError, ServerError, ServerUnavailableError, TransportError

pytestmark = pytest.mark.anyio


class Upstream:
    """A load function that counts calls; each answer's body says which call made it."""

    def __init__(self) -> None:
        self.calls = 0
        self.error: Exception | None = None
        self.gate: anyio.Event | None = None

    async def __call__(self) -> CachedResponse:
        self.calls += 1
        if self.gate is not None:
            await self.gate.wait()
        if self.error is not None:
            raise self.error
        return response(f"v{self.calls}".encode())


def new_cache(clock: FakeClock, **kwargs: object) -> AsyncResponseCache:
    return AsyncResponseCache(clock=clock, **kwargs)  # type: ignore[arg-type]


async def test_miss_then_hit(clock: FakeClock) -> None:
    cache, load, key = new_cache(clock), Upstream(), make_key()
    first = await cache.fetch(key, load)
    second = await cache.fetch(key, load)
    assert load.calls == 1
    assert first.content == second.content == b"v1"
    assert second.stored_at == clock.now and second.expires_at == clock.now + 900
    assert not second.stale


async def test_ttl_expiry_follows_the_policy(clock: FakeClock) -> None:
    cache, load = new_cache(clock), Upstream()
    items, activities = make_key("items"), make_key("activities", path="/activities")
    await cache.fetch(items, load)
    await cache.fetch(activities, load)
    clock.advance(4.9)
    await cache.fetch(activities, load)
    assert load.calls == 2
    clock.advance(0.1)  # activities: 5 s
    assert (await cache.fetch(activities, load)).content == b"v3"
    clock.advance(899.0 - 5.0)
    assert (await cache.fetch(items, load)).content == b"v1"
    clock.advance(1.0)  # items: 900 s
    assert (await cache.fetch(items, load)).content == b"v4"


async def test_policy_and_per_call_ttl_overrides(clock: FakeClock) -> None:
    cache, load, key = (
        new_cache(clock, policy=CachePolicy(overrides={"items": 60})),
        Upstream(),
        make_key(),
    )
    await cache.fetch(key, load)
    clock.advance(60)
    await cache.fetch(key, load)
    assert load.calls == 2
    other = make_key(path="/library/sections/2/all")
    await cache.fetch(other, load, ttl=5)
    clock.advance(5)
    await cache.fetch(other, load)
    assert load.calls == 4
    await cache.fetch(make_key(path="/x"), load, ttl=0)
    await cache.fetch(make_key(path="/x"), load, ttl=0)
    assert load.calls == 6


async def test_sessions_and_writes_are_never_cached(clock: FakeClock) -> None:
    cache, load = new_cache(clock), Upstream()
    sessions = make_key("sessions", path="/status/sessions")
    write = make_key("metadata", method="PUT", path="/library/metadata/1")
    for key in (sessions, sessions, write, write):
        await cache.fetch(key, load)
    assert load.calls == 4
    assert await cache.backend.count() == 0
    assert cache.stats()["sessions"].misses == 2


async def test_refresh_and_bypass_modes(clock: FakeClock) -> None:
    cache, load, key = new_cache(clock), Upstream(), make_key()
    await cache.fetch(key, load)
    refreshed = await cache.fetch(key, load, mode="refresh")
    assert refreshed.content == b"v2"
    assert (await cache.fetch(key, load)).content == b"v2"
    bypassed = await cache.fetch(key, load, mode="bypass")
    assert bypassed.content == b"v3"
    assert (await cache.fetch(key, load)).content == b"v2"  # bypass did not write
    assert load.calls == 3
    stats = cache.stats()["items"]
    assert (stats.hits, stats.misses, stats.refreshes, stats.bypassed) == (2, 1, 1, 1)
    with pytest.raises(ValueError, match="cache mode"):
        await cache.fetch(key, load, mode="sometimes")  # type: ignore[arg-type]


async def test_tokens_and_servers_are_isolated(clock: FakeClock) -> None:
    cache = new_cache(clock)

    def loader(body: bytes):  # type: ignore[no-untyped-def]
        async def load() -> CachedResponse:
            return response(body)

        return load

    alice, bob = make_key(token="alice-token-1"), make_key(token="bob-token-22")
    other_server = make_key(token="alice-token-1", server="http://other:32400")
    await cache.fetch(alice, loader(b"alice"))
    await cache.fetch(bob, loader(b"bob"))
    await cache.fetch(other_server, loader(b"other"))
    assert (await cache.fetch(alice, loader(b"x"))).content == b"alice"
    assert (await cache.fetch(bob, loader(b"x"))).content == b"bob"
    assert (await cache.fetch(other_server, loader(b"x"))).content == b"other"


async def test_lru_bound_through_the_cache(clock: FakeClock) -> None:
    cache = AsyncResponseCache(AsyncMemoryBackend(2, clock=clock), clock=clock)
    load = Upstream()
    keys = [make_key(path=f"/library/sections/{i}/all") for i in range(3)]
    for key in keys:
        await cache.fetch(key, load)
    await cache.fetch(keys[0], load)  # evicted by keys[2]
    assert load.calls == 4
    assert cache.stats().backend.keys == 2


async def test_single_flight_50_concurrent_callers(clock: FakeClock) -> None:
    cache, load, key = new_cache(clock), Upstream(), make_key()
    load.gate = anyio.Event()
    results: list[CachedResponse] = []

    async def call() -> None:
        results.append(await cache.fetch(key, load))

    async with anyio.create_task_group() as tg:
        for _ in range(50):
            tg.start_soon(call)
        await wait_all_tasks_blocked()
        load.gate.set()
    assert load.calls == 1
    assert len(results) == 50 and {r.content for r in results} == {b"v1"}
    stats = cache.stats()["items"]
    assert (stats.misses, stats.hits, stats.coalesced, stats.total) == (1, 49, 49, 50)


async def test_single_flight_shares_the_failure(clock: FakeClock) -> None:
    cache, load, key = new_cache(clock), Upstream(), make_key()
    load.gate = anyio.Event()
    load.error = TransportError("connection refused")
    errors: list[BaseException] = []

    async def call() -> None:
        try:
            await cache.fetch(key, load)
        except TransportError as exc:
            errors.append(exc)

    async with anyio.create_task_group() as tg:
        for _ in range(50):
            tg.start_soon(call)
        await wait_all_tasks_blocked()
        load.gate.set()
    assert load.calls == 1
    assert len(errors) == 50
    assert cache.stats()["items"].errors == 50
    load.error, load.gate = None, None
    assert (await cache.fetch(key, load)).content == b"v2"  # failures are not cached


async def test_cancelled_leader_hands_over_to_a_waiter(clock: FakeClock) -> None:
    cache, load, key = new_cache(clock), Upstream(), make_key()
    load.gate = anyio.Event()
    got: list[bytes] = []

    async with anyio.create_task_group() as tg:
        leader_scope = anyio.CancelScope()

        async def leader() -> None:
            with leader_scope:
                await cache.fetch(key, load)

        async def waiter() -> None:
            got.append((await cache.fetch(key, load)).content)

        tg.start_soon(leader)
        await wait_all_tasks_blocked()
        tg.start_soon(waiter)
        await wait_all_tasks_blocked()
        leader_scope.cancel()
        await wait_all_tasks_blocked()
        load.gate.set()
    assert load.calls == 2
    assert got == [b"v2"]


async def test_serve_stale_on_503(clock: FakeClock) -> None:
    cache, load, key = new_cache(clock, serve_stale=True), Upstream(), make_key()
    await cache.fetch(key, load)
    clock.advance(3600)
    load.error = ServerUnavailableError("503 Service Unavailable")
    stale = await cache.fetch(key, load)
    assert stale.stale and stale.content == b"v1"
    load.error = ServerError("500", status_code=500, method="GET", url="/")
    assert (await cache.fetch(key, load)).stale
    load.error = NotFoundError("404", status_code=404, method="GET", url="/")
    with pytest.raises(NotFoundError):
        await cache.fetch(key, load)  # only unavailability falls back
    stats = cache.stats()["items"]
    assert (stats.stale_served, stats.errors) == (2, 3)
    load.error = None
    fresh = await cache.fetch(key, load)
    assert not fresh.stale and fresh.content == b"v5"


async def test_serve_stale_is_opt_in(clock: FakeClock) -> None:
    cache, load, key = new_cache(clock), Upstream(), make_key()
    await cache.fetch(key, load)
    clock.advance(900)
    load.error = ServerUnavailableError("down")
    with pytest.raises(ServerUnavailableError):
        await cache.fetch(key, load)
    # Per call it only helps while the value is still held (here: the stale window is 0).
    with pytest.raises(ServerUnavailableError):
        await cache.fetch(key, load, serve_stale=True)
    kept = new_cache(clock, stale_ttl=600)
    load.error = None
    await kept.fetch(key, load)
    clock.advance(1000)
    load.error = TransportError("refused")
    assert (await kept.fetch(key, load, serve_stale=True)).stale
    with pytest.raises(TransportError):
        await kept.fetch(key, load)


async def test_serve_stale_gives_up_when_nothing_is_held(clock: FakeClock) -> None:
    cache, load, key = new_cache(clock, serve_stale=True, stale_ttl=100), Upstream(), make_key()
    await cache.fetch(key, load)
    clock.advance(900 + 100)
    load.error = ServerUnavailableError("down")
    with pytest.raises(ServerUnavailableError):
        await cache.fetch(key, load)


async def test_invalidate_by_name_and_server(clock: FakeClock) -> None:
    cache, load = new_cache(clock), Upstream()
    a_items = make_key("items", server="http://a:1")
    b_items = make_key("items", server="http://b:1")
    a_sections = make_key("sections", server="http://a:1", path="/library/sections")
    for key in (a_items, b_items, a_sections):
        await cache.fetch(key, load)
    assert await cache.invalidate("items:" + a_items.text.split(":")[2]) == 1
    assert await cache.get(a_items) is None
    assert await cache.get(b_items) is not None
    assert await cache.invalidate("items") == 1
    assert await cache.get(a_sections) is not None
    assert await cache.invalidate("") == 1
    assert await cache.backend.count() == 0


async def test_an_edit_invalidates_what_it_changes(clock: FakeClock) -> None:
    cache, load = new_cache(clock), Upstream()
    keys = {
        name: make_key(name, path=f"/{name}")
        for name in ("metadata", "items", "search", "recently_added", "sections", "activities")
    }
    for key in keys.values():
        await cache.fetch(key, load)
    names = await cache.invalidate_write("PUT", "/library/metadata/42")
    assert "metadata" in names
    survivors = {name for name, key in keys.items() if await cache.get(key) is not None}
    assert survivors == {"sections", "activities"}
    assert not cache.stats()["metadata"].cached and cache.stats()["sections"].cached
    await cache.invalidate_write("GET", "/library/sections/1/refresh", server="http://elsewhere")
    assert await cache.get(keys["sections"]) is not None  # another server's scan
    await cache.invalidate_write("GET", "/library/sections/1/refresh")
    assert await cache.get(keys["sections"]) is None


async def test_a_load_racing_an_invalidation_is_not_stored(clock: FakeClock) -> None:
    cache, load, key = (
        new_cache(clock),
        Upstream(),
        make_key("metadata", path="/library/metadata/1"),
    )
    load.gate = anyio.Event()
    got: list[bytes] = []

    async def call() -> None:
        got.append((await cache.fetch(key, load)).content)

    async with anyio.create_task_group() as tg:
        tg.start_soon(call)
        await wait_all_tasks_blocked()
        await cache.invalidate_write("PUT", "/library/metadata/1")
        load.gate.set()
    assert got == [b"v1"]
    load.gate = None
    assert (await cache.fetch(key, load)).content == b"v2"


async def test_stats_after_a_known_sequence_and_clear(clock: FakeClock) -> None:
    cache, load = new_cache(clock), Upstream()
    sections = make_key("sections", path="/library/sections", offset=None, limit=None)
    await cache.fetch(sections, load)  # miss
    clock.advance(10)
    await cache.fetch(sections, load)  # hit
    await cache.fetch(sections, load)  # hit
    await cache.fetch(make_key("sessions", path="/status/sessions"), load)  # miss, never cached
    clock.advance(2.5)
    data = cache.stats().to_dict()
    assert data["caches"]["sections"] == {
        "hits": 2,
        "misses": 1,
        "total": 3,
        "hit_rate": 0.6667,
        "coalesced": 0,
        "refreshes": 0,
        "bypassed": 0,
        "errors": 0,
        "stale_served": 0,
        "ttl": 3600.0,
        "cached": True,
        "age": 12.5,
    }
    assert data["caches"]["sessions"]["misses"] == 1 and not data["caches"]["sessions"]["cached"]
    assert data["caches"]["items"]["total"] == 0 and data["caches"]["items"]["ttl"] == 900.0
    assert data["caches"]["items"]["age"] is None
    assert data["totals"] == {
        "hits": 2,
        "misses": 2,
        "total": 4,
        "hit_rate": 0.5,
        "stale_served": 0,
        "errors": 0,
    }
    assert data["backend"] == {
        "kind": "memory",
        "connected": True,
        "keys": 1,
        "errors": 0,
        "last_error": None,
        "fallback": None,
        "fallback_active": False,
        "fallback_ops": 0,
    }
    clock.advance(3600)
    assert not cache.stats()["sections"].cached
    await cache.clear()
    cleared = cache.stats()
    assert cleared.total == 0 and cleared.backend.keys == 0
    assert cleared["sections"].age is None
    await cache.fetch(sections, load)
    assert cache.stats()["sections"].misses == 1


class BrokenBackend:
    """A backend whose store is down until ``up`` is set."""

    def __init__(self, clock: FakeClock) -> None:
        self.up = False
        self.memory = AsyncMemoryBackend(clock=clock)
        self.attempts = 0

    def _check(self) -> None:
        self.attempts += 1
        if not self.up:
            raise ConnectionError("Error 111 connecting to 127.0.0.1:6390. Connection refused.")

    async def get(self, key: str) -> CachedResponse | None:
        self._check()
        return await self.memory.get(key)

    async def set(self, key: str, value: CachedResponse, ttl: float | None) -> None:
        self._check()
        await self.memory.set(key, value, ttl)

    async def delete(self, key: str) -> bool:
        self._check()
        return await self.memory.delete(key)

    async def delete_prefix(self, prefix: str) -> int:
        self._check()
        return await self.memory.delete_prefix(prefix)

    async def clear(self) -> None:
        self._check()
        await self.memory.clear()

    async def count(self) -> int:
        self._check()
        return await self.memory.count()

    def info(self) -> BackendInfo:
        return BackendInfo(kind="redis", keys=None)


async def test_backend_down_is_logged_once_counted_and_never_raised(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    backend = BrokenBackend(clock)
    cache = AsyncResponseCache(backend, clock=clock, backend_retry_interval=5)
    load, key = Upstream(), make_key()
    caplog.set_level(logging.INFO, logger="plexkit.cache")
    for _ in range(5):
        assert (await cache.fetch(key, load)).status_code == 200
    assert load.calls == 5  # uncached, but working
    assert backend.attempts == 1  # then skipped until the retry interval passes
    clock.advance(5)
    await cache.fetch(key, load)
    assert backend.attempts == 2
    warnings = [r for r in caplog.records if "unavailable" in r.getMessage()]
    assert len(warnings) == 1
    stats = cache.stats().backend
    assert (stats.kind, stats.connected, stats.errors) == ("redis", False, 2)
    assert stats.last_error is not None and "Connection refused" in stats.last_error
    assert await cache.count_keys() is None
    backend.up = True
    clock.advance(5)
    await cache.fetch(key, load)
    await cache.fetch(key, load)
    assert load.calls == 7  # one miss stored after recovery, then a hit
    assert cache.stats().backend.connected
    assert len([r for r in caplog.records if "reachable again" in r.getMessage()]) == 1
