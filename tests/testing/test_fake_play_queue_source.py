"""What a fake play queue says about itself, as PMS does: ``playQueueSourceURI`` is the uri
it was made from (a ``library://`` uri as given, as in the capture ``playqueue_1234.xml``; a
playlist as ``library://UUID/directory/%2Fplaylists%2FN%2Fitems``), and
``playQueueSelectedItemOffset`` is where the selected entry is in the whole queue (the
spec), after ``key=``, a move, a shuffle, a removal and a reset. On the sync and the async
client (asyncio and trio), and python-plexapi for the uri it sends."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from plexkit.models import Movie, PlayQueue
from plexkit.testing import FakePlexServer
from tests.client import either
from tests.client.either import resolve

pytestmark = pytest.mark.anyio

client = either.client  # the either-client fixture


@pytest.fixture
def plex_server() -> FakePlexServer:
    return FakePlexServer(movies=8, shows=1, artists=1, photo_albums=0, history=0)


async def _movies(client: Any, count: int) -> list[Movie]:
    return list((await resolve(client.library.items("Movies", type="movie", limit=count))).items)


def _movies_uuid(server: FakePlexServer) -> str:
    return next(s.uuid for s in server.library.sections.values() if s.title == "Movies")


def _selected_offset(queue: PlayQueue) -> int:
    return queue.item_ids.index(queue.selected_item_id)


async def test_a_playlist_queue_names_the_playlist_in_its_section(
    client: Any, plex_server: FakePlexServer
) -> None:
    four = await _movies(client, 4)
    playlist = await resolve(client.playlists.create("Queue me", four))
    queue = await resolve(client.play_queues.create(playlist, start=four[2]))
    path = f"%2Fplaylists%2F{playlist.rating_key}%2Fitems"
    assert queue.source_uri == f"library://{_movies_uuid(plex_server)}/directory/{path}"
    assert queue.selected_item_offset == 2 == _selected_offset(queue)
    episode = (await resolve(client.library.items("TV Shows", type="episode", limit=1))).items[0]
    mixed = await resolve(client.playlists.create("Both", [four[0], episode]))
    queue = await resolve(client.play_queues.create(mixed))
    path = f"%2Fplaylists%2F{mixed.rating_key}%2Fitems"
    assert queue.source_uri == f"library:///directory/{path}"  # no one section to name


async def test_a_server_uri_is_reported_in_the_quoted_library_form(
    client: Any, plex_server: FakePlexServer
) -> None:
    (movie,) = await _movies(client, 1)
    queue = await resolve(client.play_queues.create([movie]))
    uuid = _movies_uuid(plex_server)
    assert queue.source_uri == f"library://{uuid}/item/%2Flibrary%2Fmetadata%2F{movie.rating_key}"


async def test_the_offset_follows_the_selected_entry(client: Any) -> None:
    five = await _movies(client, 5)
    queue = await resolve(client.play_queues.create(five, start=five[3]))
    assert queue.selected_item_offset == 3 == _selected_offset(queue)
    selected = queue.selected
    moved = await resolve(client.play_queues.move(queue, selected))
    assert moved.selected_item_offset == 0 == _selected_offset(moved)
    moved = await resolve(client.play_queues.move(moved, moved.items[0], after=moved.items[4]))
    assert moved.selected_item_offset == 4 == _selected_offset(moved)
    shuffled = await resolve(client.play_queues.shuffle(moved))
    assert shuffled.selected_item_offset == 0  # the selected entry is kept first
    back = await resolve(client.play_queues.unshuffle(shuffled))
    assert back.selected_item_offset == _selected_offset(back) == 3  # its place in the order
    removed = await resolve(client.play_queues.remove(back, back.items[0]))
    assert removed.selected_item_offset == 2 == _selected_offset(removed)
    reset = await resolve(client.play_queues.reset(removed))
    assert reset.selected_item_offset == 0


async def test_the_offset_counts_from_the_queue_start_in_a_window(client: Any) -> None:
    eight = await _movies(client, 8)
    queue = await resolve(client.play_queues.create(eight, start=eight[6]))
    window = await resolve(client.play_queues.get(queue, window=1))
    assert [m.rating_key for m in window.items] == [m.rating_key for m in eight[5:8]]
    assert window.selected_item_offset == 6 and window.total_count == 8


@pytest.fixture
def plexapi(plex_server: FakePlexServer) -> Iterator[tuple[Any, str]]:
    plexapi_server = pytest.importorskip("plexapi.server")
    with plex_server.run_in_thread() as url:
        yield plexapi_server.PlexServer(url, plex_server.token), url


def test_python_plexapi_gets_back_the_uri_it_sent(
    plexapi: tuple[Any, str], plex_server: FakePlexServer
) -> None:
    play_queue = pytest.importorskip("plexapi.playqueue").PlayQueue
    plex, url = plexapi
    movies = plex.library.section("Movies").all()[:3]
    queue = play_queue.create(plex, movies)  # sent as library:///directory/<quoted keys>
    keys = "%2C".join(str(m.ratingKey) for m in movies)
    assert queue.playQueueSourceURI == f"library:///directory/%2Flibrary%2Fmetadata%2F{keys}"
    one = play_queue.create(plex, movies[1])  # sent as server://...: reported in library form
    uuid = movies[1].section().uuid
    quoted = f"%2Flibrary%2Fmetadata%2F{movies[1].ratingKey}"
    assert one.playQueueSourceURI == f"library://{uuid}/item/{quoted}"
    given = f"library://{uuid}/item/{movies[1].key}"  # the capture's unquoted form
    headers = {"X-Plex-Token": plex_server.token, "Accept": "application/json"}
    params = {"type": "video", "uri": given}
    answer = httpx.post(f"{url}/playQueues", params=params, headers=headers)
    assert answer.json()["MediaContainer"]["playQueueSourceURI"] == given
