"""The fake plex.tv's records (accounts, PINs, servers, keys), its clock and its error shape."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from starlette.responses import JSONResponse, Response

JWT_LIFETIME = 7 * 86_400
NONCE_LIFETIME = 300
STRONG_PIN_LIFETIME = 1_800
SHORT_PIN_LIFETIME = 900
_LEEWAY = 60
_STRONG_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
_SHORT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_NO_CLIENT_ID = "X-Plex-Client-Identifier is missing"


class FakeClock:
    """A clock that only moves when told to: ``clock.advance(3600)`` (starts at the real time)."""

    def __init__(self, start: float | None = None) -> None:
        self.now = time.time() if start is None else start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class FakeUser:
    """A plex.tv account; ``token`` is its legacy token."""

    id: int
    username: str
    email: str
    password: str
    token: str
    uuid: str = field(default_factory=lambda: secrets.token_hex(8))
    two_factor_code: str | None = None
    friendly_name: str = ""
    joined_at: int = 1_339_124_759


@dataclass
class FakePin:
    """A PIN; ``user_id`` is set once approved, ``jwk`` for PINs of the JWT flow."""

    id: int
    code: str
    client_identifier: str
    product: str
    strong: bool
    created_at: float
    expires_in: int
    jwk: dict[str, Any] | None = None
    user_id: int | None = None
    issued_token: str | None = None


@dataclass
class FakeConnection:
    """One connection of a resource, as ``/api/v2/resources`` lists it.

    ``address`` defaults to the URI's host, or for ``<a-b-c-d>.<hash>.plex.direct`` hosts to
    the IP the name stands for, as plex.tv lists it.
    """

    uri: str
    local: bool = True
    relay: bool = False
    ipv6: bool = False
    address: str | None = None

    def wire(self) -> dict[str, Any]:
        parts = urlsplit(self.uri)
        default_port = 443 if parts.scheme == "https" else 80
        host = parts.hostname or ""
        if self.address is None and host.endswith(".plex.direct"):
            label = host.split(".", 1)[0]
            host = label.replace("-", ":") if self.ipv6 else label.replace("-", ".")
        return {
            "protocol": parts.scheme,
            "address": self.address or host,
            "port": parts.port or default_port,
            "uri": self.uri,
            "local": self.local,
            "relay": self.relay,
            "IPv6": self.ipv6,
        }


@dataclass
class FakeResource:
    """A device on every account: by default an owned Plex Media Server."""

    name: str
    client_identifier: str
    access_token: str
    connections: list[FakeConnection]
    owned: bool = True
    provides: str = "server"
    product: str = "Plex Media Server"
    https_required: bool = False

    def wire(self, *, https: bool, relay: bool, ipv6: bool) -> dict[str, Any]:
        connections = [
            c.wire()
            for c in self.connections
            if (https or not c.uri.startswith("https:"))
            and (relay or not c.relay)
            and (ipv6 or not c.ipv6)
        ]
        return {
            "name": self.name,
            "product": self.product,
            "productVersion": "1.41.3.9314-a0bfb8370",
            "platform": "Linux",
            "platformVersion": "6.1.0",
            "device": "PC",
            "clientIdentifier": self.client_identifier,
            "createdAt": "2024-01-01T12:00:00Z",
            "lastSeenAt": "2025-06-01T12:00:00Z",
            "provides": self.provides,
            "ownerId": None if self.owned else 2,
            "sourceTitle": None if self.owned else "friend",
            "publicAddress": "203.0.113.3",
            "accessToken": self.access_token,
            "owned": self.owned,
            "home": False,
            "synced": False,
            "relay": any(c.relay for c in self.connections),
            "presence": True,
            "httpsRequired": self.https_required,
            "publicAddressMatches": False,
            "dnsRebindingProtection": False,
            "natLoopbackSupported": False,
            "connections": connections,
        }


@dataclass
class FakeFriend:
    """A user connected to an account (``owner_id``): a friend or shared user, or with
    ``home`` a member of its Plex Home; a ``managed`` user has no username or e-mail.
    ``servers`` are the resources shared with them."""

    id: int
    owner_id: int
    title: str
    username: str = ""
    email: str = ""
    home: bool = False
    managed: bool = False
    protected: bool = False
    restriction_profile: str = ""
    servers: list[FakeResource] = field(default_factory=list)
    uuid: str = field(default_factory=lambda: secrets.token_hex(8))


@dataclass
class _RegisteredKey:
    jwk: dict[str, Any]
    client_identifier: str
    user_id: int
    legacy_token: str | None


class _Reject(Exception):
    """An error answer: plex.tv's ``{"errors": [{code, message, status}]}`` shape."""

    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message

    def response(self) -> Response:
        body = {"errors": [{"code": self.code, "message": self.message, "status": self.status}]}
        return JSONResponse(body, status_code=self.status)
