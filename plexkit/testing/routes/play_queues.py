"""Play queues: ``POST /playQueues?uri=|playlistID=&type=&key=&shuffle=&continuous=``,
``GET /playQueues/{id}?window=&center=``, ``PUT /playQueues/{id}?uri=|playlistID=&next=``
(add), ``DELETE /playQueues/{id}/items[/{itemID}]``, ``PUT .../items/{itemID}/move?after=``,
``PUT .../shuffle``, ``.../unshuffle`` and ``.../reset``.

Every answer is the queue's container. Its attributes follow the capture
``home-assistant-core/playqueue_1234.xml`` (``identifier``, ``mediaTagPrefix``,
``mediaTagVersion``, ``playQueue*``) and the spec's ``playQueue*`` examples (``createPlayQueue``,
``shuffle``). ``playQueueSourceURI`` is "the original URI used to create the play queue" (the
spec): a ``library://`` uri as given (the capture echoes python-plexapi's unquoted
``library://UUID/item//library/metadata/100``), other uris in the spec's quoted form,
``library://UUID/item/%2Flibrary%2Fmetadata%2F1906642``, a playlist (``playlistID=``) quoted
alike as ``library://UUID/directory/%2Fplaylists%2FN%2Fitems``; ``playQueueSelectedItemOffset``
is where the selected entry is in the whole queue, not in the window shown. Entries are full
items (with ``Media``/``Part``/``Stream``, as in the capture) plus their ``playQueueItemID``.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.models.item_types import PLAYLIST_TYPES
from plexkit.testing import played
from plexkit.testing.library import FakeLibrary
from plexkit.testing.play_queue import PlayQueue
from plexkit.testing.respond import HTTPError, account_id, container, context, flag, selector
from plexkit.testing.routes.playlists import playable_leaves, resolve_uri
from plexkit.testing.store import Node
from plexkit.testing.views import detail
from plexkit.testing.wire import MEDIA_TAG_PREFIX, MEDIA_TAG_VERSION, Wire

_WINDOW = 50
"""Entries PMS shows on each side of the centre unless ``window`` says otherwise."""


def _source(request: Request) -> tuple[str, list[Node]]:
    """What ``uri=`` or ``playlistID=`` names: the source URI PMS reports and its items."""
    library = context(request).library
    q = request.query_params
    if "playlistID" in q:
        playlist = library.node(q["playlistID"])
        if playlist is None or playlist.kind != "playlist":
            raise HTTPError(404, "no such playlist")
        nodes = library.playlist_items(playlist, selector(request))
        return _playlist_uri(library, playlist, nodes), nodes
    given = q.get("uri", "")
    target = resolve_uri(request, given)
    if not target.items:
        raise HTTPError(400, "a play queue needs items or a playlist")
    members = [
        member
        for node in target.items
        for member in (
            library.collection_items(node, selector(request))
            if node.kind == "collection"
            else [node]
        )
    ]
    nodes = playable_leaves(library, members)
    if given.strip().startswith("library://"):
        return given.strip(), nodes
    first = target.items[0]
    if len(target.items) == 1:
        uuid = library.sections[first.section_key].uuid
        return f"library://{uuid}/item/{quote(str(first.data['key']), safe='')}", nodes
    keys = ",".join(str(n.rating_key) for n in target.items)
    return f"library:///directory/{quote(f'/library/metadata/{keys}', safe='')}", nodes


def _playlist_uri(library: FakeLibrary, playlist: Node, nodes: list[Node]) -> str:
    """``library://UUID/directory/%2Fplaylists%2FN%2Fitems``: the UUID of the section all the
    playlist's items are in (none, ``library:///``, when they span sections or it is empty)."""
    sections = {node.section_key for node in nodes}
    section = library.sections.get(sections.pop()) if len(sections) == 1 else None
    uuid = section.uuid if section is not None else ""
    path = quote(f"/playlists/{playlist.rating_key}/items", safe="")
    return f"library://{uuid}/directory/{path}"


def _continuous(request: Request, nodes: list[Node]) -> list[Node]:
    """``continuous=1`` on one episode or track: it and what follows it in the show/album."""
    parent = nodes[0].parent if len(nodes) == 1 else None
    if not flag(request, "continuous") or parent is None:
        return nodes
    node = nodes[0]
    top = parent.parent if node.kind == "episode" and parent.parent is not None else parent
    siblings = context(request).library.leaves(top)
    return siblings[siblings.index(node) :] if node in siblings else nodes


def _queue(request: Request) -> PlayQueue:
    queue = context(request).play_queues.get(int(request.path_params["id"]))
    if queue is None:
        raise HTTPError(404, "no such play queue")
    return queue


def _item_id(raw: str | int | None) -> int:
    try:
        return int(str(raw))
    except ValueError:
        raise HTTPError(400, "play queue item ids are integers") from None


def _window(request: Request, queue: PlayQueue) -> list[tuple[int, Node]]:
    """The entries ``window``/``center``/``includeBefore``/``includeAfter`` ask for."""
    q = request.query_params
    window = _item_id(q.get("window", _WINDOW))
    center = _item_id(q["center"]) if "center" in q else queue.selected
    try:
        at = queue.position(center)
    except ValueError:
        at = 0
    before = queue.entries[max(0, at - window) : at] if q.get("includeBefore", "1") != "0" else []
    after = queue.entries[at + 1 : at + 1 + window] if q.get("includeAfter", "1") != "0" else []
    return before + queue.entries[at : at + 1] + after


def _answer(request: Request, queue: PlayQueue) -> Response:
    library, account = context(request).library, account_id(request)
    shown = _window(request, queue)
    selected = next((n for i, n in queue.entries if i == queue.selected), None)
    mc: Wire = {
        "size": len(shown),
        "identifier": "com.plexapp.plugins.library",
        "mediaTagPrefix": MEDIA_TAG_PREFIX,
        "mediaTagVersion": MEDIA_TAG_VERSION,
        "playQueueID": queue.id,
        "playQueueLastAddedItemID": queue.last_added,
        "playQueueSelectedItemID": queue.selected if selected is not None else None,
        "playQueueSelectedItemOffset": queue.selected_offset(),
        "playQueueSelectedMetadataItemID": selected.rating_key if selected else None,
        "playQueueShuffled": queue.shuffled,
        "playQueueSourceURI": queue.source_uri,
        "playQueueTotalCount": len(queue.entries),
        "playQueueVersion": queue.version,
    }
    if shown:
        mc["Metadata"] = [
            {**played.personal(library, account, detail(library, n)), "playQueueItemID": i}
            for i, n in shown
        ]
    return container(request, {k: v for k, v in mc.items() if v is not None})


async def create(request: Request) -> Response:
    """``POST /playQueues``: a queue of an item, a list of items or a playlist."""
    kind = request.query_params.get("type", "")
    if kind not in ("video", "audio", "photo"):
        raise HTTPError(400, "type must be video, audio or photo")
    uri, nodes = _source(request)
    nodes = _continuous(request, nodes)
    if any(PLAYLIST_TYPES[n.kind] != kind for n in nodes):
        raise HTTPError(400, f"only {kind} items can be in a {kind} play queue")
    library = context(request).library
    start = None
    if "key" in request.query_params:
        start = library.node(request.query_params["key"].rsplit("/", 1)[-1])
    queue = context(request).play_queues.create(uri, nodes, start)
    if flag(request, "shuffle"):
        queue.shuffle(bump=False)
    return _answer(request, queue)


async def get(request: Request) -> Response:
    """``GET /playQueues/{id}``: the queue around its selected (or ``center``) entry."""
    return _answer(request, _queue(request))


async def add(request: Request) -> Response:
    """``PUT /playQueues/{id}?uri=|playlistID=&next=0|1``: queue more items."""
    queue = _queue(request)
    _, nodes = _source(request)
    entries = context(request).play_queues.entries(nodes)
    with context(request).play_queues.lock:
        queue.add(entries, after_selected=flag(request, "next"))
    return _answer(request, queue)


async def remove(request: Request) -> Response:
    """``DELETE /playQueues/{id}/items/{itemID}``: drop one entry (404 if not queued)."""
    queue = _queue(request)
    with context(request).play_queues.lock:
        try:
            queue.remove(_item_id(request.path_params["item"]))
        except ValueError:
            raise HTTPError(404, "no such play queue item") from None
    return _answer(request, queue)


async def clear(request: Request) -> Response:
    """``DELETE /playQueues/{id}/items``: remove every entry."""
    queue = _queue(request)
    with context(request).play_queues.lock:
        queue.clear()
    return _answer(request, queue)


async def move(request: Request) -> Response:
    """``PUT /playQueues/{id}/items/{itemID}/move?after=``: to the front, or after ``after``."""
    queue = _queue(request)
    after = request.query_params.get("after")
    with context(request).play_queues.lock:
        try:
            queue.move(_item_id(request.path_params["item"]), _item_id(after) if after else None)
        except ValueError:
            raise HTTPError(404, "no such play queue item") from None
    return _answer(request, queue)


async def reorder(request: Request) -> Response:
    """``PUT /playQueues/{id}/shuffle``, ``/unshuffle`` and ``/reset`` (first entry selected)."""
    queue = _queue(request)
    action = request.url.path.rsplit("/", 1)[-1]
    with context(request).play_queues.lock:
        if action == "shuffle":
            queue.shuffle()
        elif action == "unshuffle":
            queue.unshuffle()
        elif queue.entries:
            queue.selected = queue.entries[0][0]
            queue.version += 1
    return _answer(request, queue)


routes: list[BaseRoute] = [
    Route("/playQueues", create, methods=["POST"]),
    Route("/playQueues/{id:int}", get, methods=["GET"]),
    Route("/playQueues/{id:int}", add, methods=["PUT"]),
    Route("/playQueues/{id:int}/items", clear, methods=["DELETE"]),
    Route("/playQueues/{id:int}/items/{item}", remove, methods=["DELETE"]),
    Route("/playQueues/{id:int}/items/{item}/move", move, methods=["PUT"]),
    Route("/playQueues/{id:int}/shuffle", reorder, methods=["PUT"]),
    Route("/playQueues/{id:int}/unshuffle", reorder, methods=["PUT"]),
    Route("/playQueues/{id:int}/reset", reorder, methods=["PUT"]),
]
