"""A fake plex.tv and clients.plex.tv: accounts, sign-in, PINs, JWT/JWK and resources.

One Starlette app serves both hosts (point ``plextv_url`` and ``clients_url`` at it, or give
plexkit its transport). It behaves like the real services where plexkit relies on it: a missing
``X-Plex-Client-Identifier`` is a 400 (a 422 for ``/auth/nonce``), a wrong token a 401, an
expired Plex JWT a 498; device JWTs are verified for real (Ed25519 signature against the
registered JWK, single-use nonce, audience, issuer, expiry) and the Plex JWTs it issues are real
EdDSA JWTs signed with its own key, listed at ``/auth/keys``. Time comes from ``clock`` so tests
can expire PINs, nonces and tokens without waiting.

>>> fake = FakePlexTV(clock=FakeClock())
>>> user = fake.add_user("ann", "s3cret-pass", email="ann@example.com")
>>> transport = fake.transport()            # httpx.AsyncClient / AsyncPlexTV(transport=...)
>>> fake.approve_pin(pin_code, token=user.token)   # what the user does in the Auth App
>>> fake.calls["/api/v2/auth/token"]        # how many refreshes reached plex.tv
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, TypeGuard
from urllib.parse import parse_qsl, urlsplit
from xml.etree import ElementTree

import anyio
import httpx
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

__all__ = [
    "FakeClock",
    "FakeConnection",
    "FakePin",
    "FakePlexTV",
    "FakeResource",
    "FakeUser",
    "create_plextv_app",
    "serve",
]

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


class FakePlexTV:
    """The fake's state (users, PINs, keys, nonces, resources) and its ASGI ``app``.

    ``calls`` counts requests per path, ``device_jwts`` keeps the device JWTs it checked.
    ``retire_legacy_tokens`` mirrors plex.tv retiring the
    legacy token that registered a key once the first JWT for that key is issued.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.time,
        jwt_lifetime: int = JWT_LIFETIME,
        retire_legacy_tokens: bool = True,
    ) -> None:
        self.clock = clock
        self.jwt_lifetime = jwt_lifetime
        self.retire_legacy_tokens = retire_legacy_tokens
        self.users: list[FakeUser] = []
        self.pins: dict[int, FakePin] = {}
        self.resources: list[FakeResource] = []
        self.keys: dict[str, _RegisteredKey] = {}
        self.nonces: dict[str, float] = {}
        self.calls: Counter[str] = Counter()
        self.expired: set[str] = set()
        self.device_jwts: list[str] = []
        self._legacy: dict[str, int] = {}
        self._lock = threading.Lock()
        self._signing_key = Ed25519PrivateKey.generate()
        self.signing_kid = _b64url(secrets.token_bytes(32))
        self.app = create_plextv_app(self)

    # -- test controls -----------------------------------------------------------------------

    def add_user(
        self,
        username: str,
        password: str,
        *,
        email: str | None = None,
        two_factor_code: str | None = None,
        token: str | None = None,
    ) -> FakeUser:
        """A new account that can sign in with ``username`` or ``email``."""
        with self._lock:
            user = FakeUser(
                id=10_000 + len(self.users),
                username=username,
                email=email or f"{username}@example.com",
                password=password,
                token=token or secrets.token_urlsafe(15),
                two_factor_code=two_factor_code,
                friendly_name=username.title(),
            )
            self.users.append(user)
            self._legacy[user.token] = user.id
        return user

    def add_server(
        self,
        name: str,
        *,
        client_identifier: str,
        access_token: str,
        connections: list[FakeConnection],
        owned: bool = True,
        https_required: bool = False,
    ) -> FakeResource:
        """List a server (with its connections and own access token) in ``/api/v2/resources``."""
        resource = FakeResource(
            name=name,
            client_identifier=client_identifier,
            access_token=access_token,
            connections=connections,
            owned=owned,
            https_required=https_required,
        )
        with self._lock:
            self.resources.append(resource)
        return resource

    def approve_pin(self, id_or_code: int | str, *, token: str | None = None) -> FakePin:
        """What the user does in the Auth App or at plex.tv/link: claim the PIN for the account
        of ``token`` (default: the first user)."""
        with self._lock:
            pin = next(
                (p for p in self.pins.values() if id_or_code in (p.id, p.code)),
                None,
            )
            if pin is None or self._expired(pin):
                raise LookupError(f"no live PIN {id_or_code!r}")
            user = self._legacy_user(token) if token else (self.users[0] if self.users else None)
            if user is None:
                raise LookupError("no such account to approve the PIN with")
            pin.user_id = user.id
            return pin

    def revoke(self, token: str) -> None:
        """Stop accepting a legacy token."""
        with self._lock:
            self._legacy.pop(token, None)

    def expire(self, token: str) -> None:
        """Answer 498 to a Plex JWT from now on, whatever its ``exp`` says (clock skew,
        server-side expiry): what a client sees when plex.tv considers its token expired."""
        with self._lock:
            self.expired.add(token)

    def issue_jwt(self, user: FakeUser, *, client_identifier: str, kid: str, scope: str) -> str:
        """A Plex JWT for ``user`` on the device key ``kid``, signed with the fake's key."""
        now = int(self.clock())
        wanted = set(filter(None, scope.split(",")))
        fields = {
            "username": user.username,
            "email": user.email,
            "friendly_name": user.friendly_name,
            "restricted": False,
            "anonymous": False,
            "joinedAt": user.joined_at,
        }
        claims = {
            "user": {
                "id": user.id,
                "uuid": user.uuid,
                **{k: v for k, v in fields.items() if k in wanted},
            },
            "scope": scope,
            "thumbprint": kid,
            "iss": "plex.tv",
            "aud": ["plex.tv", client_identifier],
            "iat": now,
            "exp": now + self.jwt_lifetime,
            "jti": str(uuid.uuid4()),
        }
        return jwt.encode(
            claims,
            self._signing_key,
            algorithm="EdDSA",
            headers={"kid": self.signing_kid, "typ": "JWT"},
        )

    def public_jwks(self) -> dict[str, Any]:
        """The key set ``/api/v2/auth/keys`` serves."""
        raw = self._signing_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        jwk = {"kty": "OKP", "crv": "Ed25519", "x": _b64url(raw)}
        return {"keys": [{**jwk, "use": "sig", "alg": "EdDSA", "kid": self.signing_kid}]}

    # -- transports ----------------------------------------------------------------------------

    def transport(self) -> httpx.AsyncBaseTransport:
        """An in-process transport for async httpx clients (every host goes to the fake)."""
        return httpx.ASGITransport(app=self.app)

    def sync_transport(self) -> httpx.BaseTransport:
        """An in-process transport for sync httpx clients; each request runs the app on its own
        event loop, so it is safe to share between threads."""
        asgi = httpx.ASGITransport(app=self.app)

        async def forward(request: httpx.Request) -> httpx.Response:
            copy = httpx.Request(
                request.method, request.url, headers=request.headers, content=request.content
            )
            response = await asgi.handle_async_request(copy)
            content = await response.aread()
            return httpx.Response(response.status_code, headers=response.headers, content=content)

        def handle(request: httpx.Request) -> httpx.Response:
            request.read()
            return anyio.run(forward, request)

        return httpx.MockTransport(handle)

    # -- request handling (called by the app) --------------------------------------------------

    def _expired(self, pin: FakePin) -> bool:
        return self.clock() >= pin.created_at + pin.expires_in

    def _legacy_user(self, token: str | None) -> FakeUser | None:
        user_id = self._legacy.get(token or "")
        return next((u for u in self.users if u.id == user_id), None)

    def _user_for(self, request: Request) -> tuple[FakeUser, str]:
        """The account of the request's token (legacy or Plex JWT) and the token; 401 or 498."""
        token = request.headers.get("X-Plex-Token") or request.query_params.get("X-Plex-Token")
        if not token:
            raise _Reject(401, 1001, "User could not be authenticated")
        user = self._legacy_user(token)
        if user is not None:
            return user, token
        try:
            claims = jwt.decode(
                token,
                self._signing_key.public_key(),
                algorithms=["EdDSA"],
                options={"verify_exp": False, "verify_aud": False, "verify_iat": False},
            )
        except jwt.PyJWTError:
            raise _Reject(401, 1001, "User could not be authenticated") from None
        if claims.get("exp", 0) <= self.clock() or token in self.expired:
            raise _Reject(498, 1003, "Token Expired")
        user_id = claims.get("user", {}).get("id")
        match = next((u for u in self.users if u.id == user_id), None)
        if match is None:
            raise _Reject(401, 1001, "User could not be authenticated")
        return match, token

    def _verify_device_jwt(
        self, device_jwt: str, jwk: dict[str, Any], client_identifier: str
    ) -> dict[str, Any]:
        """Check a device JWT like plex.tv: signature by ``jwk``, audience, issuer, expiry and a
        live, unused nonce (consumed here). Any failure is a 422. Each one seen is kept in
        ``device_jwts``."""
        self.device_jwts.append(device_jwt)
        try:
            header = jwt.get_unverified_header(device_jwt)
            if header.get("alg") != "EdDSA" or header.get("kid") != jwk.get("kid"):
                raise _Reject(422, 1097, "Signature Verification Failed")
            claims = jwt.decode(
                device_jwt,
                jwt.PyJWK.from_dict(jwk),
                algorithms=["EdDSA"],
                options={"verify_exp": False, "verify_aud": False, "verify_iat": False},
            )
        except jwt.PyJWTError:
            raise _Reject(422, 1097, "Signature Verification Failed") from None
        now = self.clock()
        audience = claims.get("aud")
        if "plex.tv" not in (audience if isinstance(audience, list) else [audience]):
            raise _Reject(422, 1098, "Invalid audience")
        if claims.get("iss") != client_identifier:
            raise _Reject(422, 1098, "Invalid issuer")
        if not isinstance(claims.get("exp"), int) or claims["exp"] <= now:
            raise _Reject(422, 1098, "Device JWT expired")
        if not isinstance(claims.get("iat"), int) or claims["iat"] > now + _LEEWAY:
            raise _Reject(422, 1098, "Device JWT issued in the future")
        issued = self.nonces.pop(str(claims.get("nonce")), None)
        if issued is None or now - issued > NONCE_LIFETIME:
            raise _Reject(422, 1099, "Invalid or reused nonce")
        return claims


def create_plextv_app(fake: FakePlexTV) -> Starlette:
    """The Starlette app serving ``fake`` for both plex.tv and clients.plex.tv paths."""

    def endpoint(
        handler: Callable[[Request, str], Awaitable[Response]],
        *,
        needs_client: bool = True,
        missing_client_status: int = 400,
    ) -> Callable[[Request], Awaitable[Response]]:
        async def run(request: Request) -> Response:
            with fake._lock:
                fake.calls[request.url.path] += 1
            client = request.headers.get("X-Plex-Client-Identifier") or request.query_params.get(
                "X-Plex-Client-Identifier", ""
            )
            try:
                if needs_client and not client:
                    raise _Reject(missing_client_status, 1000, _NO_CLIENT_ID)
                return await handler(request, client)
            except _Reject as reject:
                return reject.response()

        return run

    async def signin(request: Request, client: str) -> Response:
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

    async def user_info(request: Request, client: str) -> Response:
        with fake._lock:
            user, token = fake._user_for(request)
        return JSONResponse(_user_wire(user, token))

    async def create_pin(request: Request, client: str) -> Response:
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

    async def check_pin(request: Request, client: str) -> Response:
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

    async def register_jwk(request: Request, client: str) -> Response:
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

    async def nonce(request: Request, client: str) -> Response:
        value = str(uuid.uuid4())
        with fake._lock:
            fake.nonces[value] = fake.clock()
        return JSONResponse({"nonce": value})

    async def exchange(request: Request, client: str) -> Response:
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

    async def keys(request: Request, client: str) -> Response:
        return JSONResponse(fake.public_jwks())

    async def resources(request: Request, client: str) -> Response:
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

    routes = [
        Route("/api/v2/users/signin", endpoint(signin), methods=["POST"]),
        Route("/api/v2/user", endpoint(user_info), methods=["GET"]),
        Route("/api/v2/pins", endpoint(create_pin), methods=["POST"]),
        Route("/api/v2/pins/{pin_id:int}", endpoint(check_pin), methods=["GET"]),
        Route("/api/v2/auth/jwk", endpoint(register_jwk), methods=["POST"]),
        Route("/api/v2/auth/nonce", endpoint(nonce, missing_client_status=422), methods=["GET"]),
        Route("/api/v2/auth/token", endpoint(exchange), methods=["POST"]),
        Route("/api/v2/auth/keys", endpoint(keys, needs_client=False), methods=["GET"]),
        Route("/api/v2/resources", endpoint(resources), methods=["GET"]),
    ]
    return Starlette(routes=routes)


@contextmanager
def serve(app: Any, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Run ``app`` with uvicorn on loopback in a thread; yields its base URL.

    Access logs are off (the fake's URLs carry device JWTs, as the real ones do).
    """
    import uvicorn

    config = uvicorn.Config(app, host=host, port=port, log_config=None, access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="plexkit-fake-plextv", daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the fake server did not start")
            time.sleep(0.01)
        bound = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://{host}:{bound}"
    finally:
        server.should_exit = True
        thread.join()


async def _json_body(request: Request) -> dict[str, Any]:
    """The request's JSON object body ({} when empty); anything else is a 400."""
    raw = await request.body()
    try:
        body = json.loads(raw) if raw.strip() else {}
    except ValueError:
        raise _Reject(400, 1002, "Bad Request") from None
    if not isinstance(body, dict):
        raise _Reject(400, 1002, "Bad Request")
    return body


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _valid_public_jwk(jwk: object) -> TypeGuard[dict[str, Any]]:
    if not isinstance(jwk, dict) or "d" in jwk:
        return False
    if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519" or not jwk.get("kid"):
        return False
    try:
        jwt.PyJWK.from_dict(jwk)
    except jwt.PyJWTError:
        return False
    return True


def _iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _pin_wire(fake: FakePlexTV, pin: FakePin, token: str | None) -> dict[str, Any]:
    """A PIN as plex.tv sends it (field names from a real ``/api/v2/pins`` capture)."""
    expires_at = pin.created_at + pin.expires_in
    return {
        "id": pin.id,
        "code": pin.code,
        "product": pin.product,
        "trusted": False,
        "qr": f"https://plex.tv/api/v2/pins/qr/{pin.code}",
        "clientIdentifier": pin.client_identifier,
        "location": {
            "code": "GB",
            "european_union_member": False,
            "continent_code": "EU",
            "country": "United Kingdom",
            "city": "London",
            "time_zone": "Europe/London",
            "postal_code": "N19",
            "in_privacy_restricted_country": True,
            "subdivisions": "England",
            "coordinates": "51.000, -1",
        },
        "expiresIn": max(0, int(expires_at - fake.clock())),
        "createdAt": _iso(pin.created_at),
        "expiresAt": _iso(expires_at),
        "authToken": token,
        "newRegistration": None if token is None else False,
    }


def _user_wire(user: FakeUser, token: str) -> dict[str, Any]:
    """An account as plex.tv sends it (field names from a real ``/api/v2/user`` capture)."""
    return {
        "id": user.id,
        "uuid": user.uuid,
        "username": user.username,
        "title": user.username,
        "email": user.email,
        "friendlyName": user.friendly_name,
        "locale": None,
        "confirmed": True,
        "emailOnlyAuth": False,
        "hasPassword": True,
        "protected": False,
        "thumb": f"https://plex.tv/users/{user.uuid}/avatar?c=1630875354",
        "authToken": token,
        "mailingListStatus": "unsubscribed",
        "mailingListActive": False,
        "scrobbleTypes": "",
        "country": "GB",
        "subscription": {
            "active": False,
            "subscribedAt": None,
            "status": "Inactive",
            "paymentService": None,
            "plan": None,
            "features": [],
        },
        "subscriptionDescription": None,
        "restricted": False,
        "anonymous": None,
        "home": False,
        "guest": False,
        "homeSize": 1,
        "homeAdmin": False,
        "maxHomeSize": 15,
        "rememberExpiresAt": user.joined_at + 10 * 365 * 86_400,
        "profile": {"autoSelectAudio": True, "defaultAudioLanguage": "en"},
        "entitlements": [],
        "roles": [],
        "services": [],
        "twoFactorEnabled": user.two_factor_code is not None,
        "backupCodesCreated": False,
        "joinedAt": user.joined_at,
    }


def _resources_xml(resources: list[dict[str, Any]]) -> bytes:
    """The XML form of a resource list (``<MediaContainer><Device><Connection/>``)."""

    def text(value: Any) -> str:
        if isinstance(value, bool):
            return "1" if value else "0"
        return "" if value is None else str(value)

    root = ElementTree.Element("MediaContainer", size=str(len(resources)))
    for resource in resources:
        attributes = {k: text(v) for k, v in resource.items() if k != "connections"}
        device = ElementTree.SubElement(root, "Device", attributes)
        for connection in resource["connections"]:
            ElementTree.SubElement(
                device, "Connection", {k: text(v) for k, v in connection.items()}
            )
    data: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return data
