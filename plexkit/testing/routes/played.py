"""Played-state endpoints: ``/:/scrobble``, ``/:/unscrobble``, ``/:/progress``,
``/:/timeline`` and ``/:/rate``, each applied to the account of the request's token.

Shapes: PMS answers the first three and ``/:/rate`` with an empty 200; ``/:/timeline`` with
the container of ``plex-api.rs/timeline/timeline.json`` (``playbackState``, ``viewOffset``,
``viewCount``, ``skipCount``). An unknown ``key`` is a 404, a missing or malformed
``key``/``time``/``rating`` a 400, an ``identifier`` other than the library's a 400.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing import played
from plexkit.testing.respond import HTTPError, account_id, container, context
from plexkit.testing.store import Node
from plexkit.testing.tokens import OWNER_ACCOUNT_ID
from plexkit.testing.wire import Wire

_LIBRARY = "com.plexapp.plugins.library"
_STATES = frozenset({"playing", "paused", "stopped", "buffering"})


def _item(request: Request, name: str = "key") -> Node:
    q = request.query_params
    if q.get("identifier", _LIBRARY) != _LIBRARY:
        raise HTTPError(400, "identifier must be com.plexapp.plugins.library")
    raw = q.get(name) or q.get("ratingKey", "")
    raw = raw.rpartition("/")[2]
    if not raw:
        raise HTTPError(400, f"{name} is required")
    node = context(request).library.node(raw)
    if node is None:
        raise HTTPError(404, "no such item")
    return node


def _number(request: Request, name: str) -> float:
    raw = request.query_params.get(name)
    if raw is None:
        raise HTTPError(400, f"{name} is required")
    try:
        return float(raw)
    except ValueError:
        raise HTTPError(400, f"{name} must be a number") from None


def _account(request: Request) -> int:
    return account_id(request) or OWNER_ACCOUNT_ID


async def scrobble(request: Request) -> Response:
    """``GET /:/scrobble?key=&identifier=``: mark played (a show or season: every episode)."""
    played.scrobble(context(request).library, _account(request), _item(request))
    return Response(status_code=200)


async def unscrobble(request: Request) -> Response:
    """``GET /:/unscrobble?key=&identifier=``: mark unplayed."""
    played.unscrobble(context(request).library, _account(request), _item(request))
    return Response(status_code=200)


async def progress(request: Request) -> Response:
    """``GET /:/progress?key=&time=&state=``: remember how far playback got."""
    node = _item(request)
    offset = int(_number(request, "time"))
    library = context(request).library
    played.progress(library, _account(request), node, offset, int(node.data.get("duration", 0)))
    return Response(status_code=200)


async def timeline(request: Request) -> Response:
    """``GET /:/timeline?ratingKey=&key=&state=&time=&duration=``: a player's position."""
    node = _item(request, "ratingKey")
    state = request.query_params.get("state", "stopped")
    if state not in _STATES:
        raise HTTPError(400, f"unknown state {state!r}")
    offset = int(_number(request, "time"))
    duration = int(request.query_params.get("duration") or node.data.get("duration", 0) or 0)
    library = context(request).library
    account = _account(request)
    played.progress(library, account, node, offset, duration)
    now = played.state(library, account, node)
    mc: Wire = {
        "playbackState": state,
        "size": 0,
        "skipCount": 0,
        "viewCount": int(now.get("viewCount") or 0),
        "viewOffset": int(now.get("viewOffset") or 0),
    }
    return container(request, mc)


async def rate(request: Request) -> Response:
    """``PUT /:/rate?key=&identifier=&rating=``: 0-10 sets ``userRating``, -1 clears it."""
    node = _item(request)
    rating = _number(request, "rating")
    if rating > 10 or (rating < 0 and rating != -1):
        raise HTTPError(400, "rating must be between 0 and 10, or -1 to clear it")
    played.rate(context(request).library, _account(request), node, rating)
    return Response(status_code=200)


routes: list[BaseRoute] = [
    Route("/:/scrobble", scrobble, methods=["GET", "PUT"]),
    Route("/:/unscrobble", unscrobble, methods=["GET", "PUT"]),
    Route("/:/progress", progress, methods=["GET", "PUT", "POST"]),
    Route("/:/timeline", timeline, methods=["GET", "POST"]),
    Route("/:/rate", rate, methods=["GET", "PUT"]),
]
