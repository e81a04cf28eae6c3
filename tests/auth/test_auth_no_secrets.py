"""No password, token, JWT or private key in logs, reprs or error text of a full login."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest

from plexkit.auth import (
    DeviceKey,
    JWTAuth,
    PinLogin,
    PinStatus,
    PlexTV,
    TokenFile,
    find_server,
)
from plexkit.config import ClientIdentity
from plexkit.errors import TransportError, UnauthorizedError
from plexkit.testing.plextv import FakeConnection, FakePlexTV, FakeUser, serve

PASSWORD = "correct horse battery"


def test_full_login_at_debug_leaks_nothing(
    fake: FakePlexTV,
    user: FakeUser,
    identity: ClientIdentity,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    fake.add_server(
        "nas",
        client_identifier="m" * 40,
        access_token="server-access-token-9",
        connections=[FakeConnection("http://127.0.0.1:9", local=True)],
    )
    texts: list[str] = []  # reprs and error messages users may print
    with (
        serve(fake.app) as url,
        PlexTV(identity, plextv_url=url, clients_url=url, clock=fake.clock) as plextv,
    ):
        with pytest.raises(UnauthorizedError) as wrong:
            plextv.sign_in("ann", "not-the-password")
        texts.append(str(wrong.value))
        account = plextv.sign_in("ann", PASSWORD)
        texts.append(repr(account))
        assert plextv.check_token(user.token)

        key = DeviceKey.load_or_create(tmp_path / "device.jwk")
        login = PinLogin(plextv, key=key, poll_interval=0.01)
        login.start()

        def approve(status: PinStatus) -> None:
            if status.polls == 2:
                fake.approve_pin(status.code, token=user.token)

        first_jwt = login.wait(timeout=30, on_status=approve)
        texts.append(repr(login))

        migrated = DeviceKey.generate()
        plextv.register_key(user.token, migrated)
        second_jwt = plextv.refresh_jwt(migrated)

        token_file = TokenFile(tmp_path / "plex.jwt")
        auth = JWTAuth(
            key,
            identity=identity,
            token=first_jwt,
            store=token_file.save,
            plextv_url=url,
            clients_url=url,
            clock=fake.clock,
        )
        texts.append(repr(auth))
        fake.expire(first_jwt)
        with httpx.Client(auth=auth, headers=identity.headers()) as client:
            assert client.get(f"{url}/api/v2/user").status_code == 200
        third_jwt = auth.token
        assert third_jwt and third_jwt not in (first_jwt, second_jwt)

        with pytest.raises(TransportError) as unreachable:
            find_server(plextv, third_jwt, probe_timeout=0.5)
        texts.append(str(unreachable.value))

    secrets = {
        "password": PASSWORD,
        "legacy token": user.token,
        "server token": "server-access-token-9",
        "private key": key.private_jwk()["d"],
        "migrated private key": migrated.private_jwk()["d"],
        "first Plex JWT": first_jwt,
        "second Plex JWT": second_jwt,
        "third Plex JWT": third_jwt,
    }
    assert len(fake.device_jwts) >= 3
    secrets.update({f"device JWT {i}": t for i, t in enumerate(fake.device_jwts)})

    loggers = {record.name.split(".")[0] for record in caplog.records}
    assert {"plexkit", "httpx", "httpcore"} <= loggers, loggers  # the capture saw everything
    assert any("deviceJWT=" in record.getMessage() for record in caplog.records)
    logged = (
        "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
        + caplog.text
    )
    for name, secret in secrets.items():
        assert secret not in logged, f"{name} leaked into the logs"
        for text in texts:
            assert secret not in text, f"{name} leaked into {text!r}"
