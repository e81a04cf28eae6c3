"""Hubs: the home hubs (``/hubs``, ``/hubs/promoted``, continue watching, on deck, recently
added) and the section hubs (``/hubs/sections/{id}``); hub search is
`plexkit.testing.routes.hub_search`.

Shapes follow ``home-assistant-core/hubs.xml`` (home: ``hubKey``, ``key``, ``hubIdentifier``
``home.continue`` with ``style="hero"``, ``promoted="1"``) and
``home-assistant-core/hubs_library_section.xml`` (section hubs: container with
``librarySectionID``/``librarySectionTitle``/``librarySectionUUID``). Continue watching and
on deck are computed for the account of the request's token.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing import deck as decks
from plexkit.testing import played
from plexkit.testing.hub import HubSpec, hub_attrs, items_hub
from plexkit.testing.library import FakeLibrary
from plexkit.testing.respond import (
    account_id,
    container,
    context,
    paged,
    path_section,
    section_of,
)
from plexkit.testing.store import Node, Section
from plexkit.testing.tokens import OWNER_ACCOUNT_ID
from plexkit.testing.views import row
from plexkit.testing.wire import Wire

_SECTION_WORDS = {"movie": "movie", "show": "tv", "artist": "music", "photo": "photo"}
_RECENT_TYPES = {"movie": 1, "show": 4, "artist": 9, "photo": 13}
_RECENT_KINDS = {"movie": "movie", "show": "episode", "artist": "album", "photo": "photo"}
_RECENT_TITLES = {"movie": "Movies", "show": "TV", "artist": "Music", "photo": "Photos"}


def _recent(library: FakeLibrary, section: Section) -> list[Node]:
    nodes = library.items(section, _RECENT_TYPES[section.kind])
    return sorted(nodes, key=lambda n: -int(n.data.get("addedAt", 0)))


def _account(request: Request) -> int:
    return account_id(request) or OWNER_ACCOUNT_ID


def _continue_hub(request: Request) -> Wire:
    """The home ``Continue Watching`` hub of the asking account."""
    deck = decks.continue_watching(context(request).library, _account(request), None)
    spec = HubSpec(
        "/hubs/home/continueWatching",
        "home.continue",
        "hub.home.continue",
        "Continue Watching",
        "mixed",
        style="hero",
    )
    return items_hub(request, deck, spec)


def _recent_hub(request: Request, section: Section, key: str, identifier: str) -> Wire:
    """A section's recently added items as a hub (of episodes for shows, albums for music);
    the context is ``hub.`` and the identifier without the section key."""
    context_name = "hub." + identifier.removesuffix(f".{section.key}")
    title = f"Recently Added {_RECENT_TITLES[section.kind]}"
    spec = HubSpec(key, identifier, context_name, title, _RECENT_KINDS[section.kind])
    return items_hub(request, _recent(context(request).library, section), spec)


def _home_hubs(request: Request) -> list[Wire]:
    library = context(request).library
    hubs = [_continue_hub(request)]
    for section in library.sections.values():
        word = _SECTION_WORDS[section.kind]
        type_number = _RECENT_TYPES[section.kind]
        key = f"/hubs/home/recentlyAdded?type={type_number}&sectionID={section.key}"
        hubs.append(_recent_hub(request, section, key, f"home.{word}.recent"))
    hubs.append(_playlists_hub(request))
    return hubs


def _playlists_hub(request: Request) -> Wire:
    spec = HubSpec(
        "/playlists/all?type=15&sort=lastViewedAt:desc&playlistType=video,audio",
        "home.playlists",
        "hub.home.playlists",
        "Recent Playlists",
        "playlist",
    )
    hub, shown = hub_attrs(request, list(context(request).library.playlists), spec)
    if shown:
        library, account = context(request).library, account_id(request)
        hub["Metadata"] = [played.personal(library, account, n.data) for n in shown]
    return hub


async def home(request: Request) -> Response:
    """``GET /hubs`` (and ``/hubs/promoted``): the home screen hubs."""
    hubs = _home_hubs(request)
    mc: Wire = {"size": len(hubs), "allowSync": True, "identifier": "com.plexapp.plugins.library"}
    mc["Hub"] = hubs
    return container(request, mc)


def _hub_container(request: Request, hub: Wire, section: Section | None = None) -> Response:
    mc: Wire = {"size": 1, "allowSync": True, "identifier": "com.plexapp.plugins.library"}
    if section is not None:
        mc.update(_section_attrs(section))
    mc["Hub"] = [hub]
    return container(request, mc)


async def continue_watching(request: Request) -> Response:
    """``GET /hubs/continueWatching`` and ``/hubs/home/continueWatching``: one hub."""
    return _hub_container(request, _continue_hub(request))


async def continue_watching_items(request: Request) -> Response:
    """``GET /hubs/continueWatching/items``: every continue-watching item, paged."""
    library = context(request).library
    deck = decks.continue_watching(library, _account(request), _section_filter(request))
    attrs: Wire = {"allowSync": True, "identifier": "com.plexapp.plugins.library"}
    return paged(request, attrs, deck, lambda n: row(library, n, section_fields=True))


async def home_on_deck(request: Request) -> Response:
    """``GET /hubs/home/onDeck``: the on-deck hub."""
    library = context(request).library
    deck = decks.continue_watching(library, _account(request), _section_filter(request))
    spec = HubSpec("/hubs/home/onDeck", "home.ondeck", "hub.home.ondeck", "On Deck", "mixed")
    hub = items_hub(request, deck, spec)
    return _hub_container(request, hub)


async def home_recently_added(request: Request) -> Response:
    """``GET /hubs/home/recentlyAdded?type=&sectionID=``: recently added items, paged."""
    library = context(request).library
    key = _section_filter(request)
    sections = [s for s in library.sections.values() if key is None or s.key == key]
    wanted = request.query_params.get("type")
    nodes = [
        n
        for s in sections
        # Plex Web asks with the section's own type (``type=2`` for TV: plex-api-spec's
        # get-recently-added examples), older clients with the listed type (``type=4``)
        if wanted is None or wanted in (str(_RECENT_TYPES[s.kind]), str(s.root_type))
        for n in _recent(library, s)
    ]
    attrs: Wire = {"allowSync": True, "identifier": "com.plexapp.plugins.library"}
    return paged(request, attrs, nodes, lambda n: row(library, n, section_fields=True))


def _section_filter(request: Request) -> int | None:
    raw = request.query_params.get("sectionID") or request.path_params.get("id")
    if raw is None:
        return None
    return section_of(request, raw).key


def _section_attrs(section: Section) -> Wire:
    return {
        "librarySectionID": section.key,
        "librarySectionTitle": section.title,
        "librarySectionUUID": section.uuid,
    }


async def section_hubs(request: Request) -> Response:
    """``GET /hubs/sections/{id}``: continue watching and recently added of one section."""
    section = path_section(request, "id")
    library = context(request).library
    word = _SECTION_WORDS[section.kind]
    hubs: list[Wire] = []
    if section.kind in ("movie", "show"):
        spec = HubSpec(
            f"/hubs/sections/{section.key}/continueWatching/items",
            f"{word}.inprogress.{section.key}",
            f"hub.{word}.inprogress",
            "Continue Watching",
            {"movie": "movie", "show": "episode"}[section.kind],
        )
        deck = decks.continue_watching(library, _account(request), section.key)
        hubs.append(items_hub(request, deck, spec))
    key = f"/library/sections/{section.key}/recentlyAdded"
    hubs.append(_recent_hub(request, section, key, f"{word}.recentlyadded.{section.key}"))
    mc: Wire = {"size": len(hubs), "allowSync": True, "identifier": "com.plexapp.plugins.library"}
    mc.update(_section_attrs(section))
    mc["Hub"] = hubs
    return container(request, mc)


routes: list[BaseRoute] = [
    Route("/hubs", home),
    Route("/hubs/promoted", home),
    Route("/hubs/continueWatching", continue_watching),
    Route("/hubs/home/continueWatching", continue_watching),
    Route("/hubs/continueWatching/items", continue_watching_items),
    Route("/hubs/home/onDeck", home_on_deck),
    Route("/hubs/home/recentlyAdded", home_recently_added),
    Route("/hubs/sections/{id}", section_hubs),
    Route("/hubs/sections/{id}/continueWatching/items", continue_watching_items),
]
