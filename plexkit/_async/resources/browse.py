"""How a section can be browsed: its filters, sorts, fields and the choices of a filter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit._async.resources._base import Resource, children_of
from plexkit._core import browse
from plexkit._core.endpoints import item_type_number
from plexkit.models import structure
from plexkit.models.item_types import ITEM_TYPE_NAMES
from plexkit.types import SectionRef

if TYPE_CHECKING:
    from plexkit.models.browse import (
        FieldType,
        FilterChoice,
        SectionField,
        SectionFilter,
        SectionSort,
    )
    from plexkit.types import CacheMode

__all__ = ["AsyncBrowse"]


class AsyncBrowse(Resource):
    """A section's filters, sorts and fields, as typed models."""

    async def filters(
        self, section_key: SectionRef, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[SectionFilter, ...]:
        """The filters the section offers (``genre``, ``year``, ``actor``...)."""
        from plexkit.models.browse import SectionFilter

        self._check_read(cache, ttl)
        spec = await self._section_spec(section_key, browse.section_filters)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return tuple(structure(e, SectionFilter) for e in children_of(data, "Directory"))

    async def sorts(
        self, section_key: SectionRef, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[SectionSort, ...]:
        """The sorts the section offers; pass a ``key`` or ``desc_key`` as ``sort=``."""
        from plexkit.models.browse import SectionSort

        self._check_read(cache, ttl)
        spec = await self._section_spec(section_key, browse.section_sorts)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return tuple(structure(e, SectionSort) for e in children_of(data, "Directory"))

    async def fields(
        self,
        section_key: SectionRef,
        *,
        type: int | str | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> tuple[SectionField, ...]:
        """The fields advanced filters can test, for the section's items or those of ``type``
        (``"episode"`` in a show section), from the listing's ``Meta`` block; none if the
        server sends no such block."""
        from plexkit.models.browse import SectionField

        self._check_read(cache, ttl)
        spec = await self._section_spec(
            section_key, lambda key: browse.section_fields(key, type=type)
        )
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        types = [t for m in children_of(data, "Meta") for t in children_of(m, "Type")]
        number = item_type_number(type)
        name = None if number is None else ITEM_TYPE_NAMES.get(number)
        chosen = [t for t in types if (t.get("type") == name if name else t.get("active"))]
        return tuple(
            structure(e, SectionField) for t in chosen[:1] for e in children_of(t, "Field")
        )

    async def field_types(
        self, section_key: SectionRef, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[FieldType, ...]:
        """Each field type and the operators it takes (``integer``: ``=``, ``>>=``...)."""
        from plexkit.models.browse import FieldType

        self._check_read(cache, ttl)
        spec = await self._section_spec(section_key, browse.section_fields)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return tuple(
            structure(e, FieldType)
            for meta in children_of(data, "Meta")
            for e in children_of(meta, "FieldType")
        )

    async def choices(
        self,
        section_key: SectionRef,
        filter: str,
        *,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> tuple[FilterChoice, ...]:
        """The values of one filter (every genre, year or collection of the section)."""
        from plexkit.models.browse import FilterChoice

        self._check_read(cache, ttl)
        spec = await self._section_spec(section_key, lambda key: browse.filter_choices(key, filter))
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return tuple(structure(e, FilterChoice) for e in children_of(data, "Directory"))
