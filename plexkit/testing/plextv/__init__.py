"""A fake plex.tv and clients.plex.tv: accounts, sign-in, PINs, JWT/JWK, resources, and an
account's friends and home users (``add_friend``).

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

from plexkit.testing.plextv.app import create_plextv_app, serve
from plexkit.testing.plextv.models import (
    JWT_LIFETIME,
    NONCE_LIFETIME,
    SHORT_PIN_LIFETIME,
    STRONG_PIN_LIFETIME,
    FakeClock,
    FakeConnection,
    FakeFriend,
    FakePin,
    FakeResource,
    FakeUser,
)
from plexkit.testing.plextv.state import FakePlexTV

__all__ = [
    "JWT_LIFETIME",
    "NONCE_LIFETIME",
    "SHORT_PIN_LIFETIME",
    "STRONG_PIN_LIFETIME",
    "FakeClock",
    "FakeConnection",
    "FakeFriend",
    "FakePin",
    "FakePlexTV",
    "FakeResource",
    "FakeUser",
    "create_plextv_app",
    "serve",
]
