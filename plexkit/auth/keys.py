"""The device's Ed25519 key: generate, persist (mode 0600), load, describe as a JWK, sign JWTs.

Needs the ``jwt`` extra (cryptography + PyJWT); this module is only imported when a key is used.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from plexkit._redact import register_secret
from plexkit.auth._jose import b64url_decode, b64url_encode, jwk_thumbprint
from plexkit.auth.storage import write_private_file
from plexkit.errors import ConfigurationError, JWTError

__all__ = ["DeviceKey", "KeyFormat"]

KeyFormat = Literal["jwk", "pem"]


class DeviceKey:
    """An Ed25519 key pair that identifies this device to plex.tv.

    Its ``kid`` is the RFC 7638 thumbprint of the public key, so it is the same on every run.
    The private half never shows up in ``repr`` and is registered with log redaction.
    """

    __slots__ = ("_private", "kid")

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._private = private_key
        self.kid = jwk_thumbprint(self._public_members())
        register_secret(b64url_encode(self._private_bytes()))

    def __repr__(self) -> str:
        return f"DeviceKey(kid={self.kid!r})"

    @classmethod
    def generate(cls) -> DeviceKey:
        """A new random key."""
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_jwk(cls, jwk: Mapping[str, Any]) -> DeviceKey:
        """The key from a private OKP/Ed25519 JWK (with its ``d`` member)."""
        if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519" or not jwk.get("d"):
            raise ConfigurationError("a device key JWK must be a private OKP Ed25519 key")
        try:
            key = cls(Ed25519PrivateKey.from_private_bytes(b64url_decode(str(jwk["d"]))))
        except (ValueError, JWTError) as exc:
            raise ConfigurationError("the device key JWK has a malformed 'd'") from exc
        if jwk.get("x") not in (None, key.public_jwk()["x"]):
            raise ConfigurationError("the device key JWK's 'x' does not match its 'd'")
        return key

    @classmethod
    def from_pem(cls, pem: bytes) -> DeviceKey:
        """The key from an unencrypted PKCS#8 PEM."""
        try:
            private = serialization.load_pem_private_key(pem, password=None)
        except (ValueError, TypeError) as exc:
            raise ConfigurationError("not an unencrypted PEM private key") from exc
        if not isinstance(private, Ed25519PrivateKey):
            raise ConfigurationError("the PEM key is not an Ed25519 key")
        return cls(private)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> DeviceKey:
        """Read a key file written by `save` (JWK JSON or PEM, told apart by content)."""
        data = Path(path).expanduser().read_bytes()
        if data.lstrip().startswith(b"-----BEGIN"):
            return cls.from_pem(data)
        try:
            jwk = json.loads(data)
        except ValueError as exc:
            raise ConfigurationError(f"{os.fspath(path)!r} is neither a JWK nor a PEM") from exc
        if not isinstance(jwk, dict):
            raise ConfigurationError(f"{os.fspath(path)!r} is not a JWK object")
        return cls.from_jwk(jwk)

    @classmethod
    def load_or_create(
        cls, path: str | os.PathLike[str], *, format: KeyFormat = "jwk"
    ) -> DeviceKey:
        """The key saved at ``path``, or a new one saved there (mode 0600) on first run."""
        try:
            return cls.load(path)
        except FileNotFoundError:
            key = cls.generate()
        try:
            key.save(path, format=format, overwrite=False)
        except FileExistsError:  # another process created it first: use theirs
            return cls.load(path)
        return key

    def save(
        self, path: str | os.PathLike[str], *, format: KeyFormat = "jwk", overwrite: bool = False
    ) -> None:
        """Write the private key to a file created with mode 0600 (JWK JSON or PKCS#8 PEM)."""
        if format == "jwk":
            data = json.dumps(self.private_jwk(), indent=2).encode("utf-8") + b"\n"
        elif format == "pem":
            data = self._private.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        else:
            raise ConfigurationError(f"format must be 'jwk' or 'pem', not {format!r}")
        write_private_file(path, data, overwrite=overwrite)

    def public_jwk(self) -> dict[str, str]:
        """The public JWK plex.tv registers: OKP/Ed25519 with ``kid``, ``alg`` and ``use``."""
        return {**self._public_members(), "kid": self.kid, "alg": "EdDSA", "use": "sig"}

    def private_jwk(self) -> dict[str, str]:
        """The JWK with the private ``d`` member: a secret, for storage only."""
        return {**self.public_jwk(), "d": b64url_encode(self._private_bytes())}

    def sign_jwt(self, claims: Mapping[str, Any]) -> str:
        """A compact JWT of ``claims`` signed with EdDSA, this key's ``kid`` in its header."""
        token = jwt.encode(
            dict(claims), self._private, algorithm="EdDSA", headers={"kid": self.kid, "typ": "JWT"}
        )
        register_secret(token)
        return token

    def _public_members(self) -> dict[str, str]:
        raw = self._private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(raw)}

    def _private_bytes(self) -> bytes:
        return self._private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
