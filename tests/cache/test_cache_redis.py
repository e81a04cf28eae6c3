"""Redis backends against a real redis-server (started by a fixture on a free loopback port)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator

import pytest
from cache_helpers import RedisServer, make_key, response

from plexkit.cache import (
    AsyncRedisBackend,
    AsyncResponseCache,
    CachedResponse,
    RedisBackend,
    ResponseCache,
)
from plexkit.errors import ConfigurationError, ServerUnavailableError

redis = pytest.importorskip("redis", reason="the redis extra (redis-py) is not installed")
redis_asyncio = pytest.importorskip("redis.asyncio")


class Upstream:
    def __init__(self) -> None:
        self.calls = 0
        self.error: Exception | None = None

    def __call__(self) -> CachedResponse:
        self.calls += 1
        if self.error is not None:
            raise self.error
        return response(f"v{self.calls}".encode())


def client_for(server: RedisServer) -> redis.Redis:
    return redis.Redis.from_url(server.url, socket_connect_timeout=2, socket_timeout=2)


@pytest.fixture
def prefix() -> str:
    return f"plexkit-test-{uuid.uuid4().hex[:8]}:"


@pytest.fixture
def sync_client(redis_server: RedisServer) -> Iterator[redis.Redis]:
    client = client_for(redis_server)
    yield client
    client.close()


def test_two_caches_share_entries(
    sync_client: redis.Redis, redis_server: RedisServer, prefix: str
) -> None:
    other_client = client_for(redis_server)
    first = ResponseCache(RedisBackend(sync_client, prefix=prefix))
    second = ResponseCache(RedisBackend(other_client, prefix=prefix))
    key, load_a, load_b = make_key(), Upstream(), Upstream()
    assert first.fetch(key, load_a).content == b"v1"
    shared = second.fetch(key, load_b)
    assert shared.content == b"v1" and shared.headers["content-type"] == "application/json"
    assert (load_a.calls, load_b.calls) == (1, 0)
    assert second.stats()["items"].hits == 1
    other_client.close()


def test_ttl_is_set_on_the_redis_side(sync_client: redis.Redis, prefix: str) -> None:
    cache = ResponseCache(RedisBackend(sync_client, prefix=prefix))
    activities = make_key("activities", path="/activities")
    cache.fetch(activities, Upstream())
    pttl = sync_client.pttl(prefix + activities.text)
    assert 0 < pttl <= 5000
    stale_cache = ResponseCache(
        RedisBackend(sync_client, prefix=prefix), serve_stale=True, stale_ttl=600
    )
    items = make_key("items")
    stale_cache.fetch(items, Upstream())
    assert 600_000 < sync_client.pttl(prefix + items.text) <= 1_500_000


def test_invalidate_clear_and_count_stay_inside_the_prefix(
    sync_client: redis.Redis, prefix: str
) -> None:
    sync_client.set("unrelated-key", b"keep me")
    cache = ResponseCache(RedisBackend(sync_client, prefix=prefix))
    load = Upstream()
    odd = make_key("search", path="/hubs/search", params={"query": "*[a?]*"})
    keys = [make_key("items"), make_key("items", path="/library/sections/2/all"), odd]
    for key in keys:
        cache.fetch(key, load)
    assert cache.count_keys() == 3
    assert cache.stats().backend.to_dict() == {
        "kind": "redis",
        "connected": True,
        "keys": 3,
        "errors": 0,
        "last_error": None,
        "fallback": None,
        "fallback_active": False,
        "fallback_ops": 0,
    }
    assert cache.invalidate("items") == 2
    assert cache.get(odd) is not None
    cache.clear()
    assert cache.count_keys() == 0
    assert sync_client.get("unrelated-key") == b"keep me"
    sync_client.delete("unrelated-key")


def test_corrupt_entry_is_a_miss(sync_client: redis.Redis, prefix: str) -> None:
    cache, load, key = (
        ResponseCache(RedisBackend(sync_client, prefix=prefix)),
        Upstream(),
        make_key(),
    )
    sync_client.set(prefix + key.text, b"\x80\x04not-a-cache-entry")
    assert cache.fetch(key, load).content == b"v1"
    assert CachedResponse.from_bytes(sync_client.get(prefix + key.text)).content == b"v1"


def test_decode_responses_is_refused(redis_server: RedisServer) -> None:
    client = redis.Redis.from_url(redis_server.url, decode_responses=True)
    with pytest.raises(ConfigurationError):
        RedisBackend(client)
    client.close()


def test_redis_killed_mid_test_keeps_working_and_recovers(
    own_redis_server: RedisServer, prefix: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="plexkit.cache")
    client = client_for(own_redis_server)
    cache = ResponseCache(
        RedisBackend(client, prefix=prefix), backend_retry_interval=0, serve_stale=True
    )
    key, load = make_key(), Upstream()
    cache.fetch(key, load)
    assert cache.fetch(key, load).content == b"v1"

    own_redis_server.stop()
    for _ in range(3):
        assert cache.fetch(key, load).status_code == 200  # uncached, never raised
    assert load.calls == 4
    stats = cache.stats().backend
    assert not stats.connected and stats.errors >= 3
    load.error = ServerUnavailableError("503")
    with pytest.raises(ServerUnavailableError):
        cache.fetch(key, load)  # no store to fall back on, so the real error surfaces
    load.error = None
    assert len([r for r in caplog.records if "unavailable" in r.getMessage()]) == 1

    own_redis_server.start()  # same port, empty (no persistence)
    cache.fetch(key, load)
    assert cache.fetch(key, load).content == f"v{load.calls}".encode()
    assert cache.stats().backend.connected
    assert len([r for r in caplog.records if "reachable again" in r.getMessage()]) == 1
    client.close()


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])  # redis.asyncio runs on asyncio only
async def test_async_backend_shares_with_the_sync_one(
    anyio_backend: str, redis_server: RedisServer, sync_client: redis.Redis, prefix: str
) -> None:
    aclient = redis_asyncio.Redis.from_url(redis_server.url)
    acache = AsyncResponseCache(AsyncRedisBackend(aclient, prefix=prefix))
    scache = ResponseCache(RedisBackend(sync_client, prefix=prefix))
    key, sync_load = make_key(), Upstream()
    calls = 0

    async def load() -> CachedResponse:
        nonlocal calls
        calls += 1
        return response(b"from-async")

    assert (await acache.fetch(key, load)).content == b"from-async"
    assert scache.fetch(key, sync_load).content == b"from-async"
    assert sync_load.calls == 0
    assert await acache.count_keys() == 1
    assert await acache.invalidate("items") == 1
    assert scache.get(key) is None
    await acache.fetch(key, load)
    assert calls == 2
    assert 0 < await aclient.pttl(prefix + key.text) <= 900_000
    await acache.clear()
    assert await acache.count_keys() == 0
    await aclient.aclose()


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_async_backend_survives_a_dead_server(anyio_backend: str, prefix: str) -> None:
    from cache_helpers import free_port
    from redis.asyncio.retry import Retry
    from redis.backoff import NoBackoff

    aclient = redis_asyncio.Redis(
        host="127.0.0.1", port=free_port(), socket_connect_timeout=1, retry=Retry(NoBackoff(), 0)
    )
    cache = AsyncResponseCache(AsyncRedisBackend(aclient, prefix=prefix))

    async def load() -> CachedResponse:
        return response(b"ok")

    assert (await cache.fetch(make_key(), load)).content == b"ok"
    assert not cache.stats().backend.connected
    await aclient.aclose()
