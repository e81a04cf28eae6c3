"""PINs: create one, and check it (with a device JWT when it carries a JWK)."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from plexkit.testing.plextv.endpoint import Endpoint
from plexkit.testing.plextv.models import (
    _SHORT_ALPHABET,
    _STRONG_ALPHABET,
    SHORT_PIN_LIFETIME,
    STRONG_PIN_LIFETIME,
    FakePin,
    _RegisteredKey,
    _Reject,
)
from plexkit.testing.plextv.wire import (
    _json_body,
    _pin_wire,
    _valid_public_jwk,
)

if TYPE_CHECKING:
    from plexkit.testing.plextv.state import FakePlexTV


async def create_pin(fake: FakePlexTV, request: Request, client: str) -> Response:
    body = await _json_body(request)
    strong = request.query_params.get("strong") == "true" or body.get("strong") is True
    jwk = body.get("jwk")
    if jwk is not None and not _valid_public_jwk(jwk):
        raise _Reject(400, 1002, "Invalid JWK")
    alphabet, length = (_STRONG_ALPHABET, 25) if strong else (_SHORT_ALPHABET, 4)
    with fake._lock:
        pin = FakePin(
            id=100_000_000 + len(fake.pins),
            code="".join(secrets.choice(alphabet) for _ in range(length)),
            client_identifier=client,
            product=request.headers.get("X-Plex-Product", ""),
            strong=strong,
            created_at=fake.clock(),
            expires_in=STRONG_PIN_LIFETIME if strong else SHORT_PIN_LIFETIME,
            jwk=jwk,
        )
        fake.pins[pin.id] = pin
        return JSONResponse(_pin_wire(fake, pin, None), status_code=201)


async def check_pin(fake: FakePlexTV, request: Request, client: str) -> Response:
    pin_id = int(request.path_params["pin_id"])
    device_jwt = request.query_params.get("deviceJWT")
    with fake._lock:
        pin = fake.pins.get(pin_id)
        if pin is None or fake._expired(pin) or pin.client_identifier != client:
            raise _Reject(404, 1020, "Code not found or expired")
        if pin.user_id is None or pin.issued_token is not None:
            return JSONResponse(_pin_wire(fake, pin, pin.issued_token))
        user = next(u for u in fake.users if u.id == pin.user_id)
        if pin.jwk is None:
            return JSONResponse(_pin_wire(fake, pin, user.token))
        if not device_jwt:
            raise _Reject(400, 1002, "deviceJWT is required for a PIN with a JWK")
        claims = fake._verify_device_jwt(device_jwt, pin.jwk, client)
        kid = str(pin.jwk["kid"])
        fake.keys[kid] = _RegisteredKey(pin.jwk, client, user.id, legacy_token=None)
        pin.issued_token = fake.issue_jwt(
            user, client_identifier=client, kid=kid, scope=str(claims.get("scope", ""))
        )
        return JSONResponse(_pin_wire(fake, pin, pin.issued_token))


ENDPOINTS = (
    Endpoint("/api/v2/pins", "POST", create_pin),
    Endpoint("/api/v2/pins/{pin_id:int}", "GET", check_pin),
)
