"""``/resources``: the account's servers and their connections, JSON or XML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from plexkit.testing.plextv.endpoint import Endpoint
from plexkit.testing.plextv.wire import (
    _resources_xml,
)

if TYPE_CHECKING:
    from plexkit.testing.plextv.state import FakePlexTV


async def resources(fake: FakePlexTV, request: Request, client: str) -> Response:
    params = request.query_params
    with fake._lock:
        fake._user_for(request)
        listed = [
            r.wire(
                https=params.get("includeHttps") == "1",
                relay=params.get("includeRelay") == "1",
                ipv6=params.get("includeIPv6") == "1",
            )
            for r in fake.resources
        ]
    if "json" in request.headers.get("Accept", ""):
        return JSONResponse(listed)
    return Response(_resources_xml(listed), media_type="application/xml")


ENDPOINTS = (Endpoint("/api/v2/resources", "GET", resources),)
