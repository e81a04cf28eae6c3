"""Server preferences (``/:/prefs``): read them typed, set them by id."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from plexkit._async.resources._base import Resource, children_of, not_found
from plexkit._core import browse
from plexkit._core.checks import check_name
from plexkit.models import structure

if TYPE_CHECKING:
    from plexkit.models.settings import Setting

__all__ = ["AsyncPrefs"]


class AsyncPrefs(Resource):
    """The server's settings."""

    async def list(self) -> tuple[Setting, ...]:
        """Every setting with its value, default and choices."""
        from plexkit.models.settings import Setting

        data, _ = await self._client.get_data(browse.prefs(), cache=False)
        return tuple(structure(e, Setting) for e in children_of(data, "Setting"))

    async def get(self, id: str) -> Setting:
        """One setting by id (``"FriendlyName"``); an unknown id is a NotFoundError."""
        check_name(id, "a setting id")
        for setting in await self.list():
            if setting.id == id:
                return setting
        raise not_found(f"no server setting {id!r}", "/:/prefs")

    async def set(self, values: Mapping[str, str | int | float | bool]) -> None:
        """Change settings by id (``{"FriendlyName": "Den"}``); bools go as 1/0."""
        await self._client.request(browse.set_prefs(values))
