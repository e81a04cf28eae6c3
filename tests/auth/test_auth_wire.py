"""What each plex.tv call puts on the wire (pytest-httpx), identical for PlexTV and AsyncPlexTV.

Each case registers plex.tv's answers, makes one call and checks every request sent: method,
exact URL (query string included), the X-Plex-* identity headers, the token header and body.
The same cases run on the sync session and on the async one (under asyncio and trio).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import jwt
import pytest
from pytest_httpx import HTTPXMock

from plexkit.auth import AsyncPlexTV, DeviceKey, PlexTV
from plexkit.config import ClientIdentity
from plexkit.errors import (
    InvalidSignatureError,
    PinExpiredError,
    ServerError,
    TokenExpiredError,
    TransportError,
    TwoFactorRequiredError,
    UnauthorizedError,
)

DATA = Path(__file__).parent / "data"
CLIENT_ID = "3f9c2b1e-plexkit-test"
IDENTITY_HEADERS = {
    "X-Plex-Client-Identifier": CLIENT_ID,
    "X-Plex-Product": "plexkit tests",
    "X-Plex-Version": "9.9.9",
    "X-Plex-Platform": "Linux",
    "X-Plex-Platform-Version": "6.1",
    "X-Plex-Device": "PC",
    "X-Plex-Device-Name": "test box",
    "Accept": "application/json",
}
KEY = DeviceKey.generate()
PIN_JSON = json.loads((DATA / "plexapirs_pins_new.json").read_text())
# Distinct token values: every token plexkit reads is registered for log redaction process-wide.
USER_JSON = {
    **json.loads((DATA / "plexapirs_user_info_plexpass.json").read_text()),
    "authToken": "tok-signed-in-1",
}
RESOURCES_JSON = [
    {**resource, "accessToken": "tok-resource-1"}
    for resource in json.loads((DATA / "plexapirs_resources.json").read_text())
]
TWO_FACTOR = {"errors": [{"code": 1029, "message": "Please enter the verification code"}]}
BAD_LOGIN = {"errors": [{"code": 1001, "message": "User could not be authenticated"}]}


@dataclass
class Sent:
    """One expected request."""

    method: str
    url: str
    token: str | None = None
    form: dict[str, str] | None = None
    json: Any = None


@dataclass
class Case:
    name: str
    answers: list[dict[str, Any]]
    call: Callable[[Any], Any]
    sent: list[Sent]
    result: Callable[[Any], bool] = lambda _r: True
    raises: type[BaseException] | None = None
    extra: Callable[[list[httpx.Request]], None] = field(default=lambda _r: None)


def _device_jwt_checks(requests: list[httpx.Request]) -> None:
    """The exchanged device JWT is signed by KEY and carries the nonce plex.tv just gave."""
    device_jwt = json.loads(requests[1].content)["jwt"]
    claims = jwt.decode(
        device_jwt,
        jwt.PyJWK.from_dict(KEY.public_jwk()),
        algorithms=["EdDSA"],
        audience="plex.tv",
        issuer=CLIENT_ID,
    )
    assert claims["nonce"] == "7c415b56-8f48-488a-98ab-847ef4460442"
    assert claims["scope"] == "username,email,friendly_name"
    assert claims["exp"] - claims["iat"] == 300
    assert jwt.get_unverified_header(device_jwt)["kid"] == KEY.kid


CASES = [
    Case(
        "sign_in",
        [{"status_code": 201, "json": USER_JSON}],
        lambda tv: tv.sign_in("ann@example.com", "pa ss&word=1", "123456"),
        [
            Sent(
                "POST",
                "https://plex.tv/api/v2/users/signin",
                form={
                    "login": "ann@example.com",
                    "password": "pa ss&word=1",
                    "rememberMe": "true",
                    "verificationCode": "123456",
                },
            )
        ],
        result=lambda account: account.auth_token == "tok-signed-in-1" and account.id == 12345,
    ),
    Case(
        "sign_in needs a code",
        [{"status_code": 401, "json": TWO_FACTOR}],
        lambda tv: tv.sign_in("ann", "pw-123456"),
        [
            Sent(
                "POST",
                "https://plex.tv/api/v2/users/signin",
                form={"login": "ann", "password": "pw-123456", "rememberMe": "true"},
            )
        ],
        raises=TwoFactorRequiredError,
    ),
    Case(
        "sign_in wrong password",
        [{"status_code": 401, "json": BAD_LOGIN}],
        lambda tv: tv.sign_in("ann", "wrong-password"),
        [
            Sent(
                "POST",
                "https://plex.tv/api/v2/users/signin",
                form={"login": "ann", "password": "wrong-password", "rememberMe": "true"},
            )
        ],
        raises=UnauthorizedError,
    ),
    Case(
        "check_token valid",
        [{"json": USER_JSON}],
        lambda tv: tv.check_token("legacy-token-1"),
        [Sent("GET", "https://plex.tv/api/v2/user", token="legacy-token-1")],
        result=lambda ok: ok is True,
    ),
    Case(
        "check_token 401 is invalid",
        [{"status_code": 401, "json": BAD_LOGIN}],
        lambda tv: tv.check_token("legacy-token-1"),
        [Sent("GET", "https://plex.tv/api/v2/user", token="legacy-token-1")],
        result=lambda ok: ok is False,
    ),
    Case(
        "check_token 500 is an error, not invalid",
        [{"status_code": 500, "text": "oops"}],
        lambda tv: tv.check_token("legacy-token-1"),
        [Sent("GET", "https://plex.tv/api/v2/user", token="legacy-token-1")],
        raises=ServerError,
    ),
    Case(
        "check_token 498 is an expired JWT",
        [{"status_code": 498, "json": {"errors": [{"message": "Token Expired"}]}}],
        lambda tv: tv.check_token("legacy-token-1"),
        [Sent("GET", "https://plex.tv/api/v2/user", token="legacy-token-1")],
        raises=TokenExpiredError,
    ),
    Case(
        "strong PIN",
        [{"status_code": 201, "json": PIN_JSON}],
        lambda tv: tv.create_pin(strong=True),
        [Sent("POST", "https://plex.tv/api/v2/pins?strong=true")],
        result=lambda pin: (pin.id, pin.code) == (111222333, "CODE"),
    ),
    Case(
        "4-character PIN",
        [{"status_code": 201, "json": PIN_JSON}],
        lambda tv: tv.create_pin(strong=False),
        [Sent("POST", "https://plex.tv/api/v2/pins")],
    ),
    Case(
        "JWT PIN",
        [{"status_code": 201, "json": PIN_JSON}],
        lambda tv: tv.create_pin(strong=True, key=KEY),
        [
            Sent(
                "POST",
                "https://clients.plex.tv/api/v2/pins",
                json={"jwk": KEY.public_jwk(), "strong": True},
            )
        ],
    ),
    Case(
        "4-character JWT PIN",
        [{"status_code": 201, "json": PIN_JSON}],
        lambda tv: tv.create_pin(strong=False, key=KEY),
        [Sent("POST", "https://clients.plex.tv/api/v2/pins", json={"jwk": KEY.public_jwk()})],
    ),
    Case(
        "classic PIN check",
        [{"json": {**PIN_JSON, "authToken": "tok-from-pin"}}],
        lambda tv: tv.get_pin(111222333),
        [Sent("GET", "https://plex.tv/api/v2/pins/111222333")],
        result=lambda pin: pin.auth_token == "tok-from-pin",
    ),
    Case(
        "JWT PIN check",
        [{"json": PIN_JSON}],
        lambda tv: tv.get_pin(111222333, device_jwt="eyJh.eyJi.c2ln"),
        [Sent("GET", "https://clients.plex.tv/api/v2/pins/111222333?deviceJWT=eyJh.eyJi.c2ln")],
        result=lambda pin: pin.auth_token is None,
    ),
    Case(
        "expired PIN",
        [
            {
                "status_code": 404,
                "json": {"errors": [{"code": 1020, "message": "Code not found or expired"}]},
            }
        ],
        lambda tv: tv.get_pin(111222333),
        [Sent("GET", "https://plex.tv/api/v2/pins/111222333")],
        raises=PinExpiredError,
    ),
    Case(
        "register a key with a legacy token",
        [{"status_code": 204}],
        lambda tv: tv.register_key("legacy-token-1", KEY),
        [
            Sent(
                "POST",
                "https://clients.plex.tv/api/v2/auth/jwk",
                token="legacy-token-1",
                json={"jwk": KEY.public_jwk()},
            )
        ],
    ),
    Case(
        "refresh: nonce, signed device JWT, exchange (snake_case auth_token)",
        [
            {"json": {"nonce": "7c415b56-8f48-488a-98ab-847ef4460442"}},
            {"json": {"auth_token": "eyJ.new.plex-jwt"}},
        ],
        lambda tv: tv.refresh_jwt(KEY, verify=False),
        [
            Sent("GET", "https://clients.plex.tv/api/v2/auth/nonce"),
            Sent("POST", "https://clients.plex.tv/api/v2/auth/token", json=Ellipsis),
        ],
        result=lambda token: token == "eyJ.new.plex-jwt",
        extra=_device_jwt_checks,
    ),
    Case(
        "exchange refused: 422",
        [
            {"json": {"nonce": "n-1"}},
            {
                "status_code": 422,
                "json": {"errors": [{"message": "Signature Verification Failed"}]},
            },
        ],
        lambda tv: tv.refresh_jwt(KEY, verify=False),
        [
            Sent("GET", "https://clients.plex.tv/api/v2/auth/nonce"),
            Sent("POST", "https://clients.plex.tv/api/v2/auth/token", json=Ellipsis),
        ],
        raises=InvalidSignatureError,
    ),
    Case(
        "resources",
        [{"json": RESOURCES_JSON}],
        lambda tv: tv.resources("legacy-token-1"),
        [
            Sent(
                "GET",
                "https://clients.plex.tv/api/v2/resources"
                "?includeHttps=1&includeRelay=1&includeIPv6=1",
                token="legacy-token-1",
            )
        ],
        result=lambda found: [r.name for r in found] == ["Box"],
    ),
]


def _answer(httpx_mock: HTTPXMock, case: Case) -> None:
    for answer in case.answers:
        httpx_mock.add_response(**answer)


def _check(case: Case, requests: list[httpx.Request]) -> None:
    assert len(requests) == len(case.sent)
    for request, sent in zip(requests, case.sent, strict=True):
        assert (request.method, str(request.url)) == (sent.method, sent.url)
        for name, value in IDENTITY_HEADERS.items():
            assert request.headers.get(name) == value, name
        assert request.headers.get("X-Plex-Token") == sent.token
        assert "X-Plex-Token" not in str(request.url)
        if sent.form is not None:
            assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
            assert dict(parse_qsl(request.content.decode(), keep_blank_values=True)) == sent.form
            assert list(dict(parse_qsl(request.content.decode()))) == list(sent.form)
        elif sent.json is Ellipsis:
            assert request.headers["Content-Type"] == "application/json"
        elif sent.json is not None:
            assert request.headers["Content-Type"] == "application/json"
            assert json.loads(request.content) == sent.json
        else:
            assert request.content == b""
    case.extra(requests)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_sync_wire(case: Case, httpx_mock: HTTPXMock, identity: ClientIdentity) -> None:
    _answer(httpx_mock, case)
    with PlexTV(identity) as plextv:
        if case.raises is not None:
            with pytest.raises(case.raises):
                case.call(plextv)
        else:
            assert case.result(case.call(plextv))
    _check(case, httpx_mock.get_requests())


@pytest.mark.anyio
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
async def test_async_wire(case: Case, httpx_mock: HTTPXMock, identity: ClientIdentity) -> None:
    _answer(httpx_mock, case)
    async with AsyncPlexTV(identity) as plextv:
        if case.raises is not None:
            with pytest.raises(case.raises):
                await case.call(plextv)
        else:
            assert case.result(await case.call(plextv))
    _check(case, httpx_mock.get_requests())


def test_base_urls_are_configurable(httpx_mock: HTTPXMock, identity: ClientIdentity) -> None:
    httpx_mock.add_response(url="http://fake.local/tv/api/v2/user", json=USER_JSON)
    httpx_mock.add_response(url="http://fake.local/clients/api/v2/auth/nonce", json={"nonce": "n"})
    with PlexTV(
        identity, plextv_url="http://fake.local/tv/", clients_url="http://fake.local/clients"
    ) as plextv:
        assert plextv.check_token("legacy-token-1")
        assert plextv.nonce() == "n"


def test_unreachable_plextv_is_a_transport_error(
    httpx_mock: HTTPXMock, identity: ClientIdentity
) -> None:
    httpx_mock.add_exception(httpx.ConnectError("connection refused"))
    with PlexTV(identity) as plextv, pytest.raises(TransportError) as caught:
        plextv.check_token("legacy-token-1")
    assert "legacy-token-1" not in str(caught.value)
