"""Library items: the tagged union ``Item`` over Plex's ``type`` attribute.

Every item shares `BaseItem`'s fields; children (seasons, episodes, albums, tracks,
photos) add their ``parent_*`` fields and leaves (episodes, tracks) their ``grandparent_*``
ones. An item whose ``type`` plexkit does not know, or that is too broken to read, becomes an
`UnknownItem` that keeps the raw dict: one odd entry never fails a whole page.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, Final, TypeAlias

import attrs

from plexkit.models._display import Display
from plexkit.models._wire import WIRE, sparse
from plexkit.models.external import ExternalIds, external_ids
from plexkit.models.media import Guid, Location, Media, Tag

__all__ = [
    "ITEM_CLASSES",
    "OMIT",
    "Album",
    "Artist",
    "BaseItem",
    "Clip",
    "Collection",
    "Episode",
    "Item",
    "Movie",
    "Photo",
    "PhotoAlbum",
    "Playlist",
    "Season",
    "Show",
    "Track",
    "UnknownItem",
]

#: ``attrs.field`` metadata key: the field is not read from the wire (filled in by the client).
OMIT: Final = "plexkit.omit"


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class BaseItem(Display):
    """Fields every library item has. ``rating_key`` identifies it on its server.

    ``rating_key``, ``key``, ``title`` and ``type`` are sent on every real item: an entry
    without one of them is read as an `UnknownItem`. Timestamps are aware UTC datetimes.
    """

    rating_key: str
    type: str
    key: str
    guid: str | None = None
    title: str
    title_sort: str | None = None
    slug: str | None = None
    summary: str | None = None
    thumb: str | None = None
    art: str | None = None
    year: int | None = None
    index: int | None = None
    added_at: datetime | None = None
    updated_at: datetime | None = None
    last_viewed_at: datetime | None = None
    view_count: int | None = None
    skip_count: int | None = None
    user_rating: float | None = None
    last_rated_at: datetime | None = None
    library_section_id: int | None = None
    library_section_key: str | None = None
    library_section_title: str | None = None
    guids: tuple[Guid, ...] = attrs.field(default=(), metadata={WIRE: "Guid"})
    labels: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Label"})
    collections: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Collection"})

    @property
    def external_ids(self) -> ExternalIds:
        """TMDB, TVDB and IMDb ids from ``guids`` (ask for them with ``include_guids=True``)
        or, for items of the legacy agents, from ``guid``."""
        return external_ids(self.guid, (g.id for g in self.guids))

    @property
    def tmdb_id(self) -> int | None:
        """The item's TMDB id, if the server knows it."""
        return self.external_ids.tmdb

    @property
    def tvdb_id(self) -> int | None:
        """The item's TVDB id, if the server knows it."""
        return self.external_ids.tvdb

    @property
    def imdb_id(self) -> str | None:
        """The item's IMDb id (``"tt0133093"``), if the server knows it."""
        return self.external_ids.imdb


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class _ChildItem(BaseItem):
    """An item with a parent: season (of a show), album (of an artist), photo (of an album)."""

    parent_rating_key: str | None = None
    parent_key: str | None = None
    parent_guid: str | None = None
    parent_title: str | None = None
    parent_index: int | None = None
    parent_year: int | None = None
    parent_thumb: str | None = None
    parent_art: str | None = None
    parent_theme: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class _LeafItem(_ChildItem):
    """An item with a grandparent: an episode (season, show) or a track (album, artist)."""

    grandparent_rating_key: str | None = None
    grandparent_key: str | None = None
    grandparent_guid: str | None = None
    grandparent_title: str | None = None
    grandparent_thumb: str | None = None
    grandparent_art: str | None = None
    grandparent_theme: str | None = None


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


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Season(_ChildItem):
    """A season of a show; ``parent_*`` describe the show."""

    leaf_count: int | None = None
    viewed_leaf_count: int | None = None


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


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Artist(BaseItem):
    """A music artist (``type="artist"``)."""

    genres: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Genre"})
    countries: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Country"})
    styles: tuple[Tag, ...] = attrs.field(default=(), metadata={WIRE: "Style"})
    locations: tuple[Location, ...] = attrs.field(default=(), metadata={WIRE: "Location"})


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


_NO_RAW: Mapping[str, Any] = MappingProxyType({})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class UnknownItem(Display):
    """An item of a type plexkit does not model, or one it could not read.

    ``raw`` is a copy of the item's dict as decoded (JSON shape; treat it as read-only); it
    takes no part in equality or hashing.
    """

    type: str | None = None
    rating_key: str | None = None
    key: str | None = None
    title: str = ""
    raw: Mapping[str, Any] = attrs.field(default=_NO_RAW, eq=False, metadata={OMIT: True})

    @property
    def external_ids(self) -> ExternalIds:
        """TMDB, TVDB and IMDb ids read from the raw ``guid`` and ``Guid`` entries."""
        guid = self.raw.get("guid")
        entries = self.raw.get("Guid")
        rows = entries if isinstance(entries, list) else [entries] if entries else []
        ids = (str(r.get("id", "")) for r in rows if isinstance(r, Mapping))
        return external_ids(guid if isinstance(guid, str) else None, ids)

    @property
    def tmdb_id(self) -> int | None:
        """The item's TMDB id, if the server sent it."""
        return self.external_ids.tmdb

    @property
    def tvdb_id(self) -> int | None:
        """The item's TVDB id, if the server sent it."""
        return self.external_ids.tvdb

    @property
    def imdb_id(self) -> str | None:
        """The item's IMDb id, if the server sent it."""
        return self.external_ids.imdb


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
