"""Missing movies and episodes: what TMDB and TVDB list that a Plex library lacks.

``missing_movies`` / ``missing_episodes`` (sync) and ``async_missing_movies`` /
``async_missing_episodes`` stream typed records; ``record.to_dict()`` gives JSON-ready data.
See docs/gaps.md.
"""

from __future__ import annotations

from plexkit.gaps._async.finder import (
    NotAMovieSectionError,
    async_missing_episodes,
    async_missing_movies,
)
from plexkit.gaps._sync.finder import missing_episodes, missing_movies
from plexkit.gaps.records import (
    EpisodeGap,
    GapProblem,
    MissingEpisode,
    MissingMovie,
    MovieGap,
)

__all__ = [
    "EpisodeGap",
    "GapProblem",
    "MissingEpisode",
    "MissingMovie",
    "MovieGap",
    "NotAMovieSectionError",
    "async_missing_episodes",
    "async_missing_movies",
    "missing_episodes",
    "missing_movies",
]
