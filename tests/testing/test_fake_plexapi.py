"""python-plexapi, a client nobody here wrote, browses and edits the fake on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from plexkit.testing import FakePlexServer

plexapi_server = pytest.importorskip("plexapi.server")


@pytest.fixture(scope="module")
def plex() -> Iterator[Any]:
    server = FakePlexServer(movies=40, shows=5, artists=3, photo_albums=2, history=60)
    server.library.start_activity("library.update.section", "Scanning Movies")
    with server.run_in_thread() as url:
        yield plexapi_server.PlexServer(url, server.token)


def test_server_identity(plex: Any) -> None:
    assert plex.friendlyName == "plexkit fake server"
    assert plex.version.startswith("1.")
    assert len(plex.machineIdentifier) == 40


def test_sections_and_all(plex: Any) -> None:
    sections = plex.library.sections()
    assert [(s.key, s.type, s.title) for s in sections] == [
        (1, "movie", "Movies"),
        (2, "show", "TV Shows"),
        (3, "artist", "Music"),
        (4, "photo", "Photos"),
    ]
    movies = plex.library.section("Movies")
    assert movies.locations == ["/data/media/movies"]
    everything = movies.all()
    assert len(everything) == 40 == movies.totalSize
    assert everything[0].TYPE == "movie"


def test_search_and_filters(plex: Any) -> None:
    movies = plex.library.section("Movies")
    titles = {m.title for m in movies.search(title="Harry Potter")}
    assert "Harry Potter and the Goblet of Fire" in titles and len(titles) == 7
    of_1977 = movies.search(year=1977)
    assert "Star Wars" in [m.title for m in of_1977] and all(m.year == 1977 for m in of_1977)
    newest = movies.search(sort="addedAt:desc", maxresults=3)
    added = [m.addedAt for m in newest]
    assert added == sorted(added, reverse=True) and len(newest) == 3
    scifi = movies.search(genre="Science Fiction")
    assert scifi and all("Science Fiction" in [g.tag for g in m.genres] for m in scifi)
    assert movies.get("Star Wars").year == 1977


def test_collections(plex: Any) -> None:
    movies = plex.library.section("Movies")
    collections = {c.title: c for c in movies.collections()}
    star_wars = collections["Star Wars Collection"]
    assert star_wars.childCount == 7
    assert {m.title for m in star_wars.items()} >= {"Star Wars", "Return of the Jedi"}
    assert collections["Recently Added Sci-Fi"].smart


def test_show_seasons_and_episodes(plex: Any) -> None:
    show = plex.library.section("TV Shows").all()[0]
    seasons = show.seasons()
    assert seasons and all(s.TYPE == "season" for s in seasons)
    episodes = show.episodes()
    assert len(episodes) == show.leafCount
    first = seasons[0].episodes()[0]
    assert first.grandparentTitle == show.title and first.media[0].parts[0].file


def test_fetch_item_detail(plex: Any) -> None:
    movie = plex.fetchItem(1)
    assert movie.title == "Star Wars"
    part = movie.media[0].parts[0]
    assert part.file.startswith("/data/media/movies/")
    assert {s.streamType for s in part.streams} == {1, 2, 3}
    assert {g.id for g in movie.guids} == {"imdb://tt0076759", "tmdb://11"}
    assert movie.roles and movie.directors and movie.genres


def test_history_and_activities(plex: Any) -> None:
    history = plex.history()
    assert len(history) == 60
    viewed = [h.viewedAt for h in history]
    assert viewed == sorted(viewed, reverse=True)
    assert len(plex.history(maxresults=5)) == 5
    activities = plex.activities
    assert [a.title for a in activities] == ["Scanning Movies"]


def test_music_photos_playlists_sessions(plex: Any) -> None:
    artist = plex.library.section("Music").all()[0]
    assert artist.albums() and artist.tracks()
    album = plex.library.section("Photos").all()[0]
    assert album.photos()
    assert {p.playlistType for p in plex.playlists()} == {"video", "audio", "photo"}
    assert [s.TYPE for s in plex.sessions()] == ["movie", "episode", "track"]
    assert plex.search("star")


def test_edit_then_reload_shows_the_change(plex: Any) -> None:
    movie = plex.fetchItem(2)
    movie.edit(**{"title.value": "Empire", "title.locked": 1})
    movie.reload()
    assert movie.title == "Empire"
    assert [f.name for f in movie.fields if f.locked] == ["title"]
    movie.editTitle("The Empire Strikes Back Again").addGenre("Space Opera").reload()
    assert movie.title == "The Empire Strikes Back Again"
    assert "Space Opera" in [g.tag for g in movie.genres]
    movie.removeGenre("Space Opera").reload()
    assert "Space Opera" not in [g.tag for g in movie.genres]
