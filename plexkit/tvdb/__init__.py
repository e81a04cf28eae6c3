"""A small client for TVDB's v4 API: login and series episodes by season type (async and sync).

>>> from plexkit.tvdb import TVDBClient
>>> with TVDBClient(api_key="...", pin="...") as tvdb:
...     tvdb.series_episodes(81189, "official")
"""

from __future__ import annotations

from plexkit.tvdb._async.client import AsyncTVDBClient
from plexkit.tvdb._sync.client import TVDBClient
from plexkit.tvdb.defaults import DEFAULT_TTLS, TVDB_URL
from plexkit.tvdb.models import SEASON_TYPES, TVDBEpisode, TVDBEpisodePage, TVDBSeries

__all__ = [
    "DEFAULT_TTLS",
    "SEASON_TYPES",
    "TVDB_URL",
    "AsyncTVDBClient",
    "TVDBClient",
    "TVDBEpisode",
    "TVDBEpisodePage",
    "TVDBSeries",
]
