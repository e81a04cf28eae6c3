"""``FakePlexTV``: the fake's state, its test controls and its token checks."""

from __future__ import annotations

import secrets
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from typing import Any

import anyio
import httpx
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from starlette.requests import Request

from plexkit.testing.plextv.app import create_plextv_app
from plexkit.testing.plextv.models import (
    _LEEWAY,
    JWT_LIFETIME,
    NONCE_LIFETIME,
    FakeConnection,
    FakeFriend,
    FakePin,
    FakeResource,
    FakeUser,
    _RegisteredKey,
    _Reject,
)
from plexkit.testing.plextv.wire import _b64url


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
        self.friends: list[FakeFriend] = []
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

    def add_friend(
        self,
        owner: FakeUser,
        title: str,
        *,
        username: str | None = None,
        email: str | None = None,
        home: bool = False,
        managed: bool = False,
        protected: bool = False,
        restriction_profile: str = "",
        servers: list[FakeResource] | None = None,
    ) -> FakeFriend:
        """A user connected to ``owner``: listed by ``/api/users`` and, with ``home`` (or
        ``managed``: a managed user is always a home member), by ``/api/home/users``."""
        if managed:
            username, email, home = "", "", True
        else:
            username = username if username is not None else title.lower().replace(" ", "")
            email = email if email is not None else f"{username}@example.com"
        with self._lock:
            friend = FakeFriend(
                id=20_000 + len(self.friends),
                owner_id=owner.id,
                title=title,
                username=username,
                email=email,
                home=home,
                managed=managed,
                protected=protected,
                restriction_profile=restriction_profile,
                servers=list(servers if servers is not None else self.resources),
            )
            self.friends.append(friend)
        return friend

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
