"""Scan paths checked against section locations, before anything is sent.

A targeted scan (``/library/sections/{id}/refresh?path=``) of a folder outside every location
of the section does nothing on PMS, silently. plexkit refuses it up front with a
`ConfigurationError` that names the section's locations. Paths are the
*server's* paths (map the caller's paths first, see ``plexkit.paths``), compared by whole
segments with the same rules as `plexkit.paths.PathMapper` (``_core.segments``):
Windows servers' paths (``D:\\Movies``) compare case-insensitively with either slash.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from plexkit._core.segments import ParsedPath, PathSyntaxError, parse, within
from plexkit.errors import ConfigurationError

__all__ = ["check_path_text", "check_scan_path", "location_for", "section_for_path"]

_MAX_SHOWN: Final = 5


def check_path_text(path: object) -> str:
    """``path`` stripped, if it is a well-formed absolute server path (no CR/LF/NUL, no ``..``)."""
    if isinstance(path, str) and any(c in path for c in "\r\n\x00"):
        raise ConfigurationError(f"a scan path must not contain a line break or NUL: {path!r}")
    parsed = parse(path, what="scan path (a server path)")
    if parsed.named is not None:
        raise ConfigurationError(f"a scan path must not contain '..': {path!r}")
    assert isinstance(path, str)
    return path.strip()


def _parsed(path: str) -> ParsedPath | None:
    try:
        return parse(path)
    except PathSyntaxError:
        return None


def _inside(path: str, location: str) -> bool:
    child, parent = _parsed(path), _parsed(location)
    return child is not None and parent is not None and within(child, parent)


def location_for(path: str, locations: Iterable[str]) -> str | None:
    """The (longest) location that contains ``path``, or None."""
    found = [loc for loc in locations if loc and _inside(path, loc)]
    return max(found, key=len) if found else None


def check_scan_path(path: str, locations: Sequence[str], *, section: str = "the section") -> str:
    """``path`` (stripped) if it lies inside one of ``locations``; else a clear error."""
    text = check_path_text(path)
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
    text = check_path_text(path)
    best: tuple[int, str] | None = None
    for key, locations in sections:
        found = location_for(text, locations)
        if found is not None and (best is None or len(found) > best[0]):
            best = (len(found), key)
    return None if best is None else best[1]
