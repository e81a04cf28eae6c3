"""The package surface: exported names resolve, extras stay optional, py.typed ships."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import plexkit
import plexkit.errors

# rich is absent on purpose: httpx itself imports it when it is installed (for its CLI).
OPTIONAL = ("redis", "jwt", "cryptography", "starlette", "uvicorn", "typer", "httpx_ws")


def test_every_exported_name_resolves_and_is_documented() -> None:
    for name in plexkit.__all__:
        value = getattr(plexkit, name)
        if name != "__version__":
            assert getattr(value, "__doc__", None), f"plexkit.{name} has no docstring"


def test_every_error_is_exported_from_the_top_level() -> None:
    for name in plexkit.errors.__all__:
        assert getattr(plexkit, name) is getattr(plexkit.errors, name)
        assert issubclass(getattr(plexkit, name), plexkit.PlexError)


def test_importing_plexkit_and_its_clients_loads_no_optional_extra() -> None:
    code = (
        "import sys, plexkit; plexkit.PlexClient; plexkit.AsyncPlexClient; import plexkit.models;"
        f"print(','.join(m for m in {OPTIONAL!r} if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.strip()
    assert loaded == ""


def test_py_typed_marker_ships_with_the_package() -> None:
    assert (Path(plexkit.__file__).parent / "py.typed").is_file()


def test_sync_client_is_the_generated_twin_of_the_async_one() -> None:
    from plexkit import AsyncPlexClient, PlexClient

    public = {n for n in dir(AsyncPlexClient) if not n.startswith("_")}
    assert public - {"aclose"} == {n for n in dir(PlexClient) if not n.startswith("_")} - {"close"}
