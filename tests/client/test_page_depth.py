"""Item listings skip the depth check of the body as a whole; whatever hands out or shares
the decoded dict keeps it. A deep value under a key no model reads leaves its movie readable
(``repr``, equality, ``attrs.asdict``); a deep unknown item, kept whole in ``raw``, is refused.
Sync and async (asyncio and trio) clients, through httpx.MockTransport."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import attrs
import httpx
import pytest
from test_wire import IDENTITY, MOVIE, TOKEN, Recorder, async_client, sync_client

from plexkit import AsyncPlexClient, ParseError, PlexClient
from plexkit.models import Movie

SECTION = "/library/sections/2/all"
HISTORY = "/status/sessions/history/all"


def _deep(levels: int) -> object:
    value: object = "x"
    for _ in range(levels):
        value = {"a": value}
    return value


DEEP_MOVIE = {**MOVIE, "ratingKey": "43", "title": "Deep", "futureField": _deep(100)}
DEEP_UNKNOWN = {"type": "future", "ratingKey": "44", "title": "?", "x": _deep(100)}


def listing(*entries: object) -> Callable[[httpx.Request], httpx.Response]:
    """Serves ``entries`` honouring the container window, with the total in a header."""

    def handler(request: httpx.Request) -> httpx.Response:
        start = int(request.headers.get("X-Plex-Container-Start", "0"))
        size = int(request.headers.get("X-Plex-Container-Size", "50"))
        window = list(entries[start : start + size])
        body = {"MediaContainer": {"size": len(window), "offset": start, "Metadata": window}}
        return httpx.Response(
            200,
            content=json.dumps(body).encode(),
            headers={
                "content-type": "application/json",
                "X-Plex-Container-Total-Size": str(len(entries)),
            },
        )

    return handler


def routes(*entries: object) -> Recorder:
    return Recorder({SECTION: listing(*entries), HISTORY: listing(*entries)})


def cached_client(recorder: Recorder) -> PlexClient:
    return PlexClient(
        "http://pms.test:32400",
        token=TOKEN,
        identity=IDENTITY,
        transport=httpx.MockTransport(recorder),
        cache=True,
    )


def _sync_reads(plex: PlexClient) -> dict[str, list[Any]]:
    with plex.library.walk("2", page_size=1) as walked:
        walk = list(walked)
    return {
        "items": list(plex.library.items("2", limit=1, offset=1)),
        "iter_items": list(plex.library.iter_items("2", page_size=1)),
        "walk": walk,
        "history.list": list(plex.history.list(limit=2)),
        "history.iter": list(plex.history.iter(page_size=1)),
    }


async def _async_reads(plex: AsyncPlexClient) -> dict[str, list[Any]]:
    async with plex.library.walk("2", page_size=1) as walked:
        walk = [item async for item in walked]
    return {
        "items": list(await plex.library.items("2", limit=1, offset=1)),
        "iter_items": [item async for item in plex.library.iter_items("2", page_size=1)],
        "walk": walk,
        "history.list": list(await plex.history.list(limit=2)),
        "history.iter": [entry async for entry in plex.history.iter(page_size=1)],
    }


def _assert_readable(reads: dict[str, list[Any]]) -> None:
    for name, found in reads.items():
        assert [entry.title for entry in found][-1] == "Deep", name
        deep = found[-1]
        assert "Deep" in repr(deep) and attrs.asdict(deep)["title"] == "Deep"
    movies = reads["iter_items"]
    assert all(isinstance(movie, Movie) for movie in movies)
    assert movies == reads["walk"] and movies[1] == reads["items"][0]


def test_sync_a_deep_value_no_model_reads_leaves_every_listing_readable() -> None:
    with sync_client(routes(MOVIE, DEEP_MOVIE)) as plex:
        _assert_readable(_sync_reads(plex))


@pytest.mark.anyio
async def test_async_a_deep_value_no_model_reads_leaves_every_listing_readable() -> None:
    async with async_client(routes(MOVIE, DEEP_MOVIE)) as plex:
        _assert_readable(await _async_reads(plex))


def _sync_walk(plex: PlexClient) -> list[Any]:
    with plex.library.walk("2", page_size=2) as walked:
        return list(walked)


async def _async_walk(plex: AsyncPlexClient) -> list[Any]:
    async with plex.library.walk("2", page_size=2) as walked:
        return [item async for item in walked]


async def _async_iter(plex: AsyncPlexClient) -> list[Any]:
    return [item async for item in plex.library.iter_items("2", page_size=2)]


SYNC_LISTINGS: dict[str, Callable[[PlexClient], object]] = {
    "items": lambda plex: plex.library.items("2", limit=2),
    "iter_items": lambda plex: list(plex.library.iter_items("2", page_size=2)),
    "walk": _sync_walk,
}
ASYNC_LISTINGS: dict[str, Callable[[AsyncPlexClient], Awaitable[object]]] = {
    "items": lambda plex: plex.library.items("2", limit=2),
    "iter_items": _async_iter,
    "walk": _async_walk,
}


@pytest.mark.parametrize("call", list(SYNC_LISTINGS))
def test_sync_a_deep_unknown_item_is_refused(call: str) -> None:
    with (
        sync_client(routes(MOVIE, DEEP_UNKNOWN)) as plex,
        pytest.raises(ParseError, match="an item nested more than 48 levels") as caught,
    ):
        SYNC_LISTINGS[call](plex)
    assert TOKEN not in str(caught.value)


@pytest.mark.anyio
@pytest.mark.parametrize("call", list(ASYNC_LISTINGS))
async def test_async_a_deep_unknown_item_is_refused(call: str) -> None:
    async with async_client(routes(MOVIE, DEEP_UNKNOWN)) as plex:
        with pytest.raises(ParseError, match="an item nested more than 48 levels"):
            await ASYNC_LISTINGS[call](plex)


def test_sync_the_raw_dict_of_a_deep_body_is_refused() -> None:
    with (
        sync_client(routes(MOVIE, DEEP_MOVIE)) as plex,
        pytest.raises(ParseError, match="nested more than 48 levels"),
    ):
        plex.raw.get(SECTION)


@pytest.mark.anyio
async def test_async_the_raw_dict_of_a_deep_body_is_refused() -> None:
    async with async_client(routes(MOVIE, DEEP_MOVIE)) as plex:
        with pytest.raises(ParseError, match="nested more than 48 levels"):
            await plex.raw.get(SECTION)


def test_a_listing_through_the_cache_is_checked_whole_since_its_dict_is_shared() -> None:
    """A memory cache hands the same decoded dict to every reader of the response, raw ones
    too: that dict is decoded with the whole-body check."""
    with cached_client(routes(MOVIE, DEEP_MOVIE)) as plex:
        with pytest.raises(ParseError, match="nested more than 48 levels"):
            list(plex.library.iter_items("2", page_size=2, cache=True))
        with pytest.raises(ParseError, match="nested more than 48 levels"):
            plex.raw.get(SECTION, cache_name="library")
