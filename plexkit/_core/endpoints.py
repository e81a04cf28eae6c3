"""Request specs for every endpoint: path, params, paging and cache name, validated up front.

The async client (and its generated sync twin) only execute these, so what is sent for each call
is decided, and tested, here without a network.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime
from typing import Final
from urllib.parse import quote

from plexkit._core.paging import check_window
from plexkit._core.request_spec import RequestSpec
from plexkit._core.sorts import canonical_sort
from plexkit._redact import redact_url
from plexkit.errors import ConfigurationError
from plexkit.filters import Condition, condition_params
from plexkit.models.item_types import ITEM_TYPES, item_type_number
from plexkit.types import ParamValue

__all__ = [
    "ITEM_TYPES",
    "ParamValue",
    "RequestSpec",
    "activities",
    "cancel_activity",
    "children",
    "collection_items",
    "collections",
    "history",
    "identity",
    "item_type_number",
    "library_items",
    "metadata",
    "path_key",
    "raw",
    "recently_added",
    "refresh_section",
    "related_hubs",
    "search",
    "sections",
    "server_info",
    "sessions",
]

Params = Mapping[str, ParamValue | None]


def _clean(params: Params) -> dict[str, str]:
    """Query parameters as text; lists become Plex's comma-separated form."""
    if not isinstance(params, Mapping):
        raise ConfigurationError(f"params must be a mapping, not {type(params).__name__}")
    out: dict[str, str] = {}
    for name, value in params.items():
        if not isinstance(name, str) or not name:
            raise ConfigurationError(f"parameter names must be non-empty strings, not {name!r}")
        check_text(name, "parameter names")
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            out[name] = ",".join(_param_text(name, v) for v in value)
        else:
            out[name] = _param_text(name, value)
    return out


_CONTROL: Final = frozenset("\r\n\x00")


def check_text(value: str, what: str) -> str:
    """``value`` unchanged, or ConfigurationError if it carries CR, LF or NUL (never valid)."""
    if _CONTROL.intersection(value):
        raise ConfigurationError(f"{what} must not contain a line break or NUL, not {value!r}")
    return value


def _param_text(name: str, value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigurationError(f"parameter {name!r} must be a finite number, not {value!r}")
    if isinstance(value, (str, int, float)):
        return check_text(str(value), f"parameter {name!r}")
    raise ConfigurationError(
        f"parameter {name!r} must be a str, number, bool or a list of them, "
        f"not {type(value).__name__}"
    )


def path_key(value: object, what: str = "rating_key") -> str:
    """A rating key, section key or uuid as a safe path segment."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ConfigurationError(f"{what} must be a str or int, not {type(value).__name__}")
    text = check_text(str(value), what).strip()
    if not text or "/" in text or text in (".", ".."):
        raise ConfigurationError(f"{what} must be a non-empty key without '/', not {value!r}")
    return quote(text, safe="")


def server_info() -> RequestSpec:
    return RequestSpec(method="GET", path="/", cache_name="server")


def identity() -> RequestSpec:
    return RequestSpec(method="GET", path="/identity", cache_name="server")


def sections() -> RequestSpec:
    return RequestSpec(method="GET", path="/library/sections", cache_name="sections")


def library_items(
    section_key: str | int,
    *,
    type: int | str | None = None,
    sort: str | None = None,
    filters: Params | Condition | None = None,
    include_guids: bool = False,
) -> RequestSpec:
    """Items of a section (``/library/sections/{key}/all``), with type, sort and filters
    (a dict of query parameters, or a `~plexkit.filters.Filter` or group of them).

    ``include_guids`` asks for each item's ``Guid`` children (its TMDB/TVDB/IMDb ids).
    """
    query: tuple[tuple[str, str], ...] = ()
    if isinstance(filters, Mapping) or filters is None:
        params: dict[str, ParamValue | None] = dict(filters or {})
    else:
        params, query = {}, condition_params(filters)
    for reserved in ("type", "sort", "includeGuids"):
        if reserved in params or any(key == reserved for key, _ in query):
            raise ConfigurationError(f"pass {reserved}= as its own argument, not in filters")
    params["type"] = item_type_number(type)
    params["sort"] = None if sort is None else canonical_sort(sort)
    params["includeGuids"] = _guids_flag(include_guids)
    return RequestSpec(
        method="GET",
        path=f"/library/sections/{path_key(section_key, 'section_key')}/all",
        params=_clean(params),
        query=query,
        cache_name="items",
    )


def search(
    query: str, *, limit: int | None = None, section_key: str | int | None = None
) -> RequestSpec:
    """Search across libraries (``/hubs/search``), optionally in one section."""
    if not isinstance(query, str) or not query.strip():
        raise ConfigurationError("search query must be a non-empty string")
    check_window(0, limit)
    params: dict[str, ParamValue | None] = {"query": query.strip(), "limit": limit}
    if section_key is not None:
        params["sectionId"] = path_key(section_key, "section_key")
    return RequestSpec(
        method="GET", path="/hubs/search", params=_clean(params), cache_name="search"
    )


def recently_added(*, limit: int = 20, section_key: str | int | None = None) -> RequestSpec:
    """Recently added items, across libraries or in one section."""
    path = "/library/recentlyAdded"
    if section_key is not None:
        path = f"/library/sections/{path_key(section_key, 'section_key')}/recentlyAdded"
    return RequestSpec(method="GET", path=path, cache_name="recently_added").with_window(0, limit)


def collections(section_key: str | int) -> RequestSpec:
    key = path_key(section_key, "section_key")
    return RequestSpec(
        method="GET", path=f"/library/sections/{key}/collections", cache_name="collections"
    )


def collection_items(collection_key: str | int, *, include_guids: bool = False) -> RequestSpec:
    key = path_key(collection_key, "collection key")
    return RequestSpec(
        method="GET",
        path=f"/library/collections/{key}/children",
        params=_clean({"includeGuids": _guids_flag(include_guids)}),
        cache_name="collections",
    )


def metadata(
    rating_key: str | int, *, include_extras: bool = False, include_preferences: bool = False
) -> RequestSpec:
    """An item's detail; ``includeExtras=1`` / ``includePreferences=1`` nest its extras and
    its per-item settings (real servers send neither unless asked)."""
    key = path_key(rating_key, "rating_key")
    params = _clean(
        {
            "includeExtras": _flag(include_extras, "include_extras"),
            "includePreferences": _flag(include_preferences, "include_preferences"),
        }
    )
    return RequestSpec(
        method="GET", path=f"/library/metadata/{key}", params=params, cache_name="metadata"
    )


def metadata_many(rating_keys: str) -> RequestSpec:
    """Several items in one read (``rating_keys`` is a checked ``"1,2,3"`` list), never cached:
    edits read the current tags through it."""
    return RequestSpec(method="GET", path=f"/library/metadata/{rating_keys}")


def related_hubs(rating_key: str | int, *, count: int | None = None) -> RequestSpec:
    """The hubs of items related to one (``/library/metadata/{key}/related``), at most
    ``count`` items each (a positive int)."""
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise ConfigurationError(f"count must be a positive int or None, not {count!r}")
    key = path_key(rating_key, "rating_key")
    return RequestSpec(
        method="GET",
        path=f"/library/metadata/{key}/related",
        params=_clean({"count": count}),
        cache_name="hubs",
    )


def transient_token() -> RequestSpec:
    """``POST /security/token?type=delegation&scope=all``: a token valid up to 48 hours."""
    return RequestSpec(
        method="POST",
        path="/security/token",
        params={"type": "delegation", "scope": "all"},
        idempotent=False,
    )


def children(
    rating_key: str | int, *, leaves: bool = False, include_guids: bool = False
) -> RequestSpec:
    """Direct children (seasons of a show, tracks of an album) or all leaves (episodes)."""
    key = path_key(rating_key, "rating_key")
    suffix = "allLeaves" if leaves else "children"
    return RequestSpec(
        method="GET",
        path=f"/library/metadata/{key}/{suffix}",
        params=_clean({"includeGuids": _guids_flag(include_guids)}),
        cache_name="children",
    )


def _guids_flag(include_guids: bool) -> int | None:
    """``includeGuids=1`` when asked for; refused unless a real bool."""
    return _flag(include_guids, "include_guids")


def _flag(value: bool, name: str) -> int | None:
    """``1`` for an ``include*`` flag asked for, None (not sent) otherwise; only a real bool."""
    if not isinstance(value, bool):
        raise ConfigurationError(f"{name} must be True or False, not {type(value).__name__}")
    return 1 if value else None


def refresh_section(
    section_key: str | int, *, path: str | None = None, force: bool = False
) -> RequestSpec:
    """Scan a section, or only ``path`` inside it; not idempotent, never cached."""
    if path is not None and (not isinstance(path, str) or not path.strip()):
        raise ConfigurationError("path must be a non-empty string")
    params = _clean({"path": path, "force": True if force else None})
    key = path_key(section_key, "section_key")
    return RequestSpec(
        method="GET", path=f"/library/sections/{key}/refresh", params=params, idempotent=False
    )


def activities() -> RequestSpec:
    return RequestSpec(method="GET", path="/activities", cache_name="activities")


def cancel_activity(uuid: str) -> RequestSpec:
    return RequestSpec(
        method="DELETE", path=f"/activities/{path_key(uuid, 'activity uuid')}", idempotent=True
    )


def sessions() -> RequestSpec:
    return RequestSpec(method="GET", path="/status/sessions", cache_name="sessions")


def history(
    *,
    account_id: int | None = None,
    section_key: str | int | None = None,
    rating_key: str | int | None = None,
    since: datetime | None = None,
    sort: str = "viewedAt:desc",
) -> RequestSpec:
    """Watch history (``/status/sessions/history/all``), newest first by default."""
    if account_id is not None and (
        isinstance(account_id, bool) or not isinstance(account_id, int) or account_id < 1
    ):
        raise ConfigurationError(f"account_id must be a positive int, not {account_id!r}")
    params: dict[str, ParamValue | None] = {
        "sort": sort,
        "accountID": account_id,
        "librarySectionID": None if section_key is None else path_key(section_key, "section_key"),
        "metadataItemID": None if rating_key is None else path_key(rating_key, "rating_key"),
    }
    if since is not None:
        if not isinstance(since, datetime):
            raise ConfigurationError(f"since must be a datetime, not {type(since).__name__}")
        if since.tzinfo is None:
            raise ConfigurationError("since must be a timezone-aware datetime")
        params["viewedAt>"] = int(since.timestamp())
    return RequestSpec(
        method="GET",
        path="/status/sessions/history/all",
        params=_clean(params),
        cache_name="history",
    )


def raw(method: str, path: str, params: Params | None = None, *, idempotent: bool) -> RequestSpec:
    """Any request by path, for what the typed API does not cover yet."""
    if not isinstance(method, str) or not method.isalpha():
        raise ConfigurationError(f"method must be an HTTP method name, not {method!r}")
    if not isinstance(path, str) or not path.startswith("/") or "://" in path:
        raise ConfigurationError(
            f"path must be a server path starting with '/', not {redact_url(path)!r}"
        )
    if "?" in path or "#" in path:
        raise ConfigurationError("pass query parameters in params=, not in the path")
    if _CONTROL.intersection(path) or not path.isascii() or not path.isprintable():
        raise ConfigurationError("path must be printable ASCII without line breaks or NUL")
    names = {name.lower() for name in (params or {}) if isinstance(name, str)}
    if "x-plex-token" in names:
        raise ConfigurationError("the client sends the token itself; leave it out of the request")
    return RequestSpec(
        method=method.upper(), path=path, params=_clean(params or {}), idempotent=idempotent
    )
