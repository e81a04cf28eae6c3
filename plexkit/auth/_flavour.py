"""A base for auths that do their own I/O, so each is only used with the matching client kind.

``AsyncJWTAuth`` awaits plex.tv and serves ``httpx.AsyncClient``; its generated twin
``JWTAuth`` blocks and serves ``httpx.Client``. Used with the other kind, httpx would fall back
to ``Auth.auth_flow`` and send requests with no token at all; this base raises instead.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator

from plexkit._http import httpx
from plexkit.errors import ConfigurationError

__all__ = ["IOAuth"]


class IOAuth(httpx.Auth):
    """Refuses the client kind a subclass does not implement a flow for."""

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        name = type(self).__name__
        raise ConfigurationError(
            f"{name} awaits plex.tv: use it with httpx.AsyncClient or AsyncPlexClient "
            f"(for sync clients use {name.removeprefix('Async')})"
        )

    def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        name = type(self).__name__
        raise ConfigurationError(
            f"{name} blocks on plex.tv: use it with httpx.Client or PlexClient "
            f"(for async clients use Async{name})"
        )
