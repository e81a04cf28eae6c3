"""The exact requests each client call sends, asserted with httpx.MockTransport.

Both clients are covered: the sync one is generated from the async one, so a difference here
means the generator or the primitives broke.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from plexkit import AsyncPlexClient, ClientIdentity, ConfigurationError, PlexClient
from plexkit.models import Location, Section

TOKEN = "wire-token-0123456789"
IDENTITY = ClientIdentity(
    client_identifier="test-client-id", product="plexkit-tests", version="9.9", device_name="ci"
)
MOVIE = {
    "ratingKey": "42",
    "key": "/library/metadata/42",
    "type": "movie",
    "title": "Heat",
    "year": 1995,
    "addedAt": 1700000000,
}


def container(**fields: Any) -> bytes:
    return json.dumps({"MediaContainer": {"size": 0, **fields}}).encode()


class Recorder:
    """A MockTransport handler that records requests and answers from a route table."""

    def __init__(self, routes: dict[str, Callable[[httpx.Request], httpx.Response]]) -> None:
        self.routes = routes
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        handler = self.routes.get(request.url.path)
        if handler is None:
            return httpx.Response(404, text="<html>Not Found</html>")
        return handler(request)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def json_response(body: bytes, **headers: str) -> Callable[[httpx.Request], httpx.Response]:
    return lambda _req: httpx.Response(
        200, content=body, headers={"content-type": "application/json", **headers}
    )


def sync_client(recorder: Recorder) -> PlexClient:
    return PlexClient(
        "http://pms.test:32400",
        token=TOKEN,
        identity=IDENTITY,
        transport=httpx.MockTransport(recorder),
    )


def async_client(recorder: Recorder) -> AsyncPlexClient:
    return AsyncPlexClient(
        "http://pms.test:32400",
        token=TOKEN,
        identity=IDENTITY,
        transport=httpx.MockTransport(recorder),
    )


def assert_identity_headers(request: httpx.Request) -> None:
    assert request.headers["X-Plex-Token"] == TOKEN
    assert request.headers["X-Plex-Client-Identifier"] == "test-client-id"
    assert request.headers["X-Plex-Product"] == "plexkit-tests"
    assert request.headers["X-Plex-Version"] == "9.9"
    assert request.headers["X-Plex-Device-Name"] == "ci"
    assert request.headers["Accept"] == "application/json"
    assert "X-Plex-Token" not in str(request.url)


def test_sync_items_page_sends_window_type_sort_and_filters() -> None:
    recorder = Recorder(
        {
            "/library/sections/1/all": json_response(
                container(size=1, totalSize=321, offset=100, Metadata=[MOVIE])
            )
        }
    )
    with sync_client(recorder) as plex:
        page = plex.library.items(
            "1", limit=25, offset=100, type="movie", sort="addedAt:desc", filters={"genre": "Drama"}
        )
    request = recorder.last
    assert request.method == "GET"
    assert dict(request.url.params) == {"type": "1", "sort": "addedAt:desc", "genre": "Drama"}
    assert request.headers["X-Plex-Container-Start"] == "100"
    assert request.headers["X-Plex-Container-Size"] == "25"
    assert_identity_headers(request)
    assert page.total == 321 and page.offset == 100
    assert [item.title for item in page.items] == ["Heat"]


@pytest.mark.anyio
async def test_async_items_page_sends_the_same_request() -> None:
    recorder = Recorder(
        {
            "/library/sections/1/all": json_response(
                container(size=1, totalSize=321, offset=100, Metadata=[MOVIE])
            )
        }
    )
    async with async_client(recorder) as plex:
        page = await plex.library.items(
            "1", limit=25, offset=100, type="movie", sort="addedAt:desc", filters={"genre": "Drama"}
        )
    request = recorder.last
    assert dict(request.url.params) == {"type": "1", "sort": "addedAt:desc", "genre": "Drama"}
    assert request.headers["X-Plex-Container-Start"] == "100"
    assert request.headers["X-Plex-Container-Size"] == "25"
    assert_identity_headers(request)
    assert page.total == 321 and [item.rating_key for item in page.items] == ["42"]


def paged_library(total: int) -> Callable[[httpx.Request], httpx.Response]:
    """Serves ``total`` movies honouring the container window, total only in the header."""

    def handler(request: httpx.Request) -> httpx.Response:
        start = int(request.headers["X-Plex-Container-Start"])
        size = int(request.headers["X-Plex-Container-Size"])
        keys = range(start, min(start + size, total))
        items = [{**MOVIE, "ratingKey": str(k), "title": f"Movie {k}"} for k in keys]
        body = container(size=len(items), offset=start, Metadata=items)
        return httpx.Response(
            200,
            content=body,
            headers={"content-type": "application/json", "X-Plex-Container-Total-Size": str(total)},
        )

    return handler


def test_sync_iter_items_walks_every_page_once() -> None:
    recorder = Recorder({"/library/sections/2/all": paged_library(1050)})
    with sync_client(recorder) as plex:
        keys = [item.rating_key for item in plex.library.iter_items("2", page_size=500)]
    assert keys == [str(k) for k in range(1050)]
    starts = [r.headers["X-Plex-Container-Start"] for r in recorder.requests]
    assert starts == ["0", "500", "1000"]


@pytest.mark.anyio
async def test_async_iter_items_walks_every_page_once() -> None:
    recorder = Recorder({"/library/sections/2/all": paged_library(1000)})
    async with async_client(recorder) as plex:
        keys = [item.rating_key async for item in plex.library.iter_items("2", page_size=400)]
    assert keys == [str(k) for k in range(1000)]
    assert [r.headers["X-Plex-Container-Start"] for r in recorder.requests] == ["0", "400", "800"]


def test_iter_items_with_limit_stops_early() -> None:
    recorder = Recorder({"/library/sections/2/all": paged_library(10_000)})
    with sync_client(recorder) as plex:
        keys = [item.rating_key for item in plex.library.iter_items("2", page_size=300, limit=450)]
    assert len(keys) == 450
    assert [r.headers["X-Plex-Container-Size"] for r in recorder.requests] == ["300", "150"]


def test_history_iter_walks_pages_with_the_filters_and_list_reads_one() -> None:
    recorder = Recorder({"/status/sessions/history/all": paged_library(25)})
    with sync_client(recorder) as plex:
        first = plex.history.list(limit=10, offset=5, account_id=2)
        assert [e.rating_key for e in first] == [str(k) for k in range(5, 15)]
        assert first.total == 25 and first.has_more and len(recorder.requests) == 1
        keys = [e.rating_key for e in plex.history.iter(page_size=10, account_id=2)]
    assert keys == [str(k) for k in range(25)]
    walk = recorder.requests[1:]
    assert [r.headers["X-Plex-Container-Start"] for r in walk] == ["0", "10", "20"]
    assert {r.url.params["accountID"] for r in recorder.requests} == {"2"}


@pytest.mark.anyio
async def test_async_history_iter_stops_at_its_limit() -> None:
    recorder = Recorder({"/status/sessions/history/all": paged_library(100)})
    async with async_client(recorder) as plex:
        keys = [e.rating_key async for e in plex.history.iter(page_size=30, limit=40)]
    assert keys == [str(k) for k in range(40)]
    assert [r.headers["X-Plex-Container-Size"] for r in recorder.requests] == ["30", "10"]


def test_search_recently_added_history_and_refresh_requests() -> None:
    recorder = Recorder(
        {
            "/hubs/search": json_response(container()),
            "/library/sections/3/recentlyAdded": json_response(container(Metadata=[MOVIE])),
            "/status/sessions/history/all": json_response(container(totalSize=0)),
            "/library/sections/3/refresh": lambda _r: httpx.Response(200),
        }
    )
    with sync_client(recorder) as plex:
        plex.library.search("star wars", limit=5, section=3)
        search = recorder.last
        plex.library.recently_added(limit=7, section=3)
        recent = recorder.last
        plex.history.list(limit=10, account_id=2)
        history = recorder.last
        movies = Section(key="3", title="Movies", locations=(Location(path="/data/media/movies"),))
        plex.library.refresh(movies, path="/data/media/movies/Heat (1995)")
        refresh = recorder.last
    assert dict(search.url.params) == {"query": "star wars", "limit": "5", "sectionId": "3"}
    assert recent.headers["X-Plex-Container-Size"] == "7"
    assert dict(history.url.params) == {"sort": "viewedAt:desc", "accountID": "2"}
    assert history.headers["X-Plex-Container-Size"] == "10"
    assert dict(refresh.url.params) == {"path": "/data/media/movies/Heat (1995)"}


def test_edit_sends_field_value_and_lock() -> None:
    recorder = Recorder({"/library/metadata/42": lambda _r: httpx.Response(200)})
    with sync_client(recorder) as plex:
        plex.metadata.edit(42, title="Heat (Director's Cut)", year=1995)
    request = recorder.last
    assert request.method == "PUT"
    assert dict(request.url.params) == {
        "title.value": "Heat (Director's Cut)",
        "title.locked": "1",
        "year.value": "1995",
        "year.locked": "1",
    }


@pytest.mark.parametrize(
    "call",
    [
        lambda p: p.library.items("1", limit=0),
        lambda p: p.library.items("1", offset=-1),
        lambda p: p.metadata.children("../1"),
        lambda p: p.library.items("Movies", type="spaceship"),
        lambda p: p.library.items("Movies", limit=0),
        lambda p: p.library.search("  ", section="Movies"),
        lambda p: p.metadata.get(object()),
        lambda p: p.library.items("1", type="spaceship"),
        lambda p: p.library.search("  "),
        lambda p: p.metadata.get(""),
        lambda p: p.metadata.edit(1, colour="red"),
        lambda p: p.raw.get("http://elsewhere/steal"),
        lambda p: p.history.list(limit=None),
        lambda p: p.history.list(limit=0),
        lambda p: p.history.list(account_id="x"),
        lambda p: p.history.list(account_id=True),
        lambda p: list(p.history.iter(page_size=0)),
        lambda p: p.playlists.create("Mix", 3.5),
        lambda p: p.playlists.add("1", None),
        lambda p: p.collections.add("1", 3.5),
        lambda p: p.collections.create("1", "Set", b"12"),
        lambda p: p.metadata.edit_many("1", 3.5, type="movie", title="x"),
        lambda p: p.playlists.create_smart("Mix", "Movies", type="movie", sort="a:b:c"),
        lambda p: p.playlists.create_smart("Mix", "Movies", type="movie", limit=0),
        lambda p: p.collections.create_smart("Movies", "Set", type="movie", sort="year desc"),
    ],
)
def test_invalid_arguments_fail_before_any_request(call: Callable[[PlexClient], object]) -> None:
    recorder = Recorder({})
    with sync_client(recorder) as plex, pytest.raises(ConfigurationError):
        call(plex)
    assert recorder.requests == []


def test_token_is_not_in_reprs() -> None:
    with sync_client(Recorder({})) as plex:
        assert TOKEN not in repr(plex)
        assert TOKEN not in repr(plex.config)


def test_token_in_base_url_is_refused() -> None:
    with pytest.raises(ConfigurationError):
        PlexClient(f"http://pms:32400/?X-Plex-Token={TOKEN}")


def test_clients_with_different_auths_never_share_cached_answers() -> None:
    from plexkit.auth import TokenAuth
    from plexkit.cache import ResponseCache

    def handler(request: httpx.Request) -> httpx.Response:
        who = request.headers.get("X-Plex-Token", "nobody")
        body = container(size=1, Directory=[{"key": "1", "title": f"library of {who}"}])
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    shared = ResponseCache()
    titles = []
    for token in ("alice-token-111", "bob-token-222"):
        with PlexClient(
            "http://pms.test:32400",
            auth=TokenAuth(token),
            transport=httpx.MockTransport(handler),
            cache=shared,
        ) as plex:
            titles.append(plex.library.sections()[0].title)
    assert titles == ["library of alice-token-111", "library of bob-token-222"]


def test_iter_items_reads_ahead_but_stops_cleanly_when_the_caller_breaks() -> None:
    recorder = Recorder({"/library/sections/2/all": paged_library(5000)})
    with sync_client(recorder) as plex:
        for index, _item in enumerate(plex.library.iter_items("2", page_size=100)):
            if index == 150:
                break
    # the page being read plus at most the one fetched ahead and one in flight
    assert 2 <= len(recorder.requests) <= 4


def test_entering_after_a_request_keeps_working() -> None:
    recorder = Recorder({"/library/sections": json_response(container())})
    plex = sync_client(recorder)
    plex.library.sections()
    with plex:
        plex.library.sections()
    assert len(recorder.requests) == 2
