"""Child lists built in one call per list, and the thread-safe GC pause.

Flat child models (tags, guids, streams) are built by a generated loop instead of one call
per entry; what a caller sees must be exactly what per-entry structuring gives.
"""

from __future__ import annotations

import gc
import pickle
import threading
from typing import Any

import attrs
import cattrs
import pytest

from plexkit._gc_pause import gc_paused
from plexkit.models import Movie, Tag, configure_converter, converter, decode_body, items_from

MOVIE: dict[str, Any] = {
    "ratingKey": "7",
    "key": "/library/metadata/7",
    "type": "movie",
    "title": "Heat",
    "Genre": [{"tag": "Crime", "id": 3}, {"tag": "Drama"}, "junk"],
    "Role": {"tag": "Al Pacino", "role": "Hanna"},
    "Country": "oops",
    "Media": [{"id": 1, "Part": [{"id": 2, "file": "/m/heat.mkv", "Stream": [{"id": 9}]}]}],
}

CHILDREN = ("genres", "roles", "countries", "media", "directors", "labels", "guids")


def eager_converter() -> cattrs.Converter:
    """The strict converter builds every child at once: the reference."""
    return configure_converter(cattrs.Converter(detailed_validation=False, forbid_extra_keys=True))


def test_one_call_list_builders_equal_per_entry_structuring() -> None:
    fast = converter.structure(MOVIE, Movie)
    reference = eager_converter().structure(MOVIE, Movie)
    for name in CHILDREN:
        assert getattr(fast, name) == getattr(reference, name), name
    assert fast.genres == (Tag(tag="Crime", id=3), Tag(tag="Drama"))  # "junk" dropped
    assert fast.roles == (Tag(tag="Al Pacino", role="Hanna"),)  # a lone object
    assert fast.countries == ()  # not a list
    assert fast.media[0].parts[0].file == "/m/heat.mkv"
    assert fast.media[0].parts[0].streams[0].id == 9
    assert fast == reference and hash(fast) == hash(reference) and repr(fast) == repr(reference)
    assert pickle.loads(pickle.dumps(fast)) == reference
    assert attrs.evolve(fast, title="Heat") == reference


def test_lenient_scalars_inside_built_lists() -> None:
    movie = converter.structure(
        {
            "ratingKey": "1",
            "key": "/k",
            "title": "M",
            "type": "movie",
            "Genre": [{"tag": 5, "id": "7", "count": 2.0}],
        },
        Movie,
    )
    assert movie.genres == (Tag(tag="5", id=7, count=2),)


def test_json_and_xml_pages_give_equal_items() -> None:
    xml = (
        b'<MediaContainer size="1"><Video ratingKey="7" type="movie" title="Heat">'
        b'<Media id="1"><Part id="2" file="/m/heat.mkv"/></Media>'
        b'<Genre tag="Crime" id="3"/><Genre tag="Drama"/></Video></MediaContainer>'
    )
    json = (
        b'{"MediaContainer": {"size": 1, "Metadata": [{"ratingKey": "7", "type": "movie",'
        b' "title": "Heat", "Media": [{"id": 1, "Part": [{"id": 2, "file": "/m/heat.mkv"}]}],'
        b' "Genre": [{"tag": "Crime", "id": 3}, {"tag": "Drama"}]}]}}'
    )
    (from_xml,) = items_from(decode_body(xml))
    (from_json,) = items_from(decode_body(json))
    assert from_xml == from_json


def test_gc_pause_is_never_left_disabled_and_respects_the_application() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # the application's choice stays
    finally:
        gc.enable()


def test_gc_stays_paused_until_the_last_thread_leaves() -> None:
    """A read-ahead thread leaving its pause must not turn GC on under the caller."""
    inside = threading.Event()
    leave = threading.Event()
    during: list[bool] = []

    def other_thread() -> None:
        with gc_paused():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other_thread)
    with gc_paused():
        thread.start()
        assert inside.wait(5)
    # this thread left first: the other is still inside
    during.append(gc.isenabled())
    with gc_paused():
        leave.set()
        thread.join(5)
        during.append(gc.isenabled())  # the other left while this one is inside
    assert during == [False, False]
    assert gc.isenabled()
