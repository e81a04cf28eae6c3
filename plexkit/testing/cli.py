"""``python -m plexkit.testing`` / ``plexkit fake-server``: run the fake server on a port."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from plexkit.testing.runner import FakePlexServer


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plexkit fake-server",
        description="Serve a fake Plex Media Server with a generated library.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.add_argument("--port", type=int, default=32400, help="port; 0 picks a free one")
    parser.add_argument("--token", default="fake-token", help="the owner's X-Plex-Token")
    parser.add_argument("--seed", type=int, default=0, help="library generation seed")
    parser.add_argument("--movies", type=int, default=200)
    parser.add_argument("--shows", type=int, default=20)
    parser.add_argument("--artists", type=int, default=10)
    parser.add_argument("--photo-albums", type=int, default=3)
    parser.add_argument("--history", type=int, default=200, help="watch history entries")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv``, build the library and serve until interrupted; returns 0."""
    args = _parser().parse_args(argv)
    server = FakePlexServer(
        token=args.token,
        seed=args.seed,
        movies=args.movies,
        shows=args.shows,
        artists=args.artists,
        photo_albums=args.photo_albums,
        history=args.history,
    )

    def ready(url: str) -> None:
        print(f"plexkit fake Plex server at {url} (token: {server.token})", flush=True)

    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever(args.host, args.port, ready=ready)
    return 0


if __name__ == "__main__":
    sys.exit(main())
