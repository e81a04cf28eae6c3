"""How long each kind of answer is cached, and what a write makes stale (pure).

TTLs are keyed by cache name; ``0`` means never cached. The defaults are the "Default TTLs"
table of docs/caching.md.
`affected_by_write` maps a write request to the cache names it invalidates.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final
from urllib.parse import urlsplit

import attrs

from plexkit.errors import ConfigurationError

__all__ = ["DEFAULT_TTLS", "NEVER", "CachePolicy", "affected_by_write"]

NEVER: Final = 0.0
"""A TTL of zero: the answer is never cached."""

DEFAULT_TTLS: Final[Mapping[str, float]] = MappingProxyType(
    {
        "server": 3600.0,  # GET / and /identity
        "sections": 3600.0,  # /library/sections
        "items": 900.0,  # pages of /library/sections/{key}/all
        "search": 900.0,
        "recently_added": 900.0,
        "metadata": 900.0,  # one item's detail, /library/metadata/{key}
        "collections": 900.0,
        "children": 900.0,  # children and all leaves of a show, season or album
        "history": 300.0,
        "activities": 5.0,
        "sessions": NEVER,  # what is playing now is never cached
    }
)


def _seconds(value: object) -> float | None:
    """``value`` as a number of seconds >= 0, or None when it is not one (bools included)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    seconds = float(value)
    return None if math.isnan(seconds) or seconds < 0 else seconds


def _check_ttls(value: Mapping[str, float] | None) -> Mapping[str, float]:
    checked: dict[str, float] = {}
    for name, ttl in (value or {}).items():
        seconds = _seconds(ttl)
        if seconds is None:
            raise ConfigurationError(f"TTL for cache {name!r} must be >= 0 seconds, got {ttl!r}")
        checked[name] = seconds
    return MappingProxyType(checked)


@attrs.frozen
class CachePolicy:
    """TTL per cache name: the defaults, with the client's ``overrides`` on top.

    ``CachePolicy(overrides={"items": 60, "sessions": 0})``; names not in either table get
    ``default_ttl`` (never cached unless set), so an unknown endpoint is never served stale.
    """

    overrides: Mapping[str, float] = attrs.field(factory=dict, converter=_check_ttls)
    default_ttl: float = attrs.field(default=NEVER, kw_only=True)

    @default_ttl.validator
    def _check_default(self, _attr: attrs.Attribute[float], value: float) -> None:
        if _seconds(value) is None:
            raise ConfigurationError(f"default_ttl must be >= 0 seconds, got {value!r}")

    def ttl_for(self, name: str) -> float:
        """Seconds an answer of cache ``name`` stays fresh; 0 means never cache it."""
        if name in self.overrides:
            return self.overrides[name]
        return DEFAULT_TTLS.get(name, self.default_ttl)

    @property
    def ttls(self) -> Mapping[str, float]:
        """Every named TTL in force (defaults merged with overrides)."""
        return MappingProxyType({**DEFAULT_TTLS, **self.overrides})


# Groups of caches that one kind of write changes.
_ITEM_EDIT: Final = ("metadata", "items", "search", "recently_added", "collections", "children")
_SCAN: Final = (
    "sections",
    "items",
    "recently_added",
    "activities",
    "search",
    "children",
    "collections",
)
_SECTION_CHANGE: Final = ("sections", *_ITEM_EDIT)
_COLLECTION_CHANGE: Final = ("collections", "items", "metadata", "children", "search")
_WATCH_STATE: Final = ("metadata", "items", "children", "history", "search", "recently_added")

# (path pattern, methods or None for any method, caches invalidated). First match wins, so
# specific paths come before general ones. A matched action path invalidates whatever method
# Plex uses for it (section scans are GETs on the real server).
_RULES: Final[tuple[tuple[re.Pattern[str], frozenset[str] | None, tuple[str, ...]], ...]] = (
    (re.compile(r"^/library/sections/[^/]+/(refresh|analyze)$"), None, _SCAN),
    (re.compile(r"^/library/sections/all/refresh$"), None, _SCAN),
    (re.compile(r"^/library/sections/[^/]+/all$"), frozenset({"PUT"}), _ITEM_EDIT),
    (re.compile(r"^/library/sections/[^/]+/emptyTrash$"), None, _SECTION_CHANGE),
    (re.compile(r"^/library/(clean/bundles|optimize)$"), None, _SECTION_CHANGE),
    (
        re.compile(r"^/library/sections(/[^/]+)?(/prefs)?$"),
        frozenset({"POST", "PUT", "DELETE"}),
        _SECTION_CHANGE,
    ),
    (
        re.compile(r"^/library/sections/[^/]+/collections?(/.*)?$"),
        frozenset({"POST", "PUT", "DELETE"}),
        _COLLECTION_CHANGE,
    ),
    (
        re.compile(r"^/library/collections(/.*)?$"),
        frozenset({"POST", "PUT", "DELETE"}),
        _COLLECTION_CHANGE,
    ),
    (
        re.compile(r"^/library/metadata/[^/]+/(refresh|analyze|match|unmatch|split|merge)$"),
        None,
        (*_ITEM_EDIT, "activities"),
    ),
    (
        re.compile(r"^/library/metadata/[^/]+(/.*)?$"),
        frozenset({"POST", "PUT", "DELETE"}),
        _ITEM_EDIT,
    ),
    (re.compile(r"^/activities(/.*)?$"), frozenset({"POST", "PUT", "DELETE"}), ("activities",)),
    (re.compile(r"^/:/(scrobble|unscrobble|rate|progress)$"), None, _WATCH_STATE),
    (re.compile(r"^/:/timeline$"), None, ("sessions", "history")),
    (
        re.compile(r"^/status/sessions/history(/.*)?$"),
        frozenset({"POST", "PUT", "DELETE"}),
        ("history",),
    ),
    (re.compile(r"^/status/sessions(/.*)?$"), frozenset({"POST", "PUT", "DELETE"}), ("sessions",)),
    (re.compile(r"^/status/sessions/terminate$"), None, ("sessions",)),
    (
        re.compile(r"^/playlists(/.*)?$"),
        frozenset({"POST", "PUT", "DELETE"}),
        ("playlists", "metadata", "items"),
    ),
    (re.compile(r"^/:/prefs$"), frozenset({"PUT", "POST"}), ("server",)),
)


def affected_by_write(method: str, path: str) -> tuple[str, ...]:
    """The cache names a request changes: what to invalidate after it succeeds.

    ``PUT /library/metadata/{id}`` (an edit) touches metadata, items, search, recently added,
    collections and children; a section scan touches sections, items, recently added and
    activities (plus search, children and collections, which a scan can also change);
    ``DELETE /activities/{uuid}`` touches activities. Plain reads and unknown paths touch nothing.
    """
    verb = method.strip().upper()
    parts = urlsplit(path)
    clean = (parts.path or "/").rstrip("/") or "/"
    for pattern, methods, names in _RULES:
        if pattern.match(clean) and (methods is None or verb in methods):
            return names
    return ()
