"""``plex.cache``: stats, clear, invalidate and warm for a client's response cache.

The client hands this control its warmable calls and its library counter (typed, on the
client side, `plexkit._async.dashboard`), so nothing here looks the client up by name.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Final

from plexkit._redact import get_logger
from plexkit._synchronization import async_gather
from plexkit.cache._async import refresher as _refresher
from plexkit.cache.stats import CacheStats
from plexkit.errors import ConfigurationError
from plexkit.types import T

if TYPE_CHECKING:
    from plexkit.cache import AsyncCounter, AsyncRefresher, AsyncResponseCache, AsyncWarmer

__all__ = ["DEFAULT_WARM", "AsyncCacheControl"]

logger = get_logger(__name__)

DEFAULT_WARM: Final = ("server", "sections", "recently_added", "activities", "history")
"""What `AsyncCacheControl.warm` refreshes when given no names."""


class AsyncCacheControl:
    """What ``plex.cache`` offers on a client created with a cache."""

    def __init__(
        self,
        cache: AsyncResponseCache,
        *,
        warmers: Mapping[str, AsyncWarmer] | None = None,
        counter: AsyncCounter | None = None,
        count_kinds: tuple[str, ...] = (),
    ) -> None:
        self._cache = cache
        self._warmers: Mapping[str, AsyncWarmer] = dict(warmers or {})
        self._counter = counter
        self._count_kinds = count_kinds

    @property
    def cache(self) -> AsyncResponseCache:
        """The response cache itself (for ``fetch``, ``invalidate_write`` and friends)."""
        return self._cache

    @property
    def warmable(self) -> tuple[str, ...]:
        """The names `warm` accepts without a call of your own."""
        return tuple(self._warmers)

    async def stats(self) -> CacheStats:
        """Stats per cache name plus the backend (counting Redis keys first)."""
        await self._cache.count_keys()
        return self._cache.stats()

    async def clear(self) -> None:
        """Drop every entry and reset the counters."""
        await self._cache.clear()

    async def invalidate(self, prefix: str) -> int:
        """Drop entries by cache name or key prefix (see `AsyncResponseCache.invalidate`)."""
        return await self._cache.invalidate(prefix)

    async def warm(
        self, names: Iterable[str] | None = None, **calls: AsyncWarmer
    ) -> dict[str, Exception | None]:
        """Refresh caches now, concurrently; name -> None, or the error it raised.

        ``names`` picks from `warmable` (all of `DEFAULT_WARM` when neither names
        nor calls are given); each keyword is a call of your own, made with ``cache="refresh"``
        (``history=functools.partial(plex.history.list, limit=500)``), which replaces the
        default call of that name. A failure is returned, not raised, so one slow endpoint
        cannot stop a warm-up.
        """
        chosen = list(names) if names is not None else ([] if calls else list(DEFAULT_WARM))
        wanted = list(dict.fromkeys([*chosen, *calls]))
        unknown = [name for name in wanted if name not in calls and name not in self._warmers]
        if unknown:
            raise ConfigurationError(
                f"cannot warm {unknown}; warmable caches: {sorted(self._warmers)} "
                "(or pass a call of your own as a keyword)"
            )
        jobs = [_refresh(calls.get(name) or self._warmers[name]) for name in wanted]
        results = await async_gather(jobs)
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
        """A `AsyncRefresher` for a value derived from this client (start it yourself)."""
        return _refresher.AsyncRefresher(compute, interval=interval, name=name)

    async def library_counts(self, kinds: Iterable[str] | None = None) -> dict[str, int]:
        """How many items of each kind the libraries hold (movies, shows, seasons, episodes,
        artists, albums, tracks by default), fresh from the server.

        One empty page per section and kind, read for its total; wrap it in
        `counts_refresher` to keep it cheap.
        """
        if self._counter is None:
            raise ConfigurationError("this cache control was built without a library counter")
        wanted = tuple(kinds) if kinds is not None else self._count_kinds
        return await self._counter(wanted)

    def counts_refresher(
        self, *, interval: float = 60.0, kinds: Iterable[str] | None = None
    ) -> AsyncRefresher[dict[str, int]]:
        """A refresher of `library_counts` every ``interval`` seconds, for a dashboard."""
        wanted = tuple(kinds) if kinds is not None else None

        async def compute() -> dict[str, int]:
            return await self.library_counts(wanted)

        return _refresher.AsyncRefresher(compute, interval=interval, name="library_counts")


def _refresh(call: AsyncWarmer) -> Callable[[], Awaitable[object]]:
    async def warm_one() -> object:
        return await call(cache="refresh")

    return warm_one
