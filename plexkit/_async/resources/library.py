"""Library sections, their items, search, collections and scans."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import TYPE_CHECKING

import attrs

from plexkit._async.dashboard import async_with_item_counts
from plexkit._async.resources._base import DEFAULT_PAGE_SIZE, Resource, children_of, not_found
from plexkit._async.resources.paging import iterate, page
from plexkit._async.scans import ProgressCallback, ScanWait, refresh_and_wait
from plexkit._core import endpoints, matching
from plexkit._core.endpoints import ParamValue
from plexkit._core.paging import Page
from plexkit._core.scan_paths import check_path_text, check_scan_path, section_for_path
from plexkit.models import (
    Collection,
    Hub,
    Item,
    Section,
    hubs_from,
    items_from,
    sections_from,
    structure,
)
from plexkit.models.management import Agent, ScanResult

if TYPE_CHECKING:
    from plexkit._async.client import CacheMode

__all__ = ["AsyncLibrary"]


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
        raise not_found(
            f"no library section with key or title {wanted!r} (sections: {titles})",
            "/library/sections",
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
        include_guids: bool = False,
    ) -> Page[Item]:
        """One page of a section's items (``limit``/``offset`` map to X-Plex-Container-*)."""
        spec = endpoints.library_items(
            section_key, type=type, sort=sort, filters=filters, include_guids=include_guids
        )
        return await page(self._client, spec, offset, limit, cache, ttl)

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
        include_guids: bool = False,
    ) -> AsyncIterator[Item]:
        """Every item of a section, fetched page by page; only one page is held at a time.

        Pages are not cached unless ``cache=True`` is passed: a walk over a whole library
        would otherwise fill the cache with it.
        """
        spec = endpoints.library_items(
            section_key, type=type, sort=sort, filters=filters, include_guids=include_guids
        )
        async for item in iterate(self._client, spec, page_size, limit, cache):
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
        self,
        key: str | int,
        *,
        cache: CacheMode = None,
        ttl: float | None = None,
        include_guids: bool = False,
    ) -> Collection:
        """A collection with its items filled in."""
        detail = await self._client.metadata.get(key, cache=cache, ttl=ttl)
        if not isinstance(detail, Collection):
            raise not_found(
                f"item {key!r} is a {detail.type!r}, not a collection", f"/library/metadata/{key}"
            )
        spec = endpoints.collection_items(key, include_guids=include_guids)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return attrs.evolve(detail, items=items_from(data))

    async def refresh(
        self, section: str | int | Section, *, path: str | None = None, force: bool = False
    ) -> None:
        """Start a scan of a whole section, or only of ``path`` inside it.

        A ``path`` outside every location of the section raises :class:`ConfigurationError`
        before the scan is requested (with a :class:`Section`, before any request at all):
        PMS would accept it and silently scan nothing.
        """
        if path is None and not isinstance(section, Section):
            await self._client.request(endpoints.refresh_section(section, force=force))
            return
        found, path = await self._scan_target(section, path)
        await self._client.request(endpoints.refresh_section(found.key, path=path, force=force))

    async def refresh_and_wait(
        self,
        section: str | int | Section,
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
        each new :class:`Activity` state. With ``path`` only that scan's activity is followed
        (concurrent scans of other paths in the section do not delay or report into it).
        ``section`` is a key, a title or a :class:`Section`; a ``path`` outside every
        location of the section raises :class:`ConfigurationError` before the scan is
        requested (with a :class:`Section`, before any request at all). After ``timeout``
        seconds raises :class:`~plexkit.errors.WaitTimeoutError` (a ``TimeoutError``).
        """
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
        self, section: str | int | Section, path: str | None
    ) -> tuple[Section, str | None]:
        """The section (read by key or title unless given) and ``path`` checked against its
        locations (a malformed ``path`` is refused before any request)."""
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
        data, _ = await self._client.get_data(matching.agents_request(type), cache=cache, ttl=ttl)
        return tuple(structure(entry, Agent) for entry in children_of(data, "Agent"))
