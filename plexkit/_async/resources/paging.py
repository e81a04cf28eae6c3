"""Paging through a listing: one page, or every entry with the next page read ahead.

``page`` reads one page of library items; ``read_page``/``read_all`` take the reader of any
listing whose entries are ``Metadata`` (``item_reader`` for library items, history's for
history).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from plexkit._async.pages import AsyncPage, following
from plexkit._core.cache_info import capture_cache_info
from plexkit._core.endpoints import RequestSpec
from plexkit._core.paging import PageCursor, next_start, total_from
from plexkit._core.refs import narrowed
from plexkit._read_ahead import AsyncAhead, AsyncReadAhead
from plexkit._response import CachedResponse
from plexkit.models import items_from, paging_from

if TYPE_CHECKING:
    from plexkit._async.client import AsyncPlexClient, CacheMode
    from plexkit.models import BaseItem, Item

__all__ = ["Reader", "item_reader", "page", "read_all", "read_page"]

T = TypeVar("T")
Reader = Callable[[Mapping[str, Any], int], tuple[T, ...]]
"""Builds the first ``kept`` entries of a decoded page (the rest are outside the window) as
models, which keep no raw value unchecked: pages are decoded for them alone (``models_only``)."""


def item_reader(kind: type[BaseItem] | None) -> Reader[Item]:
    """The reader of library items; with ``kind``, only the items of that class."""
    return lambda data, kept: narrowed(items_from(data)[:kept], kind)


async def page(
    client: AsyncPlexClient,
    spec: RequestSpec,
    offset: int,
    limit: int,
    cache: CacheMode,
    ttl: float | None,
    kind: type[BaseItem] | None = None,
) -> AsyncPage[Item]:
    """One page; with ``kind``, only its items of that class (see ``narrowed``)."""
    return await read_page(client, spec, offset, limit, cache, ttl, item_reader(kind))


async def read_page(
    client: AsyncPlexClient,
    spec: RequestSpec,
    offset: int,
    limit: int,
    cache: CacheMode,
    ttl: float | None,
    read: Reader[T],
) -> AsyncPage[T]:
    """One page of any listing, its entries built by ``read``; its ``next()`` reads the
    following window of the same request."""
    window = spec.with_window(offset, limit)
    with capture_cache_info() as seen:
        response = await client.request(window, cache=cache, ttl=ttl)
    data = client.data_of(window, response, models_only=True)
    _, body_total = paging_from(data)
    total = total_from(body_total, response.headers)
    start = next_start(offset, limit, entry_count(data), total)
    return AsyncPage(
        items=read(data, limit),
        offset=offset,
        total=total,
        stale=response.stale,
        cache=seen.last,
        following=following(start, lambda at: read_page(client, spec, at, limit, cache, ttl, read)),
    )


def entry_count(data: Mapping[str, Any]) -> int:
    """How many items a decoded page holds, without building them."""
    entries = data.get("Metadata")
    if isinstance(entries, list):
        return len(entries)
    return 1 if isinstance(entries, dict) else 0


async def read_all(
    client: AsyncPlexClient,
    request: Callable[[], Awaitable[RequestSpec]],
    page_size: int,
    limit: int | None,
    cache: CacheMode,
    read: Reader[T],
) -> AsyncIterator[T]:
    """Every entry of any listing, page by page, built by ``read``; ``request`` builds the
    listing's request on the first read (a section title is looked up then). Callers return
    this iterator itself rather than wrap it: each async generator layer costs every entry
    a step. The sync twin fetches the
    next page on a worker thread while the caller decodes, builds and reads the current one,
    whenever the server keeps it waiting (see ``plexkit._read_ahead``); the async one fetches
    it when the current one is read (overlapping would need a task group held across
    ``yield``: ``walk`` does that)."""
    spec = await request()
    cursor = PageCursor(page_size=page_size, limit=limit)
    pace = AsyncReadAhead()
    ahead: AsyncAhead[tuple[RequestSpec, CachedResponse]] | None = _fetch(
        client, spec, cursor, cache, pace
    )
    while ahead is not None:
        window, response = await ahead.result()
        # The body is dropped when the next one is decoded, not sooner: freeing a whole page
        # before the next is allocated cost more in the allocator than the collections it
        # saves (``docs/benchmarks.md``).
        data = client.data_of(window, response, models_only=True)
        _, body_total = paging_from(data)
        kept = cursor.advance(entry_count(data), total_from(body_total, response.headers))
        ahead = None if cursor.done else _fetch(client, spec, cursor, cache, pace)
        for entry in read(data, kept):
            yield entry


def _fetch(
    client: AsyncPlexClient,
    spec: RequestSpec,
    cursor: PageCursor,
    cache: CacheMode,
    pace: AsyncReadAhead,
) -> AsyncAhead[tuple[RequestSpec, CachedResponse]]:
    """The request for the cursor's next window, to be read ahead: only the request (the
    sync twin's worker thread does I/O; the caller decodes, under its own GC pause)."""
    offset, size = cursor.window()
    window = spec.with_window(offset, size)

    async def fetch() -> tuple[RequestSpec, CachedResponse]:
        return window, await client.request(window, cache=cache)

    return pace.start(fetch)
