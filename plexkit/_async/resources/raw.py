"""The escape hatch: any endpoint by path."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from plexkit._async.resources._base import Resource
from plexkit._core import endpoints
from plexkit._core.checks import check_read
from plexkit.errors import ConfigurationError
from plexkit.types import ParamValue

if TYPE_CHECKING:
    from plexkit.types import CacheMode

__all__ = ["AsyncRaw"]


class AsyncRaw(Resource):
    """The escape hatch: any endpoint by path, decoded into the MediaContainer dict."""

    async def get(
        self,
        path: str,
        params: Mapping[str, ParamValue | None] | None = None,
        *,
        cache_name: str | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> dict[str, Any]:
        """GET ``path`` and return its decoded MediaContainer (JSON shape, also for XML).

        Not cached unless ``cache_name`` files it under a cache name: a policy name such as
        ``"server"`` (its TTL applies) or your own (give it a TTL in ``CachePolicy`` or ``ttl=``).
        ``cache=True``, ``"refresh"`` or a ``ttl`` without a ``cache_name`` is a
        `ConfigurationError` (there is nothing to cache the answer under).
        """
        check_read(cache, ttl)
        spec = endpoints.raw("GET", path, params, idempotent=True)
        if cache_name is None:
            if cache is True or cache == "refresh" or ttl is not None:
                raise ConfigurationError(
                    "raw.get() caches only under a cache_name: pass cache_name= (a name "
                    "like 'butler') with cache=/ttl=, or leave cache= and ttl= out"
                )
            data, _ = await self._client.get_data(spec, cache=False)
            return data
        if not isinstance(cache_name, str) or not cache_name.isidentifier():
            raise ConfigurationError(
                f"cache_name must be a name like 'butler' (letters, digits, _): {cache_name!r}"
            )
        data, _ = await self._client.get_data(
            attrs.evolve(spec, cache_name=cache_name), cache=cache, ttl=ttl
        )
        return data

    async def request(
        self,
        method: str,
        path: str,
        params: Mapping[str, ParamValue | None] | None = None,
        *,
        idempotent: bool = False,
    ) -> dict[str, Any]:
        """Any method; retried only when ``idempotent=True`` says it is safe to repeat."""
        data, _ = await self._client.get_data(
            endpoints.raw(method, path, params, idempotent=idempotent), cache=False
        )
        return data
