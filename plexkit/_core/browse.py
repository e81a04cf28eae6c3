"""Request specs for reads beyond items: hubs, a section's filters, sorts, fields and filter
choices, accounts, preferences, media providers, players and transcode sessions."""

from __future__ import annotations

from collections.abc import Mapping

from plexkit._core.endpoints import RequestSpec, _clean, check_text, item_type_number, path_key
from plexkit.errors import ConfigurationError

__all__ = [
    "accounts",
    "clients",
    "continue_watching",
    "extras",
    "filter_choices",
    "home_hubs",
    "media_providers",
    "on_deck",
    "part",
    "prefs",
    "promoted_hubs",
    "section_fields",
    "section_filters",
    "section_hubs",
    "section_sorts",
    "set_prefs",
    "transcode_sessions",
]


def _section(section_key: str | int) -> str:
    return path_key(section_key, "section_key")


def home_hubs(*, count: int | None = None) -> RequestSpec:
    """The home screen's hubs, at most ``count`` items each (a positive int)."""
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise ConfigurationError(f"count must be a positive int or None, not {count!r}")
    return RequestSpec(
        method="GET", path="/hubs", params=_clean({"count": count}), cache_name="hubs"
    )


def promoted_hubs() -> RequestSpec:
    return RequestSpec(method="GET", path="/hubs/promoted", cache_name="hubs")


def section_hubs(section_key: str | int) -> RequestSpec:
    return RequestSpec(
        method="GET", path=f"/hubs/sections/{_section(section_key)}", cache_name="hubs"
    )


def continue_watching(section_key: str | int | None = None) -> RequestSpec:
    path = "/hubs/continueWatching/items"
    if section_key is not None:
        path = f"/hubs/sections/{_section(section_key)}/continueWatching/items"
    return RequestSpec(method="GET", path=path, cache_name="hubs")


def on_deck() -> RequestSpec:
    return RequestSpec(method="GET", path="/hubs/home/onDeck", cache_name="hubs")


def section_filters(section_key: str | int) -> RequestSpec:
    return RequestSpec(
        method="GET",
        path=f"/library/sections/{_section(section_key)}/filters",
        cache_name="sections",
    )


def section_sorts(section_key: str | int) -> RequestSpec:
    return RequestSpec(
        method="GET", path=f"/library/sections/{_section(section_key)}/sorts", cache_name="sections"
    )


def section_fields(section_key: str | int, *, type: int | str | None = None) -> RequestSpec:
    """The listing's ``Meta`` block (``includeMeta=1``, no items), which lists the fields."""
    params = _clean({"includeMeta": 1, "type": item_type_number(type)})
    spec = RequestSpec(
        method="GET",
        path=f"/library/sections/{_section(section_key)}/all",
        params=params,
        cache_name="sections",
    )
    return spec.with_window(0, 1)


def filter_choices(section_key: str | int, filter: str) -> RequestSpec:
    """The values of one filter (``/library/sections/1/genre``)."""
    if not isinstance(filter, str) or not filter.isalnum():
        raise ConfigurationError(f"filter must be a filter name such as 'genre', not {filter!r}")
    return RequestSpec(
        method="GET",
        path=f"/library/sections/{_section(section_key)}/{filter}",
        cache_name="sections",
    )


def accounts() -> RequestSpec:
    return RequestSpec(method="GET", path="/accounts", cache_name="server")


def prefs() -> RequestSpec:
    return RequestSpec(method="GET", path="/:/prefs")


def set_prefs(values: Mapping[str, str | int | float | bool]) -> RequestSpec:
    """Set preferences by id; setting a value twice is harmless."""
    if not isinstance(values, Mapping) or not values:
        raise ConfigurationError("give at least one preference to set")
    return RequestSpec(method="PUT", path="/:/prefs", params=_clean(dict(values)), idempotent=True)


def media_providers() -> RequestSpec:
    return RequestSpec(method="GET", path="/media/providers", cache_name="server")


def clients() -> RequestSpec:
    return RequestSpec(method="GET", path="/clients")


def transcode_sessions() -> RequestSpec:
    return RequestSpec(method="GET", path="/transcode/sessions")


def part(key: str, *, start: int | None = None, end: int | None = None) -> RequestSpec:
    """A media part's file (``/library/parts/...``), optionally one byte range."""
    if not isinstance(key, str) or not key.startswith("/library/parts/") or "?" in key:
        raise ConfigurationError(f"a part key starts with /library/parts/, not {key!r}")
    check_text(key, "part key")
    headers: dict[str, str] = {}
    if start is not None or end is not None:
        first = 0 if start is None else start
        if isinstance(first, bool) or not isinstance(first, int) or first < 0:
            raise ConfigurationError("start must be a non-negative int")
        if end is not None and (isinstance(end, bool) or not isinstance(end, int) or end < first):
            raise ConfigurationError("end must be an int no smaller than start")
        headers["Range"] = f"bytes={first}-{'' if end is None else end}"
    return RequestSpec(method="GET", path=key, headers=headers)


def extras(rating_key: str | int) -> RequestSpec:
    """An item's trailers and other extras (``/library/metadata/{key}/extras``)."""
    key = path_key(rating_key)
    return RequestSpec(method="GET", path=f"/library/metadata/{key}/extras", cache_name="metadata")
