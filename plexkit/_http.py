"""The one module that imports httpx for plexkit's clients, so the HTTP stack can be swapped.

It turns plexkit settings into httpx objects and httpx failures into plexkit errors.
"""

from __future__ import annotations

import importlib
import ssl
from types import ModuleType

import httpx

from plexkit._redact import redact_url
from plexkit.config import PlexConfig, Timeouts
from plexkit.errors import (
    ConfigurationError,
    ConnectTimeoutError,
    ReadTimeoutError,
    TransportError,
)

__all__ = [
    "httpx",
    "httpx_ws",
    "limits_for",
    "timeout_for",
    "transport_error",
    "verify_for",
]


def httpx_ws() -> ModuleType:
    """httpx-ws, imported on first use: an optional extra that ``import plexkit`` must not
    load."""
    try:
        return importlib.import_module("httpx_ws")
    except ImportError:  # pragma: no cover - depends on the environment
        raise ConfigurationError(
            "live notifications need httpx-ws: pip install 'plexkit[notifications]'"
        ) from None


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


def verify_for(base_url: str, verify_ssl: bool) -> ssl.SSLContext | bool:
    """The client's ``verify=``: for a plain ``http://`` server (no TLS, redirects not
    followed) a bare context instead of one loaded with the CA bundle, which costs 20-50 ms
    of start-up; a TLS handshake through it fails verification, it never passes unchecked."""
    if base_url.startswith("http://"):
        return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    return verify_ssl


def transport_error(
    exc: httpx.HTTPError, method: str, url: object, *, idempotent: bool = True
) -> TransportError:
    """The plexkit error for any httpx request failure, with a redacted URL and no token.

    The one place httpx errors become plexkit errors: a corrupt gzip body
    (``httpx.DecodingError``) is a failed transfer like a dropped connection. Failures before
    the request left (connect, pool) have ``request_sent=False``; for a write that may have
    reached the server (``idempotent=False``) the message says it may have been applied.
    """
    where = f"{method} {redact_url(url)}"
    if isinstance(exc, httpx.ConnectTimeout):
        return ConnectTimeoutError(
            f"{where}: timed out connecting to the server", request_sent=False
        )
    if isinstance(exc, httpx.PoolTimeout):
        return TransportError(f"{where}: no free connection in time", request_sent=False)
    if isinstance(exc, httpx.ConnectError):
        return TransportError(f"{where}: could not connect ({_reason(exc)})", request_sent=False)
    if isinstance(exc, httpx.ReadTimeout):
        what = "the server did not answer in time"
    elif isinstance(exc, httpx.TimeoutException):
        what = f"timed out ({type(exc).__name__})"
    elif isinstance(exc, httpx.DecodingError):
        what = f"the server sent a corrupt body ({_reason(exc)})"
    elif isinstance(exc, httpx.RemoteProtocolError):
        what = "the server dropped the connection or sent a broken response"
    else:
        what = f"{type(exc).__name__} ({_reason(exc)})"
    if not idempotent:
        what += "; the request was sent, so the server may have applied it (not retried)"
    kind = ReadTimeoutError if isinstance(exc, httpx.ReadTimeout) else TransportError
    return kind(f"{where}: {what}")


def _reason(exc: BaseException) -> str:
    return redact_url(str(exc) or type(exc).__name__)[:200]
