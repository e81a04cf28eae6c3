"""Redis down with ``on_backend_down="memory"``: answers keep coming from memory, then Redis."""

from __future__ import annotations

import logging
import uuid

import pytest
from cache_helpers import FakeClock, RedisServer, make_key, response

from plexkit.cache import CachedResponse, RedisBackend, ResponseCache
from plexkit.errors import ConfigurationError

redis = pytest.importorskip("redis", reason="the redis extra (redis-py) is not installed")


class Upstream:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> CachedResponse:
        self.calls += 1
        return response(f"v{self.calls}".encode())


def test_memory_stands_in_while_redis_is_down_then_redis_again(
    own_redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="plexkit")
    client = redis.Redis.from_url(own_redis_server.url, socket_connect_timeout=1, socket_timeout=1)
    prefix = f"fallback-{uuid.uuid4().hex[:8]}:"
    clock = FakeClock()
    cache = ResponseCache(
        RedisBackend(client, prefix=prefix),
        on_backend_down="memory",
        backend_retry_interval=5,
        clock=clock,
    )
    key, load = make_key(), Upstream()
    assert cache.fetch(key, load).content == b"v1"
    assert client.exists(prefix + key.text) == 1

    own_redis_server.stop()
    clock.advance(3600)  # the Redis entry would have expired anyway: the next read misses
    answers = [cache.fetch(key, load) for _ in range(20)]  # 0 failed requests
    assert all(a.status_code == 200 for a in answers)
    assert load.calls == 2  # one miss during the outage, then hits from memory
    stats = cache.stats()
    assert stats.backend.fallback == "memory" and stats.backend.fallback_active
    assert stats.backend.fallback_ops >= 20 and not stats.backend.connected
    assert stats["items"].hits >= 19
    assert len([r for r in caplog.records if "memory cache stands in" in r.getMessage()]) == 1

    own_redis_server.start()  # empty, same port
    clock.advance(6)  # past the retry interval: the next call probes Redis again
    cache.fetch(key, load)
    assert cache.stats().backend.connected and not cache.stats().backend.fallback_active
    assert load.calls == 3  # Redis is empty after the restart: one miss, stored in Redis
    assert client.exists(prefix + key.text) == 1
    cache.fetch(key, load)
    assert load.calls == 3
    client.close()


def test_bypass_is_the_default_and_bad_choices_are_refused(own_redis_server: RedisServer) -> None:
    client = redis.Redis.from_url(own_redis_server.url, socket_connect_timeout=1, socket_timeout=1)
    cache = ResponseCache(RedisBackend(client, prefix="bypass:"), backend_retry_interval=0)
    own_redis_server.stop()
    load = Upstream()
    key = make_key()
    cache.fetch(key, load)
    cache.fetch(key, load)
    assert load.calls == 2 and cache.stats().backend.fallback is None
    with pytest.raises(ConfigurationError):
        ResponseCache(on_backend_down="disk")  # type: ignore[arg-type]
    client.close()
