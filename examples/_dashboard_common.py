"""What both dashboard examples share: JSON of models, the error body, the client options."""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Iterator
from typing import Any

from starlette.responses import JSONResponse

from plexkit.models import converter


def jsonable(value: object) -> Any:
    """A model (or tuple of them) as plain JSON data; datetimes become ISO text."""
    return json.loads(json.dumps(converter.unstructure(value), default=str))


def error(status: int, code: str, message: str) -> JSONResponse:
    """The error shape both seeds document: ``{"error": {"code", "message", "status"}}``."""
    body = {"error": {"code": code, "message": message, "status": status}}
    return JSONResponse(body, status_code=status)


def add_server_options(parser: argparse.ArgumentParser) -> None:
    """``--fake`` (the default) or ``--url`` and ``--token`` of a real server."""
    parser.add_argument("--fake", action="store_true", help="use plexkit's fake server (default)")
    parser.add_argument("--url", help="a real Plex Media Server URL")
    parser.add_argument("--token", help="its X-Plex-Token")
    parser.add_argument("--port", type=int, default=8000)


@contextlib.contextmanager
def server_for(args: argparse.Namespace) -> Iterator[tuple[str, str]]:
    """(url, token): the real server asked for, else the fake one on loopback."""
    if args.url and args.token and not args.fake:
        yield args.url, args.token
        return
    from plexkit.testing import FakePlexServer

    fake = FakePlexServer()
    with fake.run_in_thread() as url:
        yield url, fake.token
