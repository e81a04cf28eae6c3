"""`PlayQueue` from real answers: Home Assistant's recorded ``playqueue_1234.xml`` (XML, and the
same body in PMS's "Track"-keyed JSON dialect), the PMS spec's ``createPlayQueue``, ``shuffle``
and ``clear`` examples; an answer that is not a queue is a ParseError."""

from __future__ import annotations

import json

import pytest

from plexkit.errors import ParseError
from plexkit.models import PlayQueue, Track, UnknownItem, decode_body, play_queue_from, to_dict
from tests.models.models_data import capture, spec_example, xml_to_json

CAPTURE = "home-assistant-core/playqueue_1234.xml"


def test_the_recorded_queue_decodes_every_play_queue_field() -> None:
    queue = play_queue_from(decode_body(capture(CAPTURE), "application/xml"))
    assert isinstance(queue, PlayQueue)
    assert queue.id == 1234
    assert queue.selected_item_id == 10234 and queue.selected_item_offset == 0
    assert queue.selected_rating_key == "100"
    assert queue.shuffled is False and queue.total_count == 1 and queue.version == 1
    assert queue.source_uri == (
        "library://005308ec-5019-43d4-a449-75d2b9e42f93/item//library/metadata/100"
    )
    (track,) = queue.items
    assert isinstance(track, Track) and track.rating_key == "100" and track.title == "Track 1"
    assert track.grandparent_title == "Artist Name" and track.media[0].id == 381515
    assert queue.item_ids == (None,)  # the recording has no playQueueItemID on its entry
    assert queue.selected is None


def test_the_recorded_queue_reads_the_same_from_json() -> None:
    from_xml = play_queue_from(decode_body(capture(CAPTURE), "application/xml"))
    body = json.dumps(xml_to_json(capture(CAPTURE))).encode()
    from_json = play_queue_from(decode_body(body, "application/json"))
    assert to_dict(from_json) == to_dict(from_xml)


def test_the_spec_create_and_shuffle_examples() -> None:
    created = play_queue_from(decode_body(spec_example("playQueuePostSlash__200__playQueue.json")))
    assert created.id == 9631 and created.total_count == 22 and created.size == 21
    assert created.selected_item_id == 2211762 and created.selected_rating_key == "1941458"
    assert created.item_ids == (2211762,) and not created.shuffled
    assert isinstance(created.items[0], UnknownItem)  # the example elides the item itself
    assert created.selected is created.items[0]
    assert created.item_of(2211762) is created.items[0] and created.item_of(1) is None
    assert created.id_of(created.items[0]) == 2211762
    name = "playQueueQueuePutItemsShuffle__200__playQueue.json"
    assert play_queue_from(decode_body(spec_example(name))).shuffled is True


def test_the_spec_clear_example_is_an_empty_queue() -> None:
    cleared = play_queue_from(
        decode_body(spec_example("playQueueQueueDeleteItems__200__playQueue.json"))
    )
    assert cleared.items == () and cleared.item_ids == ()
    assert cleared.total_count == 0 and cleared.version == 2


@pytest.mark.parametrize(
    "raw",
    [
        spec_example("playQueueQueueGetSlash__200__playlist.json"),  # a playlist, not a queue
        b'{"MediaContainer": {"playQueueID": "many"}}',
        b'{"MediaContainer": {"playQueueID": 1, "Metadata": 3}}',
    ],
)
def test_what_is_not_a_queue_is_a_parse_error(raw: bytes) -> None:
    with pytest.raises(ParseError):
        play_queue_from(decode_body(raw, "application/json"))
