"""Models in a REPL or notebook: a short repr of the set fields, IPython pretty printing,
and JSON-safe ``to_dict()``; the rows come from the fake server's generated library."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

import pytest

from plexkit import PlexClient
from plexkit.models import HistoryEntry, Movie, Tag, UnknownItem, items_from
from plexkit.testing import FakePlexServer


@pytest.fixture(scope="module")
def plex() -> Iterator[PlexClient]:
    server = FakePlexServer()
    with server.run_in_thread() as url, PlexClient(url, token=server.token) as client:
        yield client


def test_repr_of_a_movie_is_short_and_names_what_is_set(plex: PlexClient) -> None:
    listed = plex.library.items("Movies", type="movie", limit=1).items[0]
    detail = plex.metadata.get(listed)
    for movie in (listed, detail):
        text = repr(movie)
        assert len(text) < 400, text
        assert text.startswith("Movie(")
        assert f"title={movie.title!r}" in text and f"rating_key={movie.rating_key!r}" in text
        assert "=None" not in text
        assert "[1 Media]" in text or "more)" in text
    assert len(repr(plex.server.info())) < 400


def test_repr_shows_only_set_fields_and_summarises_children() -> None:
    movie = Movie(
        rating_key="7",
        key="/library/metadata/7",
        type="movie",
        title="Heat",
        year=1995,
        genres=(Tag(tag="Crime"), Tag(tag="Drama")),
    )
    assert repr(movie) == "Movie(rating_key='7', type='movie', title='Heat', year=1995, " + (
        "genres=['Crime', 'Drama'])"
    )
    assert repr(Tag(tag="Drama")) == "Tag(tag='Drama')"


def test_ipython_pretty_prints_every_set_field() -> None:
    pretty = pytest.importorskip("IPython.lib.pretty")
    movie = Movie(
        rating_key="7",
        key="/library/metadata/7",
        type="movie",
        title="Heat",
        summary="A long summary " * 10,
    )
    text = pretty.pretty(movie)
    assert text.startswith("Movie(\n")
    assert "key='/library/metadata/7'" in text and "A long summary A long summary" in text
    assert "year=" not in text


def test_to_dict_is_json_safe_in_either_spelling(plex: PlexClient) -> None:
    movie = plex.metadata.get(plex.library.items("Movies", type="movie", limit=1).items[0])
    snake = movie.to_dict()
    json.dumps(snake)
    assert snake["rating_key"] == movie.rating_key and snake["year"] == movie.year
    assert movie.added_at is not None
    assert datetime.fromisoformat(snake["added_at"]) == movie.added_at
    assert isinstance(snake["media"], list) and snake["media"][0]["parts"][0]["file"]
    camel = movie.to_dict(camel=True)
    json.dumps(camel)
    assert camel["ratingKey"] == movie.rating_key and "Media" in camel and "Genre" in camel
    unknown = items_from({"Metadata": [{"type": "podcast", "ratingKey": "9", "x": [1]}]})[0]
    assert isinstance(unknown, UnknownItem)
    assert unknown.to_dict()["raw"] == {"type": "podcast", "ratingKey": "9", "x": [1]}
    entry = plex.history.list(limit=1).items[0]
    assert isinstance(entry, HistoryEntry)
    json.dumps(entry.to_dict())
