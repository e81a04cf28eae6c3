"""What playlists and collections share: the server's machine identifier for their uris."""

from __future__ import annotations

from plexkit._async.resources._base import Resource
from plexkit._core import endpoints
from plexkit.errors import ParseError

__all__ = ["ListResource"]


class ListResource(Resource):
    """A resource whose writes name items by ``server://MACHINE/...`` uris."""

    _machine: str | None = None

    async def _machine_identifier(self) -> str:
        """The server's machine identifier, read once (``/identity``)."""
        if self._machine is None:
            data, _ = await self._client.get_data(endpoints.identity())
            machine = data.get("machineIdentifier")
            if not isinstance(machine, str) or not machine:
                raise ParseError("the server answered /identity without a machineIdentifier")
            self._machine = machine
        return self._machine
