"""A user script in the README's style; tests/typing/test_user_script.py type-checks it
with ``mypy --strict`` and pyright strict: no cast, no isinstance, no ignore."""

from __future__ import annotations

from typing_extensions import assert_type

from plexkit import AsyncPage, AsyncPlexClient, Page, PlexClient
from plexkit.models import HistoryEntry, Movie


def report(url: str, token: str) -> None:
    with PlexClient(url, token=token) as plex:
        movies = plex.library.section("Movies")
        page = plex.library.items(movies, type="movie", limit=10)
        for movie in page.items:
            files = [part.file for media in movie.media for part in media.parts]
            genres = [genre.tag for genre in movie.genres]
            print(movie.title, movie.year, files, genres, movie.rating_key.zfill(6))
        for movie in plex.library.iter_items("Movies", type="movie"):
            print(movie.media[0].parts[0].file if movie.media else movie.title)
        with plex.library.walk("Movies", type="movie") as walked:
            for movie in walked:
                print(movie.year, [genre.tag for genre in movie.genres])
        following = page.next()
        assert_type(following, Page[Movie] | None)
        while following is not None:
            print([movie.year for movie in following], following.offset)
            following = following.next()
        one = plex.metadata.get(page.items[0].rating_key)
        print(one.title, one.type)
        detail = plex.metadata.get(page.items[0])
        print(detail.duration, [role.tag for role in detail.roles])
        for show in plex.library.iter_items("TV Shows", type="show"):
            for season in plex.metadata.seasons(show):
                for episode in plex.metadata.episodes(season):
                    print(show.title, season.index, episode.index, episode.title)
                    print(episode.grandparent_title, episode.media[0].duration)
        history = plex.history.list(limit=20)
        for entry in history:
            print(entry.title, entry.viewed_at, entry.account_id)
        older = history.next()
        assert_type(older, Page[HistoryEntry] | None)
        print([entry.viewed_at for entry in older or ()])


async def report_async(url: str, token: str) -> None:
    async with AsyncPlexClient(url, token=token) as plex:
        page = await plex.library.items("Movies", type="movie", limit=10)
        for movie in page.items:
            print(movie.title, [part.file for media in movie.media for part in media.parts])
        later = await page.next()
        assert_type(later, AsyncPage[Movie] | None)
        while later is not None:
            print([movie.year for movie in later])
            later = await later.next()
        history = await plex.history.list(limit=20, account_id=1)
        older = await history.next()
        assert_type(older, AsyncPage[HistoryEntry] | None)
        async for show in plex.library.iter_items("TV Shows", type="show"):
            for episode in await plex.metadata.episodes(show):
                print(episode.title, episode.parent_index)
        async with plex.library.walk("Movies", type="movie", pages_in_flight=4) as movies:
            async for movie in movies:
                print(movie.year, [part.file for media in movie.media for part in media.parts])
        found = await plex.library.search("heat", type="movie")
        print([movie.studio for movie in found])
        recent = await plex.library.recently_added(type="episode", limit=5)
        print([episode.grandparent_title for episode in recent])
