"""Request helpers shared by the route modules: context, format, paging, errors.

PMS answers XML unless ``Accept`` asks for JSON; paging comes from ``X-Plex-Container-Start``
/ ``X-Plex-Container-Size`` as headers or query parameters; paged containers carry
``totalSize``/``offset`` and every list carries the ``X-Plex-Container-Start`` /
``X-Plex-Container-Total-Size`` headers.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from starlette.requests import Request
from starlette.responses import Response

from plexkit.testing import played
from plexkit.testing.library import FakeLibrary
from plexkit.testing.notifications import Websockets
from plexkit.testing.play_queue import PlayQueues
from plexkit.testing.query import MediaQuery, QueryError, parse
from plexkit.testing.render import JSON_TYPE, XML_TYPE, to_json, to_xml
from plexkit.testing.store import Node, Section, Selector
from plexkit.testing.tokens import Tokens, scope_token
from plexkit.testing.views import customise
from plexkit.testing.wire import Wire

T = TypeVar("T")

_ERROR_PAGES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
}


@dataclass
class Context:
    """What every route needs: the data, the accepted tokens, the open websockets and the
    play queues."""

    library: FakeLibrary
    tokens: Tokens
    websockets: Websockets = field(default_factory=Websockets)
    play_queues: PlayQueues = field(default_factory=PlayQueues)
    updater_checked_at: int | None = None
    """When ``/updater/check`` last ran (the server's start until then)."""


class HTTPError(Exception):
    """Raised by a route to answer with PMS's HTML error page for ``status``."""

    def __init__(self, status: int, detail: str = "") -> None:
        super().__init__(detail or _ERROR_PAGES.get(status, "Error"))
        self.status = status


def context(request: Request) -> Context:
    """The server context the app was built with."""
    ctx: Context = request.app.state.fake
    return ctx


def account_id(request: Request) -> int | None:
    """The account the request's token belongs to (1 is the owner), or None."""
    return context(request).tokens.account(scope_token(request.scope))


def section_of(request: Request, key: str | int) -> Section:
    """The library section with this key, or a 404 as PMS answers for an unknown one."""
    section = context(request).library.section(key)
    if section is None:
        raise HTTPError(404, "no such library section")
    return section


def path_section(request: Request, name: str = "key") -> Section:
    """The section named by the path parameter ``name`` (404 when there is none)."""
    return section_of(request, request.path_params[name])


def params(request: Request) -> list[tuple[str, str]]:
    """All query parameters, in order, repeated keys kept."""
    return list(request.query_params.multi_items())


def wants_json(request: Request) -> bool:
    """True when the client asked for JSON (``Accept: application/json``)."""
    return JSON_TYPE in request.headers.get("accept", "")


def error_page(status: int) -> Response:
    """PMS's bare HTML error page."""
    title = _ERROR_PAGES.get(status, "Error")
    body = f"<html><head><title>{title}</title></head><body><h1>{status} {title}</h1></body></html>"
    return Response(body, status_code=status, media_type="text/html")


def container(
    request: Request,
    mc: Wire,
    *,
    headers: dict[str, str] | None = None,
    root: str = "MediaContainer",
) -> Response:
    """A ``MediaContainer`` (or other ``root``) response in the format the client asked for."""
    if wants_json(request):
        return Response(to_json(mc, root), media_type=JSON_TYPE, headers=headers)
    return Response(to_xml(mc, root), media_type=XML_TYPE, headers=headers)


def media_query(request: Request, **extra: str) -> MediaQuery:
    """The request's media query (``type``, filters, ``sort``, ``limit``)."""
    pairs = params(request) + list(extra.items())
    try:
        return parse(pairs, now=context(request).library.now())
    except QueryError as exc:
        raise HTTPError(400, str(exc)) from None


def select(
    request: Request,
    scope: Hashable,
    section: Section | None,
    type_number: int,
    mq: MediaQuery,
) -> list[Node]:
    """Run ``mq`` as the request's account sees the library: played-state filters and sorts
    (``unwatched``, ``viewCount``, ``lastViewedAt``...) use that account's plays, as on PMS."""
    return selector(request)(scope, section, type_number, mq)


def selector(request: Request) -> Selector:
    """`select` bound to ``request``: smart collections and playlists run their query with it,
    so ``unwatched`` and the rest mean the requesting account's plays, as in the listings."""
    return played.account_selector(context(request).library, account_id(request))


def query_key(request: Request) -> tuple[tuple[str, str], ...]:
    """A hashable identity of the request's query, paging and display options left out."""
    skip = {"X-Plex-Container-Start", "X-Plex-Container-Size", "X-Plex-Token"}
    return tuple(sorted((k, v) for k, v in params(request) if k not in skip))


def paging(request: Request) -> tuple[int, int | None, bool]:
    """``(start, size, paged)`` from headers or query parameters."""
    values: list[int | None] = []
    for name in ("X-Plex-Container-Start", "X-Plex-Container-Size"):
        raw = request.query_params.get(name) or request.headers.get(name)
        if raw is None or raw == "":
            values.append(None)
            continue
        try:
            value = int(raw)
        except ValueError:
            raise HTTPError(400, f"{name} must be an integer") from None
        if value < 0:
            raise HTTPError(400, f"{name} must not be negative")
        values.append(value)
    start, size = values
    return start or 0, size, start is not None or size is not None


def paged(
    request: Request,
    attrs: Wire,
    items: Sequence[T],
    render: Callable[[T], Wire],
    *,
    key: str = "Metadata",
) -> Response:
    """One page of ``items`` in a container with ``attrs`` and PMS's paging fields."""
    start, size, is_paged = paging(request)
    total = len(items)
    window = items[start : start + size] if size is not None else items[start:]
    mc: Wire = {"size": len(window)}
    if is_paged:
        mc["totalSize"] = total
        mc["offset"] = start
    mc.update(attrs)
    if window:
        excluded_fields = _csv(request, "excludeFields")
        excluded_elements = _csv(request, "excludeElements")
        library, account = context(request).library, account_id(request)
        mc[key] = [
            customise(
                played.personal(library, account, render(item)), excluded_fields, excluded_elements
            )
            for item in window
        ]
    headers = {"X-Plex-Container-Start": str(start), "X-Plex-Container-Total-Size": str(total)}
    return container(request, mc, headers=headers)


def flag(request: Request, name: str) -> bool:
    """True when a ``0``/``1`` query flag is set."""
    return request.query_params.get(name, "0") not in ("0", "", "false")


def _csv(request: Request, name: str) -> set[str]:
    raw = request.query_params.get(name, "")
    return {part for part in raw.split(",") if part}
