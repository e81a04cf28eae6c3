"""Collections keep their members through a rename, and played-state filters and sorts are
evaluated for the account that asks: driven through plexkit (async and sync) and python-plexapi."""

from __future__ import annotations

from typing import Any

import pytest

from plexkit import AsyncPlexClient, PlexClient
from plexkit.models import Movie
from tests.testing import accounts
from tests.testing.accounts import FRIEND, two_account_server

plexapi = accounts.plexapi  # python-plexapi as the owner and as the friend


async def _movies(client: AsyncPlexClient, **options: Any) -> list[Movie]:
    page = await client.library.items("1", type="movie", limit=100, **options)
    return list(page.items)


@pytest.mark.anyio
async def test_renamed_collection_keeps_its_members(owner: AsyncPlexClient) -> None:
    movies = await _movies(owner)
    made = await owner.collections.create("1", "Picks", movies[:2])
    await owner.metadata.edit_many("1", [made], type="collection", title="Weekend Picks")
    renamed = await owner.library.collection(made.rating_key)
    assert renamed.title == "Weekend Picks"
    assert {i.rating_key for i in renamed.items} == {m.rating_key for m in movies[:2]}
    await owner.collections.add(renamed, [movies[3]])  # the new name takes new members
    again = await owner.library.collection(made.rating_key)
    assert len(again.items) == 3
    titles = [c.title for c in await owner.library.collections("1")]
    assert "Weekend Picks" in titles and "Picks" not in titles


@pytest.mark.anyio
async def test_played_filters_and_sorts_follow_the_requesting_account(
    owner: AsyncPlexClient, friend: AsyncPlexClient
) -> None:
    movies = await _movies(owner)
    mine, theirs = movies[0], movies[1]
    await owner.played.mark_played(mine)
    await friend.played.mark_played(theirs)
    await friend.played.mark_played(theirs)
    await friend.played.set_progress(movies[2], 60_000)

    def keys(found: list[Movie]) -> set[str]:
        return {m.rating_key for m in found}

    owner_unwatched = keys(await _movies(owner, filters={"unwatched": 1}))
    friend_unwatched = keys(await _movies(friend, filters={"unwatched": 1}))
    assert mine.rating_key not in owner_unwatched and theirs.rating_key in owner_unwatched
    assert theirs.rating_key not in friend_unwatched and mine.rating_key in friend_unwatched
    assert keys(await _movies(friend, filters={"viewCount>>": 0})) == {theirs.rating_key}
    assert keys(await _movies(friend, filters={"inProgress": 1})) == {movies[2].rating_key}
    recent = await _movies(friend, sort="lastViewedAt:desc", filters={"lastViewedAt>>": "-1d"})
    assert keys(recent) == {theirs.rating_key, movies[2].rating_key}
    most = await _movies(friend, sort="viewCount:desc")
    assert most[0].rating_key == theirs.rating_key and most[0].view_count == 2
    assert (await _movies(owner, sort="viewCount:desc"))[0].rating_key == mine.rating_key


def test_sync_rename_and_per_account_unwatched() -> None:
    server = two_account_server()
    with (
        server.run_in_thread() as url,
        PlexClient(url, token=server.token) as owner,
        PlexClient(url, token=FRIEND) as friend,
    ):
        movies = list(owner.library.items("1", type="movie", limit=100).items)
        made = owner.collections.create("1", "Picks", movies[:2])
        owner.collections.edit(made, title="Renamed")
        assert len(owner.library.collection(made.rating_key).items) == 2
        before = owner.library.items("1", type="movie", filters={"unwatched": 1}).total
        fresh = next(m for m in movies if not m.view_count)
        friend.played.mark_played(fresh)
        unwatched = friend.library.items("1", type="movie", limit=100, filters={"unwatched": 1})
        assert fresh.rating_key not in {m.rating_key for m in unwatched.items}
        assert owner.library.items("1", type="movie", filters={"unwatched": 1}).total == before


def test_plexapi_rename_collection_keeps_members(plexapi: tuple[Any, Any]) -> None:
    plex, _ = plexapi
    section = plex.library.section("Movies")
    movies = section.all()
    collection = plex.createCollection("Picks", section="Movies", items=movies[:2])
    collection.editTitle("Weekend Picks").reload()
    assert collection.title == "Weekend Picks" and collection.childCount == 2
    assert {i.ratingKey for i in collection.items()} == {m.ratingKey for m in movies[:2]}
    assert "Weekend Picks" in [c.tag for c in plex.fetchItem(movies[0].ratingKey).collections]
    tagged = {m.ratingKey for m in section.search(collection="Weekend Picks")}
    assert tagged == {m.ratingKey for m in movies[:2]}


def test_plexapi_unwatched_and_sorts_are_per_account(plexapi: tuple[Any, Any]) -> None:
    plex, friend = plexapi
    movies = plex.library.section("Movies").all()
    plex.fetchItem(movies[0].ratingKey).markPlayed()
    friend.fetchItem(movies[1].ratingKey).markPlayed()
    theirs = friend.library.section("Movies")
    unwatched = {m.ratingKey for m in theirs.search(unwatched=True)}
    assert movies[0].ratingKey in unwatched and movies[1].ratingKey not in unwatched
    assert theirs.search(sort="viewCount:desc")[0].ratingKey == movies[1].ratingKey
    assert [m.ratingKey for m in theirs.search(filters={"viewCount>>": 0})] == [movies[1].ratingKey]
    mine = {m.ratingKey for m in plex.library.section("Movies").search(unwatched=True)}
    assert movies[0].ratingKey not in mine and movies[1].ratingKey in mine
    friend.fetchItem(movies[2].ratingKey).updateProgress(30_000)
    assert movies[2].ratingKey in [i.ratingKey for i in friend.library.onDeck()]
    assert movies[2].ratingKey not in [i.ratingKey for i in plex.library.onDeck()]
