"""The import layers: models and _core import nothing from the clients, cache or auth; cache
imports nothing from the clients (so no layer calls back up into another)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "plexkit"

RULES = [
    (
        "models",
        ("plexkit._async", "plexkit._sync", "plexkit.cache", "plexkit.auth", "plexkit._core"),
    ),
    ("_core", ("plexkit._async", "plexkit._sync", "plexkit.cache", "plexkit.auth")),
    ("cache", ("plexkit._async", "plexkit._sync", "plexkit.auth")),
]


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize(("package", "forbidden"), RULES)
def test_layer(package: str, forbidden: tuple[str, ...]) -> None:
    bad = sorted(
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / package).rglob("*.py")
        for name in imports(path)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    )
    assert bad == []
