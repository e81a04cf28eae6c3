"""What each process of the cross-process single-flight test runs (importable under spawn)."""

from __future__ import annotations

from typing import Any


def read_sections(
    url: str, token: str, redis_url: str, prefix: str, start: Any, ttl: float
) -> None:
    """Wait for ``start``, then read the library sections through a Redis-backed cache."""
    import redis

    from plexkit import PlexClient
    from plexkit.cache import RedisBackend, ResponseCache

    client = redis.Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=2)
    cache = ResponseCache(RedisBackend(client, prefix=prefix), lock_ttl=ttl)
    with PlexClient(url, token=token, cache=cache) as plex:
        start.wait(30)
        assert plex.library.sections()
    client.close()
