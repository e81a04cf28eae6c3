"""What the server is doing: playback sessions, watch history and activities.

A ``/status/sessions`` entry is a library item with ``User``, ``Player``, ``Session`` and
``TranscodeSession`` children. `Session` wraps it: ``item`` is the ordinary typed
item (the same model a library listing gives), the other fields are the playback details.
"""

from __future__ import annotations

from datetime import date, datetime

import attrs

from plexkit.models import WIRE
from plexkit.models._display import Display
from plexkit.models._wire import sparse
from plexkit.models.items import Item

__all__ = [
    "Activity",
    "ActivityContext",
    "ActivityNotification",
    "HistoryEntry",
    "Player",
    "Session",
    "SessionInfo",
    "SessionUser",
    "TranscodeSession",
]


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class SessionUser(Display):
    """The account watching (``<User>`` of a session)."""

    id: int | None = None
    title: str | None = None
    thumb: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Player(Display):
    """The client device playing (``<Player>`` of a session, or of ``/resources``)."""

    title: str | None = None
    machine_identifier: str | None = None
    product: str | None = None
    platform: str | None = None
    platform_version: str | None = None
    device: str | None = None
    model: str | None = None
    vendor: str | None = None
    version: str | None = None
    profile: str | None = None
    state: str | None = None
    address: str | None = None
    remote_public_address: str | None = None
    local: bool | None = None
    relayed: bool | None = None
    secure: bool | None = None
    user_id: int | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class SessionInfo(Display):
    """The network side of a session (``<Session>``): id, bandwidth (kbit/s), lan/wan."""

    id: str | None = None
    bandwidth: int | None = None
    location: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class TranscodeSession(Display):
    """A running transcode: progress (percent), speed and what is transcoded or copied."""

    key: str | None = None
    throttled: bool | None = None
    complete: bool | None = None
    progress: float | None = None
    speed: float | None = None
    size: int | None = None
    duration: int | None = None
    remaining: int | None = None
    error: bool | None = None
    context: str | None = None
    protocol: str | None = None
    container: str | None = None
    video_decision: str | None = None
    audio_decision: str | None = None
    subtitle_decision: str | None = None
    source_video_codec: str | None = None
    source_audio_codec: str | None = None
    video_codec: str | None = None
    audio_codec: str | None = None
    audio_channels: int | None = None
    width: int | None = None
    height: int | None = None
    transcode_hw_requested: bool | None = None
    transcode_hw_full_pipeline: bool | None = None
    offline_transcode: bool | None = None
    time_stamp: datetime | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Session(Display):
    """One playback session: the item being played plus who, where and how.

    ``transcode_session`` is read from the item or, for Live TV, from its first media.
    """

    item: Item
    session_key: str | None = None
    view_offset: int | None = None
    session_user: SessionUser | None = attrs.field(default=None, metadata={WIRE: "User"})
    player: Player | None = attrs.field(default=None, metadata={WIRE: "Player"})
    session: SessionInfo | None = attrs.field(default=None, metadata={WIRE: "Session"})
    transcode_session: TranscodeSession | None = attrs.field(
        default=None, metadata={WIRE: "TranscodeSession"}
    )


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class HistoryEntry(Display):
    """One "watched" record from ``/status/sessions/history/all``."""

    history_key: str | None = None
    key: str | None = None
    rating_key: str | None = None
    parent_rating_key: str | None = None
    grandparent_rating_key: str | None = None
    library_section_id: int | None = None
    type: str | None = None
    title: str | None = None
    parent_title: str | None = None
    grandparent_title: str | None = None
    index: int | None = None
    parent_index: int | None = None
    thumb: str | None = None
    parent_thumb: str | None = None
    grandparent_thumb: str | None = None
    grandparent_art: str | None = None
    originally_available_at: date | None = None
    viewed_at: datetime | None = None
    account_id: int | None = None
    device_id: int | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ActivityContext(Display):
    """What an activity works on: a library section, or an item key for per-item refreshes."""

    library_section_id: int | None = None
    key: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Activity(Display):
    """A server activity (``/activities``): scans, analysis, EPG loads, ...

    ``progress`` is 0-100, or -1 when the server cannot tell.
    """

    uuid: str
    type: str | None = None
    cancellable: bool | None = None
    user_id: int | None = None
    title: str | None = None
    subtitle: str | None = None
    progress: int | None = None
    context: ActivityContext | None = attrs.field(default=None, metadata={WIRE: "Context"})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ActivityNotification(Display):
    """A websocket ``activity`` notification: ``event`` is started, updated or ended."""

    event: str | None = None
    uuid: str | None = None
    activity: Activity | None = attrs.field(default=None, metadata={WIRE: "Activity"})
