"""plex.tv authentication: token, password, PIN, JWT/JWK with automatic refresh, discovery.

Every scheme is an ``httpx.Auth`` usable with any httpx client. I/O helpers come in pairs:
``AsyncX``/``async_x`` for asyncio and trio, ``X``/``x`` for blocking code (generated from the
async ones). Names load on first use, so ``import plexkit.auth`` never imports the optional
``jwt`` extra (cryptography, PyJWT); only :class:`DeviceKey` and JWT verification need it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from plexkit.auth._async.discovery import (
        async_choose_connection,
        async_connect_server,
        async_find_server,
    )
    from plexkit.auth._async.jwt import AsyncJWTAuth
    from plexkit.auth._async.pin import AsyncPinLogin
    from plexkit.auth._async.session import AsyncPlexTV, async_check_token, async_sign_in
    from plexkit.auth._async.token_file import AsyncTokenFile
    from plexkit.auth._sync.discovery import choose_connection, connect_server, find_server
    from plexkit.auth._sync.jwt import JWTAuth
    from plexkit.auth._sync.pin import PinLogin
    from plexkit.auth._sync.session import PlexTV, check_token, sign_in
    from plexkit.auth._sync.token_file import TokenFile
    from plexkit.auth._urls import CLIENTS_URL, PLEXTV_URL, auth_app_url, link_url
    from plexkit.auth.claims import ALL_SCOPES, DEFAULT_SCOPES
    from plexkit.auth.connections import candidates, choose_server
    from plexkit.auth.jws import verify_plex_jwt
    from plexkit.auth.keys import DeviceKey
    from plexkit.auth.models import (
        Account,
        Connection,
        Pin,
        PinStatus,
        Resource,
        ServerConnection,
    )
    from plexkit.auth.token import TokenAuth
    from plexkit.errors import PinCancelledError, ServerNotFoundError

_LAZY = {
    "ALL_SCOPES": "plexkit.auth.claims",
    "Account": "plexkit.auth.models",
    "AsyncJWTAuth": "plexkit.auth._async.jwt",
    "AsyncPinLogin": "plexkit.auth._async.pin",
    "AsyncPlexTV": "plexkit.auth._async.session",
    "AsyncTokenFile": "plexkit.auth._async.token_file",
    "CLIENTS_URL": "plexkit.auth._urls",
    "Connection": "plexkit.auth.models",
    "DEFAULT_SCOPES": "plexkit.auth.claims",
    "DeviceKey": "plexkit.auth.keys",
    "JWTAuth": "plexkit.auth._sync.jwt",
    "PLEXTV_URL": "plexkit.auth._urls",
    "Pin": "plexkit.auth.models",
    "PinCancelledError": "plexkit.errors",
    "PinLogin": "plexkit.auth._sync.pin",
    "PinStatus": "plexkit.auth.models",
    "PlexTV": "plexkit.auth._sync.session",
    "Resource": "plexkit.auth.models",
    "ServerConnection": "plexkit.auth.models",
    "ServerNotFoundError": "plexkit.errors",
    "TokenAuth": "plexkit.auth.token",
    "TokenFile": "plexkit.auth._sync.token_file",
    "async_check_token": "plexkit.auth._async.session",
    "async_choose_connection": "plexkit.auth._async.discovery",
    "async_connect_server": "plexkit.auth._async.discovery",
    "async_find_server": "plexkit.auth._async.discovery",
    "async_sign_in": "plexkit.auth._async.session",
    "auth_app_url": "plexkit.auth._urls",
    "candidates": "plexkit.auth.connections",
    "check_token": "plexkit.auth._sync.session",
    "choose_connection": "plexkit.auth._sync.discovery",
    "choose_server": "plexkit.auth.connections",
    "connect_server": "plexkit.auth._sync.discovery",
    "find_server": "plexkit.auth._sync.discovery",
    "link_url": "plexkit.auth._urls",
    "sign_in": "plexkit.auth._sync.session",
    "verify_plex_jwt": "plexkit.auth.jws",
}

__all__ = [
    "ALL_SCOPES",
    "CLIENTS_URL",
    "DEFAULT_SCOPES",
    "PLEXTV_URL",
    "Account",
    "AsyncJWTAuth",
    "AsyncPinLogin",
    "AsyncPlexTV",
    "AsyncTokenFile",
    "Connection",
    "DeviceKey",
    "JWTAuth",
    "Pin",
    "PinCancelledError",
    "PinLogin",
    "PinStatus",
    "PlexTV",
    "Resource",
    "ServerConnection",
    "ServerNotFoundError",
    "TokenAuth",
    "TokenFile",
    "async_check_token",
    "async_choose_connection",
    "async_connect_server",
    "async_find_server",
    "async_sign_in",
    "auth_app_url",
    "candidates",
    "check_token",
    "choose_connection",
    "choose_server",
    "connect_server",
    "find_server",
    "link_url",
    "sign_in",
    "verify_plex_jwt",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'plexkit.auth' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
