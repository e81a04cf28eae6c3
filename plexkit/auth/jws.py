"""Verifying a Plex JWT against plex.tv's published keys (needs the ``jwt`` extra)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import jwt

from plexkit.auth._jose import unverified_parts
from plexkit.auth.claims import check_plex_claims
from plexkit.errors import InvalidSignatureError, JWTError

__all__ = ["verify_plex_jwt"]


def verify_plex_jwt(
    token: str,
    keys: Sequence[Mapping[str, Any]],
    *,
    client_identifier: str,
    kid: str | None,
    now: float,
) -> dict[str, Any]:
    """The claims of a Plex JWT whose EdDSA signature verifies with one of plex.tv's ``keys``.

    The key named by the token's ``kid`` header is tried first, then the others. Raises
    `InvalidSignatureError` when none verifies and `JWTError` when the claims are
    not for this device (see ``check_plex_claims``).
    """
    header, _claims = unverified_parts(token)
    candidates = sorted(keys, key=lambda jwk: jwk.get("kid") != header.get("kid"))
    for jwk in candidates:
        try:
            public = jwt.PyJWK.from_dict(dict(jwk))
        except jwt.PyJWTError:
            continue
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                public,
                algorithms=["EdDSA"],
                # Signature only: check_plex_claims checks the claims with the caller's clock.
                options={
                    "verify_signature": True,
                    "verify_exp": False,
                    "verify_nbf": False,
                    "verify_iat": False,
                    "verify_aud": False,
                    "verify_iss": False,
                },
            )
        except jwt.InvalidSignatureError:
            continue
        except jwt.PyJWTError as exc:
            raise JWTError(f"the Plex JWT is malformed ({type(exc).__name__})") from None
        check_plex_claims(claims, client_identifier=client_identifier, kid=kid, now=now)
        return claims
    raise InvalidSignatureError("the Plex JWT does not verify with any of plex.tv's keys")
