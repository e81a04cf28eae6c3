"""``plex.cache``: stats, clear, invalidate and warm for a client's response cache."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Any, Final, TypeVar

from plexkit._redact import get_logger
from plexkit._synchronization import async_gather
from plexkit.cache._async.refresher import AsyncRefresher
from plexkit.cache._async.response_cache import AsyncResponseCache
from plexkit.cache.stats import CacheStats
from plexkit.errors import ConfigurationError

__all__ = ["WARMABLE", "AsyncCacheControl"]

logger = get_logger(__name__)

T = TypeVar("T")

WARMABLE: Final = {
    "server": ("server", "info"),
    "sections": ("library", "sections"),
    "recently_added": ("library", "recently_added"),
    "activities": ("activities", "list"),
    "history": ("history", "list"),
}
"""Cache names :meth:`AsyncCacheControl.warm` can fill, and the client call that fills each."""

DEFAULT_WARM: Final = ("server", "sections", "recently_added", "activities", "history")

SECTION_KINDS: Final = {
    "movie": ("movie",),
    "show": ("show", "season", "episode"),
    "artist": ("artist", "album", "track"),
    "photo": ("photo",),
}
"""The item kinds counted in each type of library section."""

DEFAULT_COUNTS: Final = ("movie", "show", "season", "episode")


class AsyncCacheControl:
    """What ``plex.cache`` offers on a client created with a cache."""

    def __init__(self, client: Any, cache: AsyncResponseCache) -> None:
        self._client = client
        self._cache = cache

    @property
    def cache(self) -> AsyncResponseCache:
        """The response cache itself (for ``fetch``, ``invalidate_write`` and friends)."""
        return self._cache

    async def stats(self) -> CacheStats:
        """Stats per cache name plus the backend (counting Redis keys first)."""
        await self._cache.count_keys()
        return self._cache.stats()

    async def clear(self) -> None:
        """Drop every entry and reset the counters."""
        await self._cache.clear()

    async def invalidate(self, prefix: str) -> int:
        """Drop entries by cache name or key prefix (see :meth:`AsyncResponseCache.invalidate`)."""
        return await self._cache.invalidate(prefix)

    async def warm(self, names: Iterable[str] = DEFAULT_WARM) -> dict[str, Exception | None]:
        """Refresh the named caches now, concurrently; name -> None, or the error it raised.

        Each is a normal client call with ``cache="refresh"``, so the result is stored with its
        usual TTL. A failure is returned, not raised, so one slow endpoint cannot stop a warm-up.
        """
        wanted = list(dict.fromkeys(names))
        unknown = [name for name in wanted if name not in WARMABLE]
        if unknown:
            raise ConfigurationError(f"cannot warm {unknown}; warmable caches: {sorted(WARMABLE)}")
        calls = [self._warmer(name) for name in wanted]
        results = await async_gather(calls)
        report: dict[str, Exception | None] = {}
        for name, result in zip(wanted, results, strict=True):
            if isinstance(result, Exception):
                logger.warning("warming cache %s failed: %s", name, type(result).__name__)
                report[name] = result
            elif isinstance(result, BaseException):
                raise result
            else:
                report[name] = None
        return report

    def refresher(
        self,
        compute: Callable[[], Awaitable[T]],
        *,
        interval: float = 60.0,
        name: str = "refresher",
    ) -> AsyncRefresher[T]:
        """A :class:`AsyncRefresher` for a value derived from this client (start it yourself)."""
        return AsyncRefresher(compute, interval=interval, name=name)

    async def library_counts(self, kinds: Iterable[str] = DEFAULT_COUNTS) -> dict[str, int]:
        """How many items of each kind the libraries hold (movies, shows, seasons, episodes).

        One one-item page per section and kind, read for its total, never from the cache (the
        point is a fresh number; wrap it in :meth:`counts_refresher` to keep it cheap).
        """
        wanted = tuple(dict.fromkeys(kinds))
        counts = dict.fromkeys(wanted, 0)
        sections = await self._client.library.sections()
        jobs: list[tuple[str, Callable[[], Awaitable[Any]]]] = []
        for section in sections:
            for kind in SECTION_KINDS.get(str(getattr(section, "type", "")), ()):
                if kind in counts:
                    jobs.append((kind, self._counter(section.key, kind)))
        results = await async_gather([job for _, job in jobs])
        for (kind, _), result in zip(jobs, results, strict=True):
            if isinstance(result, BaseException):
                raise result
            counts[kind] += int(result or 0)
        return counts

    def counts_refresher(
        self, *, interval: float = 60.0, kinds: Iterable[str] = DEFAULT_COUNTS
    ) -> AsyncRefresher[dict[str, int]]:
        """A refresher of :meth:`library_counts` every ``interval`` seconds, for a dashboard."""
        wanted = tuple(kinds)

        async def compute() -> dict[str, int]:
            return await self.library_counts(wanted)

        return AsyncRefresher(compute, interval=interval, name="library_counts")

    def _counter(self, section_key: Any, kind: str) -> Callable[[], Awaitable[Any]]:
        async def count() -> Any:
            page = await self._client.library.items(section_key, type=kind, limit=1, cache=False)
            return page.total if page.total is not None else len(page.items)

        return count

    def _warmer(self, name: str) -> Callable[[], Awaitable[Any]]:
        group, method = WARMABLE[name]
        call = getattr(getattr(self._client, group), method)

        async def warm_one() -> Any:
            return await call(cache="refresh")

        return warm_one
