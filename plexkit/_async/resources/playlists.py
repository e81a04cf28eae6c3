"""Playlists: list, read, create (from items or smart from a filter), add, remove, move,
rename and delete."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from plexkit._async.resources._base import children_of, not_found
from plexkit._async.resources._lists import ListResource, first_of
from plexkit._core import playlists as specs
from plexkit._core.references import (
    item_keys,
    item_list,
    items_uri,
    playlist_key,
)
from plexkit.errors import ConfigurationError
from plexkit.filters import Condition
from plexkit.models import items_from
from plexkit.models.item_types import ITEM_TYPE_NAMES, PLAYLIST_TYPES
from plexkit.types import ItemRef, ParamValue, PlaylistRef, PlaylistType, SectionRef

if TYPE_CHECKING:
    from plexkit.models import Item, Playlist
    from plexkit.types import CacheMode

__all__ = ["AsyncPlaylists", "PlaylistRef"]


def _playlist_type(items: list[ItemRef], given: PlaylistType | None) -> PlaylistType:
    from plexkit.models import BaseItem

    if given is not None:
        specs.check_type(given)
        return given
    kinds = {
        PLAYLIST_TYPES[i.type]
        for i in items
        if isinstance(i, BaseItem) and i.type in PLAYLIST_TYPES
    }
    if len(kinds) == 1:
        return kinds.pop()
    raise ConfigurationError("pass type='video', 'audio' or 'photo' for these items")


def _one(data: Mapping[str, Any], path: str) -> Playlist:
    from plexkit.models import Playlist

    return first_of(Playlist, data, path)


class AsyncPlaylists(ListResource):
    """Playlists of the token's account."""

    async def list(
        self,
        *,
        type: PlaylistType | None = None,
        smart: bool | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> tuple[Playlist, ...]:
        """Every playlist, or those of one ``type`` or smartness."""
        from plexkit.models import Playlist

        data, _ = await self._client.get_data(
            specs.listing(type=type, smart=smart), cache=cache, ttl=ttl
        )
        return tuple(item for item in items_from(data) if isinstance(item, Playlist))

    async def get(
        self, playlist: PlaylistRef, *, cache: CacheMode = None, ttl: float | None = None
    ) -> Playlist:
        """A playlist with its ``items`` filled in; an unknown one is a NotFoundError."""
        from plexkit.models import Playlist

        key = playlist_key(playlist)
        data, _ = await self._client.get_data(specs.get(key), cache=cache, ttl=ttl)
        found = [item for item in items_from(data) if isinstance(item, Playlist)]
        if not found:
            raise not_found(f"no playlist {key!r}", f"/playlists/{key}")
        return attrs.evolve(found[0], items=await self.items(key, cache=cache, ttl=ttl))

    async def items(
        self, playlist: PlaylistRef, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Item, ...]:
        """The playlist's items in order (a smart playlist: what its filter finds now)."""
        data, _ = await self._client.get_data(
            specs.items(playlist_key(playlist)), cache=cache, ttl=ttl
        )
        return items_from(data)

    async def create(
        self, title: str, items: Iterable[ItemRef], *, type: PlaylistType | None = None
    ) -> Playlist:
        """A new playlist of ``items`` (models or rating keys; shows and albums add their
        episodes or tracks). ``type`` is read from the models unless given."""
        refs = item_list(items)
        specs.check_title(title)
        keys = item_keys(refs)
        kind = _playlist_type(refs, type)
        uri = items_uri(await self._machine_identifier(), keys)
        spec = specs.create(title, uri, type=kind, smart=False)
        data, _ = await self._client.get_data(spec)
        return _one(data, spec.path)

    async def create_smart(
        self,
        title: str,
        section_key: SectionRef,
        *,
        type: int | str,
        filters: Mapping[str, ParamValue | None] | Condition | None = None,
        sort: str | None = None,
        limit: int | None = None,
    ) -> Playlist:
        """A smart playlist: the items of ``section_key`` of ``type`` matching ``filters``
        (``plexkit.filters.where(...)`` or a dict), kept up to date by the server."""
        specs.check_title(title)
        number, _, uri = await self._smart_uri(
            section_key,
            type,
            filters,
            sort,
            limit,
            needs="a smart playlist needs the type of item it lists",
        )
        kind = PLAYLIST_TYPES.get(ITEM_TYPE_NAMES.get(number, ""), "video")
        spec = specs.create(title, uri, type=kind, smart=True)
        data, _ = await self._client.get_data(spec)
        return _one(data, spec.path)

    async def add(self, playlist: PlaylistRef, items: Iterable[ItemRef]) -> None:
        """Append ``items`` to a regular playlist."""

        key = playlist_key(playlist)
        keys = item_keys(items)
        uri = items_uri(await self._machine_identifier(), keys)
        await self._client.request(specs.add(key, uri))

    async def remove(self, playlist: PlaylistRef, item: ItemRef) -> None:
        """Remove ``item`` (its first entry) from a regular playlist."""
        key = playlist_key(playlist)
        entry = await self._entry_id(key, item_keys([item], what="item")[0])
        await self._client.request(specs.remove(key, entry))

    async def move(
        self, playlist: PlaylistRef, item: ItemRef, *, after: ItemRef | None = None
    ) -> None:
        """Move ``item`` to just after ``after``, or to the top when ``after`` is None."""
        key = playlist_key(playlist)
        moving = item_keys([item], what="item")[0]
        target = None if after is None else item_keys([after], what="after")[0]
        entry = await self._entry_id(key, moving)
        after_id = None if target is None else await self._entry_id(key, target)
        await self._client.request(specs.move(key, entry, after_id))

    async def edit(
        self, playlist: PlaylistRef, *, title: str | None = None, summary: str | None = None
    ) -> None:
        """Rename a playlist or change its summary."""
        await self._client.request(specs.edit(playlist_key(playlist), title=title, summary=summary))

    async def delete(self, playlist: PlaylistRef) -> None:
        """Delete a playlist (its items stay in the library)."""
        await self._client.request(specs.delete(playlist_key(playlist)))

    async def _entry_id(self, key: str, rating_key: str) -> int:
        spec = specs.items(key)
        data, _ = await self._client.get_data(spec, cache=False)
        for entry in children_of(data, "Metadata"):
            if str(entry.get("ratingKey")) == rating_key:
                return int(entry["playlistItemID"])
        raise not_found(f"item {rating_key!r} is not in playlist {key!r}", spec.path)
