"""Absolute paths as whole segments, POSIX or Windows, whatever OS plexkit runs on.

The one place that decides what a path is: ``/data/movies`` (POSIX, case-sensitive),
``D:\\Media`` or ``d:/media`` (a Windows drive) and ``\\\\nas\\share\\Movies`` (a UNC share;
Windows paths compare case-insensitively and accept either slash). ``.`` segments and
repeated or trailing separators are dropped; ``..`` removes the segment before it. Used by
`plexkit.paths` (``PathMapper``) and the scan-path check in ``_core.scan_paths``.
"""

from __future__ import annotations

import re
from typing import Final, Literal

import attrs

from plexkit.errors import ConfigurationError

__all__ = ["Flavour", "ParsedPath", "PathSyntaxError", "flavour_of", "parse", "within"]

Flavour = Literal["posix", "windows"]

_DRIVE: Final = re.compile(r"^([A-Za-z]):(?:[\\/]|$)")
_DRIVE_RELATIVE: Final = re.compile(r"^[A-Za-z]:[^\\/]")


class PathSyntaxError(ConfigurationError):
    """A path that is not absolute, or whose ``..`` climbs above its root."""


@attrs.frozen
class ParsedPath:
    """An absolute path split into its anchor (``/``, ``D:``, ``\\\\nas\\share``) and segments."""

    flavour: Flavour
    anchor: str
    parts: tuple[str, ...]
    named: tuple[str, ...] | None = None
    """The segments before the first ``..`` when the path had one (the folder it named
    before climbing out), else None."""

    @property
    def keys(self) -> tuple[str, ...]:
        """What comparisons use: the anchor and segments, case-folded on Windows."""
        items = (self.anchor, *self.parts)
        return tuple(p.casefold() for p in items) if self.flavour == "windows" else items

    def text(self) -> str:
        """The normalised spelling: one separator of the flavour, no trailing separator."""
        if self.flavour == "posix":
            return "/" + "/".join(self.parts)
        if not self.parts:
            return self.anchor + "\\"
        return self.anchor + "\\" + "\\".join(self.parts)

    def child(self, tail: tuple[str, ...]) -> ParsedPath:
        """This path with ``tail`` segments appended."""
        return attrs.evolve(self, parts=self.parts + tail, named=None)

    def before_climbing(self) -> ParsedPath:
        """The path as named before its first ``..`` (itself when it had none)."""
        if self.named is None:
            return self
        return attrs.evolve(self, parts=self.named, named=None)


def flavour_of(path: str) -> Flavour | None:
    """``"posix"`` for ``/...``, ``"windows"`` for ``X:`` / ``X:\\...`` / ``\\\\host\\share``,
    None for anything relative."""
    if path.startswith("/"):
        return "posix"
    if _DRIVE.match(path) or path.startswith("\\\\"):
        return "windows"
    return None


def parse(path: object, *, what: str = "path") -> ParsedPath:
    """Split an absolute POSIX or Windows path into segments, resolving ``.`` and ``..``.

    Raises `PathSyntaxError` (a ``ConfigurationError``) for a relative path, a
    drive-relative one (``C:movies``), or one whose ``..`` climbs above its anchor.
    """
    if not isinstance(path, str) or not path.strip():
        raise PathSyntaxError(f"a {what} must be a non-empty string, not {path!r}")
    text = path.strip()
    flavour = flavour_of(text)
    if flavour is None or _DRIVE_RELATIVE.match(text):
        raise PathSyntaxError(
            f"a {what} must be absolute (/..., X:\\... or \\\\host\\share), not {path!r}"
        )
    if flavour == "posix":
        anchor, raw = "/", text.split("/")
    elif text.startswith("\\\\"):
        pieces = [p for p in re.split(r"[\\/]", text[2:]) if p]
        if len(pieces) < 2:
            raise PathSyntaxError(f"a UNC {what} needs a host and a share: {path!r}")
        anchor, raw = "\\\\" + pieces[0] + "\\" + pieces[1], pieces[2:]
    else:
        anchor, raw = text[0].upper() + ":", re.split(r"[\\/]", text[2:])
    parts: list[str] = []
    named: tuple[str, ...] | None = None
    for segment in raw:
        if segment in ("", "."):
            continue
        if segment == "..":
            if not parts:
                raise PathSyntaxError(f"{what} {path!r} climbs above {anchor!r} with '..'")
            if named is None:
                named = tuple(parts)
            parts.pop()
            continue
        parts.append(segment)
    return ParsedPath(flavour=flavour, anchor=anchor, parts=tuple(parts), named=named)


def within(path: ParsedPath, root: ParsedPath) -> bool:
    """True when ``path`` is ``root`` or below it, by whole segments (``/data/movies2`` is
    not under ``/data/movies``); paths of different flavours never contain each other."""
    if path.flavour != root.flavour:
        return False
    keys, base = path.keys, root.keys
    return len(keys) >= len(base) and keys[: len(base)] == base
