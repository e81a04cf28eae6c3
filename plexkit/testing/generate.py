"""Seeded generation of a realistic library (one ``random.Random(seed)``, no wall clock).

Layout: 1 Movies, 2 TV Shows, 3 Music, 4 Photos. The first movies are the real franchise
films of `plexkit.testing.catalog` (some parts deliberately missing) collected into
their collections; one smart collection lists recent science fiction. Some shows have
gaps: every fifth show misses episodes 2-3 of its first season, and every seventh show with
three or more seasons has no season 2; ``library.upstream`` records what the fake TMDB and
TVDB list beyond that (`plexkit.testing.upstream`). History spans four accounts; three
sessions play.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import TYPE_CHECKING

from plexkit.testing.generation import activity, media, video
from plexkit.testing.generation.values import BASE_TIME

if TYPE_CHECKING:
    from plexkit.testing.library import FakeLibrary

__all__ = ["BASE_TIME", "populate"]


def populate(library: FakeLibrary, seed: int, sizes: Mapping[str, int]) -> None:
    """Fill an empty library deterministically from ``seed``, as big as every size in
    ``sizes`` (`plexkit._fake_sizes.library_sizes`) says."""
    rng = random.Random(seed)
    for account_id, name in activity.ACCOUNTS:
        library.add_account(account_id, name)
    movie_section = library.add_section("movie", "Movies", ["/data/media/movies"])
    tv_section = library.add_section("show", "TV Shows", ["/data/media/tv"])
    music_section = library.add_section("artist", "Music", ["/data/media/music"])
    photo_section = library.add_section("photo", "Photos", ["/data/media/photos"])
    movie_nodes = video.movies(library, rng, movie_section, sizes["movies"])
    show_nodes = video.shows(library, rng, tv_section, sizes["shows"])
    track_nodes = media.music(library, rng, music_section, sizes["artists"])
    photo_nodes = media.photos(library, rng, photo_section, sizes["photo_albums"])
    activity.collections(library, movie_section, tv_section, movie_nodes, show_nodes)
    episodes = [e for show in show_nodes for season in show.children for e in season.children]
    activity.playlists(library, rng, movie_nodes, episodes, track_nodes, photo_nodes)
    activity.history(library, rng, movie_nodes + episodes + track_nodes, sizes["history"])
    activity.sessions(library, movie_nodes, episodes, track_nodes)
