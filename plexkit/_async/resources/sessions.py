"""What is playing now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit._async.resources._base import Resource
from plexkit._core import endpoints
from plexkit.models import sessions_from

if TYPE_CHECKING:
    from plexkit.models import Session

__all__ = ["AsyncSessions"]


class AsyncSessions(Resource):
    """What is playing now; never cached."""

    async def list(self) -> tuple[Session, ...]:
        """Active playback sessions with user, player and transcode details."""
        data, _ = await self._client.get_data(endpoints.sessions(), cache=False)
        return sessions_from(data)
