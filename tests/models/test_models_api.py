"""The public surface of plexkit.models: names, model behaviour, the converter and structure()."""

from __future__ import annotations

import gc
import pickle
import typing
from collections import Counter
from datetime import datetime, timezone
from typing import Any

import attrs
import cattrs
import pytest
from cattrs.errors import ForbiddenExtraKeysError
from models_data import capture, capture_files, read, spec_example_files

import plexkit.models as models
from plexkit.errors import ParseError
from plexkit.models import (
    Collection,
    Item,
    Movie,
    ServerInfo,
    Tag,
    UnknownItem,
    converter,
    decode_body,
    items_from,
    structure,
)

CLIENT_NAMES = {
    # what plexkit's client imports today; renaming any of these breaks it
    "Activity",
    "Collection",
    "HistoryEntry",
    "Hub",
    "Identity",
    "Item",
    "Section",
    "ServerInfo",
    "Session",
    "activities_from",
    "decode_body",
    "history_from",
    "hubs_from",
    "identity_from",
    "items_from",
    "paging_from",
    "parse_container",
    "sections_from",
    "server_info_from",
    "sessions_from",
    "structure",
    "converter",
}


def test_exported_names() -> None:
    assert set(models.__all__) >= CLIENT_NAMES
    for name in models.__all__:
        assert getattr(models, name) is not None, name
    public = {n for n in dir(models) if not n.startswith("_")}
    submodules = {
        "accounts",
        "browse",
        "containers",
        "external",
        "item_types",
        "items",
        "management",
        "media",
        "settings",
        "status",
    }
    assert public - submodules - {"annotations"} == set(models.__all__)


def test_item_union_members() -> None:
    names = {cls.__name__ for cls in typing.get_args(Item)}
    assert names == {
        "Movie", "Show", "Season", "Episode", "Artist", "Album", "Track", "Photo",
        "PhotoAlbum", "Clip", "Collection", "Playlist", "UnknownItem",
    }  # fmt: skip


def test_converter_is_one_cattrs_converter() -> None:
    assert isinstance(converter, cattrs.Converter)
    assert converter.structure({"tag": "Drama", "id": "3"}, Tag) == Tag(tag="Drama", id=3)


def _movie() -> Movie:
    (movie,) = items_from(decode_body(capture("plex-api.rs/server/media/metadata_108.json")))
    assert isinstance(movie, Movie)
    return movie


def test_models_are_frozen_hashable_and_comparable() -> None:
    movie = _movie()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        movie.title = "changed"  # type: ignore[misc]
    assert hash(movie) == hash(_movie())
    assert movie == _movie()
    assert movie != attrs.evolve(movie, title="Other")
    assert repr(movie).startswith("Movie(") and repr(movie.title) in repr(movie)


def test_defaults_of_absent_fields_read_like_constructor_defaults() -> None:
    entry = {"ratingKey": "1", "key": "/library/metadata/1", "type": "movie", "title": "One"}
    sparse = items_from({"Metadata": [entry]})[0]
    built = Movie(rating_key="1", key="/library/metadata/1", type="movie", title="One")
    assert sparse == built
    assert (sparse.year, sparse.media, sparse.added_at) == (None, (), None)
    assert attrs.asdict(sparse) == attrs.asdict(built)


def test_models_pickle_round_trip() -> None:
    movie = _movie()
    unknown = items_from({"Metadata": [{"type": "podcast", "ratingKey": "9", "x": [1]}]})[0]
    for value in (movie, unknown):
        copy = pickle.loads(pickle.dumps(value))
        assert copy == value
    assert pickle.loads(pickle.dumps(unknown)).raw == {
        "type": "podcast",
        "ratingKey": "9",
        "x": [1],
    }


def test_collection_items_are_filled_by_evolve() -> None:
    (collection,) = items_from(decode_body(capture("plex-api.rs/server/media/metadata_161.json")))
    assert isinstance(collection, Collection)
    filled = attrs.evolve(collection, items=(_movie(),))
    assert filled.items[0].title == "Interstate 60"
    # the wire cannot set items: a "items" key in the body is ignored
    entry = {"ratingKey": "5", "key": "/k/5", "type": "collection", "title": "C", "items": [{}]}
    assert items_from({"Metadata": [entry]})[0] == Collection(
        rating_key="5", key="/k/5", type="collection", title="C"
    )


def test_server_info_name_is_friendly_name() -> None:
    info = ServerInfo(friendly_name="Den")
    assert info.name == "Den"


def test_unknown_item_raw_is_not_part_of_equality() -> None:
    a = UnknownItem(type="x", rating_key="1", raw={"a": 1})
    b = UnknownItem(type="x", rating_key="1", raw={"a": "1"})
    assert a == b and hash(a) == hash(b)


def test_structure_reads_other_modules_attrs_classes_with_camel_case_keys() -> None:
    @attrs.frozen(kw_only=True)
    class Friend:
        user_id: int
        friendly_name: str | None = None
        home_admin: bool | None = None
        created_at: datetime | None = None
        tags: tuple[Tag, ...] = ()

    friend = structure(
        {
            "userID": "42",
            "friendlyName": "Ann",
            "homeAdmin": "0",
            "createdAt": 1579514268,
            "tags": [{"tag": "x"}],
            "unknown": 1,
        },
        Friend,
    )
    assert friend == Friend(
        user_id=42,
        friendly_name="Ann",
        home_admin=False,
        created_at=datetime(2020, 1, 20, 9, 57, 48, tzinfo=timezone.utc),
        tags=(Tag(tag="x"),),
    )
    with pytest.raises(ParseError, match="Friend"):
        structure({"friendlyName": "no id"}, Friend)


def test_structure_pauses_the_collector_only_while_it_runs() -> None:
    assert gc.isenabled()
    items_from(decode_body(capture("plexdevices/xml_samples.SAMPLE_MOVIES.xml")))
    assert gc.isenabled()
    gc.disable()
    try:
        items_from(decode_body(capture("plexdevices/xml_samples.SAMPLE_MOVIES.xml")))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_strict_converter_reports_unmodelled_fields() -> None:
    """A forbid_extra_keys copy of the converter finds fields worth modelling.

    The report (printed with ``pytest -s``) lists, per class, the wire keys the captures send
    that no model reads. It is informative; the test only fails if strictness stops working.
    """
    strict = converter.copy(forbid_extra_keys=True)
    with pytest.raises(ForbiddenExtraKeysError):
        strict.structure({"tag": "x", "invented": 1}, Tag)
    assert converter.structure({"tag": "x", "invented": 1}, Tag) == Tag(tag="x")

    item = strict.get_structure_hook(Item)
    unmodelled: dict[str, Counter[str]] = {}
    for path in capture_files() + spec_example_files():
        try:
            data = decode_body(read(path))
        except ParseError:
            continue
        entries = data.get("Metadata") if isinstance(data.get("Metadata"), list) else []
        for entry in entries or []:
            _report_extras(item, entry, unmodelled)
    for cls, keys in sorted(unmodelled.items()):
        print(f"{cls}: {', '.join(k for k, _ in keys.most_common(12))}")
    assert "Movie" in unmodelled  # real captures carry more than we model (Image, ...)


def _report_extras(hook: Any, entry: Any, found: dict[str, Counter[str]]) -> None:
    if not isinstance(entry, dict) or "ratingKey" not in entry:
        return
    pending = dict(entry)
    for _ in range(20):  # drop what was reported and try again, to see every class
        try:
            hook(pending)
            return
        except ForbiddenExtraKeysError as exc:
            found.setdefault(exc.cl.__name__, Counter()).update(exc.extra_fields)
            pending = _without(pending, set(exc.extra_fields))
        except Exception:
            return


def _without(value: Any, keys: set[str]) -> Any:
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    return value
