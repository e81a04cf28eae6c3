"""Which path-scoped scan wait owns which scan activity (no I/O; see ``_core.waits``)."""

from __future__ import annotations

import threading

import attrs

from plexkit.models import Activity

__all__ = ["ScanClaims"]


def _names(subtitle: str | None, path: str) -> bool:
    """True when an activity subtitle names ``path`` or something inside it."""
    if not subtitle:
        return False
    root = path.rstrip("/\\")
    return subtitle == root or subtitle.startswith((root + "/", root + "\\"))


@attrs.define
class ScanClaims:
    """Which path-scoped scan wait owns which scan activity, shared by one client's waits.

    Thread-safe (the sync client's waits may run on several threads); holds no I/O.
    """

    _next: int = 0
    _paths: dict[int, tuple[str, str]] = attrs.field(factory=dict)
    _waiting: list[int] = attrs.field(factory=list)
    _baseline: dict[int, frozenset[str]] = attrs.field(factory=dict)
    _owner: dict[str, int] = attrs.field(factory=dict)
    _known: set[str] = attrs.field(factory=set)
    _lock: threading.Lock = attrs.field(factory=threading.Lock)

    def register(self, section_key: str, path: str) -> int:
        """A wait for the scan of ``path`` in ``section_key`` whose request was acknowledged
        now; returns the wait's token."""
        with self._lock:
            token = self._next
            self._next += 1
            self._paths[token] = (str(section_key), path)
            self._waiting.append(token)
            self._baseline[token] = frozenset(self._known)
            return token

    def release(self, token: int) -> None:
        """Forget a finished (or failed) wait and the activities it owned."""
        with self._lock:
            self._paths.pop(token, None)
            self._baseline.pop(token, None)
            if token in self._waiting:
                self._waiting.remove(token)
            for uuid in [u for u, owner in self._owner.items() if owner == token]:
                del self._owner[uuid]

    def owner(self, activity: Activity) -> int | None:
        """The token of the wait that owns scan ``activity`` (deciding it on first sight),
        or None when no registered wait does."""
        with self._lock:
            uuid = activity.uuid
            if uuid in self._owner:
                return self._owner[uuid]
            first_sight = uuid not in self._known
            self._known.add(uuid)
            section = activity.context.library_section_id if activity.context else None
            candidates = [
                token
                for token in self._waiting
                if self._paths[token][0] == str(section) and uuid not in self._baseline[token]
            ]
            named = [t for t in candidates if _names(activity.subtitle, self._paths[t][1])]
            if named:
                chosen = max(named, key=lambda t: len(self._paths[t][1]))
            elif candidates and first_sight:
                chosen = candidates[0]
            else:
                return None
            self._owner[uuid] = chosen
            self._waiting.remove(chosen)
            return chosen
