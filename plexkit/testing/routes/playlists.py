"""Playlist endpoints: list, get, items, and the writes python-plexapi and the PMS spec use:
``POST /playlists?uri=&type=&title=&smart=`` (from items, or smart from a section query),
``PUT /playlists/{id}/items?uri=`` (add; for a smart playlist: new filter),
``DELETE /playlists/{id}/items/{playlistItemID}``, ``PUT .../{playlistItemID}/move?after=``,
``PUT /playlists/{id}?title=&summary=`` and ``DELETE /playlists/{id}``.

Writes answer with the playlist's container, like PMS (spec ``createPlaylist`` example); a
smart playlist's ``content`` is ``library://SECTION-UUID/directory/<quoted query>``, the form
PMS stores.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.models.item_types import PLAYLIST_TYPES
from plexkit.testing import played, uris
from plexkit.testing.library import FakeLibrary
from plexkit.testing.respond import HTTPError, account_id, container, context, paged, selector
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
    """``GET /playlists/{id}``: counted as the requesting account sees a smart playlist."""
    library = context(request).library
    item = played.personal(library, account_id(request), _playlist(request).data)
    return container(request, {"size": 1, "Metadata": [item]})


async def playlist_items(request: Request) -> Response:
    """``GET /playlists/{id}/items``: the entries, each with its ``playlistItemID``."""
    library = context(request).library
    node = _playlist(request)
    entries = list(zip(node.item_ids, library.playlist_items(node, selector(request)), strict=True))

    def render(entry: tuple[int, Node]) -> Wire:
        item_id, item = entry
        return {"playlistItemID": item_id, **row(library, item, section_fields=True)}

    data = played.personal(library, account_id(request), node.data)
    attrs: Wire = {
        "composite": node.data.get("composite"),
        "duration": data.get("duration"),
        "leafCount": data.get("leafCount"),
        "playlistType": node.data.get("playlistType"),
        "ratingKey": node.data["ratingKey"],
        "smart": node.data.get("smart"),
        "title": node.data["title"],
    }
    return paged(request, attrs, entries, render)


_TYPES = {"video", "audio", "photo"}
_PLAYABLE = frozenset({"movie", "episode", "clip", "track", "photo"})
"""The kinds a playlist holds itself (their playlist type: `PLAYLIST_TYPES`)."""


def resolve_uri(request: Request, uri: str) -> uris.Target:
    try:
        return uris.resolve(context(request).library, uri)
    except uris.UriError as exc:
        raise HTTPError(exc.status, str(exc)) from None


def playable_leaves(library: FakeLibrary, nodes: list[Node]) -> list[Node]:
    """Playlists and play queues hold playable items: a show or album adds its episodes or
    tracks (400 for what cannot be played)."""
    out: list[Node] = []
    for node in nodes:
        if node.kind in _PLAYABLE:
            out.append(node)
        elif node.kind in ("show", "season", "artist", "album", "photoalbum"):
            out.extend(playable_leaves(library, library.leaves(node)))
        else:
            raise HTTPError(400, f"a {node.kind} cannot be added to a playlist")
    return out


def _refresh(library: FakeLibrary, node: Node) -> None:
    entries = library.playlist_items(node)
    node.data["leafCount"] = len(entries)
    node.data["duration"] = sum(int(n.data.get("duration", 0)) for n in entries)
    node.data["updatedAt"] = library.now()
    node.touch()
    library.changed()


def _answer(request: Request, node: Node) -> Response:
    return container(request, {"size": 1, "Metadata": [node.data]})


async def create(request: Request) -> Response:
    """``POST /playlists?uri=&type=video|audio|photo&title=&smart=0|1``."""
    q = request.query_params
    library = context(request).library
    title = q.get("title", "").strip()
    if not title:
        raise HTTPError(400, "title is required")
    kind = q.get("type", "")
    if kind not in _TYPES:
        raise HTTPError(400, "type must be video, audio or photo")
    target = resolve_uri(request, q.get("uri", ""))
    smart = q.get("smart", "0") not in ("0", "", "false")
    with library.lock:
        if smart:
            if target.section is None or target.query is None:
                raise HTTPError(400, "a smart playlist needs a section query uri")
            node = library.add_playlist(
                title, [], playlist_type=kind, added_at=library.now(), smart=True
            )
            node.smart_query = target.query
            node.data["content"] = uris.content(target.section, target.query)
            node.data["icon"] = "playlist://image.smart"
        else:
            if not target.items:
                raise HTTPError(400, "a playlist needs items")
            items = playable_leaves(library, target.items)
            if any(PLAYLIST_TYPES[n.kind] != kind for n in items):
                raise HTTPError(400, f"only {kind} items can be in a {kind} playlist")
            node = library.add_playlist(title, items, playlist_type=kind, added_at=library.now())
        _refresh(library, node)
    return _answer(request, node)


async def edit(request: Request) -> Response:
    """``PUT /playlists/{id}?title=&summary=`` (python-plexapi sends ``title.value=``)."""
    node = _playlist(request)
    library = context(request).library
    q = request.query_params
    with library.lock:
        for name in ("title", "summary"):
            value = q.get(name, q.get(f"{name}.value"))
            if value is not None:
                node.data[name] = value
        _refresh(library, node)
    return Response(status_code=200)


async def delete(request: Request) -> Response:
    """``DELETE /playlists/{id}``."""
    node = _playlist(request)
    library = context(request).library
    with library.lock:
        library.playlists.remove(node)
        library.nodes.pop(node.rating_key, None)
        library.changed()
    return Response(status_code=200)


async def add_items(request: Request) -> Response:
    """``PUT /playlists/{id}/items?uri=``: append items (smart playlist: replace its filter)."""
    node = _playlist(request)
    library = context(request).library
    target = resolve_uri(request, request.query_params.get("uri", ""))
    with library.lock:
        if node.smart_query is not None:
            if target.section is None or target.query is None:
                raise HTTPError(400, "a smart playlist takes a section query uri")
            node.smart_query = target.query
            node.data["content"] = uris.content(target.section, target.query)
        else:
            items = playable_leaves(library, target.items)
            kind = node.data["playlistType"]
            if any(PLAYLIST_TYPES[n.kind] != kind for n in items):
                raise HTTPError(400, f"only {kind} items can be in a {kind} playlist")
            node.children.extend(items)
            node.item_ids.extend(library.next_id("playlistItem") for _ in items)
        _refresh(library, node)
    return _answer(request, node)


def _position(node: Node, raw: str) -> int:
    try:
        return node.item_ids.index(int(raw))
    except ValueError:
        raise HTTPError(404, "no such playlist item") from None


def _dumb(node: Node) -> None:
    if node.smart_query is not None:
        raise HTTPError(400, "a smart playlist's items come from its filter")


async def remove_item(request: Request) -> Response:
    """``DELETE /playlists/{id}/items/{playlistItemID}``."""
    node = _playlist(request)
    _dumb(node)
    library = context(request).library
    with library.lock:
        index = _position(node, request.path_params["item"])
        del node.children[index]
        del node.item_ids[index]
        _refresh(library, node)
    return _answer(request, node)


async def move_item(request: Request) -> Response:
    """``PUT /playlists/{id}/items/{playlistItemID}/move?after=``: no ``after``: to the top."""
    node = _playlist(request)
    _dumb(node)
    library = context(request).library
    with library.lock:
        index = _position(node, request.path_params["item"])
        after = request.query_params.get("after")
        if after is not None:
            _position(node, after)
        item, item_id = node.children.pop(index), node.item_ids.pop(index)
        at = 0 if after is None else _position(node, after) + 1
        node.children.insert(at, item)
        node.item_ids.insert(at, item_id)
        _refresh(library, node)
    return _answer(request, node)


routes: list[BaseRoute] = [
    Route("/playlists", playlists, methods=["GET"]),
    Route("/playlists", create, methods=["POST"]),
    Route("/playlists/all", playlists, methods=["GET"]),
    Route("/playlists/{id}", playlist, methods=["GET"]),
    Route("/playlists/{id}", edit, methods=["PUT"]),
    Route("/playlists/{id}", delete, methods=["DELETE"]),
    Route("/playlists/{id}/items", playlist_items, methods=["GET"]),
    Route("/playlists/{id}/items", add_items, methods=["PUT"]),
    Route("/playlists/{id}/items/{item}", remove_item, methods=["DELETE"]),
    Route("/playlists/{id}/items/{item}/move", move_item, methods=["PUT"]),
]
