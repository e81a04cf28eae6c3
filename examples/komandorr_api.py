"""Komandorr's Plex endpoints as a small Starlette app on plexkit's async client.

    python examples/komandorr_api.py --fake            # against plexkit's fake server
    python examples/komandorr_api.py --url http://nas:32400 --token ... [--redis redis://...]

Activities are cached 5 s, watch history 5 min (``POST /api/plex/history/sync`` invalidates
and reloads it), library counts are precomputed every 60 s, sessions (streams) are never
cached. Every answer carries ``cached`` and ``cache_age`` (from ``capture_cache_info``, per
request, so concurrent requests never mix them). With ``--redis`` the cache lives in Redis and
falls back to memory while Redis is down.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

from _dashboard_common import add_server_options, error, jsonable, server_for
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from plexkit import AsyncPlexClient
from plexkit.cache import AsyncRefresher, AsyncResponseCache, CachePolicy, capture_cache_info
from plexkit.errors import PlexError, ServerUnavailableError, TransportError

TTLS = {"activities": 5.0, "history": 300.0}
COUNTS_INTERVAL = 60.0
HISTORY_LIMIT = 100


def make_cache(
    redis_url: str | None = None, *, clock: Callable[[], float] = time.time
) -> AsyncResponseCache:
    """Komandorr's cache: its TTLs, in Redis with a memory fallback, or in memory."""
    backend = None
    if redis_url:
        import redis.asyncio

        from plexkit.cache import AsyncRedisBackend

        client = redis.asyncio.Redis.from_url(redis_url, socket_connect_timeout=1, socket_timeout=1)
        backend = AsyncRedisBackend(client, prefix="komandorr:")
    return AsyncResponseCache(
        backend,
        policy=CachePolicy(overrides=TTLS),
        on_backend_down="memory",
        clock=clock,
    )


def create_app(
    plex: AsyncPlexClient,
    *,
    use_cache: bool = True,
    clock: Callable[[], float] = time.time,
    background: bool = False,
) -> Starlette:
    """The app over ``plex`` (a client created with a cache). ``use_cache=False`` sends every
    poll upstream (the baseline the benchmark compares with); ``background`` recomputes the
    counts on a timer instead of on the first poll after they are 60 s old."""
    control = plex.cache
    if control is None:
        raise ValueError("komandorr_api needs a client created with cache=")
    mode = None if use_cache else False
    counts = AsyncRefresher(
        control.library_counts, interval=COUNTS_INTERVAL, name="library_counts", clock=clock
    )

    def answer(body: dict[str, Any], cached: bool, age: float | None) -> JSONResponse:
        return JSONResponse({**body, "cached": cached, "cache_age": round(age or 0.0, 3)})

    async def activities(request: Request) -> JSONResponse:
        with capture_cache_info() as seen:
            found = await plex.activities.list(cache=mode)
        return answer({"activities": jsonable(found)}, seen.hit, seen.age)

    async def history(request: Request) -> JSONResponse:
        limit = _limit(request.query_params.get("limit"), HISTORY_LIMIT)
        if limit is None:
            return error(400, "invalid_limit", "limit must be an integer from 1 to 100")
        with capture_cache_info() as seen:
            page = await plex.history.list(limit=limit, cache=mode)
        return answer({"history": jsonable(page.items), "count": len(page)}, seen.hit, seen.age)

    async def history_sync(request: Request) -> JSONResponse:
        await control.invalidate("history")
        entries = await plex.history.list(limit=HISTORY_LIMIT, cache="refresh")
        return answer({"synced": len(entries)}, False, 0.0)

    async def stats(request: Request) -> JSONResponse:
        before = counts.snapshot().runs
        value = await (counts.get(max_age=COUNTS_INTERVAL) if use_cache else counts.refresh())
        fresh = counts.snapshot().runs != before
        return answer({"counts": value}, not fresh, counts.age)

    async def streams(request: Request) -> JSONResponse:
        sessions = await plex.sessions.list()  # what plays now is never cached
        return answer({"streams": jsonable(sessions), "count": len(sessions)}, False, 0.0)

    async def cache_stats(request: Request) -> JSONResponse:
        return answer((await control.stats()).to_dict(), False, 0.0)

    async def cache_clear(request: Request) -> JSONResponse:
        await control.clear()
        return answer({"cleared": True}, False, 0.0)

    async def cache_warm(request: Request) -> JSONResponse:
        report = await control.warm(["server", "sections", "activities", "history"])
        failed = {name: type(exc).__name__ for name, exc in report.items() if exc is not None}
        return answer({"warmed": sorted(set(report) - set(failed)), "failed": failed}, False, 0.0)

    async def unavailable(request: Request, exc: Exception) -> JSONResponse:
        return error(503, "plex_unavailable", "the Plex server is not reachable")

    async def plex_failed(request: Request, exc: Exception) -> JSONResponse:
        return error(502, "plex_error", type(exc).__name__)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if background:
            async with counts.running():
                yield
        else:
            yield

    return Starlette(
        routes=[
            Route("/api/plex/activities", activities),
            Route("/api/plex/history", history),
            Route("/api/plex/history/sync", history_sync, methods=["POST"]),
            Route("/api/plex/stats", stats),
            Route("/api/plex/streams", streams),
            Route("/api/cache/stats", cache_stats),
            Route("/api/cache/clear", cache_clear, methods=["POST"]),
            Route("/api/cache/warm", cache_warm, methods=["POST"]),
        ],
        exception_handlers={
            ServerUnavailableError: unavailable,
            TransportError: unavailable,
            PlexError: plex_failed,
        },
        lifespan=lifespan,
    )


async def simulate_dashboard(
    api: Any, advance: Callable[[float], None], *, seconds: int = 300
) -> int:
    """Poll like Komandorr's dashboard for ``seconds`` simulated seconds (activities every
    1 s, history every 10 s, stats every 5 s) through ``api`` (an httpx client on the app),
    moving the fake clock with ``advance``; returns how many answers were not 200."""
    failed = 0
    for second in range(seconds):
        paths = ["/api/plex/activities"]
        if second % 10 == 0:
            paths.append("/api/plex/history")
        if second % 5 == 0:
            paths.append("/api/plex/stats")
        for path in paths:
            response = await api.get(path)
            failed += response.status_code != 200
        advance(1.0)
    return failed


def _limit(raw: str | None, default: int) -> int | None:
    if raw is None:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= 100:
        return None
    return int(raw)


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_server_options(parser)
    parser.add_argument("--redis", help="a Redis URL for the shared cache")
    args = parser.parse_args()
    with server_for(args) as (url, token):
        plex = AsyncPlexClient(url, token=token, cache=make_cache(args.redis))
        uvicorn.run(create_app(plex, background=True), host="127.0.0.1", port=args.port)


if __name__ == "__main__":
    main()
