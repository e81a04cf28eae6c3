"""Factories for PMS-shaped JSON dicts (the wire format), written from real captures.

Every function returns a dict exactly as modern PMS serialises it to JSON (``ratingKey`` and
``key`` are strings, counts and epochs are ints, ratings floats, flags booleans); the XML form
is derived from it by :mod:`plexkit.testing.render`. Nothing here chooses values at random:
the generator picks values and the store allocates ids.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any

from plexkit.models.item_types import ITEM_TYPES

Wire = dict[str, Any]
"""One PMS object (item, tag, Media, ...) in PMS JSON shape."""

TYPE_NUMBERS: dict[str, int] = dict(ITEM_TYPES)
"""Plex metadata type numbers (the ``type=`` query parameter): plexkit's one table."""

TAG_FILTERS: dict[str, str] = {
    "Genre": "genre",
    "Director": "director",
    "Writer": "writer",
    "Producer": "producer",
    "Country": "country",
    "Role": "actor",
    "Collection": "collection",
    "Label": "label",
    "Mood": "mood",
    "Style": "style",
    "Similar": "similar",
}
"""Tag element name -> the filter/edit name PMS uses for it (``Role`` is ``actor``)."""

TAG_TYPES: dict[str, int] = {
    "Genre": 1,
    "Collection": 2,
    "Director": 4,
    "Writer": 5,
    "Role": 6,
    "Producer": 7,
    "Country": 8,
    "Label": 11,
    "Mood": 300,
    "Style": 301,
    "Similar": 305,
}
"""PMS ``tagType`` numbers, as seen in ``/library/search`` tag results."""

MEDIA_TAG_PREFIX = "/system/bundle/media/flags/"
MEDIA_TAG_VERSION = 1734362201

_RESOLUTIONS: dict[str, tuple[int, int, str]] = {
    "4k": (3840, 2160, "4K"),
    "1080": (1920, 1080, "1080p"),
    "720": (1280, 720, "720p"),
    "sd": (720, 480, "480p"),
}
_CODEC_NAMES = {
    "h264": "H.264",
    "hevc": "HEVC",
    "mpeg4": "MPEG4",
    "aac": "AAC",
    "ac3": "AC3",
    "eac3": "EAC3",
    "dca": "DTS",
    "truehd": "TrueHD",
    "flac": "FLAC",
    "mp3": "MP3",
    "srt": "SRT",
    "ass": "ASS",
    "pgs": "PGS",
}
_AUDIO_PROFILES = {"aac": "lc", "dca": "dts"}
"""Audio stream ``profile`` by codec, as in ``plex-api.rs/server/media/metadata_108.json``."""
_CHANNEL_NAMES = {1: "Mono", 2: "Stereo", 6: "5.1", 8: "7.1"}
_LANGUAGES = {
    "eng": "English",
    "fra": "Français",
    "deu": "Deutsch",
    "spa": "Español",
    "jpn": "日本語",
    "ita": "Italiano",
}
_LANGUAGE_TAGS = {"eng": "en", "fra": "fr", "deu": "de", "spa": "es", "jpn": "ja", "ita": "it"}
_ARTICLES = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


def title_sort(title: str) -> str:
    """The ``titleSort`` PMS derives from a title: leading English articles dropped."""
    return _ARTICLES.sub("", title)


def slug(title: str) -> str:
    """The ``slug`` plex.tv gives a title (lower case, words joined by dashes)."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def tag(tag_id: int, element: str, name: str, **extra: Any) -> Wire:
    """A detail-view tag such as ``{"id": 6, "filter": "genre=6", "tag": "Comedy"}``."""
    out: Wire = {"id": tag_id, "filter": f"{TAG_FILTERS[element]}={tag_id}", "tag": name}
    out.update(extra)
    return out


def ultra_blur(seed: str) -> Wire:
    """Four background colours, as modern PMS computes from the artwork (``UltraBlurColors``)."""
    digest = hashlib.sha1(seed.encode()).hexdigest()
    return {
        "topLeft": digest[0:6],
        "topRight": digest[6:12],
        "bottomRight": digest[12:18],
        "bottomLeft": digest[18:24],
    }


def tag_key(name: str) -> str:
    """A plex.tv person id (``tagKey``) derived from a name."""
    return "5d77" + hashlib.sha1(name.encode()).hexdigest()[:20]


def ratings(rating: float | None, audience_rating: float | None) -> list[Wire]:
    """The ``Rating`` array detail views carry next to ``rating``/``audienceRating``."""
    out: list[Wire] = []
    if audience_rating is not None:
        out.append({"image": "imdb://image.rating", "value": audience_rating, "type": "audience"})
    if rating is not None:
        out.append(
            {"image": "rottentomatoes://image.rating.ripe", "value": rating, "type": "critic"}
        )
    return out


def images(rating_key: int, updated_at: int, title: str) -> list[Wire]:
    """The ``Image`` array modern PMS adds next to ``thumb``/``art``."""
    return [
        {
            "alt": title,
            "type": "coverPoster",
            "url": f"/library/metadata/{rating_key}/thumb/{updated_at}",
        },
        {
            "alt": title,
            "type": "background",
            "url": f"/library/metadata/{rating_key}/art/{updated_at}",
        },
    ]


def video_streams(
    stream_ids: Sequence[int],
    *,
    resolution: str,
    video_codec: str,
    bitrate: int,
    audio: Sequence[tuple[str, str, int]],
    subtitles: Sequence[str],
) -> list[Wire]:
    """Video, audio (codec, language code, channels) and subtitle ``Stream`` dicts.

    ``stream_ids`` must hold ``1 + len(audio) + len(subtitles)`` ids.
    """
    width, height, label = _RESOLUTIONS[resolution]
    codec_name = _CODEC_NAMES.get(video_codec, video_codec.upper())
    streams: list[Wire] = [
        {
            "id": stream_ids[0],
            "streamType": 1,
            "default": True,
            "codec": video_codec,
            "index": 0,
            "bitrate": bitrate,
            "bitDepth": 10 if video_codec == "hevc" else 8,
            "chromaLocation": "left",
            "chromaSubsampling": "4:2:0",
            "codedHeight": height,
            "codedWidth": width,
            "colorPrimaries": "bt709",
            "colorRange": "tv",
            "colorSpace": "bt709",
            "colorTrc": "bt709",
            "frameRate": 23.976,
            "hasScalingMatrix": False,
            "height": height,
            "level": 150 if video_codec == "hevc" else 41,
            "profile": "main 10" if video_codec == "hevc" else "high",
            "refFrames": 4,
            "scanType": "progressive",
            "width": width,
            "displayTitle": f"{label} ({codec_name})",
            "extendedDisplayTitle": f"{label} ({codec_name})",
        }
    ]
    index = 1
    for position, (codec, language, channels) in enumerate(audio):
        name = _LANGUAGES.get(language, language)
        layout = _CHANNEL_NAMES.get(channels, f"{channels}ch")
        audio_codec = _CODEC_NAMES.get(codec, codec.upper())
        stream: Wire = {
            "id": stream_ids[index],
            "streamType": 2,
            "default": position == 0,
            "codec": codec,
            "index": index,
            "channels": channels,
            "bitrate": 640 if channels > 2 else 192,
            "language": name,
            "languageTag": _LANGUAGE_TAGS.get(language, language[:2]),
            "languageCode": language,
            "audioChannelLayout": "5.1(side)" if channels == 6 else "stereo",
            "samplingRate": 48000,
            "title": "Surround" if channels > 2 else "Stereo",
            "displayTitle": f"{name} ({audio_codec} {layout})",
            "extendedDisplayTitle": f"{name} ({audio_codec} {layout})",
        }
        if codec in _AUDIO_PROFILES:  # real aac/dts streams carry their profile
            stream["profile"] = _AUDIO_PROFILES[codec]
        if position == 0:
            stream["selected"] = True
        streams.append(stream)
        index += 1
    for language in subtitles:
        name = _LANGUAGES.get(language, language)
        streams.append(
            {
                "id": stream_ids[index],
                "streamType": 3,
                "canAutoSync": False,
                "codec": "srt",
                "index": index,
                "bitrate": 0,
                "language": name,
                "languageTag": _LANGUAGE_TAGS.get(language, language[:2]),
                "languageCode": language,
                "displayTitle": f"{name} (SRT)",
                "extendedDisplayTitle": f"{name} (SRT)",
            }
        )
        index += 1
    return streams


def video_media(
    media_id: int,
    part_id: int,
    stream_ids: Sequence[int],
    *,
    file: str,
    duration: int,
    added_at: int,
    resolution: str = "1080",
    container: str = "mkv",
    video_codec: str = "h264",
    audio: Sequence[tuple[str, str, int]] = (("ac3", "eng", 6),),
    subtitles: Sequence[str] = ("eng",),
) -> Wire:
    """A video ``Media`` with one ``Part`` (file on disk) and its ``Stream`` list."""
    width, height, _ = _RESOLUTIONS[resolution]
    bitrate = {"4k": 24000, "1080": 9000, "720": 4500, "sd": 1800}[resolution]
    audio_codec, _, audio_channels = audio[0]
    profile = "main 10" if video_codec == "hevc" else "high"
    audio_profile = {"dca": "dts", "aac": "lc"}.get(audio_codec)
    size = bitrate * 125 * (duration // 1000)
    part: Wire = {
        "id": part_id,
        "key": f"/library/parts/{part_id}/{added_at}/file.{container}",
        "duration": duration,
        "file": file,
        "size": size,
        "container": container,
        "indexes": "sd",
        "videoProfile": profile,
        "hasThumbnail": "1",
    }
    media: Wire = {
        "id": media_id,
        "duration": duration,
        "bitrate": bitrate,
        "width": width,
        "height": height,
        "aspectRatio": 1.78,
        "audioChannels": audio_channels,
        "audioCodec": audio_codec,
        "videoCodec": video_codec,
        "videoResolution": resolution,
        "container": container,
        "videoFrameRate": "24p",
        "videoProfile": profile,
        "hasVoiceActivity": False,
    }
    if audio_profile:
        media["audioProfile"] = audio_profile
        part["audioProfile"] = audio_profile
    part["Stream"] = video_streams(
        stream_ids,
        resolution=resolution,
        video_codec=video_codec,
        bitrate=bitrate - 700,
        audio=audio,
        subtitles=subtitles,
    )
    media["Part"] = [part]
    return media


def audio_media(
    media_id: int,
    part_id: int,
    stream_id: int,
    *,
    file: str,
    duration: int,
    added_at: int,
    codec: str = "flac",
) -> Wire:
    """A track's ``Media`` with one ``Part`` and one audio ``Stream``."""
    bitrate = 1000 if codec == "flac" else 320
    codec_name = _CODEC_NAMES.get(codec, codec.upper())
    return {
        "id": media_id,
        "duration": duration,
        "bitrate": bitrate,
        "audioChannels": 2,
        "audioCodec": codec,
        "container": codec,
        "Part": [
            {
                "id": part_id,
                "key": f"/library/parts/{part_id}/{added_at}/file.{codec}",
                "duration": duration,
                "file": file,
                "size": bitrate * 125 * (duration // 1000),
                "container": codec,
                "Stream": [
                    {
                        "id": stream_id,
                        "streamType": 2,
                        "selected": True,
                        "codec": codec,
                        "index": 0,
                        "channels": 2,
                        "bitrate": bitrate,
                        "audioChannelLayout": "stereo",
                        "samplingRate": 44100,
                        "gain": -8.2,
                        "albumGain": -8.9,
                        "peak": 0.98,
                        "albumPeak": 1.0,
                        "loudness": -9.8,
                        "lra": 6.4,
                        "albumRange": 7.1,
                        "displayTitle": f"{codec_name} (Stereo)",
                        "extendedDisplayTitle": f"{codec_name} (Stereo)",
                    }
                ],
            }
        ],
    }


def photo_media(
    media_id: int, part_id: int, *, file: str, width: int, height: int, added_at: int
) -> Wire:
    """A photo's ``Media`` (dimensions) with one ``Part``."""
    return {
        "id": media_id,
        "width": width,
        "height": height,
        "aspectRatio": round(width / height, 2),
        "container": "jpeg",
        "Part": [
            {
                "id": part_id,
                "key": f"/library/parts/{part_id}/{added_at}/file.jpg",
                "file": file,
                "size": width * height // 3,
                "container": "jpeg",
            }
        ],
    }


def section_directory(
    key: int,
    kind: str,
    title: str,
    *,
    uuid: str,
    locations: Sequence[tuple[int, str]],
    created_at: int,
    updated_at: int,
) -> Wire:
    """A ``/library/sections`` ``Directory`` with its ``Location`` list."""
    agent, scanner = {
        "movie": ("tv.plex.agents.movie", "Plex Movie"),
        "show": ("tv.plex.agents.series", "Plex TV Series"),
        "artist": ("tv.plex.agents.music", "Plex Music"),
        "photo": ("com.plexapp.agents.none", "Plex Photo Scanner"),
    }[kind]
    return {
        "allowSync": True,
        "art": f"/:/resources/{kind}-fanart.jpg",
        "composite": f"/library/sections/{key}/composite/{updated_at}",
        "filters": True,
        "refreshing": False,
        "thumb": f"/:/resources/{kind}.png",
        "key": str(key),
        "type": kind,
        "title": title,
        "agent": agent,
        "scanner": scanner,
        "language": "en-US" if kind != "photo" else "xn",
        "uuid": uuid,
        "updatedAt": updated_at,
        "createdAt": created_at,
        "scannedAt": updated_at,
        "content": True,
        "directory": True,
        "contentChangedAt": updated_at - created_at,
        "hidden": 0,
        "Location": [{"id": loc_id, "path": path} for loc_id, path in locations],
    }
