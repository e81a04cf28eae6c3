"""A whole listing with several pages in flight: ``async with plex.library.walk(...) as items``.

The first page says how many items there are (``totalSize``); the remaining windows are then
fetched concurrently, at most ``pages_in_flight`` at a time, by workers the ``async with``
block owns (see ``plexkit._in_flight``), while the caller builds and reads the pages already
there. The workers only fetch: a page is decoded when the walk reaches it, so the pages
waiting are bytes (about a quarter of their decoded size). Items come in server order; a
page's error is raised when the walk reaches it. Without a total (a server that sends none)
the walk reads one page ahead, as ``iter_items`` does.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from functools import partial
from types import TracebackType
from typing import TYPE_CHECKING, Final, Generic, TypeVar, cast

from plexkit._async.resources.paging import entry_count
from plexkit._core.paging import PageCursor, total_from
from plexkit._core.refs import narrowed
from plexkit._in_flight import AsyncInFlight
from plexkit._response import CachedResponse
from plexkit.errors import ConfigurationError
from plexkit.models import items_from, paging_from
from plexkit.models._decode import decode_page
from plexkit.types import IterOptions, RequestSpec

if TYPE_CHECKING:
    from plexkit import AsyncPlexClient
    from plexkit.models import BaseItem
    from plexkit.types import CacheMode

__all__ = ["DEFAULT_PAGES_IN_FLIGHT", "MAX_PAGES_IN_FLIGHT", "AsyncWalk", "WalkOptions"]

DEFAULT_PAGES_IN_FLIGHT: Final = 4
"""Pages requested at once by default: enough to hide a page's latency behind building the
ones before it, without loading a home server with a burst of big requests."""
MAX_PAGES_IN_FLIGHT: Final = 32

T = TypeVar("T")
_Fetched = tuple[int, CachedResponse]
"""A fetched window: the size asked for and the response, not yet decoded."""


class WalkOptions(IterOptions, total=False):
    """The keyword arguments ``walk`` takes besides the section and ``type``: those of
    ``iter_items`` and the bound on pages in flight."""

    pages_in_flight: int


def check_pages_in_flight(value: int) -> int:
    """``value`` if it is a usable bound on concurrent page requests, else a
    `ConfigurationError` (raised before any request)."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 0 < value <= MAX_PAGES_IN_FLIGHT
    ):
        raise ConfigurationError(
            f"pages_in_flight must be an int from 1 to {MAX_PAGES_IN_FLIGHT}, not {value!r}"
        )
    return value


class AsyncWalk(Generic[T]):
    """Every item of a listing, several pages fetched at once; enter it with ``async with``
    and iterate what it gives. Leaving the block stops the walk: no request outlives it."""

    def __init__(
        self,
        client: AsyncPlexClient,
        spec: Callable[[], Awaitable[RequestSpec]],
        *,
        kind: type[BaseItem] | None,
        page_size: int,
        limit: int | None,
        cache: CacheMode,
        pages_in_flight: int,
    ) -> None:
        self._client = client
        self._spec_of = spec
        self._kind = kind
        self._cache = cache
        self._bound = check_pages_in_flight(pages_in_flight)
        self._cursor = PageCursor(page_size=page_size, limit=limit)
        self._spec: RequestSpec | None = None
        self._flight: AsyncInFlight[_Fetched] | None = None
        self._windows: deque[tuple[int, int]] = deque()
        self._planned = False
        self._entered = False
        self._failed = False
        self._items: Iterator[T] = iter(())

    async def __aenter__(self) -> AsyncWalk[T]:
        if self._entered:
            raise ConfigurationError("a walk is entered once; call walk() again for another")
        self._entered = True
        self._spec = await self._spec_of()
        flight: AsyncInFlight[_Fetched] = AsyncInFlight(self._bound)
        await flight.__aenter__()
        self._flight = flight
        self._start(*self._cursor.window())
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool | None:
        flight, self._flight = self._flight, None
        self._windows.clear()
        self._items = iter(())
        if flight is None:
            return None
        return await flight.__aexit__(exc_type, exc, tb)

    def __aiter__(self) -> AsyncWalk[T]:
        return self

    async def __anext__(self) -> T:
        for item in self._items:
            return item
        while await self._next_page():
            for item in self._items:
                return item
        raise StopAsyncIteration

    async def _next_page(self) -> bool:
        """Take the oldest page, start what may start next, and make the page's items the
        current ones; False once the walk is over."""
        if self._flight is None:
            if not self._entered:
                raise ConfigurationError("enter the walk first: async with ...walk(...) as items")
            return False
        if self._failed or not self._flight.pending:
            return False
        try:
            size, response = await self._flight.take()
            items = self._page_items(size, response)
        except BaseException:
            self._failed = True  # the walk ends at a failed page: none after it is yielded
            self._windows.clear()
            raise
        self._items = iter(items)
        return True

    def _page_items(self, size: int, response: CachedResponse) -> tuple[T, ...]:
        """The walk's items of one page; starts the windows that may start next."""
        assert self._flight is not None
        data = decode_page(response.content, response.headers.get("content-type"))
        received = entry_count(data)
        if self._planned:
            kept = min(received, size)
        else:
            _, body_total = paging_from(data)
            kept = self._advance(received, total_from(body_total, response.headers))
        while self._windows and self._flight.free:
            self._start(*self._windows.popleft())
        return cast("tuple[T, ...]", narrowed(items_from(data)[:kept], self._kind))

    def _advance(self, received: int, total: int | None) -> int:
        """Record a page read one at a time (the first one, or all of them without a total)
        and plan what comes next; returns how many of its items belong to the walk."""
        _, asked = self._cursor.window()
        kept = self._cursor.advance(received, total)
        if self._cursor.done:
            return kept
        if total is None:
            self._windows.append(self._cursor.window())
            return kept
        # A short first page with more to come: the server caps pages at that size.
        step = kept if kept < asked else self._cursor.page_size
        start = self._cursor.offset
        end = total if self._cursor.limit is None else min(total, start + self._cursor.limit)
        windows = ((offset, min(step, end - offset)) for offset in range(start, end, step))
        self._windows.extend(windows)
        self._planned = True
        return kept

    def _start(self, offset: int, size: int) -> None:
        assert self._flight is not None
        self._flight.start(partial(self._get, offset, size))

    async def _get(self, offset: int, size: int) -> _Fetched:
        """One window's response (in the walk's task group, beside the caller)."""
        assert self._spec is not None
        window = self._spec.with_window(offset, size)
        return size, await self._client.request(window, cache=self._cache)
