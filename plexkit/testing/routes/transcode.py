"""A minimal transcoder: ``/{video,music,audio}/:/transcode/universal/decision``,
``.../start.m3u8`` / ``start.mpd`` / ``start`` (what python-plexapi's ``getStreamURL`` points
at) and ``/transcode/sessions``.

The fake never transcodes: the decision is always direct play (codes 1000, as in
``plex-api.rs/transcode/decision_13194.json``: ``generalDecisionCode``,
``directPlayDecisionCode``, the item with ``Media``/``Part`` ``selected`` and ``decision``,
streams ``location="direct"``); ``start`` answers a one-segment HLS playlist (or a DASH
manifest) pointing at the part file and records a session that ``/transcode/sessions``
lists (shape: ``plex-api.rs/transcode/video_sessions.json``), next to the transcodes of
playback sessions. ``DELETE /transcode/sessions/{key}`` and ``/:/transcode/universal/stop``
end one.
"""

from __future__ import annotations

import hashlib

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.respond import HTTPError, container, context
from plexkit.testing.store import Node
from plexkit.testing.views import detail_attrs
from plexkit.testing.wire import Wire

# PMS's /video/ transcoder also takes tracks (plex-api.rs/transcode/music_mp3.json came from it)
_KINDS = {
    "video": ("movie", "episode", "clip", "track"),
    "music": ("track",),
    "audio": ("track",),
}


def _item(request: Request) -> tuple[Node, Wire, Wire]:
    """The item of ``path=`` and its ``mediaIndex``/``partIndex`` media and part."""
    q = request.query_params
    if request.path_params["kind"] not in _KINDS:
        raise HTTPError(404, "no such transcoder")
    path = q.get("path", "")
    if not path.startswith("/library/metadata/"):
        raise HTTPError(400, "path must be /library/metadata/{ratingKey}")
    node = context(request).library.node(path.rpartition("/")[2])
    if node is None:
        raise HTTPError(404, "no such item")
    if node.kind not in _KINDS[str(request.path_params["kind"])]:
        raise HTTPError(400, f"a {node.kind} cannot be streamed here")
    try:
        media = node.data["Media"][int(q.get("mediaIndex", "0"))]
        part = media["Part"][int(q.get("partIndex", "0"))]
    except (KeyError, IndexError, ValueError):
        raise HTTPError(400, "no such media or part index") from None
    return node, media, part


async def decision(request: Request) -> Response:
    """``GET /{kind}/:/transcode/universal/decision?path=``: direct play."""
    node, media, part = _item(request)
    library = context(request).library
    streams = [{**s, "location": "direct"} for s in part.get("Stream", ())]
    chosen_part = {**part, "decision": "directplay", "selected": True, "Stream": streams}
    chosen_media = {**media, "selected": True, "Part": [chosen_part]}
    item = {**node.data, "Media": [chosen_media]}
    mc: Wire = {"size": 1}
    mc.update(detail_attrs(library.section(node.section_key)))
    mc.update(
        {
            "directPlayDecisionCode": 1000,
            "directPlayDecisionText": "Direct play OK.",
            "generalDecisionCode": 1000,
            "generalDecisionText": "Direct play OK.",
            "resourceSession": _session_key(request),
            "Metadata": [item],
        }
    )
    return container(request, mc)


def _session_key(request: Request) -> str:
    q = request.query_params
    seed = q.get("session") or q.get("X-Plex-Session-Identifier") or q.get("path", "")
    return hashlib.sha1(seed.encode()).hexdigest()


async def start(request: Request) -> Response:
    """``GET /{kind}/:/transcode/universal/start.m3u8`` (or ``.mpd``): a stream to play."""
    node, media, part = _item(request)
    library = context(request).library
    key = _session_key(request)
    kind = str(request.path_params["kind"])
    session: Wire = {
        "key": key,
        "throttled": False,
        "complete": False,
        "progress": 0.0,
        "speed": 0.0,
        "error": False,
        "duration": int(node.data.get("duration", 0)),
        "context": "streaming",
        "sourceVideoCodec": media.get("videoCodec", ""),
        "sourceAudioCodec": media.get("audioCodec", ""),
        "videoDecision": "copy" if kind == "video" else None,
        "audioDecision": "copy",
        "protocol": request.query_params.get("protocol", "hls"),
        "container": media.get("container", ""),
        "videoCodec": media.get("videoCodec"),
        "audioCodec": media.get("audioCodec", ""),
        "audioChannels": media.get("audioChannels", 2),
        "transcodeHwRequested": False,
    }
    with library.lock:
        library.transcodes[key] = {k: v for k, v in session.items() if v is not None}
    seconds = int(node.data.get("duration", 0)) / 1000
    if str(request.path_params["ext"]) == "mpd":
        manifest = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" '
            f'mediaPresentationDuration="PT{seconds:.3f}S" '
            'profiles="urn:mpeg:dash:profile:isoff-live:2011">'
            f'<Period><AdaptationSet><Representation id="0"><BaseURL>{part["key"]}</BaseURL>'
            "</Representation></AdaptationSet></Period></MPD>\n"
        )
        return Response(manifest, media_type="application/dash+xml")
    playlist = (
        "#EXTM3U\n#EXT-X-VERSION:3\n"
        f"#EXT-X-TARGETDURATION:{int(seconds) + 1}\n#EXT-X-MEDIA-SEQUENCE:0\n"
        f"#EXTINF:{seconds:.3f},\n{part['key']}\n#EXT-X-ENDLIST\n"
    )
    return Response(playlist, media_type="application/vnd.apple.mpegurl")


def _sessions(request: Request) -> list[Wire]:
    library = context(request).library
    playing = [s["TranscodeSession"] for s in library.sessions if "TranscodeSession" in s]
    return [*playing, *library.transcodes.values()]


async def sessions(request: Request) -> Response:
    """``GET /transcode/sessions``: every running transcode."""
    items = _sessions(request)
    mc: Wire = {"size": len(items)}
    if items:
        mc["TranscodeSession"] = items
    return container(request, mc)


async def session(request: Request) -> Response:
    """``GET /transcode/sessions/{key}``: one, or an empty container (as PMS answers)."""
    wanted = str(request.path_params["key"])
    items = [s for s in _sessions(request) if str(s["key"]).rpartition("/")[2] == wanted]
    mc: Wire = {"size": len(items)}
    if items:
        mc["TranscodeSession"] = items
    return container(request, mc)


async def stop(request: Request) -> Response:
    """``DELETE /transcode/sessions/{key}`` or ``.../transcode/universal/stop?session=``."""
    library = context(request).library
    key = str(request.path_params.get("key") or request.query_params.get("session", ""))
    with library.lock:
        if library.transcodes.pop(key, None) is None:
            raise HTTPError(404, "no such transcode session")
    return Response(status_code=200)


routes: list[BaseRoute] = [
    Route("/{kind:str}/:/transcode/universal/decision", decision),
    Route("/{kind:str}/:/transcode/universal/start.{ext:str}", start),
    Route("/{kind:str}/:/transcode/universal/stop", stop),
    Route("/transcode/sessions", sessions),
    Route("/transcode/sessions/{key}", session, methods=["GET"]),
    Route("/transcode/sessions/{key}", stop, methods=["DELETE"]),
]
