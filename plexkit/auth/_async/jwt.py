"""AsyncJWTAuth: send a Plex JWT and keep it fresh, one refresh at a time."""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable
from typing import TYPE_CHECKING

from plexkit._redact import get_logger, register_secret
from plexkit._synchronization import AsyncLock
from plexkit.auth import CLIENTS_URL, PLEXTV_URL
from plexkit.auth._async.session import AsyncPlexTV
from plexkit.auth._flavour import IOAuth
from plexkit.auth.claims import DEFAULT_SCOPES, REFRESH_MARGIN, expires_at, needs_refresh
from plexkit.config import ClientIdentity

if TYPE_CHECKING:
    import httpx

    from plexkit.auth.keys import DeviceKey

__all__ = ["AsyncJWTAuth"]

log = get_logger(__name__)

_EXPIRED = 498


class AsyncJWTAuth(IOAuth):
    """An ``httpx.Auth`` that sends a Plex JWT as X-Plex-Token and renews it by itself.

    It refreshes (nonce, device JWT signed with ``key``, exchange) before a request once less
    than ``refresh_margin`` (a day) is left, and once more when a server answers 498. However
    many requests run at once, one refresh is in flight: the others wait for it and reuse its
    token. Each new token is handed to ``store`` so it survives restarts. Starting without a
    ``token`` (or with a legacy one whose key was registered) refreshes on the first request.
    """

    requires_request_body = True

    def __init__(
        self,
        key: DeviceKey,
        *,
        identity: ClientIdentity,
        token: str | None = None,
        store: Callable[[str], Awaitable[None]] | None = None,
        scopes: Iterable[str] = DEFAULT_SCOPES,
        refresh_margin: float = REFRESH_MARGIN,
        verify: bool = True,
        plextv_url: str = PLEXTV_URL,
        clients_url: str = CLIENTS_URL,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._key = key
        self._identity = identity
        self._token = token
        self._store = store
        self._scopes = tuple(scopes)
        self._margin = refresh_margin
        self._verify = verify
        self._plextv_url = plextv_url
        self._clients_url = clients_url
        self._transport = transport
        self._clock = clock
        self._lock = AsyncLock()
        register_secret(token)

    def __repr__(self) -> str:
        expiry = expires_at(self._token) if self._token else None
        when = "no token" if expiry is None else f"expires_at={int(expiry)}"
        return f"<{type(self).__name__} kid={self._key.kid!r} {when}>"

    @property
    def token(self) -> str | None:
        """The current Plex JWT (a secret: do not log it)."""
        return self._token

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = await self._fresh_token()
        request.headers["X-Plex-Token"] = token
        response = yield request
        if response.status_code == _EXPIRED:
            request.headers["X-Plex-Token"] = await self._replace(token)
            yield request

    async def refresh(self) -> str:
        """Get a new Plex JWT now, whatever the current one's expiry."""
        async with self._lock:
            return await self._refresh_locked()

    async def _fresh_token(self) -> str:
        token = self._token
        if token is not None and not self._stale(token):
            return token
        async with self._lock:
            if self._token is not None and not self._stale(self._token):
                return self._token  # another request refreshed while this one waited
            return await self._refresh_locked()

    async def _replace(self, rejected: str) -> str:
        """A token to retry with after ``rejected`` got a 498: refreshed once for everyone."""
        async with self._lock:
            if self._token is not None and self._token != rejected:
                return self._token
            log.info("a server answered 498 (token expired): refreshing the Plex JWT")
            return await self._refresh_locked()

    def _stale(self, token: str) -> bool:
        return needs_refresh(token, now=self._clock(), margin=self._margin)

    async def _refresh_locked(self) -> str:
        async with AsyncPlexTV(
            self._identity,
            plextv_url=self._plextv_url,
            clients_url=self._clients_url,
            transport=self._transport,
            clock=self._clock,
        ) as plextv:
            token = await plextv.refresh_jwt(self._key, scopes=self._scopes, verify=self._verify)
        self._token = token
        log.info("refreshed the Plex JWT for key %s", self._key.kid)
        if self._store is not None:
            await self._store(token)
        return token
