"""Helpers shared by the cache tests: a fake clock, responses, keys (and
the redis-server runner of redis_process)."""

from __future__ import annotations

from redis_process import REDIS_SERVER, RedisServer, free_port

from plexkit.cache import CachedResponse, CacheKey

__all__ = ["REDIS_SERVER", "FakeClock", "RedisServer", "free_port", "make_key", "response"]


class FakeClock:
    """A clock tests move by hand: ``clock.advance(60)``."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def response(body: bytes = b'{"MediaContainer":{}}', status: int = 200) -> CachedResponse:
    return CachedResponse(
        status_code=status,
        headers={"Content-Type": "application/json", "X-Plex-Container-Total-Size": "3"},
        content=body,
        stored_at=0.0,
    )


def make_key(
    name: str = "items",
    *,
    server: str = "http://pms.local:32400",
    token: str | None = "token-aaaaaaaa",
    method: str = "GET",
    path: str = "/library/sections/1/all",
    params: dict[str, str | int] | None = None,
    offset: int | None = 0,
    limit: int | None = 50,
) -> CacheKey:
    return CacheKey.build(
        name=name,
        server=server,
        token=token,
        method=method,
        path=path,
        params=params,
        accept="application/json",
        offset=offset,
        limit=limit,
    )
