"""Child lists built on first access (the readers' converter) equal those built at once.

The readers defer a model's child lists (tags, guids, media) until a caller reads them; what
the caller sees, and every comparison, repr, dict and pickle of the model, must be exactly
what the eager converter builds from the same body, across the real captures.
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
from plexkit.models._lazy_children import raw_key

PAGE = (
    b'{"MediaContainer": {"size": 1, "Metadata": [{"ratingKey": "7", "type": "movie",'
    b' "key": "/library/metadata/7", "title": "Heat",'
    b' "Media": [{"id": 1, "Part": [{"id": 2, "file": "/m/heat.mkv", "Stream": [{"id": 9}]}]}],'
    b' "Genre": [{"tag": "Crime", "id": 3}, "junk", {"tag": "Drama"}],'
    b' "Role": {"tag": "Al Pacino"}, "Country": "oops"}]}}'
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
    assert raw_key("genres") not in movie.__dict__
    assert movie.roles == (Tag(tag="Al Pacino"),)  # a lone object
    assert movie.countries == () and movie.writers == ()  # not a list / absent
    assert movie.media[0].parts[0].streams[0].id == 9


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


def _read_genres(model: Any, start: threading.Barrier, seen: list[Any]) -> None:
    start.wait()
    seen.append(model.genres)


def test_threads_reading_one_unbuilt_list_all_see_it() -> None:
    for _ in range(50):
        (movie,) = items_from(decode_body(PAGE))
        seen: list[Any] = []
        start = threading.Barrier(4)
        threads = [
            threading.Thread(target=_read_genres, args=(movie, start, seen)) for _ in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert seen == [(Tag(tag="Crime", id=3), Tag(tag="Drama"))] * 4


def test_structure_builds_at_once_so_later_changes_to_the_dict_do_not_show() -> None:
    entry = decode_body(PAGE)["Metadata"][0]
    movie = structure(entry, Movie)
    entry["Genre"].clear()
    assert movie.genres == (Tag(tag="Crime", id=3), Tag(tag="Drama"))
