"""What a caller may pass for a section or an item, and the item class a ``type=`` promises.

Every call that takes a section accepts a ``Section``, its key (``"1"``/``1``) or its title;
every call that takes an item accepts the item model or its rating key. Listing calls with a
``type=`` return that type's model class, so a ``type="movie"`` listing is typed as movies.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

from plexkit._core.endpoints import ITEM_TYPES, item_type_number
from plexkit.errors import ConfigurationError
from plexkit.types import ItemRef, ItemType, SectionRef

if TYPE_CHECKING:
    from plexkit.models import BaseItem, Item

__all__ = [
    "ItemRef",
    "ItemType",
    "SectionRef",
    "item_class",
    "narrowed",
    "rating_key_of",
    "section_key_of",
]


@functools.cache
def _classes() -> dict[int, type[BaseItem]]:
    """Type number -> model class, built on first use (so importing the client builds no
    model class)."""
    from plexkit.models import (
        Album,
        Artist,
        Clip,
        Collection,
        Episode,
        Movie,
        Photo,
        PhotoAlbum,
        Playlist,
        Season,
        Show,
        Track,
    )

    return {
        ITEM_TYPES["movie"]: Movie,
        ITEM_TYPES["show"]: Show,
        ITEM_TYPES["season"]: Season,
        ITEM_TYPES["episode"]: Episode,
        ITEM_TYPES["trailer"]: Clip,
        ITEM_TYPES["artist"]: Artist,
        ITEM_TYPES["album"]: Album,
        ITEM_TYPES["track"]: Track,
        ITEM_TYPES["photoalbum"]: PhotoAlbum,
        ITEM_TYPES["photo"]: Photo,
        ITEM_TYPES["playlist"]: Playlist,
        ITEM_TYPES["collection"]: Collection,
    }


T = TypeVar("T")


def item_class(type: int | str | None) -> type[BaseItem] | None:
    """The model class a ``type=`` listing holds, or None when it is not narrowed."""
    number = item_type_number(type)
    return None if number is None else _classes().get(number)


def narrowed(items: Iterable[Item], kind: type[BaseItem] | None) -> tuple[Item, ...]:
    """``items`` of class ``kind`` only (all of them when ``kind`` is None).

    A narrowed listing drops what is not of its class (an entry too broken to read, which
    became an ``UnknownItem``), so its type holds; list without ``type=`` to see those.
    """
    if kind is None:
        return tuple(items)
    return tuple(item for item in items if isinstance(item, kind))


def rating_key_of(item: ItemRef) -> str | int:
    """The rating key of an item model, or the key itself; refused if it has none."""
    from plexkit.models import BaseItem, UnknownItem

    if isinstance(item, (BaseItem, UnknownItem)):
        if item.rating_key is None:
            raise ConfigurationError(f"item {item.title!r} has no rating key")
        return item.rating_key
    if isinstance(item, bool) or not isinstance(item, (str, int)):
        raise ConfigurationError(
            f"an item must be an item model or its rating key, not {type(item).__name__}"
        )
    return item


def section_key_of(section: SectionRef) -> str | None:
    """The key of a section model or key, or None for a title (which must be looked up)."""
    if type(section) not in (str, int):
        from plexkit.models import Section

        if isinstance(section, Section):
            return section.key
    if isinstance(section, bool) or not isinstance(section, (str, int)):
        raise ConfigurationError(
            f"a section must be a Section, its key or its title, not {type(section).__name__}"
        )
    text = str(section).strip()
    if not text:
        raise ConfigurationError("a section key or title must not be empty")
    return text if text.isdigit() else None
