"""An in-process LRU store with per-entry TTL and an injectable clock (thread-safe, no I/O).

``MemoryBackend`` and ``AsyncMemoryBackend`` are thin adapters over it; pass one store to both
to share entries between a sync and an async client in the same process.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

from plexkit.errors import ConfigurationError

__all__ = ["MemoryStore"]

V = TypeVar("V")


class MemoryStore(Generic[V]):
    """At most ``maxsize`` entries (and ``max_bytes`` by ``sizeof``), least recently used out.

    Expiry is checked against ``clock`` (``time.time`` unless a test passes its own), lazily on
    read and when counting; every operation holds one lock, briefly, so threads and tasks can
    share a store.
    """

    def __init__(
        self,
        maxsize: int = 4096,
        *,
        max_bytes: int | None = None,
        sizeof: Callable[[V], int] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if maxsize < 1:
            raise ConfigurationError(f"maxsize must be at least 1, got {maxsize}")
        if max_bytes is not None and (max_bytes < 1 or sizeof is None):
            raise ConfigurationError("max_bytes must be positive and needs a sizeof function")
        self.maxsize = maxsize
        self.max_bytes = max_bytes
        self._sizeof = sizeof
        self._clock = clock
        self._lock = threading.Lock()
        # key -> (value, expires_at or None, size)
        self._data: OrderedDict[str, tuple[V, float | None, int]] = OrderedDict()
        self._bytes = 0

    @property
    def clock(self) -> Callable[[], float]:
        """The time source expiry is measured with."""
        return self._clock

    def get(self, key: str) -> V | None:
        """The live value under ``key`` (marking it recently used), or None."""
        with self._lock:
            entry = self._data.get(key)
            if entry is None:
                return None
            value, expires_at, _size = entry
            if expires_at is not None and self._clock() >= expires_at:
                self._drop(key)
                return None
            self._data.move_to_end(key)
            return value

    def set(self, key: str, value: V, ttl: float | None = None) -> None:
        """Keep ``value`` for ``ttl`` seconds (None: until evicted); ``ttl <= 0`` deletes."""
        if ttl is not None and ttl <= 0:
            self.delete(key)
            return
        size = self._sizeof(value) if self._sizeof is not None else 0
        with self._lock:
            if key in self._data:
                self._drop(key)
            if self.max_bytes is not None and size > self.max_bytes:
                return
            expires_at = None if ttl is None else self._clock() + ttl
            self._data[key] = (value, expires_at, size)
            self._bytes += size
            while len(self._data) > self.maxsize or (
                self.max_bytes is not None and self._bytes > self.max_bytes
            ):
                oldest = next(iter(self._data))
                self._drop(oldest)

    def delete(self, key: str) -> bool:
        """Remove ``key``; True if it was there."""
        with self._lock:
            if key not in self._data:
                return False
            self._drop(key)
            return True

    def delete_prefix(self, prefix: str) -> int:
        """Remove every key starting with ``prefix``; how many were removed."""
        with self._lock:
            doomed = [key for key in self._data if key.startswith(prefix)]
            for key in doomed:
                self._drop(key)
            return len(doomed)

    def clear(self) -> None:
        """Remove everything."""
        with self._lock:
            self._data.clear()
            self._bytes = 0

    def count(self) -> int:
        """Live entries (expired ones are purged first)."""
        with self._lock:
            now = self._clock()
            expired = [k for k, (_, exp, _) in self._data.items() if exp is not None and now >= exp]
            for key in expired:
                self._drop(key)
            return len(self._data)

    def keys(self) -> list[str]:
        """Every stored key, least recently used first (expired ones included until purged)."""
        with self._lock:
            return list(self._data)

    def _drop(self, key: str) -> None:
        _value, _expires, size = self._data.pop(key)
        self._bytes -= size
