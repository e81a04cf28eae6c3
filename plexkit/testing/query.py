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

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from plexkit.testing.wire import TAG_FILTERS, Wire

Predicate = Callable[[Wire], bool]

_TAG_ELEMENTS = {name: element for element, name in TAG_FILTERS.items()}
_NUMERIC = {
    "year",
    "decade",
    "index",
    "parentIndex",
    "viewCount",
    "duration",
    "addedAt",
    "updatedAt",
    "lastViewedAt",
    "viewedAt",
    "rating",
    "audienceRating",
    "userRating",
    "leafCount",
    "viewedLeafCount",
    "childCount",
}
_EXACT = {"contentRating", "type", "ratingKey", "guid"}
"""Text fields PMS compares whole (tag-like), not by substring."""
_DATES = {"addedAt", "updatedAt", "lastViewedAt", "viewedAt"}
_RELATIVE = re.compile(r"^-(\d+)(mon|[smhdwy])$")
_UNITS = {
    "s": 1,
    "m": 60,
    "h": 3600,
    "d": 86400,
    "w": 604800,
    "mon": 2592000,
    "y": 31536000,
}
_RELATED_FIELDS: dict[tuple[str, str], dict[str, str]] = {
    # (libtype prefix, field) -> the key holding it on each item type
    ("show", "title"): {"show": "title", "season": "parentTitle", "episode": "grandparentTitle"},
    ("show", "id"): {
        "show": "ratingKey",
        "season": "parentRatingKey",
        "episode": "grandparentRatingKey",
    },
    ("season", "index"): {"season": "index", "episode": "parentIndex"},
    ("season", "id"): {"season": "ratingKey", "episode": "parentRatingKey"},
    ("artist", "title"): {"artist": "title", "album": "parentTitle", "track": "grandparentTitle"},
    ("artist", "id"): {
        "artist": "ratingKey",
        "album": "parentRatingKey",
        "track": "grandparentRatingKey",
    },
    ("album", "title"): {"album": "title", "track": "parentTitle"},
    ("album", "id"): {"album": "ratingKey", "track": "parentRatingKey"},
}
_CONTROL_PARAMS = {
    "type",
    "sort",
    "limit",
    "includeGuids",
    "includeMeta",
    "includeAdvanced",
    "includeCollections",
    "includeExternalMedia",
    "includeFields",
    "excludeFields",
    "includeElements",
    "excludeElements",
    "includeOptionalFields",
    "includeOptionalElements",
    "checkFiles",
    "includeDetails",
    "query",
    "push",
    "pop",
    "or",
    "and",
    "sectionID",
    "sectionId",
    "contentDirectoryID",
    "pinnedContentDirectoryID",
    "asyncAugmentMetadata",
    "asyncCheckFiles",
    "asyncRefreshAnalysis",
    "asyncRefreshLocalMediaAgent",
    "skipRefresh",
    "includeRelated",
    "includeRelatedCount",
    "includeExtras",
    "includeExtrasCount",
    "includePreferences",
    "includeChapters",
    "includeMarkers",
    "includeConcerts",
    "includeOnDeck",
    "includePopularLeaves",
    "includeReviews",
    "includeStations",
    "includeChildren",
    "includeBandwidths",
    "includeLoudnessRamps",
    "includeAllConcerts",
    "includeFullMetadata",
    "includeAncestorMetadata",
    "includeAlternateMetadataSources",
    "includeUserState",
    "includeStorage",
    "includeHttps",
    "includeRelay",
    "includeIPv6",
    "checkFileAvailability",
    "excludeAllLeaves",
    "nocache",
    "personal",
    "count",
    "Accept-Language",
    "download",
    "includeGeolocation",
    "includeCollectionStatistics",
    "includeExternalIds",
    "includeCredits",
    "includeArt",
    "includeThumb",
    "includeBanner",
    "includeTheme",
}


class QueryError(ValueError):
    """A media query PMS would answer with 400 Bad Request."""


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

    ``now`` anchors relative dates. Raises :class:`QueryError` for malformed values.
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
            query.type = _int(raw_key, raw_value)
        elif raw_key == "sort":
            query.sort = parse_sort(raw_value)
        elif raw_key == "limit":
            query.limit = _int(raw_key, raw_value)
        elif raw_key in _CONTROL_PARAMS:
            continue
        else:
            predicate = _predicate(raw_key, raw_value, now)
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


def _int(name: str, value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise QueryError(f"{name} must be an integer, not {value!r}") from None


def _predicate(raw_key: str, raw_value: str, now: int) -> Predicate | None:
    match = re.fullmatch(r"(?:([a-zA-Z]+)\.)?([a-zA-Z]+)([!<>=]*)", raw_key)
    if match is None:
        return None
    libtype, name, operator = match.groups()
    exact = raw_value.startswith("=") or operator.endswith("=")
    operator = operator.rstrip("=")
    value = raw_value[1:] if raw_value.startswith("=") else raw_value
    values = [v for v in value.split(",") if v != ""] if value else [""]
    negate = operator.startswith("!")
    operator = operator.lstrip("!")
    test = _field_test(libtype, name, operator, values, exact=exact, now=now)
    if test is None:
        return None
    if negate:
        return lambda item: not test(item)
    return test


def _field_test(
    libtype: str | None,
    name: str,
    operator: str,
    values: list[str],
    *,
    exact: bool,
    now: int,
) -> Predicate | None:
    if libtype and (libtype, name) in _RELATED_FIELDS:
        keys = _RELATED_FIELDS[(libtype, name)]

        def related(item: Wire) -> Any:
            return item.get(keys.get(item.get("type", ""), ""))

        return _text_test(related, operator, values, exact=exact or name == "id")
    if name in _TAG_ELEMENTS:
        return _tag_test(_TAG_ELEMENTS[name], values)
    if name == "unwatched":
        if values[0] in ("0", "false"):
            return None  # a flag to PMS: the spec client sends unwatched=0 by default
        return _is_unwatched
    if name == "inProgress":
        wanted = values[0] not in ("0", "false")
        return lambda item: bool(item.get("viewOffset")) == wanted
    if name == "guid":
        wanted_guids = set(values)
        return lambda item: bool(wanted_guids & _guids(item))
    if name == "resolution":
        wanted_res = set(values)
        return lambda item: any(
            media.get("videoResolution") in wanted_res for media in item.get("Media", ())
        )
    if name == "file":
        return _file_test(operator, values, exact=exact)
    if name == "firstCharacter":
        letters = {v.upper() for v in values}
        return lambda item: _first_character(item) in letters
    if name == "id":
        wanted_ids = set(values)
        return lambda item: item.get("ratingKey") in wanted_ids
    getter = _getter(name)
    if name in _NUMERIC:
        numbers = [_number(name, v, now) for v in values]
        return _numeric_test(getter, operator, numbers)
    return _text_test(getter, operator, values, exact=exact or name in _EXACT)


def _getter(name: str) -> Callable[[Wire], Any]:
    if name == "decade":
        return lambda item: (item["year"] // 10 * 10) if item.get("year") is not None else None
    return lambda item: item.get(name)


def _number(name: str, value: str, now: int) -> float:
    relative = _RELATIVE.match(value)
    if relative and name in _DATES:
        return now - int(relative.group(1)) * _UNITS[relative.group(2)]
    try:
        return float(value)
    except ValueError:
        raise QueryError(f"{name} must be a number, not {value!r}") from None


def _numeric_test(getter: Callable[[Wire], Any], operator: str, numbers: list[float]) -> Predicate:
    compare: Callable[[float, float], bool] = {
        "": lambda a, b: a == b,
        ">>": lambda a, b: a > b,
        "<<": lambda a, b: a < b,
        ">": lambda a, b: a >= b,
        "<": lambda a, b: a <= b,
    }.get(operator, lambda a, b: a == b)

    def test(item: Wire) -> bool:
        raw = getter(item)
        if raw is None or raw == "":
            return False
        try:
            value = float(raw)
        except (TypeError, ValueError):
            return False
        return any(compare(value, number) for number in numbers)

    return test


def _text_test(
    getter: Callable[[Wire], Any], operator: str, values: list[str], *, exact: bool
) -> Predicate:
    wanted = [v.casefold() for v in values]
    compare: Callable[[str, str], bool]
    if operator == ">":
        compare = str.endswith
    elif operator == "<":
        compare = str.startswith
    elif exact:
        compare = str.__eq__
    else:
        compare = str.__contains__

    def test(item: Wire) -> bool:
        raw = getter(item)
        if raw is None:
            return False
        text = str(raw).casefold()
        return any(compare(text, w) for w in wanted)

    return test


def _file_test(operator: str, values: list[str], *, exact: bool) -> Predicate:
    """Any media part's ``file`` passes the text test (see the module docstring)."""
    text = _text_test(lambda part: part.get("file"), operator, values, exact=exact)

    def test(item: Wire) -> bool:
        return any(text(part) for media in item.get("Media", ()) for part in media.get("Part", ()))

    return test


def _tag_test(element: str, values: list[str]) -> Predicate:
    wanted = {v.casefold() for v in values}

    def test(item: Wire) -> bool:
        for tag in item.get(element, ()):
            if str(tag.get("id")) in wanted or str(tag.get("tag", "")).casefold() in wanted:
                return True
        return False

    return test


def _first_character(item: Wire) -> str:
    """``#`` or the letter the item's ``titleSort`` starts with (``firstCharacter=``)."""
    char = str(item.get("titleSort") or item.get("title") or "")[:1].upper()
    return char if char.isalpha() else "#"


def _is_unwatched(item: Wire) -> bool:
    if "leafCount" in item:
        return int(item.get("viewedLeafCount") or 0) < int(item["leafCount"])
    return not item.get("viewCount")


def _guids(item: Wire) -> set[str]:
    found = {str(guid["id"]) for guid in item.get("Guid", ())}
    if item.get("guid"):
        found.add(str(item["guid"]))
    return found
