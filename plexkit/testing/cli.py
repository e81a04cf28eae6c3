"""``python -m plexkit.testing`` / ``plexkit fake-server``: run the fake server on a port."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from plexkit._fake_sizes import SIZES
from plexkit.testing.runner import FakePlexServer

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from plexkit._fake_sizes import LibrarySizes

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
    for name, (default, text) in SIZES.items():
        flag = "--" + name.replace("_", "-")
        parser.add_argument(flag, type=int, default=default, help=f"{text} ({default})")
    return parser


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 32400,
    token: str = "fake-token",
    seed: int = 0,
    **sizes: Unpack[LibrarySizes],
) -> int:
    """Build the library (``sizes`` as `FakeLibrary.generate` takes them) and serve until
    interrupted: 0, or 1 with a one-line message on stderr when the address cannot be bound
    (port in use, no such host)."""
    server = FakePlexServer(token=token, seed=seed, **sizes)

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
    return serve(**vars(args))  # every option's name is a keyword of serve


if __name__ == "__main__":
    sys.exit(main())
