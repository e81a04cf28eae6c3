"""Recently added and on deck: ``/library/recentlyAdded``, ``/library/onDeck`` and their
per-section forms. On deck is the asking account's (`plexkit.testing.deck`)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.deck import continue_watching
from plexkit.testing.respond import account_id, context, paged, path_section
from plexkit.testing.store import Node, Section
from plexkit.testing.tokens import OWNER_ACCOUNT_ID
from plexkit.testing.views import library_attrs, row
from plexkit.testing.wire import MEDIA_TAG_PREFIX, MEDIA_TAG_VERSION, TYPE_NUMBERS, Wire

_RECENT_TYPES = {
    section: (TYPE_NUMBERS[kind],)
    for section, kind in {
        "movie": "movie",
        "show": "episode",
        "artist": "album",
        "photo": "photo",
    }.items()
}

_MIXED: Wire = {
    "allowSync": False,
    "identifier": "com.plexapp.plugins.library",
    "mediaTagPrefix": MEDIA_TAG_PREFIX,
    "mediaTagVersion": MEDIA_TAG_VERSION,
    "mixedParents": True,
}
"""Container attributes of the lists that mix sections."""


def _recent(section: Section, request: Request) -> list[Node]:
    library = context(request).library
    nodes = [n for t in _RECENT_TYPES[section.kind] for n in library.items(section, t)]
    return sorted(nodes, key=lambda n: int(n.data.get("addedAt", 0)), reverse=True)


async def section_recently_added(request: Request) -> Response:
    """``GET /library/sections/{key}/recentlyAdded``: newest items first."""
    section = path_section(request)
    library = context(request).library
    nodes = library.memo(("recent", section.key), lambda: _recent(section, request))
    return paged(request, library_attrs(section), nodes, lambda n: row(library, n))


async def section_on_deck(request: Request) -> Response:
    """``GET /library/sections/{key}/onDeck``."""
    section = path_section(request)
    library = context(request).library
    nodes = continue_watching(library, account_id(request) or OWNER_ACCOUNT_ID, section.key)
    return paged(request, library_attrs(section), nodes, lambda n: row(library, n))


async def on_deck(request: Request) -> Response:
    """``GET /library/onDeck``: on deck across sections."""
    library = context(request).library
    nodes = continue_watching(library, account_id(request) or OWNER_ACCOUNT_ID, None)
    return paged(request, _MIXED, nodes, lambda n: row(library, n, section_fields=True))


_RECENT_NUMBERS = tuple(TYPE_NUMBERS[kind] for kind in ("movie", "season", "album", "photo"))
"""What ``/library/recentlyAdded`` lists (movies, seasons, albums, photos)."""


async def recently_added(request: Request) -> Response:
    """``GET /library/recentlyAdded``: movies, seasons and albums, newest first."""
    library = context(request).library

    def compute() -> list[Node]:
        nodes = [
            n
            for section in library.sections.values()
            for t in _RECENT_NUMBERS
            for n in library.items(section, t)
        ]
        return sorted(nodes, key=_added, reverse=True)

    nodes = library.memo(("recent", None), compute)
    return paged(request, _MIXED, nodes, lambda n: row(library, n, section_fields=True))


def _added(node: Node) -> int:
    """When a row was added; a season or album counts from its newest child."""
    if node.kind in ("season", "album") and node.children:
        return max(int(child.data.get("addedAt", 0)) for child in node.children)
    return int(node.data.get("addedAt", 0))


routes: list[BaseRoute] = [
    Route("/library/recentlyAdded", recently_added),
    Route("/library/onDeck", on_deck),
    Route("/library/sections/{key}/recentlyAdded", section_recently_added),
    Route("/library/sections/{key}/onDeck", section_on_deck),
]
