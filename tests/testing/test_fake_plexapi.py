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


@pytest.fixture
def fresh() -> Iterator[tuple[Any, FakePlexServer]]:
    """A small server of its own, for tests that write (played state, playlists...)."""
    server = FakePlexServer(movies=12, shows=2, artists=1, photo_albums=1, history=5)
    with server.run_in_thread() as url:
        yield plexapi_server.PlexServer(url, server.token), server


def test_mark_played_and_unplayed(fresh: tuple[Any, FakePlexServer]) -> None:
    plex, _ = fresh
    movie = next(m for m in plex.library.section("Movies").all() if not m.isPlayed)
    before = len(plex.history())
    movie.markPlayed().reload()
    assert movie.isPlayed and movie.viewCount == 1 and movie.lastViewedAt is not None
    assert len(plex.history()) == before + 1
    movie.markUnplayed().reload()
    assert not movie.isPlayed and movie.lastViewedAt is None
    show = plex.library.section("TV Shows").all()[0]
    show.markPlayed().reload()
    assert show.viewedLeafCount == show.leafCount and all(e.isPlayed for e in show.episodes())


def test_progress_timeline_and_rating(fresh: tuple[Any, FakePlexServer]) -> None:
    plex, _ = fresh
    movie = plex.library.section("Movies").all()[3]
    movie.updateProgress(60_000).reload()
    assert movie.viewOffset == 60_000
    assert movie in plex.continueWatching()
    movie.updateTimeline(120_000, state="paused").reload()
    assert movie.viewOffset == 120_000
    movie.updateTimeline(movie.duration - 1000).reload()  # past 90%: counted as watched
    assert movie.isPlayed and not movie.viewOffset
    movie.rate(7.5).reload()
    assert movie.userRating == 7.5
    movie.rate().reload()
    assert movie.userRating is None


def test_played_state_is_per_account(fresh: tuple[Any, FakePlexServer]) -> None:
    plex, server = fresh
    server.add_token("friend-token", 2)
    friend = plexapi_server.PlexServer(plex._baseurl, "friend-token")
    mine = next(m for m in plex.library.section("Movies").all() if not m.isPlayed)
    theirs = friend.fetchItem(mine.ratingKey)
    theirs.markPlayed().reload()
    assert theirs.isPlayed
    assert not plex.fetchItem(mine.ratingKey).isPlayed


def test_hubs_on_deck_and_continue_watching(fresh: tuple[Any, FakePlexServer]) -> None:
    plex, _ = fresh
    movies = plex.library.section("Movies")
    started = movies.all()[5]
    started.updateProgress(30_000)
    hubs = {h.hubIdentifier: h for h in plex.library.hubs()}
    assert "home.continue" in hubs
    assert started.ratingKey in [i.ratingKey for i in hubs["home.continue"].items()]
    section_hubs = movies.hubs()
    assert any(h.context == "hub.movie.inprogress" for h in section_hubs)
    assert started.ratingKey in [i.ratingKey for i in movies.continueWatching()]
    assert started.ratingKey in [i.ratingKey for i in plex.library.onDeck()]


def test_create_and_edit_playlists(fresh: tuple[Any, FakePlexServer]) -> None:
    plex, _ = fresh
    movies = plex.library.section("Movies").all()
    playlist = plex.createPlaylist("Weekend", items=movies[:3])
    assert [i.ratingKey for i in playlist.items()] == [m.ratingKey for m in movies[:3]]
    playlist.addItems([movies[4]]).reload()
    playlist.removeItems([movies[0]]).reload()
    playlist.moveItem(movies[4])  # to the top
    assert [i.ratingKey for i in playlist.reload().items()] == [
        m.ratingKey for m in (movies[4], movies[1], movies[2])
    ]
    playlist.editTitle("Long Weekend").reload()
    assert playlist.title == "Long Weekend" and playlist.leafCount == 3
    smart = plex.createPlaylist(
        "Old", section="Movies", smart=True, filters={"year<<": 1990}, sort="year"
    )
    assert smart.smart and smart.items()
    assert all(i.year < 1990 for i in smart.items())
    smart.delete()
    assert "Old" not in [p.title for p in plex.playlists()]


def test_create_and_edit_collections(fresh: tuple[Any, FakePlexServer]) -> None:
    plex, _ = fresh
    section = plex.library.section("Movies")
    movies = section.all()
    collection = plex.createCollection("Picks", section="Movies", items=movies[:2])
    assert {i.ratingKey for i in collection.items()} == {m.ratingKey for m in movies[:2]}
    collection.addItems([movies[3]]).removeItems([movies[0]])
    assert {i.ratingKey for i in collection.reload().items()} == {
        movies[1].ratingKey,
        movies[3].ratingKey,
    }
    collection.moveItem(movies[3]).reload()  # to the top
    assert [i.ratingKey for i in collection.items()] == [movies[3].ratingKey, movies[1].ratingKey]
    collection.modeUpdate("hide")
    collection.sortUpdate("alpha")
    prefs = {p.id: p.value for p in collection.preferences()}
    assert prefs == {"collectionMode": 0, "collectionSort": 1}
    smart = plex.createCollection(
        "Eighties", section="Movies", smart=True, filters={"year>>": 1979, "year<<": 1990}
    )
    assert smart.smart and all(1979 < i.year < 1990 for i in smart.items())
    collection.delete()
    assert "Picks" not in [c.title for c in section.collections()]


def test_filters_sorts_and_choices(plex: Any) -> None:
    movies = plex.library.section("Movies")
    assert {"genre", "year", "actor"} <= {f.filter for f in movies.listFilters()}
    assert "titleSort" in [s.key for s in movies.listSorts()]
    genres = movies.listFilterChoices("genre")
    assert genres and all(g.title for g in genres)
    assert "title" in [f.key for f in movies.listFields()]


def test_or_filters(plex: Any) -> None:
    movies = plex.library.section("Movies")
    found = movies.search(filters={"or": [{"year": 1977}, {"year": 1980}]})
    assert {m.year for m in found} == {1977, 1980}
    nested = movies.search(
        filters={"and": [{"or": [{"year": 1977}, {"year": 1980}]}, {"title": "Star"}]}
    )
    assert nested and all(m.year in (1977, 1980) and "Star" in m.title for m in nested)


def test_accounts_and_filtered_history(plex: Any) -> None:
    accounts = {a.accountID: a.name for a in plex.systemAccounts()}
    assert accounts and all(isinstance(k, int) for k in accounts)
    account = plex.history()[0].accountID
    rows = plex.history(accountID=account)
    assert rows and all(r.accountID == account for r in rows)


def test_spec_client_lists_section_content_with_default_flags() -> None:
    """The official-spec client sends ~30 flags (``includeGuids=0``, ``unwatched=0``...)."""
    plex_api_client = pytest.importorskip("plex_api_client")
    server = FakePlexServer(movies=12, shows=2, artists=1, photo_albums=1, history=5)
    with server.run_in_thread() as url:
        sdk = plex_api_client.PlexAPI(server_url=url, token=server.token)
        res = sdk.content.list_content(request={"section_id": "1"})
    mc = res.media_container_with_metadata.media_container
    assert mc.size == 12 and len(mc.metadata) == 12
    sent = dict(server.requests[-1].query)
    assert sent["unwatched"] == "0" and sent["includeGuids"] == "0"


def test_part_download_and_stream_url(fresh: tuple[Any, FakePlexServer], tmp_path: Any) -> None:
    plex, server = fresh
    movie = plex.library.section("Movies").all()[0]
    node = server.library.node(movie.ratingKey)
    assert node is not None
    node.data["Media"][0]["Part"][0]["size"] = 200_000  # a small file to download whole
    node.touch()
    movie.reload()
    [path] = movie.download(savepath=str(tmp_path))
    data = (tmp_path / path.rpartition("/")[2]).read_bytes()
    assert len(data) == 200_000
    part = movie.media[0].parts[0]
    ranged = plex._session.get(
        plex.url(part.key, includeToken=True), headers={"Range": "bytes=100-199"}
    )
    assert ranged.status_code == 206 and ranged.content == data[100:200]
    assert ranged.headers["Content-Range"] == "bytes 100-199/200000"
    stream = plex._session.get(movie.getStreamURL())
    assert stream.status_code == 200 and stream.text.startswith("#EXTM3U")
    assert part.key in stream.text
    assert [s.key for s in plex.transcodeSessions()]


def test_settings_get_and_set(fresh: tuple[Any, FakePlexServer]) -> None:
    plex, server = fresh
    settings = plex.settings
    assert settings.get("FriendlyName").value == "plexkit fake server"
    settings.get("FriendlyName").set("Living Room")
    settings.get("autoEmptyTrash").set(False)
    settings.save()
    again = plexapi_server.PlexServer(plex._baseurl, server.token)  # plexapi caches settings
    assert again.settings.get("FriendlyName").value == "Living Room"
    assert again.settings.get("autoEmptyTrash").value is False
    assert again.friendlyName == "Living Room"


def test_extras(fresh: tuple[Any, FakePlexServer]) -> None:
    from plexkit.testing.extras import add_extra

    plex, server = fresh
    movie = plex.library.section("Movies").all()[0]
    node = server.library.node(movie.ratingKey)
    assert node is not None
    add_extra(server.library, node, "Official Trailer")
    add_extra(server.library, node, "Making Of", subtype="behindTheScenes")
    movie.reload()
    extras = movie.extras()
    assert [(e.title, e.subtype) for e in extras] == [
        ("Official Trailer", "trailer"),
        ("Making Of", "behindTheScenes"),
    ]
    assert movie.primaryExtraKey == extras[0].key
    assert plex.fetchItem(movie.primaryExtraKey).title == "Official Trailer"
    detail = plex.query(f"{movie.key}?includeExtras=1")[0]
    assert [e.get("title") for e in detail.find("Extras")] == ["Official Trailer", "Making Of"]
    assert len(plex.library.section("Movies").all()) == 12  # extras are not section items
