"""Paging through a listing: one page, or every item with the next page read ahead."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import TYPE_CHECKING, Any

from plexkit._core.endpoints import RequestSpec
from plexkit._core.paging import Page, PageCursor, total_from
from plexkit._core.refs import narrowed
from plexkit._synchronization import async_read_ahead
from plexkit.models import BaseItem, Item, items_from, paging_from

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
    kind: type[BaseItem] | None = None,
) -> Page[Item]:
    """One page; with ``kind``, only its items of that class (see ``narrowed``)."""
    data, response = await client.get_data(spec.with_window(offset, limit), cache=cache, ttl=ttl)
    _, body_total = paging_from(data)
    return Page(
        items=narrowed(items_from(data)[:limit], kind),
        offset=offset,
        total=total_from(body_total, response.headers),
        stale=response.stale,
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
    kind: type[BaseItem] | None = None,
) -> AsyncIterator[Item]:
    """Every item (with ``kind``, every item of that class), page by page. The sync twin
    fetches and decodes the next page on a worker thread while the caller builds and reads the
    current one (see ``read_ahead``)."""
    async for data, kept in async_read_ahead(raw_pages(client, spec, page_size, limit, cache)):
        for item in narrowed(items_from(data)[:kept], kind):
            yield item
