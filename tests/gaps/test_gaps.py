"""Gap finding against the fake PMS, TMDB and TVDB: exactly what the generator left out."""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import AsyncIterator, Iterator
from datetime import date

import pytest

from plexkit import AsyncPlexClient, PlexClient
from plexkit.errors import ConfigurationError
from plexkit.gaps import (
    GapProblem,
    MissingEpisode,
    MissingMovie,
    NotAMovieSectionError,
    async_missing_episodes,
    async_missing_movies,
    missing_episodes,
    missing_movies,
)
from plexkit.models import Show
from plexkit.testing import FakePlexServer, catalog
from plexkit.testing.external_catalog import ListedMovie
from plexkit.testing.tmdb import FakeTMDB
from plexkit.testing.tvdb import FakeTVDB
from plexkit.tmdb import AsyncTMDBClient, TMDBClient
from plexkit.tvdb import AsyncTVDBClient, TVDBClient

pytestmark = pytest.mark.anyio

TODAY = date(2024, 6, 1)  # the generator's BASE_TIME: its announced seasons air later
MISSING_MOVIES = {
    (franchise.title, movie.tmdb_id)
    for franchise in catalog.FRANCHISES
    for movie in franchise.movies
    if movie.missing
}


@pytest.fixture
def server() -> FakePlexServer:
    return FakePlexServer(movies=60, shows=12, artists=1, photo_albums=1, history=5)


@pytest.fixture
def tmdb_fake(server: FakePlexServer) -> FakeTMDB:
    return FakeTMDB(server.library)


@pytest.fixture
def tvdb_fake(server: FakePlexServer) -> FakeTVDB:
    return FakeTVDB(server.library)


@pytest.fixture
async def plex(server: FakePlexServer) -> AsyncIterator[AsyncPlexClient]:
    async with AsyncPlexClient(
        "http://plex", token=server.token, transport=server.asgi_transport()
    ) as client:
        yield client


@pytest.fixture
def tmdb(tmdb_fake: FakeTMDB) -> AsyncTMDBClient:
    return AsyncTMDBClient(
        tmdb_fake.api_key, base_url="http://tmdb/3", transport=tmdb_fake.asgi_transport()
    )


@pytest.fixture
def tvdb(tvdb_fake: FakeTVDB) -> AsyncTVDBClient:
    return AsyncTVDBClient(
        tvdb_fake.api_key, base_url="http://tvdb/v4", transport=tvdb_fake.asgi_transport()
    )


def withheld(server: FakePlexServer, *why: str) -> set[tuple[str, int, int]]:
    """What the generator recorded leaving out, by show rating key, season, episode."""
    return {
        (key, episode.season, episode.episode)
        for key, episodes in server.library.upstream.episodes.items()
        for episode in episodes
        if episode.why in why
    }


async def test_missing_movies_are_exactly_the_parts_left_out(
    plex: AsyncPlexClient, tmdb: AsyncTMDBClient, server: FakePlexServer
) -> None:
    found = [r async for r in async_missing_movies(plex, "Movies", tmdb, today=date(2018, 1, 1))]
    assert all(isinstance(r, MissingMovie) for r in found)
    movies = [r for r in found if isinstance(r, MissingMovie)]
    assert {(r.collection, r.tmdb_id) for r in movies} == MISSING_MOVIES
    last_jedi = next(r for r in movies if r.tmdb_id == 181808)
    assert (last_jedi.title, last_jedi.year, last_jedi.released) == (
        "Star Wars: The Last Jedi",
        2017,
        True,
    )
    rise = next(r for r in movies if r.tmdb_id == 181812)
    assert rise.released is False and rise.matched_by == "tmdb_id"
    assert rise.plex_collection == "Star Wars Collection" and rise.plex_collection_key


async def test_pms_requests_do_not_grow_with_collections_and_a_cached_run_asks_tmdb_nothing(
    plex: AsyncPlexClient, tmdb: AsyncTMDBClient, server: FakePlexServer, tmdb_fake: FakeTMDB
) -> None:
    first = [r async for r in async_missing_movies(plex, "1", tmdb, today=TODAY)]
    collections = len(catalog.FRANCHISES)
    assert tmdb_fake.requests.count(prefix="/3/collection") == collections
    assert tmdb_fake.requests.count(prefix="/3/movie") == collections
    assert server.requests.count(prefix="/library/collections") == 0
    assert server.requests.count(prefix="/library/metadata") == 0
    before = len(tmdb_fake.requests)
    second = [r async for r in async_missing_movies(plex, "1", tmdb, today=TODAY)]
    assert second == first and len(tmdb_fake.requests) == before


async def test_a_collection_tmdb_cannot_place_is_reported_and_the_run_goes_on(
    plex: AsyncPlexClient, server: FakePlexServer
) -> None:
    loose = [n for n in server.library.items(server.library.section(1), 1) if n.data["title"]]
    for node in loose[-2:]:
        server.library.edit(node, [("collection[0].tag.tag", "Odd Picks")])
    tmdb_fake = FakeTMDB(server.library)
    del tmdb_fake.listings.collections[264]  # TMDB no longer knows Back to the Future's
    tmdb_fake.faults.add(path="/3/collection/1241", status=404)
    tmdb = AsyncTMDBClient(
        tmdb_fake.api_key, base_url="http://tmdb/3", transport=tmdb_fake.asgi_transport()
    )
    found = [r async for r in async_missing_movies(plex, "Movies", tmdb, today=TODAY)]
    problems = {r.title: r for r in found if isinstance(r, GapProblem)}
    assert problems["Odd Picks"].reason == "TMDB places none of its movies in a collection"
    assert problems["Back to the Future Collection"].reason == problems["Odd Picks"].reason
    assert problems["Harry Potter Collection"].error == "NotFoundError"
    assert "HTTP 404" in problems["Harry Potter Collection"].reason
    movies = {(r.collection, r.tmdb_id) for r in found if isinstance(r, MissingMovie)}
    assert movies == {m for m in MISSING_MOVIES if m[0] == "Star Wars Collection"}


async def test_a_malformed_tmdb_body_and_a_429_storm(
    plex: AsyncPlexClient, tmdb: AsyncTMDBClient, tmdb_fake: FakeTMDB
) -> None:
    tmdb_fake.faults.add(path="/3/collection/10", malformed=True, times=1)
    storm = tmdb_fake.faults.add(path="/3/collection", status=429, retry_after=0, times=4)
    found = [r async for r in async_missing_movies(plex, "Movies", tmdb, today=TODAY)]
    problems = [r for r in found if isinstance(r, GapProblem)]
    assert [(p.title, p.error) for p in problems] == [("Star Wars Collection", "ParseError")]
    movies = {(r.collection, r.tmdb_id) for r in found if isinstance(r, MissingMovie)}
    assert movies == {m for m in MISSING_MOVIES if m[0] != "Star Wars Collection"}
    assert storm.hits == 4


async def test_not_a_movie_section_is_refused(plex: AsyncPlexClient, tmdb: AsyncTMDBClient) -> None:
    with pytest.raises(NotAMovieSectionError, match="TV Shows"):
        [r async for r in async_missing_movies(plex, "TV Shows", tmdb)]
    with pytest.raises(ConfigurationError):
        [r async for r in async_missing_movies(plex, "Movies", tmdb, concurrency=0)]


async def test_missing_episodes_from_tvdb_are_exactly_the_holes(
    plex: AsyncPlexClient, tvdb: AsyncTVDBClient, tvdb_fake: FakeTVDB, server: FakePlexServer
) -> None:
    found = [r async for r in async_missing_episodes(plex, "TV Shows", tvdb, today=TODAY)]
    assert all(isinstance(r, MissingEpisode) for r in found)
    got = {(r.show_rating_key, r.season, r.episode) for r in found if isinstance(r, MissingEpisode)}
    assert got == withheld(server, "hole")
    # The generator's documented rule: every fifth show lacks episodes 2-3 of season 1.
    shows = server.library.items(server.library.section(2), 2)
    for position in range(1, len(shows), 5):
        key = shows[position].data["ratingKey"]
        assert {(key, 1, 2), (key, 1, 3)} <= got
    assert all(r.aired and r.source == "tvdb" for r in found if isinstance(r, MissingEpisode))
    series = {s.tvdb_id for s in tvdb_fake.listings.shows}
    assert tvdb_fake.requests.count(prefix="/v4/series") == len(series)


async def test_options_add_specials_and_unaired_episodes(
    plex: AsyncPlexClient, tvdb: AsyncTVDBClient, server: FakePlexServer
) -> None:
    everything = [
        r
        async for r in async_missing_episodes(
            plex, "TV Shows", tvdb, skip_specials=False, skip_unaired=False, today=TODAY
        )
    ]
    got = {
        (r.show_rating_key, r.season, r.episode)
        for r in everything
        if isinstance(r, MissingEpisode)
    }
    assert got == withheld(server, "hole", "special", "upcoming")
    upcoming = [r for r in everything if isinstance(r, MissingEpisode) and not r.aired]
    assert {(r.show_rating_key, r.season, r.episode) for r in upcoming} == withheld(
        server, "upcoming"
    )
    no_future = [
        r
        async for r in async_missing_episodes(
            plex, "TV Shows", tvdb, skip_unaired=False, skip_future_seasons=True, today=TODAY
        )
    ]
    assert {
        (r.show_rating_key, r.season, r.episode) for r in no_future if isinstance(r, MissingEpisode)
    } == withheld(server, "hole")


async def test_missing_episodes_from_tmdb_ask_once_per_season(
    plex: AsyncPlexClient, tmdb: AsyncTMDBClient, tmdb_fake: FakeTMDB, server: FakePlexServer
) -> None:
    found = [r async for r in async_missing_episodes(plex, "TV Shows", tmdb, today=TODAY)]
    got = {(r.show_rating_key, r.season, r.episode) for r in found if isinstance(r, MissingEpisode)}
    assert got == withheld(server, "hole")
    seasons = sum(len([n for n in s.seasons() if n > 0]) for s in tmdb_fake.listings.shows)
    assert tmdb_fake.requests.count(prefix="/3/tv") == len(tmdb_fake.listings.shows) + seasons


async def test_one_show_and_a_show_without_an_id(
    plex: AsyncPlexClient, tvdb: AsyncTVDBClient, server: FakePlexServer
) -> None:
    shows = server.library.items(server.library.section(2), 2)
    hole = shows[1]
    show = await plex.metadata.get(hole.rating_key)
    assert isinstance(show, Show)
    found = [r async for r in async_missing_episodes(plex, show, tvdb, today=TODAY)]
    assert {(r.season, r.episode) for r in found if isinstance(r, MissingEpisode)} >= {
        (1, 2),
        (1, 3),
    }
    bare = shows[0]
    bare.data.pop("Guid")
    bare.touch()
    found = [r async for r in async_missing_episodes(plex, "TV Shows", tvdb, today=TODAY)]
    problems = [r for r in found if isinstance(r, GapProblem)]
    assert [(p.rating_key, p.reason) for p in problems] == [
        (bare.data["ratingKey"], "the show has no TVDB id in Plex")
    ]
    assert any(isinstance(r, MissingEpisode) for r in found)


async def test_records_are_plain_json_and_no_secret_is_logged(
    plex: AsyncPlexClient, server: FakePlexServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    tmdb_fake = FakeTMDB(server.library, api_key="tmdb-secret-key-123456")
    tvdb_fake = FakeTVDB(server.library, api_key="tvdb-secret-key-123456", pin="pin-secret-99")
    tmdb = AsyncTMDBClient(
        tmdb_fake.api_key, base_url="http://tmdb/3", transport=tmdb_fake.asgi_transport()
    )
    tvdb = AsyncTVDBClient(
        tvdb_fake.api_key,
        pin=tvdb_fake.pin,
        base_url="http://tvdb/v4",
        transport=tvdb_fake.asgi_transport(),
    )
    tvdb_fake.faults.add(path="/v4/series", status=503, times=1)
    movies = [r.to_dict() async for r in async_missing_movies(plex, "Movies", tmdb, today=TODAY)]
    episodes = [r.to_dict() async for r in async_missing_episodes(plex, "2", tvdb, today=TODAY)]
    text = json.dumps(movies + episodes)
    assert {m["kind"] for m in movies} == {"missing_movie"}
    assert episodes and episodes[0]["kind"] == "missing_episode"
    assert isinstance(episodes[0]["air_date"], str)
    logged = "\n".join(r.getMessage() for r in caplog.records) + repr(tmdb) + repr(tvdb)
    assert "retrying TVDB" in logged
    for secret in (tmdb_fake.api_key, tvdb_fake.api_key, "pin-secret-99", *tvdb_fake._tokens):
        assert secret not in logged and secret not in text


@pytest.fixture
def loopback(
    server: FakePlexServer, tmdb_fake: FakeTMDB, tvdb_fake: FakeTVDB
) -> Iterator[tuple[str, str, str]]:
    with (
        server.run_in_thread() as plex_url,
        tmdb_fake.run_in_thread() as tmdb_url,
        tvdb_fake.run_in_thread() as tvdb_url,
    ):
        yield plex_url, tmdb_url, tvdb_url


def test_sync_gaps_on_loopback(
    loopback: tuple[str, str, str],
    server: FakePlexServer,
    tmdb_fake: FakeTMDB,
    tvdb_fake: FakeTVDB,
) -> None:
    plex_url, tmdb_url, tvdb_url = loopback
    with (
        PlexClient(plex_url, token=server.token) as plex,
        TMDBClient(tmdb_fake.api_key, base_url=f"{tmdb_url}/3") as tmdb,
        TVDBClient(tvdb_fake.api_key, base_url=f"{tvdb_url}/v4") as tvdb,
    ):
        movies = list(missing_movies(plex, "Movies", tmdb, today=TODAY))
        episodes = list(missing_episodes(plex, "TV Shows", tvdb, today=TODAY, concurrency=4))
    assert {(r.collection, r.tmdb_id) for r in movies if isinstance(r, MissingMovie)} == (
        MISSING_MOVIES
    )
    got = {
        (r.show_rating_key, r.season, r.episode) for r in episodes if isinstance(r, MissingEpisode)
    }
    assert got == withheld(server, "hole")


async def test_include_uncollected_finds_tmdb_collections_no_plex_collection_stands_for(
    plex: AsyncPlexClient, tmdb: AsyncTMDBClient, tmdb_fake: FakeTMDB, server: FakePlexServer
) -> None:
    loose = server.library.items(server.library.section(1), 1)[-1]
    loose_id = int(next(g["id"] for g in loose.data["Guid"] if g["id"].startswith("tmdb"))[7:])
    listed = tmdb_fake.listings.movies
    listed[loose_id] = dataclasses.replace(listed[loose_id], collection_id=999)
    listed[424242] = ListedMovie(424242, "The Prequel", date(1990, 1, 1), None, 999)
    tmdb_fake.listings.collections[999] = ("Saga Collection", [424242, loose_id])
    found = [
        r
        async for r in async_missing_movies(
            plex, "Movies", tmdb, include_uncollected=True, today=TODAY
        )
    ]
    extra = [r for r in found if isinstance(r, MissingMovie) and r.plex_collection is None]
    assert [(r.collection, r.tmdb_id, r.title) for r in extra] == [
        ("Saga Collection", 424242, "The Prequel")
    ]
    assert {(r.collection, r.tmdb_id) for r in found if r not in extra} == MISSING_MOVIES
