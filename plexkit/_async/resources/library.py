"""Library sections, their items, search, collections and scans.

A section is a ``Section``, its key or its title wherever one is taken. A listing with
``type="movie"`` (or any other item type name) is typed as that type's model: ``AsyncPage[Movie]``.
Each job is a module of its own (``_library_sections``, ``_library_items``,
``_library_search``, ``_library_scans``, ``_library_walk``); `AsyncLibrary` puts them
together with the collections and agents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from plexkit._async.resources._base import children_of, not_found
from plexkit._async.resources._library_scans import AsyncLibraryScans
from plexkit._async.resources._library_search import AsyncLibrarySearch
from plexkit._async.resources._library_walk import AsyncLibraryWalk
from plexkit._core import endpoints, matching
from plexkit._core.refs import rating_key_of
from plexkit.models import items_from, structure
from plexkit.types import ItemRef, SectionRef

if TYPE_CHECKING:
    from plexkit.models import Collection, Item
    from plexkit.models.management import Agent
    from plexkit.types import CacheMode

__all__ = ["AsyncLibrary"]


class AsyncLibrary(AsyncLibraryScans, AsyncLibrarySearch, AsyncLibraryWalk):
    """Library sections, their items, search, recently added, collections and scans."""

    async def collections(
        self, section: SectionRef, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Collection, ...]:
        """The collections of a section."""
        from plexkit.models import Collection

        self._check_read(cache, ttl)
        spec = await self._section_spec(section, endpoints.collections)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
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
        self._check_read(cache, ttl)
        endpoints.collection_items(key, include_guids=include_guids)
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

    async def agents(
        self, type: int | str | None = None, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Agent, ...]:
        """The server's metadata agents (``/system/agents``), optionally for one item type."""
        from plexkit.models.management import Agent

        data, _ = await self._client.get_data(matching.agents_request(type), cache=cache, ttl=ttl)
        return tuple(structure(entry, Agent) for entry in children_of(data, "Agent"))
