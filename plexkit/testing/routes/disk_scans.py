"""Section refreshes that find new files: what ``/library/sections/{id}/refresh`` does after
importing the files waiting on the fake disk (:mod:`plexkit.testing.disk`).

A targeted scan (``?path=``) imports only the files under that folder, a full scan every
file in the section's locations; then the scan runs as an activity as before
(:mod:`plexkit.testing.routes.scans`). Listed before that module's routes, so it sees the
refresh first; cancelling (``DELETE``) is left to it.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.disk import disk_of
from plexkit.testing.respond import context
from plexkit.testing.routes import scans


async def refresh(request: Request) -> Response:
    """Import the scanned folder's new files, then start the scan."""
    library = context(request).library
    key = str(request.path_params["key"])
    path = request.query_params.get("path") or None
    if key == "all":
        targets = list(library.sections.values())
    else:
        section = library.section(key)
        targets = [section] if section is not None else []
    disk = disk_of(library)
    for section in targets:
        disk.scan(section, path)
    return await scans.refresh(request)


routes: list[BaseRoute] = [
    Route("/library/sections/{key}/refresh", refresh, methods=["GET", "POST", "PUT"]),
]
