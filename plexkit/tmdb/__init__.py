"""A small client for TMDB's v3 API: collections, movies, TV seasons (async and sync).

>>> from plexkit.tmdb import TMDBClient
>>> with TMDBClient(api_key="...") as tmdb:
...     tmdb.collection(10).parts
"""

from __future__ import annotations

from plexkit.tmdb._async.client import AsyncTMDBClient
from plexkit.tmdb._sync.client import TMDBClient
from plexkit.tmdb.defaults import DEFAULT_TTLS, TMDB_URL
from plexkit.tmdb.models import (
    TMDBCollection,
    TMDBCollectionPart,
    TMDBCollectionRef,
    TMDBEpisode,
    TMDBMovie,
    TMDBSeason,
    TMDBSeasonSummary,
    TMDBSeries,
)

__all__ = [
    "DEFAULT_TTLS",
    "TMDB_URL",
    "AsyncTMDBClient",
    "TMDBClient",
    "TMDBCollection",
    "TMDBCollectionPart",
    "TMDBCollectionRef",
    "TMDBEpisode",
    "TMDBMovie",
    "TMDBSeason",
    "TMDBSeasonSummary",
    "TMDBSeries",
]
