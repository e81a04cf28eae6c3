"""What playlists and collections share: the server's machine identifier for their uris."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from plexkit._async.resources._base import Resource
from plexkit._core import endpoints
from plexkit._core.endpoints import item_type_number
from plexkit._core.references import library_uri, section_query
from plexkit._core.sorts import canonical_sort
from plexkit.errors import ConfigurationError, ParseError
from plexkit.models import items_from

if TYPE_CHECKING:
    from plexkit.filters import Condition
    from plexkit.models import BaseItem
    from plexkit.types import ParamValue, SectionRef

__all__ = ["ListResource", "first_of"]

_L = TypeVar("_L", bound="BaseItem")


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

    async def _smart_uri(
        self,
        section_key: SectionRef,
        type: int | str,
        filters: Mapping[str, ParamValue | None] | Condition | None,
        sort: str | None,
        limit: int | None,
        *,
        needs: str,
    ) -> tuple[int, str, str]:
        """A smart list's type number, section key and source uri: the section's items of
        ``type`` matching ``filters``; `ConfigurationError` (saying what it ``needs``) without
        a type, before any request."""
        number = item_type_number(type)
        if number is None:
            raise ConfigurationError(needs)
        sort = None if sort is None else canonical_sort(sort)
        options: dict[str, Any] = {"type": number, "filters": filters, "sort": sort, "limit": limit}
        key, query = await self._section_spec(
            section_key, lambda key: (key, section_query(key, **options))
        )
        return number, key, library_uri(await self._machine_identifier(), query)


def first_of(kind: type[_L], data: Mapping[str, Any], path: str) -> _L:
    """The first ``kind`` (a `Playlist`, a `Collection`) in an answer from ``path``."""
    found = [item for item in items_from(data) if isinstance(item, kind)]
    if not found:
        raise ParseError(f"the server answered {path} without a {kind.__name__.lower()}")
    return found[0]
