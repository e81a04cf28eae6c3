"""Hubs: the home screen's rows, a section's rows, an item's related rows, continue watching
and on deck."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit._async.resources._base import Resource
from plexkit._core import browse
from plexkit._core.endpoints import related_hubs
from plexkit._core.refs import rating_key_of
from plexkit.models import hubs_from, items_from
from plexkit.types import ItemRef, SectionRef

if TYPE_CHECKING:
    from plexkit.models import Hub, Item
    from plexkit.types import CacheMode

__all__ = ["AsyncHubs"]


class AsyncHubs(Resource):
    """Hubs (``/hubs``...), computed by the server for the token's account."""

    async def home(
        self, *, count: int | None = None, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Hub, ...]:
        """The home screen's hubs (``count`` items each at most)."""
        data, _ = await self._client.get_data(browse.home_hubs(count=count), cache=cache, ttl=ttl)
        return hubs_from(data)

    async def promoted(
        self, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Hub, ...]:
        """The promoted home hubs."""
        data, _ = await self._client.get_data(browse.promoted_hubs(), cache=cache, ttl=ttl)
        return hubs_from(data)

    async def section(
        self, section_key: SectionRef, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Hub, ...]:
        """A section's hubs (recently added, continue watching, ...)."""
        self._check_read(cache, ttl)
        spec = await self._section_spec(section_key, browse.section_hubs)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return hubs_from(data)

    async def related(
        self,
        item: ItemRef,
        *,
        count: int | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> tuple[Hub, ...]:
        """The hubs under an item's detail page (more like it, more by its director or with
        its actors), ``count`` items each at most; python-plexapi's ``item.hubs()``."""
        self._check_read(cache, ttl)
        spec = related_hubs(rating_key_of(item), count=count)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return hubs_from(data)

    async def continue_watching(
        self,
        section_key: SectionRef | None = None,
        *,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> tuple[Item, ...]:
        """Items in progress, across libraries or in one section."""
        self._check_read(cache, ttl)
        spec = await self._maybe_section_spec(section_key, browse.continue_watching)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return items_from(data)

    async def on_deck(
        self, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Item, ...]:
        """What to watch next: in-progress items and the next episode of shows under way."""
        data, _ = await self._client.get_data(browse.on_deck(), cache=cache, ttl=ttl)
        found = items_from(data)
        if found:
            return found
        return tuple(item for hub in hubs_from(data) for item in hub.items)
