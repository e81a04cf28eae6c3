"""DeviceKey: stable kid, files created with mode 0600, JWTs that PyJWT verifies."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import jwt
import pytest

from plexkit.auth import DeviceKey, TokenAuth
from plexkit.auth.storage import read_secret_text, write_private_file
from plexkit.errors import ConfigurationError

# RFC 8037 appendix A.1: an Ed25519 key with its public half and (A.3) its thumbprint.
RFC_D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"
RFC_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
RFC_KID = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_rfc_8037_key_gets_its_thumbprint_as_kid() -> None:
    key = DeviceKey.from_jwk({"kty": "OKP", "crv": "Ed25519", "d": RFC_D, "x": RFC_X})
    assert key.kid == RFC_KID
    assert key.public_jwk() == {
        "kty": "OKP",
        "crv": "Ed25519",
        "x": RFC_X,
        "kid": RFC_KID,
        "alg": "EdDSA",
        "use": "sig",
    }


def test_mismatched_or_wrong_jwks_are_refused() -> None:
    with pytest.raises(ConfigurationError):
        DeviceKey.from_jwk({"kty": "OKP", "crv": "Ed25519", "d": RFC_D, "x": "A" * 43})
    with pytest.raises(ConfigurationError):
        DeviceKey.from_jwk({"kty": "OKP", "crv": "Ed25519", "x": RFC_X})
    with pytest.raises(ConfigurationError):
        DeviceKey.from_jwk({"kty": "RSA", "d": "x"})


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.parametrize("fmt", ["jwk", "pem"])
def test_saved_key_is_0600_and_loads_back_with_the_same_kid(tmp_path: Path, fmt: str) -> None:
    key = DeviceKey.generate()
    path = tmp_path / f"device.{fmt}"
    key.save(path, format=fmt)  # type: ignore[arg-type]
    assert mode(path) == 0o600
    loaded = DeviceKey.load(path)
    assert loaded.kid == key.kid
    assert loaded.public_jwk() == key.public_jwk()
    with pytest.raises(FileExistsError):
        key.save(path, format=fmt)  # type: ignore[arg-type]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_overwriting_a_world_readable_file_leaves_it_0600(tmp_path: Path) -> None:
    path = tmp_path / "device.jwk"
    path.write_text("old")
    path.chmod(0o644)
    key = DeviceKey.generate()
    key.save(path, overwrite=True)
    assert mode(path) == 0o600
    assert DeviceKey.load(path).kid == key.kid
    assert [p.name for p in tmp_path.iterdir()] == ["device.jwk"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_load_or_create_creates_once_then_reuses(tmp_path: Path) -> None:
    path = tmp_path / "key.json"
    first = DeviceKey.load_or_create(path)
    assert mode(path) == 0o600
    saved = json.loads(path.read_text())
    assert saved["kid"] == first.kid and saved["d"] and saved["kty"] == "OKP"
    assert DeviceKey.load_or_create(path).kid == first.kid


def test_loading_garbage_is_a_configuration_error(tmp_path: Path) -> None:
    path = tmp_path / "key"
    path.write_text("not a key")
    with pytest.raises(ConfigurationError):
        DeviceKey.load(path)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_private_files_and_token_text(tmp_path: Path) -> None:
    path = tmp_path / "token"
    assert read_secret_text(path) is None
    write_private_file(path, b"tok-1\n")
    assert mode(path) == 0o600 and read_secret_text(path) == "tok-1"
    write_private_file(path, b"tok-2")
    assert read_secret_text(path) == "tok-2"


def test_device_jwt_verifies_with_pyjwt_given_only_the_public_jwk() -> None:
    key = DeviceKey.generate()
    now = int(time.time())
    claims = {
        "nonce": "n-1",
        "scope": "username",
        "aud": "plex.tv",
        "iss": "me",
        "iat": now,
        "exp": now + 300,
    }
    token = key.sign_jwt(claims)
    public = json.loads(json.dumps(key.public_jwk()))  # only what plex.tv gets
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "EdDSA" and header["kid"] == key.kid
    decoded = jwt.decode(
        token, jwt.PyJWK.from_dict(public), algorithms=["EdDSA"], audience="plex.tv", issuer="me"
    )
    assert decoded == claims
    other = DeviceKey.generate()
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(
            token, jwt.PyJWK.from_dict(other.public_jwk()), algorithms=["EdDSA"], audience="plex.tv"
        )


def test_reprs_hide_secrets() -> None:
    key = DeviceKey.generate()
    d = key.private_jwk()["d"]
    assert d not in repr(key) and key.kid in repr(key)
    assert "tok-secret-123" not in repr(TokenAuth("tok-secret-123"))
    with pytest.raises(ConfigurationError):
        TokenAuth(" ")


def test_verification_against_plex_tv_key_set_shapes() -> None:
    """plex.tv's real published key set parses; a token it did not sign is refused, and the
    key named by the token's kid is found among several."""
    from plexkit.auth import verify_plex_jwt
    from plexkit.errors import InvalidSignatureError
    from plexkit.testing.plextv import FakePlexTV

    real_keys = json.loads(
        (Path(__file__).parent / "data" / "plextv_auth_keys_snapshot.json").read_text()
    )["keys"]
    fake = FakePlexTV()
    user = fake.add_user("ann", "password-1")
    token = fake.issue_jwt(user, client_identifier="me", kid="k1", scope="")
    now = time.time()
    with pytest.raises(InvalidSignatureError):
        verify_plex_jwt(token, real_keys, client_identifier="me", kid="k1", now=now)
    both = [*real_keys, *fake.public_jwks()["keys"]]
    claims = verify_plex_jwt(token, both, client_identifier="me", kid="k1", now=now)
    assert claims["user"]["id"] == user.id and claims["thumbprint"] == "k1"
