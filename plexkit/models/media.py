"""Media, parts, streams and tags: the children that hang off library items.

``Media`` is one version of an item (a file set in one quality), ``Part`` one file of it and
``Stream`` one video/audio/subtitle track in that file. Tags (genres, actors, ...) share one
``Tag`` class.
"""

from __future__ import annotations

import attrs

from plexkit.models import WIRE
from plexkit.models._display import Display
from plexkit.models._wire import sparse

__all__ = ["Guid", "Location", "Media", "Part", "Stream", "Tag"]


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Tag(Display):
    """A tag on an item: genre, actor (``role`` is the character), director, label, ...

    ``filter`` is the query that lists the section's items with this tag (``"genre=87"``).
    """

    tag: str = ""
    id: int | None = None
    filter: str | None = None
    count: int | None = None
    role: str | None = None
    thumb: str | None = None
    tag_key: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Guid(Display):
    """An external id of an item, such as ``"imdb://tt0123456"`` or ``"tmdb://12345"``."""

    id: str = ""


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Location(Display):
    """A folder of a library section (or of a show): the server's path, not the caller's."""

    id: int | None = None
    path: str = ""


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Stream(Display):
    """One track of a part. ``stream_type``: 1 video, 2 audio, 3 subtitle, 4 lyrics.

    In ``/status/sessions`` bodies ``decision`` (copy/transcode/burn) and ``location`` say how
    the stream reaches the player.
    """

    id: int | None = None
    stream_type: int | None = None
    index: int | None = None
    codec: str | None = None
    default: bool | None = None
    selected: bool | None = None
    forced: bool | None = None
    title: str | None = None
    display_title: str | None = None
    extended_display_title: str | None = None
    language: str | None = None
    language_code: str | None = None
    language_tag: str | None = None
    bitrate: int | None = None
    bit_depth: int | None = None
    profile: str | None = None
    level: int | None = None
    width: int | None = None
    height: int | None = None
    frame_rate: float | None = None
    scan_type: str | None = None
    ref_frames: int | None = None
    chroma_subsampling: str | None = None
    chroma_location: str | None = None
    color_space: str | None = None
    color_range: str | None = None
    color_primaries: str | None = None
    color_trc: str | None = None
    dovi_present: bool | None = attrs.field(default=None, metadata={WIRE: "DOVIPresent"})
    dovi_profile: int | None = attrs.field(default=None, metadata={WIRE: "DOVIProfile"})
    channels: int | None = None
    audio_channel_layout: str | None = None
    sampling_rate: int | None = None
    bitrate_mode: str | None = None
    hearing_impaired: bool | None = None
    closed_captions: bool | None = None
    key: str | None = None
    format: str | None = None
    decision: str | None = None
    location: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Part(Display):
    """One file of a media version: server path, size and streams."""

    id: int | None = None
    key: str | None = None
    file: str | None = None
    size: int | None = None
    duration: int | None = None
    bitrate: int | None = None
    width: int | None = None
    height: int | None = None
    container: str | None = None
    video_profile: str | None = None
    audio_profile: str | None = None
    protocol: str | None = None
    indexes: str | None = None
    has_thumbnail: bool | None = None
    optimized_for_streaming: bool | None = None
    has_64bit_offsets: bool | None = attrs.field(default=None, metadata={WIRE: "has64bitOffsets"})
    exists: bool | None = None
    accessible: bool | None = None
    decision: str | None = None
    selected: bool | None = None
    streams: tuple[Stream, ...] = attrs.field(default=(), metadata={WIRE: "Stream"})


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Media(Display):
    """One version of an item (a quality/edition), made of one or more parts."""

    id: int | None = None
    duration: int | None = None
    bitrate: int | None = None
    width: int | None = None
    height: int | None = None
    aspect_ratio: float | None = None
    audio_channels: int | None = None
    audio_codec: str | None = None
    video_codec: str | None = None
    video_resolution: str | None = None
    video_frame_rate: str | None = None
    video_profile: str | None = None
    audio_profile: str | None = None
    container: str | None = None
    optimized_for_streaming: bool | None = None
    has_64bit_offsets: bool | None = attrs.field(default=None, metadata={WIRE: "has64bitOffsets"})
    has_voice_activity: bool | None = None
    selected: bool | None = None
    protocol: str | None = None
    origin: str | None = None
    parts: tuple[Part, ...] = attrs.field(default=(), metadata={WIRE: "Part"})
