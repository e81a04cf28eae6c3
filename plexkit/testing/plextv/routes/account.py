"""Accounts: password sign-in (``/users/signin``) and ``/user``."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from plexkit.testing.plextv.endpoint import Endpoint
from plexkit.testing.plextv.models import (
    _Reject,
)
from plexkit.testing.plextv.wire import (
    _user_wire,
)

if TYPE_CHECKING:
    from plexkit.testing.plextv.state import FakePlexTV


async def signin(fake: FakePlexTV, request: Request, client: str) -> Response:
    form = dict(parse_qsl((await request.body()).decode("utf-8")))
    login = form.get("login", "").casefold()
    with fake._lock:
        user = next(
            (u for u in fake.users if login in (u.username.casefold(), u.email.casefold())),
            None,
        )
    if user is None or not secrets.compare_digest(form.get("password", ""), user.password):
        raise _Reject(401, 1001, "User could not be authenticated")
    if user.two_factor_code is not None:
        code = form.get("verificationCode")
        if not code:
            raise _Reject(401, 1029, "Please enter the verification code")
        if code != user.two_factor_code:
            raise _Reject(401, 1030, "Invalid verification code")
    return JSONResponse(_user_wire(user, user.token), status_code=201)


async def user_info(fake: FakePlexTV, request: Request, client: str) -> Response:
    with fake._lock:
        user, token = fake._user_for(request)
    return JSONResponse(_user_wire(user, token))


ENDPOINTS = (
    Endpoint("/api/v2/users/signin", "POST", signin),
    Endpoint("/api/v2/user", "GET", user_info),
)
