"""Smart collections and smart playlists evaluate played-state filters (``unwatched``,
``viewCount``) as the requesting account, like the section listings: a friend who watched a
movie no longer finds it in the owner's "unwatched" smart list, and the owner still does.
Driven through plexkit (async and sync) and python-plexapi."""

from __future__ import annotations

from typing import Any

import pytest

from plexkit import AsyncPlexClient, PlexClient
from plexkit.models import Movie
from plexkit.testing import FakePlexServer
from tests.testing import accounts
from tests.testing.accounts import FRIEND, two_account_server

UNWATCHED = {"unwatched": 1}

plexapi = accounts.plexapi  # python-plexapi as the owner and as the friend


def _keys(items: Any) -> set[str]:
    return {i.rating_key for i in items}


@pytest.mark.anyio
async def test_smart_lists_follow_the_requesting_account(
    owner: AsyncPlexClient, friend: AsyncPlexClient
) -> None:
    movies: list[Movie] = list((await owner.library.items("1", type="movie", limit=100)).items)
    seen_by_owner = {m.rating_key for m in movies if m.view_count}
    theirs = next(m for m in movies if not m.view_count)
    await friend.played.mark_played(theirs)
    collection = await owner.collections.create_smart(
        "1", "Unseen", type="movie", filters=UNWATCHED
    )
    playlist = await owner.playlists.create_smart("Unseen", "1", type="movie", filters=UNWATCHED)
    everything = _keys(movies)

    mine = _keys((await owner.library.collection(collection.rating_key)).items)
    assert mine == everything - seen_by_owner and theirs.rating_key in mine
    assert _keys(await owner.playlists.items(playlist)) == mine

    friends = _keys((await friend.library.collection(collection.rating_key)).items)
    assert friends == everything - {theirs.rating_key}  # the owner's plays do not count
    assert _keys(await friend.playlists.items(playlist)) == friends
    assert all(not m.view_count for m in await friend.playlists.items(playlist))

    played = await owner.collections.create_smart(
        "1", "Seen", type="movie", filters={"viewCount>>": 0}
    )
    assert _keys((await friend.library.collection(played.rating_key)).items) == {theirs.rating_key}
    assert _keys((await owner.library.collection(played.rating_key)).items) == seen_by_owner


def test_sync_smart_playlist_per_account() -> None:
    server = two_account_server()
    with (
        server.run_in_thread() as url,
        PlexClient(url, token=server.token) as owner,
        PlexClient(url, token=FRIEND) as friend,
    ):
        movies = list(owner.library.items("1", type="movie", limit=100).items)
        fresh = next(m for m in movies if not m.view_count)
        playlist = owner.playlists.create_smart("Unseen", "1", type="movie", filters=UNWATCHED)
        before = _keys(owner.playlists.items(playlist))
        friend.played.mark_played(fresh)
        assert fresh.rating_key not in _keys(friend.playlists.items(playlist))
        assert _keys(owner.playlists.items(playlist)) == before
        collection = owner.collections.create_smart("1", "Unseen", type="movie", filters=UNWATCHED)
        assert fresh.rating_key not in _keys(friend.library.collection(collection.rating_key).items)
        assert fresh.rating_key in _keys(owner.library.collection(collection.rating_key).items)


def test_plexapi_smart_lists_are_per_account(plexapi: tuple[Any, Any]) -> None:
    plex, friend = plexapi
    movies = plex.library.section("Movies").all()
    fresh = next(m for m in movies if not m.isPlayed)
    collection = plex.createCollection(
        "Unseen", section="Movies", smart=True, filters={"unwatched": True}
    )
    playlist = plex.createPlaylist(
        "Unseen", section="Movies", smart=True, filters={"unwatched": True}
    )
    friend.fetchItem(fresh.ratingKey).markPlayed()

    def keys(items: Any) -> set[int]:
        return {i.ratingKey for i in items}

    theirs_c = friend.fetchItem(collection.ratingKey)
    theirs_p = friend.fetchItem(playlist.ratingKey)
    assert fresh.ratingKey not in keys(theirs_c.items())
    assert fresh.ratingKey not in keys(theirs_p.items())
    assert all(not i.isPlayed for i in theirs_c.items())
    assert len(theirs_c.items()) == len(movies) - 1  # only the friend's own play is left out
    assert fresh.ratingKey in keys(collection.items()) and fresh.ratingKey in keys(playlist.items())


@pytest.mark.anyio
async def test_show_on_deck_is_the_requesting_accounts(
    server: FakePlexServer, owner: AsyncPlexClient, friend: AsyncPlexClient
) -> None:
    """``includeOnDeck=1`` on a show: the next episode for the account asking (JSON and XML)."""
    import httpx

    library = server.library
    show = library.items(library.sections[2], 2)[0]
    first, second = library.leaves(show)[:2]
    await owner.played.mark_unplayed(str(show.rating_key))
    await friend.played.mark_unplayed(str(show.rating_key))
    await friend.played.mark_played(str(first.rating_key))
    path = f"/library/metadata/{show.rating_key}?includeOnDeck=1"
    async with httpx.AsyncClient(
        transport=server.asgi_transport(), base_url="http://plex.test:32400"
    ) as http:
        as_friend = await http.get(
            path, headers={"X-Plex-Token": FRIEND, "Accept": "application/json"}
        )
        as_owner = await http.get(path, headers={"X-Plex-Token": server.token})
    (deck,) = as_friend.json()["MediaContainer"]["Metadata"][0]["OnDeck"]["Metadata"]
    assert deck["ratingKey"] == str(second.rating_key)
    assert f'<OnDeck><Video ratingKey="{first.rating_key}"' in as_owner.text
