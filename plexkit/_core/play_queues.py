"""Request specs for play queues (``/playQueues``): create, read a window, add, remove, move,
clear, shuffle, unshuffle and reset; and the checks on what callers pass for them.

Creating, adding and shuffling are never retried: a repeat would make a second queue, queue
the items twice or shuffle again. Removing an entry, moving it, clearing, unshuffling and
resetting leave the same queue when repeated (entry ids are never reused).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from plexkit._core.endpoints import RequestSpec, _clean, path_key
from plexkit.errors import ConfigurationError

if TYPE_CHECKING:
    from plexkit.models import PlayQueue

__all__ = [
    "add",
    "check_flag",
    "clear",
    "create",
    "entry_id",
    "get",
    "move",
    "queue_id",
    "remove",
    "reorder",
]

_TYPES: Final = ("video", "audio", "photo")
_REORDERS: Final = {"shuffle": False, "unshuffle": True, "reset": True}
"""The reorderings and whether repeating one is harmless."""


def check_flag(value: object, name: str) -> bool:
    """``value`` if it is a real bool, else a `ConfigurationError` naming ``name``."""
    if not isinstance(value, bool):
        raise ConfigurationError(f"{name} must be True or False, not {type(value).__name__}")
    return value


def _positive(value: object, what: str) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError(f"{what} must be a positive int, not {value!r}")
    return value


def queue_id(queue: PlayQueue | int | str) -> int:
    """A play queue's id from its model or its id (``12`` or ``"12"``)."""
    from plexkit.models import PlayQueue

    if isinstance(queue, PlayQueue):
        return queue.id
    return _positive(queue, "a play queue (its model or id)")


def entry_id(value: object, what: str = "play queue item id") -> int:
    """A ``playQueueItemID``: a positive int."""
    return _positive(value, what)


def _source(uri: str | None, playlist_id: str | None) -> dict[str, str | None]:
    if (uri is None) == (playlist_id is None):
        raise ConfigurationError("a play queue source is items or a playlist, exactly one")
    return {"uri": uri, "playlistID": None if playlist_id is None else path_key(playlist_id)}


def create(
    *,
    type: str,
    uri: str | None = None,
    playlist_id: str | None = None,
    key: str | None = None,
    shuffle: bool = False,
    continuous: bool = False,
) -> RequestSpec:
    """``POST /playQueues``: a queue of ``uri``'s items or of a playlist, ``key`` first."""
    if type not in _TYPES:
        raise ConfigurationError(f"play queue type must be video, audio or photo, not {type!r}")
    params = {
        **_source(uri, playlist_id),
        "type": type,
        "key": key,
        "shuffle": 1 if check_flag(shuffle, "shuffle") else None,
        "continuous": 1 if check_flag(continuous, "continuous") else None,
    }
    return RequestSpec(method="POST", path="/playQueues", params=_clean(params), idempotent=False)


def get(
    queue: int,
    *,
    window: int | None = None,
    center: int | None = None,
    include_before: bool = True,
    include_after: bool = True,
) -> RequestSpec:
    """``GET /playQueues/{id}``: ``window`` entries each side of ``center`` (an entry id; the
    selected entry by default). Never cached: a queue changes as it plays."""
    if window is not None and (isinstance(window, bool) or not isinstance(window, int)):
        raise ConfigurationError(f"window must be an int or None, not {window!r}")
    if window is not None and window < 0:
        raise ConfigurationError(f"window must not be negative, not {window!r}")
    params = {
        "window": window,
        "center": None if center is None else entry_id(center, "center"),
        "includeBefore": None if check_flag(include_before, "include_before") else 0,
        "includeAfter": None if check_flag(include_after, "include_after") else 0,
    }
    return RequestSpec(method="GET", path=f"/playQueues/{queue}", params=_clean(params))


def add(
    queue: int, *, uri: str | None = None, playlist_id: str | None = None, next: bool = False
) -> RequestSpec:
    """``PUT /playQueues/{id}``: queue more items at the end, or next (``next=1``)."""
    params = {**_source(uri, playlist_id), "next": 1 if check_flag(next, "next") else None}
    return RequestSpec(
        method="PUT", path=f"/playQueues/{queue}", params=_clean(params), idempotent=False
    )


def remove(queue: int, item: int) -> RequestSpec:
    return RequestSpec(
        method="DELETE", path=f"/playQueues/{queue}/items/{entry_id(item)}", idempotent=True
    )


def clear(queue: int) -> RequestSpec:
    return RequestSpec(method="DELETE", path=f"/playQueues/{queue}/items", idempotent=True)


def move(queue: int, item: int, after: int | None) -> RequestSpec:
    """Move an entry to the front (``after`` None) or just after entry ``after``."""
    params = _clean({"after": None if after is None else entry_id(after, "after")})
    return RequestSpec(
        method="PUT",
        path=f"/playQueues/{queue}/items/{entry_id(item)}/move",
        params=params,
        idempotent=True,
    )


def reorder(queue: int, action: str) -> RequestSpec:
    """``PUT /playQueues/{id}/shuffle``, ``/unshuffle`` or ``/reset``."""
    return RequestSpec(
        method="PUT", path=f"/playQueues/{queue}/{action}", idempotent=_REORDERS[action]
    )
