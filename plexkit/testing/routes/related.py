"""``GET /library/metadata/{id}/related`` (and the spec's ``/hubs/metadata/{id}/related``):
the hubs under an item's detail page (python-plexapi's ``item.hubs()``): similar items of the
same section, then more by its first director and with its first actor.

The container and hub attributes follow the spec's ``getRelatedHubs`` example and the hub
captures (``hubKey``, ``key``, ``title``, ``type``, ``hubIdentifier``, ``context``, ``size``,
``more``, ``style``, ``promoted``, plus ``totalSize``); neither shows related hubs' identifiers,
so ``{type}.similar``, ``{type}.by.director`` and ``{type}.by.actor`` are the fake's own names in
PMS's ``hubIdentifier`` pattern. Empty hubs are left out.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.hub import HubSpec, items_hub
from plexkit.testing.respond import HTTPError, container, context
from plexkit.testing.store import Node
from plexkit.testing.wire import Wire

_PEOPLE = (("Director", "director", "More Directed by"), ("Role", "actor", "More with"))


def _peers(request: Request, node: Node) -> list[Node]:
    library = context(request).library
    return [
        n
        for n in library.nodes.values()
        if n.kind == node.kind and n.section_key == node.section_key and n is not node
    ]


def _tag_ids(node: Node, element: str) -> set[int]:
    return {int(tag["id"]) for tag in node.data.get(element, ()) if "id" in tag}


def _similar(request: Request, node: Node, peers: list[Node]) -> Wire | None:
    """Peers sharing a genre, those sharing the most first."""
    genres = _tag_ids(node, "Genre")
    shared = {id(p): len(genres & _tag_ids(p, "Genre")) for p in peers}
    found = sorted((p for p in peers if shared[id(p)]), key=lambda p: -shared[id(p)])
    if not found:
        return None
    keys = ",".join(str(p.rating_key) for p in found)
    spec = HubSpec(
        f"/library/metadata/{keys}",
        f"{node.kind}.similar",
        f"hub.{node.kind}.similar",
        f"More Like {node.data.get('title', '')}",
        node.kind,
    )
    return {**items_hub(request, found, spec), "totalSize": len(found)}


def _by_person(request: Request, node: Node, peers: list[Node], index: int) -> Wire | None:
    """Peers credited with the item's first director (``index`` 0) or actor (1)."""
    element, word, title = _PEOPLE[index]
    people = node.data.get(element) or [{}]
    person = people[0]
    if "id" not in person:
        return None
    found = [p for p in peers if int(person["id"]) in _tag_ids(p, element)]
    if not found:
        return None
    spec = HubSpec(
        f"/library/sections/{node.section_key}/all?{word}={person['id']}",
        f"{node.kind}.by.{word}",
        f"hub.{node.kind}.by.{word}",
        f"{title} {person['tag']}",
        node.kind,
    )
    return {**items_hub(request, found, spec), "totalSize": len(found)}


async def related(request: Request) -> Response:
    """``GET /library/metadata/{id}/related?count=``: the item's related hubs."""
    node = context(request).library.node(request.path_params["id"])
    if node is None:
        raise HTTPError(404, "no such item")
    peers = _peers(request, node)
    candidates = [_similar(request, node, peers)]
    candidates += [_by_person(request, node, peers, i) for i in range(len(_PEOPLE))]
    hubs = [hub for hub in candidates if hub is not None]
    mc: Wire = {"size": len(hubs), "allowSync": True, "identifier": "com.plexapp.plugins.library"}
    if hubs:
        mc["Hub"] = hubs
    return container(request, mc)


routes: list[BaseRoute] = [
    Route("/library/metadata/{id}/related", related),
    Route("/hubs/metadata/{id}/related", related),
]
