"""TVDB v4 client: login, bearer token, renewal under concurrency, paging, errors, secrecy."""

from __future__ import annotations

import json
import logging

import anyio
import httpx
import pytest

from plexkit.errors import ConfigurationError, NotFoundError, ParseError, UnauthorizedError
from plexkit.testing.tvdb import FakeTVDB
from plexkit.tvdb import AsyncTVDBClient, TVDBClient

pytestmark = pytest.mark.anyio

API_KEY = "tvdb-project-api-key-0001"
PIN = "subscriber-pin-4711"
TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJwaW4iOiJzZWNyZXQifQ.c2lnbmF0dXJlLXZhbHVlcw"


def episodes_body(page: int, *, last: bool) -> dict[str, object]:
    base = "https://api4.thetvdb.com/v4/series/81189/episodes/official"
    return {
        "status": "success",
        "data": {
            "series": {"id": 81189, "name": "Breaking Bad", "firstAired": "2008-01-20"},
            "episodes": [
                {
                    "id": 349232 + page,
                    "seriesId": 81189,
                    "name": f"Episode {page + 1}",
                    "aired": "2008-01-20",
                    "seasonNumber": 1,
                    "number": page + 1,
                    "absoluteNumber": page + 1,
                }
            ],
        },
        "links": {
            "prev": None,
            "self": f"{base}?page={page}",
            "next": None if last else f"{base}?page={page + 1}",
            "total_items": 2,
            "page_size": 1,
        },
    }


async def test_login_then_bearer_then_paging() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/v4/login":
            return httpx.Response(200, json={"status": "success", "data": {"token": TOKEN}})
        page = int(request.url.params["page"])
        return httpx.Response(200, json=episodes_body(page, last=page == 1))

    async with AsyncTVDBClient(API_KEY, pin=PIN, transport=httpx.MockTransport(answer)) as tvdb:
        episodes = await tvdb.series_episodes(81189, "official")
    login, first, second = seen
    assert (login.method, login.url.host, login.url.path) == (
        "POST",
        "api4.thetvdb.com",
        "/v4/login",
    )
    assert json.loads(login.content) == {"apikey": API_KEY, "pin": PIN}
    assert "authorization" not in login.headers
    for number, request in enumerate((first, second)):
        assert (request.method, request.url.path) == ("GET", "/v4/series/81189/episodes/official")
        assert dict(request.url.params) == {"page": str(number)}
        assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert [(e.season_number, e.number) for e in episodes] == [(1, 1), (1, 2)]


async def test_login_without_pin_sends_only_the_key() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"status": "success", "data": {"token": TOKEN}})

    async with AsyncTVDBClient(API_KEY, transport=httpx.MockTransport(answer)) as tvdb:
        await tvdb.login()
    assert json.loads(seen[0].content) == {"apikey": API_KEY}


async def test_token_expiry_renews_once_under_20_concurrent_requests() -> None:
    fake = FakeTVDB()
    ids = [show.tvdb_id for show in fake.listings.shows if show.tvdb_id][:20]
    tvdb = AsyncTVDBClient(
        fake.api_key, base_url="http://tvdb/v4", transport=fake.asgi_transport(), cache=False
    )
    await tvdb.login()
    fake.expire_tokens()
    results: list[int] = []

    async def fetch(series_id: int) -> None:
        results.append(len(await tvdb.series_episodes(series_id)))

    async with anyio.create_task_group() as tg:
        for index in range(20):
            tg.start_soon(fetch, ids[index % len(ids)])
    assert len(results) == 20 and all(results)
    assert fake.logins == 2 and tvdb.logins == 2
    await tvdb.aclose()


async def test_a_wrong_key_is_an_unauthorized_error_without_secrets(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    fake = FakeTVDB(pin="right-pin-value")
    tvdb = AsyncTVDBClient(
        fake.api_key, pin=PIN, base_url="http://tvdb/v4", transport=fake.asgi_transport()
    )
    with pytest.raises(UnauthorizedError, match="InvalidPIN") as caught:
        await tvdb.series_episodes(1)
    text = str(caught.value) + caught.value.body_excerpt + repr(tvdb)
    assert PIN not in text and fake.api_key not in text
    assert all(PIN not in r.getMessage() for r in caplog.records)


async def test_paging_against_the_fake_follows_links_next() -> None:
    fake = FakeTVDB(page_size=3)
    show = next(s for s in fake.listings.shows if len(s.episodes) > 7)
    tvdb = AsyncTVDBClient(fake.api_key, base_url="http://tvdb/v4", transport=fake.asgi_transport())
    episodes = await tvdb.series_episodes(show.tvdb_id or 0)
    pages = fake.requests.count(prefix=f"/v4/series/{show.tvdb_id}/episodes/default")
    assert len(episodes) == len(show.episodes)
    assert pages == -(-len(show.episodes) // 3)
    absolute = await tvdb.series_episodes(show.tvdb_id or 0, "absolute")
    assert {e.season_number for e in absolute} == {1}
    assert [e.number for e in absolute] == list(range(1, len(absolute) + 1))


async def test_unknown_series_and_malformed_answers_are_typed() -> None:
    fake = FakeTVDB()
    tvdb = AsyncTVDBClient(fake.api_key, base_url="http://tvdb/v4", transport=fake.asgi_transport())
    with pytest.raises(NotFoundError):
        await tvdb.series_episodes(1)
    fake.faults.add(path="/v4/series", malformed=True)
    show = fake.listings.shows[0]
    with pytest.raises(ParseError):
        await tvdb.series_episodes(show.tvdb_id or 0)


async def test_bad_input_is_refused_before_any_request() -> None:
    fake = FakeTVDB()
    tvdb = AsyncTVDBClient(fake.api_key, base_url="http://tvdb/v4", transport=fake.asgi_transport())
    with pytest.raises(ConfigurationError, match="season_type"):
        await tvdb.series_episodes(81189, "aired")
    with pytest.raises(ConfigurationError):
        await tvdb.episodes_page(0)
    with pytest.raises(ConfigurationError):
        AsyncTVDBClient("")
    assert len(fake.requests) == 0


def test_sync_client_against_the_fake_on_loopback() -> None:
    fake = FakeTVDB()
    show = fake.listings.shows[1]
    with fake.run_in_thread() as url, TVDBClient(fake.api_key, base_url=f"{url}/v4") as tvdb:
        episodes = tvdb.series_episodes(show.tvdb_id or 0)
        tvdb.series_episodes(show.tvdb_id or 0)
    assert len(episodes) == len(show.episodes)
    assert fake.requests.count(prefix="/v4/series") == 1  # the second walk came from the cache
