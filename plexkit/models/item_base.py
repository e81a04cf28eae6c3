"""The fields every library item shares (`BaseItem`), and those of children and leaves.

Children (seasons, albums, photos) add ``parent_*`` fields and leaves (episodes, tracks)
``grandparent_*`` ones; the concrete item classes in ``items`` build on these.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

import attrs

from plexkit.models import WIRE
from plexkit.models._display import Display
from plexkit.models._wire import sparse
from plexkit.models.external import ExternalIds, ExternalIdShortcuts, external_ids
from plexkit.models.media import Guid, Tag

__all__ = ["OMIT", "BaseItem"]

#: ``attrs.field`` metadata key: the field is not read from the wire (filled in by the client).
OMIT: Final = "plexkit.omit"


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class BaseItem(Display, ExternalIdShortcuts):
    """Fields every library item has. ``rating_key`` identifies it on its server.

    ``rating_key``, ``key``, ``title`` and ``type`` are sent on every real item: an entry
    without one of them is read as an `UnknownItem`. Timestamps are aware UTC datetimes.
    ``tmdb_id``, ``tvdb_id`` and ``imdb_id`` read `external_ids` (`ExternalIdShortcuts`).
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
