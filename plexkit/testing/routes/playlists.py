"""Playlist endpoints: ``/playlists``, ``/playlists/{id}`` and ``/playlists/{id}/items``."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.respond import HTTPError, container, context, paged
from plexkit.testing.store import Node
from plexkit.testing.views import row
from plexkit.testing.wire import Wire


async def playlists(request: Request) -> Response:
    """``GET /playlists?playlistType=&smart=&title=``."""
    q = request.query_params
    nodes = list(context(request).library.playlists)
    if "playlistType" in q:
        nodes = [n for n in nodes if n.data.get("playlistType") == q["playlistType"]]
    if "smart" in q:
        smart = q["smart"] not in ("0", "false")
        nodes = [n for n in nodes if bool(n.data.get("smart")) == smart]
    if "title" in q:
        nodes = [n for n in nodes if q["title"].casefold() in str(n.data["title"]).casefold()]
    return paged(request, {}, nodes, lambda node: node.data)


def _playlist(request: Request) -> Node:
    node = context(request).library.node(request.path_params["id"])
    if node is None or node.kind != "playlist":
        raise HTTPError(404, "no such playlist")
    return node


async def playlist(request: Request) -> Response:
    """``GET /playlists/{id}``."""
    return container(request, {"size": 1, "Metadata": [_playlist(request).data]})


async def playlist_items(request: Request) -> Response:
    """``GET /playlists/{id}/items``: the entries, each with its ``playlistItemID``."""
    library = context(request).library
    node = _playlist(request)
    entries = list(zip(node.item_ids, node.children, strict=True))

    def render(entry: tuple[int, Node]) -> Wire:
        item_id, item = entry
        return {"playlistItemID": item_id, **row(library, item, section_fields=True)}

    attrs: Wire = {
        "composite": node.data.get("composite"),
        "duration": node.data.get("duration"),
        "leafCount": node.data.get("leafCount"),
        "playlistType": node.data.get("playlistType"),
        "ratingKey": node.data["ratingKey"],
        "smart": node.data.get("smart"),
        "title": node.data["title"],
    }
    return paged(request, attrs, entries, render)


routes: list[BaseRoute] = [
    Route("/playlists", playlists),
    Route("/playlists/{id}", playlist),
    Route("/playlists/{id}/items", playlist_items),
]
