"""find_item, metadata sync, matching, artwork, jobs and activities through the player,
with the requests each call puts on the wire (the fake's request log)."""

from __future__ import annotations

from typing import Any

import pytest
from player_helpers import LOCAL_MOVIES, LOCAL_TV, MOVIES, TV, Env, add_movies, resolve

from plexkit import AsyncPlexClient, ConfigurationError, PlexClient
from plexkit.models import Episode, Movie, Show
from plexkit.paths import PathMapper, UnmappedPathError
from plexkit.player import (
    AsyncIMediaPlayer,
    AsyncPlexPlayer,
    IMediaPlayer,
    LibraryInfo,
    PlexPlayer,
)
from plexkit.testing.images import png

pytestmark = pytest.mark.anyio


def a_movie(env: Env) -> Any:
    lib = env.library
    return lib.items(lib.section(1), 1)[0]


def local(server_path: str) -> str:
    return server_path.replace(MOVIES, LOCAL_MOVIES).replace(TV, LOCAL_TV)


def an_episode_file(env: Env) -> tuple[Any, str]:
    lib = env.library
    episode = lib.items(lib.section(2), 4)[0]
    return episode, str(episode.data["Media"][0]["Part"][0]["file"])


async def test_find_item_by_file_in_one_request(env: Env) -> None:
    node = a_movie(env)
    file = str(node.data["Media"][0]["Part"][0]["file"])
    await resolve(env.player.libraries())  # the section list, read once per TTL
    env.server.requests.clear()
    found = await resolve(env.player.find_item(local(file)))
    assert isinstance(found, Movie) and found.rating_key == str(node.rating_key)
    [request] = list(env.server.requests)
    assert (request.method, request.path) == ("GET", "/library/sections/1/all")
    assert request.params["type"] == "1" and request.params["file"] == file


async def test_find_item_of_folders(env: Env) -> None:
    node = a_movie(env)
    folder = str(node.data["Media"][0]["Part"][0]["file"]).rsplit("/", 1)[0]
    movie = await resolve(env.player.find_item(local(folder) + "/"))
    assert isinstance(movie, Movie) and movie.rating_key == str(node.rating_key)
    episode, file = an_episode_file(env)
    found = await resolve(env.player.find_item(local(file)))
    assert isinstance(found, Episode) and found.rating_key == str(episode.rating_key)
    show_folder = file.rsplit("/", 2)[0]
    show = await resolve(env.player.find_item(local(show_folder)))
    assert isinstance(show, Show) and show.rating_key == str(episode.parent.parent.rating_key)
    assert await resolve(env.player.find_item(LOCAL_MOVIES)) is None  # a library, not an item


async def test_find_item_of_unknown_paths_is_none(env: Env) -> None:
    node = a_movie(env)
    file = local(str(node.data["Media"][0]["Part"][0]["file"]))
    assert await resolve(env.player.find_item(f"{LOCAL_MOVIES}/Nope (2001)/Nope.mkv")) is None
    assert await resolve(env.player.find_item(file[:-4])) is None  # a partial name
    assert await resolve(env.player.find_item(file + ".bak")) is None
    env.player.mapper = PathMapper([(LOCAL_MOVIES, MOVIES), ("/srv/manager/x", "/data/x")])
    assert await resolve(env.player.find_item("/srv/manager/x/y.mkv")) is None  # no section
    with pytest.raises(UnmappedPathError):
        await resolve(env.player.find_item("/elsewhere/y.mkv"))


async def test_found_after_a_scan(env: Env) -> None:
    [heat] = add_movies(env.server, ("Heat", 1995))
    assert await resolve(env.player.find_item(heat)) is None
    await resolve(env.player.update_library([heat], find=False))
    found = await resolve(env.player.find_item(f"{heat}/Heat (1995).mkv"))
    assert isinstance(found, Movie) and (found.title, found.year) == ("Heat", 1995)


async def test_sync_metadata_sets_scalars_and_tags_with_locks(env: Env) -> None:
    key = str(a_movie(env).rating_key)
    fields = {
        "title": "Heat",
        "summary": "A crime saga.",
        "year": 1995,
        "genres": ["Crime", "Thriller"],
        "directors": ["Michael Mann"],
        "writers": ["Michael Mann"],
        "collections": ["Mann"],
    }
    env.server.requests.clear()
    assert await resolve(env.player.sync_metadata(key, fields)) is True
    [put] = env.server.requests.matching(method="PUT")
    assert put.path == f"/library/metadata/{key}"
    params = put.query
    assert ("title.value", "Heat") in params and ("title.locked", "1") in params
    assert ("genre[0].tag.tag", "Crime") in params and ("genre.locked", "1") in params
    assert ("director[0].tag.tag", "Michael Mann") in params
    assert ("collection[0].tag.tag", "Mann") in params
    item = await resolve(env.player.get_item(key))
    assert isinstance(item, Movie) and item.summary == "A crime saga."
    assert [g.tag for g in item.genres] == ["Crime", "Thriller"]
    locked = await resolve(env.plex.metadata.locked_fields(key))
    assert {"title", "summary", "year", "genres", "directors", "writers", "collections"} <= locked
    assert await resolve(env.player.sync_metadata(key, {"tagline": "x"}, lock=False)) is True
    assert "tagline" not in await resolve(env.plex.metadata.locked_fields(key))


async def test_match_by_external_id(env: Env) -> None:
    key = str(a_movie(env).rating_key)
    env.server.requests.clear()
    assert await resolve(env.player.match(key, tmdb=949, name="Heat", year=1995)) is True
    [put] = env.server.requests.matching(method="PUT")
    assert put.path == f"/library/metadata/{key}/match"
    assert put.params == {"guid": "tmdb://949", "name": "Heat", "year": "1995"}
    item = await resolve(env.player.get_item(key))
    assert item.guid == "tmdb://949" and item.title == "Heat"
    assert await resolve(env.player.match(key, imdb="tt0113277")) is True
    assert env.server.requests.last.params["guid"] == "imdb://tt0113277"
    assert await resolve(env.player.match(key, tvdb="81189")) is True
    assert env.server.requests.last.params["guid"] == "tvdb://81189"
    assert await resolve(env.player.unmatch(key)) is True
    assert env.server.requests.last.path == f"/library/metadata/{key}/unmatch"


@pytest.mark.parametrize(
    "ids",
    [
        {},
        {"tmdb": 949, "imdb": "tt0113277"},
        {"tmdb": "abc"},
        {"imdb": "0113277"},
        {"guid": "nope"},
        {"tmdb": True},
    ],
)
async def test_bad_match_ids_are_refused_before_any_request(env: Env, ids: Any) -> None:
    env.server.requests.clear()
    with pytest.raises(ConfigurationError):
        await resolve(env.player.match("1", **ids))
    assert len(env.server.requests) == 0


async def test_posters_and_art_from_bytes_or_url_are_selected_and_locked(env: Env) -> None:
    key = str(a_movie(env).rating_key)
    env.server.requests.clear()
    assert await resolve(env.player.set_poster(key, data=png(20, 30, "heat"))) is True
    upload, lock = env.server.requests.matching(regex=f"^/library/metadata/{key}")
    assert (upload.method, upload.path) == ("POST", f"/library/metadata/{key}/posters")
    assert lock.method == "PUT" and lock.params.get("thumb.locked") == "1"
    posters = await resolve(env.plex.artworks.posters(key))
    assert [p.selected for p in posters].count(True) == 1 and posters[-1].selected
    assert "poster" in await resolve(env.plex.metadata.locked_fields(key))
    url = "https://images.example.com/heat-art.jpg"
    assert await resolve(env.player.set_art(key, url=url, lock=False)) is True
    assert env.server.requests.last.params == {"url": url}
    assert "art" not in await resolve(env.plex.metadata.locked_fields(key))


async def test_refresh_analyze_and_activities(env: Env) -> None:
    key = str(a_movie(env).rating_key)
    env.server.requests.clear()
    assert await resolve(env.player.refresh(key)) is True
    assert await resolve(env.player.analyze(key)) is True
    paths = [(r.method, r.path) for r in env.server.requests]
    assert paths == [
        ("PUT", f"/library/metadata/{key}/refresh"),
        ("PUT", f"/library/metadata/{key}/analyze"),
    ]
    assert isinstance(await resolve(env.player.activities()), tuple)
    assert env.server.requests.last.path == "/activities"


async def test_a_missing_item_is_none_or_false_not_an_error(env: Env) -> None:
    missing = "999999"
    assert await resolve(env.player.get_item(missing)) is None
    assert await resolve(env.player.sync_metadata(missing, {"title": "x"})) is False
    assert await resolve(env.player.match(missing, tmdb=1)) is False
    assert await resolve(env.player.unmatch(missing)) is False
    assert await resolve(env.player.refresh(missing)) is False
    assert await resolve(env.player.analyze(missing)) is False
    assert await resolve(env.player.set_poster(missing, data=png(4, 4, "x"))) is False


async def test_items_are_refused_unless_an_item_or_rating_key(env: Env) -> None:
    for bad in ("", "abc", None, 1.5, True):
        with pytest.raises(ConfigurationError):
            await resolve(env.player.refresh(bad))
    with pytest.raises(ConfigurationError):
        await resolve(env.player.sync_metadata("1", {}))
    for not_paths in (5, None, "/movies/one.mkv"):
        with pytest.raises(ConfigurationError, match="list of paths"):
            await resolve(env.player.update_library(not_paths))


async def test_connection_and_libraries(env: Env) -> None:
    test = await resolve(env.player.test_connection())
    assert test.ok and test.auth_ok and test.reachable and test.error is None
    assert test.name == "plexkit fake server" and test.version
    libraries = await resolve(env.player.libraries())
    assert all(isinstance(lib, LibraryInfo) for lib in libraries)
    movies, tv, music = libraries[:3]
    assert (movies.server_locations, movies.local_locations) == ((MOVIES,), (LOCAL_MOVIES,))
    assert tv.local_locations == (LOCAL_TV,) and music.local_locations == (None,)


async def test_windows_manager_with_a_posix_server(env: Env) -> None:
    env.player.mapper = PathMapper([("M:\\Movies", MOVIES), ("M:\\TV", TV)])
    env.server.disk.add_movie(f"{MOVIES}/Heat (1995)/Heat (1995).mkv", "Heat", 1995)
    report = await resolve(env.player.update_library(["m:\\movies\\Heat (1995)\\"]))
    [heat] = report.items
    assert heat.status == "found" and heat.scan_path == f"{MOVIES}/Heat (1995)"
    found = await resolve(env.player.find_item("M:\\Movies\\Heat (1995)\\Heat (1995).mkv"))
    assert isinstance(found, Movie) and found.rating_key == heat.rating_key
    [movies] = [lib for lib in await resolve(env.player.libraries()) if lib.key == "1"]
    assert movies.local_locations == ("M:\\Movies",)


def test_the_players_implement_the_protocols() -> None:
    with PlexClient("http://127.0.0.1:9", token="t") as plex:
        assert isinstance(PlexPlayer(plex), IMediaPlayer)
    assert isinstance(AsyncPlexPlayer(AsyncPlexClient("http://127.0.0.1:9")), AsyncIMediaPlayer)


@pytest.mark.parametrize(
    "options",
    [
        {"parallel_scans": 0},
        {"parallel_scans": 2.5},
        {"scan_timeout": -1},
        {"poll_interval": float("nan")},
        {"sections_ttl": 0},
        {"mapper": [("/a", "/b")]},
    ],
)
def test_bad_player_options_are_refused(options: Any) -> None:
    with PlexClient("http://127.0.0.1:9", token="t") as plex, pytest.raises(ConfigurationError):
        PlexPlayer(plex, **options)
