"""How a section can be browsed: its filters, sorts and fields, and the choices of a filter
(``/library/sections/N/filters``, ``/sorts``, ``/genre`` ...)."""

from __future__ import annotations

import attrs

from plexkit.models import WIRE
from plexkit.models._wire import sparse

__all__ = ["FieldType", "FilterChoice", "SectionField", "SectionFilter", "SectionSort"]


@sparse
@attrs.frozen(kw_only=True, slots=False)
class SectionFilter:
    """A filter a section offers: ``filter`` is the query name (``genre``), ``filter_type``
    its kind (``string``, ``integer``, ``boolean``, ``date``), ``key`` where its choices are."""

    filter: str
    filter_type: str | None = None
    key: str | None = None
    title: str | None = None
    type: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False)
class SectionSort:
    """A sort a section offers: pass ``key`` (ascending) or ``desc_key`` as ``sort=``."""

    key: str
    title: str | None = None
    desc_key: str | None = None
    default_direction: str | None = None
    default: str | None = None
    first_character_key: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False)
class SectionField:
    """A field advanced filters can test (``key``), with its ``type`` (``tag``, ``integer``...)."""

    key: str
    title: str | None = None
    type: str | None = None
    sub_type: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False)
class Operator:
    """An operator a field type takes (``=``, ``!=``, ``>>=``...) and its label."""

    key: str
    title: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False)
class FieldType:
    """A field type and the operators it takes."""

    type: str
    operators: tuple[Operator, ...] = attrs.field(default=(), metadata={WIRE: "Operator"})


@sparse
@attrs.frozen(kw_only=True, slots=False)
class FilterChoice:
    """One value of a filter (a genre, a year, a collection): ``key`` is what to filter by,
    ``fast_key`` the ready-made listing URL."""

    key: str
    title: str | None = None
    type: str | None = None
    fast_key: str | None = None
    thumb: str | None = None
    count: int | None = None
