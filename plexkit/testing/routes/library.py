"""Section listings: ``/all`` (browse, filter, sort, page, bulk edit), ``/search``,
``/collections``, ``/library/all`` and ``/library/search``. Entry points and filter choices
are `sections`, recently added and on deck
`recent`."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.edits import is_edit_param
from plexkit.testing.meta import section_meta
from plexkit.testing.query import MediaQuery, QueryError, parse
from plexkit.testing.respond import (
    HTTPError,
    container,
    context,
    flag,
    media_query,
    paged,
    params,
    path_section,
    query_key,
    select,
)
from plexkit.testing.store import Node, Section
from plexkit.testing.views import library_attrs, row
from plexkit.testing.wire import MEDIA_TAG_PREFIX, MEDIA_TAG_VERSION, Wire


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
    section = path_section(request)
    mq = media_query(request)
    type_number = mq.type or section.root_type
    nodes = select(request, ("all", section.key, query_key(request)), section, type_number, mq)
    return _listing(request, section, nodes, type_number)


async def section_search(request: Request) -> Response:
    """``GET /library/sections/{key}/search?type=&query=``: ``/all`` with a title filter."""
    section = path_section(request)
    title = request.query_params.get("query") or request.query_params.get("title", "")
    mq = media_query(request, title=title)
    type_number = mq.type or section.root_type
    nodes = select(request, ("search", section.key, query_key(request)), section, type_number, mq)
    return _listing(request, section, nodes, type_number)


async def section_edit(request: Request) -> Response:
    """``PUT /library/sections/{key}/all?type=&id=...&field.value=``: edit matching items."""
    section = path_section(request)
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
    section = path_section(request)
    mq = media_query(request)
    nodes = select(request, ("collections", section.key, query_key(request)), section, 18, mq)
    attrs = library_attrs(section)
    attrs["title2"] = "Collections"
    if flag(request, "includeMeta"):
        attrs["Meta"] = section_meta(section, collections=True)
    library = context(request).library
    return paged(request, attrs, nodes, lambda node: row(library, node))


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


routes: list[BaseRoute] = [
    Route("/library/all", library_all),
    Route("/library/search", library_search),
    Route("/library/sections/{key}/all", section_all, methods=["GET"]),
    Route("/library/sections/{key}/all", section_edit, methods=["PUT"]),
    Route("/library/sections/{key}/search", section_search),
    Route("/library/sections/{key}/collections", section_collections),
]
