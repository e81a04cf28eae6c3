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
from plexkit.testing.library import FakeLibrary
from plexkit.testing.respond import HTTPError, account_id, container, context, paged, section_of
from plexkit.testing.store import Node, Section
from plexkit.testing.tokens import OWNER_ACCOUNT_ID
from plexkit.testing.views import row
from plexkit.testing.wire import Wire

_HUB_COUNT = 6
"""Items PMS puts in each hub unless ``count`` says otherwise."""
_SECTION_WORDS = {"movie": "movie", "show": "tv", "artist": "music", "photo": "photo"}
_RECENT_TYPES = {"movie": 1, "show": 4, "artist": 9, "photo": 13}
_RECENT_KINDS = {"movie": "movie", "show": "episode", "artist": "album", "photo": "photo"}
_RECENT_TITLES = {"movie": "Movies", "show": "TV", "artist": "Music", "photo": "Photos"}


def _recent(library: FakeLibrary, section: Section) -> list[Node]:
    nodes = library.items(section, _RECENT_TYPES[section.kind])
    return sorted(nodes, key=lambda n: -int(n.data.get("addedAt", 0)))


def _account(request: Request) -> int:
    return account_id(request) or OWNER_ACCOUNT_ID


def _count(request: Request) -> int:
    try:
        return int(request.query_params.get("count", _HUB_COUNT))
    except ValueError:
        raise HTTPError(400, "count must be an integer") from None


def _items_hub(
    request: Request,
    nodes: list[Node],
    *,
    key: str,
    identifier: str,
    context_name: str,
    title: str,
    kind: str,
    style: str = "shelf",
) -> Wire:
    """A hub of items: the first ``count`` rendered as the asking account sees them."""
    library = context(request).library
    account = account_id(request)
    hub, shown = _hub(request, nodes, key, identifier, context_name, title, kind, style)
    if shown:
        hub["Metadata"] = [
            played.personal(library, account, row(library, n, section_fields=True)) for n in shown
        ]
    return hub


def _hub(
    request: Request,
    nodes: list[Node],
    key: str,
    identifier: str,
    context_name: str,
    title: str,
    kind: str,
    style: str = "shelf",
) -> tuple[Wire, list[Node]]:
    """A hub's attributes (``hubKey`` naming the first ``count`` items) and those items."""
    shown = nodes[: _count(request)]
    hub: Wire = {}
    if shown:
        hub["hubKey"] = "/library/metadata/" + ",".join(str(n.rating_key) for n in shown)
    hub.update(
        {
            "key": key,
            "title": title,
            "type": kind,
            "hubIdentifier": identifier,
            "context": context_name,
            "size": len(shown),
            "more": len(nodes) > len(shown),
            "style": style,
            "promoted": True,
        }
    )
    return hub, shown


def _continue_hub(request: Request) -> Wire:
    """The home ``Continue Watching`` hub of the asking account."""
    deck = decks.continue_watching(context(request).library, _account(request), None)
    return _items_hub(
        request,
        deck,
        key="/hubs/home/continueWatching",
        identifier="home.continue",
        context_name="hub.home.continue",
        title="Continue Watching",
        kind="mixed",
        style="hero",
    )


def _recent_hub(
    request: Request, section: Section, *, key: str, identifier: str, context_name: str
) -> Wire:
    """A section's recently added items as a hub (of episodes for shows, albums for music)."""
    return _items_hub(
        request,
        _recent(context(request).library, section),
        key=key,
        identifier=identifier,
        context_name=context_name,
        title=f"Recently Added {_RECENT_TITLES[section.kind]}",
        kind=_RECENT_KINDS[section.kind],
    )


def _home_hubs(request: Request) -> list[Wire]:
    library = context(request).library
    hubs = [_continue_hub(request)]
    for section in library.sections.values():
        word = _SECTION_WORDS[section.kind]
        type_number = _RECENT_TYPES[section.kind]
        hubs.append(
            _recent_hub(
                request,
                section,
                key=f"/hubs/home/recentlyAdded?type={type_number}&sectionID={section.key}",
                identifier=f"home.{word}.recent",
                context_name=f"hub.home.{word}.recent",
            )
        )
    hubs.append(_playlists_hub(request))
    return hubs


def _playlists_hub(request: Request) -> Wire:
    hub, shown = _hub(
        request,
        list(context(request).library.playlists),
        "/playlists/all?type=15&sort=lastViewedAt:desc&playlistType=video,audio",
        "home.playlists",
        "hub.home.playlists",
        "Recent Playlists",
        "playlist",
    )
    if shown:
        hub["Metadata"] = [n.data for n in shown]
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
    hub = _items_hub(
        request,
        deck,
        key="/hubs/home/onDeck",
        identifier="home.ondeck",
        context_name="hub.home.ondeck",
        title="On Deck",
        kind="mixed",
    )
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


def _section(request: Request) -> Section:
    return section_of(request, request.path_params["id"])


async def section_hubs(request: Request) -> Response:
    """``GET /hubs/sections/{id}``: continue watching and recently added of one section."""
    section = _section(request)
    library = context(request).library
    word = _SECTION_WORDS[section.kind]
    hubs: list[Wire] = []
    if section.kind in ("movie", "show"):
        hubs.append(
            _items_hub(
                request,
                decks.continue_watching(library, _account(request), section.key),
                key=f"/hubs/sections/{section.key}/continueWatching/items",
                identifier=f"{word}.inprogress.{section.key}",
                context_name=f"hub.{word}.inprogress",
                title="Continue Watching",
                kind={"movie": "movie", "show": "episode"}[section.kind],
            )
        )
    hubs.append(
        _recent_hub(
            request,
            section,
            key=f"/library/sections/{section.key}/recentlyAdded",
            identifier=f"{word}.recentlyadded.{section.key}",
            context_name=f"hub.{word}.recentlyadded",
        )
    )
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
