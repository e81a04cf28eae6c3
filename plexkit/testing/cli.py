"""``python -m plexkit.testing`` / ``plexkit fake-server``: run the fake server on a port."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from plexkit.testing.runner import FakePlexServer

__all__ = ["main", "serve"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m plexkit.testing",
        description="Serve a fake Plex Media Server with a generated library.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.add_argument("--port", type=int, default=32400, help="port; 0 picks a free one")
    parser.add_argument("--token", default="fake-token", help="the owner's X-Plex-Token")
    parser.add_argument("--seed", type=int, default=0, help="library generation seed")
    parser.add_argument("--movies", type=int, default=200, help="movies in the library")
    parser.add_argument("--shows", type=int, default=20, help="TV shows in the library")
    parser.add_argument("--artists", type=int, default=10, help="music artists")
    parser.add_argument("--photo-albums", type=int, default=3, help="photo albums")
    parser.add_argument("--history", type=int, default=200, help="watch history entries")
    return parser


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 32400,
    token: str = "fake-token",
    seed: int = 0,
    movies: int = 200,
    shows: int = 20,
    artists: int = 10,
    photo_albums: int = 3,
    history: int = 200,
) -> int:
    """Build the library and serve until interrupted: 0, or 1 with a one-line message on
    stderr when the address cannot be bound (port in use, no such host)."""
    server = FakePlexServer(
        token=token,
        seed=seed,
        movies=movies,
        shows=shows,
        artists=artists,
        photo_albums=photo_albums,
        history=history,
    )

    def ready(url: str) -> None:
        print(f"plexkit fake Plex server at {url} (token: {server.token})", flush=True)

    try:
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever(host, port, ready=ready)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(f"error: cannot listen on {host}:{port}: {reason}", file=sys.stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and `serve`; returns the exit code."""
    args = _parser().parse_args(argv)
    return serve(
        host=args.host,
        port=args.port,
        token=args.token,
        seed=args.seed,
        movies=args.movies,
        shows=args.shows,
        artists=args.artists,
        photo_albums=args.photo_albums,
        history=args.history,
    )


if __name__ == "__main__":
    sys.exit(main())
