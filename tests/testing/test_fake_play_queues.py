"""python-plexapi's play queues against the fake on loopback: created from an item, a show, a
list of items and a playlist; fetched, added to (at the end and next), moved, removed,
cleared, shuffled and unshuffled, each as the PMS spec's ``/playQueues`` describes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from plexkit.testing import FakePlexServer
from tests.testing.accounts import FRIEND, two_account_server

plexapi_server = pytest.importorskip("plexapi.server")
PlayQueue = pytest.importorskip("plexapi.playqueue").PlayQueue
NotFound = pytest.importorskip("plexapi.exceptions").NotFound


@pytest.fixture
def running() -> Iterator[tuple[FakePlexServer, str]]:
    server = FakePlexServer(movies=12, shows=2, artists=1, photo_albums=1, history=0)
    with server.run_in_thread() as url:
        yield server, url


@pytest.fixture
def plex(running: tuple[FakePlexServer, str]) -> Any:
    server, url = running
    return plexapi_server.PlexServer(url, server.token)


def _keys(queue: Any) -> list[int]:
    return [item.ratingKey for item in queue.items]


def test_queue_of_one_movie(plex: Any) -> None:
    movie = plex.library.section("Movies").all()[0]
    queue = PlayQueue.create(plex, movie)
    assert _keys(queue) == [movie.ratingKey]
    assert queue.playQueueTotalCount == 1 and queue.playQueueVersion == 1
    assert queue.playQueueSelectedMetadataItemID == movie.ratingKey
    assert queue.playQueueSelectedItemID == queue.items[0].playQueueItemID
    assert queue.playQueueShuffled is False
    section = movie.section()
    assert queue.playQueueSourceURI.startswith(f"library://{section.uuid}/item/")
    assert queue.items[0].media[0].parts[0].streams  # full items, as PMS queues them
    again = PlayQueue.get(plex, queue.playQueueID)
    assert _keys(again) == _keys(queue) and again.playQueueID == queue.playQueueID


def test_queue_of_a_show_is_its_episodes(plex: Any) -> None:
    show = plex.library.section("TV Shows").all()[0]
    episodes = show.episodes()
    queue = PlayQueue.create(plex, show)
    assert _keys(queue) == [e.ratingKey for e in episodes]
    shuffled = PlayQueue.create(plex, show, shuffle=True)
    assert shuffled.playQueueShuffled is True
    assert sorted(_keys(shuffled)) == sorted(_keys(queue))
    assert _keys(shuffled)[0] == shuffled.playQueueSelectedMetadataItemID


def test_queue_of_items_with_a_start_and_of_a_playlist(plex: Any) -> None:
    movies = plex.library.section("Movies").all()[:4]
    queue = PlayQueue.create(plex, movies, startItem=movies[2])
    assert _keys(queue) == [m.ratingKey for m in movies]
    assert queue.playQueueSelectedMetadataItemID == movies[2].ratingKey
    playlist = plex.createPlaylist("Queue me", items=movies[1:3])
    from_playlist = PlayQueue.create(plex, playlist)
    assert _keys(from_playlist) == [m.ratingKey for m in movies[1:3]]


def test_continuous_queues_the_following_episodes(plex: Any) -> None:
    episodes = plex.library.section("TV Shows").all()[0].episodes()
    queue = PlayQueue.create(plex, episodes[1], continuous=True)
    assert _keys(queue) == [e.ratingKey for e in episodes[1:]]
    assert _keys(PlayQueue.create(plex, episodes[1])) == [episodes[1].ratingKey]


def test_add_move_remove_and_clear(plex: Any) -> None:
    movies = plex.library.section("Movies").all()[:4]
    queue = PlayQueue.create(plex, movies[:2])
    queue.addItem(movies[2])
    assert _keys(queue) == [m.ratingKey for m in movies[:3]]
    assert queue.playQueueVersion == 2
    assert queue.playQueueLastAddedItemID == queue.items[2].playQueueItemID
    queue.addItem(movies[3], playNext=True)  # right after the selected (first) item
    assert _keys(queue) == [movies[0].ratingKey, movies[3].ratingKey] + [
        m.ratingKey for m in movies[1:3]
    ]
    queue.moveItem(queue.items[3])  # to the front
    assert _keys(queue)[0] == movies[2].ratingKey
    queue.moveItem(queue.items[0], after=queue.items[1])
    assert _keys(queue)[:2] == [movies[0].ratingKey, movies[2].ratingKey]
    queue.removeItem(queue.items[1])
    assert movies[2].ratingKey not in _keys(queue) and queue.playQueueTotalCount == 3
    queue.clear()
    assert len(queue) == 0 and queue.playQueueTotalCount == 0
    assert PlayQueue.get(plex, queue.playQueueID).playQueueVersion == queue.playQueueVersion
    queue.addItem(movies[1], playNext=True)  # an emptied queue takes items again
    queue.addItem(movies[0], playNext=True)
    assert _keys(queue) == [movies[1].ratingKey, movies[0].ratingKey]
    assert queue.playQueueSelectedMetadataItemID == movies[1].ratingKey


def test_shuffle_and_unshuffle(running: tuple[FakePlexServer, str], plex: Any) -> None:
    movies = plex.library.section("Movies").all()
    natural = [m.ratingKey for m in movies]
    queue = PlayQueue.create(plex, movies)
    server, url = running
    with httpx.Client(base_url=url, headers={"X-Plex-Token": server.token}) as http:
        path = f"/playQueues/{queue.playQueueID}"
        assert http.put(f"{path}/shuffle").status_code == 200
        shuffled = _keys(PlayQueue.get(plex, queue.playQueueID))
        assert shuffled != natural and sorted(shuffled) == sorted(natural)
        assert shuffled[0] == natural[0]  # the selected item stays first
        assert http.put(f"{path}/unshuffle").status_code == 200
        back = PlayQueue.get(plex, queue.playQueueID)
        assert _keys(back) == natural and back.playQueueShuffled is False
        assert back.playQueueVersion == 3


def test_window_and_errors(running: tuple[FakePlexServer, str], plex: Any) -> None:
    movies = plex.library.section("Movies").all()
    queue = PlayQueue.create(plex, movies, startItem=movies[5])
    with pytest.raises(NotFound):
        PlayQueue.get(plex, 9999)
    server, url = running
    headers = {"X-Plex-Token": server.token, "Accept": "application/json"}
    with httpx.Client(base_url=url, headers=headers) as http:
        path = f"/playQueues/{queue.playQueueID}"
        # python-plexapi indexes its window by the offset, which counts from the queue's
        # start (as PMS's does), so the windows are read as JSON
        window = http.get(path, params={"window": 2}).json()["MediaContainer"]
        assert [int(m["ratingKey"]) for m in window["Metadata"]] == [
            m.ratingKey for m in movies[3:8]
        ]
        assert window["playQueueTotalCount"] == len(movies)
        assert window["playQueueSelectedItemOffset"] == 5
        after = http.get(path, params={"window": 2, "includeBefore": 0}).json()["MediaContainer"]
        assert [int(m["ratingKey"]) for m in after["Metadata"]] == [
            m.ratingKey for m in movies[5:8]
        ]
        assert http.delete(f"{path}/items/424242").status_code == 404
        assert http.post("/playQueues", params={"type": "video"}).status_code == 400
        photo = next(n for n in server.library.nodes.values() if n.kind == "photo")
        uri = f"library://x/item/%2Flibrary%2Fmetadata%2F{photo.rating_key}"
        assert http.post("/playQueues", params={"type": "video", "uri": uri}).status_code == 400


def test_queue_of_a_collection_is_its_members(plex: Any) -> None:
    movies = plex.library.section("Movies")
    collection = movies.createCollection("Queued", items=movies.all()[:3])
    queue = PlayQueue.create(plex, collection)
    assert _keys(queue) == [m.ratingKey for m in collection.items()]
    assert len(queue) == 3


def test_queue_items_carry_the_requesting_accounts_plays() -> None:
    server = two_account_server()
    with server.run_in_thread() as url:
        plex = plexapi_server.PlexServer(url, server.token)
        friend = plexapi_server.PlexServer(url, FRIEND)
        movie = next(m for m in plex.library.section("Movies").all() if not m.isPlayed)
        friend.fetchItem(movie.ratingKey).markPlayed()
        assert PlayQueue.create(friend, movie).items[0].viewCount == 1
        assert PlayQueue.create(plex, movie).items[0].viewCount == 0
