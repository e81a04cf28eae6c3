"""Containers and server-level models: MediaContainer, Directory, Hub, Section, ServerInfo.

Every PMS answer is a ``MediaContainer`` whose attributes describe the listing (paging,
section, titles) and whose children are items (``Metadata``), directories or hubs.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from plexkit.models import WIRE
from plexkit.models._display import Display
from plexkit.models._wire import sparse
from plexkit.models.items import Item
from plexkit.models.media import Location

__all__ = [
    "Directory",
    "Hub",
    "Identity",
    "MediaContainer",
    "SearchResult",
    "Section",
    "ServerInfo",
]


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Directory(Display):
    """A navigable entry that is not a library item.

    Root listings (``/`` and ``/library``), sort and filter lists, tag directories
    (``type="tag"`` in search hubs, genres of a section) and library sections seen through
    `parse_container` all come as directories. Sections have their own richer model,
    `Section`.
    """

    key: str | None = None
    title: str | None = None
    type: str | None = None
    id: int | None = None
    tag: str | None = None
    tag_type: int | None = None
    tag_key: str | None = None
    filter: str | None = None
    fast_key: str | None = None
    count: int | None = None
    thumb: str | None = None
    art: str | None = None
    library_section_id: int | None = None
    library_section_title: str | None = None
    secondary: bool | None = None
    search: bool | None = None
    prompt: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Hub(Display):
    """A hub: one row of results (search, home, "continue watching").

    ``items`` are library items (the union), ``directories`` non-item results such as tags.
    ``size`` is how many it shows, ``total_size`` how many it has (when PMS says, as for
    on deck in the spec's ``libraryMetadataGetRelated`` example) and ``more`` whether it
    has more than it shows.
    """

    hub_identifier: str | None = None
    hub_key: str | None = None
    key: str | None = None
    title: str | None = None
    type: str | None = None
    context: str | None = None
    style: str | None = None
    size: int | None = None
    total_size: int | None = None
    more: bool | None = None
    promoted: bool | None = None
    items: tuple[Item, ...] = attrs.field(default=(), metadata={WIRE: "Metadata"})
    directories: tuple[Directory, ...] = attrs.field(default=(), metadata={WIRE: "Directory"})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class SearchResult(Display):
    """One ``/library/search`` result: a scored item or a scored tag directory."""

    score: float | None = None
    item: Item | None = attrs.field(default=None, metadata={WIRE: "Metadata"})
    directory: Directory | None = attrs.field(default=None, metadata={WIRE: "Directory"})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Section(Display):
    """A library section (``/library/sections``) with its folders.

    ``key`` is the section id as text (``"1"``); ``refreshing`` is true while it is scanned.
    """

    key: str
    title: str | None = None
    type: str | None = None
    agent: str | None = None
    scanner: str | None = None
    language: str | None = None
    uuid: str | None = None
    refreshing: bool = False
    hidden: bool | None = None
    thumb: str | None = None
    art: str | None = None
    composite: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    scanned_at: datetime | None = None
    content_changed_at: int | None = None
    locations: tuple[Location, ...] = attrs.field(default=(), metadata={WIRE: "Location"})
    item_count: int | None = None
    """Top-level items (movies, shows, artists, photos): filled only by
    ``library.sections(counts=True)``, as Plex's section list carries no count."""


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class MediaContainer(Display):
    """A decoded PMS body: listing attributes plus typed children.

    ``total_size``/``offset`` describe paging; ``metadata`` holds items, ``directories``
    directories and ``hubs`` hubs. What is not modelled stays reachable through the dict of
    `decode_body`.
    """

    size: int | None = None
    total_size: int | None = None
    offset: int | None = None
    identifier: str | None = None
    key: str | None = None
    title: str | None = None
    title1: str | None = None
    title2: str | None = None
    library_section_id: int | None = None
    library_section_title: str | None = None
    library_section_uuid: str | None = None
    media_tag_prefix: str | None = None
    media_tag_version: int | None = None
    view_group: str | None = None
    view_mode: int | None = None
    allow_sync: bool | None = None
    art: str | None = None
    thumb: str | None = None
    parent_rating_key: str | None = None
    parent_title: str | None = None
    parent_index: int | None = None
    grandparent_rating_key: str | None = None
    grandparent_title: str | None = None
    mixed_parents: bool | None = None
    metadata: tuple[Item, ...] = attrs.field(default=(), metadata={WIRE: "Metadata"})
    directories: tuple[Directory, ...] = attrs.field(default=(), metadata={WIRE: "Directory"})
    hubs: tuple[Hub, ...] = attrs.field(default=(), metadata={WIRE: "Hub"})
    search_results: tuple[SearchResult, ...] = attrs.field(
        default=(), metadata={WIRE: "SearchResult"}
    )


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ServerInfo(Display):
    """The server root (``GET /``): identity, version, platform and capabilities.

    Plex calls the server's display name ``friendlyName``; `name` is the same value.
    The ``transcoder_video_*`` fields are Plex's comma-separated lists, kept as text.
    """

    friendly_name: str | None = None
    machine_identifier: str | None = None
    version: str | None = None
    platform: str | None = None
    platform_version: str | None = None
    updated_at: datetime | None = None
    claimed: bool | None = None
    my_plex: bool | None = None
    my_plex_username: str | None = None
    my_plex_subscription: bool | None = None
    my_plex_signin_state: str | None = None
    my_plex_mapping_state: str | None = None
    multiuser: bool | None = None
    allow_sync: bool | None = None
    allow_sharing: bool | None = None
    allow_media_deletion: bool | None = None
    allow_camera_upload: bool | None = None
    allow_channel_access: bool | None = None
    certificate: bool | None = None
    event_stream: bool | None = None
    hub_search: bool | None = None
    livetv: int | None = None
    sync: bool | None = None
    start_state: str | None = None
    owner_features: str | None = None
    country_code: str | None = None
    diagnostics: str | None = None
    transcoder_active_video_sessions: int | None = None
    transcoder_audio: bool | None = None
    transcoder_video: bool | None = None
    transcoder_photo: bool | None = None
    transcoder_subtitles: bool | None = None
    transcoder_lyrics: bool | None = None
    transcoder_video_bitrates: str | None = None
    transcoder_video_qualities: str | None = None
    transcoder_video_resolutions: str | None = None
    directories: tuple[Directory, ...] = attrs.field(default=(), metadata={WIRE: "Directory"})

    @property
    def name(self) -> str | None:
        """The server's display name (``friendlyName``)."""
        return self.friendly_name


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Identity(Display):
    """``GET /identity``: readable without a token, used to recognise a server."""

    machine_identifier: str | None = None
    version: str | None = None
    claimed: bool | None = None
