"""The fake plex.tv itself: real field names, real status codes, real JWT checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest

from plexkit.auth import DeviceKey
from plexkit.auth.models import decode, parse_resources
from plexkit.config import ClientIdentity
from plexkit.testing.plextv import FakeClock, FakeConnection, FakePlexTV, FakeUser

DATA = Path(__file__).parent / "data"
PASSWORD = "correct horse battery"


@pytest.fixture
def client(fake: FakePlexTV, identity: ClientIdentity) -> httpx.Client:
    return httpx.Client(
        transport=fake.sync_transport(),
        base_url="https://clients.plex.tv",
        headers={**identity.headers(), "Accept": "application/json"},
    )


def errors(response: httpx.Response) -> list[dict[str, Any]]:
    return response.json()["errors"]  # type: ignore[no-any-return]


def device_jwt(key: DeviceKey, issued: str, client_id: str, now: float, **changes: Any) -> str:
    claims = {
        "nonce": issued,
        "scope": "username",
        "aud": "plex.tv",
        "iss": client_id,
        "iat": int(now),
        "exp": int(now) + 300,
        **changes,
    }
    return key.sign_jwt(claims)


def test_field_names_mirror_real_captures(
    client: httpx.Client, fake: FakePlexTV, user: FakeUser
) -> None:
    pin = client.post("/api/v2/pins").json()
    captured = set(json.loads((DATA / "plexapirs_pins_new.json").read_text()))
    assert set(pin) == captured | {"qr"}  # newer plex.tv adds "qr" (plextv-auth-facts.json)
    fake.add_server(
        "nas",
        client_identifier="m",
        access_token="t",
        connections=[FakeConnection("http://10.0.0.2:32400")],
    )
    (resource,) = client.get("/api/v2/resources", headers={"X-Plex-Token": user.token}).json()
    (real,) = json.loads((DATA / "plexapirs_resources.json").read_text())
    assert set(resource) == set(real)
    assert set(resource["connections"][0]) == set(real["connections"][0])
    account = client.post("/api/v2/users/signin", data={"login": "ann", "password": PASSWORD})
    assert account.status_code == 201
    real_user = json.loads((DATA / "plexapirs_user_info_plexpass.json").read_text())
    assert set(account.json()) <= set(real_user)
    assert {"id", "uuid", "username", "email", "authToken", "twoFactorEnabled"} <= set(
        account.json()
    )


def test_missing_client_identifier(fake: FakePlexTV) -> None:
    bare = httpx.Client(transport=fake.sync_transport(), base_url="https://plex.tv")
    response = bare.post("/api/v2/pins")
    assert response.status_code == 400
    assert errors(response)[0]["message"] == "X-Plex-Client-Identifier is missing"
    assert bare.get("/api/v2/auth/nonce").status_code == 422
    assert bare.get("/api/v2/auth/keys").status_code == 200
    # The identifier may come as a query parameter, like every X-Plex-* header.
    assert bare.post("/api/v2/pins?X-Plex-Client-Identifier=abc").status_code == 201


def test_tokens_401_and_expired_jwts_498(
    client: httpx.Client, fake: FakePlexTV, clock: FakeClock, user: FakeUser
) -> None:
    assert client.get("/api/v2/user").status_code == 401
    assert client.get("/api/v2/user", headers={"X-Plex-Token": "nope-nope"}).status_code == 401
    assert client.get("/api/v2/user", headers={"X-Plex-Token": user.token}).status_code == 200
    token = fake.issue_jwt(user, client_identifier="c", kid="k", scope="")
    assert client.get("/api/v2/user", headers={"X-Plex-Token": token}).status_code == 200
    clock.advance(7 * 86_400)
    expired = client.get("/api/v2/user", headers={"X-Plex-Token": token})
    assert expired.status_code == 498 and errors(expired)[0]["message"] == "Token Expired"
    forged = jwt.encode(
        {"user": {"id": user.id}, "exp": clock() + 99},
        DeviceKey.generate().private_jwk()["d"],
        algorithm="HS256",
    )
    assert client.get("/api/v2/user", headers={"X-Plex-Token": forged}).status_code == 401


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"aud": "example.com"}, "Invalid audience"),
        ({"iss": "someone-else"}, "Invalid issuer"),
        ({"exp": 0}, "Device JWT expired"),
        ({"nonce": "never-issued"}, "Invalid or reused nonce"),
    ],
)
def test_device_jwt_checks(
    client: httpx.Client,
    fake: FakePlexTV,
    user: FakeUser,
    identity: ClientIdentity,
    changes: dict[str, Any],
    message: str,
) -> None:
    key = DeviceKey.generate()
    headers = {"X-Plex-Token": user.token}
    assert (
        client.post("/api/v2/auth/jwk", json={"jwk": key.public_jwk()}, headers=headers).status_code
        == 204
    )
    nonce = client.get("/api/v2/auth/nonce").json()["nonce"]
    bad = device_jwt(key, nonce, identity.client_identifier, fake.clock(), **changes)
    response = client.post("/api/v2/auth/token", json={"jwt": bad})
    assert response.status_code == 422 and errors(response)[0]["message"] == message


def test_stale_nonce_and_taken_thumbprint(
    client: httpx.Client,
    fake: FakePlexTV,
    clock: FakeClock,
    user: FakeUser,
    identity: ClientIdentity,
) -> None:
    key = DeviceKey.generate()
    jwk = {"jwk": key.public_jwk()}
    assert (
        client.post("/api/v2/auth/jwk", json=jwk, headers={"X-Plex-Token": user.token}).status_code
        == 204
    )
    nonce = client.get("/api/v2/auth/nonce").json()["nonce"]
    clock.advance(301)
    late = device_jwt(key, nonce, identity.client_identifier, clock())
    assert client.post("/api/v2/auth/token", json={"jwt": late}).status_code == 422
    other_device = client.post(
        "/api/v2/auth/jwk",
        json=jwk,
        headers={"X-Plex-Token": user.token, "X-Plex-Client-Identifier": "another-device"},
    )
    assert other_device.status_code == 422
    assert errors(other_device)[0]["message"] == "Thumbprint Already Taken"
    private = {"jwk": key.private_jwk()}
    assert (
        client.post(
            "/api/v2/auth/jwk", json=private, headers={"X-Plex-Token": user.token}
        ).status_code
        == 400
    )


def test_pins_belong_to_their_client_and_expire(
    client: httpx.Client, fake: FakePlexTV, clock: FakeClock
) -> None:
    pin = client.post("/api/v2/pins?strong=true").json()
    assert len(pin["code"]) == 25 and pin["expiresIn"] == 1800
    short = client.post("/api/v2/pins").json()
    assert len(short["code"]) == 4 and short["expiresIn"] == 900
    other = client.get(
        f"/api/v2/pins/{pin['id']}", headers={"X-Plex-Client-Identifier": "someone-else"}
    )
    assert other.status_code == 404
    clock.advance(900)
    assert client.get(f"/api/v2/pins/{short['id']}").status_code == 404
    assert client.get(f"/api/v2/pins/{pin['id']}").json()["expiresIn"] == 900
    with pytest.raises(LookupError):
        fake.approve_pin(short["code"])


def test_resources_honour_the_include_flags_and_speak_xml(
    client: httpx.Client, fake: FakePlexTV, user: FakeUser
) -> None:
    fake.add_server(
        "nas",
        client_identifier="m",
        access_token="t",
        connections=[
            FakeConnection("http://10.0.0.2:32400"),
            FakeConnection("https://10-0-0-2.abc.plex.direct:32400"),
            FakeConnection("https://fd00--2.abc.plex.direct:32400", ipv6=True),
            FakeConnection("https://1-2-3-4.abc.plex.direct:8443", local=False, relay=True),
        ],
    )
    token = {"X-Plex-Token": user.token}
    (plain,) = client.get("/api/v2/resources", headers=token).json()
    assert [c["uri"] for c in plain["connections"]] == ["http://10.0.0.2:32400"]
    query = "?includeHttps=1&includeRelay=1&includeIPv6=1"
    (full,) = client.get("/api/v2/resources" + query, headers=token).json()
    assert [c["address"] for c in full["connections"]] == [
        "10.0.0.2",
        "10.0.0.2",
        "fd00::2",
        "1.2.3.4",
    ]
    xml = client.get("/api/v2/resources" + query, headers={**token, "Accept": "application/xml"})
    assert xml.text.startswith("<?xml")
    (parsed,) = parse_resources(decode(xml.content, xml.headers["content-type"]))
    assert parsed.access_token == "t" and len(parsed.connections) == 4
    assert parsed.connections[2].ipv6 and parsed.connections[3].relay
