"""A Redis backend (redis-py), so several processes share one cache.

redis is imported only for type checking: a caller who builds the backend has already imported
it, and ``import plexkit.cache`` must work without the ``redis`` extra. The TTL is set on the
Redis side (``SET ... PX``); prefix deletes use ``SCAN MATCH`` (never ``KEYS`` or ``FLUSHDB``).
"""

from __future__ import annotations

import contextlib
import re
from typing import TYPE_CHECKING, Any

from plexkit._redact import get_logger
from plexkit._response import CachedResponse
from plexkit.cache.stats import BackendInfo
from plexkit.errors import ConfigurationError

if TYPE_CHECKING:
    import redis.asyncio

__all__ = ["AsyncRedisBackend"]

log = get_logger("plexkit.cache")

_GLOB_SPECIAL = re.compile(r"([*?\[\]\\])")
_BATCH = 500
# A cache read should cost at most about this long while Redis is down (docs/caching.md).
_MAX_RETRIES = 1
_MAX_SOCKET_TIMEOUT = 2.0


def _slow_outage_settings(client: object, kwargs: dict[str, Any]) -> list[str]:
    """The client settings that make each read stall for seconds while Redis is down."""
    found = []
    get_retry = getattr(client, "get_retry", None)
    retry = get_retry() if callable(get_retry) else kwargs.get("retry")
    retries = getattr(retry, "_retries", 0)
    if isinstance(retries, int) and retries > _MAX_RETRIES:
        found.append(f"{retries} retries with backoff")
    for name in ("socket_timeout", "socket_connect_timeout"):
        value = kwargs.get(name)
        if value is None or (isinstance(value, (int, float)) and value > _MAX_SOCKET_TIMEOUT):
            found.append(f"{name}={value}")
    return found


def _glob_escape(text: str) -> str:
    return _GLOB_SPECIAL.sub(r"\\\1", text)


class AsyncRedisBackend:
    """Cache entries in Redis under ``prefix``, framed by `CachedResponse.to_bytes`.

    The client must return bytes (the default ``decode_responses=False``). Errors propagate to
    the response cache, which logs the first one of an outage, counts them and goes on uncached.
    """

    def __init__(self, client: redis.asyncio.Redis, *, prefix: str = "plexkit:") -> None:
        pool = getattr(client, "connection_pool", None)
        kwargs = getattr(pool, "connection_kwargs", {}) or {}
        if kwargs.get("decode_responses"):
            raise ConfigurationError(
                "the Redis client for the cache must use decode_responses=False (values are bytes)"
            )
        slow = _slow_outage_settings(client, kwargs)
        if slow:
            log.warning(
                "the Redis client for the cache has %s: each read may stall for seconds while "
                "Redis is down; see docs/caching.md for the recommended settings",
                ", ".join(slow),
            )
        self._redis: Any = client
        self.prefix = prefix
        self._keys: int | None = None

    @property
    def client(self) -> redis.asyncio.Redis:
        """The redis-py client entries go through."""
        redis_client: redis.asyncio.Redis = self._redis
        return redis_client

    async def get(self, key: str) -> CachedResponse | None:
        """The value under ``key``; an entry that does not parse is deleted and reported absent."""
        raw = await self._redis.get(self.prefix + key)
        if raw is None:
            return None
        try:
            return CachedResponse.from_bytes(bytes(raw))
        except ValueError:
            await self._redis.delete(self.prefix + key)
            return None

    async def set(self, key: str, value: CachedResponse, ttl: float | None) -> None:
        """``SET`` with a millisecond TTL held by Redis (``ttl <= 0`` deletes)."""
        if ttl is not None and ttl <= 0:
            await self._redis.delete(self.prefix + key)
            return
        px = None if ttl is None else max(1, int(ttl * 1000))
        await self._redis.set(self.prefix + key, value.to_bytes(), px=px)

    async def delete(self, key: str) -> bool:
        """``DEL`` one key."""
        return bool(await self._redis.delete(self.prefix + key))

    async def delete_prefix(self, prefix: str) -> int:
        """``SCAN MATCH`` the prefix and ``UNLINK`` in batches."""
        removed = 0
        batch: list[Any] = []
        pattern = _glob_escape(self.prefix + prefix) + "*"
        async for name in self._redis.scan_iter(match=pattern, count=_BATCH):
            batch.append(name)
            if len(batch) >= _BATCH:
                removed += int(await self._redis.unlink(*batch))
                batch = []
        if batch:
            removed += int(await self._redis.unlink(*batch))
        return removed

    async def clear(self) -> None:
        """Remove every key under this backend's prefix (other data in the database stays)."""
        await self.delete_prefix("")
        self._keys = 0

    async def count(self) -> int:
        """Keys under the prefix, counted with ``SCAN`` (remembered for `info`)."""
        total = 0
        async for _name in self._redis.scan_iter(match=_glob_escape(self.prefix) + "*", count=1000):
            total += 1
        self._keys = total
        return total

    async def try_lock(self, key: str, ttl: float) -> object | None:
        """A redis-py lock (``SET NX PX`` with a random token) on ``key``, or None if taken."""
        lock = self._redis.lock(f"{self.prefix}lock:{key}", timeout=max(ttl, 0.001), blocking=False)
        return lock if await lock.acquire(blocking=False) else None

    async def unlock(self, handle: object) -> None:
        """Release the lock if this process still owns it (redis-py checks the token)."""
        from redis.exceptions import LockError  # redis is installed: the caller built a client

        lock: Any = handle
        # It may have expired, and another process may hold it now: nothing to release then.
        with contextlib.suppress(LockError):
            await lock.release()

    def info(self) -> BackendInfo:
        """``redis`` and the key count from the last `count` (None before one)."""
        return BackendInfo(kind="redis", keys=self._keys)
