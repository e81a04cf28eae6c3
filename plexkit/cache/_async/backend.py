"""The backend interface the response cache talks to, and the in-memory backend.

A backend stores `CachedResponse` values under key strings with a
TTL measured by the backend (memory: its clock; Redis: the server). Backends may raise on I/O
failure: the response cache catches, logs once and counts it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final, Protocol, runtime_checkable

from plexkit._response import CachedResponse
from plexkit.cache.memory import MemoryStore
from plexkit.cache.stats import BackendInfo

__all__ = ["DEFAULT_MAX_BYTES", "AsyncCacheBackend", "AsyncLockingBackend", "AsyncMemoryBackend"]

DEFAULT_MAX_BYTES: Final = 256 * 1024 * 1024
"""The memory backend's default bound on stored bodies (256 MiB), on top of its entry count."""


class AsyncCacheBackend(Protocol):
    """Storage for cached responses; implement it to plug in another store."""

    async def get(self, key: str) -> CachedResponse | None:
        """The value under ``key``, or None when absent or expired."""
        ...

    async def set(self, key: str, value: CachedResponse, ttl: float | None) -> None:
        """Store ``value`` for ``ttl`` seconds (None: no expiry)."""
        ...

    async def delete(self, key: str) -> bool:
        """Remove ``key``; True if it existed."""
        ...

    async def delete_prefix(self, prefix: str) -> int:
        """Remove every key starting with ``prefix``; how many were removed."""
        ...

    async def clear(self) -> None:
        """Remove every entry this backend owns (never anything else)."""
        ...

    async def count(self) -> int:
        """How many entries the backend holds."""
        ...

    def info(self) -> BackendInfo:
        """Kind and last known key count, without I/O (for `stats`)."""
        ...


@runtime_checkable
class AsyncLockingBackend(Protocol):
    """A backend shared by several processes that can hold a short lock per key.

    The response cache takes the lock before loading a missed key, so processes missing the
    same key at once cost one upstream request; the lock expires on its own after ``ttl``
    seconds, so a holder that crashed delays the others by at most that.
    """

    async def try_lock(self, key: str, ttl: float) -> object | None:
        """Take the lock for ``key`` without waiting; a handle for `unlock`, or None."""
        ...

    async def unlock(self, handle: object) -> None:
        """Release a lock taken by `try_lock` (a lock that already expired is fine)."""
        ...


def _sizeof(value: CachedResponse) -> int:
    return len(value.content) + 256


class AsyncMemoryBackend:
    """In-process LRU + TTL backend over a `MemoryStore`.

    Operations never block for long (one short lock), so the async adapter calls the store
    directly. ``max_bytes`` bounds the stored bodies (None: only ``maxsize`` entries);
    ``store`` shares one store between backends (say a sync and an async client in one
    process).
    """

    def __init__(
        self,
        maxsize: int = 4096,
        *,
        max_bytes: int | None = DEFAULT_MAX_BYTES,
        clock: Callable[[], float] = time.time,
        store: MemoryStore[CachedResponse] | None = None,
    ) -> None:
        self.store: MemoryStore[CachedResponse] = (
            store
            if store is not None
            else MemoryStore(maxsize, max_bytes=max_bytes, sizeof=_sizeof, clock=clock)
        )

    async def get(self, key: str) -> CachedResponse | None:
        """The live value under ``key``, or None."""
        return self.store.get(key)

    async def set(self, key: str, value: CachedResponse, ttl: float | None) -> None:
        """Store ``value`` for ``ttl`` seconds."""
        self.store.set(key, value, ttl)

    async def delete(self, key: str) -> bool:
        """Remove ``key``."""
        return self.store.delete(key)

    async def delete_prefix(self, prefix: str) -> int:
        """Remove keys starting with ``prefix``."""
        return self.store.delete_prefix(prefix)

    async def clear(self) -> None:
        """Remove every entry."""
        self.store.clear()

    async def count(self) -> int:
        """Live entries."""
        return self.store.count()

    def info(self) -> BackendInfo:
        """``memory`` and the live entry count."""
        return BackendInfo(kind="memory", keys=self.store.count())
