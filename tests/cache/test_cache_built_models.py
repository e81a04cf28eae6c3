"""Memory-cache hits hand out the models built on the first fetch; Redis keeps bytes.

A hit must return models equal to a fresh fetch; on the memory backend they are the very
same objects (no decode, no rebuild); the memo never outlives the cached response.
"""

from __future__ import annotations

import gc
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from cache_helpers import RedisServer

from plexkit._async.client import AsyncPlexClient
from plexkit._sync.client import PlexClient
from plexkit.cache import AsyncResponseCache, MemoryBackend, RedisBackend, ResponseCache
from plexkit.models import decode_body, items_from
from plexkit.models._memo import DecodedMemo
from plexkit.testing import FakePlexServer

TOKEN = "fake-token"


@pytest.fixture
def fake() -> Iterator[FakePlexServer]:
    yield FakePlexServer(movies=30, shows=2, artists=1, photo_albums=1, history=0)


def sync_client(fake: FakePlexServer, cache: ResponseCache | None) -> PlexClient:
    return PlexClient(fake_url(fake), token=TOKEN, cache=cache, transport=_SyncASGI(fake))


def fake_url(_: FakePlexServer) -> str:
    return "http://fake-pms:32400"


class _SyncASGI(httpx.BaseTransport):
    """Drive the fake's ASGI app from the sync client."""

    def __init__(self, fake: FakePlexServer) -> None:
        self._transport = fake.asgi_transport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        import anyio

        async def send() -> httpx.Response:
            response = await self._transport.handle_async_request(request)
            body = await response.aread()
            return httpx.Response(response.status_code, headers=response.headers, content=body)

        return anyio.run(send)


def test_memory_hits_return_the_first_fetch_models(fake: FakePlexServer) -> None:
    with sync_client(fake, None) as plain:
        fresh_sections = plain.library.sections()
        section = fresh_sections[0].key
        fresh_items = plain.library.items(section, limit=20).items
    with sync_client(fake, ResponseCache(MemoryBackend())) as plex:
        first = plex.library.items(section, limit=20).items
        hit = plex.library.items(section, limit=20).items
        sections = plex.library.sections()
        assert plex.library.sections() == sections
    assert hit == first == fresh_items
    assert all(a is b for a, b in zip(hit, first, strict=True))  # not rebuilt
    assert sections == fresh_sections
    assert fake.requests.count(f"/library/sections/{section}/all") == 2  # plain + first miss


def test_a_hit_with_a_smaller_limit_is_a_prefix_of_the_built_page(fake: FakePlexServer) -> None:
    with sync_client(fake, ResponseCache(MemoryBackend())) as plex:
        section = plex.library.sections()[0].key
        first = plex.library.items(section, limit=5).items
        assert plex.library.items(section, limit=5).items == first and len(first) == 5


@pytest.mark.anyio
async def test_async_memory_hits_equal_a_fresh_fetch(fake: FakePlexServer) -> None:
    async with AsyncPlexClient(
        fake_url(fake), token=TOKEN, transport=fake.asgi_transport()
    ) as plain:
        section = (await plain.library.sections())[0].key
        fresh = (await plain.library.items(section, limit=10)).items
    cache = AsyncResponseCache()
    async with AsyncPlexClient(
        fake_url(fake), token=TOKEN, transport=fake.asgi_transport(), cache=cache
    ) as plex:
        first = (await plex.library.items(section, limit=10)).items
        hit = (await plex.library.items(section, limit=10)).items
    assert hit == fresh and hit[0] is first[0]


def test_redis_hits_rebuild_from_bytes_and_equal_a_fresh_fetch(
    fake: FakePlexServer, redis_server: RedisServer
) -> None:
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(redis_server.url, socket_timeout=2)
    prefix = f"plexkit-test-{uuid.uuid4().hex[:8]}:"
    try:
        with sync_client(fake, ResponseCache(RedisBackend(client, prefix=prefix))) as plex:
            section = plex.library.sections()[0].key
            first = plex.library.items(section, limit=10).items
            hit = plex.library.items(section, limit=10).items
    finally:
        client.close()
    assert hit == first
    assert hit[0] is not first[0]  # decoded again from the stored bytes
    assert fake.requests.count(f"/library/sections/{section}/all") == 1


def test_the_memo_drops_a_body_when_its_response_goes() -> None:
    memo = DecodedMemo()

    class Owner:
        pass

    body = b'{"MediaContainer": {"size": 1, "Metadata": [{"ratingKey": "1", "type": "movie"}]}}'
    owner: Any = Owner()
    decoded = memo.decode(owner, body, "application/json")
    assert memo.decode(owner, body, "application/json") is decoded
    assert items_from(decoded) is items_from(decoded)
    assert items_from(decoded) == items_from(decode_body(body))
    assert len(memo) == 1
    del owner
    gc.collect()
    assert len(memo) == 0


def test_readers_leave_a_plain_dict_alone() -> None:
    body = b'{"MediaContainer": {"size": 1, "Metadata": [{"ratingKey": "1", "type": "movie"}]}}'
    data = decode_body(body)
    keys = set(data)
    assert items_from(data) == items_from(data)
    assert set(data) == keys
