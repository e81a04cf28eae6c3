"""Library items: the tagged union ``Item`` over Plex's ``type`` attribute.

Every item shares `BaseItem`'s fields; children (seasons, episodes, albums, tracks,
photos) add their ``parent_*`` fields and leaves (episodes, tracks) their ``grandparent_*``
ones. An item whose ``type`` plexkit does not know, or that is too broken to read, becomes an
`UnknownItem` that keeps the raw dict: one odd entry never fails a whole page.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, Final, TypeAlias

import attrs

from plexkit.models import WIRE
from plexkit.models._display import Display
from plexkit.models._wire import sparse
from plexkit.models.external import ExternalIds, ExternalIdShortcuts, external_ids
from plexkit.models.item_base import OMIT, BaseItem, _ChildItem, _LeafItem
from plexkit.models.media import Location, Media, Tag
from plexkit.models.settings import Setting

__all__ = [
    "ITEM_CLASSES",
    "OMIT",
    "Album",
    "Artist",
    "BaseItem",
    "Clip",
    "Collection",
    "Episode",
    "Extras",
    "Item",
    "Movie",
    "Photo",
    "PhotoAlbum",
    "Playlist",
    "Preferences",
    "Season",
    "Show",
    "Track",
    "UnknownItem",
]


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Extras(Display):
    """An item's ``Extras`` element, sent on its detail with ``include_extras=True``.

    The item's ``extras`` is None when they were not asked for. ``size`` is how many the
    server has; ``items`` are the entries as read (clips, or `UnknownItem` for an odd one).
    Iterating gives the clips: trailers, featurettes, scenes.
    """

    size: int | None = None
    items: tuple[Item, ...] = attrs.field(default=(), metadata={WIRE: "Metadata"})

    @property
    def clips(self) -> tuple[Clip, ...]:
        """The extras that are clips (every real one is), in the server's order."""
        return tuple(entry for entry in self.items if isinstance(entry, Clip))

    @property
    def trailers(self) -> tuple[Clip, ...]:
        """The clips whose ``subtype`` is ``"trailer"`` (``extraType`` 1)."""
        return tuple(c for c in self.clips if c.subtype == "trailer" or c.extra_type == 1)

    def __iter__(self) -> Iterator[Clip]:
        return iter(self.clips)

    def __len__(self) -> int:
        return len(self.clips)


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Preferences(Display):
    """An item's ``Preferences`` element, sent with ``include_preferences=True``: its
    per-item settings (``languageOverride``, ``collectionMode``, ...) as `Setting` models."""

    settings: tuple[Setting, ...] = attrs.field(default=(), metadata={WIRE: "Setting"})

    def get(self, setting_id: str) -> Setting | None:
        """The setting with that ``id``, or None if the item has no such setting."""
        return next((s for s in self.settings if s.id == setting_id), None)

    def __iter__(self) -> Iterator[Setting]:
        return iter(self.settings)

    def __len__(self) -> int:
        return len(self.settings)


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Movie(BaseItem):
    """A movie (``type="movie"``) with its media versions and credits."""

    original_title: str | None = None
    tagline: str | None = None
    studio: str | None = None
    content_rating: str | None = None
    originally_available_at: date | None = None
    duration: int | None = None
    view_offset: int | None = None
    rating: float | None = None
    audience_rating: float | None = None
    rating_image: str | None = None
    audience_rating_image: str | None = None
    edition_title: str | None = None
    chapter_source: str | None = None
    primary_extra_key: str | None = None
    media: tuple[Media, ...] = attrs.field(default=(), metadata={WIRE: "Media"})
    genres: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Genre"})
    directors: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Director"})
    writers: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Writer"})
    producers: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Producer"})
    countries: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Country"})
    roles: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Role"})
    extras: Extras | None = attrs.field(default=None, metadata={WIRE: "Extras"})
    preferences: Preferences | None = attrs.field(default=None, metadata={WIRE: "Preferences"})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Show(BaseItem):
    """A TV show (``type="show"``). ``leaf_count`` counts episodes, ``child_count`` seasons."""

    original_title: str | None = None
    tagline: str | None = None
    studio: str | None = None
    content_rating: str | None = None
    originally_available_at: date | None = None
    duration: int | None = None
    rating: float | None = None
    audience_rating: float | None = None
    audience_rating_image: str | None = None
    banner: str | None = None
    theme: str | None = None
    primary_extra_key: str | None = None
    leaf_count: int | None = None
    viewed_leaf_count: int | None = None
    child_count: int | None = None
    season_count: int | None = None
    genres: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Genre"})
    roles: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Role"})
    countries: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Country"})
    locations: tuple[Location, ...] = attrs.field(default=(), metadata={WIRE: "Location"})
    extras: Extras | None = attrs.field(default=None, metadata={WIRE: "Extras"})
    preferences: Preferences | None = attrs.field(default=None, metadata={WIRE: "Preferences"})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Season(_ChildItem):
    """A season of a show; ``parent_*`` describe the show."""

    leaf_count: int | None = None
    viewed_leaf_count: int | None = None
    extras: Extras | None = attrs.field(default=None, metadata={WIRE: "Extras"})
    preferences: Preferences | None = attrs.field(default=None, metadata={WIRE: "Preferences"})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Episode(_LeafItem):
    """An episode; ``parent_*`` describe its season and ``grandparent_*`` its show."""

    original_title: str | None = None
    content_rating: str | None = None
    originally_available_at: date | None = None
    duration: int | None = None
    view_offset: int | None = None
    rating: float | None = None
    audience_rating: float | None = None
    audience_rating_image: str | None = None
    chapter_source: str | None = None
    media: tuple[Media, ...] = attrs.field(default=(), metadata={WIRE: "Media"})
    directors: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Director"})
    writers: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Writer"})
    producers: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Producer"})
    roles: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Role"})
    extras: Extras | None = attrs.field(default=None, metadata={WIRE: "Extras"})
    preferences: Preferences | None = attrs.field(default=None, metadata={WIRE: "Preferences"})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Artist(BaseItem):
    """A music artist (``type="artist"``)."""

    genres: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Genre"})
    countries: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Country"})
    styles: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Style"})
    locations: tuple[Location, ...] = attrs.field(default=(), metadata={WIRE: "Location"})
    extras: Extras | None = attrs.field(default=None, metadata={WIRE: "Extras"})
    preferences: Preferences | None = attrs.field(default=None, metadata={WIRE: "Preferences"})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Album(_ChildItem):
    """A music album; ``parent_*`` describe the artist."""

    studio: str | None = None
    originally_available_at: date | None = None
    leaf_count: int | None = None
    viewed_leaf_count: int | None = None
    rating: float | None = None
    genres: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Genre"})
    styles: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Style"})
    extras: Extras | None = attrs.field(default=None, metadata={WIRE: "Extras"})
    preferences: Preferences | None = attrs.field(default=None, metadata={WIRE: "Preferences"})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Track(_LeafItem):
    """A music track; ``parent_*`` describe the album and ``grandparent_*`` the artist."""

    original_title: str | None = None
    duration: int | None = None
    view_offset: int | None = None
    rating_count: int | None = None
    media: tuple[Media, ...] = attrs.field(default=(), metadata={WIRE: "Media"})
    moods: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Mood"})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Photo(_ChildItem):
    """A photo (``type="photo"`` with media); ``parent_*`` describe its album."""

    originally_available_at: date | None = None
    created_at_accuracy: str | None = None
    media: tuple[Media, ...] = attrs.field(default=(), metadata={WIRE: "Media"})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class PhotoAlbum(_ChildItem):
    """A photo album.

    PMS sends albums with ``type="photo"`` too (an XML ``<Directory>``, not a ``<Photo>``):
    an item of type ``photo`` whose ``key`` ends in ``/children`` is an album. Search hubs
    use ``type="photoalbum"``; ``type`` keeps whichever the server sent.
    """

    composite: str | None = None
    leaf_count: int | None = None
    child_count: int | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Clip(BaseItem):
    """A clip: trailer or other extra, pre-roll, or a video in a "other videos" library."""

    subtype: str | None = None
    extra_type: int | None = None
    duration: int | None = None
    view_offset: int | None = None
    originally_available_at: date | None = None
    media: tuple[Media, ...] = attrs.field(default=(), metadata={WIRE: "Media"})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Collection(BaseItem):
    """A collection. ``items`` is empty as read; ``library.collection()`` fills it in."""

    subtype: str | None = None
    content_rating: str | None = None
    child_count: int | None = None
    min_year: int | None = None
    max_year: int | None = None
    smart: bool | None = None
    items: tuple[Item, ...] = attrs.field(default=(), metadata={OMIT: True})
    preferences: Preferences | None = attrs.field(default=None, metadata={WIRE: "Preferences"})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Playlist(BaseItem):
    """A playlist (``playlist_type`` video/audio/photo). ``items`` is filled in by the client."""

    playlist_type: str | None = None
    smart: bool | None = None
    icon: str | None = None
    leaf_count: int | None = None
    duration: int | None = None
    composite: str | None = None
    items: tuple[Item, ...] = attrs.field(default=(), metadata={OMIT: True})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class UnknownItem(Display, ExternalIdShortcuts):
    """An item of a type plexkit does not model, or one it could not read.

    ``raw`` is a copy of the item's dict as decoded (JSON shape; treat it as read-only); it
    takes no part in equality or hashing.
    """

    type: str | None = None
    rating_key: str | None = None
    key: str | None = None
    title: str = ""
    raw: Mapping[str, Any] = attrs.field(
        default=MappingProxyType({}), eq=False, metadata={OMIT: True}
    )

    @property
    def external_ids(self) -> ExternalIds:
        """TMDB, TVDB and IMDb ids read from the raw ``guid`` and ``Guid`` entries."""
        guid = self.raw.get("guid")
        entries = self.raw.get("Guid")
        rows = entries if isinstance(entries, list) else [entries] if entries else []
        ids = (str(r.get("id", "")) for r in rows if isinstance(r, Mapping))
        return external_ids(guid if isinstance(guid, str) else None, ids)


Item: TypeAlias = (
    Movie
    | Show
    | Season
    | Episode
    | Artist
    | Album
    | Track
    | Photo
    | PhotoAlbum
    | Clip
    | Collection
    | Playlist
    | UnknownItem
)

#: The class for each wire ``type``. ``"photo"`` is a `Photo` or, when its key ends
#: in ``/children``, a `PhotoAlbum`.
ITEM_CLASSES: Final[Mapping[str, type[Item]]] = {
    "movie": Movie,
    "show": Show,
    "season": Season,
    "episode": Episode,
    "artist": Artist,
    "album": Album,
    "track": Track,
    "photo": Photo,
    "photoalbum": PhotoAlbum,
    "clip": Clip,
    "collection": Collection,
    "playlist": Playlist,
}
