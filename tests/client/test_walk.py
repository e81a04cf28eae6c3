"""``library.walk``: a whole section with several pages in flight, async (asyncio and trio,
in-process) and sync (loopback). A counting transport sees every request, so the tests
assert what the server sees: every window once, never more than the bound at a time, nothing
running once the block is left, and a failed page raised as its own error."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

import anyio
import anyio.lowlevel
import httpx
import pytest
from anyio import wait_all_tasks_blocked

from plexkit import (
    AsyncPlexClient,
    ConfigurationError,
    ParseError,
    PlexClient,
    ServerError,
    TransportError,
)
from plexkit.models import Movie, Show
from plexkit.testing import FakePlexServer

MOVIES = 600
PAGE = 25
library = pytest.mark.plex_library(movies=MOVIES, shows=3, artists=1, photo_albums=1, history=0)
ITEMS = "/library/sections/1/all"


def window_of(request: httpx.Request) -> int | None:
    """The offset a section listing asks for (None for any other request)."""
    if request.url.path != ITEMS:
        return None
    return int(request.headers.get("X-Plex-Container-Start", "0"))


class AsyncCounting(httpx.AsyncBaseTransport):
    """Counts requests (all, and at once); ``fail_at`` answers that window with a 500, the
    windows from ``hang_from`` on never answer."""

    def __init__(self, inner: httpx.AsyncBaseTransport, fail_at: int | None = None) -> None:
        self.inner = inner
        self.fail_at = fail_at
        self.hang_from: int | None = None
        self.now = 0
        self.most = 0
        self.windows: list[int] = []
        self.finished: list[int] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        offset = window_of(request)
        if offset is not None:
            self.windows.append(offset)
        self.now += 1
        self.most = max(self.most, self.now)
        try:
            # Let the other page tasks start theirs (overlap shows), and finish the windows
            # out of order, so that only the walk's own ordering keeps the items in order.
            for _ in range(1 + ((offset or 0) // PAGE * 7) % 5):
                await anyio.lowlevel.checkpoint()
            if offset is not None and offset == self.fail_at:
                return httpx.Response(500, text="boom", request=request)
            if offset is not None and self.hang_from is not None and offset >= self.hang_from:
                await anyio.sleep_forever()
            response = await self.inner.handle_async_request(request)
            if offset is not None:
                self.finished.append(offset)
            return response
        finally:
            self.now -= 1


@pytest.fixture
async def counting(plex_server: FakePlexServer, anyio_backend: str) -> AsyncCounting:
    return AsyncCounting(plex_server.asgi_transport())


@pytest.fixture
async def plex(
    plex_server: FakePlexServer, counting: AsyncCounting
) -> AsyncIterator[AsyncPlexClient]:
    async with AsyncPlexClient(
        "http://plex.test:32400", token=plex_server.token, transport=counting, max_retries=0
    ) as client:
        yield client


async def server_order(plex: AsyncPlexClient) -> list[str]:
    """The section's rating keys as the server lists them in one page."""
    return [m.rating_key for m in (await plex.library.items(1, type="movie", limit=5000)).items]


@library
@pytest.mark.anyio
async def test_every_item_once_in_server_order_within_the_bound(
    plex: AsyncPlexClient, counting: AsyncCounting, plex_server: FakePlexServer
) -> None:
    expected = await server_order(plex)
    assert len(expected) == MOVIES
    counting.windows.clear()
    async with plex.library.walk(
        "Movies", type="movie", page_size=PAGE, pages_in_flight=3
    ) as items:
        walked = [movie async for movie in items]
    assert [m.rating_key for m in walked] == expected
    assert all(isinstance(m, Movie) for m in walked)
    assert sorted(counting.windows) == list(range(0, MOVIES, PAGE))  # each window once
    assert counting.finished != sorted(counting.finished)  # answered out of order
    assert counting.most == 3  # pages overlapped, and never more than the bound
    assert counting.now == 0


@library
@pytest.mark.anyio
async def test_one_page_in_flight_never_overlaps(
    plex: AsyncPlexClient, counting: AsyncCounting
) -> None:
    async with plex.library.walk(1, page_size=PAGE, pages_in_flight=1) as items:
        walked = [item async for item in items]
    assert len(walked) == MOVIES
    assert counting.most == 1


@library
@pytest.mark.anyio
async def test_limit_sort_and_filters_as_iter_items(plex: AsyncPlexClient) -> None:
    options: dict[str, Any] = {"sort": "year:desc", "limit": 110}
    plain = [m.rating_key async for m in plex.library.iter_items(1, page_size=PAGE, **options)]
    async with plex.library.walk(1, page_size=PAGE, **options) as items:
        walked = [m.rating_key async for m in items]
    assert walked == plain and len(walked) == 110
    genre = (await plex.library.items(1, type="movie", limit=1)).items[0].genres[0].tag
    tagged = plex.library.iter_items(1, page_size=PAGE, filters={"genre": genre})
    expected = [m.rating_key async for m in tagged]
    async with plex.library.walk(1, page_size=PAGE, filters={"genre": genre}) as items:
        assert [m.rating_key async for m in items] == expected


@library
@pytest.mark.anyio
async def test_narrowed_by_type(plex: AsyncPlexClient) -> None:
    async with plex.library.walk("TV Shows", type="show", page_size=2) as shows:
        found = [show async for show in shows]
    assert len(found) == 3 and all(isinstance(s, Show) for s in found)


@library
@pytest.mark.anyio
async def test_leaving_early_leaves_nothing_running(
    plex: AsyncPlexClient, counting: AsyncCounting
) -> None:
    counting.hang_from = 2 * PAGE
    seen = 0
    async with plex.library.walk(1, page_size=PAGE, pages_in_flight=4) as items:
        async for _ in items:
            seen += 1
            if seen == PAGE + 1:  # into the second page: the next three hang in flight
                in_flight = counting.now
                break
    assert in_flight == 3
    asked = len(counting.windows)
    assert counting.now == 0
    await wait_all_tasks_blocked()
    for _ in range(10):
        await anyio.lowlevel.checkpoint()
    assert counting.now == 0 and len(counting.windows) == asked
    assert [item async for item in items] == []  # a left walk is over


@library
@pytest.mark.anyio
async def test_cancelling_a_walk_stuck_on_a_page_cancels_its_requests(
    plex: AsyncPlexClient, counting: AsyncCounting, plex_server: FakePlexServer
) -> None:
    plex_server.faults.add(path=ITEMS, hang=True, skip=3)
    seen: list[str | None] = []

    async def walk() -> None:
        async with plex.library.walk(1, page_size=PAGE, pages_in_flight=4) as items:
            async for item in items:
                seen.append(item.rating_key)

    async with anyio.create_task_group() as tg:
        tg.start_soon(walk)
        await wait_all_tasks_blocked()  # the walk waits for the page that never comes
        assert counting.now >= 1
        tg.cancel_scope.cancel()
    assert counting.now == 0
    asked = len(counting.windows)
    await wait_all_tasks_blocked()
    assert len(counting.windows) == asked
    assert len(seen) % PAGE == 0 and len(seen) < MOVIES


@library
@pytest.mark.anyio
async def test_a_failed_page_raises_its_error_after_the_pages_before_it(
    plex_server: FakePlexServer, anyio_backend: str
) -> None:
    counting = AsyncCounting(plex_server.asgi_transport(), fail_at=5 * PAGE)
    async with AsyncPlexClient(
        "http://plex.test:32400", token=plex_server.token, transport=counting, max_retries=0
    ) as plex:
        expected = await server_order(plex)
        seen: list[str | None] = []
        with pytest.raises(ServerError) as raised:
            async with plex.library.walk(1, page_size=PAGE) as items:
                async for item in items:
                    seen.append(item.rating_key)
        assert raised.value.status_code == 500
        assert seen == expected[: 5 * PAGE]  # everything before the failed page, in order
        assert counting.now == 0


@library
@pytest.mark.anyio
@pytest.mark.parametrize(
    ("fault", "error"), [("truncate", TransportError), ("malformed", ParseError)]
)
async def test_a_broken_page_raises_its_error(
    plex: AsyncPlexClient,
    counting: AsyncCounting,
    plex_server: FakePlexServer,
    fault: str,
    error: type[Exception],
) -> None:
    plex_server.faults.add(path=ITEMS, skip=2, times=1, **{fault: True})
    seen = 0
    with pytest.raises(error):
        async with plex.library.walk(1, page_size=PAGE) as items:
            async for _ in items:
                seen += 1
    assert seen % PAGE == 0 and seen < MOVIES
    assert counting.now == 0


@pytest.mark.anyio
@pytest.mark.parametrize(
    "options",
    [
        {"pages_in_flight": 0},
        {"pages_in_flight": -1},
        {"pages_in_flight": 33},
        {"pages_in_flight": True},
        {"pages_in_flight": "4"},
        {"type": "moviez"},
        {"page_size": 0},
        {"limit": 0},
    ],
)
async def test_bad_arguments_are_refused_before_any_request(
    plex: AsyncPlexClient, counting: AsyncCounting, options: dict[str, Any]
) -> None:
    with pytest.raises(ConfigurationError):
        async with plex.library.walk("Movies", **options) as items:
            async for _ in items:
                pass
    assert counting.windows == [] and counting.most == 0


@pytest.mark.anyio
async def test_reserved_filters_are_refused_by_the_call_before_any_request(
    plex: AsyncPlexClient, counting: AsyncCounting
) -> None:
    with pytest.raises(ConfigurationError, match="sort="):
        plex.library.walk("Movies", filters={"sort": "year"})
    assert counting.most == 0


@pytest.mark.anyio
async def test_a_walk_is_entered_once_and_before_iterating(plex: AsyncPlexClient) -> None:
    walk = plex.library.walk(1)
    with pytest.raises(ConfigurationError, match="enter the walk"):
        async for _ in walk:
            pass
    async with walk as items:
        assert [m async for m in items]
    with pytest.raises(ConfigurationError, match="entered once"):
        async with walk:
            pass


# -- sync: the generated twin runs the pages on worker threads ---------------------------


class Counting(httpx.BaseTransport):
    """Thread-safe request counts; the first ``bound`` windows after the first page meet
    at a barrier, so the test fails unless they are in flight together."""

    def __init__(self, bound: int, fail_at: int | None = None) -> None:
        self.inner = httpx.HTTPTransport()
        self.fail_at = fail_at
        self.lock = threading.Lock()
        self.barrier = threading.Barrier(bound, timeout=30)
        self.bound = bound
        self.now = 0
        self.most = 0
        self.windows: list[int] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        offset = window_of(request)
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
            if offset is not None:
                self.windows.append(offset)
            meet = offset not in (None, 0) and len(self.windows) <= self.bound + 1
        try:
            if meet:
                self.barrier.wait()
            if offset is not None and offset == self.fail_at:
                return httpx.Response(500, text="boom", request=request)
            return self.inner.handle_request(request)
        finally:
            with self.lock:
                self.now -= 1

    def close(self) -> None:
        self.inner.close()


def page_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("plexkit-page")]


@pytest.fixture
def sync_url(plex_server: FakePlexServer) -> Iterator[str]:
    with plex_server.run_in_thread() as url:
        yield url


def sync_client(server: FakePlexServer, url: str, transport: Counting) -> PlexClient:
    return PlexClient(url, token=server.token, transport=transport, max_retries=0)


@library
def test_sync_walk_overlaps_within_the_bound_in_order(
    plex_server: FakePlexServer, sync_url: str
) -> None:
    counting = Counting(bound=3)
    with sync_client(plex_server, sync_url, counting) as plex:
        expected = [m.rating_key for m in plex.library.items(1, type="movie", limit=5000).items]
        counting.windows.clear()
        with plex.library.walk("Movies", type="movie", page_size=PAGE, pages_in_flight=3) as items:
            walked = [movie.rating_key for movie in items]
    assert walked == expected
    assert sorted(counting.windows) == list(range(0, MOVIES, PAGE))
    assert counting.most == 3
    assert page_threads() == []


@library
def test_sync_walk_left_early_waits_for_its_threads(
    plex_server: FakePlexServer, sync_url: str
) -> None:
    counting = Counting(bound=4)
    with sync_client(plex_server, sync_url, counting) as plex:
        with plex.library.walk(1, page_size=PAGE, pages_in_flight=4) as items:
            for n, _ in enumerate(items):
                if n == PAGE:
                    break
        assert counting.now == 0 and page_threads() == []
        asked = len(counting.windows)
        assert asked <= 1 + 4 + 1  # the first page, the bound, the one started as one was taken
        assert list(items) == []
        assert len(counting.windows) == asked


@library
def test_sync_failed_page_raises_its_error(plex_server: FakePlexServer, sync_url: str) -> None:
    counting = Counting(bound=4, fail_at=3 * PAGE)
    with sync_client(plex_server, sync_url, counting) as plex:
        seen: list[str | None] = []
        with pytest.raises(ServerError), plex.library.walk(1, page_size=PAGE) as items:
            seen.extend(item.rating_key for item in items)
        assert len(seen) == 3 * PAGE
    assert page_threads() == []


def test_sync_bad_bound_is_refused_before_any_request(
    plex_server: FakePlexServer, sync_url: str
) -> None:
    counting = Counting(bound=2)
    with (
        sync_client(plex_server, sync_url, counting) as plex,
        pytest.raises(ConfigurationError, match="pages_in_flight"),
    ):
        plex.library.walk(1, pages_in_flight=0)
    assert counting.most == 0


# -- servers that send no total, cap their pages or ignore the window ------------------------


def shaped_library(
    total: int, *, with_total: bool = True, cap: int | None = None, whole: bool = False
) -> Any:
    """A MockTransport handler serving ``total`` movies: without any total, with pages cut at
    ``cap`` items, or (``whole``) the whole list whatever the window. Records the windows."""
    windows: list[tuple[int, int]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        start = int(request.headers["X-Plex-Container-Start"])
        size = int(request.headers["X-Plex-Container-Size"])
        windows.append((start, size))
        if whole:
            start, size = 0, total
        keys = range(start, min(start + min(size, cap or size), total))
        items = [
            {"ratingKey": str(k), "key": f"/library/metadata/{k}", "type": "movie", "title": "M"}
            for k in keys
        ]
        body: dict[str, Any] = {"size": len(items), "offset": start, "Metadata": items}
        if with_total:
            body["totalSize"] = total
        return httpx.Response(200, json={"MediaContainer": body})

    handler.windows = windows  # type: ignore[attr-defined]
    return handler


def windows(start: int, step: int, end: int, size: int | None = None) -> list[tuple[int, int]]:
    """The windows from ``start`` to ``end`` by ``step``, each asking ``size`` (default:
    what is left, at most ``step``)."""
    return [(o, size or min(step, end - o)) for o in range(start, end, step)]


@pytest.mark.parametrize(
    ("shape", "expected_windows"),
    [
        ({}, windows(0, 40, 250)),
        ({"with_total": False}, windows(0, 40, 250, size=40)),  # until a short page
        ({"cap": 30}, [(0, 40), *windows(30, 30, 250)]),  # pages of 30 after the first
        ({"whole": True}, [(0, 40)]),  # the first 40, then stop
    ],
    ids=["total", "no-total", "capped", "window-ignored"],
)
@pytest.mark.anyio
async def test_server_shapes(
    shape: dict[str, Any], expected_windows: list[tuple[int, int]], anyio_backend: str
) -> None:
    handler = shaped_library(250, **shape)
    async with (
        AsyncPlexClient(
            "http://plex.test:32400", token="t", transport=httpx.MockTransport(handler)
        ) as plex,
        plex.library.walk(1, type="movie", page_size=40) as items,
    ):
        keys = [int(m.rating_key) async for m in items]
    assert keys == list(range(40 if shape.get("whole") else 250))
    assert sorted(handler.windows) == expected_windows


def test_sync_walk_without_a_total_reads_page_after_page() -> None:
    handler = shaped_library(95, with_total=False)
    transport = httpx.MockTransport(handler)
    with (
        PlexClient("http://plex.test:32400", token="t", transport=transport) as plex,
        plex.library.walk(1, type="movie", page_size=20, limit=90) as items,
    ):
        keys = [int(m.rating_key) for m in items]
    assert keys == list(range(90))
    assert handler.windows == [(0, 20), (20, 20), (40, 20), (60, 20), (80, 10)]
