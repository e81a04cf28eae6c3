"""AsyncJSONService: the I/O under the TMDB and TVDB clients (the sync twin is generated).

Each call is retried on transport failures, 429 (honouring Retry-After) and 502/503/504 within
a total deadline; reads go through an `AsyncResponseCache` with a TTL per
kind of answer; a 401 lets the subclass renew its credentials once. Secrets are registered with
plexkit's redaction so no URL, log line or error ever shows them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from types import TracebackType
from typing import Any, TypeVar

import attrs

from plexkit._async.retrying import async_send_with_retries
from plexkit._core.status import body_excerpt, error_for_status
from plexkit._http import httpx, timeout_for, transport_error
from plexkit._redact import get_logger, install_log_redaction, redact_url
from plexkit._response import CachedResponse
from plexkit._webapi.calls import Auth, Call, with_reason
from plexkit.cache._async.response_cache import AsyncResponseCache
from plexkit.cache.keys import CacheKey
from plexkit.config import Timeouts
from plexkit.errors import (
    ConfigurationError,
    ParseError,
    UnauthorizedError,
)

__all__ = ["AsyncJSONService", "AsyncServiceClient", "AsyncServiceOptions"]

log = get_logger(__name__)

_JSON = "application/json"


@attrs.frozen(kw_only=True)
class AsyncServiceOptions:
    """How a service client reaches its API: the constructor keywords of the TMDB and TVDB
    clients after their credentials, gathered once and handed to the driver as they are."""

    base_url: str
    ttls: Mapping[str, float] = attrs.field(factory=dict)
    timeouts: Timeouts | None = None
    max_retries: int = 5
    retry_backoff: float = 0.5
    transport: httpx.AsyncBaseTransport | None = None
    cache: AsyncResponseCache | bool | None = None


class AsyncJSONService:
    """A pooled HTTP client for one JSON API; subclasses add the endpoints and the auth."""

    service = "service"
    """The API's name in messages ("TMDB", "TVDB")."""

    def __init__(self, options: AsyncServiceOptions) -> None:
        max_retries, retry_backoff = options.max_retries, options.retry_backoff
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ConfigurationError(f"max_retries must be an int >= 0, not {max_retries!r}")
        if isinstance(retry_backoff, bool) or not isinstance(retry_backoff, (int, float)):
            raise ConfigurationError(f"retry_backoff must be seconds, not {retry_backoff!r}")
        self.base_url = options.base_url.rstrip("/")
        self.timeouts = options.timeouts or Timeouts()
        self.max_retries = max_retries
        self.retry_backoff = float(retry_backoff)
        self.ttls = dict(options.ttls)
        install_log_redaction()
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            headers={"Accept": _JSON},
            timeout=timeout_for(self.timeouts),
            transport=options.transport,
            follow_redirects=False,
        )
        cache = options.cache
        if cache is True:
            cache = AsyncResponseCache()
        self.cache: AsyncResponseCache | None = cache or None
        self.requests_sent = 0
        """How many HTTP requests went upstream (cache hits not counted)."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {redact_url(self.base_url)}>"

    async def __aenter__(self) -> AsyncJSONService:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()

    # -- for subclasses ------------------------------------------------------------------

    def _cache_scope(self) -> str | None:
        """What keeps one account's cached answers from another's (hashed in the key)."""
        return None

    async def _authorize(self, call: Call) -> Auth:
        """Headers and query parameters that authenticate ``call``, and the credential used."""
        return Auth()

    async def _renew(self, used: str | None) -> bool:
        """Renew the credential after a 401 on ``used``; True to send the call again."""
        return False

    async def _get_json(self, call: Call) -> Any:
        """The decoded JSON answer to ``call``, from the cache when fresh."""
        ttl = self.ttls.get(call.cache_name, 0.0) if call.cache_name else 0.0
        if self.cache is None or call.method != "GET" or ttl <= 0 or call.cache_name is None:
            response = await self._send_with_retries(call)
        else:
            key = CacheKey.build(
                name=call.cache_name,
                server=self.base_url,
                token=self._cache_scope(),
                method=call.method,
                path=call.path,
                params=call.params,
                accept=_JSON,
            )
            response = await self.cache.fetch(key, lambda: self._send_with_retries(call), ttl=ttl)
        return self._decode(call, response.content)

    # -- internals -----------------------------------------------------------------------

    def _decode(self, call: Call, content: bytes) -> Any:
        try:
            return json.loads(content)
        except (ValueError, UnicodeDecodeError):
            raise ParseError(
                f"{self.service} {call.method} {call.path}: the answer is not JSON",
                excerpt=body_excerpt(content),
            ) from None

    async def _send_with_retries(self, call: Call) -> CachedResponse:
        return await async_send_with_retries(
            lambda remaining: self._send_authorized(call, remaining),
            what=f"{self.service} {call.method} {call.path}",
            idempotent=True,
            max_retries=self.max_retries,
            backoff=self.retry_backoff,
            deadline=self.timeouts.total,
        )

    async def _send_authorized(self, call: Call, remaining: float | None) -> CachedResponse:
        auth = await self._authorize(call)
        try:
            return await self._send_once(call, auth, remaining)
        except UnauthorizedError:
            if not await self._renew(auth.credential):
                raise
        return await self._send_once(call, await self._authorize(call), remaining)

    async def _send_once(self, call: Call, auth: Auth, remaining: float | None) -> CachedResponse:
        request = self._http.build_request(
            call.method,
            call.path,
            params={**call.params, **auth.params},
            headers={**call.headers, **auth.headers},
            json=call.body,
            timeout=timeout_for(self.timeouts, cap=remaining),
        )
        started = time.monotonic()
        self.requests_sent += 1
        try:
            response = await self._http.send(request)
        except httpx.TransportError as exc:
            raise transport_error(exc, call.method, request.url) from None
        log.debug(
            "%s %s %s -> %d in %.1f ms",
            self.service,
            call.method,
            redact_url(request.url),
            response.status_code,
            (time.monotonic() - started) * 1000,
        )
        error = error_for_status(
            response.status_code,
            call.method,
            str(request.url),
            response.content,
            response.headers,
        )
        if error is not None:
            raise with_reason(error, self.service, response.content)
        return CachedResponse(
            status_code=response.status_code,
            headers={"content-type": response.headers.get("content-type", _JSON)},
            content=response.content,
            stored_at=time.time(),
        )


_Client = TypeVar("_Client", bound="AsyncServiceClient")


class AsyncServiceClient:
    """What the TMDB and TVDB clients share: their service driver's counters, cache and pool."""

    _service: AsyncJSONService

    @property
    def requests_sent(self) -> int:
        """How many requests went to the service, logins included (cache hits are not)."""
        return self._service.requests_sent

    @property
    def cache(self) -> AsyncResponseCache | None:
        """The response cache, if any."""
        return self._service.cache

    async def __aenter__(self: _Client) -> _Client:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._service.aclose()
