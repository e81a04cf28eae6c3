"""A media manager's sync loop on plexkit.player: new files on disk -> Plex knows them, with
the manager's metadata, match and poster.

    python examples/media_manager.py --fake
    python examples/media_manager.py --url http://nas:32400 --token ... \\
        --map /data/media/movies=/movies "/data/media/movies/Heat (1995)"

``--fake`` runs against plexkit's fake server: five new movie folders appear on its disk
under the paths Plex sees (``/data/media/movies``), which this manager knows as
``/srv/manager/movies``. Against a real server, give your path mappings (``--map
LOCAL=SERVER``, repeatable) and the folders you changed, as the manager sees them.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator

from plexkit import PlexClient
from plexkit.models import Movie
from plexkit.paths import PathMapper
from plexkit.player import PlexPlayer, ScanProgress
from plexkit.testing.images import png

LOCAL_MOVIES = "/srv/manager/movies"
SERVER_MOVIES = "/data/media/movies"
NEW_MOVIES = [
    ("Heat", 1995, 949),
    ("Ronin", 1998, 8195),
    ("Collateral", 2004, 1538),
    ("Thief", 1981, 11524),
    ("Manhunter", 1986, 11454),
]


@contextlib.contextmanager
def fake_server() -> Iterator[tuple[str, str]]:
    """The fake server on loopback, with the new movies waiting on its disk."""
    from plexkit.testing import FakePlexServer

    server = FakePlexServer(movies=20, shows=2, artists=1, photo_albums=1, history=0)
    server.library.scans.duration = 0.3
    for title, year, _ in NEW_MOVIES:
        folder = f"{title} ({year})"
        server.disk.add_movie(f"{SERVER_MOVIES}/{folder}/{folder}.mkv", title, year)
    with server.run_in_thread() as url:
        yield url, server.token


def sync(player: PlexPlayer, changed: list[str], tmdb_ids: dict[str, int]) -> None:
    test = player.test_connection()
    if not test.ok:
        raise SystemExit(f"Plex is not usable: {test.error}")
    print(f"Connected to {test.name} (Plex {test.version}).")
    for library in player.libraries():
        print(f"  library {library.title!r}: {', '.join(map(str, library.local_locations))}")

    print(f"Updating {len(changed)} changed folders, {player.parallel_scans} scans at a time...")
    updates: dict[str | None, int] = {}

    def on_progress(update: ScanProgress) -> None:  # called from the scans' threads
        updates[update.scan_path] = updates.get(update.scan_path, 0) + 1

    report = player.update_library(changed, on_progress=on_progress)
    print(f"  {sum(updates.values())} progress updates from {len(updates)} scans")
    for item in report.items:
        print(f"  {item.path} -> {item.server_path}: {item.status} {item.rating_key or ''}")
    print(report.summary())

    for item in report.found:
        assert item.rating_key is not None
        title = os.path.basename(item.path)
        player.sync_metadata(
            item.rating_key,
            {"summary": f"{title}, as the manager describes it.", "genres": ["Crime"]},
            lock=True,
        )
    first = report.found[0] if report.found else None
    if first is not None and first.rating_key is not None:
        tmdb = tmdb_ids.get(os.path.basename(first.path))
        if tmdb is not None:
            player.match(first.rating_key, tmdb=tmdb)
            print(f"Matched {os.path.basename(first.path)} to tmdb://{tmdb}.")
        player.set_poster(first.rating_key, data=png(200, 300, first.path), lock=True)
        movie = player.find_item(first.path)
        assert isinstance(movie, Movie)
        locked = sorted(player.client.metadata.locked_fields(movie.rating_key))
        print(f"{movie.title} ({movie.year}): guid {movie.guid}, locked {', '.join(locked)}.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fake", action="store_true", help="run against the fake server")
    parser.add_argument("--url", default=os.environ.get("PLEX_URL"))
    parser.add_argument("--token", default=os.environ.get("PLEX_TOKEN"))
    parser.add_argument("--map", action="append", default=[], help="LOCAL=SERVER")
    parser.add_argument("paths", nargs="*", help="changed folders, as the manager sees them")
    args = parser.parse_args()
    if args.fake:
        mapper = PathMapper([(LOCAL_MOVIES, SERVER_MOVIES)])
        changed = [f"{LOCAL_MOVIES}/{t} ({y})" for t, y, _ in NEW_MOVIES]
        tmdb_ids = {f"{t} ({y})": tmdb for t, y, tmdb in NEW_MOVIES}
        with fake_server() as (url, token), PlexClient(url, token=token) as plex:
            sync(PlexPlayer(plex, mapper, parallel_scans=3), changed, tmdb_ids)
        return
    if not args.url or not args.token or not args.paths:
        parser.error("give --fake, or --url, --token and the changed paths")
    mapper = PathMapper([tuple(m.split("=", 1)) for m in args.map], unmapped="pass")
    with PlexClient(args.url, token=args.token) as plex:
        sync(PlexPlayer(plex, mapper), args.paths, {})


if __name__ == "__main__":
    main()
