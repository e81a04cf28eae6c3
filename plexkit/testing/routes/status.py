"""Activity endpoints: ``/status/sessions``, watch history and ``/activities``."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.query import QueryError, parse, parse_sort, sort_items
from plexkit.testing.respond import HTTPError, account_id, container, context, paged
from plexkit.testing.tokens import OWNER_ACCOUNT_ID
from plexkit.testing.wire import Wire


async def sessions(request: Request) -> Response:
    """``GET /status/sessions``: what is playing now, with ``User``/``Player``/``Session``."""
    items = context(request).library.sessions
    mc: Wire = {"size": len(items)}
    if items:
        mc["Metadata"] = items
    return container(request, mc)


async def history(request: Request) -> Response:
    """``GET /status/sessions/history/all``: filter by ``accountID``, ``librarySectionID``,
    ``metadataItemID`` and ``viewedAt``; sorted ``viewedAt:desc`` unless ``sort`` says else.

    Like PMS, the owner's token sees every account's plays and any other account's token
    only its own (asking for someone else's ``accountID`` then finds nothing)."""
    library = context(request).library
    q = request.query_params
    entries = library.history
    account = account_id(request)
    if account != OWNER_ACCOUNT_ID:
        entries = [e for e in entries if int(e["accountID"]) == account]
    if "accountID" in q:
        entries = [e for e in entries if str(e["accountID"]) == q["accountID"]]
    if "librarySectionID" in q:
        entries = [e for e in entries if e["librarySectionID"] == q["librarySectionID"]]
    if "metadataItemID" in q:
        wanted = q["metadataItemID"]
        entries = [e for e in entries if wanted in _lineage(request, str(e["ratingKey"]))]
    viewed = [(k, v) for k, v in q.multi_items() if k.startswith("viewedAt")]
    try:
        mq = parse(viewed, now=library.now())
    except QueryError as exc:
        raise HTTPError(400, str(exc)) from None
    entries = [e for e in entries if mq.matches(e)]
    for key, descending in reversed(parse_sort(q.get("sort", "viewedAt:desc"))):
        entries = sort_items(entries, key, descending)
    return paged(request, {}, entries, lambda entry: entry)


def _lineage(request: Request, rating_key: str) -> set[str]:
    node = context(request).library.node(rating_key)
    keys = {rating_key}
    while node is not None and node.parent is not None:
        node = node.parent
        keys.add(str(node.rating_key))
    return keys


async def activities(request: Request) -> Response:
    """``GET /activities``: running background activities (scans, analysis...)."""
    items = list(context(request).library.activities.values())
    mc: Wire = {"size": len(items)}
    if items:
        mc["Activity"] = items
    return container(request, mc)


async def cancel_activity(request: Request) -> Response:
    """``DELETE /activities/{uuid}``: cancel a cancellable activity (400 if it is not)."""
    library = context(request).library
    activity = library.activities.get(str(request.path_params["uuid"]))
    if activity is None:
        raise HTTPError(404, "no such activity")
    if not activity.get("cancellable"):
        raise HTTPError(400, "activity cannot be cancelled")
    library.end_activity(str(activity["uuid"]))
    return Response(status_code=200)


routes: list[BaseRoute] = [
    Route("/status/sessions", sessions),
    Route("/status/sessions/history/all", history),
    Route("/activities", activities),
    Route("/activities/{uuid}", cancel_activity, methods=["DELETE"]),
]
