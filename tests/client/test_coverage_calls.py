"""Played state, hubs, playlists, collections, accounts, browse, media and prefs against the
fake server (async, under asyncio and trio): each call changes or reads what a user sees."""

from __future__ import annotations

import pytest

from plexkit import AsyncPlexClient
from plexkit.errors import ConfigurationError, NotFoundError
from plexkit.filters import Filter, where
from plexkit.models import Clip, Collection, Movie, Playlist, Section
from plexkit.models.browse import FilterChoice
from plexkit.testing import FakePlexServer
from plexkit.testing.extras import add_extra

pytestmark = pytest.mark.anyio


async def movies(client: AsyncPlexClient, n: int = 4) -> list[Movie]:
    found = [m for m in (await client.library.items("1", limit=n)).items]
    assert all(isinstance(m, Movie) for m in found)
    return [m for m in found if isinstance(m, Movie)]


async def test_played_state_round_trip(async_plex_client: AsyncPlexClient) -> None:
    client = async_plex_client
    movie = (await movies(client, 1))[0]
    await client.played.mark_played(movie)
    assert (await client.metadata.get(movie.rating_key)).view_count == 1
    await client.played.mark_unplayed(movie.rating_key)
    assert (await client.metadata.get(movie.rating_key)).view_count is None
    await client.played.set_progress(movie, 60_000)
    after = await client.metadata.get(movie.rating_key)
    assert isinstance(after, Movie) and after.view_offset == 60_000
    assert movie.rating_key in {i.rating_key for i in await client.hubs.continue_watching()}
    await client.played.rate(movie, 8)
    assert (await client.metadata.get(movie.rating_key)).user_rating == 8.0
    await client.played.rate(movie, None)
    assert (await client.metadata.get(movie.rating_key)).user_rating is None


async def test_played_state_refuses_bad_input(async_plex_client: AsyncPlexClient) -> None:
    client = async_plex_client
    with pytest.raises(ConfigurationError, match="rating"):
        await client.played.rate("1", 11)
    with pytest.raises(ConfigurationError, match="offset_ms"):
        await client.played.set_progress("1", -5)
    with pytest.raises(ConfigurationError, match="state"):
        await client.played.timeline("1", 0, state="rewinding")  # type: ignore[arg-type]
    section = Section(key="1")
    with pytest.raises(ConfigurationError, match="items"):
        await client.played.mark_played(section)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        await client.played.mark_played("999999")


async def test_hubs(async_plex_client: AsyncPlexClient) -> None:
    client = async_plex_client
    home = await client.hubs.home()
    assert "Continue Watching" in [h.title for h in home]
    section = await client.hubs.section("1")
    assert section and all(h.hub_identifier for h in section)
    assert await client.hubs.promoted()
    deck = await client.hubs.on_deck()
    assert deck and all(i.rating_key for i in deck)


async def test_playlist_lifecycle(async_plex_client: AsyncPlexClient) -> None:
    client = async_plex_client
    m = await movies(client)
    created = await client.playlists.create("Mine", m[:3])
    assert isinstance(created, Playlist) and created.playlist_type == "video"
    await client.playlists.add(created, [m[3]])
    await client.playlists.move(created, m[3])  # to the top
    await client.playlists.move(created, m[0], after=m[2])
    await client.playlists.remove(created, m[1])
    await client.playlists.edit(created.rating_key, title="Renamed")
    got = await client.playlists.get(f"/playlists/{created.rating_key}")
    assert got.title == "Renamed"
    assert [i.rating_key for i in got.items] == [m[3].rating_key, m[2].rating_key, m[0].rating_key]
    assert created.rating_key in {p.rating_key for p in await client.playlists.list(type="video")}
    await client.playlists.delete(got)
    with pytest.raises(NotFoundError):
        await client.playlists.get(created.rating_key)


async def test_smart_playlist_follows_its_filter(async_plex_client: AsyncPlexClient) -> None:
    client = async_plex_client
    smart = await client.playlists.create_smart(
        "Recent", "1", type="movie", filters=where(Filter("year", ">>=", 2000))
    )
    assert smart.smart
    items = await client.playlists.items(smart)
    assert items and all(isinstance(i, Movie) and (i.year or 0) > 2000 for i in items)


async def test_playlist_bad_input_sends_nothing(async_plex_client: AsyncPlexClient) -> None:
    client = async_plex_client
    with pytest.raises(NotFoundError):
        await client.playlists.get("999999")
    with pytest.raises(ConfigurationError, match="at least one"):
        await client.playlists.create("Empty", [])
    with pytest.raises(ConfigurationError, match="type="):
        await client.playlists.create("Keys only", ["1", "2"])
    collection = (await client.library.collections("1"))[0]
    with pytest.raises(ConfigurationError, match="not a collection"):
        await client.playlists.add("1", [collection])
    with pytest.raises(ConfigurationError, match="playlist"):
        await client.playlists.delete("/library/sections/1")


async def test_collection_lifecycle(async_plex_client: AsyncPlexClient) -> None:
    client = async_plex_client
    m = await movies(client)
    created = await client.collections.create("1", "Picks", m[:2])
    assert isinstance(created, Collection) and created.rating_key
    await client.collections.add(created, [m[2]])
    await client.collections.move(created.rating_key, m[2])
    await client.collections.remove(f"/library/collections/{created.rating_key}", m[0])
    full = await client.library.collection(created.rating_key)
    assert [i.rating_key for i in full.items] == [m[2].rating_key, m[1].rating_key]
    await client.collections.set_mode(created, "hide")
    await client.collections.set_order(created, "alpha")
    await client.collections.edit(created, summary="Chosen")
    assert (await client.metadata.get(created.rating_key)).summary == "Chosen"
    await client.collections.delete(created)
    with pytest.raises(NotFoundError):
        await client.library.collection(created.rating_key)


async def test_smart_collection_and_bad_input(async_plex_client: AsyncPlexClient) -> None:
    client = async_plex_client
    smart = await client.collections.create_smart(
        "1", "Old", type="movie", filters=where(Filter("year", "<<=", 1990))
    )
    assert smart.smart
    with pytest.raises(ConfigurationError, match="mode"):
        await client.collections.set_mode(smart, "loud")  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="collection"):
        await client.collections.delete("/playlists/3")
    with pytest.raises(NotFoundError):
        await client.collections.delete("999999")


async def test_accounts_put_names_on_history(async_plex_client: AsyncPlexClient) -> None:
    client = async_plex_client
    names = await client.accounts.names()
    entries = await client.history.list(limit=20)
    assert entries and all(e.account_id in names for e in entries)
    one = entries.items[0].account_id
    assert one is not None
    mine = [e async for e in client.history.iter(account_id=one)]
    assert mine and {e.account_id for e in mine} == {one}


async def test_browse_section(async_plex_client: AsyncPlexClient) -> None:
    client = async_plex_client
    filters = {f.filter: f for f in await client.browse.filters("1")}
    assert filters["year"].filter_type == "integer"
    sorts = await client.browse.sorts("1")
    assert "titleSort" in {s.key for s in sorts}
    fields = {f.key: f for f in await client.browse.fields("1")}
    assert fields["year"].type == "integer"
    types = {t.type: {o.key for o in t.operators} for t in await client.browse.field_types("1")}
    assert ">>=" in types["integer"]
    choices = await client.browse.choices("1", "collection")
    assert choices and all(isinstance(c, FilterChoice) and c.fast_key for c in choices)
    with pytest.raises(ConfigurationError):
        await client.browse.choices("1", "../all")


async def test_media_prefs_and_part_ranges(async_plex_client: AsyncPlexClient) -> None:
    client = async_plex_client
    movie = await client.metadata.get((await movies(client, 1))[0].rating_key)
    assert isinstance(movie, Movie)
    part = movie.media[0].parts[0]
    head = await client.media.download(part, start=0, end=99)
    assert len(head) == 100
    assert (await client.media.download(part, start=50, end=99)) == head[50:]
    assert (await client.media.providers())[0].identifier == "com.plexapp.plugins.library"
    assert await client.media.transcode_sessions()
    assert await client.media.clients() == ()
    await client.prefs.set({"FriendlyName": "Den"})
    assert (await client.prefs.get("FriendlyName")).value == "Den"
    with pytest.raises(NotFoundError):
        await client.prefs.get("NoSuchSetting")
    with pytest.raises(ConfigurationError):
        await client.media.download("/library/metadata/1")


async def test_extras_list_the_items_trailers(
    async_plex_client: AsyncPlexClient, plex_server: FakePlexServer
) -> None:
    client = async_plex_client
    movie = (await movies(client, 1))[0]
    node = plex_server.library.node(movie.rating_key)
    assert node is not None
    add_extra(plex_server.library, node, "Official Trailer")
    add_extra(plex_server.library, node, "Making of", subtype="behindTheScenes")
    clips = await client.extras.list(movie)
    assert [c.title for c in clips] == ["Official Trailer", "Making of"]
    assert all(isinstance(c, Clip) for c in clips)
    detail = await client.metadata.get(movie.rating_key)
    assert isinstance(detail, Movie) and detail.primary_extra_key == clips[0].key
