"""Pure JOSE helpers: base64url, RFC 7638 JWK thumbprints, reading a JWT without verifying it."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping
from typing import Any, Final

from plexkit.errors import JWTError

__all__ = ["b64url_decode", "b64url_encode", "jwk_thumbprint", "unverified_parts"]

# RFC 7638 section 3.2: the members that define a key, per key type.
_REQUIRED_MEMBERS: Final = {"OKP": ("crv", "kty", "x"), "RSA": ("e", "kty", "n")}


def b64url_encode(data: bytes) -> str:
    """Unpadded base64url, as JOSE uses it."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Bytes from unpadded (or padded) base64url; malformed input raises `JWTError`."""
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise JWTError("not valid base64url") from exc


def jwk_thumbprint(jwk: Mapping[str, Any]) -> str:
    """The RFC 7638 SHA-256 thumbprint of a public JWK: stable for one key, used as its ``kid``."""
    members = _REQUIRED_MEMBERS.get(str(jwk.get("kty")))
    if members is None or any(not isinstance(jwk.get(name), str) for name in members):
        raise JWTError("a thumbprint needs an OKP or RSA JWK with all its public members")
    canonical = json.dumps({name: jwk[name] for name in members}, separators=(",", ":"))
    return b64url_encode(hashlib.sha256(canonical.encode("utf-8")).digest())


def unverified_parts(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The header and claims of a compact JWT, NOT verified: for decisions, never for trust."""
    pieces = token.split(".")
    if len(pieces) != 3:
        raise JWTError("not a compact JWT")
    try:
        header = json.loads(b64url_decode(pieces[0]))
        claims = json.loads(b64url_decode(pieces[1]))
    except ValueError as exc:
        raise JWTError("a JWT part is not JSON") from exc
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise JWTError("a JWT part is not a JSON object")
    return header, claims
