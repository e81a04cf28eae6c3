"""Child tuples (tags, media, parts, streams) built on first access instead of per page.

A library page carries ~10 tag lists per movie, most of which a caller never reads. The
lenient structuring hooks of :mod:`plexkit.models._converter` leave such a field's wire value
in the instance dict under ``"~" + name`` (with the hook that builds it); a
:class:`LazyChildren` descriptor on the class builds the tuple on first access and stores it
in the instance dict, which from then on shadows the descriptor (plain attribute speed).
Equality, hashing, ``repr``, ``attrs.evolve`` and ``attrs.asdict`` read attributes, so they
see built tuples; pickling and copying build every pending field first.
"""

from __future__ import annotations

from typing import Any, Final

__all__ = ["PENDING", "LazyChildren", "install"]

#: Prefix of the instance-dict key holding ``(hook, wire value)`` of a field not built yet.
PENDING: Final = "~"


class LazyChildren:
    """Non-data descriptor of one child-tuple field: builds it from the pending wire value.

    Thread-safe without a lock: two threads may both build the tuple (equal results); the
    built value is stored before the pending entry is dropped, so a reader that finds no
    pending entry always finds the value.
    """

    __slots__ = ("default", "key", "name")

    def __init__(self, name: str, default: Any) -> None:
        self.name = name
        self.key = PENDING + name
        self.default = default

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        if obj is None:
            return self.default
        state = obj.__dict__
        pending = state.get(self.key)
        if pending is None:
            return state.get(self.name, self.default)
        hook, raw = pending
        try:
            value = hook(raw)
        except Exception:  # a child too broken to read is left out, as an eager build would
            value = self.default
        state[self.name] = value
        state.pop(self.key, None)
        return value


def _getstate(self: object) -> dict[str, Any]:
    """Pickle/copy state with every pending child built (hooks are not picklable)."""
    for key in [key for key in self.__dict__ if key.startswith(PENDING)]:
        getattr(self, key[len(PENDING) :])
    return dict(self.__dict__)


def install(cls: type, name: str, default: Any) -> None:
    """Put a :class:`LazyChildren` for field ``name`` on ``cls`` (idempotent)."""
    if not isinstance(cls.__dict__.get(name), LazyChildren):
        setattr(cls, name, LazyChildren(name, default))
    if cls.__dict__.get("__getstate__") is not _getstate:
        cls.__getstate__ = _getstate  # type: ignore[attr-defined]
