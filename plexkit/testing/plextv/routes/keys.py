"""JWT auth: device keys, nonces, the device-JWT exchange and the signing keys."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import jwt
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from plexkit.testing.plextv.endpoint import Endpoint
from plexkit.testing.plextv.models import (
    _RegisteredKey,
    _Reject,
)
from plexkit.testing.plextv.wire import (
    _json_body,
    _valid_public_jwk,
)

if TYPE_CHECKING:
    from plexkit.testing.plextv.state import FakePlexTV


async def register_jwk(fake: FakePlexTV, request: Request, client: str) -> Response:
    jwk = (await _json_body(request)).get("jwk")
    with fake._lock:
        user, token = fake._user_for(request)
        if not _valid_public_jwk(jwk):
            raise _Reject(400, 1002, "Invalid JWK")
        kid = str(jwk["kid"])
        taken = fake.keys.get(kid)
        if taken is not None and (taken.client_identifier, taken.user_id) != (client, user.id):
            raise _Reject(422, 1096, "Thumbprint Already Taken")
        legacy = token if token in fake._legacy else None
        fake.keys[kid] = _RegisteredKey(jwk, client, user.id, legacy_token=legacy)
    return Response(status_code=204)


async def nonce(fake: FakePlexTV, request: Request, client: str) -> Response:
    value = str(uuid.uuid4())
    with fake._lock:
        fake.nonces[value] = fake.clock()
    return JSONResponse({"nonce": value})


async def exchange(fake: FakePlexTV, request: Request, client: str) -> Response:
    device_jwt = (await _json_body(request)).get("jwt")
    if not isinstance(device_jwt, str):
        raise _Reject(400, 1002, "jwt is required")
    try:
        kid = jwt.get_unverified_header(device_jwt).get("kid")
    except jwt.PyJWTError:
        raise _Reject(422, 1097, "Signature Verification Failed") from None
    with fake._lock:
        registered = fake.keys.get(str(kid))
        if registered is None or registered.client_identifier != client:
            raise _Reject(422, 1097, "Signature Verification Failed")
        claims = fake._verify_device_jwt(device_jwt, registered.jwk, client)
        user = next(u for u in fake.users if u.id == registered.user_id)
        token = fake.issue_jwt(
            user, client_identifier=client, kid=str(kid), scope=str(claims.get("scope", ""))
        )
        if fake.retire_legacy_tokens and registered.legacy_token is not None:
            fake._legacy.pop(registered.legacy_token, None)
            registered.legacy_token = None
    return JSONResponse({"auth_token": token})


async def keys(fake: FakePlexTV, request: Request, client: str) -> Response:
    return JSONResponse(fake.public_jwks())


ENDPOINTS = (
    Endpoint("/api/v2/auth/jwk", "POST", register_jwk),
    Endpoint("/api/v2/auth/nonce", "GET", nonce, missing_client_status=422),
    Endpoint("/api/v2/auth/token", "POST", exchange),
    Endpoint("/api/v2/auth/keys", "GET", keys, needs_client=False),
)
