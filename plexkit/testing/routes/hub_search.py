"""``/hubs/search``: one ``Hub`` per result type, items first, then matching tags (actors,
directors, genres) with the section and count of items carrying them."""

from __future__ import annotations

from collections.abc import Iterable

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.respond import HTTPError, container, context
from plexkit.testing.store import Node
from plexkit.testing.views import row
from plexkit.testing.wire import TAG_TYPES, Wire

_ITEM_HUBS = (
    ("movie", "movie", "Movies"),
    ("show", "show", "Shows"),
    ("episode", "episode", "Episodes"),
    ("artist", "artist", "Artists"),
    ("album", "album", "Albums"),
    ("track", "track", "Tracks"),
    ("photoalbum", "photoalbum", "Photo Albums"),
    ("photo", "photo", "Photos"),
    ("collection", "collection", "Collections"),
    ("playlist", "playlist", "Playlists"),
)
_TAG_HUBS = (
    ("Role", "actor", "Actors"),
    ("Director", "director", "Directors"),
    ("Genre", "genre", "Genres"),
)


async def search(request: Request) -> Response:
    """``GET /hubs/search?query=&limit=&sectionId=``: matching items and tags per hub."""
    library = context(request).library
    text = request.query_params.get("query", "").strip().casefold()
    if not text:
        raise HTTPError(400, "query is required")
    try:
        limit = int(request.query_params.get("limit", "3"))
    except ValueError:
        raise HTTPError(400, "limit must be an integer") from None
    section_id = request.query_params.get("sectionId")
    nodes = [
        node
        for node in library.nodes.values()
        if (section_id is None or str(node.section_key) == section_id)
        and text in str(node.data.get("title", "")).casefold()
    ]
    hubs: list[Wire] = []
    for kind, identifier, title in _ITEM_HUBS:
        matches = sorted((n for n in nodes if n.kind == kind), key=lambda n: _rank(n, text))
        hub: Wire = _hub(identifier, title, len(matches) > limit)
        shown = matches[:limit]
        hub["size"] = len(shown)
        if shown:
            hub["Metadata"] = [row(library, n, section_fields=True) for n in shown]
        hubs.append(hub)
    for element, identifier, title in _TAG_HUBS:
        tags = _matching_tags(library.nodes.values(), element, text, section_id)
        hub = _hub(identifier, title, len(tags) > limit)
        hub["size"] = min(len(tags), limit)
        if tags:
            hub["Directory"] = [
                {
                    "key": f"/library/sections/{section}/all?{identifier}={tag_id}",
                    "librarySectionID": section,
                    "librarySectionKey": f"/library/sections/{section}",
                    "librarySectionTitle": library.sections[section].title,
                    "librarySectionType": library.sections[section].root_type,
                    "score": round(len(text) / max(len(name), 1), 5),
                    "type": "tag",
                    "id": tag_id,
                    "filter": f"{identifier}={tag_id}",
                    "tag": name,
                    "tagType": TAG_TYPES[element],
                    "count": count,
                }
                for (tag_id, name, section), count in tags[:limit]
            ]
        hubs.append(hub)
    return container(request, {"size": len(hubs), "Hub": hubs})


def _hub(identifier: str, title: str, more: bool) -> Wire:
    return {
        "title": title,
        "type": identifier,
        "hubIdentifier": identifier,
        "context": "",
        "size": 0,
        "more": more,
        "style": "shelf",
    }


def _rank(node: Node, text: str) -> tuple[int, str]:
    title = str(node.data.get("title", "")).casefold()
    return (0 if title == text else 1 if title.startswith(text) else 2, title)


def _matching_tags(
    nodes: Iterable[Node], element: str, text: str, section_id: str | None
) -> list[tuple[tuple[int, str, int], int]]:
    counts: dict[tuple[int, str, int], int] = {}
    for node in nodes:
        if section_id is not None and str(node.section_key) != section_id:
            continue
        for tag in node.data.get(element, ()):
            if text in str(tag["tag"]).casefold():
                key = (int(tag["id"]), str(tag["tag"]), node.section_key)
                counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][1]))


routes: list[BaseRoute] = [Route("/hubs/search", search)]
