"""Find missing movies and episodes by comparing a Plex library with TMDB or TVDB.

The one I/O implementation (the sync twin is generated): Plex is read in a few paged walks
whose count does not grow with the number of collections or shows, the services are asked
once per collection / show / season (cached by their clients), work runs ``concurrency`` at
a time, and records stream out as each batch finishes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import date
from functools import partial
from typing import Literal, TypeVar

from plexkit import AsyncPlexClient
from plexkit._synchronization import async_gather
from plexkit.errors import ConfigurationError, PlexError
from plexkit.gaps.records import (
    EpisodeGap,
    EpisodeOptions,
    GapProblem,
    MissingEpisode,
    MovieGap,
    OwnedMovies,
    SourceEpisode,
    missing_episodes_of,
    missing_parts,
)
from plexkit.models import Collection, Episode, Item, Movie, Section, Show
from plexkit.tmdb import AsyncTMDBClient
from plexkit.tvdb import AsyncTVDBClient
from plexkit.tvdb.models import SEASON_TYPES

__all__ = ["NotAMovieSectionError", "async_missing_episodes", "async_missing_movies"]

T = TypeVar("T")
_LOOKUPS_PER_COLLECTION = 3
"""Owned movies asked about before a collection is reported as unknown to TMDB."""


class NotAMovieSectionError(ConfigurationError):
    """``missing_movies`` was given a section that does not hold movies."""


def _check_concurrency(concurrency: object) -> int:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ConfigurationError(f"concurrency must be an int >= 1, not {concurrency!r}")
    return concurrency


def _check_today(today: object) -> date:
    if today is None:
        return date.today()
    if not isinstance(today, date):
        raise ConfigurationError(f"today must be a date, not {type(today).__name__}")
    return today


async def _batches(
    jobs: Sequence[Callable[[], Awaitable[list[T]]]],
    concurrency: int,
    on_error: Callable[[int, PlexError], T],
) -> AsyncIterator[T]:
    """Run ``jobs`` ``concurrency`` at a time, yielding each batch's results in job order."""
    for start in range(0, len(jobs), concurrency):
        batch = jobs[start : start + concurrency]
        for offset, result in enumerate(await async_gather(batch)):
            if isinstance(result, PlexError):
                yield on_error(start + offset, result)
            elif isinstance(result, BaseException):
                raise result
            else:
                for record in result:
                    yield record


async def _section(plex: AsyncPlexClient, section: Section | str | int) -> Section:
    if isinstance(section, Section):
        return section
    if isinstance(section, bool) or not isinstance(section, (str, int)):
        raise ConfigurationError(
            f"section must be a Section, a key or a title, not {type(section).__name__}"
        )
    return await plex.library.section(section)


def _problem(
    subject: Literal["collection", "movie", "show"],
    item: Item,
    reason: str,
    error: PlexError | None = None,
) -> GapProblem:
    return GapProblem(
        subject=subject,
        title=item.title,
        rating_key=item.rating_key,
        reason=reason,
        error=type(error).__name__ if error is not None else None,
    )


# -- movies ----------------------------------------------------------------------------------


async def async_missing_movies(
    plex: AsyncPlexClient,
    section: Section | str | int,
    tmdb: AsyncTMDBClient,
    *,
    include_uncollected: bool = False,
    concurrency: int = 8,
    today: date | None = None,
) -> AsyncIterator[MovieGap]:
    """For every collection of a movie section, the movies of its TMDB collection the
    section does not own; with ``include_uncollected``, also the TMDB collections of movies in
    no Plex collection. Smart collections are filters, not franchises: they are skipped.

    A collection TMDB cannot place, or whose lookups fail, yields a `GapProblem`.
    """
    workers = _check_concurrency(concurrency)
    when = _check_today(today)
    if not isinstance(include_uncollected, bool):
        raise ConfigurationError(f"include_uncollected must be a bool, not {include_uncollected!r}")
    found = await _section(plex, section)
    if found.type != "movie":
        raise NotAMovieSectionError(
            f"section {found.title!r} holds {found.type or 'unknown'} items, not movies"
        )
    collections = [c for c in await plex.library.collections(found.key) if not c.smart]
    movies, members = await _movies_of(plex, found)
    owned = OwnedMovies.build((m.tmdb_id, m.title, m.year) for m in movies)

    async def check(collection: Collection) -> list[MovieGap]:
        inside = members.get(collection.title)
        if inside is None and collection.child_count:
            full = await plex.library.collection(collection.rating_key, include_guids=True)
            inside = [m for m in full.items if isinstance(m, Movie)]
        collection_id = collection.tmdb_id or await _collection_of(tmdb, inside or [])
        if collection_id is None:
            reason = (
                "TMDB places none of its movies in a collection"
                if any(m.tmdb_id for m in inside or [])
                else "none of its movies has a TMDB id"
            )
            return [_problem("collection", collection, reason)]
        details = await tmdb.collection(collection_id)
        return list(
            missing_parts(
                details,
                owned,
                today=when,
                plex_collection=collection.title,
                plex_collection_key=collection.rating_key,
            )
        )

    def failed(index: int, error: PlexError) -> MovieGap:
        return _problem("collection", collections[index], str(error), error)

    async for record in _batches([partial(check, c) for c in collections], workers, failed):
        yield record
    if include_uncollected:
        async for record in _uncollected(tmdb, movies, owned, workers, when):
            yield record


async def _movies_of(
    plex: AsyncPlexClient, section: Section
) -> tuple[list[Movie], dict[str, list[Movie]]]:
    """The section's movies (with their guids), and those of each Plex collection by title."""
    movies: list[Movie] = []
    members: dict[str, list[Movie]] = {}
    async for item in plex.library.iter_items(section.key, type="movie", include_guids=True):
        if isinstance(item, Movie):
            movies.append(item)
            for tag in item.collections:
                members.setdefault(tag.tag, []).append(item)
    return movies, members


async def _collection_of(tmdb: AsyncTMDBClient, movies: Sequence[Movie]) -> int | None:
    """The TMDB collection of the first owned movies TMDB places in one."""
    asked = 0
    for movie in movies:
        if movie.tmdb_id is None:
            continue
        details = await tmdb.movie(movie.tmdb_id)
        if details.belongs_to_collection is not None:
            return details.belongs_to_collection.id
        asked += 1
        if asked >= _LOOKUPS_PER_COLLECTION:
            break
    return None


async def _uncollected(
    tmdb: AsyncTMDBClient, movies: Sequence[Movie], owned: OwnedMovies, workers: int, when: date
) -> AsyncIterator[MovieGap]:
    """TMDB collections of movies in no Plex collection, and what the section lacks of them."""
    loose = [m for m in movies if not m.collections and m.tmdb_id is not None]

    async def place(movie: Movie) -> list[int | GapProblem]:
        details = await tmdb.movie(movie.tmdb_id or 0)
        ref = details.belongs_to_collection
        return [ref.id] if ref is not None else []

    def failed_movie(index: int, error: PlexError) -> int | GapProblem:
        return _problem("movie", loose[index], str(error), error)

    seen: set[int] = set()
    problems: list[GapProblem] = []
    async for result in _batches([partial(place, m) for m in loose], workers, failed_movie):
        if isinstance(result, GapProblem):
            problems.append(result)
        else:
            seen.add(result)
    for problem in problems:
        yield problem
    ordered = sorted(seen)

    async def report(collection_id: int) -> list[MovieGap]:
        details = await tmdb.collection(collection_id)
        return list(missing_parts(details, owned, today=when))

    def failed(index: int, error: PlexError) -> MovieGap:
        return GapProblem(
            subject="collection",
            title=f"TMDB collection {ordered[index]}",
            rating_key=None,
            reason=str(error),
            error=type(error).__name__,
        )

    async for record in _batches([partial(report, c) for c in ordered], workers, failed):
        yield record


# -- episodes --------------------------------------------------------------------------------


async def async_missing_episodes(
    plex: AsyncPlexClient,
    show_or_section: Show | Section | str | int,
    source: AsyncTVDBClient | AsyncTMDBClient,
    *,
    season_type: str = "default",
    skip_specials: bool = True,
    skip_unaired: bool = True,
    skip_future_seasons: bool = False,
    concurrency: int = 8,
    today: date | None = None,
) -> AsyncIterator[EpisodeGap]:
    """Per show, the episodes ``source`` lists that Plex lacks, in season/episode order.

    ``show_or_section`` is a `Show`, or a TV section (a Section, its
    key or its title). ``season_type`` picks the TVDB ordering. Specials (season 0) and
    episodes not aired by ``today`` are skipped by default; ``skip_future_seasons`` also drops
    seasons none of whose episodes has aired. A show without the id the source needs, or
    whose lookup fails, yields a `GapProblem`.
    """
    options = EpisodeOptions.checked(
        skip_specials=skip_specials,
        skip_unaired=skip_unaired,
        skip_future_seasons=skip_future_seasons,
    )
    workers = _check_concurrency(concurrency)
    when = _check_today(today)
    _check_source(source, season_type)
    shows, have = await _shows_and_episodes(plex, show_or_section)

    async def check(show: Show) -> list[EpisodeGap]:
        kind: Literal["tmdb", "tvdb"] = "tvdb" if isinstance(source, AsyncTVDBClient) else "tmdb"
        series_id = show.tvdb_id if kind == "tvdb" else show.tmdb_id
        if series_id is None:
            return [_problem("show", show, f"the show has no {kind.upper()} id in Plex")]
        if isinstance(source, AsyncTVDBClient):
            listed = await _tvdb_episodes(source, series_id, season_type)
        else:
            listed = await _tmdb_episodes(source, series_id, options, when)
        gaps = missing_episodes_of(
            listed, have.get(show.rating_key, set()), options=options, today=when
        )
        return [_missing_episode(show, episode, aired, kind, series_id) for episode, aired in gaps]

    def failed(index: int, error: PlexError) -> EpisodeGap:
        return _problem("show", shows[index], str(error), error)

    async for record in _batches([partial(check, s) for s in shows], workers, failed):
        yield record


def _check_source(source: object, season_type: str) -> None:
    """Refuse a source that is not a TVDB or TMDB client, or an unknown TVDB ordering."""
    if not isinstance(source, (AsyncTVDBClient, AsyncTMDBClient)):
        raise ConfigurationError(
            f"source must be a TVDB or TMDB client, not {type(source).__name__}"
        )
    if season_type not in SEASON_TYPES:
        raise ConfigurationError(
            f"season_type must be one of {', '.join(SEASON_TYPES)}, not {season_type!r}"
        )


async def _shows_and_episodes(
    plex: AsyncPlexClient, show_or_section: Show | Section | str | int
) -> tuple[list[Show], dict[str, set[tuple[int, int]]]]:
    """The shows to check (with their guids) and the (season, episode) pairs Plex has of each."""
    if isinstance(show_or_section, Show):
        leaves = await plex.metadata.all_leaves(show_or_section.rating_key)
        return [show_or_section], {show_or_section.rating_key: _pairs(leaves)}
    found = await _section(plex, show_or_section)
    if found.type != "show":
        raise ConfigurationError(
            f"section {found.title!r} holds {found.type or 'unknown'} items, not shows"
        )
    shows: list[Show] = []
    async for show in plex.library.iter_items(found.key, type="show", include_guids=True):
        shows.append(show)
    have: dict[str, set[tuple[int, int]]] = {}
    async for episode in plex.library.iter_items(found.key, type="episode"):
        if episode.grandparent_rating_key is not None:
            pairs = have.setdefault(episode.grandparent_rating_key, set())
            pairs |= _pairs([episode])
    return shows, have


def _missing_episode(
    show: Show, episode: SourceEpisode, aired: bool, kind: Literal["tmdb", "tvdb"], series_id: int
) -> MissingEpisode:
    """The record of one episode ``show`` lacks, as ``kind`` lists it."""
    return MissingEpisode(
        show=show.title,
        show_rating_key=show.rating_key,
        season=episode.season,
        episode=episode.episode,
        title=episode.title,
        air_date=episode.air_date,
        aired=aired,
        source=kind,
        source_series_id=series_id,
    )


def _pairs(items: Sequence[Item]) -> set[tuple[int, int]]:
    return {
        (item.parent_index, item.index)
        for item in items
        if isinstance(item, Episode) and item.parent_index is not None and item.index is not None
    }


async def _tvdb_episodes(
    tvdb: AsyncTVDBClient, series_id: int, season_type: str
) -> list[SourceEpisode]:
    episodes = await tvdb.series_episodes(series_id, season_type)
    return [SourceEpisode(e.season_number, e.number, e.name, e.aired) for e in episodes]


async def _tmdb_episodes(
    tmdb: AsyncTMDBClient, series_id: int, options: EpisodeOptions, when: date
) -> list[SourceEpisode]:
    """Every episode of the seasons worth asking about: one request per season."""
    series = await tmdb.tv_series(series_id)
    wanted = [
        s.season_number
        for s in series.seasons
        if not (options.skip_specials and s.season_number == 0)
        and not (options.skip_future_seasons and (s.air_date is None or s.air_date > when))
    ]
    listed: list[SourceEpisode] = []
    for number in wanted:
        season = await tmdb.tv_season(series_id, number)
        listed.extend(
            SourceEpisode(e.season_number, e.episode_number, e.name, e.air_date)
            for e in season.episodes
        )
    return listed
