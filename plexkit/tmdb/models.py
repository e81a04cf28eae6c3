"""TMDB v3 answers as frozen records, read from the documented JSON (pure).

Shapes: "Collection Details" (``GET /3/collection/{id}``: ``id``, ``name``, ``overview``,
``parts[]`` with ``id``, ``title``, ``release_date``), "Movie Details" (``GET /3/movie/{id}``:
``belongs_to_collection`` null or ``{id, name}``), "TV Series Details" (``GET /3/tv/{id}``:
``seasons[]`` with ``season_number``, ``episode_count``, ``air_date``) and "TV Season Details"
(``GET /3/tv/{id}/season/{n}``: ``episodes[]`` with ``season_number``, ``episode_number``,
``name``, ``air_date``). TMDB sends ``""`` for an unknown date; it reads as None.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import attrs

from plexkit._webapi.calls import (
    int_field,
    list_field,
    mapping,
    optional_date,
    optional_int,
    optional_text,
)

__all__ = [
    "TMDBCollection",
    "TMDBCollectionPart",
    "TMDBCollectionRef",
    "TMDBEpisode",
    "TMDBMovie",
    "TMDBSeason",
    "TMDBSeasonSummary",
    "TMDBSeries",
]


@attrs.frozen(kw_only=True)
class TMDBCollectionPart:
    """One movie of a TMDB collection."""

    id: int
    title: str
    release_date: date | None = None
    original_title: str | None = None

    @property
    def year(self) -> int | None:
        """The release year, if TMDB knows the date."""
        return self.release_date.year if self.release_date else None

    @classmethod
    def from_json(cls, value: object) -> TMDBCollectionPart:
        """Read one entry of ``parts``."""
        obj = mapping(value, "TMDB collection part")
        return cls(
            id=int_field(obj, "id", "TMDB collection part"),
            title=optional_text(obj, "title") or optional_text(obj, "original_title") or "",
            release_date=optional_date(obj, "release_date"),
            original_title=optional_text(obj, "original_title"),
        )


@attrs.frozen(kw_only=True)
class TMDBCollection:
    """A TMDB collection (a franchise) and every movie in it."""

    id: int
    name: str
    overview: str | None = None
    parts: tuple[TMDBCollectionPart, ...] = ()

    @classmethod
    def from_json(cls, value: object) -> TMDBCollection:
        """Read a Collection Details answer."""
        obj = mapping(value, "TMDB collection")
        parts = list_field(obj, "parts", "TMDB collection")
        return cls(
            id=int_field(obj, "id", "TMDB collection"),
            name=optional_text(obj, "name") or "",
            overview=optional_text(obj, "overview"),
            parts=tuple(TMDBCollectionPart.from_json(part) for part in parts),
        )


@attrs.frozen(kw_only=True)
class TMDBCollectionRef:
    """The collection a movie belongs to, as Movie Details names it."""

    id: int
    name: str


@attrs.frozen(kw_only=True)
class TMDBMovie:
    """The parts of Movie Details that gap finding needs."""

    id: int
    title: str
    release_date: date | None = None
    imdb_id: str | None = None
    status: str | None = None
    belongs_to_collection: TMDBCollectionRef | None = None

    @classmethod
    def from_json(cls, value: object) -> TMDBMovie:
        """Read a Movie Details answer."""
        obj = mapping(value, "TMDB movie")
        ref = obj.get("belongs_to_collection")
        collection = None
        if ref is not None:
            ref_obj = mapping(ref, "TMDB movie belongs_to_collection")
            collection = TMDBCollectionRef(
                id=int_field(ref_obj, "id", "TMDB belongs_to_collection"),
                name=optional_text(ref_obj, "name") or "",
            )
        return cls(
            id=int_field(obj, "id", "TMDB movie"),
            title=optional_text(obj, "title") or "",
            release_date=optional_date(obj, "release_date"),
            imdb_id=optional_text(obj, "imdb_id"),
            status=optional_text(obj, "status"),
            belongs_to_collection=collection,
        )


@attrs.frozen(kw_only=True)
class TMDBSeasonSummary:
    """A season as TV Series Details lists it."""

    season_number: int
    episode_count: int | None = None
    air_date: date | None = None
    name: str | None = None


@attrs.frozen(kw_only=True)
class TMDBSeries:
    """The parts of TV Series Details that gap finding needs: its seasons."""

    id: int
    name: str
    first_air_date: date | None = None
    seasons: tuple[TMDBSeasonSummary, ...] = ()

    @classmethod
    def from_json(cls, value: object) -> TMDBSeries:
        """Read a TV Series Details answer."""
        obj = mapping(value, "TMDB series")
        seasons = []
        for entry in list_field(obj, "seasons", "TMDB series"):
            season = mapping(entry, "TMDB series season")
            seasons.append(
                TMDBSeasonSummary(
                    season_number=int_field(season, "season_number", "TMDB series season"),
                    episode_count=optional_int(season, "episode_count", "TMDB series season"),
                    air_date=optional_date(season, "air_date"),
                    name=optional_text(season, "name"),
                )
            )
        return cls(
            id=int_field(obj, "id", "TMDB series"),
            name=optional_text(obj, "name") or "",
            first_air_date=optional_date(obj, "first_air_date"),
            seasons=tuple(seasons),
        )


@attrs.frozen(kw_only=True)
class TMDBEpisode:
    """One episode of a TMDB season."""

    season_number: int
    episode_number: int
    name: str = ""
    air_date: date | None = None
    id: int | None = None


@attrs.frozen(kw_only=True)
class TMDBSeason:
    """TV Season Details: a season and its episodes."""

    season_number: int
    name: str | None = None
    air_date: date | None = None
    episodes: tuple[TMDBEpisode, ...] = ()

    @classmethod
    def from_json(cls, value: object) -> TMDBSeason:
        """Read a TV Season Details answer."""
        obj = mapping(value, "TMDB season")
        number = int_field(obj, "season_number", "TMDB season")
        episodes = tuple(_episode(entry, number) for entry in list_field(obj, "episodes", "TMDB"))
        return cls(
            season_number=number,
            name=optional_text(obj, "name"),
            air_date=optional_date(obj, "air_date"),
            episodes=episodes,
        )


def _episode(value: object, season: int) -> TMDBEpisode:
    obj: Mapping[str, Any] = mapping(value, "TMDB episode")
    return TMDBEpisode(
        season_number=optional_int(obj, "season_number", "TMDB episode") or season,
        episode_number=int_field(obj, "episode_number", "TMDB episode"),
        name=optional_text(obj, "name") or "",
        air_date=optional_date(obj, "air_date"),
        id=optional_int(obj, "id", "TMDB episode"),
    )
