"""What every resource group shares: the client handle, entry lists and the fabricated 404."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from plexkit._core.refs import section_key_of
from plexkit.errors import NotFoundError
from plexkit.types import SectionRef

if TYPE_CHECKING:
    from plexkit._async.client import AsyncPlexClient

__all__ = ["DEFAULT_PAGE_SIZE", "Resource", "children_of", "not_found"]

DEFAULT_PAGE_SIZE = 500


class Resource:
    """A resource group: methods that build request specs and send them through ``client``."""

    def __init__(self, client: AsyncPlexClient) -> None:
        self._client = client

    async def _section_key(self, section: SectionRef) -> str:
        """The key of a section given as a model, a key or a title (a title is looked up)."""
        key = section_key_of(section)
        if key is None:
            key = (await self._client.library.section(section)).key
        return key


def children_of(data: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    """The ``name`` children of a decoded container as a list (one, many or none)."""
    value = data.get(name)
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, list):
        return [entry for entry in value if isinstance(entry, Mapping)]
    return []


def not_found(message: str, url: str) -> NotFoundError:
    """The 404 a lookup raises when the server answered 200 without the wanted entry."""
    return NotFoundError(message, status_code=404, method="GET", url=url)
