"""MediaNest's read-only Plex endpoints as a small Starlette app on plexkit's async client.

    python examples/medianest_api.py --fake
    python examples/medianest_api.py --url http://nas:32400 --token ...

Server info and libraries are cached 1 h, items, search, recently added and collections
15 min (plexkit's default TTLs); each answer's ``Cache-Control: max-age`` is that TTL. Limits
are 1-100; a missing ``query`` is a 400; unknown libraries 404; Plex refusing the token 401;
Plex unreachable 503, each as ``{"error": {"code", "message", "status"}}``.
"""

from __future__ import annotations

import argparse

from _dashboard_common import add_server_options, error, jsonable, server_for
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from plexkit import AsyncPlexClient
from plexkit.cache import DEFAULT_TTLS, capture_cache_info
from plexkit.errors import (
    NotFoundError,
    PlexError,
    ServerUnavailableError,
    TransportError,
    UnauthorizedError,
)

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def create_app(plex: AsyncPlexClient) -> Starlette:
    """The app over ``plex`` (create it with ``cache=True`` for the documented TTLs)."""

    def answer(body: object, cache_name: str) -> JSONResponse:
        ttl = int(DEFAULT_TTLS[cache_name])
        return JSONResponse(body, headers={"Cache-Control": f"public, max-age={ttl}"})

    async def server(request: Request) -> JSONResponse:
        return answer(jsonable(await plex.server.info()), "server")

    async def libraries(request: Request) -> JSONResponse:
        return answer({"libraries": jsonable(await plex.library.sections())}, "sections")

    async def items(request: Request) -> JSONResponse:
        limit, offset = _int(request, "limit", DEFAULT_LIMIT), _int(request, "offset", 0)
        if limit is None or not 1 <= limit <= MAX_LIMIT:
            return error(400, "invalid_limit", "limit must be an integer from 1 to 100")
        if offset is None or offset < 0:
            return error(400, "invalid_offset", "offset must be an integer >= 0")
        key = await _section_key(request.path_params["key"])
        if key is None:
            return error(404, "library_not_found", "no library with that key")
        with capture_cache_info() as seen:
            page = await plex.library.items(key, limit=limit, offset=offset)
        body = {
            "items": jsonable(page.items),
            "offset": page.offset,
            "limit": limit,
            "total": page.total,
            "has_more": page.has_more,
            "cached": seen.hit,
        }
        return answer(body, "items")

    async def search(request: Request) -> JSONResponse:
        query = (request.query_params.get("query") or "").strip()
        if not query:
            return error(400, "missing_query", "the query parameter is required")
        limit = _int(request, "limit", DEFAULT_LIMIT)
        if limit is None or not 1 <= limit <= MAX_LIMIT:
            return error(400, "invalid_limit", "limit must be an integer from 1 to 100")
        hubs = await plex.library.search(query, limit=limit)
        results = [
            {"type": hub.type, "title": hub.title, "items": jsonable(hub.items)}
            for hub in hubs
            if hub.items
        ]
        return answer({"query": query, "results": results}, "search")

    async def recently_added(request: Request) -> JSONResponse:
        limit = _int(request, "limit", DEFAULT_LIMIT)
        if limit is None or not 1 <= limit <= MAX_LIMIT:
            return error(400, "invalid_limit", "limit must be an integer from 1 to 100")
        return answer(
            {"items": jsonable(await plex.library.recently_added(limit=limit))}, "recently_added"
        )

    async def collections(request: Request) -> JSONResponse:
        key = await _section_key(request.path_params["key"])
        if key is None:
            return error(404, "library_not_found", "no library with that key")
        found = await plex.library.collections(key)
        return answer({"collections": jsonable(found)}, "collections")

    async def _section_key(key: str) -> str | None:
        sections = await plex.library.sections()
        return key if any(section.key == key for section in sections) else None

    async def not_found(request: Request, exc: Exception) -> JSONResponse:
        return error(404, "not_found", "Plex has no such item")

    async def unauthorized(request: Request, exc: Exception) -> JSONResponse:
        return error(401, "plex_unauthorized", "Plex refused the configured token")

    async def unavailable(request: Request, exc: Exception) -> JSONResponse:
        return error(503, "plex_unavailable", "the Plex server is not reachable")

    async def failed(request: Request, exc: Exception) -> JSONResponse:
        return error(502, "plex_error", type(exc).__name__)

    prefix = "/api/v1/plex"
    return Starlette(
        routes=[
            Route(f"{prefix}/server", server),
            Route(f"{prefix}/libraries", libraries),
            Route(f"{prefix}/libraries/{{key}}/items", items),
            Route(f"{prefix}/libraries/{{key}}/collections", collections),
            Route(f"{prefix}/search", search),
            Route(f"{prefix}/recently-added", recently_added),
        ],
        exception_handlers={
            NotFoundError: not_found,
            UnauthorizedError: unauthorized,
            ServerUnavailableError: unavailable,
            TransportError: unavailable,
            PlexError: failed,
        },
    )


def _int(request: Request, name: str, default: int) -> int | None:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    return int(raw) if raw.isdigit() else None


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_server_options(parser)
    args = parser.parse_args()
    with server_for(args) as (url, token):
        plex = AsyncPlexClient(url, token=token, cache=True)
        uvicorn.run(create_app(plex), host="127.0.0.1", port=args.port)


if __name__ == "__main__":
    main()
