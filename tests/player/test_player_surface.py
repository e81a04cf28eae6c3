"""plexkit.paths and plexkit.player are importable on their own, load no optional extra,
document what they export, and the sync player is the generated twin of the async one."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import plexkit.paths
import plexkit.player
from plexkit.player import AsyncIMediaPlayer, AsyncPlexPlayer, IMediaPlayer, PlexPlayer

ROOT = Path(__file__).resolve().parents[2]
OPTIONAL = ("redis", "jwt", "cryptography", "starlette", "uvicorn", "typer", "httpx_ws")


def test_exported_names_resolve_and_are_documented() -> None:
    for module in (plexkit.paths, plexkit.player):
        for name in module.__all__:
            value = getattr(module, name)
            if not (inspect.isclass(value) or inspect.isfunction(value)):
                continue  # a type alias
            assert getattr(value, "__doc__", None), f"{module.__name__}.{name} has no docstring"


def test_importing_them_loads_no_optional_extra() -> None:
    code = (
        "import sys, plexkit.paths, plexkit.player;"
        f"print(','.join(m for m in {OPTIONAL!r} if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    assert loaded == ""


def test_sync_and_async_players_and_protocols_match() -> None:
    def public(cls: type) -> set[str]:
        return {n for n in dir(cls) if not n.startswith("_")}

    assert public(PlexPlayer) == public(AsyncPlexPlayer)
    assert public(IMediaPlayer) == public(AsyncIMediaPlayer)
    assert public(IMediaPlayer) <= public(PlexPlayer)
