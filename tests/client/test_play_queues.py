"""``plex.play_queues`` and ``hubs.related`` against the fake, on the sync and the async client
(asyncio and trio): queues made from items, a show and a playlist, then read in windows,
extended, reordered and cleared, each answer the queue as it now is; an item's related hubs."""

from __future__ import annotations

from typing import Any

import pytest

from plexkit import PlexClient
from plexkit.errors import ConfigurationError, NotFoundError
from plexkit.models import Episode, Hub, Movie, PlayQueue
from tests.client.either import resolve

pytestmark = pytest.mark.anyio


async def movies(client: Any, count: int) -> list[Movie]:
    return list((await resolve(client.library.items("Movies", type="movie", limit=count))).items)


def keys(queue: PlayQueue) -> list[str]:
    return [item.rating_key for item in queue.items]


async def test_a_queue_of_movies_keeps_their_order_and_selects_the_first(client: Any) -> None:
    three = await movies(client, 3)
    queue = await resolve(client.play_queues.create(three))
    assert isinstance(queue, PlayQueue) and queue.id > 0
    assert keys(queue) == [m.rating_key for m in three]
    assert all(isinstance(item, Movie) for item in queue.items)
    assert queue.total_count == 3 and queue.version == 1 and not queue.shuffled
    assert len(set(queue.item_ids)) == 3 and None not in queue.item_ids
    assert queue.selected is not None and queue.selected.rating_key == three[0].rating_key
    assert queue.selected_rating_key == three[0].rating_key
    assert queue.source_uri and queue.source_uri.startswith("library://")
    again = await resolve(client.play_queues.get(queue.id))
    assert keys(again) == keys(queue) and again.item_ids == queue.item_ids


async def test_start_picks_the_selected_entry(client: Any) -> None:
    three = await movies(client, 3)
    queue = await resolve(client.play_queues.create(three, start=three[2]))
    assert queue.selected is not None and queue.selected.rating_key == three[2].rating_key


async def test_a_show_queues_its_episodes_and_shuffle_keeps_every_one(client: Any) -> None:
    show = (await resolve(client.library.items("TV Shows", type="show", limit=1))).items[0]
    episodes = await resolve(client.metadata.episodes(show))
    queue = await resolve(client.play_queues.create(show))
    assert [e.rating_key for e in episodes] == keys(queue)
    assert all(isinstance(item, Episode) for item in queue.items)
    shuffled = await resolve(client.play_queues.create(show, shuffle=True))
    assert shuffled.shuffled and sorted(keys(shuffled)) == sorted(keys(queue))


async def test_continuous_from_one_episode_queues_the_rest_of_the_show(client: Any) -> None:
    show = (await resolve(client.library.items("TV Shows", type="show", limit=1))).items[0]
    episodes = await resolve(client.metadata.episodes(show))
    alone = await resolve(client.play_queues.create(episodes[2]))
    assert keys(alone) == [episodes[2].rating_key]
    rest = await resolve(client.play_queues.create(episodes[2], continuous=True))
    assert keys(rest) == [e.rating_key for e in episodes[2:]]


async def test_a_playlist_is_queued_by_its_id(client: Any) -> None:
    playlist = next(p for p in await resolve(client.playlists.list(type="video")) if not p.smart)
    entries = await resolve(client.playlists.items(playlist))
    queue = await resolve(client.play_queues.create(playlist))
    assert keys(queue) == [e.rating_key for e in entries]
    path = f"/playlists/{playlist.rating_key}"
    with pytest.raises(ConfigurationError, match="type="):
        await resolve(client.play_queues.create(path))  # a key path does not say its type
    by_path = await resolve(client.play_queues.create(path, type="video"))
    assert keys(by_path) == keys(queue)


async def test_add_appends_or_plays_next_and_bumps_the_version(client: Any) -> None:
    four = await movies(client, 4)
    queue = await resolve(client.play_queues.create(four[:2]))
    later = await resolve(client.play_queues.add(queue, [four[2]]))
    assert keys(later) == [m.rating_key for m in (four[0], four[1], four[2])]
    assert later.version == queue.version + 1
    soon = await resolve(client.play_queues.add(later.id, four[3].rating_key, next=True))
    assert keys(soon) == [m.rating_key for m in (four[0], four[3], four[1], four[2])]
    assert soon.last_added_item_id == soon.item_ids[1]


async def test_an_item_queued_twice_is_told_apart_by_the_queue_model(client: Any) -> None:
    two = await movies(client, 2)
    queue = await resolve(client.play_queues.create([two[0], two[1], two[0]]))
    second_copy = queue.items[2]
    shorter = await resolve(client.play_queues.remove(queue, second_copy))
    assert keys(shorter) == [two[0].rating_key, two[1].rating_key]
    assert shorter.item_ids == queue.item_ids[:2]
    by_key = await resolve(client.play_queues.remove(shorter.id, two[0].rating_key))
    assert keys(by_key) == [two[1].rating_key]


async def test_move_to_the_front_or_after_an_entry(client: Any) -> None:
    three = await movies(client, 3)
    queue = await resolve(client.play_queues.create(three))
    front = await resolve(client.play_queues.move(queue, three[2]))
    assert keys(front) == [m.rating_key for m in (three[2], three[0], three[1])]
    after = await resolve(client.play_queues.move(front, front.items[0], after=front.items[2]))
    assert keys(after) == [m.rating_key for m in (three[0], three[1], three[2])]


async def test_shuffle_unshuffle_reset_and_clear(client: Any) -> None:
    show = (await resolve(client.library.items("TV Shows", type="show", limit=1))).items[0]
    queue = await resolve(client.play_queues.create(show, start=None))
    shuffled = await resolve(client.play_queues.shuffle(queue))
    assert shuffled.shuffled and sorted(keys(shuffled)) == sorted(keys(queue))
    assert shuffled.selected_item_id == queue.selected_item_id
    natural = await resolve(client.play_queues.unshuffle(shuffled))
    assert not natural.shuffled and keys(natural) == keys(queue)
    first, second = natural.items[:2]
    moved = await resolve(client.play_queues.move(natural, first, after=second))
    reset = await resolve(client.play_queues.reset(moved))
    assert reset.selected_item_id == moved.item_ids[0]
    empty = await resolve(client.play_queues.clear(reset))
    assert empty.total_count == 0 and empty.items == ()
    assert empty.version is not None and empty.version > reset.version


async def test_get_reads_a_window_around_an_entry(client: Any) -> None:
    show = (await resolve(client.library.items("TV Shows", type="show", limit=1))).items[0]
    queue = await resolve(client.play_queues.create(show))
    middle = queue.item_ids[5]
    window = await resolve(client.play_queues.get(queue, window=2, center=middle))
    assert window.item_ids == queue.item_ids[3:8]
    assert window.total_count == queue.total_count
    after = await resolve(client.play_queues.get(queue, center=middle, include_before=False))
    assert after.item_ids[0] == middle


async def test_an_unknown_queue_or_entry_is_not_found(client: Any) -> None:
    one = await movies(client, 2)
    queue = await resolve(client.play_queues.create(one[:1]))
    with pytest.raises(NotFoundError):
        await resolve(client.play_queues.get(987654))
    with pytest.raises(NotFoundError):
        await resolve(client.play_queues.remove(queue, one[1]))


async def test_related_hubs_hold_typed_items_and_honour_count(client: Any) -> None:
    movie = (await movies(client, 1))[0]
    hubs = await resolve(client.hubs.related(movie))
    assert hubs and all(isinstance(hub, Hub) for hub in hubs)
    assert all(isinstance(item, Movie) for hub in hubs for item in hub.items)
    assert all(movie.rating_key not in [i.rating_key for i in hub.items] for hub in hubs)
    small = await resolve(client.hubs.related(movie.rating_key, count=1))
    assert [h.title for h in small] == [h.title for h in hubs]
    assert all(len(hub.items) == 1 for hub in small)


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.play_queues.create([]),
        lambda c: c.play_queues.create(["1"]),  # a rating key says no type
        lambda c: c.play_queues.create(["1"], type="music"),
        lambda c: c.play_queues.create(["1"], type="video", shuffle="yes"),
        lambda c: c.play_queues.create(["1"], type="video", start=1.5),
        lambda c: c.play_queues.get(0),
        lambda c: c.play_queues.get(True),
        lambda c: c.play_queues.get(1, window=-1),
        lambda c: c.play_queues.get(1, center="x"),
        lambda c: c.play_queues.add(1, None),
        lambda c: c.play_queues.add(1, ["1"], next=1),
        lambda c: c.play_queues.remove("x", "1"),
        lambda c: c.play_queues.move(1, "1", after=object()),
        lambda c: c.hubs.related("1", count=0),
        lambda c: c.hubs.related(None),
    ],
)
async def test_bad_input_is_refused_before_any_request(
    client: Any, plex_server: Any, call: Any
) -> None:
    before = len(plex_server.requests)
    with pytest.raises(ConfigurationError):
        await resolve(call(client))
    assert len(plex_server.requests) == before


def test_a_cached_client_reads_the_queue_as_it_is_now(plex_server: Any) -> None:
    with (
        plex_server.run_in_thread() as url,
        PlexClient(url, token=plex_server.token, cache=True) as plex,
    ):
        two = plex.library.items("Movies", type="movie", limit=2).items
        queue = plex.play_queues.create(two[:1])
        assert keys(plex.play_queues.get(queue)) == [two[0].rating_key]
        plex.play_queues.add(queue, two[1])
        assert keys(plex.play_queues.get(queue)) == [m.rating_key for m in two]
