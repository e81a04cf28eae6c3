"""Paging through a listing: one page, or every item with the next page read ahead."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import TYPE_CHECKING, Any

from plexkit._core.cache_info import capture_cache_info
from plexkit._core.endpoints import RequestSpec
from plexkit._core.paging import Page, PageCursor, total_from
from plexkit._core.refs import narrowed
from plexkit._read_ahead import AsyncAhead
from plexkit._response import CachedResponse
from plexkit.models import items_from, paging_from

if TYPE_CHECKING:
    from plexkit._async.client import AsyncPlexClient, CacheMode
    from plexkit.models import BaseItem, Item

__all__ = ["iterate", "page"]


async def page(
    client: AsyncPlexClient,
    spec: RequestSpec,
    offset: int,
    limit: int,
    cache: CacheMode,
    ttl: float | None,
    kind: type[BaseItem] | None = None,
) -> Page[Item]:
    """One page; with ``kind``, only its items of that class (see ``narrowed``)."""
    with capture_cache_info() as seen:
        data, response = await client.get_data(
            spec.with_window(offset, limit), cache=cache, ttl=ttl
        )
    _, body_total = paging_from(data)
    return Page(
        items=narrowed(items_from(data)[:limit], kind),
        offset=offset,
        total=total_from(body_total, response.headers),
        stale=response.stale,
        cache=seen.last,
    )


def entry_count(data: Mapping[str, Any]) -> int:
    """How many items a decoded page holds, without building them."""
    entries = data.get("Metadata")
    if isinstance(entries, list):
        return len(entries)
    return 1 if isinstance(entries, dict) else 0


async def iterate(
    client: AsyncPlexClient,
    spec: RequestSpec,
    page_size: int,
    limit: int | None,
    cache: CacheMode,
    kind: type[BaseItem] | None = None,
) -> AsyncIterator[Item]:
    """Every item (with ``kind``, every item of that class), page by page. The sync twin
    fetches the next page on a worker thread while the caller builds and reads the current one
    (see ``plexkit._read_ahead``)."""
    cursor = PageCursor(page_size=page_size, limit=limit)
    ahead: AsyncAhead[tuple[dict[str, Any], CachedResponse]] | None = _fetch(
        client, spec, cursor, cache
    )
    while ahead is not None:
        data, response = await ahead.result()
        _, body_total = paging_from(data)
        kept = cursor.advance(entry_count(data), total_from(body_total, response.headers))
        ahead = None if cursor.done else _fetch(client, spec, cursor, cache)
        for item in narrowed(items_from(data)[:kept], kind):
            yield item


def _fetch(
    client: AsyncPlexClient, spec: RequestSpec, cursor: PageCursor, cache: CacheMode
) -> AsyncAhead[tuple[dict[str, Any], CachedResponse]]:
    """The request for the cursor's next window, to be read ahead."""
    offset, size = cursor.window()
    window = spec.with_window(offset, size)
    return AsyncAhead(lambda: client.get_data(window, cache=cache))
