"""Metadata endpoints: item detail and edits, ``/children``, ``/allLeaves``, collections."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing import deck, played
from plexkit.testing.edits import is_edit_param
from plexkit.testing.extras import extras_element
from plexkit.testing.respond import (
    HTTPError,
    account_id,
    container,
    context,
    flag,
    paged,
    params,
    selector,
)
from plexkit.testing.routes.collections import preferences
from plexkit.testing.store import Node
from plexkit.testing.tokens import OWNER_ACCOUNT_ID
from plexkit.testing.views import children_attrs, customise, detail, detail_attrs, row
from plexkit.testing.wire import Wire

_EXTRA_KINDS = frozenset({"movie", "show", "season", "episode", "artist", "album"})
_CHILD_KINDS = {
    "show": "season",
    "season": "episode",
    "artist": "album",
    "album": "track",
    "photoalbum": "photo",
    "collection": "movie",
    "playlist": "playlist",
}


def _node(request: Request, name: str = "id") -> Node:
    node = context(request).library.node(request.path_params[name])
    if node is None:
        raise HTTPError(404, "no such item")
    return node


async def get_metadata(request: Request) -> Response:
    """``GET /library/metadata/{ids}``: full detail of one or more (comma separated) items."""
    library = context(request).library
    nodes = [library.node(part) for part in str(request.path_params["ids"]).split(",")]
    found = [node for node in nodes if node is not None]
    if not found:
        raise HTTPError(404, "no such item")
    exclude_fields = set(filter(None, request.query_params.get("excludeFields", "").split(",")))
    exclude_elements = set(filter(None, request.query_params.get("excludeElements", "").split(",")))
    mc: Wire = {"size": len(found)}
    mc.update(detail_attrs(library.section(found[0].section_key)))
    mc["Metadata"] = [
        customise(_detail(request, node), exclude_fields, exclude_elements) for node in found
    ]
    return container(request, mc)


def _detail(request: Request, node: Node) -> Wire:
    """An item's detail as the token's account sees it, with the asked ``include*`` parts."""
    library = context(request).library
    item = played.personal(library, account_id(request), detail(library, node))
    if flag(request, "includeExtras") and node.kind in _EXTRA_KINDS:
        item = {**item, "Extras": extras_element(library, node)}
    on_deck = _on_deck(request, node) if flag(request, "includeOnDeck") else None
    if on_deck is not None:
        item = {**item, "OnDeck": on_deck}
    if flag(request, "includePreferences") and node.kind == "collection":
        item = {**item, "Preferences": preferences(node)}
    elif flag(request, "includePreferences") and node.kind in ("movie", "show"):
        item = {**item, "Preferences": {"Setting": _ITEM_SETTINGS}}
    return item


def _on_deck(request: Request, node: Node) -> Wire | None:
    """A show's or season's ``<OnDeck>``: the episode to watch next, as a row the token's
    account sees, nested like the ``OnDeck`` of plexdevices/xml_samples.HUB_SEARCH.xml (no
    attributes); None when there is none."""
    library, account = context(request).library, account_id(request)
    episode = deck.on_deck_of(library, account or OWNER_ACCOUNT_ID, node)
    if episode is None:
        return None
    shown = played.personal(library, account, row(library, episode, section_fields=True))
    return {"Metadata": [shown]}


_SETTING = {"summary": "", "hidden": False, "advanced": False, "group": "", "value": ""}
# A movie's settings in plex-api.rs/timeline/metadata_182_1.json (languages shortened).
_ITEM_SETTINGS = [
    {**_SETTING, "id": "languageOverride", "label": "Metadata language", "type": "text",
     "default": "", "enumValues": ":Library default|de-DE:Deutsch|en-US:English"},
    {**_SETTING, "id": "useOriginalTitle", "label": "Use original title", "type": "int",
     "default": "-1", "value": "-1", "enumValues": "-1:Library default|0:No|1:Yes"},
]  # fmt: skip


async def extras(request: Request) -> Response:
    """``GET /library/metadata/{id}/extras``: the item's trailers and other extras."""
    library = context(request).library
    node = _node(request)
    clips = library.extras.get(node.rating_key, [])
    attrs = detail_attrs(library.section(node.section_key))
    return paged(request, attrs, clips, lambda clip: clip.data)


async def edit_metadata(request: Request) -> Response:
    """``PUT /library/metadata/{ids}?title.value=...&title.locked=1``: edit items."""
    library = context(request).library
    edits = [(k, v) for k, v in params(request) if is_edit_param(k)]
    nodes = [library.node(part) for part in str(request.path_params["ids"]).split(",")]
    if not nodes or any(node is None for node in nodes):
        raise HTTPError(404, "no such item")
    for node in nodes:
        assert node is not None
        library.edit(node, edits)
    return Response(status_code=200)


async def children(request: Request) -> Response:
    """``GET /library/metadata/{id}/children``: seasons, episodes, albums, tracks, photos."""
    library = context(request).library
    node = _node(request)
    items = library.children(node, selector(request))
    section = library.section(node.section_key)
    attrs = children_attrs(section, node, _CHILD_KINDS.get(node.kind, node.kind))
    if node.kind == "show" and not flag(request, "excludeAllLeaves"):
        attrs["Directory"] = [
            {
                "leafCount": node.data.get("leafCount", 0),
                "thumb": node.data.get("thumb"),
                "viewedLeafCount": node.data.get("viewedLeafCount", 0),
                "key": f"/library/metadata/{node.rating_key}/allLeaves",
                "title": "All episodes",
            }
        ]
    guids = flag(request, "includeGuids")
    return paged(request, attrs, items, lambda child: row(library, child, guids=guids))


async def all_leaves(request: Request) -> Response:
    """``GET /library/metadata/{id}/allLeaves``: every episode of a show, track of an artist."""
    library = context(request).library
    node = _node(request)
    leaves = library.leaves(node)
    section = library.section(node.section_key)
    kind = leaves[0].kind if leaves else node.kind
    attrs = children_attrs(section, node, kind)
    guids = flag(request, "includeGuids")
    return paged(request, attrs, leaves, lambda leaf: row(library, leaf, guids=guids))


def _collection(request: Request) -> Node:
    node = _node(request)
    if node.kind != "collection":
        raise HTTPError(404, "no such collection")
    return node


async def collection_detail(request: Request) -> Response:
    """``GET /library/collections/{id}``: the collection itself."""
    library = context(request).library
    node = _collection(request)
    mc: Wire = {"size": 1}
    mc.update(detail_attrs(library.section(node.section_key)))
    mc["Metadata"] = [_detail(request, node)]
    return container(request, mc)


async def collection_items(request: Request) -> Response:
    """``GET /library/collections/{id}/children`` (also ``/items``): the members."""
    library = context(request).library
    node = _collection(request)
    section = library.section(node.section_key)
    attrs = children_attrs(section, node, str(node.data.get("subtype", "movie")))
    guids = flag(request, "includeGuids")
    items = library.collection_items(node, selector(request))
    return paged(request, attrs, items, lambda item: row(library, item, guids=guids))


routes: list[BaseRoute] = [
    Route("/library/metadata/{ids}", get_metadata, methods=["GET"]),
    Route("/library/metadata/{ids}", edit_metadata, methods=["PUT"]),
    Route("/library/metadata/{id}/children", children),
    Route("/library/metadata/{id}/extras", extras),
    Route("/library/metadata/{id}/allLeaves", all_leaves),
    Route("/library/collections/{id}", collection_detail),
    Route("/library/collections/{id}/children", collection_items),
    Route("/library/collections/{id}/items", collection_items),
]
