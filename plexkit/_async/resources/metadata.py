"""Single items: detail, children, edits, locks and matching.

An item is its model or its rating key wherever one is taken; the hierarchy calls
(`seasons`, `episodes`, `albums`, `tracks`) are typed to what they return, and `on_deck` to
the `Episode` a show or season has next.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, overload

import attrs

from plexkit._async.resources._base import Resource, children_of, not_found
from plexkit._core import edits, endpoints, matching
from plexkit._core.references import item_list
from plexkit._core.refs import rating_key_of
from plexkit.errors import ConfigurationError
from plexkit.models import items_from, structure
from plexkit.types import ItemRef, ItemT, SectionRef

if TYPE_CHECKING:
    from plexkit.models import (
        Album,
        Artist,
        BaseItem,
        Episode,
        Item,
        Season,
        Show,
        Track,
        UnknownItem,
    )
    from plexkit.models.management import MatchCandidate
    from plexkit.types import CacheMode

__all__ = ["AsyncMetadata"]

_C = TypeVar("_C", bound="BaseItem")


class AsyncMetadata(Resource):
    """Single items by rating key: detail, children, leaves and edits."""

    @overload
    async def get(
        self,
        item: ItemT,
        *,
        cache: CacheMode = None,
        ttl: float | None = None,
        include_extras: bool = False,
        include_preferences: bool = False,
    ) -> ItemT: ...
    @overload
    async def get(
        self,
        item: str | int | UnknownItem,
        *,
        cache: CacheMode = None,
        ttl: float | None = None,
        include_extras: bool = False,
        include_preferences: bool = False,
    ) -> Item: ...
    async def get(
        self,
        item: ItemRef,
        *,
        cache: CacheMode = None,
        ttl: float | None = None,
        include_extras: bool = False,
        include_preferences: bool = False,
    ) -> Any:
        """An item in full detail (media, parts, streams, tags), by model or rating key.

        Given a model (a listed `Movie`), returns the same class in full detail. Raises
        `NotFoundError` when no item has that rating key. ``include_extras=True`` fills in
        the item's ``extras`` (trailers and other clips, in the same request) and
        ``include_preferences=True`` its ``preferences`` (per-item settings); without them
        both are None.
        """
        from plexkit.models import BaseItem

        rating_key = rating_key_of(item)
        spec = endpoints.metadata(
            rating_key, include_extras=include_extras, include_preferences=include_preferences
        )
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        found = items_from(data)
        if not found:
            raise not_found(f"no item with rating key {rating_key!r}", spec.path)
        if isinstance(item, BaseItem) and not isinstance(found[0], type(item)):
            raise not_found(
                f"item {rating_key!r} is now a {found[0].type!r}, not a {item.type!r}", spec.path
            )
        return found[0]

    async def children(
        self,
        item: ItemRef,
        *,
        cache: CacheMode = None,
        ttl: float | None = None,
        include_guids: bool = False,
    ) -> tuple[Item, ...]:
        """Direct children: a show's seasons, a season's episodes, an album's tracks."""
        return await self._below(item, leaves=False, cache=cache, ttl=ttl, guids=include_guids)

    async def all_leaves(
        self,
        item: ItemRef,
        *,
        cache: CacheMode = None,
        ttl: float | None = None,
        include_guids: bool = False,
    ) -> tuple[Item, ...]:
        """Every leaf below an item: all episodes of a show, all tracks of an artist."""
        return await self._below(item, leaves=True, cache=cache, ttl=ttl, guids=include_guids)

    async def seasons(
        self, show: Show | ItemRef, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Season, ...]:
        """A show's seasons, in order."""
        from plexkit.models import Season

        return _only(Season, await self._below(show, leaves=False, cache=cache, ttl=ttl))

    async def episodes(
        self,
        show_or_season: Show | Season | ItemRef,
        *,
        cache: CacheMode = None,
        ttl: float | None = None,
        include_guids: bool = False,
    ) -> tuple[Episode, ...]:
        """Every episode of a show, or of one season."""
        from plexkit.models import Episode

        found = await self._below(
            show_or_season, leaves=True, cache=cache, ttl=ttl, guids=include_guids
        )
        return _only(Episode, found)

    async def on_deck(
        self,
        show_or_season: Show | Season | ItemRef,
        *,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> Episode | None:
        """The episode to watch next in a show or a season (its detail's ``OnDeck``, read with
        ``includeOnDeck=1``), or None when nothing is on deck there.

        Any model other than a `Show` or a `Season` is refused before the request. Raises
        `NotFoundError` when no item has that rating key.
        """
        from plexkit.models import BaseItem, Episode, Season, Show, UnknownItem

        if isinstance(show_or_season, (BaseItem, UnknownItem)) and not isinstance(
            show_or_season, (Show, Season)
        ):
            raise ConfigurationError(
                f"only a show or a season has an episode on deck, not a {show_or_season.type!r}"
            )
        rating_key = rating_key_of(show_or_season)
        spec = endpoints.metadata(rating_key)
        spec = attrs.evolve(spec, params={**spec.params, "includeOnDeck": "1"})
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        entries = children_of(data, "Metadata")
        if not entries:
            raise not_found(f"no item with rating key {rating_key!r}", spec.path)
        decks = children_of(entries[0], "OnDeck")
        found = _only(Episode, items_from(decks[0])) if decks else ()
        return found[0] if found else None

    async def albums(
        self, artist: Artist | ItemRef, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Album, ...]:
        """An artist's albums."""
        from plexkit.models import Album

        return _only(Album, await self._below(artist, leaves=False, cache=cache, ttl=ttl))

    async def tracks(
        self,
        album_or_artist: Album | Artist | ItemRef,
        *,
        cache: CacheMode = None,
        ttl: float | None = None,
        include_guids: bool = False,
    ) -> tuple[Track, ...]:
        """Every track of an album, or of an artist."""
        from plexkit.models import Track

        found = await self._below(
            album_or_artist, leaves=True, cache=cache, ttl=ttl, guids=include_guids
        )
        return _only(Track, found)

    async def edit(self, item: ItemRef, *, lock: bool | None = True, **fields: Any) -> None:
        """Change fields of an item and lock them, so agents do not overwrite them.

        Scalars: ``title``, ``title_sort``, ``original_title``, ``summary``, ``tagline``,
        ``year``, ``rating``, ``content_rating``, ``studio``, ``originally_available_at``
        (a date or ``"YYYY-MM-DD"``), ``edition_title``; None clears one. Tag lists:
        ``genres``, ``directors``, ``writers``, ``producers``, ``collections``, ``labels``,
        ``countries``, ``moods``, ``styles`` take a list (the new list; ``[]`` clears it) or
        ``TagEdit(add=[...], remove=[...])``. ``lock=False`` unlocks the edited fields,
        ``lock=None`` leaves their locks as they are.

        Adding to or replacing a tag list reads the item's current tags first (one GET).
        """
        rating_key = rating_key_of(item)
        ids = edits.rating_key_list([rating_key])
        current = await self._current_tags(ids, edits.tags_to_read(fields, lock=lock))
        await self._client.request(
            edits.edit_request(rating_key, lock=lock, fields=fields, current=current)
        )

    async def edit_many(
        self,
        section: SectionRef,
        items: Iterable[ItemRef],
        *,
        type: int | str,
        lock: bool | None = True,
        **fields: Any,
    ) -> None:
        """Edit several items of one ``type`` (``PUT .../sections/{id}/all?type=&id=``).

        Takes the fields of `edit`. Scalar fields, removals and locks go in one request
        for all the items. Tag additions and replacements depend on each item's own tags, so
        the current tags of all the items are read in one GET and each item is then sent its
        own list (one PUT per item).
        """
        from plexkit.models import BaseItem, UnknownItem

        if isinstance(items, (str, int, BaseItem, UnknownItem)):
            raise ConfigurationError("items must be a list of items or rating keys")
        keys = [rating_key_of(item) for item in item_list(items)]
        ids = edits.rating_key_list(keys)
        needed = edits.tags_to_read(fields, lock=lock)
        single = await self._section_spec(
            section,
            lambda key: edits.edit_many_request(
                key, keys, type=type, lock=lock, fields=fields, current=edits.NO_TAGS
            ),
        )
        if not needed:
            await self._client.request(single)
            return
        spec = endpoints.metadata_many(ids)
        data, _ = await self._client.get_data(spec, cache=False)
        entries = {str(entry.get("ratingKey")): entry for entry in children_of(data, "Metadata")}
        missing = [str(key) for key in keys if str(key).strip() not in entries]
        if missing:
            raise not_found(f"no item with rating key {missing[0]!r}", spec.path)
        for key in keys:
            current = edits.current_tags([entries[str(key).strip()]], needed)
            await self._client.request(
                edits.edit_request(key, lock=lock, fields=fields, current=current)
            )

    async def lock(self, item: ItemRef, *fields: str) -> None:
        """Lock fields (``"title"``, ``"genres"``, ``"poster"``, ``"art"``...) against agents."""
        await self._client.request(edits.lock_request(rating_key_of(item), fields, locked=True))

    async def unlock(self, item: ItemRef, *fields: str) -> None:
        """Unlock fields, so the next metadata refresh may change them."""
        await self._client.request(edits.lock_request(rating_key_of(item), fields, locked=False))

    async def locked_fields(self, item: ItemRef) -> frozenset[str]:
        """The item's locked fields, by the names `edit` and `lock` take."""
        rating_key = rating_key_of(item)
        entries = await self._entries(endpoints.metadata(rating_key), rating_key)
        return edits.locked_fields(entries[0])

    async def _current_tags(
        self, ids: str, elements: tuple[str, ...]
    ) -> dict[str, list[str]] | None:
        if not elements:
            return None
        return edits.current_tags(await self._entries(endpoints.metadata_many(ids), ids), elements)

    async def _below(
        self,
        item: ItemRef,
        *,
        leaves: bool,
        cache: CacheMode,
        ttl: float | None,
        guids: bool = False,
    ) -> tuple[Item, ...]:
        """The children (or, with ``leaves``, every leaf) below ``item``."""
        spec = endpoints.children(rating_key_of(item), leaves=leaves, include_guids=guids)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return items_from(data)

    async def _entries(self, spec: endpoints.RequestSpec, keys: object) -> list[Mapping[str, Any]]:
        """The fresh ``Metadata`` entries ``spec`` answers; `NotFoundError` when there are none."""
        data, _ = await self._client.get_data(spec, cache=False)
        entries = children_of(data, "Metadata")
        if not entries:
            raise not_found(f"no item with rating key {keys!r}", spec.path)
        return entries

    async def matches(
        self,
        item: ItemRef,
        *,
        title: str | None = None,
        year: int | None = None,
        agent: str | None = None,
        language: str | None = None,
    ) -> tuple[MatchCandidate, ...]:
        """The agent's match candidates for an item, best first; search by ``title``/``year``
        (and another ``agent``/``language``) instead of what the item says."""
        from plexkit.models.management import MatchCandidate

        spec = matching.matches_request(
            rating_key_of(item), title=title, year=year, agent=agent, language=language
        )
        data, _ = await self._client.get_data(spec, cache=False)
        found = [structure(entry, MatchCandidate) for entry in matching.candidates_from(data)]
        return tuple(sorted(found, key=lambda c: -(c.score or 0)))

    async def match(
        self,
        item: ItemRef,
        guid: str | MatchCandidate,
        *,
        name: str | None = None,
        year: int | None = None,
    ) -> None:
        """Match the item to ``guid`` (a `MatchCandidate` or a guid such as
        ``"plex://movie/5d776..."``); PMS then fetches that metadata."""
        from plexkit.models.management import MatchCandidate

        if isinstance(guid, MatchCandidate):
            name = name if name is not None else (guid.name or None)
            year = year if year is not None else guid.year
            guid = guid.guid
        await self._client.request(
            matching.match_request(rating_key_of(item), guid, name=name, year=year)
        )

    async def unmatch(self, item: ItemRef) -> None:
        """Remove the item's agent match."""
        await self._client.request(matching.unmatch_request(rating_key_of(item)))

    async def refresh(
        self, item: ItemRef, *, agent: str | None = None, mark_updated: bool | None = None
    ) -> None:
        """Refresh the item's metadata from its agent (runs as an activity on the server)."""
        await self._client.request(
            matching.refresh_item_request(
                rating_key_of(item), agent=agent, mark_updated=mark_updated
            )
        )

    async def analyze(self, item: ItemRef) -> None:
        """Analyse the item's media: codecs, loudness, preview thumbnails, intro markers."""
        await self._client.request(matching.analyze_request(rating_key_of(item)))


def _only(kind: type[_C], items: tuple[Item, ...]) -> tuple[_C, ...]:
    """The items of class ``kind`` (a hierarchy call's type holds even for odd entries)."""
    return tuple(item for item in items if isinstance(item, kind))
