"""One lazy-export loader: a package's names that load on first use, listed once.

The table is the package's own imports, written ``from m import X as X`` (which type
checkers and IDEs read as explicit re-exports): those at the top level are its eager
exports, those in its ``if TYPE_CHECKING:`` block its lazy ones. `lazy_exports` reads
them from the source; the package's ``__getattr__`` imports ``m`` the first time ``X`` is
asked for, so ``import plexkit`` never loads the clients or optional extras. `LazyGroup` does
the same for a client's resource groups: ``plex.library`` imports its module when first read.
"""

from __future__ import annotations

import ast
import importlib
import sys
from collections.abc import Iterable
from typing import Any, Generic, TypeVar, overload

import attrs

__all__ = ["LazyExports", "LazyGroup", "lazy_exports"]

G = TypeVar("G")


@attrs.frozen
class LazyExports:
    """The lazy names of ``package`` and the module each comes from."""

    package: str
    origins: dict[str, str]
    eager: tuple[str, ...] = ()

    @property
    def names(self) -> list[str]:
        """Every exported name, eager and lazy, sorted: the package's ``__all__``."""
        return sorted({*self.eager, *self.origins})

    def getattr(self, name: str) -> Any:
        """Import ``name`` from its module on first use (then cache it on the package)."""
        module = self.origins.get(name)
        if module is None:
            raise AttributeError(f"module {self.package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[self.package], name, value)
        return value

    def dir(self) -> list[str]:
        """The package's ``dir()``: its exported names."""
        return self.names

    def install(self) -> None:
        """Give the package its ``__all__``, ``__getattr__`` and ``__dir__``.

        Set at run time, so documentation tools read the imports themselves rather than a
        computed ``__all__`` they cannot evaluate; type checkers follow the ``X as X``
        re-exports. A package may also write ``__all__`` out (documentation tools list no
        type-guarded import without it): it must then name exactly the re-exports."""
        module = sys.modules[self.package]
        written = getattr(module, "__all__", None)
        if written is not None and sorted(written) != self.names:
            differ = sorted(set(written) ^ set(self.names))
            raise ImportError(f"{self.package}.__all__ and its re-exports differ: {differ}")
        module.__all__ = self.names  # type: ignore[attr-defined]
        module.__getattr__ = self.getattr  # type: ignore[method-assign]
        module.__dir__ = self.dir  # type: ignore[method-assign]


def _reexports(body: Iterable[ast.stmt]) -> Iterable[tuple[str, str]]:
    """``(name, module)`` for each ``from module import name as name`` in ``body``."""
    for stmt in body:
        if isinstance(stmt, ast.ImportFrom) and stmt.module:
            for alias in stmt.names:
                if alias.asname == alias.name:
                    yield alias.name, stmt.module


def lazy_exports(package: str) -> LazyExports:
    """The exports of ``package`` (call it from the package's ``__init__``), read from its
    source: top-level re-exports are eager, those under ``if TYPE_CHECKING:`` lazy."""
    path = sys.modules[package].__file__
    assert path is not None
    with open(path, encoding="utf-8") as source:
        tree = ast.parse(source.read(), path)
    guarded = [
        stmt
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
        for stmt in node.body
    ]
    eager = tuple(name for name, _ in _reexports(tree.body))
    return LazyExports(package, dict(_reexports(guarded)), eager)


class LazyGroup(Generic[G]):
    """A client attribute built on first read as ``module.name(client)`` and then kept in the
    client's ``__dict__`` (later reads never reach the descriptor): importing or building a
    client loads none of its resource groups' modules."""

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name
        self.attribute = name

    def __set_name__(self, owner: type, attribute: str) -> None:
        self.attribute = attribute

    @overload
    def __get__(self, client: None, owner: type | None = None) -> LazyGroup[G]: ...

    @overload
    def __get__(self, client: object, owner: type | None = None) -> G: ...

    def __get__(self, client: object, owner: type | None = None) -> LazyGroup[G] | G:
        if client is None:
            return self
        group: G = getattr(importlib.import_module(self.module), self.name)(client)
        # setdefault: two threads reading it first both get the one group kept.
        kept: G = vars(client).setdefault(self.attribute, group)
        return kept
