"""Per-response cache facts: was this answer a hit, and how old is it (pure, no I/O).

Stats are shared counters, so comparing them before and after a call races with every other
caller. Instead the response cache reports each answer it gives to the capture scopes active
in the calling task (a `contextvars` variable, so concurrent tasks and threads never see
each other's answers)::

    with capture_cache_info() as seen:
        sections = await plex.library.sections()
    seen.last.hit, seen.last.age
"""

from __future__ import annotations

import contextvars

import attrs

from plexkit.errors import ConfigurationError

__all__ = ["CacheInfo", "CacheInfoLog", "capture_cache_info", "report_cache_info"]


@attrs.frozen(kw_only=True)
class CacheInfo:
    """What the cache did for one response.

    ``hit``: served from the cache (or from another caller's load of the same key) without a
    request of its own; ``age``: seconds since the value was fetched from the server (0.0 for
    a fresh load); ``stale``: served past its TTL because the server was unavailable.
    """

    name: str
    hit: bool
    age: float
    stale: bool = False

    def to_dict(self) -> dict[str, object]:
        """``{"cached": hit, "cache_age": age}``, the shape dashboards answer with."""
        return {"cached": self.hit, "cache_age": round(self.age, 3)}


@attrs.define
class CacheInfoLog:
    """The cache facts of every cached call made inside one `capture_cache_info`."""

    infos: list[CacheInfo] = attrs.field(factory=list)

    @property
    def last(self) -> CacheInfo | None:
        """The most recent response's facts (None when no call went through the cache)."""
        return self.infos[-1] if self.infos else None

    @property
    def hit(self) -> bool:
        """True when at least one call was made and every one was a hit."""
        return bool(self.infos) and all(info.hit for info in self.infos)

    @property
    def age(self) -> float | None:
        """The oldest answer's age (None when no call went through the cache)."""
        return max((info.age for info in self.infos), default=None)


_ACTIVE: contextvars.ContextVar[tuple[CacheInfoLog, ...]] = contextvars.ContextVar(
    "plexkit_cache_info", default=()
)


class capture_cache_info:
    """Collect the cache facts of the calls made in this block (nested scopes all see them).

    A class rather than a generator context manager: every paged read enters one. Each
    scope is entered once (call ``capture_cache_info()`` again for another block).
    """

    __slots__ = ("_entered", "_log", "_token")

    def __init__(self) -> None:
        self._log = CacheInfoLog()
        self._entered = False

    def __enter__(self) -> CacheInfoLog:
        if self._entered:
            raise ConfigurationError(
                "a capture_cache_info() scope is entered once; call capture_cache_info() "
                "again for another block"
            )
        self._entered = True
        self._token = _ACTIVE.set((*_ACTIVE.get(), self._log))
        return self._log

    def __exit__(self, *exc_info: object) -> None:
        _ACTIVE.reset(self._token)


def report_cache_info(info: CacheInfo) -> None:
    """Hand ``info`` to every capture scope active in the calling context (cheap when none)."""
    for log in _ACTIVE.get():
        log.infos.append(info)
