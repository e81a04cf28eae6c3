"""plexkit's clients against the fake server: sync over loopback, async in-process and over
loopback, under asyncio and trio. Expected values come from the fake's own store, never from
plexkit."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from plexkit import AsyncPlexClient, NotFoundError, PlexClient, PlexConfig
from plexkit.models import Collection, Episode, Movie, Season, Show
from plexkit.testing import FakePlexServer
from tests.client.either import collect, resolve

pytestmark = pytest.mark.anyio


@pytest.fixture(params=["sync-loopback", "async-inprocess", "async-loopback"])
async def client(
    request: pytest.FixtureRequest, plex_server: FakePlexServer, anyio_backend: str
) -> AsyncIterator[PlexClient | AsyncPlexClient]:
    if request.param == "async-inprocess":
        async with AsyncPlexClient(
            "http://plex.test:32400",
            token=plex_server.token,
            transport=plex_server.asgi_transport(),
        ) as plex:
            yield plex
        return
    with plex_server.run_in_thread() as url:
        if request.param == "sync-loopback":
            with PlexClient(url, token=plex_server.token) as sync_plex:
                yield sync_plex
        else:
            async with AsyncPlexClient(url, token=plex_server.token) as async_plex:
                yield async_plex


def store(server: FakePlexServer) -> Any:
    return server.library


async def test_server_info_matches_the_fake(client: Any, plex_server: FakePlexServer) -> None:
    info = await resolve(client.server.info())
    expected = store(plex_server).server
    assert info.machine_identifier == expected["machineIdentifier"]
    assert info.friendly_name == expected["friendlyName"]
    assert info.version == expected["version"]
    identity = await resolve(client.server.identity())
    assert identity.machine_identifier == expected["machineIdentifier"]


async def test_sections_with_locations(client: Any, plex_server: FakePlexServer) -> None:
    sections = await resolve(client.library.sections())
    expected = store(plex_server).sections
    assert {s.key: s.title for s in sections} == {str(k): v.title for k, v in expected.items()}
    for section in sections:
        paths = [loc.path for loc in section.locations]
        assert paths == expected[int(section.key)].locations
        assert section.refreshing is False
    movies = await resolve(client.library.section("movies"))
    assert movies.type == "movie"
    with pytest.raises(NotFoundError):
        await resolve(client.library.section("No Such Library"))


async def test_items_page_and_full_walk(client: Any, plex_server: FakePlexServer) -> None:
    section = store(plex_server).sections[1]
    movies = store(plex_server).items(section, 1)
    page = await resolve(client.library.items(1, limit=7, offset=3, type="movie"))
    assert page.total == len(movies) and page.offset == 3 and len(page.items) == 7
    walked = await collect(client.library.iter_items(1, page_size=9))
    assert sorted(int(m.rating_key) for m in walked) == sorted(n.rating_key for n in movies)
    assert all(isinstance(m, Movie) for m in walked)
    first = next(m for m in walked if m.media)
    assert first.media[0].parts[0].file.startswith(section.locations[0])
    requests = plex_server.requests.count("/library/sections/1/all")
    assert requests == 1 + -(-len(movies) // 9)


async def test_sorted_and_filtered_items(client: Any, plex_server: FakePlexServer) -> None:
    page = await resolve(client.library.items(1, limit=50, sort="year:desc"))
    years = [m.year for m in page.items]
    assert years == sorted(years, reverse=True)
    movies = store(plex_server).items(store(plex_server).sections[1], 1)
    genre = movies[0].data["Genre"][0]["tag"]
    tagged = {n.rating_key for n in movies if genre in [g["tag"] for g in n.data["Genre"]]}
    found = await resolve(client.library.items(1, limit=500, filters={"genre": genre}))
    assert {int(m.rating_key) for m in found.items} == tagged


async def test_search_finds_a_known_title(client: Any, plex_server: FakePlexServer) -> None:
    section = store(plex_server).sections[1]
    target = store(plex_server).items(section, 1)[0].data["title"]
    hubs = await resolve(client.library.search(target, limit=10))
    titles = [item.title for hub in hubs for item in hub.items]
    assert target in titles


async def test_recently_added_is_newest_first(client: Any, plex_server: FakePlexServer) -> None:
    recent = await resolve(client.library.recently_added(limit=5, section=1))
    assert len(recent) == 5
    added = [item.added_at for item in recent]
    assert added == sorted(added, reverse=True)
    section = store(plex_server).sections[1]
    newest = max(n.data["addedAt"] for n in store(plex_server).items(section, 1))
    assert int(added[0].timestamp()) == newest


async def test_collections_and_their_items(client: Any, plex_server: FakePlexServer) -> None:
    collections = await resolve(client.library.collections(1))
    assert collections and all(isinstance(c, Collection) for c in collections)
    assert any(c.smart for c in collections)
    for summary in collections:
        full = await resolve(client.library.collection(summary.rating_key))
        node = store(plex_server).node(summary.rating_key)
        expected = [n.rating_key for n in store(plex_server).collection_items(node)]
        assert [int(i.rating_key) for i in full.items] == expected


async def test_show_children_and_all_leaves(client: Any, plex_server: FakePlexServer) -> None:
    page = await resolve(client.library.items(2, limit=1))
    show = page.items[0]
    assert isinstance(show, Show)
    seasons = await resolve(client.metadata.children(show.rating_key))
    node = store(plex_server).node(show.rating_key)
    assert [int(s.rating_key) for s in seasons] == [c.rating_key for c in node.children]
    assert all(isinstance(s, Season) for s in seasons)
    leaves = await resolve(client.metadata.all_leaves(show.rating_key))
    assert len(leaves) == show.leaf_count == sum(len(c.children) for c in node.children)
    assert all(isinstance(e, Episode) and e.grandparent_title == show.title for e in leaves)


async def test_detail_has_media_parts_streams(client: Any) -> None:
    page = await resolve(client.library.items(1, limit=1))
    movie = await resolve(client.metadata.get(page.items[0].rating_key))
    stream_types = {s.stream_type for s in movie.media[0].parts[0].streams}
    assert {1, 2} <= stream_types
    with pytest.raises(NotFoundError):
        await resolve(client.metadata.get(987654321))


async def test_sessions_history_activities(client: Any, plex_server: FakePlexServer) -> None:
    sessions = await resolve(client.sessions.list())
    assert len(sessions) == len(store(plex_server).sessions)
    assert all(s.session_user is not None and s.player is not None for s in sessions)
    history = await resolve(client.history.list(limit=10))
    assert len(history) == 10 and history.total == len(store(plex_server).history)
    viewed = [h.viewed_at for h in history]
    assert viewed == sorted(viewed, reverse=True)
    after = await resolve(client.history.list(limit=10, offset=10))
    assert after.offset == 10 and after.items[0].viewed_at <= viewed[-1]
    everything = await collect(client.history.iter(page_size=7))
    assert len(everything) == len(store(plex_server).history)
    assert [h.history_key for h in everything[:10]] == [h.history_key for h in history]
    assert len(await collect(client.history.iter(page_size=7, limit=9))) == 9
    activities = await resolve(client.activities.list())
    assert len(activities) == len(store(plex_server).activities)


async def test_edit_then_get_shows_the_change(client: Any) -> None:
    page = await resolve(client.library.items(1, limit=1))
    key = page.items[0].rating_key
    await resolve(client.metadata.edit(key, title="Edited Title", year=2001))
    movie = await resolve(client.metadata.get(key))
    assert movie.title == "Edited Title" and movie.year == 2001


async def test_raw_get_returns_the_container(client: Any) -> None:
    data = await resolve(client.raw.get("/library/sections"))
    assert len(data["Directory"]) == len(await resolve(client.library.sections()))


def test_xml_and_json_clients_read_equal_models(plex_server: FakePlexServer) -> None:
    with plex_server.run_in_thread() as url:
        json_config = PlexConfig(base_url=url, token=plex_server.token)
        xml_config = PlexConfig(base_url=url, token=plex_server.token, accept="application/xml")
        with PlexClient(config=json_config) as as_json, PlexClient(config=xml_config) as as_xml:
            assert as_json.library.sections() == as_xml.library.sections()
            assert as_json.library.items(1, limit=20) == as_xml.library.items(1, limit=20)
            key = as_json.library.items(2, limit=1).items[0].rating_key
            assert as_json.metadata.all_leaves(key) == as_xml.metadata.all_leaves(key)
            first = as_json.library.items(1, limit=1).items[0].rating_key
            assert as_json.metadata.get(first) == as_xml.metadata.get(first)
    accepts = {r.headers.get("accept") for r in plex_server.requests.matching()}
    assert {"application/json", "application/xml"} <= accepts
