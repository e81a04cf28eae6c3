"""Collection writes: create (regular or smart), add and remove items, reorder, edit, mode
and order, delete. Reading collections is ``library.collections()``/``library.collection()``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from plexkit._async.resources._lists import ListResource, first_of
from plexkit._core import collections as specs
from plexkit._core.endpoints import item_type_number
from plexkit._core.references import (
    collection_key,
    item_keys,
    item_list,
    items_uri,
)
from plexkit.errors import ConfigurationError
from plexkit.filters import Condition
from plexkit.models.item_types import ITEM_TYPES
from plexkit.types import (
    CollectionMode,
    CollectionOrder,
    CollectionRef,
    ItemRef,
    ParamValue,
    SectionRef,
)

if TYPE_CHECKING:
    from plexkit.models import Collection

__all__ = ["AsyncCollections", "CollectionRef"]


def _type_of(items: list[ItemRef], given: int | str | None) -> int:
    from plexkit.models import BaseItem

    number = item_type_number(given)
    if number is not None:
        return number
    kinds = {i.type for i in items if isinstance(i, BaseItem)}
    if len(kinds) == 1 and (kind := kinds.pop()) in ITEM_TYPES:
        return ITEM_TYPES[kind]
    raise ConfigurationError("pass type= (such as 'movie') for these items")


def _one(data: Mapping[str, Any], path: str) -> Collection:
    from plexkit.models import Collection

    return first_of(Collection, data, path)


class AsyncCollections(ListResource):
    """Collections you can make and change; a collection argument is a `Collection`,
    its rating key or its key path."""

    async def create(
        self,
        section_key: SectionRef,
        title: str,
        items: Iterable[ItemRef],
        *,
        type: int | str | None = None,
    ) -> Collection:
        """A new collection of ``items`` of one section; ``type`` is read from the models
        unless given."""
        specs.check_title(title)
        refs = item_list(items)
        keys = item_keys(refs)
        number = _type_of(refs, type)
        section = await self._section_key(section_key)
        uri = items_uri(await self._machine_identifier(), keys)
        spec = specs.create(section, title, uri, type=number, smart=False)
        data, _ = await self._client.get_data(spec)
        return _one(data, spec.path)

    async def create_smart(
        self,
        section_key: SectionRef,
        title: str,
        *,
        type: int | str,
        filters: Mapping[str, ParamValue | None] | Condition | None = None,
        sort: str | None = None,
        limit: int | None = None,
    ) -> Collection:
        """A smart collection: the section's items of ``type`` matching ``filters``."""
        specs.check_title(title)
        number, section, uri = await self._smart_uri(
            section_key,
            type,
            filters,
            sort,
            limit,
            needs="a smart collection needs the type of item it holds",
        )
        spec = specs.create(section, title, uri, type=number, smart=True)
        data, _ = await self._client.get_data(spec)
        return _one(data, spec.path)

    async def add(self, collection: CollectionRef, items: Iterable[ItemRef]) -> None:
        """Add ``items`` to a regular collection."""
        key = collection_key(collection)
        keys = item_keys(items)
        uri = items_uri(await self._machine_identifier(), keys)
        await self._client.request(specs.add(key, uri))

    async def remove(self, collection: CollectionRef, item: ItemRef) -> None:
        """Take ``item`` out of a regular collection."""
        key = collection_key(collection)
        await self._client.request(specs.remove(key, item_keys([item], what="item")[0]))

    async def move(
        self, collection: CollectionRef, item: ItemRef, *, after: ItemRef | None = None
    ) -> None:
        """Move ``item`` after ``after`` (None: to the top); the order becomes custom."""
        key = collection_key(collection)
        moving = item_keys([item], what="item")[0]
        target = None if after is None else item_keys([after], what="after")[0]
        await self._client.request(specs.move(key, moving, target))

    async def edit(self, collection: CollectionRef, **fields: Any) -> None:
        """Change the collection's fields (``title``, ``summary``, ``title_sort``...), as
        ``metadata.edit`` does."""
        await self._client.metadata.edit(collection_key(collection), **fields)

    async def set_mode(self, collection: CollectionRef, mode: CollectionMode) -> None:
        """How the library shows it: ``default``, ``hide``, ``hide_items`` or ``show_items``."""
        await self._client.request(specs.prefs(collection_key(collection), mode=mode))

    async def set_order(self, collection: CollectionRef, order: CollectionOrder) -> None:
        """The order of its items: ``release`` (date), ``alpha`` (title) or ``custom``."""
        await self._client.request(specs.prefs(collection_key(collection), order=order))

    async def delete(self, collection: CollectionRef) -> None:
        """Delete the collection (its items stay in the library)."""
        await self._client.request(specs.delete(collection_key(collection)))
