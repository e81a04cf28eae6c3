"""The player's error contract: connection trouble is one "player unavailable" error.

A 401 stays `UnauthorizedError` (498 `TokenExpiredError`,
which ``JWTAuth`` refreshes on its own), other answers their typed
`APIError` with the status, and a missing item is ``None`` (or
``False``) in the player's own API rather than an error.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from plexkit.errors import PlexError, TransportError

__all__ = ["PlayerUnavailableError", "translated", "unavailable"]


class PlayerUnavailableError(TransportError):
    """The Plex server could not be reached (refused, timed out, dropped, 503)."""


def unavailable(exc: PlexError, where: str) -> PlexError:
    """``exc`` as the player reports it: transport failures become
    `PlayerUnavailableError` (naming the server), everything else is unchanged."""
    if isinstance(exc, TransportError) and not isinstance(exc, PlayerUnavailableError):
        error = PlayerUnavailableError(f"the Plex player at {where} is unavailable: {exc}")
        error.__cause__ = exc
        return error
    return exc


@contextlib.contextmanager
def translated(where: str) -> Iterator[None]:
    """Re-raise transport failures inside the block as `PlayerUnavailableError`."""
    try:
        yield
    except TransportError as exc:
        error = unavailable(exc, where)
        if error is exc:
            raise
        raise error from exc
