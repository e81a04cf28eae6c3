"""Agent matching and per-item jobs: ``/matches``, ``/match``, ``/unmatch``, ``/refresh``,
``/analyze`` under ``/library/metadata/{id}``, and ``/system/agents``.

Candidates are deterministic: the item's own match first (score 100, ``matched``), then
near misses, then real movies of the catalogue whose titles share a word with the query.
Matching applies the candidate's title and year to the fields that are not locked and
remembers them as "the agent's values"; a later ``/refresh`` restores those values to
unlocked fields, so a test can see locks being honoured. Refreshes and analyses run as
``library.refresh.items`` / ``media.analyze`` activities that end at once.
"""

from __future__ import annotations

import hashlib
import re
import weakref
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.catalog import FRANCHISES
from plexkit.testing.edits import is_locked
from plexkit.testing.library import FakeLibrary, plex_guid
from plexkit.testing.respond import HTTPError, container, context
from plexkit.testing.store import Node
from plexkit.testing.wire import Wire

_GUID = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$")
_MATCHABLE = {"movie", "show", "artist", "album"}
_AGENT_KIND = {"movie": "movie", "show": "show", "artist": "artist", "album": "album"}

AGENTS: tuple[Wire, ...] = (
    {
        "identifier": "tv.plex.agents.movie",
        "name": "Plex Movie",
        "primary": True,
        "hasPrefs": True,
        "hasAttribution": True,
        "MediaType": [{"mediaType": 1, "name": "movie"}],
    },
    {
        "identifier": "tv.plex.agents.series",
        "name": "Plex Series",
        "primary": True,
        "hasPrefs": True,
        "hasAttribution": True,
        "MediaType": [
            {"mediaType": 2, "name": "show"},
            {"mediaType": 3, "name": "season"},
            {"mediaType": 4, "name": "episode"},
        ],
    },
    {
        "identifier": "tv.plex.agents.music",
        "name": "Plex Music",
        "primary": True,
        "hasPrefs": True,
        "hasAttribution": True,
        "MediaType": [
            {"mediaType": 8, "name": "artist"},
            {"mediaType": 9, "name": "album"},
            {"mediaType": 10, "name": "track"},
        ],
    },
    {
        "identifier": "com.plexapp.agents.themoviedb",
        "name": "The Movie Database",
        "primary": True,
        "hasPrefs": True,
        "hasAttribution": True,
        "MediaType": [{"mediaType": 1, "name": "movie"}, {"mediaType": 2, "name": "show"}],
    },
    {
        "identifier": "com.plexapp.agents.none",
        "name": "Personal Media",
        "primary": True,
        "hasPrefs": False,
        "hasAttribution": False,
        "MediaType": [
            {"mediaType": 1, "name": "movie"},
            {"mediaType": 2, "name": "show"},
            {"mediaType": 8, "name": "artist"},
            {"mediaType": 13, "name": "photo"},
        ],
    },
    {
        "identifier": "com.plexapp.agents.localmedia",
        "name": "Local Media Assets",
        "primary": False,
        "hasPrefs": False,
        "hasAttribution": False,
        "MediaType": [{"mediaType": 1, "name": "movie"}, {"mediaType": 2, "name": "show"}],
    },
)


@dataclass
class AgentValues:
    """What the agent says about an item after a match (restored by ``/refresh``)."""

    guid: str
    title: str
    year: int | None


_AGENT_VALUES: weakref.WeakKeyDictionary[Node, AgentValues] = weakref.WeakKeyDictionary()


def _node(request: Request) -> Node:
    node = context(request).library.node(request.path_params["id"])
    if node is None:
        raise HTTPError(404, "no such item")
    return node


def _int(request: Request, name: str) -> int | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    try:
        return int(str(raw))
    except ValueError:
        raise HTTPError(400, f"{name} must be an integer") from None


def candidates(node: Node, title: str, year: int | None) -> list[Wire]:
    """The match candidates for ``node`` searched as ``title`` (``year``), best first."""
    kind = _AGENT_KIND.get(node.kind, node.kind)
    current = str(node.data.get("guid", ""))
    digest = hashlib.sha1(f"{kind}:{title}:{year}".encode()).hexdigest()[:16]
    thumb = f"https://metadata-static.plex.tv/{kind}/{digest}.jpg"
    found: list[Wire] = []

    def add(guid: str, name: str, y: int | None, score: int) -> None:
        if any(c["guid"] == guid for c in found):
            return
        entry: Wire = {
            "type": kind,
            "guid": guid,
            "name": name,
            "score": score,
            "thumb": thumb,
            "summary": f"{name} ({y})" if y else name,
            "matched": guid == current,
            "lifespanEnded": False,
        }
        if y is not None:
            entry["year"] = y
        found.append(entry)

    add(plex_guid(kind, title, year), title, year, 100)
    if year is not None:
        add(plex_guid(kind, title, year - 1), title, year - 1, 85)
        add(plex_guid(kind, f"{title} (Remake)", year + 20), f"{title} (Remake)", year + 20, 70)
    words = {w.casefold() for w in re.findall(r"\w+", title) if len(w) > 3}
    if kind == "movie":
        for franchise in FRANCHISES:
            for movie in franchise.movies:
                shared = words & {w.casefold() for w in re.findall(r"\w+", movie.title)}
                if shared:
                    add(f"tmdb://{movie.tmdb_id}", movie.title, movie.year, 40 + 10 * len(shared))
    found.sort(key=lambda c: -int(c["score"]))
    return found


async def matches(request: Request) -> Response:
    """``GET|PUT /library/metadata/{id}/matches?title=&year=&agent=&manual=1``."""
    node = _node(request)
    if node.kind not in _MATCHABLE:
        raise HTTPError(400, "this item cannot be matched")
    title = request.query_params.get("title") or str(node.data.get("title", ""))
    year = _int(request, "year")
    if year is None and "title" not in request.query_params:
        year = node.data.get("year")
    results = candidates(node, title, year)
    return container(request, {"size": len(results), "SearchResult": results})


def _retitle(library: FakeLibrary, node: Node, title: str | None, year: int | None) -> None:
    """Apply agent values to the fields that are not locked."""
    params: list[tuple[str, str]] = []
    if title and not is_locked(node.data, "title"):
        params.append(("title.value", title))
    if year is not None and not is_locked(node.data, "year"):
        params.append(("year.value", str(year)))
    if params:
        library.edit(node, params)


def _notify(library: FakeLibrary, node: Node) -> None:
    with library.lock:
        node.data["updatedAt"] = max(library.now(), int(node.data.get("updatedAt", 0)) + 1)
        node.touch()
        library.changed()
    library.notifier.timeline(node.data, node.type_number)


async def match(request: Request) -> Response:
    """``PUT /library/metadata/{id}/match?guid=&name=&year=``: apply a match."""
    library = context(request).library
    node = _node(request)
    guid = request.query_params.get("guid", "")
    if not _GUID.match(guid):
        raise HTTPError(400, "guid is required")
    name = request.query_params.get("name") or None
    year = _int(request, "year")
    if name is None or year is None:
        searched = candidates(node, name or str(node.data.get("title", "")), year)
        known = next((c for c in searched if c["guid"] == guid), None)
        if known is not None:
            name = name or str(known["name"])
            year = year if year is not None else known.get("year")
    with library.lock:
        node.data["guid"] = guid
        if guid.startswith(("imdb://", "tmdb://", "tvdb://")):
            node.data["Guid"] = [{"id": guid}]
        else:
            node.data.pop("Guid", None)
    _AGENT_VALUES[node] = AgentValues(guid, name or str(node.data.get("title", "")), year)
    _retitle(library, node, name, year)
    _notify(library, node)
    return Response(status_code=200)


async def unmatch(request: Request) -> Response:
    """``PUT /library/metadata/{id}/unmatch``: back to local metadata only."""
    library = context(request).library
    node = _node(request)
    with library.lock:
        node.data["guid"] = f"local://{node.rating_key}"
        node.data.pop("Guid", None)
    _AGENT_VALUES.pop(node, None)
    _notify(library, node)
    return Response(status_code=200)


def _job(library: FakeLibrary, node: Node, kind: str, subtitle: str) -> None:
    activity = library.start_activity(
        kind,
        "Refreshing" if kind == "library.refresh.items" else "Analyzing",
        subtitle=subtitle,
        cancellable=False,
        context={"key": f"/library/metadata/{node.rating_key}"},
    )
    activity["progress"] = 100
    library.end_activity(str(activity["uuid"]))


async def refresh(request: Request) -> Response:
    """``PUT /library/metadata/{id}/refresh``: re-read agent values into unlocked fields."""
    library = context(request).library
    node = _node(request)
    values = _AGENT_VALUES.get(node)
    _job(library, node, "library.refresh.items", str(node.data.get("title", "")))
    if values is not None:
        _retitle(library, node, values.title, values.year)
    _notify(library, node)
    return Response(status_code=200)


async def analyze(request: Request) -> Response:
    """``PUT /library/metadata/{id}/analyze``: a media analysis activity."""
    library = context(request).library
    node = _node(request)
    _job(library, node, "media.analyze", str(node.data.get("title", "")))
    _notify(library, node)
    return Response(status_code=200)


async def agents(request: Request) -> Response:
    """``GET /system/agents?mediaType=``: the metadata agents."""
    media_type = _int(request, "mediaType")
    found = [
        agent
        for agent in AGENTS
        if media_type is None or any(t["mediaType"] == media_type for t in agent["MediaType"])
    ]
    return container(request, {"size": len(found), "Agent": list(found)})


routes: list[BaseRoute] = [
    Route("/library/metadata/{id}/matches", matches, methods=["GET", "PUT"]),
    Route("/library/metadata/{id}/match", match, methods=["PUT"]),
    Route("/library/metadata/{id}/unmatch", unmatch, methods=["PUT"]),
    Route("/library/metadata/{id}/refresh", refresh, methods=["PUT"]),
    Route("/library/metadata/{id}/analyze", analyze, methods=["PUT"]),
    Route("/system/agents", agents),
]
