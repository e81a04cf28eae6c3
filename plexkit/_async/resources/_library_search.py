"""Library search and recently added, narrowed by ``type=`` to that type's model."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, overload

from plexkit._async.resources._library_items import AsyncLibraryItems
from plexkit._core import endpoints
from plexkit._core.refs import item_class, narrowed
from plexkit.models import hubs_from, items_from
from plexkit.types import SectionRef

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from plexkit.models import (
        Album,
        Artist,
        Clip,
        Collection,
        Episode,
        Hub,
        Item,
        Movie,
        Photo,
        PhotoAlbum,
        Playlist,
        Season,
        Show,
        Track,
    )
    from plexkit.types import CacheMode, RecentOptions, SearchOptions

__all__ = ["AsyncLibrarySearch"]


class AsyncLibrarySearch(AsyncLibraryItems):
    """The search and recently-added part of `AsyncLibrary` (recently added in one section
    of one type is a sorted item listing)."""

    @overload
    async def search(
        self, query: str, *, type: Literal["movie"], **options: Unpack[SearchOptions]
    ) -> tuple[Movie, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["show"], **options: Unpack[SearchOptions]
    ) -> tuple[Show, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["season"], **options: Unpack[SearchOptions]
    ) -> tuple[Season, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["episode"], **options: Unpack[SearchOptions]
    ) -> tuple[Episode, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["trailer"], **options: Unpack[SearchOptions]
    ) -> tuple[Clip, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["artist"], **options: Unpack[SearchOptions]
    ) -> tuple[Artist, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["album"], **options: Unpack[SearchOptions]
    ) -> tuple[Album, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["track"], **options: Unpack[SearchOptions]
    ) -> tuple[Track, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["photoalbum"], **options: Unpack[SearchOptions]
    ) -> tuple[PhotoAlbum, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["photo"], **options: Unpack[SearchOptions]
    ) -> tuple[Photo, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["playlist"], **options: Unpack[SearchOptions]
    ) -> tuple[Playlist, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["collection"], **options: Unpack[SearchOptions]
    ) -> tuple[Collection, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: None = None, **options: Unpack[SearchOptions]
    ) -> tuple[Hub, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: int | str, **options: Unpack[SearchOptions]
    ) -> tuple[Item, ...]: ...
    async def search(
        self,
        query: str,
        *,
        type: int | str | None = None,
        limit: int | None = None,
        section: SectionRef | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> tuple[Any, ...]:
        """Search every library (``/hubs/search``), or one ``section``.

        Without ``type``, one hub per result type with its items; with ``type="movie"``
        (or another type), only the matching items: a ``tuple[Movie, ...]``.
        """
        kind = item_class(type)
        self._check_read(cache, ttl)
        spec = await self._maybe_section_spec(
            section, lambda key: endpoints.search(query, limit=limit, section_key=key)
        )
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        hubs = hubs_from(data)
        if type is None:
            return hubs
        return narrowed((item for hub in hubs for item in hub.items), kind)

    @overload
    async def recently_added(
        self, *, type: Literal["movie"], **options: Unpack[RecentOptions]
    ) -> tuple[Movie, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["show"], **options: Unpack[RecentOptions]
    ) -> tuple[Show, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["season"], **options: Unpack[RecentOptions]
    ) -> tuple[Season, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["episode"], **options: Unpack[RecentOptions]
    ) -> tuple[Episode, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["trailer"], **options: Unpack[RecentOptions]
    ) -> tuple[Clip, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["artist"], **options: Unpack[RecentOptions]
    ) -> tuple[Artist, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["album"], **options: Unpack[RecentOptions]
    ) -> tuple[Album, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["track"], **options: Unpack[RecentOptions]
    ) -> tuple[Track, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["photoalbum"], **options: Unpack[RecentOptions]
    ) -> tuple[PhotoAlbum, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["photo"], **options: Unpack[RecentOptions]
    ) -> tuple[Photo, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["playlist"], **options: Unpack[RecentOptions]
    ) -> tuple[Playlist, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["collection"], **options: Unpack[RecentOptions]
    ) -> tuple[Collection, ...]: ...
    @overload
    async def recently_added(
        self, *, type: int | str | None = None, **options: Unpack[RecentOptions]
    ) -> tuple[Item, ...]: ...
    async def recently_added(
        self,
        *,
        type: int | str | None = None,
        limit: int = 20,
        section: SectionRef | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> tuple[Any, ...]:
        """The newest items, across libraries or in one ``section``.

        With ``type`` and a ``section``, the section's items of that type newest first; with
        ``type`` alone, the newest items across libraries that are of that type.
        """
        kind = item_class(type)
        self._check_read(cache, ttl)
        if type is not None and section is not None:
            found = await self.items(
                section, type=type, sort="addedAt:desc", limit=limit, cache=cache, ttl=ttl
            )
            return found.items
        spec = await self._maybe_section_spec(
            section, lambda key: endpoints.recently_added(limit=limit, section_key=key)
        )
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return narrowed(items_from(data)[:limit], kind)
