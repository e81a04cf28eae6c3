"""The import layers: models and _core import nothing from the clients, cache or auth; cache
imports nothing from the clients (so no layer calls back up into another).

Every import counts: inside functions and ``if TYPE_CHECKING:`` blocks, relative ones, names
taken from a package's lazy exports (``from plexkit import AsyncPlexClient``) and module names
given to ``importlib.import_module``.
"""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

import pytest

from plexkit._lazy import lazy_exports

ROOT = Path(__file__).resolve().parent.parent / "plexkit"

CLIENTS = (
    "plexkit._async",
    "plexkit._sync",
    "plexkit._webapi",
    "plexkit.tmdb",
    "plexkit.tvdb",
    "plexkit.gaps",
    "plexkit.player",
    "plexkit.cli",
    "plexkit.testing",
)
"""Everything that sends requests or sits above the clients."""

RULES = [
    ("models", (*CLIENTS, "plexkit.cache", "plexkit.auth", "plexkit._core")),
    ("_core", (*CLIENTS, "plexkit.cache", "plexkit.auth")),
    ("cache", (*CLIENTS, "plexkit.auth")),
]

LAZY = {
    package: lazy_exports(importlib.import_module(package).__name__).origins
    for package in ("plexkit", "plexkit.auth", "plexkit.models")
}
"""Where each lazily exported name of the packages really comes from."""


def imports(source: str, module: str) -> set[str]:
    """Every module the code of ``module`` (a dotted name) imports, anywhere in it."""
    package = module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            for alias in node.names:
                found.add(LAZY.get(base, {}).get(alias.name, f"{base}.{alias.name}"))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, (ast.Attribute, ast.Name))
            and (getattr(node.func, "attr", None) or getattr(node.func, "id", None))
            == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


def violations(package: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        relative = path.relative_to(ROOT.parent).with_suffix("")
        module = ".".join(relative.parts)  # a package's __init__ resolves "." to itself
        for name in imports(path.read_text(encoding="utf-8"), module):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                bad.append(f"{relative} imports {name}")
    return bad


@pytest.mark.parametrize(("package", "forbidden"), RULES)
def test_layer(package: str, forbidden: tuple[str, ...]) -> None:
    assert violations(package, forbidden) == []


def test_every_kind_of_import_is_seen() -> None:
    source = """
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from plexkit.auth import PlexTV
def later():
    from plexkit.cache._async import response_cache
    from .. import _async
    from ..tmdb.models import TMDBMovie
    from plexkit import AsyncPlexClient
    importlib.import_module("plexkit.gaps.records")
"""
    found = imports(source, "plexkit.models.items")
    assert {
        "plexkit.auth",
        "plexkit.cache._async",
        "plexkit._async",
        "plexkit.tmdb.models",
        "plexkit._async.client",
        "plexkit.gaps.records",
    } <= found
    assert LAZY["plexkit"]["AsyncPlexClient"] == "plexkit._async.client"


def test_a_forbidden_import_fails_the_layer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "plexkit" / "cache").mkdir(parents=True)
    (tmp_path / "plexkit" / "cache" / "warm.py").write_text(
        "def warm():\n    from plexkit import AsyncPlexClient\n", encoding="utf-8"
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path / "plexkit")
    assert violations("cache", RULES[2][1]) == ["plexkit/cache/warm imports plexkit._async.client"]
