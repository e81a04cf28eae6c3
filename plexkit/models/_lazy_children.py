"""Child lists built on first access: a movie's roles, writers or guids cost nothing until read.

A listing page holds about ten tags per movie and most callers read one or two of the lists.
The readers' converter (`plexkit.models._converter.reader_converter`) therefore puts the wire
value of such a field into the instance ``__dict__`` under `raw_key` and leaves the field
itself out; the class carries a `LazyChildren` for the field, a non-data descriptor that
builds the tuple from the wire value on first access and stores it in the instance dict,
where every later access finds it directly (no call). Only lists of flat models whose
building cannot fail are deferred (tags, guids, streams), so reading a field never raises;
the value equals what building at once gives, and equality, hashing, ``repr``,
``attrs.evolve`` and pickling read fields through attribute access, so they see it too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

__all__ = ["LazyChildren", "raw_key"]

_ABSENT: Final = object()


def raw_key(name: str) -> str:
    """The instance-dict key holding the wire value of the deferred field ``name`` (not an
    identifier, so it cannot clash with a field)."""
    return f"{name}:wire"


class LazyChildren:
    """The class attribute of a deferred child-list field: its default when the instance
    has neither the built value nor a wire value, else the tuple built from the wire value."""

    __slots__ = ("build", "default", "key", "name")

    def __init__(self, name: str, default: Any, build: Callable[[Any], Any]) -> None:
        self.name = name
        self.key = raw_key(name)
        self.default = default
        self.build = build

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self.default
        values: dict[str, Any] = instance.__dict__
        wire = values.get(self.key, _ABSENT)
        if wire is _ABSENT:  # absent on the wire, or another thread just built it
            return values.get(self.name, self.default)
        built = values[self.name] = self.build(wire)
        # Stored before the wire value goes: a concurrent reader sees one or the other.
        values.pop(self.key, None)
        return built
