"""Single-flight bookkeeping: the load concurrent callers of one key share, and the
invalidation counters that keep a load started before an invalidation from being stored."""

from __future__ import annotations

from plexkit._response import CachedResponse
from plexkit._synchronization import AsyncEvent

__all__ = ["Flight", "Generations", "names_of"]


class Flight:
    """One in-progress load that concurrent callers of the same key wait for."""

    __slots__ = ("abandoned", "done", "error", "generation", "value")

    def __init__(self, generation: tuple[int, int]) -> None:
        self.done = AsyncEvent()
        self.generation = generation
        self.value: CachedResponse | None = None
        self.error: Exception | None = None
        self.abandoned = False


class Generations:
    """Invalidation counters: a load that started before an invalidation is not stored."""

    def __init__(self) -> None:
        self.all = 0
        self.by_name: dict[str, int] = {}

    def snapshot(self, name: str) -> tuple[int, int]:
        return (self.all, self.by_name.get(name, 0))

    def bump(self, names: tuple[str, ...] | None) -> None:
        if names is None:
            self.all += 1
            return
        for name in names:
            self.by_name[name] = self.by_name.get(name, 0) + 1


def names_of(prefix: str) -> tuple[str, ...] | None:
    """The cache names an invalidation prefix can touch (None: possibly any)."""
    name, sep, _rest = prefix.partition(":")
    if not sep and not _is_name(name):
        return None
    return (name,) if name else None


def _is_name(text: str) -> bool:
    return bool(text) and text[0].isalpha() and all(c.isalnum() or c == "_" for c in text)
