"""Typed models for Plex Media Server answers, and the decoding that feeds them (no I/O).

Bodies go through :func:`decode_body` (JSON or XML, safely, into one JSON-shaped dict) and a
typed reader (:func:`items_from`, :func:`sections_from`, ...) or :func:`parse_container`.
Models are frozen attrs classes built by one cattrs :data:`converter`; see ``docs/models.md``
for the leniency rules and the JSON/XML equivalence.
"""

from __future__ import annotations

from plexkit.models._converter import configure_converter, converter
from plexkit.models._decode import decode_body, decode_document
from plexkit.models._readers import (
    activities_from,
    activity_notifications_from,
    container_from,
    history_from,
    hubs_from,
    identity_from,
    items_from,
    paging_from,
    parse_container,
    sections_from,
    server_info_from,
    sessions_from,
    structure,
)
from plexkit.models.containers import (
    Directory,
    Hub,
    Identity,
    MediaContainer,
    SearchResult,
    Section,
    ServerInfo,
)
from plexkit.models.items import (
    ITEM_CLASSES,
    Album,
    Artist,
    BaseItem,
    Clip,
    Collection,
    Episode,
    Item,
    Movie,
    Photo,
    PhotoAlbum,
    Playlist,
    Season,
    Show,
    Track,
    UnknownItem,
)
from plexkit.models.media import Guid, Location, Media, Part, Stream, Tag
from plexkit.models.status import (
    Activity,
    ActivityContext,
    ActivityNotification,
    HistoryEntry,
    Player,
    Session,
    SessionInfo,
    SessionUser,
    TranscodeSession,
)

__all__ = [
    "ITEM_CLASSES",
    "Activity",
    "ActivityContext",
    "ActivityNotification",
    "Album",
    "Artist",
    "BaseItem",
    "Clip",
    "Collection",
    "Directory",
    "Episode",
    "Guid",
    "HistoryEntry",
    "Hub",
    "Identity",
    "Item",
    "Location",
    "Media",
    "MediaContainer",
    "Movie",
    "Part",
    "Photo",
    "PhotoAlbum",
    "Player",
    "Playlist",
    "SearchResult",
    "Season",
    "Section",
    "ServerInfo",
    "Session",
    "SessionInfo",
    "SessionUser",
    "Show",
    "Stream",
    "Tag",
    "Track",
    "TranscodeSession",
    "UnknownItem",
    "activities_from",
    "activity_notifications_from",
    "configure_converter",
    "container_from",
    "converter",
    "decode_body",
    "decode_document",
    "history_from",
    "hubs_from",
    "identity_from",
    "items_from",
    "paging_from",
    "parse_container",
    "sections_from",
    "server_info_from",
    "sessions_from",
    "structure",
]
