"""Advanced filters (``any_of``/``all_of``): the exact PMS parameters in order, refused before
any request when wrong, and against the fake an or-filter gives the union of its parts (sync,
async under asyncio and trio, smart collections, and python-plexapi's ``filters={"or": ...}``
agreeing with plexkit)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

from plexkit import AsyncPlexClient, PlexClient
from plexkit._core import endpoints
from plexkit.errors import ConfigurationError
from plexkit.filters import AnyOf, Filter, all_of, any_of, condition_params, where
from plexkit.models import Movie
from plexkit.testing import FakePlexServer

ACTION = Filter("genre", "=", "Action")
OLD = Filter("year", "<<=", 1980)
COMEDY = Filter("genre", "=", "Comedy")


# -- the parameters ---------------------------------------------------------------------------


def test_any_of_is_push_or_pop_in_order() -> None:
    assert any_of(ACTION, Filter("year", ">>=", 2000)).params() == (
        ("push", "1"),
        ("genre", "Action"),
        ("or", "1"),
        ("year>>", "2000"),
        ("pop", "1"),
    )


def test_groups_nest_like_python_plexapi() -> None:
    # python-plexapi: {"or": [{"and": [{"genre": "Action"}, {"year<<": 1980}]}, {"genre": ...}]}
    nested = any_of(all_of(ACTION, OLD), COMEDY)
    assert "&".join(f"{k}={v}" for k, v in nested.params()) == (
        "push=1&push=1&genre=Action&and=1&year<<=1980&pop=1&or=1&genre=Comedy&pop=1"
    )
    assert condition_params(Filter("unwatched", "=", True)) == (("unwatched", "1"),)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: any_of(), "at least one condition"),
        (lambda: all_of(), "at least one condition"),
        (lambda: any_of(ACTION, {"genre": "Drama"}), "not dict"),  # type: ignore[arg-type]
        (lambda: any_of(ACTION, "genre=Drama"), "not str"),  # type: ignore[arg-type]
        (lambda: AnyOf([ACTION]), "tuple of conditions, not a list"),  # type: ignore[arg-type]
        (lambda: any_of(Filter("or", "=", 1)), "groups conditions"),
        (lambda: any_of(Filter("genre", "~=", "x")), "unknown filter operator"),  # type: ignore[arg-type]
        (lambda: Filter("genre", ["="], "x"), "unknown filter operator"),  # type: ignore[arg-type]
        (lambda: any_of(Filter("genre&x", "=", "x")), "a filter field is a name"),
        (lambda: condition_params(["genre"]), "not list"),  # type: ignore[arg-type]
    ],
)
def test_a_wrong_condition_is_refused_where_it_is_built(build: Any, message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        build()


def test_the_query_keeps_its_order_in_the_url_and_the_cache_key() -> None:
    first = endpoints.library_items("1", type="movie", filters=any_of(ACTION, all_of(OLD, COMEDY)))
    other = endpoints.library_items("1", type="movie", filters=any_of(all_of(ACTION, OLD), COMEDY))
    assert unquote(first.url) == (
        "/library/sections/1/all?type=1&push=1&genre=Action&or=1"
        "&push=1&year<<=1980&and=1&genre=Comedy&pop=1&pop=1"
    )
    # the same parameters, grouped otherwise: another query, another cache entry
    assert sorted(first.query) == sorted(other.query)
    assert first.cache_params != other.cache_params
    plain = endpoints.library_items("1", filters=where(ACTION))
    assert plain.query == () and plain.cache_params == plain.params == {"genre": "Action"}
    with pytest.raises(ConfigurationError, match="type="):
        endpoints.library_items("1", filters=any_of(Filter("type", "=", 1), ACTION))


# -- the wire ---------------------------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        body = json.dumps({"MediaContainer": {"size": 0, "totalSize": 0}}).encode()
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    def queries(self) -> list[str]:
        return [unquote(r.url.query.decode()) for r in self.requests]


EXPECTED = "type=1&push=1&genre=Action&or=1&year<<=1980&pop=1"


def test_sync_sends_the_exact_parameters_in_order() -> None:
    recorder = Recorder()
    with PlexClient(
        "http://pms.test:32400", token="t0ken", transport=httpx.MockTransport(recorder)
    ) as client:
        client.library.items("1", type="movie", filters=any_of(ACTION, OLD))
        list(client.library.iter_items("1", type="movie", filters=any_of(ACTION, OLD)))
        with pytest.raises(ConfigurationError):
            client.library.items("1", filters=[ACTION])  # type: ignore[call-overload]
    assert [r.url.path for r in recorder.requests] == ["/library/sections/1/all"] * 2
    assert recorder.queries() == [EXPECTED, EXPECTED]
    assert all("t0ken" not in str(r.url) for r in recorder.requests)
    assert all(r.headers["X-Plex-Container-Size"] for r in recorder.requests)


@pytest.mark.anyio
async def test_async_sends_the_exact_parameters_in_order(anyio_backend: str) -> None:
    recorder = Recorder()
    async with AsyncPlexClient(
        "http://pms.test:32400", token="t0ken", transport=httpx.MockTransport(recorder)
    ) as client:
        await client.library.items("1", type="movie", filters=any_of(ACTION, OLD))
        with pytest.raises(ConfigurationError):
            await client.library.items("1", filters=any_of())
    assert recorder.queries() == [EXPECTED]


# -- against the fake ---------------------------------------------------------------------------


def keys(items: Any) -> set[str]:
    return {m.rating_key for m in items}


def test_sync_or_filter_returns_the_union(plex_client: PlexClient) -> None:
    def movies(filters: Any) -> set[str]:
        return keys(plex_client.library.iter_items("1", type="movie", filters=filters))

    action, old, comedy = movies(where(ACTION)), movies(where(OLD)), movies(where(COMEDY))
    assert action and old and action - old and old - action  # the parts differ
    assert movies(any_of(ACTION, OLD)) == action | old
    assert movies(all_of(ACTION, OLD)) == action & old
    assert movies(any_of(all_of(ACTION, OLD), COMEDY)) == (action & old) | comedy
    assert movies(ACTION) == action


@pytest.mark.anyio
async def test_async_or_filter_returns_the_union(async_plex_client: AsyncPlexClient) -> None:
    client = async_plex_client

    async def movies(filters: Any) -> set[str]:
        page = await client.library.items("1", type="movie", filters=filters, limit=1000)
        assert all(isinstance(m, Movie) for m in page.items)
        return keys(page.items)

    union = await movies(any_of(ACTION, OLD))
    assert union
    assert union == await movies(where(ACTION)) | await movies(where(OLD))
    smart = await client.collections.create_smart(
        "1", "Action or old", type="movie", filters=any_of(ACTION, OLD)
    )
    collection = await client.library.collection(smart.rating_key)
    assert keys(collection.items) == union


def test_python_plexapi_or_filter_agrees(
    plex_server: FakePlexServer, plex_server_url: str, plex_client: PlexClient
) -> None:
    plexapi_server = pytest.importorskip("plexapi.server")
    server = plexapi_server.PlexServer(plex_server_url, plex_server.token)
    section = server.library.sectionByID(1)
    found = section.search(filters={"or": [{"genre": "Action"}, {"year<<": 1980}]}, maxresults=1000)
    ours = plex_client.library.iter_items("1", type="movie", filters=any_of(ACTION, OLD))
    assert found
    assert {str(m.ratingKey) for m in found} == keys(ours)
