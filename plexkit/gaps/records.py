"""What gap finding reports, and the comparisons that produce it (pure, no I/O).

A run yields `MissingMovie` / `MissingEpisode` records and, for a collection or
show it could not check, a `GapProblem`: one bad entry never stops the run.
``to_dict()`` gives each as plain JSON-ready data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Literal, TypeAlias

import attrs

from plexkit.errors import ConfigurationError
from plexkit.tmdb.models import TMDBCollection

__all__ = [
    "EpisodeGap",
    "EpisodeOptions",
    "GapProblem",
    "MissingEpisode",
    "MissingMovie",
    "MovieGap",
    "OwnedMovies",
    "SourceEpisode",
    "missing_episodes_of",
    "missing_parts",
]

MatchedBy = Literal["tmdb_id", "title_year"]
Source = Literal["tmdb", "tvdb"]
_WORDS = re.compile(r"[^0-9a-z]+")


def _json(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


@attrs.frozen(kw_only=True)
class MissingMovie:
    """A movie of a TMDB collection that the section does not own.

    ``matched_by`` is ``"tmdb_id"`` when every owned movie of the section has a TMDB id, and
    ``"title_year"`` when some do not, so their title and year were compared as a fallback.
    ``plex_collection`` is None for a TMDB collection no Plex collection stands for.
    """

    collection: str
    tmdb_collection_id: int
    tmdb_id: int
    title: str
    year: int | None
    release_date: date | None
    released: bool
    matched_by: MatchedBy = "tmdb_id"
    plex_collection: str | None = None
    plex_collection_key: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready data, with ``"kind": "missing_movie"``."""
        return {"kind": "missing_movie", **{k: _json(v) for k, v in attrs.asdict(self).items()}}


@attrs.frozen(kw_only=True)
class MissingEpisode:
    """An episode the source lists for a show that Plex does not have."""

    show: str
    show_rating_key: str
    season: int
    episode: int
    title: str
    air_date: date | None
    aired: bool
    source: Source
    source_series_id: int

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready data, with ``"kind": "missing_episode"``."""
        return {"kind": "missing_episode", **{k: _json(v) for k, v in attrs.asdict(self).items()}}


@attrs.frozen(kw_only=True)
class GapProblem:
    """A collection, movie or show that could not be checked, and why (the run went on)."""

    subject: Literal["collection", "movie", "show"]
    title: str
    rating_key: str | None
    reason: str
    error: str | None = None
    """The plexkit error class behind it, if one was raised."""

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready data, with ``"kind": "problem"``."""
        return {"kind": "problem", **attrs.asdict(self)}


MovieGap: TypeAlias = MissingMovie | GapProblem
EpisodeGap: TypeAlias = MissingEpisode | GapProblem


def normalized_title(title: str) -> str:
    """A title reduced to lower-case words, for the title+year fallback."""
    return _WORDS.sub(" ", title.casefold()).strip()


@attrs.frozen
class OwnedMovies:
    """What a section owns: TMDB ids, and title+year of the movies that have no TMDB id."""

    tmdb_ids: frozenset[int]
    untracked: frozenset[tuple[str, int]]
    """(normalized title, year) of owned movies without a TMDB id."""

    @classmethod
    def build(cls, movies: Iterable[tuple[int | None, str, int | None]]) -> OwnedMovies:
        """From (TMDB id, title, year) of each owned movie."""
        ids: set[int] = set()
        untracked: set[tuple[str, int]] = set()
        for tmdb_id, title, year in movies:
            if tmdb_id is not None:
                ids.add(tmdb_id)
            elif year is not None:
                untracked.add((normalized_title(title), year))
        return cls(frozenset(ids), frozenset(untracked))

    def owns(self, tmdb_id: int, title: str, year: int | None) -> bool:
        """By TMDB id, else by title and a year within one (release dates vary by country)."""
        if tmdb_id in self.tmdb_ids:
            return True
        if year is None or not self.untracked:
            return False
        name = normalized_title(title)
        return any((name, y) in self.untracked for y in (year - 1, year, year + 1))


def missing_parts(
    collection: TMDBCollection,
    owned: OwnedMovies,
    *,
    today: date,
    plex_collection: str | None = None,
    plex_collection_key: str | None = None,
) -> list[MissingMovie]:
    """The parts of ``collection`` that ``owned`` lacks, in TMDB's order."""
    matched_by: MatchedBy = "title_year" if owned.untracked else "tmdb_id"
    return [
        MissingMovie(
            collection=plex_collection or collection.name,
            tmdb_collection_id=collection.id,
            tmdb_id=part.id,
            title=part.title,
            year=part.year,
            release_date=part.release_date,
            released=part.release_date is not None and part.release_date <= today,
            matched_by=matched_by,
            plex_collection=plex_collection,
            plex_collection_key=plex_collection_key,
        )
        for part in collection.parts
        if not owned.owns(part.id, part.title, part.year)
    ]


@attrs.frozen
class SourceEpisode:
    """An episode as TMDB or TVDB lists it."""

    season: int
    episode: int
    title: str
    air_date: date | None


@attrs.frozen(kw_only=True)
class EpisodeOptions:
    """What ``missing_episodes`` leaves out of its report."""

    skip_specials: bool = True
    skip_unaired: bool = True
    skip_future_seasons: bool = False

    @classmethod
    def checked(
        cls, *, skip_specials: object, skip_unaired: object, skip_future_seasons: object
    ) -> EpisodeOptions:
        """Options from the caller's flags, each refused unless a real bool."""
        flags = {
            "skip_specials": skip_specials,
            "skip_unaired": skip_unaired,
            "skip_future_seasons": skip_future_seasons,
        }
        for name, value in flags.items():
            if not isinstance(value, bool):
                raise ConfigurationError(f"{name} must be True or False, not {value!r}")
        return cls(
            skip_specials=bool(skip_specials),
            skip_unaired=bool(skip_unaired),
            skip_future_seasons=bool(skip_future_seasons),
        )


def missing_episodes_of(
    listed: Iterable[SourceEpisode],
    have: Mapping[tuple[int, int], object] | frozenset[tuple[int, int]] | set[tuple[int, int]],
    *,
    options: EpisodeOptions,
    today: date,
) -> list[tuple[SourceEpisode, bool]]:
    """The listed (season, episode) pairs not in ``have``, each with whether it has aired."""
    episodes = sorted(listed, key=lambda e: (e.season, e.episode))
    future_seasons: set[int] = set()
    if options.skip_future_seasons:
        by_season: dict[int, list[SourceEpisode]] = {}
        for episode in episodes:
            by_season.setdefault(episode.season, []).append(episode)
        future_seasons = {
            number
            for number, members in by_season.items()
            if not any(e.air_date is not None and e.air_date <= today for e in members)
        }
    out: list[tuple[SourceEpisode, bool]] = []
    for episode in episodes:
        aired = episode.air_date is not None and episode.air_date <= today
        if (episode.season, episode.episode) in have:
            continue
        if options.skip_specials and episode.season == 0:
            continue
        if options.skip_unaired and not aired:
            continue
        if episode.season in future_seasons:
            continue
        out.append((episode, aired))
    return out
