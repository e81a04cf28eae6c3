"""The aliases plexkit's signatures use for what a parameter accepts, to annotate your own code.

``SectionRef`` (a section's model, key or title), ``ItemRef`` (an item's model or rating key),
``PlaylistRef``, ``CollectionRef``, ``ItemType`` (the names ``type=`` takes), ``CacheMode``
(a call's ``cache=``), ``ParamValue`` (a query parameter's value), the choices some calls
take (``PlaylistType``, ``CollectionMode``, ``CollectionOrder``, ``PlaybackState``,
``Timespan``, ``TokenChoice``), ``ProgressCallback`` (a scan's ``on_progress=``), ``T`` and
``ItemT`` (the type variables of the generic classes and calls); and the keyword arguments
the typed listings take besides ``type=`` (``ItemsOptions`` and the rest).
Both clients use them. The low-level calls' classes are re-exported here under their public
names, loaded on first use: ``RequestSpec`` (what ``plex.request()`` sends), ``CachedResponse``
(what it answers) and ``CacheInfo`` (a page's ``cache``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Literal, TypeAlias, TypedDict, TypeVar

from plexkit._lazy import lazy_exports

if TYPE_CHECKING:
    from plexkit._core.cache_info import CacheInfo as CacheInfo
    from plexkit._core.request_spec import RequestSpec as RequestSpec
    from plexkit._response import CachedResponse as CachedResponse
    from plexkit.filters import Condition
    from plexkit.models import Activity, BaseItem, Collection, Playlist, Section, UnknownItem

__all__ = [
    "CacheInfo",
    "CacheMode",
    "CachedResponse",
    "CollectionMode",
    "CollectionOrder",
    "CollectionRef",
    "ItemRef",
    "ItemT",
    "ItemType",
    "ItemsOptions",
    "IterOptions",
    "ParamValue",
    "PlaybackState",
    "PlaylistRef",
    "PlaylistType",
    "ProgressCallback",
    "RecentOptions",
    "RequestSpec",
    "SearchOptions",
    "SectionRef",
    "T",
    "Timespan",
    "TokenChoice",
]

T = TypeVar("T")
"""What a generic plexkit class holds: a page's items (``Page[Movie]``), a refresher's value."""
ItemT = TypeVar("ItemT", bound="BaseItem")
"""An item model's type, kept through a call: ``plex.metadata.get(movie)`` answers a `Movie`."""

SectionRef: TypeAlias = "Section | str | int"
"""A library section: the model, its key (``"1"`` or ``1``) or its title (``"Movies"``)."""
ItemRef: TypeAlias = "BaseItem | UnknownItem | str | int"
"""A library item: the model or its rating key."""
ItemType: TypeAlias = Literal[
    "movie",
    "show",
    "season",
    "episode",
    "trailer",
    "artist",
    "album",
    "track",
    "photoalbum",
    "photo",
    "playlist",
    "collection",
]
"""The item type names a listing's ``type=`` takes (a Plex type number works too)."""
ParamValue: TypeAlias = str | int | float | bool | list[str | int] | tuple[str | int, ...]
"""A query parameter's value (a list or tuple is sent comma-separated)."""
CacheMode: TypeAlias = bool | Literal["refresh"] | None
"""A call's ``cache=`` on a client made with a cache: None or True read and store through it
(True fails on a client without one), False skips it, ``"refresh"`` always asks the server and
stores the answer."""
PlaylistRef: TypeAlias = "Playlist | str | int"
"""A playlist: its model, its rating key or its key path (``/playlists/12``)."""
CollectionRef: TypeAlias = "Collection | str | int"
"""A collection: its model, its rating key or its key path (``/library/collections/12``)."""

PlaylistType: TypeAlias = Literal["video", "audio", "photo"]
"""What a playlist holds: video, audio (tracks) or photo."""
CollectionMode: TypeAlias = Literal["default", "hide", "hide_items", "show_items"]
"""How the library shows a collection: its default, hide it, hide its items, or show both."""
CollectionOrder: TypeAlias = Literal["release", "alpha", "custom"]
"""The order of a collection's items: release date, title, or a custom order."""
PlaybackState: TypeAlias = Literal["playing", "paused", "stopped", "buffering"]
"""A player's state in a timeline report."""
Timespan: TypeAlias = Literal["months", "weeks", "days", "hours", "seconds"]
"""How the dashboard statistics are binned (``plex.statistics``'s ``timespan=``)."""
TokenChoice: TypeAlias = bool | Literal["transient", "permanent"]
"""A URL's ``include_token=``: True (a transient token, else the client's), False (none),
``"transient"`` (only a transient one) or ``"permanent"`` (the client's own)."""
ProgressCallback: TypeAlias = "Callable[[Activity], object]"
"""Called with each progress update of a scan being waited for (``on_progress=``)."""


class ItemsOptions(TypedDict, total=False):
    """The keyword arguments of ``library.items()`` besides ``type=``."""

    limit: int
    offset: int
    sort: str | None
    filters: Mapping[str, ParamValue | None] | Condition | None
    cache: CacheMode
    ttl: float | None
    include_guids: bool


class IterOptions(TypedDict, total=False):
    """The keyword arguments of ``library.iter_items()`` besides ``type=``."""

    page_size: int
    limit: int | None
    sort: str | None
    filters: Mapping[str, ParamValue | None] | Condition | None
    cache: CacheMode
    include_guids: bool


class SearchOptions(TypedDict, total=False):
    """The keyword arguments of ``library.search()`` besides ``type=``."""

    limit: int | None
    section: SectionRef | None
    cache: CacheMode
    ttl: float | None


class RecentOptions(TypedDict, total=False):
    """The keyword arguments of ``library.recently_added()`` besides ``type=``."""

    limit: int
    section: SectionRef | None
    cache: CacheMode
    ttl: float | None


# The re-exports load on first use (their modules import this one); type checkers read them above.
sys.modules[__name__].__getattr__ = lazy_exports(__name__).getattr  # type: ignore[method-assign]
