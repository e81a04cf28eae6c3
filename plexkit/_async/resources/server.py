"""The server itself: info, identity, transient tokens, the updater and the devices that
played from it."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Final

from plexkit._async.resources._base import Resource, children_of
from plexkit._core import endpoints, system
from plexkit._core.checks import check_bool
from plexkit._redact import register_secret
from plexkit.errors import ParseError
from plexkit.models import identity_from, server_info_from, structure

if TYPE_CHECKING:
    from plexkit.models import Identity, ServerInfo, SystemDevice, UpdateStatus
    from plexkit.types import CacheMode

__all__ = ["AsyncServer"]

TRANSIENT_TOKEN_REUSE: Final = 3600.0
"""Seconds a transient token is reused before a new one is asked for (PMS keeps them 48 h)."""


class AsyncServer(Resource):
    """The server itself: ``/``, ``/identity``, the updater and ``/devices``."""

    async def info(self, *, cache: CacheMode = None, ttl: float | None = None) -> ServerInfo:
        """Name, version, platform, machine identifier and capabilities (``GET /``)."""
        data, _ = await self._client.get_data(endpoints.server_info(), cache=cache, ttl=ttl)
        return server_info_from(data)

    async def identity(self, *, cache: CacheMode = None, ttl: float | None = None) -> Identity:
        """The machine identifier and version, readable without a token (``GET /identity``)."""
        data, _ = await self._client.get_data(endpoints.identity(), cache=cache, ttl=ttl)
        return identity_from(data)

    _transient: tuple[str, float] | None = None

    async def transient_token(self, *, refresh: bool = False) -> str:
        """A transient token (``/security/token``) with this client's access, for URLs handed
        to browsers and players: valid up to 48 hours, void when the server restarts.

        The same token is reused for an hour (``refresh=True`` asks for a new one). It is
        registered for redaction, so it never shows in plexkit's logs or errors.
        """
        check_bool(refresh, "refresh")
        cached = self._transient
        now = time.monotonic()
        if cached is not None and not refresh and now - cached[1] < TRANSIENT_TOKEN_REUSE:
            return cached[0]
        data, _ = await self._client.get_data(endpoints.transient_token(), cache=False)
        token = data.get("token")
        if not isinstance(token, str) or not token:
            raise ParseError("the server answered /security/token without a token")
        register_secret(token)
        self._transient = (token, now)
        return token

    async def update_status(self) -> UpdateStatus:
        """What the updater found at its last check (``GET /updater/status``): the release
        on offer, and whether this install can apply it itself (``can_install``)."""
        from plexkit.models import UpdateStatus

        data, _ = await self._client.get_data(system.update_status())
        return structure(data, UpdateStatus)

    async def check_for_update(self, *, download: bool = False) -> UpdateStatus:
        """Have the server ask plex.tv for a newer release now (``PUT /updater/check``),
        downloading it if ``download``, then read `update_status`. Installing is left to
        the server's own settings."""
        await self._client.request(system.check_for_update(download=download))
        return await self.update_status()

    async def devices(
        self, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[SystemDevice, ...]:
        """The devices that have played from this server (``GET /devices``); their ids are
        the ``device_id`` of history entries and bandwidth statistics."""
        from plexkit.models import SystemDevice

        data, _ = await self._client.get_data(system.devices(), cache=cache, ttl=ttl)
        return tuple(structure(e, SystemDevice) for e in children_of(data, "Device"))
