"""Paging through a listing: one page, or every item with the next page read ahead."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import TYPE_CHECKING, Any

from plexkit._core.cache_info import capture_cache_info
from plexkit._core.endpoints import RequestSpec
from plexkit._core.paging import Page, PageCursor, total_from
from plexkit._synchronization import async_read_ahead
from plexkit.models import Item, items_from, paging_from

if TYPE_CHECKING:
    from plexkit._async.client import AsyncPlexClient, CacheMode

__all__ = ["iterate", "page", "raw_pages"]


async def page(
    client: AsyncPlexClient,
    spec: RequestSpec,
    offset: int,
    limit: int,
    cache: CacheMode,
    ttl: float | None,
) -> Page[Item]:
    with capture_cache_info() as seen:
        data, response = await client.get_data(
            spec.with_window(offset, limit), cache=cache, ttl=ttl
        )
    _, body_total = paging_from(data)
    return Page(
        items=items_from(data)[:limit],
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


async def raw_pages(
    client: AsyncPlexClient,
    spec: RequestSpec,
    page_size: int,
    limit: int | None,
    cache: CacheMode,
) -> AsyncIterator[tuple[dict[str, Any], int]]:
    """Decoded pages and how many of their items belong to the walk (models not built yet)."""
    cursor = PageCursor(page_size=page_size, limit=limit)
    while not cursor.done:
        offset, size = cursor.window()
        data, response = await client.get_data(spec.with_window(offset, size), cache=cache)
        _, body_total = paging_from(data)
        kept = cursor.advance(entry_count(data), total_from(body_total, response.headers))
        yield data, kept


async def iterate(
    client: AsyncPlexClient,
    spec: RequestSpec,
    page_size: int,
    limit: int | None,
    cache: CacheMode,
) -> AsyncIterator[Item]:
    """Every item, page by page. The sync twin fetches and decodes the next page on a worker
    thread while the caller builds and reads the current one (see ``read_ahead``)."""
    async for data, kept in async_read_ahead(raw_pages(client, spec, page_size, limit, cache)):
        for item in items_from(data)[:kept]:
            yield item
