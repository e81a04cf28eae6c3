"""What a media manager does after it wrote new files: scan exactly that folder, wait for
Plex to finish, then fix the new item's metadata, match, poster and locks.

    python examples/manage_library.py --fake
    python examples/manage_library.py --url http://nas:32400 --token ... \\
        --path "/data/media/movies/Heat (1995)" --title Heat --year 1995

``--fake`` runs against plexkit's fake server, with a new movie file placed on its disk.
Against a real server, ``--path`` is the *server's* path of the folder you changed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator

from plexkit import PlexClient
from plexkit._core.edits import TagEdit  # also plexkit.TagEdit
from plexkit.models import Activity, Movie
from plexkit.models.management import Notification, TimelineEvent

FAKE_FOLDER = "/data/media/movies/Heat (1995)"


@contextlib.contextmanager
def fake_server() -> Iterator[tuple[str, str]]:
    """The fake server on loopback, with ``Heat (1995).mkv`` waiting on its disk."""
    from plexkit.testing import FakePlexServer

    server = FakePlexServer(movies=20, shows=2, artists=1, photo_albums=1, history=10)
    server.library.scans.duration = 0.5
    server.disk.add_movie(f"{FAKE_FOLDER}/Heat (1995).mkv", "Heat", 1995)
    with server.run_in_thread() as url:
        yield url, server.token


def show_progress(activity: Activity) -> None:
    print(f"  {activity.title}: {activity.progress}%")


def on_event(event: Notification) -> None:
    if isinstance(event, TimelineEvent) and event.state == 5:
        print(f"  [live] item {event.item_id} updated: {event.title!r}")


def manage(plex: PlexClient, path: str, title: str, year: int, poster: bytes | None) -> None:
    section = plex.library.section_for_path(path)
    if section is None:
        raise SystemExit(f"no library section holds {path!r}")
    print(f"Scanning {path!r} in section {section.title!r}...")
    result = plex.library.refresh_and_wait(section, path=path, on_progress=show_progress)
    print(f"Scan finished (followed by {result.via}).")

    hubs = plex.library.search(title, section=section)
    found = [i for h in hubs for i in h.items if isinstance(i, Movie) and i.year == year]
    if not found:
        raise SystemExit(f"{title} ({year}) is not in the library after the scan")
    movie = found[0]
    print(f"Found {movie.title} ({movie.year}), rating key {movie.rating_key}.")

    with plex.notifications.listen_in_background(on_event, types="timeline"):
        best = plex.metadata.matches(movie.rating_key, title=title, year=year)[0]
        print(f"Matching to {best.name} ({best.year}) {best.guid}, score {best.score}.")
        plex.metadata.match(movie.rating_key, best)
        plex.metadata.edit(
            movie.rating_key,
            summary="Two men on opposite sides of the law, in Los Angeles.",
            tagline="A Los Angeles crime saga",
            genres=TagEdit(add=["Crime", "Thriller"]),
            labels=["Managed"],
        )
        if poster is not None:
            plex.artworks.upload_poster(movie.rating_key, data=poster, lock=True)

    edited = plex.metadata.get(movie.rating_key)
    assert isinstance(edited, Movie)
    print(f"Genres: {', '.join(g.tag for g in edited.genres)}")
    print(f"Locked: {', '.join(sorted(plex.metadata.locked_fields(movie.rating_key)))}")
    print(f"Posters: {len(plex.artworks.posters(movie.rating_key))}")
    if edited.thumb:
        url = plex.urls.image(edited.thumb, width=300, height=450, include_token=True)
        print(f"Poster URL for a browser (transient token): {url!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fake", action="store_true", help="use plexkit's fake server")
    parser.add_argument("--url", default=os.environ.get("PLEX_URL"))
    parser.add_argument("--token", default=os.environ.get("PLEX_TOKEN"))
    parser.add_argument("--path", default=FAKE_FOLDER, help="the server path that changed")
    parser.add_argument("--title", default="Heat")
    parser.add_argument("--year", type=int, default=1995)
    args = parser.parse_args()

    if args.fake:
        from plexkit.testing.images import png

        with fake_server() as (url, token), PlexClient(url, token=token) as plex:
            manage(plex, FAKE_FOLDER, "Heat", 1995, png(200, 300, "heat"))
        return
    if not args.url or not args.token:
        parser.error("give --url and --token (or PLEX_URL/PLEX_TOKEN), or --fake")
    with PlexClient(args.url, token=args.token) as plex:
        manage(plex, args.path, args.title, args.year, None)


if __name__ == "__main__":
    main()
