"""``/api/users`` (friends and shared users) and ``/api/home/users`` (the Plex Home), XML as
plex.tv answers them whatever the ``Accept`` header; shapes in ``plextv.wire``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response

from plexkit.testing.plextv.endpoint import Endpoint
from plexkit.testing.plextv.wire import _home_users_xml, _users_xml

if TYPE_CHECKING:
    from plexkit.testing.plextv.state import FakePlexTV


async def users(fake: FakePlexTV, request: Request, client: str) -> Response:
    with fake._lock:
        owner, _ = fake._user_for(request)
        friends = [f for f in fake.friends if f.owner_id == owner.id]
        body = _users_xml(owner, friends)
    return Response(body, media_type="application/xml")


async def home_users(fake: FakePlexTV, request: Request, client: str) -> Response:
    with fake._lock:
        owner, _ = fake._user_for(request)
        members = [f for f in fake.friends if f.owner_id == owner.id and f.home]
        body = _home_users_xml(owner, members)
    return Response(body, media_type="application/xml")


ENDPOINTS = (
    Endpoint("/api/users", "GET", users),
    Endpoint("/api/users/", "GET", users),
    Endpoint("/api/home/users", "GET", home_users),
)
