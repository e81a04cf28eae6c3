"""What a websocket failure means as a `PlexError`: a refused upgrade keeps its HTTP status,
an auth close code becomes one, the rest is a transport error; and which of them a reconnect
cannot fix."""

from __future__ import annotations

from typing import Final

from plexkit._core.status import error_for_status
from plexkit._http import httpx, httpx_ws, transport_error
from plexkit._redact import redact_text
from plexkit.errors import ConfigurationError, PlexError, TransportError

__all__ = ["describe", "is_fatal", "websocket_error"]

_CLOSE_CODES: Final = {4401: 401, 4403: 403, 1008: 401}
"""Close codes PMS uses for a rejected token, as the HTTP status they stand for."""


def websocket_error(exc: Exception, path: str) -> PlexError:
    """The `PlexError` a failed websocket on ``path`` raised ``exc`` means: the upgrade's
    HTTP status, the close code as a status, or a transport error."""
    exc = _leaf(exc)
    if isinstance(exc, PlexError):
        return exc
    where = f"GET {path}"
    ws_module = httpx_ws()
    if isinstance(exc, ws_module.WebSocketUpgradeError):
        response = exc.response
        error = error_for_status(response.status_code, "GET", path, b"", response.headers)
        if error is not None:
            return error
        return TransportError(f"{where}: the server refused the websocket upgrade")
    if isinstance(exc, ws_module.WebSocketDisconnect):
        status = _CLOSE_CODES.get(exc.code)
        if status is not None:
            error = error_for_status(status, "GET", path, b"", {})
            if error is not None:
                return error
        return TransportError(f"{where}: the server closed the websocket (code {exc.code})")
    if isinstance(exc, httpx.TransportError):
        return transport_error(exc, "GET", path)
    return TransportError(f"{where}: {describe(exc)}")


def is_fatal(error: PlexError) -> bool:
    """Errors a reconnect cannot fix: a rejected token, a refused upgrade (4xx), a missing
    extra."""
    if isinstance(error, ConfigurationError):
        return True
    status = getattr(error, "status_code", None)
    return isinstance(status, int) and 400 <= status < 500 and status not in (408, 429)


def _leaf(exc: Exception) -> Exception:
    """The first real error inside (nested) exception groups from task groups."""
    while True:
        inner = getattr(exc, "exceptions", None)
        if not isinstance(inner, tuple) or not inner or not isinstance(inner[0], Exception):
            return exc
        exc = inner[0]


def describe(exc: BaseException) -> str:
    """The exception's type and its redacted text, for a message."""
    text = redact_text(str(exc))[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
