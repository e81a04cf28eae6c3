"""Media files and providers: ``GET``/``HEAD /library/parts/{id}/{ts}/file.ext`` (the part's
bytes, with HTTP ``Range`` requests answered ``206`` and ``Content-Range`` as PMS does) and
``GET /media/providers`` (the library provider with one ``Directory`` per section).

The fake has no real files: a part's bytes are a deterministic pattern, as long as its
``size`` says, so a download can be checked byte for byte. ``?download=1`` adds a
``Content-Disposition: attachment`` with the file's name. Provider shape:
``plex-api.rs/server/media/providers_free.json``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import AsyncIterator

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from plexkit.testing.library import FakeLibrary
from plexkit.testing.respond import HTTPError, container, context, flag
from plexkit.testing.routes.server import ROOT_ONLY, server_attrs
from plexkit.testing.store import Section
from plexkit.testing.wire import Wire

_CHUNK = 64 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_TYPES = {
    "mkv": "video/x-matroska",
    "mp4": "video/mp4",
    "avi": "video/x-msvideo",
    "mp3": "audio/mpeg",
    "flac": "audio/flac",
    "m4a": "audio/mp4",
    "jpg": "image/jpeg",
    "png": "image/png",
}


def find_part(library: FakeLibrary, part_id: int) -> Wire | None:
    """The ``Part`` with this id, from any item's ``Media``."""
    for node in list(library.nodes.values()):
        for media in node.data.get("Media", ()):
            for part in media.get("Part", ()):
                if part.get("id") == part_id:
                    return dict(part)
    return None


def pattern(part: Wire) -> bytes:
    """The 4 KiB block a part's fake bytes repeat (derived from its ``key``)."""
    seed = hashlib.sha256(str(part["key"]).encode()).digest()
    return (seed * (4096 // len(seed) + 1))[:4096]


def content(part: Wire, start: int, end: int) -> bytes:
    """Bytes ``start``..``end`` (inclusive) of a part."""
    block = pattern(part)
    first = start // len(block)
    last = end // len(block)
    data = block * (last - first + 1)
    offset = start - first * len(block)
    return data[offset : offset + end - start + 1]


def _byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """``(start, end)`` of a single ``Range`` header, None for the whole file; 416 if bad."""
    if header is None:
        return None
    match = _RANGE.match(header.strip())
    if match is None or (not match.group(1) and not match.group(2)):
        raise _Unsatisfiable()
    first, last = match.groups()
    if not first:
        length = int(last)
        if length == 0:
            raise _Unsatisfiable()
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        raise _Unsatisfiable()
    return start, end


class _Unsatisfiable(Exception):
    pass


async def part_file(request: Request) -> Response:
    """``GET /library/parts/{id}/{ts}/{name}``: the file, whole or the asked byte range."""
    library = context(request).library
    part = find_part(library, int(request.path_params["id"]))
    if part is None or not str(part["key"]).startswith(
        f"/library/parts/{request.path_params['id']}/{request.path_params['ts']}/"
    ):
        raise HTTPError(404, "no such part")
    size = int(part.get("size") or 0)
    ext = str(request.path_params["name"]).rpartition(".")[2]
    headers = {
        "Accept-Ranges": "bytes",
        "Content-Type": _TYPES.get(ext, "application/octet-stream"),
    }
    if flag(request, "download"):
        name = str(part.get("file", "file")).rpartition("/")[2]
        headers["Content-Disposition"] = f'attachment; filename="{name}"'
    try:
        span = _byte_range(request.headers.get("range"), size)
    except _Unsatisfiable:
        return Response(status_code=416, headers={"Content-Range": f"bytes */{size}"})
    status = 200
    start, end = 0, size - 1
    if span is not None:
        start, end = span
        status = 206
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    headers["Content-Length"] = str(max(end - start + 1, 0))
    if request.method == "HEAD" or size == 0:
        return Response(status_code=status, headers=headers)

    async def body() -> AsyncIterator[bytes]:
        at = start
        while at <= end:
            stop = min(at + _CHUNK - 1, end)
            yield content(part, at, stop)
            at = stop + 1

    return StreamingResponse(body(), status_code=status, headers=headers)


_FEATURES: tuple[Wire, ...] = (
    {"key": "/hubs/search", "type": "search"},
    {"key": "/library/matches", "type": "match"},
    {"key": "/library/metadata", "type": "metadata"},
    {"key": "/:/rate", "type": "rate"},
    {"key": "/photo/:/transcode", "type": "imagetranscoder"},
    {"key": "/hubs/promoted", "type": "promoted"},
    {"key": "/hubs/continueWatching", "type": "continuewatching"},
    {
        "key": "/actions",
        "type": "actions",
        "Action": [
            {
                "id": "removeFromContinueWatching",
                "key": "/actions/removeFromContinueWatching",
            }
        ],
    },
    {"flavor": "universal", "key": "/playlists", "type": "playlist"},
    {"flavor": "universal", "key": "/playQueues", "type": "playqueue"},
    {"key": "/library/collections", "type": "collection"},
    {
        "scrobbleKey": "/:/scrobble",
        "unscrobbleKey": "/:/unscrobble",
        "key": "/:/timeline",
        "type": "timeline",
    },
    {"type": "manage"},
    {"type": "queryParser"},
    {"flavor": "download", "type": "subscribe"},
)
"""The library provider's features after its content directory (``/media/providers``)."""


async def providers(request: Request) -> Response:
    """``GET /media/providers``: the server's capabilities and identity (the attributes of
    ``/``, as plex-api.rs/server/media/providers_*.json show) and its library provider."""
    library = context(request).library
    directories: list[Wire] = [{"hubKey": "/hubs", "title": "Home"}]
    directories += [_provider_directory(section) for section in library.sections.values()]
    provider: Wire = {
        "identifier": "com.plexapp.plugins.library",
        "title": "Library",
        "types": "video,audio,photo",
        "protocols": "stream,download",
        "Feature": [
            {"key": "/library/sections", "type": "content", "Directory": directories},
            *_FEATURES,
        ],
    }
    attrs = {k: v for k, v in server_attrs(library).items() if k not in ROOT_ONLY}
    mc: Wire = {"size": 1, **attrs, "MediaProvider": [provider]}
    return container(request, mc)


def _provider_directory(section: Section) -> Wire:
    """A section as the library provider's content lists it, with its two pivots."""
    return {
        "agent": section.data.get("agent"),
        "language": section.data.get("language"),
        "refreshing": False,
        "scanner": section.data.get("scanner"),
        "uuid": section.uuid,
        "id": str(section.key),
        "key": f"/library/sections/{section.key}",
        "hubKey": f"/hubs/sections/{section.key}",
        "type": section.kind,
        "title": section.title,
        "updatedAt": section.data.get("updatedAt"),
        "scannedAt": section.data.get("scannedAt"),
        "Pivot": [
            {
                "id": "recommended",
                "key": f"/hubs/sections/{section.key}",
                "type": "hub",
                "title": "Recommended",
                "context": "content.discover",
                "symbol": "star",
            },
            {
                "id": "library",
                "key": f"/library/sections/{section.key}/all?type={section.root_type}",
                "type": "list",
                "title": "Library",
                "context": "content.library",
                "symbol": "library",
            },
        ],
    }


routes: list[BaseRoute] = [
    Route("/library/parts/{id:int}/{ts:int}/{name}", part_file, methods=["GET", "HEAD"]),
    Route("/media/providers", providers),
]
