"""``Media``, ``Part`` and ``Stream`` dicts of videos, tracks and photos, as PMS sends them.

Values follow real captures (``plex-api.rs/server/media/metadata_108.json`` for audio stream
``profile``); ids are given by the caller (the store allocates them).
"""

from __future__ import annotations

from collections.abc import Sequence

from plexkit.testing.wire import Wire

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
_BITRATES = {"4k": 24000, "1080": 9000, "720": 4500, "sd": 1800}


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
    streams = [_video_stream(stream_ids[0], resolution, video_codec, bitrate)]
    for position, (codec, language, channels) in enumerate(audio):
        index = len(streams)
        streams.append(_audio_stream(stream_ids[index], index, codec, language, channels))
        if position == 0:
            streams[-1]["selected"] = True
            streams[-1]["default"] = True
    for language in subtitles:
        index = len(streams)
        streams.append(_subtitle_stream(stream_ids[index], index, language))
    return streams


def _video_stream(stream_id: int, resolution: str, codec: str, bitrate: int) -> Wire:
    width, height, label = _RESOLUTIONS[resolution]
    title = f"{label} ({_CODEC_NAMES.get(codec, codec.upper())})"
    hevc = codec == "hevc"
    return {
        "id": stream_id,
        "streamType": 1,
        "default": True,
        "codec": codec,
        "index": 0,
        "bitrate": bitrate,
        "bitDepth": 10 if hevc else 8,
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
        "level": 150 if hevc else 41,
        "profile": "main 10" if hevc else "high",
        "refFrames": 4,
        "scanType": "progressive",
        "width": width,
        "displayTitle": title,
        "extendedDisplayTitle": title,
    }


def _audio_stream(stream_id: int, index: int, codec: str, language: str, channels: int) -> Wire:
    name = _LANGUAGES.get(language, language)
    layout = _CHANNEL_NAMES.get(channels, f"{channels}ch")
    title = f"{name} ({_CODEC_NAMES.get(codec, codec.upper())} {layout})"
    stream: Wire = {
        "id": stream_id,
        "streamType": 2,
        "default": False,
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
        "displayTitle": title,
        "extendedDisplayTitle": title,
    }
    if codec in _AUDIO_PROFILES:  # real aac/dts streams carry their profile
        stream["profile"] = _AUDIO_PROFILES[codec]
    return stream


def _subtitle_stream(stream_id: int, index: int, language: str) -> Wire:
    name = _LANGUAGES.get(language, language)
    return {
        "id": stream_id,
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
    bitrate = _BITRATES[resolution]
    audio_codec, _, audio_channels = audio[0]
    profile = "main 10" if video_codec == "hevc" else "high"
    audio_profile = _AUDIO_PROFILES.get(audio_codec)
    part = _part(part_id, added_at, file=file, container=container, duration=duration)
    part.update(
        {
            "size": bitrate * 125 * (duration // 1000),
            "container": container,
            "indexes": "sd",
            "videoProfile": profile,
            "hasThumbnail": "1",
        }
    )
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
    part = _part(part_id, added_at, file=file, container=codec, duration=duration)
    return {
        "id": media_id,
        "duration": duration,
        "bitrate": bitrate,
        "audioChannels": 2,
        "audioCodec": codec,
        "container": codec,
        "Part": [
            {
                **part,
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


def _part(part_id: int, added_at: int, *, file: str, container: str, duration: int) -> Wire:
    """The start of every ``Part``: its id, download ``key``, length and file."""
    return {
        "id": part_id,
        "key": f"/library/parts/{part_id}/{added_at}/file.{container}",
        "duration": duration,
        "file": file,
    }
