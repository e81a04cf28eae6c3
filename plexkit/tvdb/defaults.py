"""The TVDB clients' defaults, shared by the async client and its sync twin."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["DEFAULT_TTLS", "TVDB_URL"]

TVDB_URL = "https://api4.thetvdb.com/v4"
"""TVDB's v4 API: the ``base_url=`` a client talks to unless told otherwise."""
DEFAULT_TTLS: Mapping[str, float] = {"tvdb_episodes": 86400.0}
"""Seconds each kind of answer stays cached; logins never are."""
