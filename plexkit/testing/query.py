"""PMS media queries over wire dicts: ``type``, filters with operators, ``sort`` and ``limit``.

Implements the subset of the PMS media-query language real clients send: ``field=v1,v2``
(any of), ``field!=v`` (none of), ``field>>=v`` / ``field<<=v`` (greater / less than),
``field>=v`` / ``field<=v`` (at least / at most for numbers, ends / begins with for text),
``field==v`` (exact text), an optional ``libtype.`` prefix (``show.title``), relative dates
(``addedAt>>=-30d``), tag filters by id or name, ``unwatched``/``inProgress``, ``guid``,
``resolution``, ``file`` and multi-key sorts such as ``addedAt:desc,titleSort``.

``file=`` selects items by the server path of a media part, as PMS does for
``/library/sections/{id}/all?type=1&file=...``: a case-insensitive *contains* match (the
media-query rule for strings, in the API guide), so a folder selects every file below it and
a file name may match several items; ``file==`` is exact. Clients filter the answer by
``Part.file`` themselves, as tools using it on real servers do. Only items with media parts
(movies, episodes, tracks, photos) match, so a show section needs ``type=4``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from plexkit.testing.predicates import Predicate, QueryError, pair_predicate, parse_int
from plexkit.testing.query_flags import CONTROL_PARAMS
from plexkit.testing.wire import Wire

__all__ = ["MediaQuery", "Predicate", "QueryError", "parse", "parse_sort", "sort_items"]


@dataclass
class MediaQuery:
    """A parsed media query: wanted type, filters (all must match), sort keys, limit."""

    type: int | None = None
    filters: list[Predicate] = field(default_factory=list)
    sort: list[tuple[str, bool]] = field(default_factory=list)
    limit: int | None = None

    def matches(self, item: Wire) -> bool:
        """True when ``item`` passes every filter."""
        return all(predicate(item) for predicate in self.filters)

    def run(self, items: Iterable[Wire]) -> list[Wire]:
        """Filter, sort and limit ``items``."""
        out = [item for item in items if self.matches(item)] if self.filters else list(items)
        for key, descending in reversed(self.sort):
            out = sort_items(out, key, descending)
        if self.limit is not None:
            out = out[: self.limit]
        return out


def parse(params: Sequence[tuple[str, str]], *, now: int, ignore: Iterable[str] = ()) -> MediaQuery:
    """Parse decoded query pairs; ``X-Plex-*`` and display options are skipped.

    ``now`` anchors relative dates. Raises `QueryError` for malformed values.
    """
    skip = set(ignore)
    query = MediaQuery()
    groups = _Groups()
    for raw_key, raw_value in params:
        if raw_key.startswith("X-Plex-") or raw_key in skip:
            continue
        if raw_key in _GROUPING:
            groups.step(raw_key)
        elif raw_key == "type":
            query.type = parse_int(raw_key, raw_value)
        elif raw_key == "sort":
            query.sort = parse_sort(raw_value)
        elif raw_key == "limit":
            query.limit = parse_int(raw_key, raw_value)
        elif raw_key in CONTROL_PARAMS:
            continue
        else:
            predicate = pair_predicate(raw_key, raw_value, now)
            if predicate is not None:
                groups.add(predicate)
    query.filters = groups.close()
    return query


_GROUPING = frozenset({"push", "pop", "or", "and"})


class _Groups:
    """PMS advanced filters: ``push``/``pop`` open and close a group, ``or`` separates
    alternatives inside one (``and`` binds tighter, as in python-plexapi's ``filters``)."""

    def __init__(self) -> None:
        self._stack: list[list[list[Predicate]]] = [[[]]]

    def add(self, predicate: Predicate) -> None:
        self._stack[-1][-1].append(predicate)

    def step(self, key: str) -> None:
        if key == "push":
            self._stack.append([[]])
        elif key == "or":
            self._stack[-1].append([])
        elif key == "pop":
            if len(self._stack) == 1:
                raise QueryError("pop without a matching push")
            self.add(_any_of(self._stack.pop()))

    def close(self) -> list[Predicate]:
        if len(self._stack) != 1:
            raise QueryError("push without a matching pop")
        alternatives = self._stack[0]
        if len(alternatives) == 1:
            return alternatives[0]
        return [_any_of(alternatives)]


def _any_of(alternatives: list[list[Predicate]]) -> Predicate:
    """True when every predicate of at least one alternative holds."""
    kept = [alt for alt in alternatives if alt]

    def test(item: Wire) -> bool:
        return not kept or any(all(p(item) for p in alt) for alt in kept)

    return test


def parse_sort(value: str) -> list[tuple[str, bool]]:
    """``"movie.addedAt:desc,titleSort"`` -> ``[("addedAt", True), ("titleSort", False)]``."""
    out: list[tuple[str, bool]] = []
    for part in value.split(","):
        name, _, direction = part.strip().partition(":")
        name = name.rpartition(".")[2]
        if name:
            out.append((name, direction == "desc"))
    return out


def sort_items(items: list[Wire], key: str, descending: bool) -> list[Wire]:
    """Stable sort on one field; missing values sort last either way, text ignores case."""
    if key in ("titleSort", "title"):

        def text_key(item: Wire) -> str:
            return str(item.get(key) or item.get("title") or "").casefold()

        return sorted(items, key=text_key, reverse=descending)
    present = [item for item in items if item.get(key) is not None]
    missing = [item for item in items if item.get(key) is None]

    def value_key(item: Wire) -> Any:
        value = item[key]
        return value.casefold() if isinstance(value, str) else value

    try:
        return sorted(present, key=value_key, reverse=descending) + missing
    except TypeError:
        return sorted(present, key=lambda i: str(i[key]), reverse=descending) + missing
