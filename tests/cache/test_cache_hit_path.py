"""The memory-hit path: keys worked out once per spec and token, counted hits, equal pages.

What a hit shares with the calls before it (the listing's spec, its window, its cache key)
must never let one user's answer reach another: a token that changes (a JWT refresh, another
account) changes the key, and the token itself is kept nowhere, only its digest.
"""

from __future__ import annotations

import pickle
from collections.abc import Generator

import httpx
import pytest
from cache_helpers import FakeClock

from plexkit._async.client import AsyncPlexClient
from plexkit._core.request_spec import RequestSpec
from plexkit._sync.client import PlexClient
from plexkit.cache import AsyncResponseCache, CacheKey, ResponseCache
from plexkit.cache.keys import RequestKeys
from plexkit.cache.stats import StatsRecorder
from plexkit.testing import FakePlexServer

BASE = "http://fake-pms:32400"
OWNER = "owner-token-0123456789"
OTHER = "other-token-9876543210"


class SwitchableToken(httpx.Auth):
    """An auth whose ``token`` changes, as a JWT auth's does when it refreshes."""

    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["X-Plex-Token"] = self.token
        yield request


def window() -> RequestSpec:
    spec = RequestSpec(
        method="GET", path="/library/sections/1/all", params={"type": "1"}, cache_name="items"
    )
    return spec.with_window(0, 200)


def built(spec: RequestSpec, token: str | None) -> CacheKey:
    return CacheKey.build(
        name="items",
        server=BASE,
        token=token,
        method="GET",
        path=spec.path,
        params=spec.cache_params,
        accept="application/json",
        offset=spec.offset,
        limit=spec.limit,
    )


def test_a_request_key_is_the_built_key_once_per_spec_and_token() -> None:
    keys = RequestKeys(BASE, "application/json")
    spec = window()
    key = keys.of(spec, OWNER)
    assert key == built(spec, OWNER)
    assert keys.of(spec, OWNER) is key
    other = keys.of(spec, OTHER)
    assert other == built(spec, OTHER) and other.text != key.text
    assert keys.of(spec, OWNER) is key  # each token's key is kept apart
    assert keys.of(spec, None) == built(spec, None)


def test_a_token_is_kept_by_no_spec_only_its_digest() -> None:
    keys = RequestKeys(BASE, "application/json")
    spec = window()
    keys.of(spec, OWNER)
    assert OWNER not in repr(spec)
    assert OWNER.encode() not in pickle.dumps(spec)


def test_two_clients_of_different_servers_never_share_a_key() -> None:
    spec = window()
    here = RequestKeys(BASE, "application/json").of(spec, OWNER)
    there = RequestKeys("http://other-pms:32400", "application/json").of(spec, OWNER)
    xml = RequestKeys(BASE, "application/xml").of(spec, OWNER)
    assert len({here.text, there.text, xml.text}) == 3


def test_a_hit_is_counted_with_the_newest_value_served() -> None:
    recorder = StatsRecorder()
    recorder.hit("items", 100.0, 160.0)
    recorder.hit("items", 90.0, 150.0)  # an older copy does not move the freshness back
    recorder.count("items", "misses")
    stats = recorder.snapshot({}, lambda _: 60.0, now=120.0)["items"]
    assert (stats.hits, stats.misses, stats.age, stats.cached) == (2, 1, 20.0, True)


@pytest.fixture
def fake() -> FakePlexServer:
    server = FakePlexServer(movies=30, shows=1, artists=0, photo_albums=0, history=0)
    server.add_token(OWNER)
    server.add_token(OTHER, account_id=2)
    return server


def listing_requests(fake: FakePlexServer) -> int:
    return fake.requests.count(regex=r"^/library/sections/\d+/all$")


@pytest.mark.anyio
async def test_async_hits_return_equal_pages_and_a_new_token_misses(
    fake: FakePlexServer, clock: FakeClock
) -> None:
    auth = SwitchableToken(OWNER)
    cache = AsyncResponseCache(clock=clock)
    async with AsyncPlexClient(
        BASE, auth=auth, transport=fake.asgi_transport(), cache=cache
    ) as plex:
        first = await plex.library.items("1", limit=20)
        clock.advance(2)
        again = await plex.library.items("1", limit=20)
        assert again.items == first.items and again.total == first.total
        assert again.cache is not None and (again.cache.hit, again.cache.age) == (True, 2.0)
        assert listing_requests(fake) == 1
        auth.token = OTHER
        other = await plex.library.items("1", limit=20)
        assert other.cache is not None and not other.cache.hit
        assert listing_requests(fake) == 2
        auth.token = OWNER
        back = await plex.library.items("1", limit=20)
        assert back.cache is not None and back.cache.hit
    assert listing_requests(fake) == 2
    assert cache.stats()["items"].hits == 2


def test_sync_hits_return_equal_pages_and_a_new_token_misses(
    fake: FakePlexServer, clock: FakeClock
) -> None:
    auth = SwitchableToken(OWNER)
    with (
        fake.run_in_thread() as url,
        PlexClient(url, auth=auth, cache=ResponseCache(clock=clock)) as plex,
    ):
        first = plex.library.items("1", limit=20, type="movie")
        again = plex.library.items("1", limit=20, type="movie")
        assert again.items == first.items and again.cache is not None and again.cache.hit
        following = again.next()
        assert following is not None and following.offset == 20
        assert {m.rating_key for m in following.items}.isdisjoint(
            {m.rating_key for m in first.items}
        )
        auth.token = OTHER
        other = plex.library.items("1", limit=20, type="movie")
        assert other.cache is not None and not other.cache.hit
    assert listing_requests(fake) == 3


@pytest.mark.anyio
async def test_a_spec_whose_params_change_is_not_answered_from_the_old_key(
    fake: FakePlexServer, clock: FakeClock
) -> None:
    params = {"type": "1"}
    spec = RequestSpec(
        method="GET", path="/library/sections/1/all", params=params, cache_name="items"
    )
    cache = AsyncResponseCache(clock=clock)
    async with AsyncPlexClient(
        BASE, token=OWNER, transport=fake.asgi_transport(), cache=cache
    ) as plex:
        movies = await plex.request(spec)
        assert await plex.request(spec) is movies  # a hit
        params["type"] = "2"
        shows = await plex.request(spec)
    assert shows is not movies and shows.content != movies.content
    assert listing_requests(fake) == 2
