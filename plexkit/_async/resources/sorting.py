"""The field check of ``sort=``: a section's sorts, read once per section and client on the
first listing that sorts it by a field outside `UNIVERSAL` (the syntax is checked earlier,
with no request, by ``endpoints.library_items``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit._core.sorts import ROOT_TYPES, UNIVERSAL, checked_fields, offered_fields, parse_sort
from plexkit.types import SectionRef

if TYPE_CHECKING:
    from plexkit._async.client import AsyncPlexClient

__all__ = ["AsyncSortCheck"]


class AsyncSortCheck:
    """Each section's root type and sort fields, remembered for the client's lifetime."""

    def __init__(self, client: AsyncPlexClient) -> None:
        self._client = client
        self._known: dict[str, tuple[int | None, frozenset[str]]] = {}

    async def check(
        self, section: SectionRef, key: str, type: int | str | None, sort: str | None
    ) -> None:
        """Raise `InvalidSortError` when ``sort`` names a field the section does not offer."""
        if sort is None:
            return
        terms = parse_sort(sort)
        if all(term.field in UNIVERSAL for term in terms):
            return
        if key not in self._known:
            self._known[key] = await self._read(section, key)
        root_type, offered = self._known[key]
        checked_fields(terms, offered, section=key, type=type, root_type=root_type)

    async def _read(self, section: SectionRef, key: str) -> tuple[int | None, frozenset[str]]:
        """The section's root type (from the model, else its listing) and sort fields."""
        from plexkit.models import Section

        found = section if isinstance(section, Section) else await self._client.library.section(key)
        sorts = await self._client.browse.sorts(key)
        offered = offered_fields(k for s in sorts for k in (s.key, s.desc_key))
        return ROOT_TYPES.get(found.type or ""), offered
