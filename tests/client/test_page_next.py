"""A listing's page fetches the page after it: ``page.next()`` (``await page.next()`` in the
async client) asks for the next window with the same arguments, returns None after the last
page without a request, and the page stays a plain value (equality, repr, pickling)."""

from __future__ import annotations

import pickle
from collections.abc import Callable

import httpx
import pytest

from plexkit import AsyncPage, ConfigurationError, Page
from tests.client.test_wire import (
    MOVIE,
    Recorder,
    async_client,
    container,
    json_response,
    paged_library,
    sync_client,
)

ITEMS = "/library/sections/2/all"
HISTORY = "/status/sessions/history/all"


def window(request: httpx.Request) -> tuple[str, str]:
    return request.headers["X-Plex-Container-Start"], request.headers["X-Plex-Container-Size"]


def test_sync_items_next_reads_the_next_window_with_the_same_arguments() -> None:
    recorder = Recorder({ITEMS: paged_library(25)})
    with sync_client(recorder) as plex:
        first = plex.library.items(
            "2", limit=10, type="movie", sort="titleSort", filters={"genre": "Drama"}
        )
        second = first.next()
        assert second is not None
        third = second.next()
        assert third is not None
        assert third.next() is None
    assert [window(r) for r in recorder.requests] == [("0", "10"), ("10", "10"), ("20", "10")]
    expected = {"type": "1", "sort": "titleSort", "genre": "Drama"}
    assert all(dict(r.url.params) == expected for r in recorder.requests)
    assert [m.rating_key for m in second] == [str(k) for k in range(10, 20)]
    assert (third.offset, len(third), third.total, third.has_more) == (20, 5, 25, False)
    assert isinstance(second, Page) and not isinstance(second, AsyncPage)


@pytest.mark.anyio
async def test_async_items_next_reads_the_next_window_with_the_same_arguments() -> None:
    recorder = Recorder({ITEMS: paged_library(25)})
    async with async_client(recorder) as plex:
        page: AsyncPage[object] | None = await plex.library.items(
            "2", limit=10, offset=5, sort="addedAt:desc", include_guids=True
        )
        offsets = []
        while page is not None:
            offsets.append(page.offset)
            page = await page.next()
    assert offsets == [5, 15]
    assert [window(r) for r in recorder.requests] == [("5", "10"), ("15", "10")]
    expected = {"sort": "addedAt:desc", "includeGuids": "1"}
    assert all(dict(r.url.params) == expected for r in recorder.requests)


def test_sync_history_next_keeps_the_filters() -> None:
    recorder = Recorder({HISTORY: paged_library(25)})
    with sync_client(recorder) as plex:
        first = plex.history.list(limit=20, account_id=2, section_key=1)
        last = first.next()
        assert last is not None and last.next() is None
    assert [window(r) for r in recorder.requests] == [("0", "20"), ("20", "20")]
    params = {"sort": "viewedAt:desc", "accountID": "2", "librarySectionID": "1"}
    assert all(dict(r.url.params) == params for r in recorder.requests)
    assert [e.rating_key for e in last] == [str(k) for k in range(20, 25)]


@pytest.mark.anyio
async def test_async_history_next_keeps_the_filters() -> None:
    recorder = Recorder({HISTORY: paged_library(12)})
    async with async_client(recorder) as plex:
        first = await plex.history.list(limit=6, account_id=3)
        second = await first.next()
        assert second is not None
        assert [e.rating_key for e in second] == [str(k) for k in range(6, 12)]
        assert await second.next() is None
    assert [window(r) for r in recorder.requests] == [("0", "6"), ("6", "6")]
    assert {r.url.params["accountID"] for r in recorder.requests} == {"3"}


def only(body: bytes, **headers: str) -> Callable[[httpx.Request], httpx.Response]:
    return json_response(body, **headers)


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        # the total says this page reaches the end
        (container(totalSize=1, Metadata=[MOVIE]), {}),
        # no total, and fewer entries than asked
        (container(Metadata=[MOVIE]), {}),
        # the server ignored the window and sent more than asked
        (container(Metadata=[MOVIE] * 3), {"X-Plex-Container-Total-Size": "9"}),
    ],
)
def test_the_last_page_makes_no_request(body: bytes, headers: dict[str, str]) -> None:
    recorder = Recorder({ITEMS: only(body, **headers)})
    with sync_client(recorder) as plex:
        page = plex.library.items("2", limit=2)
        assert page.next() is None
    assert len(recorder.requests) == 1


@pytest.mark.anyio
async def test_async_last_page_makes_no_request() -> None:
    recorder = Recorder({ITEMS: only(container(totalSize=1, Metadata=[MOVIE]))})
    async with async_client(recorder) as plex:
        page = await plex.library.items("2", limit=5)
        assert await page.next() is None
    assert len(recorder.requests) == 1


def test_a_narrowed_page_continues_after_the_entries_it_dropped() -> None:
    show = {**MOVIE, "type": "show", "ratingKey": "7"}
    recorder = Recorder(
        {ITEMS: only(container(totalSize=3, Metadata=[MOVIE, show]))},
    )
    with sync_client(recorder) as plex:
        page = plex.library.items("2", limit=2, type="movie")
        assert [m.rating_key for m in page] == ["42"]
        page.next()
    assert [window(r) for r in recorder.requests] == [("0", "2"), ("2", "2")]


def test_a_page_is_a_plain_value() -> None:
    recorder = Recorder({ITEMS: paged_library(25)})
    with sync_client(recorder) as plex:
        first = plex.library.items("2", limit=10)
        again = plex.library.items("2", limit=10)
    assert first == again
    assert first == Page(items=first.items, offset=0, total=25)
    assert "following" not in repr(first) and repr(first).startswith("Page(items=")
    copy = pickle.loads(pickle.dumps(first))
    assert copy == first and type(copy) is Page
    with pytest.raises(ConfigurationError, match="cannot fetch the next page"):
        copy.next()
    assert Page(items=(1,), offset=0, total=1).next() is None


@pytest.mark.anyio
async def test_an_async_page_pickles_its_values() -> None:
    recorder = Recorder({ITEMS: paged_library(3)})
    async with async_client(recorder) as plex:
        page = await plex.library.items("2", limit=10)
    copy = pickle.loads(pickle.dumps(page))
    assert copy == page and type(copy) is AsyncPage
    assert await copy.next() is None
    with pytest.raises(ConfigurationError, match="built by hand or unpickled"):
        await AsyncPage(items=(1,), offset=0, total=None).next()


@pytest.mark.anyio
async def test_pages_of_either_client_compare_by_their_values() -> None:
    recorder = Recorder({ITEMS: paged_library(25)})
    async with async_client(recorder) as plex:
        first = await plex.library.items("2", limit=10)
    with sync_client(recorder) as sync:
        same = sync.library.items("2", limit=10)
    assert first == same and hash(first) == hash(same) and len({first, same}) == 1
    assert first != shifted(first)


def shifted(page: AsyncPage[object]) -> Page[object]:
    """A page with the same items at another offset (a different value)."""
    return Page(items=page.items, offset=page.offset + 1, total=page.total)
