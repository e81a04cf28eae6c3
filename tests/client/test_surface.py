"""The surface a user types against: ``type=`` narrows listings, hierarchy calls are typed,
and a section is its model, key or title (an item its model or rating key) everywhere.
Expected values come from the fake server's store."""

from __future__ import annotations

from typing import Any

import pytest

from plexkit import ConfigurationError, NotFoundError
from plexkit.models import Album, Artist, Episode, Movie, Season, Show, Track
from plexkit.testing import FakePlexServer
from tests.client.either import collect, resolve

pytestmark = pytest.mark.anyio


async def test_listings_take_a_section_title_key_or_model(client: Any) -> None:
    by_title = await resolve(client.library.items("Movies", type="movie", limit=5))
    section = await resolve(client.library.section("movies"))
    by_model = await resolve(client.library.items(section, type="movie", limit=5))
    by_key = await resolve(client.library.items(1, type="movie", limit=5))
    assert by_title == by_model == by_key
    assert by_title.items and all(isinstance(m, Movie) for m in by_title.items)
    walked = await collect(client.library.iter_items("Movies", type="movie", limit=3))
    assert [m.rating_key for m in walked] == [m.rating_key for m in by_title.items[:3]]
    collections = await resolve(client.library.collections("Movies"))
    assert collections == await resolve(client.library.collections(section))


async def test_refresh_takes_a_section_title(client: Any) -> None:
    # used to send /library/sections/Movies/refresh, which PMS answers with 404
    await resolve(client.library.refresh("Movies"))
    with pytest.raises(NotFoundError, match="Cinema"):
        await resolve(client.library.refresh("Cinema"))


async def test_search_and_recently_added_narrow_by_type(client: Any) -> None:
    movie = (await resolve(client.library.items("Movies", type="movie", limit=1))).items[0]
    found = await resolve(client.library.search(movie.title, type="movie"))
    assert movie.rating_key in {m.rating_key for m in found}
    assert all(isinstance(m, Movie) for m in found)
    recent = await resolve(client.library.recently_added(type="movie", section="Movies", limit=4))
    assert len(recent) == 4 and all(isinstance(m, Movie) for m in recent)
    assert [m.added_at for m in recent] == sorted((m.added_at for m in recent), reverse=True)
    anywhere = await resolve(client.library.recently_added(type="episode", limit=50))
    assert all(isinstance(e, Episode) for e in anywhere)


async def test_hierarchy_calls_are_typed(client: Any, plex_server: FakePlexServer) -> None:
    show = (await resolve(client.library.items("TV Shows", type="show", limit=1))).items[0]
    assert isinstance(show, Show)
    seasons = await resolve(client.metadata.seasons(show))
    node = plex_server.library.node(show.rating_key)
    assert [s.rating_key for s in seasons] == [str(c.rating_key) for c in node.children]
    assert all(isinstance(s, Season) for s in seasons)
    of_season = await resolve(client.metadata.episodes(seasons[0]))
    assert [e.rating_key for e in of_season] == [
        str(c.rating_key) for c in node.children[0].children
    ]
    of_show = await resolve(client.metadata.episodes(show.rating_key))
    assert len(of_show) == sum(len(s.children) for s in node.children)
    assert all(isinstance(e, Episode) for e in of_show)
    artist = (await resolve(client.library.items("Music", type="artist", limit=1))).items[0]
    albums = await resolve(client.metadata.albums(artist))
    assert albums and all(isinstance(a, Album) for a in albums)
    assert isinstance(artist, Artist)
    tracks = await resolve(client.metadata.tracks(albums[0]))
    assert tracks and all(isinstance(t, Track) for t in tracks)


async def test_get_keeps_the_class_of_the_model_given(client: Any) -> None:
    movie = (await resolve(client.library.items("Movies", type="movie", limit=1))).items[0]
    detail = await resolve(client.metadata.get(movie))
    assert isinstance(detail, Movie) and detail.rating_key == movie.rating_key
    assert detail == await resolve(client.metadata.get(movie.rating_key))


async def test_bad_section_and_item_arguments_fail_before_any_request(client: Any) -> None:
    with pytest.raises(ConfigurationError):
        await resolve(client.library.items(1.5))
    with pytest.raises(ConfigurationError):
        await resolve(client.library.items(""))
    with pytest.raises(ConfigurationError):
        await resolve(client.metadata.get(["1"]))
