"""AsyncTMDBClient: collections, movies and TV seasons from TMDB's v3 API (sync generated)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from plexkit._redact import register_secret
from plexkit._webapi._async.service import (
    AsyncJSONService,
    AsyncServiceClient,
    AsyncServiceOptions,
)
from plexkit._webapi.calls import Auth, Call, positive_id
from plexkit.config import Timeouts
from plexkit.errors import ConfigurationError
from plexkit.tmdb.defaults import DEFAULT_TTLS, TMDB_URL
from plexkit.tmdb.models import TMDBCollection, TMDBMovie, TMDBSeason, TMDBSeries

if TYPE_CHECKING:
    import httpx

    from plexkit.cache import AsyncResponseCache

__all__ = ["AsyncTMDBClient"]


class AsyncTMDBClient(AsyncServiceClient):
    """TMDB v3 with an API key (sent as the ``api_key`` query parameter) or a v4 read access
    token (sent as ``Authorization: Bearer``), as TMDB documents; give exactly one.

    Answers are cached (``cache=True`` or your own ``AsyncResponseCache``) with
    `DEFAULT_TTLS`, overridable by ``ttls``; 429s are retried after their Retry-After.
    """

    _service: _TMDBService

    def __init__(
        self,
        api_key: str | None = None,
        *,
        read_token: str | None = None,
        base_url: str = TMDB_URL,
        language: str | None = None,
        cache: AsyncResponseCache | bool | None = True,
        ttls: Mapping[str, float] | None = None,
        timeouts: Timeouts | None = None,
        max_retries: int = 5,
        retry_backoff: float = 0.5,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if (api_key is None) == (read_token is None):
            raise ConfigurationError("give TMDB either api_key= or read_token=, not both/neither")
        secret = api_key if api_key is not None else read_token
        if not isinstance(secret, str) or not secret.strip():
            raise ConfigurationError("the TMDB api_key / read_token must be a non-empty string")
        if language is not None and (not isinstance(language, str) or not language.strip()):
            raise ConfigurationError(f"language must be a non-empty string, not {language!r}")
        register_secret(secret)
        self._secret = secret.strip()
        self._bearer = read_token is not None
        self._language = language
        options = AsyncServiceOptions(
            base_url=base_url,
            ttls={**DEFAULT_TTLS, **(ttls or {})},
            timeouts=timeouts,
            max_retries=max_retries,
            retry_backoff=retry_backoff,
            transport=transport,
            cache=cache,
        )
        self._service = _TMDBService(self, options)

    def __repr__(self) -> str:
        kind = "read token" if self._bearer else "api key"
        return f"<AsyncTMDBClient {self._service.base_url} ({kind})>"

    async def collection(self, collection_id: int) -> TMDBCollection:
        """Collection Details: the collection and all its parts with release dates."""
        number = positive_id(collection_id, "collection_id")
        data = await self._service.get(f"/collection/{number}", "tmdb_collection")
        return TMDBCollection.from_json(data)

    async def movie(self, movie_id: int) -> TMDBMovie:
        """Movie Details, with ``belongs_to_collection``."""
        number = positive_id(movie_id, "movie_id")
        return TMDBMovie.from_json(await self._service.get(f"/movie/{number}", "tmdb_movie"))

    async def tv_series(self, series_id: int) -> TMDBSeries:
        """TV Series Details: the series and its seasons."""
        number = positive_id(series_id, "series_id")
        return TMDBSeries.from_json(await self._service.get(f"/tv/{number}", "tmdb_tv"))

    async def tv_season(self, series_id: int, season_number: int) -> TMDBSeason:
        """TV Season Details: one season's episodes with their air dates."""
        number = positive_id(series_id, "series_id")
        if isinstance(season_number, bool) or not isinstance(season_number, int):
            raise ConfigurationError(f"season_number must be an int, not {season_number!r}")
        if season_number < 0:
            raise ConfigurationError(f"season_number must be >= 0, not {season_number!r}")
        path = f"/tv/{number}/season/{season_number}"
        return TMDBSeason.from_json(await self._service.get(path, "tmdb_season"))

    def _auth(self) -> Auth:
        if self._bearer:
            return Auth(headers={"Authorization": f"Bearer {self._secret}"})
        return Auth(params={"api_key": self._secret})

    def _params(self) -> dict[str, str]:
        return {"language": self._language} if self._language else {}


class _TMDBService(AsyncJSONService):
    service = "TMDB"

    def __init__(self, owner: AsyncTMDBClient, options: AsyncServiceOptions) -> None:
        super().__init__(options)
        self._owner = owner

    def _cache_scope(self) -> str | None:
        return self._owner._secret

    async def _authorize(self, call: Call) -> Auth:
        return self._owner._auth()

    async def get(self, path: str, cache_name: str) -> object:
        call = Call(path=path, params=self._owner._params(), cache_name=cache_name)
        return await self._get_json(call)
