"""AsyncTVDBClient: series episodes by season type from TVDB's v4 API (sync generated).

It logs in with the project API key (and a subscriber PIN if given) for a bearer token, and
logs in again once when TVDB answers 401: concurrent requests share that one renewal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from plexkit._redact import register_secret
from plexkit._synchronization import AsyncLock
from plexkit._webapi._async.service import (
    AsyncJSONService,
    AsyncServiceClient,
    AsyncServiceOptions,
)
from plexkit._webapi.calls import Auth, Call, positive_id
from plexkit.config import Timeouts
from plexkit.errors import ConfigurationError
from plexkit.tvdb.defaults import DEFAULT_TTLS, TVDB_URL
from plexkit.tvdb.models import SEASON_TYPES, TVDBEpisode, TVDBEpisodePage, login_token

if TYPE_CHECKING:
    import httpx

    from plexkit.cache import AsyncResponseCache

__all__ = ["AsyncTVDBClient"]

MAX_PAGES = 200
"""A series with more pages than this is refused as a runaway answer (TVDB pages hold 500)."""


class AsyncTVDBClient(AsyncServiceClient):
    """TVDB v4 with a project API key and an optional subscriber PIN.

    The token comes from ``POST /login`` and goes in ``Authorization: Bearer``; neither the
    key, the PIN nor the token appears in logs, errors or reprs.
    """

    _service: _TVDBService

    def __init__(
        self,
        api_key: str,
        *,
        pin: str | None = None,
        base_url: str = TVDB_URL,
        cache: AsyncResponseCache | bool | None = True,
        ttls: Mapping[str, float] | None = None,
        timeouts: Timeouts | None = None,
        max_retries: int = 5,
        retry_backoff: float = 0.5,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if not isinstance(api_key, str) or not api_key.strip():
            raise ConfigurationError("the TVDB api_key must be a non-empty string")
        if pin is not None and (not isinstance(pin, str) or not pin.strip()):
            raise ConfigurationError("the TVDB pin must be a non-empty string or None")
        register_secret(api_key)
        register_secret(pin)
        self._api_key = api_key.strip()
        self._pin = pin.strip() if pin else None
        self._token: str | None = None
        self._lock = AsyncLock()
        self.logins = 0
        """How many times this client logged in (one, plus one per renewed token)."""
        options = AsyncServiceOptions(
            base_url=base_url,
            ttls={**DEFAULT_TTLS, **(ttls or {})},
            timeouts=timeouts,
            max_retries=max_retries,
            retry_backoff=retry_backoff,
            transport=transport,
            cache=cache,
        )
        self._service = _TVDBService(self, options)

    def __repr__(self) -> str:
        state = "logged in" if self._token else "not logged in"
        return f"<AsyncTVDBClient {self._service.base_url} ({state})>"

    async def login(self) -> None:
        """Log in now (otherwise the first request does)."""
        await self._renew(self._token)

    async def episodes_page(
        self, series_id: int, season_type: str = "default", *, page: int = 0
    ) -> TVDBEpisodePage:
        """One page of a series' episodes in the ``season_type`` ordering."""
        positive_id(series_id, "series_id")
        if season_type not in SEASON_TYPES:
            raise ConfigurationError(
                f"season_type must be one of {', '.join(SEASON_TYPES)}, not {season_type!r}"
            )
        if isinstance(page, bool) or not isinstance(page, int) or page < 0:
            raise ConfigurationError(f"page must be an int >= 0, not {page!r}")
        call = Call(
            path=f"/series/{series_id}/episodes/{season_type}",
            params={"page": str(page)},
            cache_name="tvdb_episodes",
        )
        return TVDBEpisodePage.from_json(await self._service.get_json(call), page)

    async def series_episodes(
        self, series_id: int, season_type: str = "default"
    ) -> tuple[TVDBEpisode, ...]:
        """Every episode of a series, following ``links.next`` page by page."""
        episodes: list[TVDBEpisode] = []
        for page in range(MAX_PAGES):
            found = await self.episodes_page(series_id, season_type, page=page)
            episodes.extend(found.episodes)
            if not found.has_next or not found.episodes:
                return tuple(episodes)
        raise ConfigurationError(
            f"TVDB series {series_id} has more than {MAX_PAGES} pages of episodes"
        )

    async def _bearer(self) -> Auth:
        token = self._token
        if token is None:
            await self._renew(None)
            token = self._token
        return Auth(headers={"Authorization": f"Bearer {token}"}, credential=token)

    async def _renew(self, used: str | None) -> bool:
        """Log in unless another task already replaced the token ``used``."""
        async with self._lock:
            if self._token is not None and self._token != used:
                return True
            body: dict[str, str] = {"apikey": self._api_key}
            if self._pin:
                body["pin"] = self._pin
            call = Call(method="POST", path="/login", body=body)
            token = login_token(await self._service.get_json(call))
            register_secret(token)
            self._token = token
            self.logins += 1
            return True


class _TVDBService(AsyncJSONService):
    service = "TVDB"

    def __init__(self, owner: AsyncTVDBClient, options: AsyncServiceOptions) -> None:
        super().__init__(options)
        self._owner = owner

    def _cache_scope(self) -> str | None:
        return self._owner._api_key

    async def _authorize(self, call: Call) -> Auth:
        if call.path == "/login":
            return Auth()
        return await self._owner._bearer()

    async def _renew(self, used: str | None) -> bool:
        if used is None:
            return False
        return await self._owner._renew(used)

    async def get_json(self, call: Call) -> object:
        return await self._get_json(call)
