"""The TMDB clients' defaults, shared by the async client and its sync twin."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["DEFAULT_TTLS", "TMDB_URL"]

TMDB_URL = "https://api.themoviedb.org/3"
"""TMDB's v3 API: the ``base_url=`` a client talks to unless told otherwise."""
DEFAULT_TTLS: Mapping[str, float] = {
    "tmdb_collection": 7 * 86400.0,
    "tmdb_movie": 86400.0,
    "tmdb_tv": 86400.0,
    "tmdb_season": 86400.0,
}
"""Seconds each kind of answer stays cached (a collection changes when a film is announced)."""
