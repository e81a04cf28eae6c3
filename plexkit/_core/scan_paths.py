"""Scan paths checked against section locations, before anything is sent.

A targeted scan (``/library/sections/{id}/refresh?path=``) of a folder outside every location
of the section does nothing on PMS, silently. plexkit refuses it up front with a
:class:`~plexkit.errors.ConfigurationError` that names the section's locations. Paths are the
*server's* paths (map the caller's paths first, see ``plexkit.paths``); Windows servers'
paths (``D:\\Movies``) compare case-insensitively with either slash.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Final

from plexkit.errors import ConfigurationError

__all__ = ["check_scan_path", "location_for", "section_for_path"]

_MAX_SHOWN: Final = 5


def _is_windows(path: str) -> bool:
    return "\\" in path or (len(path) >= 2 and path[1] == ":" and path[0].isalpha())


def _pure(path: str, windows: bool) -> PurePath:
    return PureWindowsPath(path) if windows else PurePosixPath(path)


def _check_text(path: object) -> str:
    if not isinstance(path, str) or not path.strip():
        raise ConfigurationError(f"a scan path must be a non-empty string, not {path!r}")
    if any(c in path for c in "\r\n\x00"):
        raise ConfigurationError(f"a scan path must not contain a line break or NUL: {path!r}")
    text = path.strip()
    windows = _is_windows(text)
    pure = _pure(text, windows)
    if not pure.is_absolute():
        raise ConfigurationError(f"a scan path must be absolute (a server path), not {path!r}")
    if ".." in pure.parts:
        raise ConfigurationError(f"a scan path must not contain '..': {path!r}")
    return text


def _inside(path: str, location: str) -> bool:
    windows = _is_windows(location) or _is_windows(path)
    if windows:
        child = PureWindowsPath(path.replace("/", "\\"))
        parent = PureWindowsPath(location.replace("/", "\\"))
        parts = [p.casefold() for p in child.parts]
        base = [p.casefold() for p in parent.parts]
    else:
        parts = list(PurePosixPath(path).parts)
        base = list(PurePosixPath(location).parts)
    return len(parts) >= len(base) and parts[: len(base)] == base


def location_for(path: str, locations: Iterable[str]) -> str | None:
    """The (longest) location that contains ``path``, or None."""
    found = [loc for loc in locations if loc and _inside(path, loc)]
    return max(found, key=len) if found else None


def check_scan_path(path: str, locations: Sequence[str], *, section: str = "the section") -> str:
    """``path`` (stripped) if it lies inside one of ``locations``; else a clear error."""
    text = _check_text(path)
    if location_for(text, locations) is None:
        shown = ", ".join(repr(loc) for loc in list(locations)[:_MAX_SHOWN]) or "none"
        more = "" if len(locations) <= _MAX_SHOWN else f" and {len(locations) - _MAX_SHOWN} more"
        raise ConfigurationError(
            f"scan path {text!r} is outside every location of {section} ({shown}{more}); "
            "give a server path inside one of them (map local paths with plexkit.paths)"
        )
    return text


def section_for_path(path: str, sections: Iterable[tuple[str, Sequence[str]]]) -> str | None:
    """The key of the section whose location best contains ``path`` (``(key, locations)``)."""
    text = _check_text(path)
    best: tuple[int, str] | None = None
    for key, locations in sections:
        found = location_for(text, locations)
        if found is not None and (best is None or len(found) > best[0]):
            best = (len(found), key)
    return None if best is None else best[1]
