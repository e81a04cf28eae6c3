"""The escape hatch: any endpoint by path."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from plexkit._async.resources._base import Resource
from plexkit._core import endpoints
from plexkit._core.endpoints import ParamValue

if TYPE_CHECKING:
    pass

__all__ = ["AsyncRaw"]


class AsyncRaw(Resource):
    """The escape hatch: any endpoint by path, decoded into the MediaContainer dict."""

    async def get(
        self, path: str, params: Mapping[str, ParamValue | None] | None = None
    ) -> dict[str, Any]:
        """GET ``path`` and return its decoded MediaContainer (JSON shape, also for XML)."""
        data, _ = await self._client.get_data(
            endpoints.raw("GET", path, params, idempotent=True), cache=False
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
