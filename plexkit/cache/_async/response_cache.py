"""The response cache the clients call: TTL per cache name, single-flight, serve-stale, stats.

A thin I/O driver over pure parts: keys (`plexkit.cache.keys`), TTLs and invalidation rules
(`plexkit.cache.policy`), counters (`plexkit.cache.stats`), single-flight bookkeeping
(`.flights`). Backend failures never reach the caller (`.guarded`): the request goes
upstream uncached, the outage is logged once and counted.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Final

import attrs

from plexkit._core.cache_info import CacheInfo, report_cache_info
from plexkit._redact import get_logger
from plexkit._synchronization import AsyncGuard
from plexkit.cache._async.backend import AsyncMemoryBackend
from plexkit.cache._async.flights import Flight, Generations, names_of
from plexkit.cache._async.guarded import AsyncGuardedBackend
from plexkit.cache.keys import KEY_VERSION, CacheKey
from plexkit.cache.modes import CacheLookup, OnBackendDown
from plexkit.cache.policy import CachePolicy, affected_by_write
from plexkit.cache.stats import BackendStats, CacheStats, StatsRecorder
from plexkit.errors import ConfigurationError, ServerError, TransportError
from plexkit.types import CachedResponse

if TYPE_CHECKING:
    from plexkit.cache import AsyncCacheBackend

__all__ = ["AsyncResponseCache"]

logger = get_logger(__name__)

_MODES: Final = frozenset({"use", "refresh", "bypass"})
_STALE_ERRORS: Final = (TransportError, ServerError)
_DEFAULT_STALE_TTL: Final = 86400.0
_PREFIX: Final = f"{KEY_VERSION}:"


class AsyncResponseCache:
    """Caches GET responses by `CacheKey`, with a TTL per cache name.

    ``backend`` defaults to an `AsyncMemoryBackend` on ``clock``. With ``serve_stale``,
    entries are kept ``stale_ttl`` seconds (default one day) past their TTL, and a load that
    fails with a transport error or a 5xx answers with the old value flagged ``stale=True``.
    After a backend failure the backend is skipped for ``backend_retry_interval`` seconds;
    meanwhile ``on_backend_down="bypass"`` sends requests upstream uncached, ``"memory"`` keeps
    caching in an in-process memory backend until the backend answers again.

    On a backend shared by processes (`AsyncLockingBackend`, such as Redis), a miss
    takes a ``lock_ttl``-second lock on its key first, so processes missing one key at once
    cost one upstream request; the others poll for the value for at most ``lock_wait``
    seconds (default 1.5 x ``lock_ttl``), so a crashed holder costs at most its lock TTL.
    """

    def __init__(
        self,
        backend: AsyncCacheBackend | None = None,
        *,
        policy: CachePolicy | None = None,
        serve_stale: bool = False,
        stale_ttl: float | None = None,
        backend_retry_interval: float = 5.0,
        on_backend_down: OnBackendDown = "bypass",
        lock_ttl: float = 10.0,
        lock_wait: float | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if lock_ttl <= 0 or (lock_wait is not None and lock_wait < 0):
            raise ConfigurationError(
                f"lock_ttl must be > 0 and lock_wait >= 0 seconds: {lock_ttl!r}, {lock_wait!r}"
            )
        self._lock_ttl = float(lock_ttl)
        self._lock_wait = float(lock_wait) if lock_wait is not None else 1.5 * self._lock_ttl
        self._lock_poll = min(0.05, self._lock_ttl / 10)
        if on_backend_down not in ("bypass", "memory"):
            raise ConfigurationError(
                f"on_backend_down must be 'bypass' or 'memory', not {on_backend_down!r}"
            )
        if stale_ttl is not None and stale_ttl < 0:
            raise ConfigurationError(f"stale_ttl must be >= 0 seconds, got {stale_ttl!r}")
        self._guarded = AsyncGuardedBackend(
            backend if backend is not None else AsyncMemoryBackend(clock=clock),
            logger=logger,
            retry_interval=backend_retry_interval,
            memory_fallback=on_backend_down == "memory",
            clock=clock,
        )
        self._policy = policy if policy is not None else CachePolicy()
        self._serve_stale = serve_stale
        self._stale_ttl = (
            stale_ttl if stale_ttl is not None else (_DEFAULT_STALE_TTL if serve_stale else 0.0)
        )
        self._clock = clock
        self._recorder = StatsRecorder()
        # Guards the flights and generations: a no-op in one event loop, a thread lock in the twin.
        self._lock = AsyncGuard()
        self._flights: dict[str, Flight] = {}
        self._generations = Generations()

    @property
    def backend(self) -> AsyncCacheBackend:
        """Where entries are stored."""
        return self._guarded.backend

    @property
    def policy(self) -> CachePolicy:
        """The TTL per cache name."""
        return self._policy

    @property
    def serve_stale(self) -> bool:
        """Whether failed loads fall back to expired values by default."""
        return self._serve_stale

    async def fetch(
        self,
        key: CacheKey,
        load: Callable[[], Awaitable[CachedResponse]],
        *,
        ttl: float | None = None,
        mode: CacheLookup = "use",
        serve_stale: bool | None = None,
    ) -> CachedResponse:
        """The response for ``key``: cached when fresh, else from ``load`` (once per key).

        ``mode="use"`` reads then loads on a miss; ``"refresh"`` always loads and stores;
        ``"bypass"`` loads without reading or writing. ``ttl`` overrides the policy TTL for
        this call (0: do not store). Concurrent misses for one key share one ``load`` call.
        """
        if mode not in _MODES:
            raise ConfigurationError(f"cache mode must be 'use', 'refresh' or 'bypass': {mode!r}")
        name = key.name
        if mode == "bypass":
            self._recorder.count(name, "bypassed")
            return self._report(name, await load(), hit=False)
        seconds = self._policy.ttl_for(name) if ttl is None else float(ttl)
        if seconds <= 0 or not key.cacheable:
            self._recorder.count(name, "misses")
            try:
                return self._report(name, await load(), hit=False)
            except Exception:
                self._recorder.count(name, "errors")
                raise
        candidate: CachedResponse | None = None
        if mode == "use":
            candidate = await self._guarded.get(key.text)
            if candidate is not None:
                now = self._clock()
                if candidate.is_fresh(now):
                    self._recorder.hit(name, candidate.stored_at, candidate.expires_at)
                    return self._report(name, candidate, hit=True, now=now)
        stale_ok = self._serve_stale if serve_stale is None else serve_stale
        return await self._load_once(key, load, seconds, mode, stale_ok, candidate)

    async def get(self, key: CacheKey) -> CachedResponse | None:
        """The fresh cached value for ``key`` without loading anything (not counted)."""
        value = await self._guarded.get(key.text)
        if value is None or not value.is_fresh(self._clock()):
            return None
        return value

    async def invalidate(self, prefix: str) -> int:
        """Delete entries by prefix; how many were deleted (when the backend can tell).

        The prefix applies to the key text after the version: a bare cache name (``"items"``)
        means that whole cache on every server; ``CacheKey.prefix("items", server)`` limits it
        to one server; ``""`` means everything. Loads in flight for those names are not stored.
        """
        names = names_of(prefix)
        if names is not None and ":" not in prefix:
            prefix = f"{prefix}:"
        with self._lock:
            self._generations.bump(names)
        self._recorder.forget(names)
        return await self._guarded.delete_prefix(_PREFIX + prefix)

    async def invalidate_write(
        self, method: str, path: str, *, server: str | None = None
    ) -> tuple[str, ...]:
        """Invalidate what a successful write changes (`affected_by_write`).

        ``server`` limits it to that server's entries; by default every server's are dropped.
        Returns the cache names invalidated.
        """
        names = affected_by_write(method, path)
        for name in names:
            await self.invalidate(CacheKey.prefix(name, server))
        return names

    async def clear(self) -> None:
        """Drop every entry and reset every counter."""
        with self._lock:
            self._generations.bump(None)
        await self._guarded.clear()
        self._recorder.reset()
        self._guarded.health.reset()

    async def count_keys(self) -> int | None:
        """Ask the backend how many entries it holds (a Redis ``SCAN``); None if unreachable."""
        return await self._guarded.count()

    def stats(self) -> CacheStats:
        """A snapshot of counters per cache name and the backend state, without I/O.

        For Redis the key count is the one from the last `count_keys`.
        """
        now = self._clock()
        info = self._guarded.info()
        health = self._guarded.health
        backend = BackendStats(
            kind=info.kind,
            connected=health.connected,
            keys=info.keys,
            errors=health.errors,
            last_error=health.last_error,
            fallback=health.fallback,
            fallback_active=health.fallback is not None and not health.connected,
            fallback_ops=health.fallback_ops,
        )
        names = self._recorder.snapshot(self._policy.ttls, self._policy.ttl_for, now)
        return CacheStats(names=names, backend=backend)

    # -- internals ---------------------------------------------------------------------------

    async def _load_once(
        self,
        key: CacheKey,
        load: Callable[[], Awaitable[CachedResponse]],
        seconds: float,
        mode: CacheLookup,
        stale_ok: bool,
        candidate: CachedResponse | None,
    ) -> CachedResponse:
        name = key.name
        while True:
            with self._lock:
                flight = self._flights.get(key.text)
                leader = flight is None
                if flight is None:
                    flight = Flight(self._generations.snapshot(name))
                    self._flights[key.text] = flight
            if leader:
                self._recorder.count(name, "misses" if mode == "use" else "refreshes")
                return await self._lead(
                    key, load, seconds, stale_ok, candidate, flight, recheck=mode == "use"
                )
            await flight.done.wait()
            if flight.abandoned:
                continue  # the loading caller was cancelled: try again, maybe as the leader
            if flight.value is not None:
                self._recorder.count(name, "hits" if mode == "use" else "refreshes", "coalesced")
                return self._report(name, flight.value, hit=True)
            self._recorder.count(name, "misses" if mode == "use" else "refreshes")
            assert flight.error is not None
            return await self._fail(key, flight.error, stale_ok, candidate)

    async def _lead(
        self,
        key: CacheKey,
        load: Callable[[], Awaitable[CachedResponse]],
        seconds: float,
        stale_ok: bool,
        candidate: CachedResponse | None,
        flight: Flight,
        *,
        recheck: bool,
    ) -> CachedResponse:
        try:
            # A caller that missed just before another flight stored its value and ended
            # would otherwise load a second time: look once more before loading.
            stored = await self._guarded.get(key.text) if recheck else None
            hit = stored is not None and stored.is_fresh(self._clock())
            if stored is not None and hit:
                flight.value = stored
            else:
                hit = await self._load_and_store(key, load, seconds, flight)
        except BaseException:
            flight.abandoned = True
            raise
        finally:
            # Stored before the flight ends, so a caller arriving now finds a hit.
            with self._lock:
                if self._flights.get(key.text) is flight:
                    del self._flights[key.text]
            flight.done.set()
        if flight.value is not None:
            return self._report(key.name, flight.value, hit=hit)
        assert flight.error is not None
        return await self._fail(key, flight.error, stale_ok, candidate)

    async def _load_and_store(
        self,
        key: CacheKey,
        load: Callable[[], Awaitable[CachedResponse]],
        seconds: float,
        flight: Flight,
    ) -> bool:
        """Load and store under the backend's cross-process lock when it has one.

        True when another process's load answered instead (found while waiting for its lock).
        """
        found, lock = await self._guarded.lock(
            key.text, ttl=self._lock_ttl, wait=self._lock_wait, poll=self._lock_poll
        )
        if found is not None:
            flight.value = found
            return True
        try:
            try:
                value = await load()
            except Exception as exc:
                flight.error = exc
            else:
                flight.value = await self._store(key, value, seconds, flight.generation)
        finally:
            if lock is not None:
                await self._guarded.unlock(lock)
        return False

    def _report(
        self, name: str, value: CachedResponse, *, hit: bool, now: float | None = None
    ) -> CachedResponse:
        """Tell the capture scopes of the caller (plexkit._core.cache_info) what this answer
        was; a hit's age is taken at ``now`` when the caller has read the clock already."""
        age = value.age(self._clock() if now is None else now) if hit else 0.0
        report_cache_info(CacheInfo(name=name, hit=hit, age=age, stale=value.stale))
        return value

    async def _store(
        self, key: CacheKey, value: CachedResponse, seconds: float, generation: tuple[int, int]
    ) -> CachedResponse:
        now = self._clock()
        value = attrs.evolve(value, stored_at=now, expires_at=now + seconds, stale=False)
        if not 200 <= value.status_code < 300:
            return value
        with self._lock:
            if self._generations.snapshot(key.name) != generation:
                return value  # invalidated while loading: hand it out, do not keep it
        if await self._guarded.set(key.text, value, seconds + self._stale_ttl):
            self._recorder.seen(key.name, now, value.expires_at)
        return value

    async def _fail(
        self, key: CacheKey, exc: Exception, stale_ok: bool, candidate: CachedResponse | None
    ) -> CachedResponse:
        self._recorder.count(key.name, "errors")
        if stale_ok and isinstance(exc, _STALE_ERRORS):
            if candidate is None:
                candidate = await self._guarded.get(key.text)
            if candidate is not None:
                now = self._clock()
                stale = not candidate.is_fresh(now)
                if stale:
                    self._recorder.count(key.name, "stale_served")
                    logger.info(
                        "serving stale %s entry (%.0f s old): %s",
                        key.name,
                        candidate.age(now),
                        type(exc).__name__,
                    )
                return self._report(key.name, attrs.evolve(candidate, stale=stale), hit=True)
        raise exc
