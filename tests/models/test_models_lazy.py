"""Child tuples built on first access, and the thread-safe GC pause.

The lenient converter leaves tag lists, media, parts and streams as wire values until read;
what a caller sees must be exactly what an eager build gives: equal values, equal models,
pickles, copies and reprs.
"""

from __future__ import annotations

import copy
import gc
import pickle
import threading
from typing import Any

import attrs
import cattrs
import pytest

from plexkit.models import Movie, Tag, configure_converter, converter, decode_body, items_from
from plexkit.models._lazy import PENDING
from plexkit.models._wire import gc_paused

MOVIE: dict[str, Any] = {
    "ratingKey": "7",
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


def test_lazy_children_equal_eager_ones() -> None:
    lazy = converter.structure(MOVIE, Movie)
    eager = eager_converter().structure(MOVIE, Movie)
    assert lazy.__dict__.keys() & {PENDING + name for name in CHILDREN}  # really deferred
    assert PENDING + "genres" not in eager.__dict__
    for name in CHILDREN:
        assert getattr(lazy, name) == getattr(eager, name), name
    assert lazy.genres == (Tag(tag="Crime", id=3), Tag(tag="Drama"))
    assert lazy.roles == (Tag(tag="Al Pacino", role="Hanna"),)
    assert lazy.countries == ()
    assert lazy.media[0].parts[0].file == "/m/heat.mkv"
    assert lazy.media[0].parts[0].streams[0].id == 9
    assert lazy == eager and hash(lazy) == hash(eager) and repr(lazy) == repr(eager)


def test_a_built_child_is_kept_and_the_wire_value_dropped() -> None:
    movie = converter.structure(MOVIE, Movie)
    first = movie.genres
    assert movie.genres is first
    assert PENDING + "genres" not in movie.__dict__


def test_unbuilt_children_compare_pickle_copy_and_evolve_like_built_ones() -> None:
    eager = eager_converter().structure(MOVIE, Movie)
    for transform in (
        lambda m: pickle.loads(pickle.dumps(m)),
        copy.copy,
        copy.deepcopy,
        lambda m: attrs.evolve(m, title="Heat"),
        lambda m: Movie(**attrs.asdict(m, recurse=False)),
    ):
        fresh = converter.structure(MOVIE, Movie)
        assert transform(fresh) == eager


def test_models_built_by_init_and_classes_are_unchanged() -> None:
    assert Movie.genres == ()
    assert Movie(rating_key="1", type="movie").genres == ()
    tags = (Tag(tag="x"),)
    assert Movie(rating_key="1", type="movie", genres=tags).genres is tags


def test_json_and_xml_pages_give_equal_lazy_items() -> None:
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
    assert from_xml.genres == from_json.genres  # type: ignore[union-attr]


def test_threads_reading_one_unbuilt_child_all_see_it() -> None:
    for _ in range(50):
        movie = converter.structure(MOVIE, Movie)
        seen: list[object] = []
        barrier = threading.Barrier(4)

        def read(m: Movie, barrier: threading.Barrier, seen: list[object]) -> None:
            barrier.wait()
            seen.append(m.genres)

        args = (movie, barrier, seen)
        threads = [threading.Thread(target=read, args=args) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert all(value == (Tag(tag="Crime", id=3), Tag(tag="Drama")) for value in seen)


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
