"""Library endpoints: sections, ``/all`` (browse, filter, sort, page, bulk edit),
collections, recently added, on deck, filter choices and ``/library/search``."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.deck import continue_watching
from plexkit.testing.edits import is_edit_param
from plexkit.testing.meta import section_meta
from plexkit.testing.query import MediaQuery, QueryError, parse
from plexkit.testing.respond import (
    HTTPError,
    account_id,
    container,
    context,
    flag,
    media_query,
    paged,
    params,
    query_key,
    select,
)
from plexkit.testing.store import Node, Section
from plexkit.testing.tokens import OWNER_ACCOUNT_ID
from plexkit.testing.views import library_attrs, row
from plexkit.testing.wire import MEDIA_TAG_PREFIX, MEDIA_TAG_VERSION, TAG_FILTERS, Wire

_TAG_ELEMENTS = {name: element for element, name in TAG_FILTERS.items()}
_FIELD_CHOICES = ("year", "decade", "contentRating", "studio", "resolution")
_SECONDARY = (
    ("all", "All {plural}", False),
    ("unwatched", "Unwatched", False),
    ("newest", "Recently Released", False),
    ("recentlyAdded", "Recently Added", False),
    ("recentlyViewed", "Recently Viewed", False),
    ("onDeck", "On Deck", False),
    ("collection", "By Collection", True),
    ("genre", "By Genre", True),
    ("year", "By Year", True),
    ("decade", "By Decade", True),
    ("contentRating", "By Content Rating", True),
    ("firstCharacter", "By First Letter", True),
    ("folder", "By Folder", False),
)
_PLURALS = {"movie": "Movies", "show": "Shows", "artist": "Artists", "photo": "Photos"}
_RECENT_TYPES = {"movie": (1,), "show": (4,), "artist": (9,), "photo": (13,)}


def _section(request: Request) -> Section:
    section = context(request).library.section(request.path_params["key"])
    if section is None:
        raise HTTPError(404, "no such library section")
    return section


async def library_root(request: Request) -> Response:
    """``GET /library``: the library's entry points."""
    mc: Wire = {
        "size": 3,
        "allowSync": False,
        "art": "/:/resources/library-art.png",
        "content": "",
        "identifier": "com.plexapp.plugins.library",
        "mediaTagPrefix": MEDIA_TAG_PREFIX,
        "mediaTagVersion": MEDIA_TAG_VERSION,
        "title1": "Plex Library",
        "title2": "",
        "Directory": [
            {"key": "sections", "title": "Library Sections"},
            {"key": "recentlyAdded", "title": "Recently Added Content"},
            {"key": "onDeck", "title": "On Deck Content"},
        ],
    }
    return container(request, mc)


async def sections(request: Request) -> Response:
    """``GET /library/sections``: every section with its ``Location`` folders."""
    items = [section.data for section in context(request).library.sections.values()]
    mc: Wire = {
        "size": len(items),
        "allowSync": False,
        "identifier": "com.plexapp.plugins.library",
        "mediaTagPrefix": MEDIA_TAG_PREFIX,
        "mediaTagVersion": MEDIA_TAG_VERSION,
        "title1": "Plex Library",
    }
    if items:
        mc["Directory"] = items
    return container(request, mc)


async def section_detail(request: Request) -> Response:
    """``GET /library/sections/{key}``: the section's browse entry points."""
    section = _section(request)
    plural = _PLURALS[section.kind]
    directories: list[Wire] = []
    for key, title, secondary in _SECONDARY:
        entry: Wire = {"key": key, "title": title.format(plural=plural)}
        if secondary:
            entry["secondary"] = True
        directories.append(entry)
    directories.append(
        {
            "key": f"search?type={section.root_type}",
            "prompt": f"Search {plural}",
            "search": True,
            "title": "Search...",
        }
    )
    mc: Wire = {
        "size": len(directories),
        "allowSync": False,
        "art": f"/:/resources/{section.kind}-fanart.jpg",
        "content": "secondary",
        "identifier": "com.plexapp.plugins.library",
        "librarySectionID": section.key,
        "mediaTagPrefix": MEDIA_TAG_PREFIX,
        "mediaTagVersion": MEDIA_TAG_VERSION,
        "sortAsc": True,
        "thumb": f"/:/resources/{section.kind}.png",
        "title1": section.title,
        "viewGroup": "secondary",
        "viewMode": 65592,
        "Directory": directories,
    }
    return container(request, mc)


def _listing(request: Request, section: Section, nodes: list[Node], type_number: int) -> Response:
    library = context(request).library
    attrs = library_attrs(section)
    kind = next((n.kind for n in nodes[:1]), None)
    if kind is not None and type_number != section.root_type:
        attrs["viewGroup"] = kind
    if flag(request, "includeMeta"):
        attrs["Meta"] = section_meta(section)
    guids = flag(request, "includeGuids")
    return paged(request, attrs, nodes, lambda node: row(library, node, guids=guids))


async def section_all(request: Request) -> Response:
    """``GET /library/sections/{key}/all``: browse with ``type``, filters, sort and paging."""
    section = _section(request)
    mq = media_query(request)
    type_number = mq.type or section.root_type
    nodes = select(request, ("all", section.key, query_key(request)), section, type_number, mq)
    return _listing(request, section, nodes, type_number)


async def section_search(request: Request) -> Response:
    """``GET /library/sections/{key}/search?type=&query=``: ``/all`` with a title filter."""
    section = _section(request)
    title = request.query_params.get("query") or request.query_params.get("title", "")
    mq = media_query(request, title=title)
    type_number = mq.type or section.root_type
    nodes = select(request, ("search", section.key, query_key(request)), section, type_number, mq)
    return _listing(request, section, nodes, type_number)


async def section_edit(request: Request) -> Response:
    """``PUT /library/sections/{key}/all?type=&id=...&field.value=``: edit matching items."""
    section = _section(request)
    library = context(request).library
    pairs = params(request)
    edits = [(k, v) for k, v in pairs if is_edit_param(k)]
    selectors = [(k, v) for k, v in pairs if not is_edit_param(k)]
    try:
        mq: MediaQuery = parse(selectors, now=library.now())
    except QueryError as exc:
        raise HTTPError(400, str(exc)) from None
    type_number = mq.type or section.root_type
    targets = [n for n in library.items(section, type_number) if mq.matches(n.data)]
    if "id" in dict(selectors) and not targets:
        raise HTTPError(404, "no matching items")
    for node in targets:
        library.edit(node, edits)
    return Response(status_code=200)


async def section_collections(request: Request) -> Response:
    """``GET /library/sections/{key}/collections``."""
    section = _section(request)
    mq = media_query(request)
    nodes = select(request, ("collections", section.key, query_key(request)), section, 18, mq)
    attrs = library_attrs(section)
    attrs["title2"] = "Collections"
    if flag(request, "includeMeta"):
        attrs["Meta"] = section_meta(section, collections=True)
    library = context(request).library
    return paged(request, attrs, nodes, lambda node: row(library, node))


def _recent(section: Section, request: Request) -> list[Node]:
    library = context(request).library
    nodes = [n for t in _RECENT_TYPES[section.kind] for n in library.items(section, t)]
    return sorted(nodes, key=lambda n: int(n.data.get("addedAt", 0)), reverse=True)


async def section_recently_added(request: Request) -> Response:
    """``GET /library/sections/{key}/recentlyAdded``: newest items first."""
    section = _section(request)
    library = context(request).library
    nodes = library.memo(("recent", section.key), lambda: _recent(section, request))
    return paged(request, library_attrs(section), nodes, lambda n: row(library, n))


async def section_on_deck(request: Request) -> Response:
    """``GET /library/sections/{key}/onDeck``."""
    section = _section(request)
    library = context(request).library
    nodes = continue_watching(library, account_id(request) or OWNER_ACCOUNT_ID, section.key)
    return paged(request, library_attrs(section), nodes, lambda n: row(library, n))


async def on_deck(request: Request) -> Response:
    """``GET /library/onDeck``: on deck across sections."""
    library = context(request).library
    nodes = continue_watching(library, account_id(request) or OWNER_ACCOUNT_ID, None)
    attrs: Wire = {
        "allowSync": False,
        "identifier": "com.plexapp.plugins.library",
        "mediaTagPrefix": MEDIA_TAG_PREFIX,
        "mediaTagVersion": MEDIA_TAG_VERSION,
        "mixedParents": True,
    }
    return paged(request, attrs, nodes, lambda n: row(library, n, section_fields=True))


async def recently_added(request: Request) -> Response:
    """``GET /library/recentlyAdded``: movies, seasons and albums, newest first."""
    library = context(request).library

    def compute() -> list[Node]:
        nodes = [
            n
            for section in library.sections.values()
            for t in (1, 3, 9, 13)
            for n in library.items(section, t)
        ]
        return sorted(nodes, key=_added, reverse=True)

    nodes = library.memo(("recent", None), compute)
    attrs: Wire = {
        "allowSync": False,
        "identifier": "com.plexapp.plugins.library",
        "mediaTagPrefix": MEDIA_TAG_PREFIX,
        "mediaTagVersion": MEDIA_TAG_VERSION,
        "mixedParents": True,
    }
    return paged(request, attrs, nodes, lambda n: row(library, n, section_fields=True))


def _added(node: Node) -> int:
    """When a row was added; a season or album counts from its newest child."""
    if node.kind in ("season", "album") and node.children:
        return max(int(child.data.get("addedAt", 0)) for child in node.children)
    return int(node.data.get("addedAt", 0))


async def library_all(request: Request) -> Response:
    """``GET /library/all``: a media query across every section (e.g. by ``guid``)."""
    library = context(request).library
    mq = media_query(request)
    key = query_key(request)
    nodes: list[Node] = []
    for section in library.sections.values():
        type_number = mq.type or section.root_type
        nodes += select(request, ("library-all", section.key, key), section, type_number, mq)
    attrs: Wire = {
        "allowSync": False,
        "identifier": "com.plexapp.plugins.library",
        "mediaTagPrefix": MEDIA_TAG_PREFIX,
        "mediaTagVersion": MEDIA_TAG_VERSION,
    }
    guids = flag(request, "includeGuids")
    return paged(request, attrs, nodes, lambda n: row(library, n, guids=guids, section_fields=True))


async def library_search(request: Request) -> Response:
    """``GET /library/search?query=&limit=``: ``SearchResult`` entries with a score."""
    library = context(request).library
    text = request.query_params.get("query", "").casefold()
    if not text:
        raise HTTPError(400, "query is required")
    try:
        limit = int(request.query_params.get("limit", "100"))
    except ValueError:
        raise HTTPError(400, "limit must be an integer") from None
    scored: list[tuple[float, Node]] = []
    for node in library.nodes.values():
        if node.kind in ("playlist", "photo", "photoalbum", "collection"):
            continue
        title = str(node.data.get("title", "")).casefold()
        if text in title:
            score = 1.0 if title == text else 0.85 if title.startswith(text) else 0.6
            scored.append((score, node))
    scored.sort(key=lambda pair: -pair[0])
    results = [
        {"score": score, "Metadata": row(library, node, section_fields=True)}
        for score, node in scored[:limit]
    ]
    mc: Wire = {"size": len(results)}
    if results:
        mc["SearchResult"] = results
    return container(request, mc)


async def filter_choices(request: Request) -> Response:
    """``GET /library/sections/{key}/{filter}``: the values a filter can take (genre, year…)."""
    section = _section(request)
    name = str(request.path_params["filter"])
    library = context(request).library
    choices: dict[str, str] = {}
    items = library.items(section, section.root_type)
    if name in _TAG_ELEMENTS:
        element = _TAG_ELEMENTS[name]
        for node in items:
            for tag in node.data.get(element, ()):
                choices[str(tag["id"])] = str(tag["tag"])
    elif name in _FIELD_CHOICES:
        for node in items:
            value = _field_value(node, name)
            if value is not None:
                choices[value] = value
    else:
        raise HTTPError(404, f"unknown filter {name}")
    entries = [
        {
            "fastKey": f"/library/sections/{section.key}/all?{name}={key}",
            "key": key,
            "title": title,
            "type": name if name in _TAG_ELEMENTS else "filter",
        }
        for key, title in sorted(choices.items(), key=lambda kv: kv[1].casefold())
    ]
    mc: Wire = {
        "size": len(entries),
        "allowSync": False,
        "art": f"/:/resources/{section.kind}-fanart.jpg",
        "content": "secondary",
        "identifier": "com.plexapp.plugins.library",
        "mediaTagPrefix": MEDIA_TAG_PREFIX,
        "mediaTagVersion": MEDIA_TAG_VERSION,
        "nocache": True,
        "thumb": f"/:/resources/{section.kind}.png",
        "title1": section.title,
        "title2": f"By {name}",
        "viewGroup": "secondary",
    }
    if entries:
        mc["Directory"] = entries
    return container(request, mc)


def _field_value(node: Node, name: str) -> str | None:
    data = node.data
    if name == "decade":
        return str(int(data["year"]) // 10 * 10) if "year" in data else None
    if name == "resolution":
        media = data.get("Media") or [{}]
        resolution = media[0].get("videoResolution")
        return str(resolution) if resolution else None
    value = data.get(name)
    return str(value) if value is not None else None


routes: list[BaseRoute] = [
    Route("/library", library_root),
    Route("/library/sections", sections),
    Route("/library/recentlyAdded", recently_added),
    Route("/library/onDeck", on_deck),
    Route("/library/all", library_all),
    Route("/library/search", library_search),
    Route("/library/sections/{key}", section_detail),
    Route("/library/sections/{key}/all", section_all, methods=["GET"]),
    Route("/library/sections/{key}/all", section_edit, methods=["PUT"]),
    Route("/library/sections/{key}/search", section_search),
    Route("/library/sections/{key}/collections", section_collections),
    Route("/library/sections/{key}/recentlyAdded", section_recently_added),
    Route("/library/sections/{key}/onDeck", section_on_deck),
    Route("/library/sections/{key}/{filter}", filter_choices),
]
