"""Signing in and out, the account's servers, the default server and where the token goes."""

from __future__ import annotations

import json
import stat
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import PASSWORD, TOKEN, Run, approve_when_created, parse

from plexkit.auth.claims import expires_at
from plexkit.testing import FakePlexServer
from plexkit.testing.plextv import FakePlexTV, FakeUser


def _stored(config: Path) -> dict[str, Any]:
    path = config / "config.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def test_pin_login_stores_a_jwt_and_the_device_key(
    run: Run, plextv: FakePlexTV, account: FakeUser, plextv_url: str, private_config: Path
) -> None:
    approve_when_created(plextv, account.token)
    result = run("login")
    assert result.exit_code == 0, result.output
    pin = next(iter(plextv.pins.values()))
    assert f"plex.tv/link/?pin={pin.code}" in result.stdout and pin.code in result.stdout
    assert "signed in as ann with a device key (JWT)" in result.stdout
    stored = _stored(private_config)
    assert expires_at(stored["token"]) is not None  # a Plex JWT
    assert json.loads(stored["device_key"])["kty"] == "OKP"
    assert pin.jwk is not None and stored["token"] not in result.output


def test_pin_login_without_jwt_stores_the_legacy_token(
    run: Run, plextv: FakePlexTV, account: FakeUser, plextv_url: str, private_config: Path
) -> None:
    approve_when_created(plextv, account.token)
    result = run("login", "--no-jwt")
    assert result.exit_code == 0, result.output
    stored = _stored(private_config)
    assert "device_key" not in stored and expires_at(stored["token"]) is None
    assert "signed in as ann with a token" in result.stdout


def test_password_login_asks_for_the_two_factor_code(
    run: Run, plextv: FakePlexTV, plextv_url: str, private_config: Path
) -> None:
    user = plextv.add_user("bo", PASSWORD, two_factor_code="123456")
    result = run("login", "--password", "--username", "bo", input=f"{PASSWORD}\n123456\n")
    assert result.exit_code == 0, result.output
    assert "Two-factor code" in result.output and "signed in as bo" in result.stdout
    assert _stored(private_config)["token"] == user.token
    assert PASSWORD not in result.output and user.token not in result.output

    wrong = run(
        "login", "--password", "--username", "bo", "--code", "000000", input=f"{PASSWORD}\n"
    )
    assert wrong.exit_code == 1 and wrong.stderr.startswith("error: ")
    assert PASSWORD not in wrong.output


def test_servers_use_and_the_stored_connection(
    run: Run, plextv: FakePlexTV, account: FakeUser, plextv_url: str, pms_url: str
) -> None:
    assert run("servers").exit_code == 1  # not signed in yet
    approve_when_created(plextv, account.token)
    assert run("login").exit_code == 0
    listed = parse(run("servers", "--json"))
    assert [(s["name"], s["url"], s["via"], s["default"]) for s in listed] == [
        ("Den", pms_url, "local", False)
    ]
    assert "Den" in run("servers").stdout

    # signed in without a default server: the first server of the account is used
    assert "Movies" in run("sections").stdout
    used = run("use", "Den")
    assert used.exit_code == 0 and f"using Den at {pms_url}" in used.stdout
    assert parse(run("servers", "--json"))[0]["default"] is True
    assert parse(run("sections", "--json"))[0]["key"] == "1"
    missing = run("use", "Attic")
    assert missing.exit_code == 1 and "Attic" in missing.stderr


def test_connection_order_flags_then_environment_then_config(
    run: Run, pms_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    nothing = run("sections")
    assert nothing.exit_code == 1 and "plexkit login" in nothing.stderr
    monkeypatch.setenv("PLEX_URL", pms_url)
    monkeypatch.setenv("PLEX_TOKEN", TOKEN)
    assert run("sections", "--json").exit_code == 0
    bad_flag = run("--token", "wrong-token-xyz", "sections")
    assert bad_flag.exit_code == 1 and "401" in bad_flag.stderr
    assert "wrong-token-xyz" not in bad_flag.output
    refused = run("--url", "http://127.0.0.1:9", "sections")
    assert refused.exit_code == 1 and "could not connect" in refused.stderr


def test_logout_forgets_everything(
    run: Run, plextv: FakePlexTV, account: FakeUser, plextv_url: str, private_config: Path
) -> None:
    approve_when_created(plextv, account.token)
    assert run("login").exit_code == 0
    assert run("use", "Den").exit_code == 0
    before = _stored(private_config)
    result = run("logout")
    assert result.exit_code == 0 and "signed out" in result.stdout
    after = _stored(private_config)
    assert after == {"client_identifier": before["client_identifier"]}
    assert run("sections").exit_code == 1
    assert "was not signed in" in run("logout").stdout


class _FakeKeyring(types.ModuleType):
    def __init__(self) -> None:
        super().__init__("keyring")
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, name: str) -> str | None:
        return self.store.get((service, name))

    def set_password(self, service: str, name: str, value: str) -> None:
        self.store[(service, name)] = value

    def delete_password(self, service: str, name: str) -> None:
        del self.store[(service, name)]


def test_secrets_go_to_the_keyring_when_it_is_installed(
    run: Run,
    plextv: FakePlexTV,
    account: FakeUser,
    plextv_url: str,
    private_config: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ring = _FakeKeyring()
    monkeypatch.setitem(sys.modules, "keyring", ring)
    monkeypatch.setenv("PLEXKIT_KEYRING", "1")
    approve_when_created(plextv, account.token)
    assert run("login").exit_code == 0
    assert run("use", "Den").exit_code == 0
    text = (private_config / "config.json").read_text()
    assert ring.store[("plexkit", "server_token")] == TOKEN and TOKEN not in text
    assert ring.store[("plexkit", "token")] not in text
    assert "device_key" not in json.loads(text)
    assert "Movies" in run("sections").stdout
    assert run("logout").exit_code == 0
    assert ring.store == {}


def test_a_jwt_close_to_expiry_is_renewed_with_the_device_key(
    run: Run,
    account: FakeUser,
    pms: FakePlexServer,
    private_config: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from plexkit.testing.plextv import FakeConnection, serve

    short = FakePlexTV(jwt_lifetime=3600)  # inside the CLI's one-day refresh margin
    user = short.add_user("cy", PASSWORD, token=account.token)
    short.add_server(
        "Den",
        client_identifier=pms.library.server["machineIdentifier"],
        access_token=TOKEN,
        connections=[FakeConnection(str(pms.url), local=True)],
    )
    with serve(short.app) as url:
        monkeypatch.setenv("PLEXKIT_PLEXTV_URL", url)
        approve_when_created(short, user.token)
        assert run("login").exit_code == 0
        first = _stored(private_config)["token"]
        before = short.calls["/api/v2/auth/token"]
        listed = parse(run("servers", "--json"))
        assert [s["name"] for s in listed] == ["Den"]
        assert short.calls["/api/v2/auth/token"] == before + 1  # renewed before listing
        renewed = _stored(private_config)["token"]
        assert renewed != first and expires_at(renewed) is not None


def test_a_keyring_without_backend_leaves_the_secrets_in_the_private_file(
    private_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plexkit.cli import settings as store

    class _NoBackend(_FakeKeyring):
        def set_password(self, service: str, name: str, value: str) -> None:
            raise RuntimeError("No recommended backend was available")

    monkeypatch.setitem(sys.modules, "keyring", _NoBackend())
    monkeypatch.setenv("PLEXKIT_KEYRING", "1")
    store.save(store.Settings(token="tok-abcdef", server_url="http://nas:32400"))
    stored = _stored(private_config)
    assert stored["token"] == "tok-abcdef" and "keyring" not in stored
    assert store.load().token == "tok-abcdef"
