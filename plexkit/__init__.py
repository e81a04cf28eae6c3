"""plexkit: a typed, fast, sync and async SDK for Plex Media Server and plex.tv.

``PlexClient`` and ``AsyncPlexClient`` are imported on first use, so ``import plexkit`` stays
cheap and never pulls in optional extras.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from plexkit._core.edits import TagEdit
from plexkit._core.paging import Page
from plexkit._core.urls import SecretURL
from plexkit._version import __version__
from plexkit.config import ClientIdentity, PlexConfig, Timeouts, new_client_identifier
from plexkit.errors import (
    APIError,
    AuthFlowError,
    BadRequestError,
    ClientClosedError,
    ConfigurationError,
    ConnectTimeoutError,
    DeadlineExceededError,
    ForbiddenError,
    InvalidSignatureError,
    JWTError,
    NotFoundError,
    ParseError,
    PinCancelledError,
    PinExpiredError,
    PinTimeoutError,
    PlexError,
    RateLimitedError,
    ReadTimeoutError,
    ServerError,
    ServerNotFoundError,
    ServerUnavailableError,
    TokenExpiredError,
    TransportError,
    TwoFactorRequiredError,
    UnauthorizedError,
    WaitTimeoutError,
)

if TYPE_CHECKING:
    from plexkit._async.client import AsyncPlexClient
    from plexkit._sync.client import PlexClient

__all__ = [
    "APIError",
    "AsyncPlexClient",
    "AuthFlowError",
    "BadRequestError",
    "ClientClosedError",
    "ClientIdentity",
    "ConfigurationError",
    "ConnectTimeoutError",
    "DeadlineExceededError",
    "ForbiddenError",
    "InvalidSignatureError",
    "JWTError",
    "NotFoundError",
    "Page",
    "ParseError",
    "PinCancelledError",
    "PinExpiredError",
    "PinTimeoutError",
    "PlexClient",
    "PlexConfig",
    "PlexError",
    "RateLimitedError",
    "ReadTimeoutError",
    "SecretURL",
    "ServerError",
    "ServerNotFoundError",
    "ServerUnavailableError",
    "TagEdit",
    "Timeouts",
    "TokenExpiredError",
    "TransportError",
    "TwoFactorRequiredError",
    "UnauthorizedError",
    "WaitTimeoutError",
    "__version__",
    "new_client_identifier",
]

_LAZY = {
    "AsyncPlexClient": "plexkit._async.client",
    "PlexClient": "plexkit._sync.client",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'plexkit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
