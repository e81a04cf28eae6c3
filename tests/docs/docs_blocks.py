"""Find the Python blocks of README.md and docs/ and say how each is to be checked.

A fenced ``python`` block runs as written. An HTML comment just before it changes that:
``<!-- fragment -->`` (compiled only: a piece of a larger program on purpose) or
``<!-- needs: plextv -->`` (runs with the fake plex.tv standing in for plex.tv). A page may
hold one ``<!-- prelude ... -->`` comment: Python the reader does not see, run before each
block of that page (the doctest ``testsetup`` idea), e.g. to define ``token``.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]

_FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```\s*$", re.S | re.M)
_MARK = re.compile(r"<!--\s*(fragment|needs:\s*[\w, ]+)\s*-->\s*$")
_PRELUDE = re.compile(r"<!--\s*prelude\s*\n(.*?)-->", re.S)
_ASYNC_FLAGS = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT


@dataclass(frozen=True)
class Block:
    """One Python block: where it is, its code, and how to check it."""

    page: Path
    line: int
    code: str
    fragment: bool = False
    needs: frozenset[str] = field(default_factory=frozenset)
    prelude: str = ""

    @property
    def id(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"

    @property
    def is_async(self) -> bool:
        """Whether the block awaits at top level (it then runs under an event loop)."""
        tree = ast.parse(self.code)
        return any(
            isinstance(node, ast.Await | ast.AsyncWith | ast.AsyncFor)
            for node in _top_level_nodes(tree)
        )

    @property
    def compile_flags(self) -> int:
        """Compiler flags: top-level ``await`` is allowed."""
        return _ASYNC_FLAGS

    def compile(self) -> object:
        """The block as a code object."""
        return compile(self.code, self.id, "exec", flags=_ASYNC_FLAGS)


def _top_level_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node outside function and class bodies."""
    found: list[ast.AST] = []
    stack = list(ast.iter_child_nodes(tree))
    while stack:
        node = stack.pop()
        found.append(node)
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            stack.extend(ast.iter_child_nodes(node))
    return found


def blocks(pages: list[Path] = PAGES) -> list[Block]:
    """Every Python block of ``pages``, in order."""
    found = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        prelude_match = _PRELUDE.search(text)
        prelude = prelude_match.group(1) if prelude_match else ""
        for match in _FENCE.finditer(text):
            before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
            mark = _MARK.search(before)
            kind = mark.group(1) if mark else ""
            needs = (
                frozenset(n.strip() for n in kind.split(":", 1)[1].split(","))
                if kind.startswith("needs")
                else frozenset()
            )
            found.append(
                Block(
                    page=page,
                    line=text.count("\n", 0, match.start()) + 2,
                    code=match.group(1),
                    fragment=kind == "fragment",
                    needs=needs,
                    prelude=prelude,
                )
            )
    return found
