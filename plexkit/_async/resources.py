"""The client's resource groups: server, library, metadata, activities, sessions, history, raw.

Each method builds a request spec in :mod:`plexkit._core.endpoints`, sends it through the
client and reads typed models from the answer.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs

from plexkit._core import edits, endpoints
from plexkit._core.endpoints import ParamValue, RequestSpec
from plexkit._core.paging import Page, PageCursor, total_from
from plexkit.errors import NotFoundError
from plexkit.models import (
    Activity,
    Collection,
    HistoryEntry,
    Hub,
    Identity,
    Item,
    Section,
    ServerInfo,
    Session,
    activities_from,
    history_from,
    hubs_from,
    identity_from,
    items_from,
    paging_from,
    sections_from,
    server_info_from,
    sessions_from,
)

if TYPE_CHECKING:
    from plexkit._async.client import AsyncPlexClient, CacheMode

__all__ = [
    "AsyncActivities",
    "AsyncHistory",
    "AsyncLibrary",
    "AsyncMetadata",
    "AsyncRaw",
    "AsyncServer",
    "AsyncSessions",
]

DEFAULT_PAGE_SIZE = 500


class _Resource:
    def __init__(self, client: AsyncPlexClient) -> None:
        self._client = client


async def _page(
    client: AsyncPlexClient,
    spec: RequestSpec,
    offset: int,
    limit: int | None,
    cache: CacheMode,
    ttl: float | None,
) -> Page[Item]:
    data, response = await client.get_data(spec.with_window(offset, limit), cache=cache, ttl=ttl)
    _, body_total = paging_from(data)
    return Page(
        items=items_from(data),
        offset=offset,
        total=total_from(body_total, response.headers),
        stale=response.stale,
    )


async def _iterate(
    client: AsyncPlexClient,
    spec: RequestSpec,
    page_size: int,
    limit: int | None,
    cache: CacheMode,
) -> AsyncIterator[Item]:
    cursor = PageCursor(page_size=page_size, limit=limit)
    while not cursor.done:
        offset, size = cursor.window()
        page = await _page(client, spec, offset, size, cache, None)
        cursor.advance(len(page.items), page.total)
        for item in page.items:
            yield item


class AsyncServer(_Resource):
    """The server itself: ``/`` and ``/identity``."""

    async def info(self, *, cache: CacheMode = None, ttl: float | None = None) -> ServerInfo:
        """Name, version, platform, machine identifier and capabilities (``GET /``)."""
        data, _ = await self._client.get_data(endpoints.server_info(), cache=cache, ttl=ttl)
        return server_info_from(data)

    async def identity(self, *, cache: CacheMode = None, ttl: float | None = None) -> Identity:
        """The machine identifier and version, readable without a token (``GET /identity``)."""
        data, _ = await self._client.get_data(endpoints.identity(), cache=cache, ttl=ttl)
        return identity_from(data)


class AsyncLibrary(_Resource):
    """Library sections, their items, search, recently added, collections and scans."""

    async def sections(
        self, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Section, ...]:
        """Every library section with its locations and whether it is refreshing."""
        data, _ = await self._client.get_data(endpoints.sections(), cache=cache, ttl=ttl)
        return sections_from(data)

    async def section(
        self, key_or_title: str | int, *, cache: CacheMode = None, ttl: float | None = None
    ) -> Section:
        """One section by key (``"1"``/``1``) or by title, case-insensitively."""
        wanted = str(key_or_title)
        found = await self.sections(cache=cache, ttl=ttl)
        for section in found:
            if section.key == wanted:
                return section
        for section in found:
            if (section.title or "").casefold() == wanted.casefold():
                return section
        titles = ", ".join(repr(s.title) for s in found) or "none"
        raise NotFoundError(
            f"no library section with key or title {wanted!r} (sections: {titles})",
            status_code=404,
            method="GET",
            url="/library/sections",
        )

    async def items(
        self,
        section_key: str | int,
        *,
        limit: int = 50,
        offset: int = 0,
        type: int | str | None = None,
        sort: str | None = None,
        filters: Mapping[str, ParamValue | None] | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> Page[Item]:
        """One page of a section's items (``limit``/``offset`` map to X-Plex-Container-*)."""
        spec = endpoints.library_items(section_key, type=type, sort=sort, filters=filters)
        return await _page(self._client, spec, offset, limit, cache, ttl)

    async def iter_items(
        self,
        section_key: str | int,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        limit: int | None = None,
        type: int | str | None = None,
        sort: str | None = None,
        filters: Mapping[str, ParamValue | None] | None = None,
        cache: CacheMode = False,
    ) -> AsyncIterator[Item]:
        """Every item of a section, fetched page by page; only one page is held at a time.

        Pages are not cached unless ``cache=True`` is passed: a walk over a whole library
        would otherwise fill the cache with it.
        """
        spec = endpoints.library_items(section_key, type=type, sort=sort, filters=filters)
        async for item in _iterate(self._client, spec, page_size, limit, cache):
            yield item

    async def search(
        self,
        query: str,
        *,
        limit: int | None = None,
        section_key: str | int | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> tuple[Hub, ...]:
        """Search every library (``/hubs/search``): one hub per result type, with its items."""
        spec = endpoints.search(query, limit=limit, section_key=section_key)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return hubs_from(data)

    async def recently_added(
        self,
        *,
        limit: int = 20,
        section_key: str | int | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> tuple[Item, ...]:
        """The newest items, across libraries or in one section."""
        spec = endpoints.recently_added(limit=limit, section_key=section_key)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return items_from(data)[:limit]

    async def collections(
        self, section_key: str | int, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Collection, ...]:
        """The collections of a section."""
        data, _ = await self._client.get_data(
            endpoints.collections(section_key), cache=cache, ttl=ttl
        )
        return tuple(item for item in items_from(data) if isinstance(item, Collection))

    async def collection(
        self, key: str | int, *, cache: CacheMode = None, ttl: float | None = None
    ) -> Collection:
        """A collection with its items filled in."""
        detail = await AsyncMetadata(self._client).get(key, cache=cache, ttl=ttl)
        if not isinstance(detail, Collection):
            raise NotFoundError(
                f"item {key!r} is a {detail.type!r}, not a collection",
                status_code=404,
                method="GET",
                url=f"/library/metadata/{key}",
            )
        data, _ = await self._client.get_data(endpoints.collection_items(key), cache=cache, ttl=ttl)
        return attrs.evolve(detail, items=items_from(data))

    async def refresh(
        self, section_key: str | int, *, path: str | None = None, force: bool = False
    ) -> None:
        """Start a scan of a whole section, or only of ``path`` inside it."""
        await self._client.request(endpoints.refresh_section(section_key, path=path, force=force))


class AsyncMetadata(_Resource):
    """Single items by rating key: detail, children, leaves and edits."""

    async def get(
        self, rating_key: str | int, *, cache: CacheMode = None, ttl: float | None = None
    ) -> Item:
        """An item in full detail (media, parts, streams, tags)."""
        spec = endpoints.metadata(rating_key)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        found = items_from(data)
        if not found:
            raise NotFoundError(
                f"no item with rating key {rating_key!r}",
                status_code=404,
                method="GET",
                url=spec.path,
            )
        return found[0]

    async def children(
        self, rating_key: str | int, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Item, ...]:
        """Direct children: a show's seasons, a season's episodes, an album's tracks."""
        spec = endpoints.children(rating_key)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return items_from(data)

    async def all_leaves(
        self, rating_key: str | int, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Item, ...]:
        """Every leaf below an item: all episodes of a show, all tracks of an artist."""
        spec = endpoints.children(rating_key, leaves=True)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return items_from(data)

    async def edit(self, rating_key: str | int, *, lock: bool = True, **fields: Any) -> None:
        """Change fields of an item (and lock them, so agents do not overwrite them)."""
        await self._client.request(edits.edit_request(rating_key, lock=lock, fields=fields))


class AsyncActivities(_Resource):
    """Server activities: scans, analysis, downloads."""

    async def list(
        self, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Activity, ...]:
        """The activities running now, with their progress."""
        data, _ = await self._client.get_data(endpoints.activities(), cache=cache, ttl=ttl)
        return activities_from(data)

    async def cancel(self, uuid: str) -> None:
        """Cancel a cancellable activity."""
        await self._client.request(endpoints.cancel_activity(uuid))


class AsyncSessions(_Resource):
    """What is playing now; never cached."""

    async def list(self) -> tuple[Session, ...]:
        """Active playback sessions with user, player and transcode details."""
        data, _ = await self._client.get_data(endpoints.sessions(), cache=False)
        return sessions_from(data)


class AsyncHistory(_Resource):
    """Watch history across users."""

    async def list(
        self,
        *,
        limit: int | None = 100,
        offset: int = 0,
        account_id: int | None = None,
        section_key: str | int | None = None,
        rating_key: str | int | None = None,
        since: datetime | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> tuple[HistoryEntry, ...]:
        """History entries, newest first; ``limit=None`` reads every page."""
        spec = endpoints.history(
            account_id=account_id, section_key=section_key, rating_key=rating_key, since=since
        )
        cursor = PageCursor(page_size=DEFAULT_PAGE_SIZE, offset=offset, limit=limit)
        entries: list[HistoryEntry] = []
        while not cursor.done:
            start, size = cursor.window()
            data, response = await self._client.get_data(
                spec.with_window(start, size), cache=cache, ttl=ttl
            )
            page = history_from(data)
            _, body_total = paging_from(data)
            cursor.advance(len(page), total_from(body_total, response.headers))
            entries.extend(page)
        return tuple(entries)


class AsyncRaw(_Resource):
    """The escape hatch: any endpoint by path, decoded into the MediaContainer dict."""

    async def get(
        self, path: str, params: Mapping[str, ParamValue | None] | None = None
    ) -> dict[str, Any]:
        """GET ``path`` and return its decoded MediaContainer (JSON shape, also for XML)."""
        data, _ = await self._client.get_data(
            endpoints.raw("GET", path, params, idempotent=True), cache=False
        )
        return data

    async def request(
        self,
        method: str,
        path: str,
        params: Mapping[str, ParamValue | None] | None = None,
        *,
        idempotent: bool = False,
    ) -> dict[str, Any]:
        """Any method; retried only when ``idempotent=True`` says it is safe to repeat."""
        data, _ = await self._client.get_data(
            endpoints.raw(method, path, params, idempotent=idempotent), cache=False
        )
        return data
