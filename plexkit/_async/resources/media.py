"""Media files and the server's media machinery: part downloads with byte ranges, media
providers, visible players and transcode sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit._async.resources._base import Resource, children_of
from plexkit._core import browse
from plexkit.errors import ConfigurationError
from plexkit.models import structure

if TYPE_CHECKING:
    from plexkit.models import Part, TranscodeSession
    from plexkit.models.settings import MediaProvider, PlayerClient
    from plexkit.types import CacheMode

__all__ = ["AsyncMedia"]


def _part_key(part: Part | str) -> str:
    from plexkit.models import Part

    key = part.key if isinstance(part, Part) else part
    if not isinstance(key, str):
        raise ConfigurationError("part must be a Part with a key or a /library/parts/ key")
    return key


class AsyncMedia(Resource):
    """Part files, providers, players and transcode sessions."""

    async def download(
        self, part: Part | str, *, start: int | None = None, end: int | None = None
    ) -> bytes:
        """A media part's bytes (``Part`` or its ``/library/parts/...`` key); ``start`` and
        ``end`` (inclusive) ask for one byte range, as players seek."""
        response = await self._client.request(
            browse.part(_part_key(part), start=start, end=end), cache=False
        )
        return response.content

    async def providers(
        self, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[MediaProvider, ...]:
        """The server's media providers (``/media/providers``)."""
        from plexkit.models.settings import MediaProvider

        data, _ = await self._client.get_data(browse.media_providers(), cache=cache, ttl=ttl)
        return tuple(structure(e, MediaProvider) for e in children_of(data, "MediaProvider"))

    async def clients(self) -> tuple[PlayerClient, ...]:
        """The players the server sees on its network (``/clients``)."""
        from plexkit.models.settings import PlayerClient

        data, _ = await self._client.get_data(browse.clients())
        return tuple(structure(e, PlayerClient) for e in children_of(data, "Server"))

    async def transcode_sessions(self) -> tuple[TranscodeSession, ...]:
        """The running transcodes (``/transcode/sessions``)."""
        from plexkit.models import TranscodeSession

        data, _ = await self._client.get_data(browse.transcode_sessions())
        return tuple(structure(e, TranscodeSession) for e in children_of(data, "TranscodeSession"))
