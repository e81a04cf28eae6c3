"""python-plexapi against the fake on loopback, round 2: what its users do beyond browsing
(issue 13) and what test_fake_plexapi.py leaves out: on deck per section and show, history by
item, date and section, the filter operators, smart lists with or-filters and their edits,
collection edits, first characters and music albums. Each assertion is what a real PMS gives."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest

from plexkit.testing import FakePlexServer

plexapi_server = pytest.importorskip("plexapi.server")


@pytest.fixture(scope="module")
def plex() -> Iterator[Any]:
    """A read-only server: nothing here writes."""
    server = FakePlexServer(movies=40, shows=5, artists=3, photo_albums=2, history=60)
    with server.run_in_thread() as url:
        yield plexapi_server.PlexServer(url, server.token)


@pytest.fixture
def fresh() -> Iterator[Any]:
    """A small server of its own, for tests that write."""
    server = FakePlexServer(movies=12, shows=2, artists=1, photo_albums=1, history=5)
    with server.run_in_thread() as url:
        yield plexapi_server.PlexServer(url, server.token)


def test_on_deck_of_a_section_and_a_show(fresh: Any) -> None:
    movies = fresh.library.section("Movies")
    started = next(m for m in movies.all() if not m.isPlayed)
    assert started.ratingKey not in [m.ratingKey for m in movies.onDeck()]
    started.updateProgress(30_000)
    deck = movies.onDeck()
    assert started.ratingKey in [m.ratingKey for m in deck]
    assert next(m for m in deck if m.ratingKey == started.ratingKey).viewOffset == 30_000
    show = fresh.library.section("TV Shows").all()[0]
    show.markUnplayed()
    first, second = show.episodes()[:2]
    assert show.onDeck().ratingKey == first.ratingKey  # unwatched: the first episode
    first.markPlayed()
    assert show.onDeck().ratingKey == second.ratingKey  # the next unplayed episode
    seasons = show.seasons()
    holder = next(s for s in seasons if second.ratingKey in [e.ratingKey for e in s.episodes()])
    assert holder.onDeck().ratingKey == second.ratingKey
    assert all(s.onDeck() is None for s in seasons if s.ratingKey != holder.ratingKey)
    second.updateProgress(5_000)
    assert show.onDeck().viewOffset == 5_000
    show.markPlayed()
    assert show.onDeck() is None


def test_history_by_item_date_and_section(plex: Any) -> None:
    everything = plex.history()
    item = everything[0].ratingKey
    rows = plex.history(ratingKey=item)
    assert rows and {r.ratingKey for r in rows} == {item}
    assert len(rows) == sum(1 for r in everything if r.ratingKey == item)
    assert [r.ratingKey for r in plex.fetchItem(item).history()] == [r.ratingKey for r in rows]
    viewed = sorted(r.viewedAt for r in everything)
    middle = viewed[len(viewed) // 2]
    since = plex.history(mindate=middle)
    assert since and all(r.viewedAt >= middle for r in since)
    assert len(since) == sum(1 for v in viewed if v >= middle)
    assert plex.history(mindate=datetime.datetime.now() + datetime.timedelta(days=1)) == []
    movies = plex.history(librarySectionID=1)
    assert movies and {r.librarySectionID for r in movies} == {1}
    owners = plex.history(librarySectionID=1, accountID=1)  # a section's history is the owner's
    assert [r.ratingKey for r in plex.library.section("Movies").history()] == [
        r.ratingKey for r in owners
    ]


def test_filter_operators(plex: Any) -> None:
    movies = plex.library.section("Movies")
    titles = {m.title for m in movies.all()}

    def found(**filters: Any) -> set[str]:
        return {m.title for m in movies.search(filters=filters)}

    assert found(title="wars") == {t for t in titles if "wars" in t.lower()}  # contains
    assert found(**{"title!": "star"}) == {t for t in titles if "star" not in t.lower()}
    assert found(**{"title=": "Star Wars"}) == {"Star Wars"}  # is
    assert found(**{"title<": "Star"}) == {t for t in titles if t.lower().startswith("star")}
    years = {m.title: m.year for m in movies.all()}
    assert found(**{"year!": 1977}) == {t for t, y in years.items() if y != 1977}
    assert found(**{"year>>": 2000}) == {t for t, y in years.items() if y > 2000}
    assert found(**{"year<<": 1990}) == {t for t, y in years.items() if y < 1990}
    genres = {m.title: {g.tag for g in m.genres} for m in movies.all()}
    assert found(**{"genre!": "Science Fiction"}) == {
        t for t, g in genres.items() if "Science Fiction" not in g
    }
    both = found(**{"genre&": ["Science Fiction", "Adventure"]})
    assert both == {t for t, g in genres.items() if {"Science Fiction", "Adventure"} <= g}
    assert [o.key for o in movies.listOperators("integer")] == ["=", "!=", ">>=", "<<="]


def test_smart_collection_with_or_filters_and_its_edits(fresh: Any) -> None:
    movies = fresh.library.section("Movies")
    either = {"or": [{"year": 1977}, {"year": 1980}]}
    collection = fresh.createCollection("Either", section="Movies", smart=True, filters=either)
    assert {i.year for i in collection.items()} == {1977, 1980}
    assert collection.filters()["filters"] == {"or": [{"year": "1977"}, {"year": "1980"}]}
    collection.updateFilters(filters={"year": 1983})
    assert {i.year for i in collection.reload().items()} == {1983}
    playlist = fresh.createPlaylist("Either", section="Movies", smart=True, filters=either)
    expected = {m.ratingKey for m in movies.all() if m.year in (1977, 1980)}
    assert {i.ratingKey for i in playlist.items()} == expected
    playlist.updateFilters(filters={"year>>": 2005})
    later = {m.ratingKey for m in movies.all() if m.year > 2005}
    assert later
    assert {i.ratingKey for i in playlist.reload().items()} == later


def test_collection_and_playlist_edits(fresh: Any) -> None:
    movies = fresh.library.section("Movies").all()
    collection = fresh.createCollection("Picks", section="Movies", items=movies[:2])
    collection.editSummary("Two good ones").editSortTitle("aaa Picks").reload()
    assert collection.summary == "Two good ones" and collection.titleSort == "aaa Picks"
    assert fresh.library.section("Movies").collections()[0].title == "Picks"  # by titleSort
    playlist = fresh.createPlaylist("Keep", items=movies[:2])
    playlist.editSummary("For later").reload()
    assert playlist.summary == "For later"
    playlist.delete()
    assert "Keep" not in [p.title for p in fresh.playlists()]


def test_first_characters_and_albums(plex: Any) -> None:
    movies = plex.library.section("Movies")
    letters = {f.title: int(f.size) for f in movies.firstCharacter()}
    counted: dict[str, int] = {}
    for movie in movies.all():
        letter = movie.titleSort[0].upper()
        counted[letter] = counted.get(letter, 0) + 1
    assert letters == counted
    music = plex.library.section("Music")
    albums = music.albums()
    assert albums and all(a.TYPE == "album" for a in albums)
    assert len(albums) == sum(len(artist.albums()) for artist in music.all())


def test_searches_through_parent_fields(plex: Any) -> None:
    """A TV or music section's fields are ``show.title``/``artist.title`` (as real servers
    list them), so python-plexapi sends those and gets the children of that show or artist."""
    tv = plex.library.section("TV Shows")
    show = tv.all()[0]
    episodes = tv.search(libtype="episode", filters={"show.title": show.title})
    assert {e.ratingKey for e in episodes} == {e.ratingKey for e in show.episodes()}
    assert "show.title" in [f.key for f in tv.listFields()]
    assert [s.ratingKey for s in tv.search(title=show.title)] == [show.ratingKey]
    music = plex.library.section("Music")
    artist = music.all()[0]
    albums = music.search(libtype="album", filters={"artist.title": artist.title})
    assert {a.ratingKey for a in albums} == {a.ratingKey for a in artist.albums()}
