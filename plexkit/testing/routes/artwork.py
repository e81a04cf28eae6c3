"""Posters and backgrounds: ``/library/metadata/{id}/posters`` and ``/arts`` (list, upload by
``?url=`` or raw body), ``/poster`` and ``/art`` (select), ``/file`` (an uploaded image).

Like PMS, an upload the server cannot use answers HTTP 500: a URL it cannot fetch (the fake
cannot reach hosts under the reserved ``.invalid`` TLD, ``.unreachable``, or ``file:``/other
schemes) or whose content is not an image (a path ending in ``.txt``, ``.html``, ...), and a
body that is not an image (JPEG, PNG, GIF, WebP or BMP by its first bytes). An upload becomes
the selected artwork and gives the item a new ``thumb``/``art`` timestamp.
"""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Literal
from urllib.parse import quote, urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.images import png
from plexkit.testing.library import FakeLibrary
from plexkit.testing.render import XML_TYPE, to_xml
from plexkit.testing.respond import HTTPError, container, context, error_page, wants_json
from plexkit.testing.store import Node
from plexkit.testing.wire import MEDIA_TAG_PREFIX, MEDIA_TAG_VERSION, Wire

Kind = Literal["poster", "art"]
Handler = Callable[[Request], Awaitable[Response]]
_FIELD: dict[Kind, str] = {"poster": "thumb", "art": "art"}
_IMAGE_TYPE: dict[Kind, str] = {"poster": "coverPoster", "art": "background"}
_UNREACHABLE = (".invalid", ".unreachable")
_NOT_IMAGES = frozenset({".txt", ".html", ".htm", ".json", ".xml", ".pdf", ".mp4", ".mkv", ".zip"})
_PROVIDERS = {"movie": "tmdb", "show": "tvdb"}  # image sources, as in every capture
MAX_UPLOAD = 10 * 1024 * 1024


@dataclass
class ItemArtwork:
    """The posters and backgrounds one item can show, and uploaded bytes by rating key."""

    posters: list[Wire] = field(default_factory=list)
    arts: list[Wire] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)

    def entries(self, kind: Kind) -> list[Wire]:
        """The list for ``kind``."""
        return self.posters if kind == "poster" else self.arts


_ARTWORK: weakref.WeakKeyDictionary[Node, ItemArtwork] = weakref.WeakKeyDictionary()


def artwork_of(node: Node) -> ItemArtwork:
    """The item's artwork, starting with two agent images of each kind (the first selected)."""
    found = _ARTWORK.get(node)
    if found is None:
        found = ItemArtwork()
        provider = _PROVIDERS.get(node.kind, "gracenote")
        for kind in ("poster", "art"):
            for number in range(2):
                digest = hashlib.sha1(f"{node.data.get('guid')}:{kind}:{number}".encode())
                url = f"https://metadata-static.plex.tv/{kind}s/{digest.hexdigest()[:24]}.jpg"
                found.entries(kind).append(
                    {
                        "key": url,
                        "ratingKey": url,
                        "selected": number == 0,
                        "thumb": url,
                        "provider": provider,
                    }
                )
        _ARTWORK[node] = found
    return found


def is_image(data: bytes) -> bool:
    """True for bytes that start like an image PMS can decode."""
    return data.startswith(
        (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"BM")
    ) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def fetchable(url: str) -> bool:
    """True when the fake "can download" ``url`` and finds an image there."""
    parts = urlsplit(url)
    host = (parts.hostname or "").casefold()
    if parts.scheme not in ("http", "https") or not host or host.endswith(_UNREACHABLE):
        return False
    return PurePosixPath(parts.path).suffix.casefold() not in _NOT_IMAGES


def _node(request: Request) -> Node:
    node = context(request).library.node(request.path_params["id"])
    if node is None:
        raise HTTPError(404, "no such item")
    return node


_LISTING: Wire = {
    "identifier": "com.plexapp.plugins.library",
    "mediaTagPrefix": MEDIA_TAG_PREFIX,
    "mediaTagVersion": MEDIA_TAG_VERSION,
}
"""Container attributes of ``/posters`` and ``/arts`` (plex-api-spec's get-media-arts)."""


def _listing(request: Request, entries: list[Wire]) -> Response:
    """JSON lists them as ``Metadata``; XML as ``<Photo>`` elements, like PMS."""
    mc: Wire = {"size": len(entries), **_LISTING}
    if wants_json(request):
        return container(request, {**mc, "Metadata": entries})
    return Response(to_xml({**mc, "Photo": entries}), media_type=XML_TYPE)


def _select(library: FakeLibrary, node: Node, kind: Kind, rating_key: str) -> None:
    """Show the entry ``rating_key``: mark it selected, give the item a new image URL."""
    entries = artwork_of(node).entries(kind)
    if not any(e["ratingKey"] == rating_key for e in entries):
        raise HTTPError(404, f"no such {kind}")
    name = _FIELD[kind]
    with library.lock:
        for entry in entries:
            entry["selected"] = entry["ratingKey"] == rating_key
        old = str(node.data.get(name, "")).rsplit("/", 1)[-1]
        stamp = max(library.now(), (int(old) + 1) if old.isdigit() else 0)
        url = f"/library/metadata/{node.rating_key}/{name}/{stamp}"
        node.data[name] = url
        for image in node.data.get("Image", ()):
            if image.get("type") == _IMAGE_TYPE[kind]:
                image["url"] = url
        node.data["updatedAt"] = max(library.now(), int(node.data.get("updatedAt", 0)))
        node.touch()
        library.changed()
    library.notifier.timeline(node.data, node.type_number)


def _add_upload(node: Node, kind: Kind, source: str, data: bytes | None) -> str:
    art = artwork_of(node)
    digest = hashlib.sha1(data if data is not None else source.encode()).hexdigest()
    rating_key = f"upload://{kind}s/{digest}"
    key = f"/library/metadata/{node.rating_key}/file?url={quote(rating_key, safe='')}"
    entries = art.entries(kind)
    if not any(e["ratingKey"] == rating_key for e in entries):
        entries.append(
            {"key": key, "ratingKey": rating_key, "selected": False, "thumb": key, "provider": None}
        )
    if data is not None:
        art.files[rating_key] = data
    return rating_key


def _list(kind: Kind) -> Handler:
    async def handler(request: Request) -> Response:
        return _listing(request, artwork_of(_node(request)).entries(kind))

    return handler


def _upload(kind: Kind) -> Handler:
    async def handler(request: Request) -> Response:
        """``POST .../posters?url=`` or with the image as the body."""
        library = context(request).library
        node = _node(request)
        url = request.query_params.get("url")
        if url:
            if not fetchable(url):
                return error_page(500)
            rating_key = _add_upload(node, kind, url, None)
        else:
            body = await request.body()
            if not body:
                raise HTTPError(400, "url or an image body is required")
            if len(body) > MAX_UPLOAD or not is_image(body):
                return error_page(500)
            rating_key = _add_upload(node, kind, "", body)
        _select(library, node, kind, rating_key)
        return Response(status_code=200)

    return handler


def _choose(kind: Kind) -> Handler:
    async def handler(request: Request) -> Response:
        """``PUT .../poster?url=<ratingKey>``: select one of the item's images."""
        url = request.query_params.get("url")
        if not url:
            raise HTTPError(400, "url is required")
        _select(context(request).library, _node(request), kind, url)
        return Response(status_code=200)

    return handler


async def uploaded_file(request: Request) -> Response:
    """``GET /library/metadata/{id}/file?url=upload://...``: an uploaded image."""
    node = _node(request)
    rating_key = request.query_params.get("url", "")
    art = artwork_of(node)
    data = art.files.get(rating_key)
    if data is None:
        if not any(e["ratingKey"] == rating_key for e in art.posters + art.arts):
            raise HTTPError(404, "no such file")
        data = png(300, 450, rating_key)
    return Response(data, media_type="image/png" if data.startswith(b"\x89PNG") else "image/jpeg")


routes: list[BaseRoute] = [
    Route("/library/metadata/{id}/posters", _list("poster"), methods=["GET"]),
    Route("/library/metadata/{id}/posters", _upload("poster"), methods=["POST", "PUT"]),
    Route("/library/metadata/{id}/arts", _list("art"), methods=["GET"]),
    Route("/library/metadata/{id}/arts", _upload("art"), methods=["POST", "PUT"]),
    Route("/library/metadata/{id}/poster", _choose("poster"), methods=["PUT"]),
    Route("/library/metadata/{id}/art", _choose("art"), methods=["PUT"]),
    Route("/library/metadata/{id}/file", uploaded_file),
]
