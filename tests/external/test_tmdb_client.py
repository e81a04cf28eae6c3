"""TMDB v3 client: exact requests (path, params, auth), retries, caching, errors, secrecy."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import date

import httpx
import pytest

from plexkit.config import Timeouts
from plexkit.errors import (
    ConfigurationError,
    DeadlineExceededError,
    NotFoundError,
    ParseError,
    PlexError,
    RateLimitedError,
    UnauthorizedError,
)
from plexkit.tmdb import AsyncTMDBClient, TMDBClient

pytestmark = pytest.mark.anyio

API_KEY = "0123456789abcdef0123456789abcdef"
READ_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ0ZXN0LXJlYWQtdG9rZW4ifQ.c2lnbmF0dXJlLXZhbHVl"
COLLECTION = {
    "id": 10,
    "name": "Star Wars Collection",
    "overview": "",
    "poster_path": "/p.jpg",
    "backdrop_path": "/b.jpg",
    "parts": [
        {"id": 11, "title": "Star Wars", "release_date": "1977-05-25", "media_type": "movie"},
        {"id": 181812, "title": "The Rise of Skywalker", "release_date": ""},
    ],
}

Handler = Callable[[httpx.Request], httpx.Response]


def recorder(answer: Handler) -> tuple[list[httpx.Request], httpx.MockTransport]:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answer(request)

    return seen, httpx.MockTransport(handle)


def ok(body: object) -> Handler:
    return lambda request: httpx.Response(200, json=body)


async def test_collection_sends_the_api_key_as_a_query_parameter() -> None:
    seen, transport = recorder(ok(COLLECTION))
    async with AsyncTMDBClient(API_KEY, transport=transport) as tmdb:
        collection = await tmdb.collection(10)
    (request,) = seen
    assert (request.method, request.url.host, request.url.path) == (
        "GET",
        "api.themoviedb.org",
        "/3/collection/10",
    )
    assert dict(request.url.params) == {"api_key": API_KEY}
    assert "authorization" not in request.headers
    assert request.headers["accept"] == "application/json"
    assert [(p.id, p.release_date) for p in collection.parts] == [
        (11, date(1977, 5, 25)),
        (181812, None),
    ]


async def test_read_token_goes_in_a_bearer_header_and_language_in_params() -> None:
    movie = {"id": 11, "title": "Star Wars", "belongs_to_collection": {"id": 10, "name": "SW"}}
    seen, transport = recorder(ok(movie))
    async with AsyncTMDBClient(read_token=READ_TOKEN, language="de-DE", transport=transport) as t:
        found = await t.movie(11)
    (request,) = seen
    assert request.url.path == "/3/movie/11"
    assert dict(request.url.params) == {"language": "de-DE"}
    assert request.headers["authorization"] == f"Bearer {READ_TOKEN}"
    assert found.belongs_to_collection is not None and found.belongs_to_collection.id == 10


async def test_tv_series_and_season_paths() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/3/tv/1396":
            return httpx.Response(
                200, json={"id": 1396, "name": "BB", "seasons": [{"season_number": 1}]}
            )
        return httpx.Response(
            200,
            json={
                "season_number": 1,
                "episodes": [{"episode_number": 1, "name": "Pilot", "air_date": "2008-01-20"}],
            },
        )

    seen, transport = recorder(answer)
    async with AsyncTMDBClient(API_KEY, transport=transport) as tmdb:
        series = await tmdb.tv_series(1396)
        season = await tmdb.tv_season(1396, 1)
    assert [r.url.path for r in seen] == ["/3/tv/1396", "/3/tv/1396/season/1"]
    assert series.seasons[0].season_number == 1
    assert season.episodes[0].air_date == date(2008, 1, 20)
    assert season.episodes[0].season_number == 1


async def test_answers_are_cached_per_ttl_and_not_across_keys() -> None:
    seen, transport = recorder(ok(COLLECTION))
    async with AsyncTMDBClient(API_KEY, transport=transport) as tmdb:
        await tmdb.collection(10)
        await tmdb.collection(10)
        assert tmdb.requests_sent == 1
    async with AsyncTMDBClient(API_KEY, transport=transport, ttls={"tmdb_collection": 0}) as t:
        await t.collection(10)
        await t.collection(10)
    assert len(seen) == 3


async def test_429_is_retried_after_retry_after() -> None:
    calls = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) < 4:
            body = {"success": False, "status_code": 25, "status_message": "Over the limit."}
            return httpx.Response(429, json=body, headers={"Retry-After": "0"})
        return httpx.Response(200, json=COLLECTION)

    async with AsyncTMDBClient(API_KEY, transport=httpx.MockTransport(answer)) as tmdb:
        collection = await tmdb.collection(10)
    assert collection.id == 10 and len(calls) == 4


async def test_a_429_storm_ends_in_a_typed_error_within_the_deadline() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, json={"status_code": 25}, headers={"Retry-After": "0"})

    tmdb = AsyncTMDBClient(API_KEY, transport=httpx.MockTransport(answer), max_retries=3)
    with pytest.raises(RateLimitedError) as caught:
        await tmdb.collection(10)
    assert tmdb.requests_sent == 4
    assert API_KEY not in str(caught.value) and API_KEY not in caught.value.url


async def test_transport_failures_past_the_deadline_are_deadline_errors() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    tmdb = AsyncTMDBClient(
        API_KEY,
        transport=httpx.MockTransport(answer),
        timeouts=Timeouts(total=0.05),
        retry_backoff=0.03,
        max_retries=50,
    )
    with pytest.raises(DeadlineExceededError) as caught:
        await tmdb.movie(11)
    assert API_KEY not in str(caught.value)


async def test_errors_are_typed_and_carry_tmdbs_reason_without_the_key() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/404"):
            return httpx.Response(404, json={"status_code": 34, "status_message": "Not found."})
        return httpx.Response(
            401, json={"status_code": 7, "status_message": "Invalid API key: denied."}
        )

    async with AsyncTMDBClient(API_KEY, transport=httpx.MockTransport(answer)) as tmdb:
        with pytest.raises(UnauthorizedError, match="Invalid API key") as denied:
            await tmdb.movie(1)
        with pytest.raises(NotFoundError, match="TMDB"):
            await tmdb.movie(404)
    assert API_KEY not in str(denied.value)
    assert API_KEY not in denied.value.url and API_KEY not in denied.value.body_excerpt


@pytest.mark.parametrize(
    "body",
    [
        b"<html>oops</html>",
        json.dumps({"id": "ten", "parts": []}).encode(),
        b'{"id": 10, "parts": 3}',
    ],
)
async def test_malformed_bodies_are_parse_errors(body: bytes) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    async with AsyncTMDBClient(API_KEY, transport=transport) as tmdb:
        with pytest.raises(ParseError):
            await tmdb.collection(10)


async def test_bad_input_is_refused_before_any_request() -> None:
    seen, transport = recorder(ok(COLLECTION))
    with pytest.raises(ConfigurationError):
        AsyncTMDBClient(transport=transport)
    with pytest.raises(ConfigurationError):
        AsyncTMDBClient(API_KEY, read_token=READ_TOKEN)
    async with AsyncTMDBClient(API_KEY, transport=transport) as tmdb:
        for bad in (0, -1, True, "10"):
            with pytest.raises(ConfigurationError):
                await tmdb.collection(bad)  # type: ignore[arg-type]
        with pytest.raises(ConfigurationError):
            await tmdb.tv_season(1, -1)
    assert seen == []


async def test_no_secret_in_reprs_or_debug_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    transport = httpx.MockTransport(
        lambda request: httpx.Response(500, json={"status_message": "boom"})
    )
    tmdb = AsyncTMDBClient(API_KEY, transport=transport, max_retries=1, retry_backoff=0)
    with pytest.raises(PlexError):
        await tmdb.collection(10)
    assert API_KEY not in repr(tmdb)
    assert caplog.records
    assert all(API_KEY not in record.getMessage() for record in caplog.records)


def test_sync_client_sends_the_same_request() -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=COLLECTION)

    with TMDBClient(API_KEY, transport=httpx.MockTransport(handle)) as tmdb:
        assert tmdb.collection(10).name == "Star Wars Collection"
        tmdb.collection(10)
    assert len(seen) == 1
    assert seen[0].url.path == "/3/collection/10" and seen[0].url.params["api_key"] == API_KEY
