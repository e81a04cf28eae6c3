"""Section browse helpers: ``/library/sections/{id}/sorts``, ``/filters``,
``/firstCharacter`` (also ``/firstCharacters``, the spec's name), ``/albums``, ``/allLeaves``
and ``/library/sections/all``.

Shapes: ``home-assistant-core/library_movies_sort.xml`` (``/sorts``: ``Directory`` entries
with ``defaultDirection``/``descKey``, container ``viewGroup="secondary"``), the section
``Meta`` of ``library_movies_metadata.xml`` (the filters), and the spec's
``getSectionFilters``/``getFirstCharacters`` examples (``size``, ``key``, ``title``);
``/allLeaves`` as the spec's example (pms-openapi-1.2.2.json: a TV section's episodes, container
``content="secondary"``, ``nocache``, ``viewGroup`` the section's type).
Registered before `sections`, whose ``{filter}`` route would
otherwise take these paths.
"""

from __future__ import annotations

from collections import Counter

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.meta import section_meta
from plexkit.testing.respond import (
    HTTPError,
    container,
    context,
    media_query,
    paged,
    path_section,
    query_key,
    select,
)
from plexkit.testing.routes.sections import sections
from plexkit.testing.store import Section
from plexkit.testing.views import library_attrs, row, secondary_attrs
from plexkit.testing.wire import TYPE_NUMBERS, Wire


def _root_type(request: Request, section: Section) -> Wire:
    """The ``Meta`` ``Type`` entry for ``?type=`` (default: the section's root type)."""
    types = section_meta(section)["Type"]
    wanted = request.query_params.get("type")
    for entry in types:
        if wanted is None or entry["key"].endswith(f"type={wanted}"):
            return dict(entry)
    raise HTTPError(400, f"type {wanted} is not in this section")


async def sorts(request: Request) -> Response:
    """``GET /library/sections/{id}/sorts``: the sorts of the section's (or ``type``'s) items."""
    section = path_section(request)
    entries = [
        {k: v for k, v in s.items() if k not in ("active", "activeDirection")}
        for s in _root_type(request, section)["Sort"]
    ]
    # nocache: as home-assistant-core/library_tvshows_sort.xml and library_music_sort.xml
    mc: Wire = {"size": len(entries), **secondary_attrs(section), "nocache": True}
    mc["Directory"] = entries
    return container(request, mc)


async def filters(request: Request) -> Response:
    """``GET /library/sections/{id}/filters``: the filters of the section's items."""
    section = path_section(request)
    entries = _root_type(request, section)["Filter"]
    mc: Wire = {"size": len(entries), **secondary_attrs(section), "Directory": entries}
    return container(request, mc)


async def first_character(request: Request) -> Response:
    """``GET /library/sections/{id}/firstCharacter``: ``#`` and the letters titles start with."""
    section = path_section(request)
    mq = media_query(request)
    type_number = mq.type or section.root_type
    nodes = select(request, ("first", section.key, query_key(request)), section, type_number, mq)
    counts = Counter(_first(str(n.data.get("titleSort") or n.data.get("title", ""))) for n in nodes)
    entries = [
        {"size": count, "key": char, "title": char}
        for char, count in sorted(counts.items(), key=lambda kv: (kv[0] != "#", kv[0]))
    ]
    mc: Wire = {"size": len(entries), **secondary_attrs(section)}
    if entries:
        mc["Directory"] = entries
    return container(request, mc)


def _first(title: str) -> str:
    char = title[:1].upper()
    return char if char.isalpha() else "#"


async def albums(request: Request) -> Response:
    """``GET /library/sections/{id}/albums``: a music section's albums (``type=9`` listing)."""
    section = path_section(request)
    if section.kind != "artist":
        raise HTTPError(400, "albums are listed for music sections")
    library = context(request).library
    mq = media_query(request)
    number = TYPE_NUMBERS["album"]
    nodes = select(request, ("albums", section.key, query_key(request)), section, number, mq)
    attrs = library_attrs(section)
    attrs["viewGroup"] = "album"
    return paged(request, attrs, nodes, lambda n: row(library, n))


_LEAF_TYPES = {"movie": "movie", "show": "episode", "artist": "track", "photo": "photo"}


async def all_leaves(request: Request) -> Response:
    """``GET /library/sections/{id}/allLeaves``: every playable item of the section (a TV
    section's episodes, a music section's tracks), in their natural order."""
    section = path_section(request)
    library = context(request).library
    mq = media_query(request)
    number = TYPE_NUMBERS[_LEAF_TYPES[section.kind]]
    nodes = select(request, ("leaves", section.key, query_key(request)), section, number, mq)
    attrs = secondary_attrs(section)
    attrs.update(nocache=True, viewGroup=section.kind)
    del attrs["viewMode"]
    return paged(request, attrs, nodes, lambda n: row(library, n))


routes: list[BaseRoute] = [
    Route("/library/sections/all", sections),
    Route("/library/sections/{key}/sorts", sorts),
    Route("/library/sections/{key}/filters", filters),
    Route("/library/sections/{key}/firstCharacter", first_character),
    Route("/library/sections/{key}/firstCharacters", first_character),
    Route("/library/sections/{key}/allLeaves", all_leaves),
    Route("/library/sections/{key}/albums", albums),
]
