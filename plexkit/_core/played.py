"""Request specs for played state: scrobble, unscrobble, progress, timeline and rate."""

from __future__ import annotations

import math
from typing import Final

from plexkit._core.endpoints import RequestSpec, _clean, path_key
from plexkit.errors import ConfigurationError
from plexkit.types import PlaybackState

__all__ = ["PlaybackState", "progress", "rate", "scrobble", "timeline", "unscrobble"]

_LIBRARY: Final = "com.plexapp.plugins.library"
_STATES: Final = ("playing", "paused", "stopped", "buffering")


def _millis(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigurationError(f"{what} must be a non-negative int of milliseconds")
    return value


def scrobble(rating_key: str | int) -> RequestSpec:
    """Mark played; repeating it counts another play, so it is never retried."""
    params = {"key": path_key(rating_key), "identifier": _LIBRARY}
    return RequestSpec(method="GET", path="/:/scrobble", params=params, idempotent=False)


def unscrobble(rating_key: str | int) -> RequestSpec:
    """Mark unplayed (harmless to repeat)."""
    params = {"key": path_key(rating_key), "identifier": _LIBRARY}
    return RequestSpec(method="GET", path="/:/unscrobble", params=params, idempotent=True)


def progress(
    rating_key: str | int, offset_ms: int, *, state: PlaybackState = "stopped"
) -> RequestSpec:
    """Remember a position (``/:/progress``); setting the same position twice is harmless."""
    _check_state(state)
    params = _clean(
        {
            "key": path_key(rating_key),
            "identifier": _LIBRARY,
            "time": _millis(offset_ms, "offset_ms"),
            "state": state,
        }
    )
    return RequestSpec(method="GET", path="/:/progress", params=params, idempotent=True)


def timeline(
    rating_key: str | int,
    offset_ms: int,
    *,
    state: PlaybackState,
    duration_ms: int | None = None,
) -> RequestSpec:
    """A player's timeline report (``/:/timeline``), answered with the item's play state."""
    _check_state(state)
    key = path_key(rating_key)
    params = _clean(
        {
            "ratingKey": key,
            "key": f"/library/metadata/{key}",
            "identifier": _LIBRARY,
            "state": state,
            "time": _millis(offset_ms, "offset_ms"),
            "duration": None if duration_ms is None else _millis(duration_ms, "duration_ms"),
        }
    )
    return RequestSpec(method="GET", path="/:/timeline", params=params, idempotent=True)


def rate(rating_key: str | int, rating: float | None) -> RequestSpec:
    """Set the user's rating, 0 to 10 (``None`` clears it)."""
    if rating is None:
        value: float = -1
    elif (
        isinstance(rating, bool)
        or not isinstance(rating, (int, float))
        or not math.isfinite(rating)
        or not 0 <= rating <= 10
    ):
        raise ConfigurationError(f"rating must be a number from 0 to 10 or None, not {rating!r}")
    else:
        value = rating
    params = _clean({"key": path_key(rating_key), "identifier": _LIBRARY, "rating": value})
    return RequestSpec(method="PUT", path="/:/rate", params=params, idempotent=True)


def _check_state(state: str) -> None:
    if state not in _STATES:
        raise ConfigurationError(f"state must be one of {', '.join(_STATES)}, not {state!r}")
