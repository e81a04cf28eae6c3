"""Typed models for Plex Media Server answers, and the decoding that feeds them (no I/O).

Bodies go through `decode_body` (JSON or XML, safely, into one JSON-shaped dict) and a
typed reader (`items_from`, `sections_from`, ...) or `parse_container`.
Models are frozen attrs classes built by one cattrs `converter`; see ``docs/models.md``
for the leniency rules and the JSON/XML equivalence.

Every name loads on first use (`plexkit._lazy`): importing the client builds no model
class and no converter. ``__all__`` is written out for documentation tools, which do not list
type-guarded imports otherwise; the loader checks that it names exactly the re-exports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit._lazy import lazy_exports

if TYPE_CHECKING:
    from plexkit.models._converter import configure_converter as configure_converter
    from plexkit.models._converter import converter as converter
    from plexkit.models._decode import decode_body as decode_body
    from plexkit.models._decode import decode_document as decode_document
    from plexkit.models._display import Display as Display
    from plexkit.models._display import to_dict as to_dict
    from plexkit.models._readers import activities_from as activities_from
    from plexkit.models._readers import activity_notifications_from as activity_notifications_from
    from plexkit.models._readers import container_from as container_from
    from plexkit.models._readers import history_from as history_from
    from plexkit.models._readers import hubs_from as hubs_from
    from plexkit.models._readers import identity_from as identity_from
    from plexkit.models._readers import items_from as items_from
    from plexkit.models._readers import paging_from as paging_from
    from plexkit.models._readers import parse_container as parse_container
    from plexkit.models._readers import sections_from as sections_from
    from plexkit.models._readers import server_info_from as server_info_from
    from plexkit.models._readers import sessions_from as sessions_from
    from plexkit.models._readers import structure as structure
    from plexkit.models._wire import WIRE as WIRE
    from plexkit.models.containers import Directory as Directory
    from plexkit.models.containers import Hub as Hub
    from plexkit.models.containers import Identity as Identity
    from plexkit.models.containers import MediaContainer as MediaContainer
    from plexkit.models.containers import SearchResult as SearchResult
    from plexkit.models.containers import Section as Section
    from plexkit.models.containers import ServerInfo as ServerInfo
    from plexkit.models.external import ExternalIds as ExternalIds
    from plexkit.models.external import external_ids as external_ids
    from plexkit.models.external import parse_guid as parse_guid
    from plexkit.models.items import ITEM_CLASSES as ITEM_CLASSES
    from plexkit.models.items import Album as Album
    from plexkit.models.items import Artist as Artist
    from plexkit.models.items import BaseItem as BaseItem
    from plexkit.models.items import Clip as Clip
    from plexkit.models.items import Collection as Collection
    from plexkit.models.items import Episode as Episode
    from plexkit.models.items import Item as Item
    from plexkit.models.items import Movie as Movie
    from plexkit.models.items import Photo as Photo
    from plexkit.models.items import PhotoAlbum as PhotoAlbum
    from plexkit.models.items import Playlist as Playlist
    from plexkit.models.items import Season as Season
    from plexkit.models.items import Show as Show
    from plexkit.models.items import Track as Track
    from plexkit.models.items import UnknownItem as UnknownItem
    from plexkit.models.management import ActivityEvent as ActivityEvent
    from plexkit.models.management import Agent as Agent
    from plexkit.models.management import AgentMediaType as AgentMediaType
    from plexkit.models.management import Artwork as Artwork
    from plexkit.models.management import ConnectionEvent as ConnectionEvent
    from plexkit.models.management import FieldLock as FieldLock
    from plexkit.models.management import MatchCandidate as MatchCandidate
    from plexkit.models.management import Notification as Notification
    from plexkit.models.management import PlayingEvent as PlayingEvent
    from plexkit.models.management import ProgressEvent as ProgressEvent
    from plexkit.models.management import ScanResult as ScanResult
    from plexkit.models.management import StatusEvent as StatusEvent
    from plexkit.models.management import TimelineEvent as TimelineEvent
    from plexkit.models.management import TranscodeSessionEvent as TranscodeSessionEvent
    from plexkit.models.management import UnknownEvent as UnknownEvent
    from plexkit.models.media import Guid as Guid
    from plexkit.models.media import Location as Location
    from plexkit.models.media import Media as Media
    from plexkit.models.media import Part as Part
    from plexkit.models.media import Stream as Stream
    from plexkit.models.media import Tag as Tag
    from plexkit.models.play_queues import PlayQueue as PlayQueue
    from plexkit.models.play_queues import play_queue_from as play_queue_from
    from plexkit.models.status import Activity as Activity
    from plexkit.models.status import ActivityContext as ActivityContext
    from plexkit.models.status import ActivityNotification as ActivityNotification
    from plexkit.models.status import HistoryEntry as HistoryEntry
    from plexkit.models.status import Player as Player
    from plexkit.models.status import Session as Session
    from plexkit.models.status import SessionInfo as SessionInfo
    from plexkit.models.status import SessionUser as SessionUser
    from plexkit.models.status import TranscodeSession as TranscodeSession
    from plexkit.models.system import BandwidthSample as BandwidthSample
    from plexkit.models.system import ButlerTask as ButlerTask
    from plexkit.models.system import Release as Release
    from plexkit.models.system import ResourceSample as ResourceSample
    from plexkit.models.system import SystemDevice as SystemDevice
    from plexkit.models.system import UpdateStatus as UpdateStatus

__all__ = [
    "ITEM_CLASSES",
    "WIRE",
    "Activity",
    "ActivityContext",
    "ActivityEvent",
    "ActivityNotification",
    "Agent",
    "AgentMediaType",
    "Album",
    "Artist",
    "Artwork",
    "BandwidthSample",
    "BaseItem",
    "ButlerTask",
    "Clip",
    "Collection",
    "ConnectionEvent",
    "Directory",
    "Display",
    "Episode",
    "ExternalIds",
    "FieldLock",
    "Guid",
    "HistoryEntry",
    "Hub",
    "Identity",
    "Item",
    "Location",
    "MatchCandidate",
    "Media",
    "MediaContainer",
    "Movie",
    "Notification",
    "Part",
    "Photo",
    "PhotoAlbum",
    "PlayQueue",
    "Player",
    "PlayingEvent",
    "Playlist",
    "ProgressEvent",
    "Release",
    "ResourceSample",
    "ScanResult",
    "SearchResult",
    "Season",
    "Section",
    "ServerInfo",
    "Session",
    "SessionInfo",
    "SessionUser",
    "Show",
    "StatusEvent",
    "Stream",
    "SystemDevice",
    "Tag",
    "TimelineEvent",
    "Track",
    "TranscodeSession",
    "TranscodeSessionEvent",
    "UnknownEvent",
    "UnknownItem",
    "UpdateStatus",
    "activities_from",
    "activity_notifications_from",
    "configure_converter",
    "container_from",
    "converter",
    "decode_body",
    "decode_document",
    "external_ids",
    "history_from",
    "hubs_from",
    "identity_from",
    "items_from",
    "paging_from",
    "parse_container",
    "parse_guid",
    "play_queue_from",
    "sections_from",
    "server_info_from",
    "sessions_from",
    "structure",
    "to_dict",
]

lazy_exports(__name__).install()
