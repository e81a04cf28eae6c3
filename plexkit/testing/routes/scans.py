"""Section refresh: ``/library/sections/{id}/refresh`` (full or ``?path=``) and cancelling it.

A refresh starts a scan (`plexkit.testing.scans`); when it ends it imports the new files
waiting on the fake disk under the scanned folder (`plexkit.testing.disk`).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.respond import HTTPError, context
from plexkit.testing.store import Section


def _sections(request: Request) -> list[Section]:
    library = context(request).library
    key = str(request.path_params["key"])
    if key == "all":
        return list(library.sections.values())
    section = library.section(key)
    if section is None:
        raise HTTPError(404, "no such library section")
    return [section]


async def refresh(request: Request) -> Response:
    """Start a scan (an activity) of the section, or of ``path`` inside it."""
    library = context(request).library
    path = request.query_params.get("path") or None
    for section in _sections(request):
        library.scans.start(section, path)
    return Response(status_code=200)


async def cancel(request: Request) -> Response:
    """``DELETE .../refresh``: stop the section's running scans."""
    library = context(request).library
    for section in _sections(request):
        library.scans.cancel(section)
    return Response(status_code=200)


routes: list[BaseRoute] = [
    Route("/library/sections/{key}/refresh", refresh, methods=["GET", "POST", "PUT"]),
    Route("/library/sections/{key}/refresh", cancel, methods=["DELETE"]),
]
