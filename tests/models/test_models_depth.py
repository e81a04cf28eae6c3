"""The nesting limit read off JSON bytes agrees with walking the decoded document; pages read
only for their items skip it, their readers checking what they keep or build deeply."""

from __future__ import annotations

import json
import typing
from collections.abc import Callable

import attrs
import pytest

from plexkit.errors import ParseError
from plexkit.models import (
    Item,
    Movie,
    UnknownItem,
    decode_body,
    decode_document,
    items_from,
)
from plexkit.models._decode import decode_page
from plexkit.models._depth import json_nesting_within, nesting_within
from plexkit.models.items import OMIT, Extras
from plexkit.models.media import Media, Part, Stream

TRICKY = ['a"b', "[[[{{", "\\", '\\"', "]]}}", "x\\\\", '\\\\"[', "é{"]


def _nested(levels: int, text: str) -> object:
    value: object = text
    for n in range(levels):
        value = [value] if n % 2 else {text: value}
    return value


@pytest.mark.parametrize("text", TRICKY)
@pytest.mark.parametrize("levels", [0, 1, 2, 5, 46, 47, 48, 60])
def test_bytes_and_walk_agree_whatever_the_strings_hold(levels: int, text: str) -> None:
    body = json.dumps(_nested(levels, text)).encode()
    for limit in range(max(levels - 1, 0), levels + 2):
        assert json_nesting_within(body, limit) is (levels <= limit)
    assert nesting_within(json.loads(body), levels + 1)
    assert not nesting_within(json.loads(body), levels)


@pytest.mark.parametrize("as_text", [False, True])
def test_documents_deeper_than_plex_bodies_are_refused(as_text: bool) -> None:
    ok = json.dumps(_nested(47, "[x]"))
    deep = json.dumps(_nested(49, "[x]"))
    assert decode_document(ok if as_text else ok.encode())
    with pytest.raises(ParseError, match="nested more than 48 levels"):
        decode_document(deep if as_text else deep.encode())


def _deep(levels: int) -> object:
    """A value ``levels`` objects deep (its innermost string one level deeper)."""
    value: object = "x"
    for _ in range(levels):
        value = {"a": value}
    return value


def _page(*entries: object) -> bytes:
    return json.dumps(
        {"MediaContainer": {"size": len(entries), "Metadata": list(entries)}}
    ).encode()


MOVIE = {"type": "movie", "ratingKey": "1", "key": "/library/metadata/1", "title": "Heat"}


def test_a_page_read_for_its_items_skips_the_whole_body_check_and_keeps_the_movie() -> None:
    body = _page({**MOVIE, "futureField": _deep(100)})
    with pytest.raises(ParseError, match="nested more than 48 levels"):
        decode_body(body)
    (movie,) = items_from(decode_page(body))
    assert isinstance(movie, Movie) and movie.title == "Heat"
    (again,) = items_from(decode_page(body))
    assert movie == again
    assert "Heat" in repr(movie)
    assert attrs.asdict(movie)["title"] == "Heat"


@pytest.mark.parametrize("levels", [43, 44, 100, 900])
def test_an_unknown_item_is_refused_where_the_whole_body_check_would_refuse_it(
    levels: int,
) -> None:
    """Its ``raw`` keeps every value, so its own dict is checked, counted from its level."""
    body = _page(MOVIE, {"type": "future", "ratingKey": "2", "title": "?", "x": _deep(levels)})
    whole_ok = levels <= 43  # the item sits at level 4; its string at levels + 6
    assert json_nesting_within(body, 47) is whole_ok
    if whole_ok:
        _, unknown = items_from(decode_page(body))
        assert isinstance(unknown, UnknownItem) and json.dumps(dict(unknown.raw))
        return
    with pytest.raises(ParseError, match="an item nested more than 48 levels"):
        items_from(decode_page(body))


def test_extras_nested_in_extras_are_refused() -> None:
    """Extras hold items that hold Extras: the one way models nest as deep as the body."""
    item: dict[str, object] = dict(MOVIE)
    for n in range(100):
        item = {**MOVIE, "ratingKey": str(n), "Extras": {"size": 1, "Metadata": [item]}}
    with pytest.raises(ParseError, match="nested more than 48 levels"):
        items_from(decode_page(_page(item)))
    shallow = {**MOVIE, "Extras": {"size": 1, "Metadata": [{**MOVIE, "type": "clip"}]}}
    (movie,) = items_from(decode_page(_page(shallow)))
    assert isinstance(movie, Movie) and movie.extras is not None
    assert len(movie.extras.items) == 1


def test_only_extras_let_item_models_nest_in_themselves() -> None:
    """Without Extras the fields read off the wire form no cycle, so a model built from a page
    cannot nest deeper than the schema: the item readers check only Extras and unknown items
    (``items`` of playlists and collections are filled in by the client, not read)."""
    graph: dict[type, set[type]] = {}
    todo = list(typing.get_args(Item))
    while todo:
        cls = todo.pop()
        if cls in graph:
            continue
        graph[cls] = set()
        wire = (f for f in attrs.fields(attrs.resolve_types(cls)) if not f.metadata.get(OMIT))
        for field in wire:
            for inner in _models_in(field.type):
                graph[cls].add(inner)
                todo.append(inner)
    assert {Extras, Media, Part, Stream} <= graph.keys()
    seen: set[type] = set()

    def visit(cls: type, path: tuple[type, ...]) -> None:
        assert cls not in path, f"models nest in themselves without Extras: {path}"
        if cls in seen:
            return
        seen.add(cls)
        for inner in graph[cls] - {Extras}:
            visit(inner, (*path, cls))

    for cls in graph:
        if cls is not Extras:
            visit(cls, ())


def _models_in(tp: object) -> list[type]:
    if isinstance(tp, type) and attrs.has(tp):
        return [tp]
    if tp == Item:
        return list(typing.get_args(Item))
    return [found for arg in typing.get_args(tp) for found in _models_in(arg)]


@pytest.mark.parametrize("reader", [decode_page, decode_body, decode_document])
def test_xml_is_checked_by_every_decoder(reader: Callable[[bytes], object]) -> None:
    xml = b"<MediaContainer>" + b"<Directory>" * 60 + b"</Directory>" * 60 + b"</MediaContainer>"
    with pytest.raises(ParseError, match="nested more than 48 levels"):
        reader(xml)
