"""Library sections, their items, search, collections and scans.

A section is a ``Section``, its key or its title wherever one is taken. A listing with
``type="movie"`` (or any other item type name) is typed as that type's model: ``Page[Movie]``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypedDict, overload

import attrs

from plexkit._async.dashboard import async_with_item_counts
from plexkit._async.resources._base import DEFAULT_PAGE_SIZE, Resource, children_of, not_found
from plexkit._async.resources.paging import iterate, page
from plexkit._core import endpoints, matching
from plexkit._core.endpoints import ParamValue
from plexkit._core.paging import Page, check_window
from plexkit._core.refs import (
    ItemRef,
    SectionRef,
    item_class,
    narrowed,
    rating_key_of,
    section_key_of,
)
from plexkit._core.scan_paths import check_path_text, check_scan_path, section_for_path
from plexkit.models import hubs_from, items_from, sections_from, structure

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from plexkit._async.client import CacheMode
    from plexkit._async.scans import ProgressCallback
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
        Section,
        Show,
        Track,
    )
    from plexkit.models.management import Agent, ScanResult

__all__ = ["AsyncLibrary"]


class _ItemsOptions(TypedDict, total=False):
    limit: int
    offset: int
    sort: str | None
    filters: Mapping[str, ParamValue | None] | None
    cache: CacheMode
    ttl: float | None
    include_guids: bool


class _IterOptions(TypedDict, total=False):
    page_size: int
    limit: int | None
    sort: str | None
    filters: Mapping[str, ParamValue | None] | None
    cache: CacheMode
    include_guids: bool


class _SearchOptions(TypedDict, total=False):
    limit: int | None
    section: SectionRef | None
    cache: CacheMode
    ttl: float | None


class _RecentOptions(TypedDict, total=False):
    limit: int
    section: SectionRef | None
    cache: CacheMode
    ttl: float | None


class AsyncLibrary(Resource):
    """Library sections, their items, search, recently added, collections and scans."""

    async def sections(
        self, *, cache: CacheMode = None, ttl: float | None = None, counts: bool = False
    ) -> tuple[Section, ...]:
        """Every library section with its locations and whether it is refreshing.

        ``counts=True`` fills each ``item_count`` with one empty page per section (fresh,
        concurrent; see ``plex.cache.library_counts`` for seasons, episodes and the rest).
        """
        data, _ = await self._client.get_data(endpoints.sections(), cache=cache, ttl=ttl)
        found = sections_from(data)
        return await async_with_item_counts(self._client, found) if counts else found

    async def section(
        self, section: SectionRef, *, cache: CacheMode = None, ttl: float | None = None
    ) -> Section:
        """One section by key (``"1"``/``1``) or by title, case-insensitively; given a
        `Section`, its current state.

        Raises `NotFoundError` when no section has that key or title.
        """
        from plexkit.models import Section

        wanted = section.key if isinstance(section, Section) else str(section)
        found = await self.sections(cache=cache, ttl=ttl)
        for candidate in found:
            if candidate.key == wanted:
                return candidate
        for candidate in found:
            if (candidate.title or "").casefold() == wanted.casefold():
                return candidate
        titles = ", ".join(repr(s.title) for s in found) or "none"
        raise not_found(
            f"no library section with key or title {wanted!r} (sections: {titles})",
            "/library/sections",
        )

    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["movie"], **options: Unpack[_ItemsOptions]
    ) -> Page[Movie]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["show"], **options: Unpack[_ItemsOptions]
    ) -> Page[Show]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["season"], **options: Unpack[_ItemsOptions]
    ) -> Page[Season]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["episode"], **options: Unpack[_ItemsOptions]
    ) -> Page[Episode]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["trailer"], **options: Unpack[_ItemsOptions]
    ) -> Page[Clip]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["artist"], **options: Unpack[_ItemsOptions]
    ) -> Page[Artist]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["album"], **options: Unpack[_ItemsOptions]
    ) -> Page[Album]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["track"], **options: Unpack[_ItemsOptions]
    ) -> Page[Track]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["photoalbum"], **options: Unpack[_ItemsOptions]
    ) -> Page[PhotoAlbum]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["photo"], **options: Unpack[_ItemsOptions]
    ) -> Page[Photo]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["playlist"], **options: Unpack[_ItemsOptions]
    ) -> Page[Playlist]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["collection"], **options: Unpack[_ItemsOptions]
    ) -> Page[Collection]: ...
    @overload
    async def items(
        self,
        section: SectionRef,
        *,
        type: int | str | None = None,
        **options: Unpack[_ItemsOptions],
    ) -> Page[Item]: ...
    async def items(
        self,
        section: SectionRef,
        *,
        limit: int = 50,
        offset: int = 0,
        type: int | str | None = None,
        sort: str | None = None,
        filters: Mapping[str, ParamValue | None] | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
        include_guids: bool = False,
    ) -> Page[Any]:
        """One page of a section's items (``limit``/``offset`` map to X-Plex-Container-*).

        With ``type="movie"`` (or another item type name) the page is a `Page[Movie]`:
        entries of another class (an unreadable one) are left out of ``items``.
        """
        check_window(offset, limit)
        spec = await self._items_spec(section, type, sort, filters, include_guids)
        return await page(self._client, spec, offset, limit, cache, ttl, item_class(type))

    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["movie"], **options: Unpack[_IterOptions]
    ) -> AsyncIterator[Movie]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["show"], **options: Unpack[_IterOptions]
    ) -> AsyncIterator[Show]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["season"], **options: Unpack[_IterOptions]
    ) -> AsyncIterator[Season]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["episode"], **options: Unpack[_IterOptions]
    ) -> AsyncIterator[Episode]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["trailer"], **options: Unpack[_IterOptions]
    ) -> AsyncIterator[Clip]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["artist"], **options: Unpack[_IterOptions]
    ) -> AsyncIterator[Artist]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["album"], **options: Unpack[_IterOptions]
    ) -> AsyncIterator[Album]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["track"], **options: Unpack[_IterOptions]
    ) -> AsyncIterator[Track]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["photoalbum"], **options: Unpack[_IterOptions]
    ) -> AsyncIterator[PhotoAlbum]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["photo"], **options: Unpack[_IterOptions]
    ) -> AsyncIterator[Photo]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["playlist"], **options: Unpack[_IterOptions]
    ) -> AsyncIterator[Playlist]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["collection"], **options: Unpack[_IterOptions]
    ) -> AsyncIterator[Collection]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: int | str | None = None, **options: Unpack[_IterOptions]
    ) -> AsyncIterator[Item]: ...
    async def iter_items(
        self,
        section: SectionRef,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        limit: int | None = None,
        type: int | str | None = None,
        sort: str | None = None,
        filters: Mapping[str, ParamValue | None] | None = None,
        cache: CacheMode = False,
        include_guids: bool = False,
    ) -> AsyncIterator[Any]:
        """Every item of a section, fetched page by page; only one page is held at a time.

        Typed by ``type=`` as `items` is. Pages are not cached unless ``cache=True`` is
        passed: a walk over a whole library would otherwise fill the cache with it.
        """
        spec = await self._items_spec(section, type, sort, filters, include_guids)
        async for item in iterate(self._client, spec, page_size, limit, cache, item_class(type)):
            yield item

    async def _items_spec(
        self,
        section: SectionRef,
        type: int | str | None,
        sort: str | None,
        filters: Mapping[str, ParamValue | None] | None,
        include_guids: bool,
    ) -> endpoints.RequestSpec:
        """The items request, every argument checked before a title is looked up."""
        options: dict[str, Any] = {
            "type": type,
            "sort": sort,
            "filters": filters,
            "include_guids": include_guids,
        }
        key = section_key_of(section)
        spec = endpoints.library_items(key or "0", **options)
        if key is None:
            spec = endpoints.library_items(await self._section_key(section), **options)
        return spec

    @overload
    async def search(
        self, query: str, *, type: Literal["movie"], **options: Unpack[_SearchOptions]
    ) -> tuple[Movie, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["show"], **options: Unpack[_SearchOptions]
    ) -> tuple[Show, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["season"], **options: Unpack[_SearchOptions]
    ) -> tuple[Season, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["episode"], **options: Unpack[_SearchOptions]
    ) -> tuple[Episode, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["trailer"], **options: Unpack[_SearchOptions]
    ) -> tuple[Clip, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["artist"], **options: Unpack[_SearchOptions]
    ) -> tuple[Artist, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["album"], **options: Unpack[_SearchOptions]
    ) -> tuple[Album, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["track"], **options: Unpack[_SearchOptions]
    ) -> tuple[Track, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["photoalbum"], **options: Unpack[_SearchOptions]
    ) -> tuple[PhotoAlbum, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["photo"], **options: Unpack[_SearchOptions]
    ) -> tuple[Photo, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["playlist"], **options: Unpack[_SearchOptions]
    ) -> tuple[Playlist, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: Literal["collection"], **options: Unpack[_SearchOptions]
    ) -> tuple[Collection, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: None = None, **options: Unpack[_SearchOptions]
    ) -> tuple[Hub, ...]: ...
    @overload
    async def search(
        self, query: str, *, type: int | str, **options: Unpack[_SearchOptions]
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
        endpoints.search(query, limit=limit)
        key = None if section is None else await self._section_key(section)
        spec = endpoints.search(query, limit=limit, section_key=key)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        hubs = hubs_from(data)
        if type is None:
            return hubs
        return narrowed((item for hub in hubs for item in hub.items), kind)

    @overload
    async def recently_added(
        self, *, type: Literal["movie"], **options: Unpack[_RecentOptions]
    ) -> tuple[Movie, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["show"], **options: Unpack[_RecentOptions]
    ) -> tuple[Show, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["season"], **options: Unpack[_RecentOptions]
    ) -> tuple[Season, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["episode"], **options: Unpack[_RecentOptions]
    ) -> tuple[Episode, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["trailer"], **options: Unpack[_RecentOptions]
    ) -> tuple[Clip, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["artist"], **options: Unpack[_RecentOptions]
    ) -> tuple[Artist, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["album"], **options: Unpack[_RecentOptions]
    ) -> tuple[Album, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["track"], **options: Unpack[_RecentOptions]
    ) -> tuple[Track, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["photoalbum"], **options: Unpack[_RecentOptions]
    ) -> tuple[PhotoAlbum, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["photo"], **options: Unpack[_RecentOptions]
    ) -> tuple[Photo, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["playlist"], **options: Unpack[_RecentOptions]
    ) -> tuple[Playlist, ...]: ...
    @overload
    async def recently_added(
        self, *, type: Literal["collection"], **options: Unpack[_RecentOptions]
    ) -> tuple[Collection, ...]: ...
    @overload
    async def recently_added(
        self, *, type: int | str | None = None, **options: Unpack[_RecentOptions]
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
        if type is not None and section is not None:
            found = await self.items(
                section, type=type, sort="addedAt:desc", limit=limit, cache=cache, ttl=ttl
            )
            return found.items
        key = None if section is None else await self._section_key(section)
        spec = endpoints.recently_added(limit=limit, section_key=key)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return narrowed(items_from(data)[:limit], kind)

    async def collections(
        self, section: SectionRef, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Collection, ...]:
        """The collections of a section."""
        from plexkit.models import Collection

        key = await self._section_key(section)
        data, _ = await self._client.get_data(endpoints.collections(key), cache=cache, ttl=ttl)
        return tuple(item for item in items_from(data) if isinstance(item, Collection))

    async def collection(
        self,
        collection: ItemRef,
        *,
        cache: CacheMode = None,
        ttl: float | None = None,
        include_guids: bool = False,
    ) -> Collection:
        """A collection (the model or its rating key) with its items filled in."""
        from plexkit.models import Collection

        key = rating_key_of(collection)
        detail = await self._client.metadata.get(key, cache=cache, ttl=ttl)
        if not isinstance(detail, Collection):
            raise not_found(
                f"item {key!r} is a {detail.type!r}, not a collection", f"/library/metadata/{key}"
            )
        items = await self.collection_items(key, cache=cache, ttl=ttl, include_guids=include_guids)
        return attrs.evolve(detail, items=items)

    async def collection_items(
        self,
        collection: ItemRef,
        *,
        cache: CacheMode = None,
        ttl: float | None = None,
        include_guids: bool = False,
    ) -> tuple[Item, ...]:
        """The items of a collection (the model or its rating key)."""
        spec = endpoints.collection_items(rating_key_of(collection), include_guids=include_guids)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return items_from(data)

    async def refresh(
        self, section: SectionRef, *, path: str | None = None, force: bool = False
    ) -> None:
        """Start a scan of a whole section, or only of ``path`` inside it.

        ``section`` is a `Section`, its key or its title. A ``path`` outside every location
        of the section raises `ConfigurationError` before the scan is requested (with a
        `Section`, before any request at all): PMS would accept it and silently scan nothing.
        """
        from plexkit.models import Section

        if path is None and not isinstance(section, Section):
            key = await self._section_key(section)
            await self._client.request(endpoints.refresh_section(key, force=force))
            return
        found, path = await self._scan_target(section, path)
        await self._client.request(endpoints.refresh_section(found.key, path=path, force=force))

    async def refresh_and_wait(
        self,
        section: SectionRef,
        *,
        path: str | None = None,
        force: bool = False,
        timeout: float = 3600.0,
        on_progress: ProgressCallback | None = None,
        poll_interval: float = 2.0,
        start_grace: float = 5.0,
        use_websocket: bool = True,
    ) -> ScanResult:
        """Scan a section (or only ``path`` in it) and return when the scan has finished.

        Follows the scan's activity notifications over the websocket; without one (or when
        it drops or stays silent for ``start_grace`` seconds) polls ``/activities`` and the
        section's ``refreshing`` flag every ``poll_interval`` seconds. ``on_progress`` gets
        each new `Activity` state. With ``path`` only that scan's activity is followed
        (concurrent scans of other paths in the section do not delay or report into it).
        ``section`` is a key, a title or a `Section`; a ``path`` outside every location of
        the section raises `ConfigurationError` before the scan is requested (with a
        `Section`, before any request at all). After ``timeout`` seconds raises
        `WaitTimeoutError` (a ``TimeoutError``).
        """
        from plexkit._async.scans import ScanWait, refresh_and_wait

        options = ScanWait.checked(
            timeout=timeout,
            on_progress=on_progress,
            poll_interval=poll_interval,
            start_grace=start_grace,
            use_websocket=use_websocket,
        )
        found, path = await self._scan_target(section, path)
        return await refresh_and_wait(self._client, found, path, force=force, options=options)

    async def _scan_target(
        self, section: SectionRef, path: str | None
    ) -> tuple[Section, str | None]:
        """The section (read by key or title unless given) and ``path`` checked against its
        locations (a malformed ``path`` is refused before any request)."""
        from plexkit.models import Section

        if path is not None:
            check_path_text(path)
        if isinstance(section, Section):
            found = section
        else:
            found = await self.section(section, cache=False)
        if path is not None:
            locations = [loc.path for loc in found.locations]
            path = check_scan_path(
                path, locations, section=f"section {found.key} ({found.title!r})"
            )
        return found, path

    async def section_for_path(
        self, path: str, *, cache: CacheMode = None, ttl: float | None = None
    ) -> Section | None:
        """The section whose location contains the server path ``path`` (deepest wins), or
        None when no section holds it."""
        found = await self.sections(cache=cache, ttl=ttl)
        key = section_for_path(path, [(s.key, [loc.path for loc in s.locations]) for s in found])
        return next((s for s in found if s.key == key), None)

    async def agents(
        self, type: int | str | None = None, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Agent, ...]:
        """The server's metadata agents (``/system/agents``), optionally for one item type."""
        from plexkit.models.management import Agent

        data, _ = await self._client.get_data(matching.agents_request(type), cache=cache, ttl=ttl)
        return tuple(structure(entry, Agent) for entry in children_of(data, "Agent"))
