"""Models for library management: match candidates, agents, artwork, live notifications.

Notifications are what ``/:/websockets/notifications`` pushes: a ``NotificationContainer``
whose ``type`` says which list it carries (``activity`` → ``ActivityNotification``,
``timeline`` → ``TimelineEntry``, ``playing`` → ``PlaySessionStateNotification``, ...).
plexkit turns each entry into one typed event; `Notification` is their union.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar, Final, Literal, TypeAlias

import attrs

from plexkit.models import WIRE
from plexkit.models._display import Display
from plexkit.models._wire import sparse
from plexkit.models.status import Activity, TranscodeSession

__all__ = [
    "ActivityEvent",
    "Agent",
    "AgentMediaType",
    "Artwork",
    "ConnectionEvent",
    "FieldLock",
    "MatchCandidate",
    "Notification",
    "PlayingEvent",
    "ProgressEvent",
    "ScanResult",
    "StatusEvent",
    "TimelineEvent",
    "TranscodeSessionEvent",
    "UnknownEvent",
]


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class MatchCandidate(Display):
    """A metadata match the agent proposes for an item (``/matches``' ``SearchResult``).

    Pass it (or its ``guid``) to ``metadata.match()``.
    """

    guid: str = ""
    name: str = ""
    year: int | None = None
    score: int | None = None
    type: str | None = None
    thumb: str | None = None
    summary: str | None = None
    matched: bool | None = None
    lifespan_ended: bool | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class AgentMediaType(Display):
    """A metadata type an agent serves (``mediaType`` 1 movie, 2 show, 8 artist, ...)."""

    media_type: int | None = None
    name: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Agent(Display):
    """A metadata agent of the server (``/system/agents``)."""

    identifier: str = ""
    name: str | None = None
    primary: bool | None = None
    has_prefs: bool | None = None
    has_attribution: bool | None = None
    media_types: tuple[AgentMediaType, ...] = attrs.field(default=(), metadata={WIRE: "MediaType"})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Artwork(Display):
    """One poster or background an item can show (``/posters``, ``/arts``).

    ``rating_key`` identifies it for ``select_poster()``/``select_art()``: an agent's URL,
    ``upload://...`` for uploads, ``metadata://...``/``media://...`` for local files.
    """

    key: str | None = None
    rating_key: str | None = None
    selected: bool = False
    thumb: str | None = None
    provider: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class FieldLock(Display):
    """A ``Field`` entry of an item detail: ``name`` is PMS's field name."""

    name: str = ""
    locked: bool = False


@attrs.frozen(kw_only=True, repr=False, eq=False)
class ScanResult(Display):
    """How a ``refresh_and_wait()`` ended.

    ``activities`` are the scan activities seen (uuids); ``via`` says whether the end came from
    a websocket notification or from polling.
    """

    section_key: str
    path: str | None
    via: Literal["websocket", "polling"]
    activities: tuple[str, ...] = ()


# -- notifications --------------------------------------------------------------------------


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ActivityEvent(Display):
    """An activity ``started``, ``updated`` or ``ended`` (scans, refreshes, analysis)."""

    type: ClassVar[str] = "activity"
    event: str | None = None
    uuid: str | None = None
    activity: Activity | None = attrs.field(default=None, metadata={WIRE: "Activity"})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class TimelineEvent(Display):
    """A library item changed (``state`` 0 created ... 5 processed, 9 deleted).

    ``item_type`` is the item's metadata type number (1 movie, 4 episode, ...).
    """

    type: ClassVar[str] = "timeline"
    identifier: str | None = None
    section_id: str | None = None
    item_id: str | None = None
    parent_item_id: str | None = None
    root_item_id: str | None = None
    item_type: int | None = attrs.field(default=None, metadata={WIRE: "type"})
    title: str | None = None
    state: int | None = None
    metadata_state: str | None = None
    media_state: str | None = None
    updated_at: datetime | None = None
    queue_size: int | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class PlayingEvent(Display):
    """A playback session changed state (``playing``, ``paused``, ``stopped``, ``buffering``)."""

    type: ClassVar[str] = "playing"
    session_key: str | None = None
    client_identifier: str | None = None
    guid: str | None = None
    rating_key: str | None = None
    url: str | None = None
    key: str | None = None
    view_offset: int | None = None
    play_queue_item_id: int | None = None
    state: str | None = None
    transcode_session: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class StatusEvent(Display):
    """A server status message, such as ``LIBRARY_UPDATE`` ("Library scan complete")."""

    type: ClassVar[str] = "status"
    title: str | None = None
    description: str | None = None
    notification_name: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ProgressEvent(Display):
    """A free-text progress message (older servers report scans this way)."""

    type: ClassVar[str] = "progress"
    message: str | None = None


@attrs.frozen(kw_only=True, repr=False, eq=False)
class TranscodeSessionEvent(Display):
    """A transcode session started, updated or ended (``action``)."""

    type: ClassVar[str] = "transcodeSession"
    action: str
    session: TranscodeSession


@attrs.frozen(kw_only=True, repr=False, eq=False)
class ConnectionEvent(Display):
    """The listener connected, or lost its connection (events may have been missed).

    Not sent by the server: plexkit adds it so consumers can resynchronise after a gap.
    """

    type: ClassVar[str] = "connection"
    state: Literal["connected", "disconnected"]
    attempt: int = 0
    error: str | None = None


@attrs.frozen(kw_only=True, repr=False, eq=False)
class UnknownEvent(Display):
    """A notification plexkit does not model (``reachability``, ``preference``...), raw."""

    type: str
    data: Mapping[str, Any] = attrs.field(factory=dict)


Notification: TypeAlias = (
    ActivityEvent
    | TimelineEvent
    | PlayingEvent
    | StatusEvent
    | ProgressEvent
    | TranscodeSessionEvent
    | ConnectionEvent
    | UnknownEvent
)

#: The ``NotificationContainer`` list each modelled notification type carries.
NOTIFICATION_ELEMENTS: Final[Mapping[str, tuple[str, type[Any]]]] = {
    "activity": ("ActivityNotification", ActivityEvent),
    "timeline": ("TimelineEntry", TimelineEvent),
    "playing": ("PlaySessionStateNotification", PlayingEvent),
    "status": ("StatusNotification", StatusEvent),
    "progress": ("ProgressNotification", ProgressEvent),
}
