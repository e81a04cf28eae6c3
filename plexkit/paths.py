"""Map a media manager's paths to the Plex server's paths and back.

A manager sees ``/data/media/movies/The Matrix (1999)/`` where Plex, in Docker, sees
``/movies/The Matrix (1999)/``; a Windows manager may see ``M:\\Movies`` for a NAS's
``/volume1/movies``. `PathMapper` holds ordered ``(local, server)`` pairs::

    >>> from plexkit.paths import PathMapper
    >>> mapper = PathMapper([("/data/media/movies", "/movies"), ("M:\\\\TV", "/tv")])
    >>> mapper.to_server("/data/media/movies/The Matrix (1999)/")
    '/movies/The Matrix (1999)'
    >>> mapper.to_local("/tv/Dark (2017)/Season 01")
    'M:\\\\TV\\\\Dark (2017)\\\\Season 01'

The longest matching root wins, by whole segments only (``/data/movies2`` is not under
``/data/movies``). Windows roots (drive letters, UNC shares, either slash) match
case-insensitively; POSIX roots exactly. A path no mapping covers raises
`UnmappedPathError` unless the mapper was made with ``unmapped="pass"`` (then it
passes through unchanged); a path whose ``..`` leaves the root it names raises
`PathEscapeError`. Pure logic, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Final, Literal

import attrs

from plexkit._core.segments import ParsedPath, PathSyntaxError, parse, within
from plexkit.errors import ConfigurationError

__all__ = [
    "MappingSpec",
    "PathEscapeError",
    "PathMapper",
    "PathMapping",
    "PathMappingError",
    "PathSyntaxError",
    "Unmapped",
    "UnmappedPathError",
    "normalize",
]

Unmapped = Literal["error", "pass"]
Direction = Literal["to_server", "to_local"]
_LOCAL_KEYS: Final = ("local", "manager", "from")
_SERVER_KEYS: Final = ("server", "plex", "to")


class PathMappingError(ConfigurationError):
    """A path could not be mapped (base of the errors below)."""


class UnmappedPathError(PathMappingError):
    """No mapping covers the path (and the mapper does not pass unmapped paths through)."""


class PathEscapeError(PathMappingError):
    """The path names a mapped root, then leaves it with ``..``."""


@attrs.frozen
class PathMapping:
    """One ``local`` (the manager's) root and the ``server`` root Plex sees for it."""

    local: str
    server: str


MappingSpec = PathMapping | Sequence[str] | Mapping[str, str]
"""A mapping as an app keeps it in its config: a `PathMapping`, a ``(local, server)``
pair or a dict with ``local``/``server`` (or ``manager``/``plex``, ``from``/``to``) keys."""


def normalize(path: str) -> str:
    """``path`` in its canonical spelling: ``.``/``..`` resolved, one separator of its kind
    (``\\`` for Windows), no trailing separator, the drive letter upper-cased."""
    return parse(path).text()


@attrs.frozen
class _Root:
    local: ParsedPath
    server: ParsedPath
    index: int


def _pair(spec: MappingSpec, index: int) -> tuple[str, str]:
    if isinstance(spec, PathMapping):
        return spec.local, spec.server
    if isinstance(spec, Mapping):
        local = next((spec[k] for k in _LOCAL_KEYS if k in spec), None)
        server = next((spec[k] for k in _SERVER_KEYS if k in spec), None)
        if not isinstance(local, str) or not isinstance(server, str):
            raise ConfigurationError(
                f"path mapping #{index + 1} needs 'local' and 'server' strings, got {dict(spec)!r}"
            )
        return local, server
    if isinstance(spec, (str, bytes)) or len(spec) != 2:
        raise ConfigurationError(
            f"path mapping #{index + 1} must be a (local, server) pair, not {spec!r}"
        )
    local, server = spec[0], spec[1]
    if not isinstance(local, str) or not isinstance(server, str):
        raise ConfigurationError(f"path mapping #{index + 1} must hold two strings: {spec!r}")
    return local, server


class PathMapper:
    """Ordered ``(local, server)`` root pairs; maps paths both ways by whole segments.

    ``unmapped="error"`` (the default) raises `UnmappedPathError` for a path outside
    every root; ``"pass"`` returns it unchanged (for setups where some paths are the same on
    both sides). ``PathMapper()`` with no mappings and ``unmapped="pass"`` is the identity.
    Two mappings of one root (on either side) are refused: one direction would be ambiguous.
    """

    def __init__(
        self, mappings: Iterable[MappingSpec] = (), *, unmapped: Unmapped = "error"
    ) -> None:
        if unmapped not in ("error", "pass"):
            raise ConfigurationError(f"unmapped must be 'error' or 'pass', not {unmapped!r}")
        if isinstance(mappings, (str, bytes, Mapping)):
            raise ConfigurationError("mappings must be a list of (local, server) pairs or dicts")
        roots: list[_Root] = []
        for index, spec in enumerate(mappings):
            local, server = _pair(spec, index)
            root = _Root(
                local=parse(local, what="local root"),
                server=parse(server, what="server root"),
                index=index,
            )
            for other in roots:
                for side in ("local", "server"):
                    mine: ParsedPath = getattr(root, side)
                    theirs: ParsedPath = getattr(other, side)
                    if mine.flavour == theirs.flavour and mine.keys == theirs.keys:
                        raise ConfigurationError(
                            f"path mappings #{other.index + 1} and #{index + 1} both map the "
                            f"{side} root {mine.text()!r}"
                        )
            roots.append(root)
        self._roots = tuple(roots)
        self.unmapped: Unmapped = unmapped

    @classmethod
    def from_config(
        cls, data: Iterable[MappingSpec] | None, *, unmapped: Unmapped = "error"
    ) -> PathMapper:
        """A mapper from plain config data (a list of pairs or dicts; None means none)."""
        return cls(data or (), unmapped=unmapped)

    @property
    def mappings(self) -> tuple[PathMapping, ...]:
        """The mappings in order, in normalised spelling."""
        return tuple(PathMapping(r.local.text(), r.server.text()) for r in self._roots)

    def __repr__(self) -> str:
        pairs = ", ".join(f"{m.local!r} -> {m.server!r}" for m in self.mappings)
        return f"PathMapper([{pairs}], unmapped={self.unmapped!r})"

    def to_server(self, path: str) -> str:
        """The server's path for the manager's ``path``."""
        return self._map(path, "to_server")

    def to_local(self, path: str) -> str:
        """The manager's path for the server's ``path``."""
        return self._map(path, "to_local")

    def maps(self, path: str, *, direction: Direction = "to_server") -> bool:
        """True when a mapping covers ``path`` in that direction."""
        parsed = parse(path)
        return self._best(parsed, direction) is not None

    def _best(self, parsed: ParsedPath, direction: Direction) -> _Root | None:
        side = "local" if direction == "to_server" else "server"
        best: _Root | None = None
        for root in self._roots:
            base: ParsedPath = getattr(root, side)
            if within(parsed, base) and (
                best is None or len(base.parts) > len(getattr(best, side).parts)
            ):
                best = root
        return best

    def _map(self, path: str, direction: Direction) -> str:
        parsed = parse(path)
        source, target = ("local", "server") if direction == "to_server" else ("server", "local")
        named = parsed.before_climbing()
        if parsed.named is not None:
            left = self._best(named, direction)
            if left is not None and not within(parsed, getattr(left, source)):
                raise PathEscapeError(
                    f"{path!r} leaves the mapped root {getattr(left, source).text()!r} with '..'"
                )
        root = self._best(parsed, direction)
        if root is None:
            if self.unmapped == "pass":
                return path
            roots = ", ".join(repr(getattr(r, source).text()) for r in self._roots) or "none"
            side = "local" if direction == "to_server" else "server"
            raise UnmappedPathError(
                f"{path!r} is outside every mapped {side} root ({roots}); add a mapping for it"
            )
        base: ParsedPath = getattr(root, source)
        tail = parsed.parts[len(base.parts) :]
        destination: ParsedPath = getattr(root, target)
        bad = None
        if destination.flavour == "windows" and parsed.flavour == "posix":
            bad = next((p for p in tail if "\\" in p or ":" in p), None)
        if bad is not None:
            raise PathMappingError(
                f"segment {bad!r} of {path!r} cannot be spelled as a {destination.flavour} path"
            )
        return destination.child(tail).text()
