"""Plex's metadata type numbers, once: the client's ``type=`` parameters, the decoder and the
fake server all read this table (the "List of Metadata Types" of Plex's API spec)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal

from plexkit.errors import ConfigurationError

__all__ = [
    "ITEM_TYPES",
    "ITEM_TYPE_NAMES",
    "MODELLED_TYPES",
    "PLAYLIST_TYPES",
    "item_type_number",
]

ITEM_TYPES: Final[Mapping[str, int]] = MappingProxyType(
    {
        "movie": 1,
        "show": 2,
        "season": 3,
        "episode": 4,
        "trailer": 5,
        "person": 7,
        "artist": 8,
        "album": 9,
        "track": 10,
        "clip": 12,
        "photo": 13,
        "photoalbum": 14,
        "playlist": 15,
        "playlistfolder": 16,
        "collection": 18,
    }
)
"""Type name -> number, as the ``type=`` query parameter and ``/all?type=`` take it."""

ITEM_TYPE_NAMES: Final[Mapping[int, str]] = MappingProxyType(
    {number: name for name, number in ITEM_TYPES.items()}
)
"""Type number -> name."""

MODELLED_TYPES: Final = frozenset(ITEM_TYPES) - {"trailer", "person", "playlistfolder"}
"""The type names with a model class of their own (the keys of ``items.ITEM_CLASSES``),
here so the decoder knows them without building the model classes."""

PLAYLIST_TYPES: Final[Mapping[str, Literal["video", "audio", "photo"]]] = MappingProxyType(
    {
        "movie": "video",
        "show": "video",
        "season": "video",
        "episode": "video",
        "clip": "video",
        "artist": "audio",
        "album": "audio",
        "track": "audio",
        "photo": "photo",
        "photoalbum": "photo",
    }
)
"""Type name -> the playlist type (``playlistType=``) a playlist of such items has."""


def item_type_number(value: int | str | None) -> int | None:
    """A Plex metadata type number from a name (``"movie"``) or a number."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ITEM_TYPES:
        return ITEM_TYPES[value.lower()]
    names = ", ".join(ITEM_TYPES)
    raise ConfigurationError(f"unknown item type {value!r}; use a number or one of: {names}")
