"""TVDB v4 answers as frozen records, read from the documented JSON (pure).

Shapes follow the TVDB v4 OpenAPI (``swagger.yml``). ``POST /v4/login`` answers
``{"status": "success", "data": {"token": "<JWT>"}}``.
``GET /v4/series/{id}/episodes/{season-type}?page=N`` answers ``{"status", "data": {"series":
SeriesBaseRecord, "episodes": [EpisodeBaseRecord]}, "links": {"prev", "self", "next",
"total_items", "page_size"}}``; an EpisodeBaseRecord has ``id``, ``seriesId``, ``name``,
``aired`` (``YYYY-MM-DD`` or null), ``seasonNumber``, ``number`` and ``absoluteNumber``.
"""

from __future__ import annotations

from datetime import date

import attrs

from plexkit._webapi.calls import (
    int_field,
    list_field,
    mapping,
    optional_date,
    optional_int,
    optional_text,
)
from plexkit.errors import ParseError

__all__ = ["SEASON_TYPES", "TVDBEpisode", "TVDBEpisodePage", "TVDBSeries", "login_token"]

SEASON_TYPES = ("default", "official", "dvd", "absolute", "alternate", "regional")
"""The orderings TVDB v4 documents for ``/series/{id}/episodes/{season-type}``."""


@attrs.frozen(kw_only=True)
class TVDBEpisode:
    """One episode in the requested ordering."""

    id: int
    season_number: int
    number: int
    name: str = ""
    aired: date | None = None
    absolute_number: int | None = None

    @classmethod
    def from_json(cls, value: object) -> TVDBEpisode:
        """Read one EpisodeBaseRecord."""
        obj = mapping(value, "TVDB episode")
        return cls(
            id=int_field(obj, "id", "TVDB episode"),
            season_number=int_field(obj, "seasonNumber", "TVDB episode"),
            number=int_field(obj, "number", "TVDB episode"),
            name=optional_text(obj, "name") or "",
            aired=optional_date(obj, "aired"),
            absolute_number=optional_int(obj, "absoluteNumber", "TVDB episode"),
        )


@attrs.frozen(kw_only=True)
class TVDBSeries:
    """The SeriesBaseRecord parts gap finding needs."""

    id: int
    name: str = ""
    first_aired: date | None = None


@attrs.frozen(kw_only=True)
class TVDBEpisodePage:
    """One page of a series' episodes; ``has_next`` when ``links.next`` is set."""

    series: TVDBSeries
    episodes: tuple[TVDBEpisode, ...]
    page: int
    has_next: bool
    total_items: int | None = None

    @classmethod
    def from_json(cls, value: object, page: int) -> TVDBEpisodePage:
        """Read one answer of ``/series/{id}/episodes/{season-type}``."""
        body = mapping(value, "TVDB episodes")
        data = mapping(body.get("data"), "TVDB episodes data")
        series = mapping(data.get("series"), "TVDB episodes series")
        links = body.get("links")
        links_obj = mapping(links, "TVDB links") if links is not None else {}
        return cls(
            series=TVDBSeries(
                id=int_field(series, "id", "TVDB series"),
                name=optional_text(series, "name") or "",
                first_aired=optional_date(series, "firstAired"),
            ),
            episodes=tuple(
                TVDBEpisode.from_json(e) for e in list_field(data, "episodes", "TVDB data")
            ),
            page=page,
            has_next=bool(links_obj.get("next")),
            total_items=optional_int(links_obj, "total_items", "TVDB links"),
        )


def login_token(value: object) -> str:
    """The bearer token in a ``/login`` answer."""
    body = mapping(value, "TVDB login")
    data = mapping(body.get("data"), "TVDB login data")
    token = data.get("token")
    if not isinstance(token, str) or not token:
        raise ParseError("TVDB login: the answer has no data.token")
    return token
