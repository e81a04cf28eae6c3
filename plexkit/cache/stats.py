"""Cache statistics: counters per cache name and backend health, in a dashboard-ready shape.

`StatsRecorder` and `BackendHealth` are the thread-safe, I/O-free state both the
async and the generated sync cache share; `CacheStats` is the immutable snapshot.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from plexkit._redact import redact_text

__all__ = [
    "BackendHealth",
    "BackendInfo",
    "BackendStats",
    "CacheStats",
    "NameStats",
    "StatsRecorder",
]


@attrs.frozen(kw_only=True)
class BackendInfo:
    """What a backend says about itself: its kind and how many keys it holds (None: unknown)."""

    kind: str
    keys: int | None = None


class _HitRate:
    """``total`` and ``hit_rate`` from ``hits`` and ``misses`` (of one name, or of all)."""

    @property
    def hits(self) -> int:
        raise NotImplementedError

    @property
    def misses(self) -> int:
        raise NotImplementedError

    @property
    def total(self) -> int:
        """Requests answered through the cache (hits + misses)."""
        return self.hits + self.misses

    @property
    def hit_rate(self) -> float:
        """hits / total, 0.0 before the first request."""
        return self.hits / self.total if self.total else 0.0

    def _rates(self) -> dict[str, Any]:
        return {
            "hits": self.hits,
            "misses": self.misses,
            "total": self.total,
            "hit_rate": round(self.hit_rate, 4),
        }


@attrs.frozen(kw_only=True)
class NameStats(_HitRate):
    """Counters and freshness for one cache name.

    ``hits`` include ``coalesced`` callers (served by another caller's in-flight load, at no
    upstream cost); ``total = hits + misses`` and ``hit_rate = hits / total`` (0.0 before
    the first request); ``refreshes`` and ``bypassed`` are not in it.
    ``cached``/``age`` describe the most recently stored or served value of this name.
    """

    name: str
    hits: int = 0
    misses: int = 0
    coalesced: int = 0
    refreshes: int = 0
    bypassed: int = 0
    errors: int = 0
    stale_served: int = 0
    ttl: float = 0.0
    cached: bool = False
    age: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready counters for this name."""
        return {
            **self._rates(),
            "coalesced": self.coalesced,
            "refreshes": self.refreshes,
            "bypassed": self.bypassed,
            "errors": self.errors,
            "stale_served": self.stale_served,
            "ttl": self.ttl,
            "cached": self.cached,
            "age": None if self.age is None else round(self.age, 3),
        }


@attrs.frozen(kw_only=True)
class BackendStats:
    """Where entries live and whether it is reachable; ``errors`` counts failed operations.

    ``fallback`` names the backend standing in while this one is down (``"memory"``, or None
    when requests go uncached); ``fallback_active`` says it is standing in now and
    ``fallback_ops`` counts the reads and writes it took over.
    """

    kind: str
    connected: bool
    keys: int | None
    errors: int = 0
    last_error: str | None = None
    fallback: str | None = None
    fallback_active: bool = False
    fallback_ops: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready backend state."""
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class CacheStats(_HitRate):
    """A snapshot of the whole cache: per-name stats, totals (``hits``, ``misses``,
    ``total``, ``hit_rate`` over every name) and the backend."""

    names: Mapping[str, NameStats]
    backend: BackendStats

    @property
    def hits(self) -> int:
        """Hits over every cache name."""
        return sum(s.hits for s in self.names.values())

    @property
    def misses(self) -> int:
        """Misses over every cache name."""
        return sum(s.misses for s in self.names.values())

    def __getitem__(self, name: str) -> NameStats:
        return self.names[name]

    def to_dict(self) -> dict[str, Any]:
        """``{"backend": {...}, "totals": {...}, "caches": {name: {...}}}``, JSON-ready."""
        return {
            "backend": self.backend.to_dict(),
            "totals": {
                **self._rates(),
                "stale_served": sum(s.stale_served for s in self.names.values()),
                "errors": sum(s.errors for s in self.names.values()),
            },
            "caches": {name: s.to_dict() for name, s in sorted(self.names.items())},
        }


@attrs.define
class _Counters:
    hits: int = 0
    misses: int = 0
    coalesced: int = 0
    refreshes: int = 0
    bypassed: int = 0
    errors: int = 0
    stale_served: int = 0
    stored_at: float | None = None
    expires_at: float | None = None


_FIELDS = tuple(f.name for f in attrs.fields(_Counters) if not f.name.endswith("_at"))
"""The counters a `NameStats` copies from its name's running `_Counters`."""


def _note(counters: _Counters, stored_at: float, expires_at: float | None) -> None:
    """Keep the newest value's times in ``counters``."""
    if counters.stored_at is None or stored_at >= counters.stored_at:
        counters.stored_at = stored_at
        counters.expires_at = expires_at


class StatsRecorder:
    """Thread-safe counters per cache name, plus when its latest value was stored."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_name: dict[str, _Counters] = {}

    def count(self, name: str, *fields: str) -> None:
        """Add one to each counter in ``fields`` for ``name``."""
        with self._lock:
            counters = self._counters(name)
            for field in fields:
                setattr(counters, field, getattr(counters, field) + 1)

    def seen(self, name: str, stored_at: float, expires_at: float | None) -> None:
        """Note a value of ``name`` that was stored or served (keeps the newest one)."""
        with self._lock:
            _note(self._counters(name), stored_at, expires_at)

    def hit(self, name: str, stored_at: float, expires_at: float | None) -> None:
        """Count a hit on ``name`` and note the value served (`count` and `seen` in one)."""
        with self._lock:
            counters = self._counters(name)
            counters.hits += 1
            _note(counters, stored_at, expires_at)

    def _counters(self, name: str) -> _Counters:
        """The running counters of ``name`` (created on its first event); hold the lock."""
        counters = self._by_name.get(name)
        if counters is None:
            counters = self._by_name[name] = _Counters()
        return counters

    def forget(self, names: Iterable[str] | None = None) -> None:
        """Drop the freshness of ``names`` (all names when None) after an invalidation."""
        with self._lock:
            for name, counters in self._by_name.items():
                if names is None or name in names:
                    counters.stored_at = counters.expires_at = None

    def reset(self) -> None:
        """Forget every counter."""
        with self._lock:
            self._by_name.clear()

    def snapshot(
        self, ttls: Mapping[str, float], ttl_for: Callable[[str], float], now: float
    ) -> dict[str, NameStats]:
        """Immutable stats for every name in ``ttls`` or recorded so far."""
        with self._lock:
            names = sorted({*ttls, *self._by_name})
            result: dict[str, NameStats] = {}
            for name in names:
                c = self._by_name.get(name) or _Counters()
                cached = c.stored_at is not None and (c.expires_at is None or now < c.expires_at)
                result[name] = NameStats(
                    name=name,
                    ttl=ttl_for(name),
                    cached=cached,
                    age=None if c.stored_at is None else max(0.0, now - c.stored_at),
                    **{field: getattr(c, field) for field in _FIELDS},
                )
            return result


class BackendHealth:
    """Tracks backend failures: logs the first one of an outage and the recovery, counts all.

    After a failure the backend is skipped for ``retry_interval`` seconds so an unreachable
    Redis costs requests nothing; the next call after that probes it again.
    """

    def __init__(
        self,
        logger: logging.Logger,
        *,
        kind: str,
        retry_interval: float,
        clock: Callable[[], float],
        fallback: str | None = None,
    ) -> None:
        self._logger = logger
        self._kind = kind
        self.fallback = fallback
        self.fallback_ops = 0
        self._retry_interval = retry_interval
        self._clock = clock
        self._lock = threading.Lock()
        self.connected = True
        self.errors = 0
        self.last_error: str | None = None
        self._retry_at = 0.0

    def should_try(self) -> bool:
        """False while a recent failure says the backend is down."""
        return self.connected or self._clock() >= self._retry_at

    def failed(self, exc: BaseException, operation: str) -> None:
        """Record a failed backend operation; logs only the first failure of an outage."""
        message = redact_text(f"{type(exc).__name__}: {exc}")[:300]
        with self._lock:
            self.errors += 1
            self.last_error = message
            self._retry_at = self._clock() + self._retry_interval
            first = self.connected
            self.connected = False
        if first:
            instead = (
                f"the {self.fallback} cache stands in" if self.fallback else "requests go uncached"
            )
            self._logger.warning(
                "cache backend %s unavailable (%s failed: %s); %s until it recovers",
                self._kind,
                operation,
                message,
                instead,
            )

    def used_fallback(self) -> None:
        """Count one operation the fallback backend took over."""
        with self._lock:
            self.fallback_ops += 1

    def ok(self) -> None:
        """Record a successful operation; logs once when the backend comes back."""
        if self.connected:
            return
        with self._lock:
            recovered = not self.connected
            self.connected = True
        if recovered:
            self._logger.warning("cache backend %s reachable again", self._kind)

    def reset(self) -> None:
        """Forget error counts (the connection state stays as it is)."""
        with self._lock:
            self.errors = 0
            self.last_error = None
            self.fallback_ops = 0
