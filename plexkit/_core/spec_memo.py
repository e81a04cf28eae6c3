"""Request specs remembered across calls, so a repeated listing (a cache hit) builds none.

A spec is immutable and its builder pure, so the same arguments may share one spec; and a
shared spec keeps its windows and cache keys (`RequestSpec.remembered`). Only arguments that
are hashable and compare exactly as they are sent are remembered: ``True`` and ``1`` (equal
in Python, sent as ``1`` both) are told apart anyway (``typed=True``), and a filter dict only
when every name and value is text. Anything else is built afresh, and checked as always.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Final

from plexkit._core import endpoints
from plexkit._core.request_spec import RequestSpec
from plexkit.filters import Condition
from plexkit.types import ParamValue

__all__ = ["library_items"]

_KEPT: Final = 256
"""How many distinct listings are remembered (least recently used out)."""


def library_items(
    section_key: str | int,
    *,
    type: int | str | None = None,
    sort: str | None = None,
    filters: Mapping[str, ParamValue | None] | Condition | None = None,
    include_guids: bool = False,
) -> RequestSpec:
    """`endpoints.library_items`, the same spec for the same plain arguments."""
    pairs = _text_pairs(filters)
    if pairs is not None and _hashable(section_key, type, sort, include_guids):
        return _remembered_items(section_key, type, sort, pairs, include_guids)
    return endpoints.library_items(
        section_key, type=type, sort=sort, filters=filters, include_guids=include_guids
    )


@functools.lru_cache(maxsize=_KEPT, typed=True)
def _remembered_items(
    section_key: str | int,
    type: int | str | None,
    sort: str | None,
    pairs: tuple[tuple[str, str], ...],
    include_guids: bool,
) -> RequestSpec:
    filters = dict(pairs) if pairs else None
    return endpoints.library_items(
        section_key, type=type, sort=sort, filters=filters, include_guids=include_guids
    )


def _text_pairs(
    filters: Mapping[str, ParamValue | None] | Condition | None,
) -> tuple[tuple[str, str], ...] | None:
    """The filters as ``(name, value)`` text pairs in their order, or None when they are
    not a plain dict of text (a condition, a number, a list: built afresh each time)."""
    if filters is None:
        return ()
    if type(filters) is not dict:
        return None
    pairs = tuple(filters.items())
    for name, value in pairs:
        if type(name) is not str or type(value) is not str:
            return None
    return pairs


_PLAIN: Final = frozenset({str, int, bool, type(None)})
"""The argument types remembered: each compares equal only to what is sent the same way
(``typed=True`` keeps ``1`` and ``True`` apart); a subclass (an enum) is built afresh."""


def _hashable(section_key: object, type_: object, sort: object, guids: object) -> bool:
    """Whether every argument is of a `_PLAIN` type."""
    return (
        type(section_key) in _PLAIN
        and type(type_) in _PLAIN
        and type(sort) in _PLAIN
        and type(guids) in _PLAIN
    )
