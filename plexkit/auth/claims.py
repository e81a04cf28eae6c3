"""JWT claims: building the device JWT and checking a Plex JWT (pure: the clock is passed in)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from plexkit.auth._jose import unverified_parts
from plexkit.errors import JWTError

__all__ = [
    "ALL_SCOPES",
    "DEFAULT_SCOPES",
    "DEVICE_JWT_LIFETIME",
    "PLEX_AUDIENCE",
    "PLEX_ISSUER",
    "REFRESH_MARGIN",
    "check_plex_claims",
    "device_claims",
    "expires_at",
    "needs_refresh",
]

PLEX_ISSUER: Final = "plex.tv"
PLEX_AUDIENCE: Final = "plex.tv"
#: Every scope plex.tv knows; a scope adds that user field to the Plex JWT.
ALL_SCOPES: Final = ("username", "email", "friendly_name", "restricted", "anonymous", "joinedAt")
DEFAULT_SCOPES: Final = ("username", "email", "friendly_name")
#: A device JWT is good for as long as its nonce (five minutes).
DEVICE_JWT_LIFETIME: Final = 300
#: Refresh a Plex JWT (valid seven days) once less than a day is left.
REFRESH_MARGIN: Final = 86_400.0
_LEEWAY: Final = 60


def device_claims(
    *,
    nonce: str,
    client_identifier: str,
    scopes: Iterable[str],
    now: float,
    lifetime: int = DEVICE_JWT_LIFETIME,
) -> dict[str, Any]:
    """The claims of the device JWT that proves this device holds its registered key."""
    issued = int(now)
    return {
        "nonce": nonce,
        "scope": ",".join(scopes),
        "aud": PLEX_AUDIENCE,
        "iss": client_identifier,
        "iat": issued,
        "exp": issued + lifetime,
    }


def check_plex_claims(
    claims: Mapping[str, Any], *, client_identifier: str, kid: str | None, now: float
) -> None:
    """Raise `JWTError` unless a (signature-checked) Plex JWT is meant for this device.

    Issuer plex.tv; audience plex.tv or this client; not expired; issued for the key ``kid``
    (the ``thumbprint`` claim) when one is given.
    """
    if claims.get("iss") != PLEX_ISSUER:
        raise JWTError("the Plex JWT was not issued by plex.tv")
    audience = claims.get("aud")
    listed = [audience] if isinstance(audience, str) else audience
    audiences = {a for a in listed if isinstance(a, str)} if isinstance(listed, list) else set()
    if not audiences & {PLEX_AUDIENCE, client_identifier}:
        raise JWTError("the Plex JWT is meant for another audience")
    for name in ("exp", "iat"):
        if not isinstance(claims.get(name), (int, float)):
            raise JWTError(f"the Plex JWT has no numeric {name!r} claim")
    if claims["exp"] <= now - _LEEWAY:
        raise JWTError("the Plex JWT has expired")
    if kid is not None and claims.get("thumbprint") != kid:
        raise JWTError("the Plex JWT was issued for another device key")


def expires_at(token: str) -> float | None:
    """The unverified ``exp`` of a JWT, or None when the token is not a JWT (a legacy token)."""
    return _lifetime(token)[1]


def needs_refresh(token: str | None, *, now: float, margin: float = REFRESH_MARGIN) -> bool:
    """Whether a Plex JWT should be replaced: missing, not a JWT, or close to its expiry.

    "Close" is ``margin`` seconds, capped at half the token's lifetime so a short-lived token
    is not refreshed on every request.
    """
    if not token:
        return True
    issued, expiry = _lifetime(token)
    if expiry is None:
        return True
    if issued is not None and expiry > issued:
        margin = min(margin, (expiry - issued) / 2)
    return expiry - now < margin


def _lifetime(token: str) -> tuple[float | None, float | None]:
    """The unverified ``iat`` and ``exp`` of a JWT (None for what is missing or not a JWT)."""
    try:
        _header, claims = unverified_parts(token)
    except JWTError:
        return None, None
    times = [claims.get(name) for name in ("iat", "exp")]
    issued, expiry = (float(t) if isinstance(t, (int, float)) else None for t in times)
    return issued, expiry
