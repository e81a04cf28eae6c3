"""TokenAuth: a fixed Plex token sent in the X-Plex-Token header."""

from __future__ import annotations

from collections.abc import Generator

from plexkit._http import httpx
from plexkit._redact import register_secret
from plexkit.config import check_header_text
from plexkit.errors import ConfigurationError

__all__ = ["TokenAuth"]


class TokenAuth(httpx.Auth):
    """Sends ``token`` as the X-Plex-Token header of every request, never in the URL.

    Works with any httpx client, sync or async. The token stays out of ``repr``.
    """

    def __init__(self, token: str) -> None:
        if not isinstance(token, str) or not token.strip():
            raise ConfigurationError("TokenAuth needs a non-empty token")
        check_header_text("token", token)
        self._token = token
        register_secret(token)

    def __repr__(self) -> str:
        return "TokenAuth(token=<hidden>)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["X-Plex-Token"] = self._token
        yield request
