"""A smart collection's ``childCount`` and a smart playlist's ``leafCount``/``duration`` are
counted as the requesting account sees the library, like their members: a friend's play drops
a movie from their "unwatched" counts only, and the owner's counts follow the owner's plays."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.testing.accounts import FRIEND, two_account_server

plexapi_server = pytest.importorskip("plexapi.server")


@pytest.fixture
def plexapi() -> Iterator[tuple[Any, Any]]:
    """python-plexapi as the owner and as the friend, over loopback."""
    server = two_account_server()
    with server.run_in_thread() as url:
        yield plexapi_server.PlexServer(url, server.token), plexapi_server.PlexServer(url, FRIEND)


def _smart_lists(plex: Any) -> tuple[Any, Any]:
    unwatched = {"unwatched": True}
    collection = plex.createCollection("Unseen", section="Movies", smart=True, filters=unwatched)
    playlist = plex.createPlaylist("Unseen", section="Movies", smart=True, filters=unwatched)
    return collection, playlist


def test_smart_counts_follow_the_requesting_account(plexapi: tuple[Any, Any]) -> None:
    plex, friend = plexapi
    movies = plex.library.section("Movies").all()
    owner_unseen = [m for m in movies if not m.isPlayed]
    collection, playlist = _smart_lists(plex)
    # the friend plays one movie more than the owner has played, so the counts differ
    theirs = {m.ratingKey for m in owner_unseen[: len(movies) - len(owner_unseen) + 1]}
    for key in theirs:
        friend.fetchItem(key).markPlayed()
    left = len(movies) - len(theirs)
    assert left != len(owner_unseen)

    as_friend = friend.fetchItem(collection.ratingKey)
    assert as_friend.childCount == left == len(as_friend.items())
    assert friend.library.section("Movies").collection("Unseen").childCount == left
    friends_playlist = friend.playlist("Unseen")
    assert friends_playlist.leafCount == left == len(friends_playlist.items())
    assert friends_playlist.duration == sum(m.duration for m in movies if m.ratingKey not in theirs)
    assert friend.fetchItem(playlist.ratingKey).leafCount == left

    assert plex.fetchItem(collection.ratingKey).childCount == len(owner_unseen)
    assert plex.playlist("Unseen").leafCount == len(owner_unseen)


def test_owner_counts_follow_the_owners_plays(plexapi: tuple[Any, Any]) -> None:
    plex, _ = plexapi
    collection, playlist = _smart_lists(plex)
    before = plex.playlist("Unseen").leafCount
    next(m for m in plex.library.section("Movies").all() if not m.isPlayed).markPlayed()
    assert plex.playlist("Unseen").leafCount == before - 1
    assert plex.fetchItem(playlist.ratingKey).leafCount == before - 1
    assert plex.fetchItem(collection.ratingKey).childCount == before - 1
