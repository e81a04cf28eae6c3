"""Collection writes: ``POST /library/collections?type=&title=&smart=&sectionId=&uri=``
(regular from items, smart from a section query), ``PUT /library/collections/{id}/items?uri=``,
``DELETE /library/collections/{id}/items/{ratingKey}``, ``PUT .../items/{ratingKey}/move?after=``,
``DELETE /library/collections/{id}``,
and the collection preferences ``collectionMode``/``collectionSort``
(``PUT /library/collections/{id}/prefs`` or ``/library/metadata/{id}/prefs``, shown under
``<Preferences>`` with ``includePreferences=1``).

Like PMS, a regular collection is a ``Collection`` tag on its members, so adding tags an item
and removing untags it. Shapes: the spec's ``createCollection`` example and
``plex-api.rs/server/media/metadata_161.json`` (the collection container answered).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing import uris
from plexkit.testing.library import FakeLibrary
from plexkit.testing.respond import HTTPError, container, context
from plexkit.testing.store import Node
from plexkit.testing.views import detail, detail_attrs
from plexkit.testing.wire import TYPE_NUMBERS, Wire, tag

_MODES = {
    "-1": "Library default",
    "0": "Hide collection",
    "1": "Hide items in this collection",
    "2": "Show this collection and its items",
}
_SORTS = {"0": "Release date", "1": "Alphabetical", "2": "Custom"}
_SUBTYPES = {number: kind for kind, number in TYPE_NUMBERS.items()}


def preferences(node: Node) -> Wire:
    """A collection's ``Preferences`` element (``Setting`` entries with ``enumValues``)."""

    def setting(name: str, label: str, choices: dict[str, str], default: str) -> Wire:
        return {
            "id": name,
            "label": label,
            "summary": "",
            "type": "int",
            "default": default,
            "value": str(node.data.get(name, default)),
            "hidden": False,
            "advanced": False,
            "group": "",
            "enumValues": "|".join(f"{k}:{v}" for k, v in choices.items()),
        }

    settings = [setting("collectionMode", "Collection mode", _MODES, "-1")]
    if not node.data.get("smart"):
        settings.append(setting("collectionSort", "Collection order", _SORTS, "0"))
    return {"Setting": settings}


def _collection(request: Request) -> Node:
    node = context(request).library.node(request.path_params["id"])
    if node is None or node.kind != "collection":
        raise HTTPError(404, "no such collection")
    return node


def _answer(request: Request, library: FakeLibrary, node: Node) -> Response:
    mc: Wire = {"size": 1}
    mc.update(detail_attrs(library.section(node.section_key)))
    mc["Metadata"] = [detail(library, node)]
    return container(request, mc)


def _tag(library: FakeLibrary, collection: Node, items: list[Node]) -> None:
    title = str(collection.data["title"])
    for item in items:
        if item.kind == "collection":
            raise HTTPError(400, "a collection cannot hold a collection")
        if item.section_key != collection.section_key:
            raise HTTPError(400, "a collection holds items of its own section")
        tags = item.data.setdefault("Collection", [])
        if not any(str(t["tag"]).casefold() == title.casefold() for t in tags):
            tags.append(tag(library.tag_id("Collection", title), "Collection", title))
            item.touch()
    library.changed()


def _untag(library: FakeLibrary, collection: Node, items: list[Node]) -> None:
    title = str(collection.data["title"]).casefold()
    for item in items:
        tags = [t for t in item.data.get("Collection", ()) if str(t["tag"]).casefold() != title]
        if tags:
            item.data["Collection"] = tags
        else:
            item.data.pop("Collection", None)
        item.touch()
    library.changed()


def _target(request: Request, library: FakeLibrary) -> uris.Target:
    try:
        return uris.resolve(library, request.query_params.get("uri", ""))
    except uris.UriError as exc:
        raise HTTPError(exc.status, str(exc)) from None


async def create(request: Request) -> Response:
    """``POST /library/collections?type=&title=&smart=0|1&sectionId=&uri=``."""
    q = request.query_params
    library = context(request).library
    section = library.section(q.get("sectionId", q.get("sectionID", "")))
    if section is None:
        raise HTTPError(400, "sectionId must name a library section")
    title = q.get("title", "").strip()
    if not title:
        raise HTTPError(400, "title is required")
    try:
        subtype = _SUBTYPES[int(q.get("type", ""))]
    except (KeyError, ValueError):
        raise HTTPError(400, "type must be an item type number") from None
    smart = q.get("smart", "0") not in ("0", "", "false")
    target = _target(request, library)
    with library.lock:
        if smart:
            if target.section is not section or target.query is None:
                raise HTTPError(400, "a smart collection needs a query of its section")
            node = library.add_collection(
                section, title, smart_query=target.query, added_at=library.now(), subtype=subtype
            )
        else:
            if not target.items:
                raise HTTPError(400, "a collection needs items")
            node = library.add_collection(section, title, added_at=library.now(), subtype=subtype)
            _tag(library, node, target.items)
    return _answer(request, library, node)


async def add_items(request: Request) -> Response:
    """``PUT /library/collections/{id}/items?uri=``: add items (smart: replace the filter)."""
    node = _collection(request)
    library = context(request).library
    target = _target(request, library)
    with library.lock:
        if node.smart_query is not None:
            if target.query is None:
                raise HTTPError(400, "a smart collection takes a section query uri")
            node.smart_query = target.query
            node.data["content"] = target.query
            library.changed()
        else:
            _tag(library, node, target.items)
    return _answer(request, library, node)


async def remove_item(request: Request) -> Response:
    """``DELETE /library/collections/{id}/items/{ratingKey}``."""
    node = _collection(request)
    library = context(request).library
    if node.smart_query is not None:
        raise HTTPError(400, "a smart collection's items come from its filter")
    item = library.node(request.path_params["item"])
    if item is None or item not in library.collection_items(node):
        raise HTTPError(404, "no such item in the collection")
    with library.lock:
        _untag(library, node, [item])
    return _answer(request, library, node)


async def move_item(request: Request) -> Response:
    """``PUT /library/collections/{id}/items/{ratingKey}/move?after=``: custom order
    (no ``after``: to the top); the collection's sort becomes custom (``collectionSort=2``)."""
    node = _collection(request)
    library = context(request).library
    if node.smart_query is not None:
        raise HTTPError(400, "a smart collection's order comes from its filter")
    with library.lock:
        order = [m.rating_key for m in library.collection_items(node)]
        moving = _member(request, order, request.path_params["item"])
        after = request.query_params.get("after")
        order.remove(moving)
        at = 0 if after is None else order.index(_member(request, order, after)) + 1
        order.insert(at, moving)
        node.item_ids = order
        node.data["collectionSort"] = "2"
        node.touch()
        library.changed()
    return _answer(request, library, node)


def _member(request: Request, order: list[int], raw: str) -> int:
    try:
        key = int(raw)
    except ValueError:
        raise HTTPError(400, "a ratingKey is a number") from None
    if key not in order:
        raise HTTPError(404, "no such item in the collection")
    return key


async def delete(request: Request) -> Response:
    """``DELETE /library/collections/{id}``: the collection goes, its members' tags too."""
    node = _collection(request)
    library = context(request).library
    with library.lock:
        members = [] if node.smart_query else list(library.collection_items(node))
        _untag(library, node, members)
        section = library.sections[node.section_key]
        section.items[18].remove(node)
        library.nodes.pop(node.rating_key, None)
        library.changed()
    return Response(status_code=200)


async def prefs(request: Request) -> Response:
    """``PUT .../{id}/prefs?collectionMode=&collectionSort=``: the advanced settings."""
    node = context(request).library.node(request.path_params["id"])
    if node is None:
        raise HTTPError(404, "no such item")
    library = context(request).library
    q = request.query_params
    changes: Wire = {}
    for name, allowed in (("collectionMode", _MODES), ("collectionSort", _SORTS)):
        if name in q:
            if node.kind != "collection" or q[name] not in allowed:
                raise HTTPError(400, f"invalid {name}")
            changes[name] = q[name]
    with library.lock:
        node.data.update(changes)
        node.touch()
        library.changed()
    return Response(status_code=200)


routes: list[BaseRoute] = [
    Route("/library/collections", create, methods=["POST"]),
    Route("/library/collections/{id}", delete, methods=["DELETE"]),
    Route("/library/collections/{id}/items", add_items, methods=["PUT"]),
    Route("/library/collections/{id}/items/{item}", remove_item, methods=["DELETE"]),
    Route("/library/collections/{id}/items/{item}/move", move_item, methods=["PUT"]),
    Route("/library/collections/{id}/prefs", prefs, methods=["PUT"]),
    Route("/library/metadata/{id}/prefs", prefs, methods=["PUT"]),
]
