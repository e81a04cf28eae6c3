"""Fields built on first access (the readers' converter) equal those built at once.

The readers defer a model's scalars and child lists (tags, guids) until a caller reads them;
what the caller sees, and every comparison, repr, dict and pickle of the model, must be
exactly what the eager converter builds from the same body, across the real captures.
"""

from __future__ import annotations

import copy
import pickle
import threading
from pathlib import Path
from typing import Any

import attrs
import pytest
from models_data import capture_files, read, relative, spec_example_files

from plexkit.errors import PlexError
from plexkit.models import (
    Item,
    Movie,
    Tag,
    converter,
    decode_body,
    hubs_from,
    items_from,
    structure,
)
from plexkit.models._lazy_fields import WIRE_DICT

PAGE = (
    b'{"MediaContainer": {"size": 1, "Metadata": [{"ratingKey": "7", "type": "movie",'
    b' "key": "/library/metadata/7", "title": "Heat",'
    b' "Media": [{"id": 1, "Part": [{"id": 2, "file": "/m/heat.mkv", "Stream": [{"id": 9}]}]}],'
    b' "Genre": [{"tag": "Crime", "id": 3}, "junk", {"tag": "Drama"}],'
    b' "Role": {"tag": "Al Pacino"}, "Country": "oops", "year": "1995x", "addedAt": {"x": 1},'
    b' "rating": 8.5, "summary": "A heist."}]}}'
)


def _item_pages() -> list[Path]:
    found = []
    for path in capture_files() + spec_example_files():
        if path.suffix not in (".json", ".xml"):
            continue
        try:
            data = decode_body(read(path))
        except PlexError:
            continue  # the captures of malformed bodies
        if not isinstance(data, dict):
            continue
        if isinstance(data.get("Metadata"), list | dict) or isinstance(data.get("Hub"), list):
            found.append(path)
    return found


def _eager(data: dict[str, Any]) -> tuple[Item, ...]:
    entries = data["Metadata"]
    hook = converter.get_structure_hook(tuple[Item, ...])
    built: tuple[Item, ...] = hook(entries)
    return built


def test_the_item_captures_are_all_found() -> None:
    """The comparison below covers every capture with items (145 today), not a shrunk set."""
    assert len(_item_pages()) >= 140


@pytest.mark.parametrize("path", _item_pages(), ids=relative)
def test_read_items_equal_eagerly_built_ones_across_the_captures(path: Path) -> None:
    raw = read(path)
    data = decode_body(raw)
    lazy: tuple[Any, ...]
    if "Metadata" in data:
        lazy, eager = items_from(decode_body(raw)), _eager(data)
    else:
        lazy = hubs_from(decode_body(raw))
        pairs = zip(data["Hub"], lazy, strict=True)
        eager = tuple(converter.structure(entry, type(hub)) for entry, hub in pairs)
    assert lazy == eager
    assert [hash(x) for x in lazy] == [hash(x) for x in eager]
    assert [repr(x) for x in lazy] == [repr(x) for x in eager]
    assert [x.to_dict() for x in lazy] == [x.to_dict() for x in eager]


def test_a_child_list_is_built_when_first_read() -> None:
    (movie,) = items_from(decode_body(PAGE))
    assert isinstance(movie, Movie)
    assert "genres" not in movie.__dict__
    genres = movie.genres
    assert genres == (Tag(tag="Crime", id=3), Tag(tag="Drama"))
    assert movie.genres is genres  # built once, then read from the instance
    assert movie.roles == (Tag(tag="Al Pacino"),)  # a lone object
    assert movie.countries == () and movie.writers == ()  # not a list / absent
    assert movie.media[0].parts[0].streams[0].id == 9


def test_a_scalar_is_built_when_first_read_and_never_raises() -> None:
    (movie,) = items_from(decode_body(PAGE))
    assert isinstance(movie, Movie)
    assert "rating" not in movie.__dict__ and "summary" not in movie.__dict__
    assert movie.rating == 8.5 and movie.__dict__["rating"] == 8.5
    assert movie.summary == "A heist."
    assert movie.year is None and movie.added_at is None  # unreadable: None, as built at once
    assert movie.tagline is None and "tagline" not in movie.__dict__  # absent: the default
    assert movie.media[0].parts[0].file == "/m/heat.mkv"  # nested models: lazy too


def test_pickles_and_copies_carry_fields_not_the_wire_dict() -> None:
    """A pickle holds the values, not the body they were read from, so data the fields never
    read (here nested far past any recursion limit) neither travels nor breaks pickling."""
    data = decode_body(PAGE)
    deep: list[Any] = []
    for _ in range(5000):
        deep = [deep]
    data["Metadata"][0]["unmodelled"] = deep
    (movie,) = items_from(data)
    (reference,) = _eager(decode_body(PAGE))
    for other in (pickle.loads(pickle.dumps(movie)), copy.copy(movie), copy.deepcopy(movie)):
        assert WIRE_DICT not in other.__dict__
        assert other == reference
    assert b"unmodelled" not in pickle.dumps(movie)


def test_unread_children_survive_copies_pickles_and_evolve() -> None:
    (movie,) = items_from(decode_body(PAGE))
    (reference,) = _eager(decode_body(PAGE))
    for other in (
        pickle.loads(pickle.dumps(items_from(decode_body(PAGE))[0])),
        copy.copy(items_from(decode_body(PAGE))[0]),
        copy.deepcopy(items_from(decode_body(PAGE))[0]),
        attrs.evolve(items_from(decode_body(PAGE))[0]),
    ):
        assert other == reference
        assert other.genres == reference.genres
    assert movie == reference


def _read(model: Any, name: str, start: threading.Barrier, seen: list[Any]) -> None:
    start.wait()
    seen.append(getattr(model, name))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("genres", (Tag(tag="Crime", id=3), Tag(tag="Drama"))), ("summary", "A heist.")],
)
def test_threads_reading_one_unbuilt_field_all_see_it(name: str, expected: Any) -> None:
    for _ in range(50):
        (movie,) = items_from(decode_body(PAGE))
        seen: list[Any] = []
        start = threading.Barrier(4)
        threads = [
            threading.Thread(target=_read, args=(movie, name, start, seen)) for _ in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert seen == [expected] * 4


def test_structure_builds_at_once_so_later_changes_to_the_dict_do_not_show() -> None:
    entry = decode_body(PAGE)["Metadata"][0]
    movie = structure(entry, Movie)
    entry["Genre"].clear()
    assert movie.genres == (Tag(tag="Crime", id=3), Tag(tag="Drama"))
