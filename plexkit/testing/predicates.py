"""The filters of a PMS media query: one predicate per ``field<op>=value`` pair.

Operators, libtype prefixes, relative dates and the special fields (tags, ``unwatched``,
``guid``, ``file``...) are described in `plexkit.testing.query`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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


class QueryError(ValueError):
    """A media query PMS would answer with 400 Bad Request."""


def parse_int(name: str, value: str) -> int:
    """``value`` as an int, or a `QueryError` naming the parameter."""
    try:
        return int(value)
    except ValueError:
        raise QueryError(f"{name} must be an integer, not {value!r}") from None


def pair_predicate(raw_key: str, raw_value: str, now: int) -> Predicate | None:
    """The filter of one ``key=value`` pair, or None when PMS would ignore it (a flag)."""
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
