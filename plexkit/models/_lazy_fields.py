"""Fields built on first access: a listing converts only the values its caller reads.

A 500-movie page holds some 40 values and ten child lists per movie, and most callers read a
handful (a title, a file, the genres). The readers' converter
(`plexkit.models._converter.reader_converter`) therefore keeps each model's wire dict in its
instance ``__dict__`` under `WIRE_DICT`, sets only the required fields and nested models at
once, and leaves every other field to a `LazyField` on the class: a non-data descriptor that
converts the wire value on first access and stores it in the instance dict, where every later
access finds it directly (no call). Only values whose conversion cannot fail are deferred
(lenient scalars; lists of flat models), so reading a field never raises and the value equals
what building at once gives. Equality, hashing, ``repr``, ``to_dict`` and ``attrs.evolve``
read fields through attribute access, and pickling and copying go through
`plexkit.models._display.Display.__getstate__`, which hands over the fields, not the wire dict.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

__all__ = ["WIRE_DICT", "LazyField"]

#: The instance-dict key of a reader-built model's wire dict (not an identifier, so it
#: cannot clash with a field).
WIRE_DICT: Final = "plexkit:wire"
_ABSENT: Final = object()


class LazyField:
    """The class attribute of a deferred field: its default when the instance has neither
    the built value nor a wire value for it, else the value built from the wire value."""

    __slots__ = ("build", "default", "key", "name")

    def __init__(self, name: str, key: str, default: Any, build: Callable[[Any], Any]) -> None:
        self.name = name
        self.key = key
        self.default = default
        self.build = build

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self.default
        values: dict[str, Any] = instance.__dict__
        wire = values.get(WIRE_DICT)
        if wire is None:  # built at once (``__init__``, the eager converter, a pickle)
            return self.default
        raw = wire.get(self.key, _ABSENT)
        if raw is _ABSENT:
            return self.default
        # Two threads reading it first both build an equal value; either one is kept.
        built = values[self.name] = self.build(raw)
        return built
