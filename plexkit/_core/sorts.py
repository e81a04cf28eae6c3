"""Plex's sort syntax and the check of its fields against the sorts a section offers.

A sort is one or more comma-separated terms ``field[:asc|:desc][:nullsLast]``; a field may be
scoped to a level of the hierarchy (``show.titleSort``). The syntax is checked before any
request; the fields against ``/library/sections/N/sorts``, which lists the sorts of the
section's own item type (the movies of a movie section, the shows of a show section).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import attrs

from plexkit.errors import InvalidSortError
from plexkit.models.item_types import item_type_number

__all__ = [
    "ROOT_TYPES",
    "UNIVERSAL",
    "SortTerm",
    "canonical_sort",
    "checked_fields",
    "offered_fields",
    "parse_sort",
]

ROOT_TYPES: Final = {"movie": 1, "show": 2, "artist": 8, "photo": 14}
"""The item type a section of each kind lists by default (the one its sorts describe)."""

UNIVERSAL: Final = frozenset({"titleSort", "addedAt"})
"""Fields every section sorts by: a sort of only these needs no look at the section's sorts."""

DIRECTIONS: Final = frozenset({"asc", "desc"})
FEATURES: Final = DIRECTIONS | {"nullsLast"}
_FIELD: Final = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)?")
_HOW: Final = (
    "write field, field:asc or field:desc, comma-separated (e.g. 'addedAt:desc,titleSort')"
)


@attrs.frozen
class SortTerm:
    """One term of a sort: the field and its features (``desc``, ``nullsLast``...)."""

    field: str
    features: tuple[str, ...] = ()

    def __str__(self) -> str:
        return ":".join((self.field, *self.features))


def parse_sort(sort: object) -> tuple[SortTerm, ...]:
    """The terms of a sort string; `InvalidSortError` for anything Plex cannot read."""
    if not isinstance(sort, str):
        raise InvalidSortError(f"sort must be a string, not {type(sort).__name__}; {_HOW}")
    terms = []
    for part in sort.split(","):
        field, *features = part.strip().split(":")
        if not _FIELD.fullmatch(field):
            raise InvalidSortError(f"sort {sort!r}: {part.strip()!r} is not a field; {_HOW}")
        for feature in features:
            if feature not in FEATURES:
                raise InvalidSortError(
                    f"sort {sort!r}: {feature!r} is not asc, desc or nullsLast; {_HOW}"
                )
        if len(set(features)) < len(features) or len(DIRECTIONS.intersection(features)) > 1:
            raise InvalidSortError(f"sort {sort!r}: {part.strip()!r} repeats a direction")
        terms.append(SortTerm(field, tuple(features)))
    return tuple(terms)


def canonical_sort(sort: object) -> str:
    """The sort as sent: its terms checked and joined without spaces."""
    return ",".join(str(term) for term in parse_sort(sort))


def offered_fields(keys: Iterable[str | None]) -> frozenset[str]:
    """The fields a section's sort keys name (``key`` and ``descKey``; some are compound,
    like ``show.titleSort,index``); a key that does not parse names nothing."""
    fields: set[str] = set()
    for key in keys:
        if key:
            try:
                fields.update(term.field for term in parse_sort(key))
            except InvalidSortError:
                continue
    return frozenset(fields)


def checked_fields(
    terms: tuple[SortTerm, ...],
    offered: frozenset[str],
    *,
    section: str,
    type: int | str | None,
    root_type: int | None,
) -> None:
    """Refuse an unscoped field the section does not offer, naming the ones it does.

    Only a listing of the section's own type is checked (``type=None`` or its root type): the
    section's sorts say nothing of other levels, nor of scoped fields (``show.titleSort``).
    """
    if type is not None and item_type_number(type) != root_type:
        return
    unknown = [t.field for t in terms if "." not in t.field and t.field not in offered]
    if unknown:
        available = tuple(sorted(offered, key=str.casefold))
        raise InvalidSortError(
            f"section {section} has no sort {unknown[0]!r}; its sorts: {', '.join(available)}",
            available=available,
        )
