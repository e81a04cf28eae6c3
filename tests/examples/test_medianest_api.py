"""examples/medianest_api.py: every endpoint through httpx's ASGI transport, its shapes and
errors (asyncio and trio)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from medianest_api import create_app

from plexkit import AsyncPlexClient
from plexkit.testing.app import create_app as create_fake

pytestmark = pytest.mark.anyio
TOKEN = "medianest-token"
API = "/api/v1/plex"


@pytest.fixture
def fake() -> Any:
    return create_fake(token=TOKEN)


@pytest.fixture
async def api(fake: Any) -> AsyncIterator[httpx.AsyncClient]:
    plex = AsyncPlexClient(
        "http://fake-pms:32400", token=TOKEN, transport=httpx.ASGITransport(fake), cache=True
    )
    async with (
        plex,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(create_app(plex)), base_url="http://medianest"
        ) as client,
    ):
        yield client


def assert_error(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["code"] == code and body["error"]["status"] == status


async def test_server_and_libraries_are_cached_an_hour(api: httpx.AsyncClient, fake: Any) -> None:
    server = await api.get(f"{API}/server")
    assert server.status_code == 200 and server.json()["machine_identifier"]
    assert server.headers["cache-control"] == "public, max-age=3600"
    libraries = await api.get(f"{API}/libraries")
    titles = [s["title"] for s in libraries.json()["libraries"]]
    assert "Movies" in titles and libraries.headers["cache-control"] == "public, max-age=3600"
    await api.get(f"{API}/libraries")
    assert fake.requests.count("/library/sections") == 1


async def test_paged_items_with_limits(api: httpx.AsyncClient) -> None:
    first = await api.get(f"{API}/libraries/1/items", params={"limit": 5, "offset": 0})
    body = first.json()
    assert first.status_code == 200 and first.headers["cache-control"] == "public, max-age=900"
    assert len(body["items"]) == 5 and body["total"] > 5 and body["has_more"]
    assert (body["offset"], body["limit"], body["cached"]) == (0, 5, False)
    again = (await api.get(f"{API}/libraries/1/items", params={"limit": 5})).json()
    assert again["cached"] and again["items"] == body["items"]
    for bad in ("0", "101", "x"):
        assert_error(
            await api.get(f"{API}/libraries/1/items", params={"limit": bad}), 400, "invalid_limit"
        )
    assert_error(await api.get(f"{API}/libraries/99/items"), 404, "library_not_found")


async def test_search_needs_a_query(api: httpx.AsyncClient) -> None:
    assert_error(await api.get(f"{API}/search"), 400, "missing_query")
    assert_error(await api.get(f"{API}/search", params={"query": "  "}), 400, "missing_query")
    found = await api.get(f"{API}/search", params={"query": "the", "limit": 10})
    assert found.status_code == 200 and found.headers["cache-control"] == "public, max-age=900"
    assert found.json()["query"] == "the"
    assert all({"type", "title", "items"} <= set(r) for r in found.json()["results"])


async def test_recently_added_and_collections(api: httpx.AsyncClient) -> None:
    recent = await api.get(f"{API}/recently-added", params={"limit": 3})
    assert recent.status_code == 200 and len(recent.json()["items"]) == 3
    assert_error(
        await api.get(f"{API}/recently-added", params={"limit": 500}), 400, "invalid_limit"
    )
    collections = await api.get(f"{API}/libraries/1/collections")
    assert collections.status_code == 200 and isinstance(collections.json()["collections"], list)
    assert collections.headers["cache-control"] == "public, max-age=900"
    assert_error(await api.get(f"{API}/libraries/42/collections"), 404, "library_not_found")


async def test_plex_refusing_the_token_is_401_and_down_is_503(fake: Any) -> None:
    plex = AsyncPlexClient(
        "http://fake-pms:32400", token="wrong", transport=httpx.ASGITransport(fake), cache=True
    )
    async with (
        plex,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(create_app(plex)), base_url="http://medianest"
        ) as api,
    ):
        assert_error(await api.get(f"{API}/libraries"), 401, "plex_unauthorized")
    fake.faults.add(path="/", status=503, times=10)
    plex = AsyncPlexClient(
        "http://fake-pms:32400",
        token=TOKEN,
        transport=httpx.ASGITransport(fake),
        cache=True,
        max_retries=0,
    )
    async with (
        plex,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(create_app(plex)), base_url="http://medianest"
        ) as api,
    ):
        assert_error(await api.get(f"{API}/server"), 503, "plex_unavailable")
