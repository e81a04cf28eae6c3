"""The one module that imports httpx for plexkit's clients, so the HTTP stack can be swapped.

It turns plexkit settings into httpx objects and httpx failures into plexkit errors.
"""

from __future__ import annotations

import httpx

from plexkit._redact import redact_url
from plexkit.config import PlexConfig, Timeouts
from plexkit.errors import (
    ConnectTimeoutError,
    ReadTimeoutError,
    TransportError,
)

__all__ = ["httpx", "limits_for", "timeout_for", "transport_error"]


def timeout_for(timeouts: Timeouts, *, cap: float | None = None) -> httpx.Timeout:
    """Separate connect/read/write/pool timeouts, each capped by what is left of a deadline."""

    def bounded(value: float) -> float:
        return value if cap is None else max(0.001, min(value, cap))

    return httpx.Timeout(
        connect=bounded(timeouts.connect),
        read=bounded(timeouts.read),
        write=bounded(timeouts.write),
        pool=bounded(timeouts.pool),
    )


def limits_for(config: PlexConfig) -> httpx.Limits:
    """Connection pool limits with keep-alive."""
    return httpx.Limits(
        max_connections=config.max_connections,
        max_keepalive_connections=config.max_keepalive_connections,
    )


def transport_error(exc: httpx.TransportError, method: str, url: object) -> TransportError:
    """The plexkit error for an httpx transport failure, with a redacted URL and no token."""
    where = f"{method} {redact_url(url)}"
    if isinstance(exc, httpx.ConnectTimeout):
        return ConnectTimeoutError(f"{where}: timed out connecting to the server")
    if isinstance(exc, httpx.ReadTimeout):
        return ReadTimeoutError(f"{where}: the server did not answer in time")
    if isinstance(exc, httpx.TimeoutException):
        return TransportError(f"{where}: timed out ({type(exc).__name__})")
    if isinstance(exc, httpx.ConnectError):
        return TransportError(f"{where}: could not connect ({_reason(exc)})")
    if isinstance(exc, httpx.RemoteProtocolError):
        return TransportError(
            f"{where}: the server dropped the connection or sent a broken response"
        )
    return TransportError(f"{where}: {type(exc).__name__} ({_reason(exc)})")


def _reason(exc: BaseException) -> str:
    return redact_url(str(exc) or type(exc).__name__)[:200]
