"""The cache backend as the response cache sees it: failures absorbed, health tracked.

A failing backend never reaches the caller: it is skipped for a retry interval (see
`BackendHealth`) and, with ``on_backend_down="memory"``, an
in-process memory backend stands in until it answers again. The cross-process lock of a
shared backend (`AsyncLockingBackend`, such as Redis) is taken here too.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from plexkit._response import CachedResponse
from plexkit._synchronization import async_sleep
from plexkit.cache._async.backend import AsyncCacheBackend, AsyncLockingBackend, AsyncMemoryBackend
from plexkit.cache.stats import BackendHealth, BackendInfo

__all__ = ["AsyncGuardedBackend"]


class AsyncGuardedBackend:
    """``backend`` behind a health check, with an optional memory fallback for its outages."""

    def __init__(
        self,
        backend: AsyncCacheBackend,
        *,
        logger: logging.Logger,
        retry_interval: float,
        memory_fallback: bool,
        clock: Callable[[], float],
    ) -> None:
        self.backend = backend
        self.kind = self._backend_kind()
        self._clock = clock
        self._logger = logger
        self._fallback: AsyncCacheBackend | None = (
            AsyncMemoryBackend(clock=clock) if memory_fallback and self.kind != "memory" else None
        )
        self.health = BackendHealth(
            logger,
            kind=self.kind,
            retry_interval=retry_interval,
            clock=clock,
            fallback="memory" if self._fallback is not None else None,
        )

    def _backend_kind(self) -> str:
        try:
            return self.backend.info().kind
        except Exception:
            return type(self.backend).__name__

    def info(self) -> BackendInfo:
        """What the backend says about itself, without I/O (its kind alone if it fails)."""
        try:
            return self.backend.info()
        except Exception:
            return BackendInfo(kind=self.kind, keys=None)

    async def get(self, text: str) -> CachedResponse | None:
        """The stored value (fresh or not) for key ``text``, or None."""
        if not self.health.should_try():
            return await self._fallback_get(text)
        try:
            value = await self.backend.get(text)
        except Exception as exc:
            self.health.failed(exc, "get")
            return await self._fallback_get(text)
        await self.answered()
        return value

    async def set(self, text: str, value: CachedResponse, ttl: float) -> bool:
        """Store ``value`` for ``ttl`` seconds; False when nothing could store it."""
        if not self.health.should_try():
            return await self._fallback_set(text, value, ttl)
        try:
            await self.backend.set(text, value, ttl)
        except Exception as exc:
            self.health.failed(exc, "set")
            return await self._fallback_set(text, value, ttl)
        await self.answered()
        return True

    async def delete_prefix(self, prefix: str) -> int:
        """Delete entries by key prefix (the fallback's too); how many the backend deleted."""
        if self._fallback is not None:
            await self._fallback.delete_prefix(prefix)
        try:
            removed = await self.backend.delete_prefix(prefix)
        except Exception as exc:
            self.health.failed(exc, "invalidate")
            return 0
        await self.answered()
        return removed

    async def clear(self) -> None:
        """Drop every entry (the fallback's too)."""
        if self._fallback is not None:
            await self._fallback.clear()
        try:
            await self.backend.clear()
        except Exception as exc:
            self.health.failed(exc, "clear")
        else:
            self.health.ok()

    async def count(self) -> int | None:
        """How many entries the backend holds; None if unreachable."""
        try:
            keys = await self.backend.count()
        except Exception as exc:
            self.health.failed(exc, "count")
            return None
        await self.answered()
        return keys

    async def answered(self) -> None:
        """The backend answered: after an outage, forget what the fallback held meanwhile."""
        recovering = not self.health.connected
        self.health.ok()
        if recovering and self._fallback is not None:
            await self._fallback.clear()

    async def lock(
        self, text: str, *, ttl: float, wait: float, poll: float
    ) -> tuple[CachedResponse | None, object | None]:
        """(a value another process stored meanwhile, or the lock to load under), waiting at
        most ``wait`` seconds; (None, None) means load without a lock."""
        backend = self.backend
        if not isinstance(backend, AsyncLockingBackend) or not self.health.should_try():
            return None, None
        deadline = time.monotonic() + wait
        while True:
            try:
                lock = await backend.try_lock(text, ttl)
                stored = await backend.get(text)
            except Exception as exc:
                self.health.failed(exc, "lock")
                return None, None
            fresh = stored if stored is not None and stored.is_fresh(self._clock()) else None
            if lock is not None and fresh is not None:
                await self.unlock(lock)
            if fresh is not None or lock is not None:
                return fresh, lock
            if time.monotonic() >= deadline:
                self._logger.info("cache lock wait ran out; loading without the lock")
                return None, None
            await async_sleep(poll)

    async def unlock(self, lock: object) -> None:
        """Release a lock `lock` took (a failure is counted, never raised)."""
        backend = self.backend
        if not isinstance(backend, AsyncLockingBackend):
            return
        try:
            await backend.unlock(lock)
        except Exception as exc:
            self.health.failed(exc, "unlock")

    async def _fallback_get(self, text: str) -> CachedResponse | None:
        if self._fallback is None:
            return None
        self.health.used_fallback()
        return await self._fallback.get(text)

    async def _fallback_set(self, text: str, value: CachedResponse, ttl: float) -> bool:
        if self._fallback is None:
            return False
        self.health.used_fallback()
        await self._fallback.set(text, value, ttl)
        return True
