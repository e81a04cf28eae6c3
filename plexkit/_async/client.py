"""AsyncPlexClient: the one implementation of plexkit's I/O (the sync client is generated)."""

from __future__ import annotations

import contextlib
import time
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from plexkit import _http, _response
from plexkit._async.retrying import async_send_with_retries
from plexkit._core.checks import check_cache, check_ttl
from plexkit._core.status import CLOSED_MESSAGE, error_for_status, unauthorized
from plexkit._http import httpx_ws, limits_for, timeout_for, transport_error, verify_for
from plexkit._lazy import LazyGroup
from plexkit._redact import get_logger, install_log_redaction, redact_url, register_secret
from plexkit.config import ClientIdentity, PlexConfig, Timeouts
from plexkit.errors import (
    ClientClosedError,
    ConfigurationError,
    UnauthorizedError,
)

if TYPE_CHECKING:
    import httpx

    import plexkit
    from plexkit._async.notifications import AsyncNotifications
    from plexkit._async.resources import (
        AsyncAccounts,
        AsyncActivities,
        AsyncArtworks,
        AsyncBrowse,
        AsyncCollections,
        AsyncExtras,
        AsyncHistory,
        AsyncHubs,
        AsyncLibrary,
        AsyncMedia,
        AsyncMetadata,
        AsyncPlayed,
        AsyncPlaylists,
        AsyncPrefs,
        AsyncRaw,
        AsyncServer,
        AsyncSessions,
        AsyncURLs,
    )
    from plexkit._async.resources.butler import AsyncButler
    from plexkit._async.resources.play_queues import AsyncPlayQueues
    from plexkit._async.resources.statistics import AsyncStatistics
    from plexkit.cache import AsyncCacheControl, AsyncResponseCache
    from plexkit.cache.keys import RequestKeys
    from plexkit.models._memo import DecodedMemo
    from plexkit.types import CachedResponse, CacheMode, RequestSpec

__all__ = ["AsyncPlexClient", "CacheMode"]

log = get_logger(__name__)

_KEPT_HEADERS = ("content-type", "x-plex-container-total-size", "x-plex-container-start")
_RESOURCES = "plexkit._async.resources."


def _configured(config: PlexConfig, **overrides: Any) -> PlexConfig:
    """``config`` with the constructor's explicit arguments (those not None) put over it."""
    return attrs.evolve(config, **{k: v for k, v in overrides.items() if v is not None})


def _http_client(
    config: PlexConfig,
    base_url: str,
    auth: httpx.Auth | None,
    transport: httpx.AsyncBaseTransport | None,
) -> httpx.AsyncClient:
    """The pooled httpx client: identity headers, timeouts, limits; redirects never followed."""
    from plexkit._async.wide_reads import async_pooled_transport  # httpcore loads with it

    return _http.httpx.AsyncClient(
        base_url=base_url,
        headers={"Accept": config.accept, **config.identity.headers()},
        timeout=timeout_for(config.timeouts),
        limits=limits_for(config),
        verify=verify_for(base_url, config.verify_ssl),
        auth=auth,
        transport=transport or async_pooled_transport(config, base_url),
        follow_redirects=False,
    )


def _cache_helpers(base_url: str, accept: str) -> tuple[RequestKeys, DecodedMemo]:
    """What a client with a cache reads cached answers with, loaded only by such a client:
    its requests' cache keys, and the memo of decoded bodies (a memory hit decodes none)."""
    from plexkit.cache.keys import RequestKeys
    from plexkit.models._memo import decoded_memo

    return RequestKeys(base_url, accept), decoded_memo


class AsyncPlexClient:
    """A client for one Plex Media Server, with a pooled keep-alive connection.

    ``token`` goes in the X-Plex-Token header (never the URL); ``auth`` accepts any
    ``httpx.Auth`` (such as ``plexkit.auth.JWTAuth``) instead. Pass ``cache=True`` or an
    ``AsyncResponseCache`` to cache reads with the per-endpoint TTLs of ``CachePolicy``.
    The resource groups (``plex.library``, ...) are built, and their modules imported, on
    first use.
    """

    server: LazyGroup[AsyncServer] = LazyGroup(_RESOURCES + "server", "AsyncServer")
    library: LazyGroup[AsyncLibrary] = LazyGroup(_RESOURCES + "library", "AsyncLibrary")
    metadata: LazyGroup[AsyncMetadata] = LazyGroup(_RESOURCES + "metadata", "AsyncMetadata")
    activities: LazyGroup[AsyncActivities] = LazyGroup(_RESOURCES + "activities", "AsyncActivities")
    sessions: LazyGroup[AsyncSessions] = LazyGroup(_RESOURCES + "sessions", "AsyncSessions")
    history: LazyGroup[AsyncHistory] = LazyGroup(_RESOURCES + "history", "AsyncHistory")
    raw: LazyGroup[AsyncRaw] = LazyGroup(_RESOURCES + "raw", "AsyncRaw")
    artworks: LazyGroup[AsyncArtworks] = LazyGroup(_RESOURCES + "artwork", "AsyncArtworks")
    notifications: LazyGroup[AsyncNotifications] = LazyGroup(
        "plexkit._async.notifications", "AsyncNotifications"
    )
    urls: LazyGroup[AsyncURLs] = LazyGroup(_RESOURCES + "urls", "AsyncURLs")
    played: LazyGroup[AsyncPlayed] = LazyGroup(_RESOURCES + "played", "AsyncPlayed")
    hubs: LazyGroup[AsyncHubs] = LazyGroup(_RESOURCES + "hubs", "AsyncHubs")
    playlists: LazyGroup[AsyncPlaylists] = LazyGroup(_RESOURCES + "playlists", "AsyncPlaylists")
    play_queues: LazyGroup[AsyncPlayQueues] = LazyGroup(
        _RESOURCES + "play_queues", "AsyncPlayQueues"
    )
    collections: LazyGroup[AsyncCollections] = LazyGroup(
        _RESOURCES + "collections", "AsyncCollections"
    )
    accounts: LazyGroup[AsyncAccounts] = LazyGroup(_RESOURCES + "accounts", "AsyncAccounts")
    browse: LazyGroup[AsyncBrowse] = LazyGroup(_RESOURCES + "browse", "AsyncBrowse")
    media: LazyGroup[AsyncMedia] = LazyGroup(_RESOURCES + "media", "AsyncMedia")
    prefs: LazyGroup[AsyncPrefs] = LazyGroup(_RESOURCES + "prefs", "AsyncPrefs")
    extras: LazyGroup[AsyncExtras] = LazyGroup(_RESOURCES + "extras", "AsyncExtras")
    butler: LazyGroup[AsyncButler] = LazyGroup(_RESOURCES + "butler", "AsyncButler")
    statistics: LazyGroup[AsyncStatistics] = LazyGroup(_RESOURCES + "statistics", "AsyncStatistics")

    def __init__(
        self,
        base_url: str | None = None,
        *,
        token: str | None = None,
        config: PlexConfig | None = None,
        identity: ClientIdentity | None = None,
        timeouts: Timeouts | None = None,
        max_retries: int | None = None,
        auth: httpx.Auth | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        cache: AsyncResponseCache | bool | None = None,
        serve_stale: bool = False,
    ) -> None:
        self.config = _configured(
            config or PlexConfig(base_url=base_url, token=token),
            base_url=base_url,
            token=token,
            identity=identity,
            timeouts=timeouts,
            max_retries=max_retries,
        )
        self.base_url = self.config.url()
        register_secret(self.config.token)
        install_log_redaction()
        self._http = _http_client(self.config, self.base_url, auth, transport)
        self._auth = auth
        if cache is True:
            from plexkit.cache import AsyncResponseCache

            cache = AsyncResponseCache(serve_stale=serve_stale)
        self._cache: AsyncResponseCache | None = cache or None
        self._cache_keys: RequestKeys | None = None
        self._decoded: DecodedMemo | None = None
        if self._cache is not None:
            self._cache_keys, self._decoded = _cache_helpers(self.base_url, self.config.accept)
        self.cache: AsyncCacheControl | None = self._cache_control()

    def _cache_control(self) -> AsyncCacheControl | None:
        """``plex.cache``: what can be warmed and counted on this client (None without a cache)."""
        if self._cache is None:
            return None
        from plexkit._async import dashboard
        from plexkit.cache._async.control import AsyncCacheControl

        return AsyncCacheControl(
            self._cache,
            warmers=dashboard.warmers(self),
            counter=self._count_library,
            count_kinds=dashboard.COUNT_KINDS,
        )

    @classmethod
    def from_config(cls, config: PlexConfig, **kwargs: Any) -> plexkit.AsyncPlexClient:
        """A client from a complete `PlexConfig`."""
        return cls(config=config, **kwargs)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {redact_url(self.base_url)}>"

    async def __aenter__(self) -> AsyncPlexClient:
        # Opens the transport too: in-process transports that serve websockets (the fake
        # server's ``websocket_transport()``) need it for ``notifications``.
        if self._http.is_closed:
            raise ClientClosedError(CLOSED_MESSAGE)
        # RuntimeError: already open, as a request was sent before entering; nothing to open.
        with contextlib.suppress(RuntimeError):
            await self._http.__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._http.__aexit__(exc_type, exc, tb)

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()

    async def request(
        self, spec: RequestSpec, *, cache: CacheMode = None, ttl: float | None = None
    ) -> CachedResponse:
        """Send ``spec`` (through the cache for cacheable reads) and return the response.

        Error statuses raise the matching `plexkit.errors` exception.
        """
        mode = _cache_mode(cache)
        check_ttl(ttl)
        keys = self._cache_keys
        if (
            self._cache is None
            or keys is None
            or spec.cache_name is None
            or spec.method != "GET"
            or mode is None
        ):
            if cache is True and self._cache is None:
                raise ConfigurationError("cache=True needs a client created with cache=")
            response = await self._send_with_retries(spec)
        else:
            key = keys.of(spec, self._cache_scope_token())
            response = await self._cache.fetch(
                key, lambda: self._send_with_retries(spec), ttl=ttl, mode=mode
            )
        if self._cache is not None and (spec.cache_name is None or spec.method != "GET"):
            await self._cache.invalidate_write(spec.method, spec.path, server=self.base_url)
        return response

    async def _count_library(self, kinds: tuple[str, ...]) -> dict[str, int]:
        from plexkit._async import dashboard

        return await dashboard.async_library_counts(self, kinds)

    def _cache_scope_token(self) -> str | None:
        """What keeps one user's cached answers from another's: the token in use.

        With ``auth=``, the auth's current ``token`` if it exposes one (TokenAuth, JWTAuth),
        else an identity private to that auth object, so unknown auths never share entries.
        """
        if self._auth is None:
            return self.config.token
        token = getattr(self._auth, "token", None)
        return token if isinstance(token, str) else f"auth-object:{id(self._auth)}"

    async def get_data(
        self, spec: RequestSpec, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[dict[str, Any], CachedResponse]:
        """Send ``spec`` and decode the body into the MediaContainer dict (JSON shape).

        Through a cache the body of one response object is decoded once (a memory hit
        returns the dict and models of the first decode: treat them as read-only).
        """
        response = await self.request(spec, cache=cache, ttl=ttl)
        return self.data_of(spec, response), response

    def data_of(
        self, spec: RequestSpec, response: CachedResponse, *, models_only: bool = False
    ) -> dict[str, Any]:
        """The MediaContainer dict of ``response`` to ``spec``, as `get_data` decodes it.

        ``models_only``: the dict goes only to plexkit's model readers, so JSON skips the
        depth check of the whole body (see `decode_page`), unless the dict is the cache's
        shared one, which other readers may take as is.
        """
        if spec.method != "GET" and not response.content.strip():
            return {}  # writes often answer with an empty body
        content_type = response.headers.get("content-type")
        if self._decoded is not None and spec.method == "GET":
            return self._decoded.decode(response, response.content, content_type)
        from plexkit.models import _decode  # the decoders load with the first answer

        decode = _decode.decode_page if models_only else _decode.decode_body
        return decode(response.content, content_type)

    async def _send_with_retries(self, spec: RequestSpec) -> CachedResponse:
        return await async_send_with_retries(
            lambda remaining: self._send_once(spec, remaining),
            what=f"{spec.method} {spec.path}",
            idempotent=spec.idempotent,
            max_retries=self.config.max_retries,
            backoff=self.config.retry_backoff,
            deadline=self.config.timeouts.total,
        )

    def websocket(self, path: str, *, connect_timeout: float, ping_interval: float | None) -> Any:
        """An httpx-ws connection to ``path`` (``async with``) with this client's auth: the
        one way plexkit opens a websocket. The token goes in a header, never the URL."""
        headers = {"X-Plex-Token": self.config.token} if self.config.token else {}
        return httpx_ws().aconnect_ws(
            path,
            self._http,
            headers=headers,
            keepalive_ping_interval_seconds=ping_interval,
            keepalive_ping_timeout_seconds=ping_interval,
            timeout=timeout_for(self.config.timeouts, cap=connect_timeout),
        )

    async def _send_once(self, spec: RequestSpec, remaining: float | None) -> CachedResponse:
        if self._http.is_closed:
            raise ClientClosedError(CLOSED_MESSAGE)
        headers = dict(spec.headers)
        if self.config.token:
            headers["X-Plex-Token"] = self.config.token
        request = self._http.build_request(
            spec.method,
            spec.url if spec.query else spec.path,
            params=None if spec.query else spec.params,
            headers=headers,
            content=spec.content,
            timeout=timeout_for(self.config.timeouts, cap=remaining),
        )
        started = time.monotonic()
        try:
            response = await self._http.send(request)
        except _http.httpx.HTTPError as exc:
            log.debug("%s %s failed: %s", spec.method, redact_url(request.url), type(exc).__name__)
            raise transport_error(
                exc, spec.method, request.url, idempotent=spec.idempotent
            ) from None
        log.debug(
            "%s %s -> %d in %.1f ms",
            spec.method,
            redact_url(request.url),
            response.status_code,
            (time.monotonic() - started) * 1000,
        )
        error = error_for_status(
            response.status_code, spec.method, str(request.url), response.content, response.headers
        )
        if isinstance(error, UnauthorizedError):
            raise unauthorized(
                error, token_sent="X-Plex-Token" in headers or self._auth is not None
            )
        if error is not None:
            raise error
        return _response.CachedResponse(
            status_code=response.status_code,
            headers={k: response.headers[k] for k in _KEPT_HEADERS if k in response.headers},
            content=response.content,
            stored_at=time.time(),
        )


def _cache_mode(cache: CacheMode) -> Literal["use", "refresh", "bypass"] | None:
    check_cache(cache)
    if cache is False:
        return None
    return "refresh" if cache == "refresh" else "use"
