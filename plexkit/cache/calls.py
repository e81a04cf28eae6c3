"""The client calls a cache control is handed: warmers (reads taking ``cache="refresh"``) and
the library counter, async and sync (one module for both, so each has one public home)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Literal, Protocol

__all__ = ["AsyncCounter", "AsyncWarmer", "Counter", "Warmer"]


class AsyncWarmer(Protocol):
    """A client call that can fill its cache: any read taking ``cache="refresh"``.

    Bound methods (``plex.library.sections``) fit, and so does
    ``functools.partial(plex.history.list, limit=500)`` to warm a call with arguments.
    """

    def __call__(self, *, cache: Literal["refresh"]) -> Awaitable[object]: ...


class Warmer(Protocol):
    """The sync `AsyncWarmer`: a read taking ``cache="refresh"`` (``plex.library.sections``)."""

    def __call__(self, *, cache: Literal["refresh"]) -> object: ...


AsyncCounter = Callable[[tuple[str, ...]], Awaitable[dict[str, int]]]
"""Counts library items of the given kinds (the client's ``library_counts``)."""
Counter = Callable[[tuple[str, ...]], dict[str, int]]
"""The sync `AsyncCounter`: counts library items of the given kinds."""
