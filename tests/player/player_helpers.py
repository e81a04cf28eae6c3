"""Helpers that let one test body drive the sync and the async player alike."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

from plexkit.paths import PathMapper
from plexkit.testing import FakePlexServer

LOCAL_MOVIES = "/srv/manager/movies"
LOCAL_TV = "/srv/manager/tv"
MOVIES = "/data/media/movies"
TV = "/data/media/tv"
MAPPER = PathMapper([(LOCAL_MOVIES, MOVIES), (LOCAL_TV, TV)])


@dataclass
class Env:
    """A player (sync or async), its client and the fake server behind them."""

    player: Any
    plex: Any
    server: FakePlexServer
    mode: str

    @property
    def library(self) -> Any:
        return self.server.library


async def resolve(value: Any) -> Any:
    """The value of a sync call, or the awaited result of an async one."""
    return await value if inspect.isawaitable(value) else value


def add_movies(server: FakePlexServer, *names: tuple[str, int]) -> list[str]:
    """Put new movies on the fake disk; returns their folders as the manager sees them."""
    folders = []
    for title, year in names:
        folder = f"{title} ({year})"
        server.disk.add_movie(f"{MOVIES}/{folder}/{folder}.mkv", title, year)
        folders.append(f"{LOCAL_MOVIES}/{folder}")
    return folders
