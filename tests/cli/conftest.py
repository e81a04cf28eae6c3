"""Fixtures for the ``plexkit`` command: a fake PMS and a fake plex.tv on loopback, a private
config directory per test, and ``run`` to invoke the command in-process with typer's runner."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from cli_helpers import PASSWORD, TOKEN, Run
from typer.testing import CliRunner, Result

from plexkit.cli import app
from plexkit.testing import FakePlexServer
from plexkit.testing.plextv import FakeConnection, FakePlexTV, FakeUser, serve


@pytest.fixture(autouse=True)
def private_config(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Each test gets its own empty config dir, no keyring and no PLEX_* variables."""
    directory = tmp_path / "config"
    monkeypatch.setenv("PLEXKIT_CONFIG_DIR", str(directory))
    monkeypatch.setenv("PLEXKIT_KEYRING", "0")
    for name in ("PLEX_URL", "PLEX_TOKEN", "PLEXKIT_PLEXTV_URL"):
        monkeypatch.delenv(name, raising=False)
    return directory


@pytest.fixture(scope="module")
def pms() -> Iterator[FakePlexServer]:
    server = FakePlexServer(token=TOKEN, seed=5, movies=30, shows=4, artists=3, photo_albums=1)
    with server.run_in_thread():
        yield server


@pytest.fixture
def pms_url(pms: FakePlexServer) -> str:
    assert pms.url is not None
    return pms.url


@pytest.fixture
def run() -> Run:
    """Invoke ``plexkit ARGS...`` in-process; stdout and stderr stay apart."""

    def invoke(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(app, list(args), input=input)

    return invoke


@pytest.fixture
def plex(run: Run, pms_url: str) -> Run:
    """Like ``run`` with ``--url`` and ``--token`` of the fake PMS."""

    def invoke(*args: str, input: str | None = None) -> Result:
        return run("--url", pms_url, "--token", TOKEN, *args, input=input)

    return invoke


@pytest.fixture
def plextv() -> FakePlexTV:
    return FakePlexTV()


@pytest.fixture
def account(plextv: FakePlexTV) -> FakeUser:
    return plextv.add_user("ann", PASSWORD, email="ann@example.com")


@pytest.fixture
def plextv_url(
    plextv: FakePlexTV, account: FakeUser, pms: FakePlexServer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The fake plex.tv on loopback, listing the fake PMS as the account's server "Den"."""
    assert pms.url is not None
    plextv.add_server(
        "Den",
        client_identifier=pms.library.server["machineIdentifier"],
        access_token=TOKEN,
        connections=[FakeConnection(pms.url, local=True)],
    )
    with serve(plextv.app) as url:
        monkeypatch.setenv("PLEXKIT_PLEXTV_URL", url)
        yield url
