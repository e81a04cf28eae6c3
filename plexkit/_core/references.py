"""What calls that take items, playlists or collections accept, turned into keys and the
``server://`` uris PMS's playlist and collection writes take (no I/O)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final
from urllib.parse import urlencode

from plexkit._core.endpoints import ParamValue, _clean, path_key
from plexkit.errors import ConfigurationError
from plexkit.filters import Condition, condition_params
from plexkit.types import ItemRef

if TYPE_CHECKING:
    from plexkit.models import BaseItem, Collection, Playlist

__all__ = [
    "ItemRef",
    "collection_key",
    "item_keys",
    "items_uri",
    "library_uri",
    "playlist_key",
    "section_query",
]


_PROVIDER: Final = "com.plexapp.plugins.library"
_KEY_PATH: Final = re.compile(r"^/library/(?:collections|metadata)/(\d+)(?:/children|/items)?$")
_PLAYLIST_PATH: Final = re.compile(r"^/playlists/(\d+)(?:/items)?$")


def item_list(items: Iterable[ItemRef] | ItemRef, *, what: str = "items") -> list[ItemRef]:
    """One item (a model or a rating key) or an iterable of them, as a list; anything else
    (``None``, bytes, a float) is a `ConfigurationError`, raised before any request."""
    from plexkit.models import BaseItem, UnknownItem

    if isinstance(items, (str, BaseItem, UnknownItem)) or (
        isinstance(items, int) and not isinstance(items, bool)
    ):
        return [items]
    if items is None or isinstance(items, (bytes, bool)) or not isinstance(items, Iterable):
        raise ConfigurationError(
            f"{what} must be an item, a rating key or a list of them, not {type(items).__name__}"
        )
    return list(items)


def item_keys(items: Iterable[ItemRef] | ItemRef, *, what: str = "items") -> list[str]:
    """The rating keys of ``items``; refuses an empty list and anything that is not an item."""
    from plexkit.models import BaseItem, Collection, Playlist, UnknownItem

    keys: list[str] = []
    for item in item_list(items, what=what):
        if isinstance(item, (Collection, Playlist)):
            raise ConfigurationError(
                f"{what} must be library items, not a {type(item).__name__.lower()}"
            )
        if isinstance(item, (BaseItem, UnknownItem)):
            if item.rating_key is None:
                raise ConfigurationError(f"item {item.title!r} has no rating key")
            keys.append(path_key(item.rating_key))
        elif isinstance(item, (str, int)) and not isinstance(item, bool):
            keys.append(path_key(item, "rating key"))
        else:
            raise ConfigurationError(
                f"{what} must be library items or rating keys, not {type(item).__name__}"
            )
    if not keys:
        raise ConfigurationError(f"{what} must name at least one item")
    return keys


def _from_ref(value: object, kind: type[BaseItem], pattern: re.Pattern[str], what: str) -> str:
    from plexkit.models import BaseItem

    if isinstance(value, kind):
        return path_key(value.rating_key, f"{what} rating key")
    if isinstance(value, BaseItem):
        raise ConfigurationError(f"expected a {what}, not a {type(value).__name__.lower()}")
    if isinstance(value, str) and value.startswith("/"):
        match = pattern.match(value.strip())
        if match is None:
            raise ConfigurationError(f"{value!r} is not the key of a {what}")
        return match.group(1)
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return path_key(value, f"{what} rating key")
    raise ConfigurationError(
        f"a {what} is its model, rating key or key path, not {type(value).__name__}"
    )


def collection_key(value: Collection | str | int) -> str:
    """A collection's rating key from its model, rating key or key path."""
    from plexkit.models import Collection

    return _from_ref(value, Collection, _KEY_PATH, "collection")


def playlist_key(value: Playlist | str | int) -> str:
    """A playlist's rating key from its model, rating key or key path."""
    from plexkit.models import Playlist

    return _from_ref(value, Playlist, _PLAYLIST_PATH, "playlist")


def library_uri(machine_identifier: str, path: str) -> str:
    """``server://MACHINE/com.plexapp.plugins.library/{path}``: a library path on a server."""
    return f"server://{machine_identifier}/{_PROVIDER}/{path}"


def items_uri(machine_identifier: str, keys: list[str]) -> str:
    """``server://MACHINE/com.plexapp.plugins.library/library/metadata/1,2``."""
    return library_uri(machine_identifier, f"library/metadata/{','.join(keys)}")


def section_query(
    section_key: str | int,
    *,
    type: int,
    filters: Mapping[str, ParamValue | None] | Condition | None = None,
    sort: str | None = None,
    limit: int | None = None,
) -> str:
    """The path of a section query (``library/sections/1/all?type=1&genre=...``), the filter
    of a smart playlist or collection (its uri is `library_uri` of it); a
    `~plexkit.filters.Filter` or group of them goes last, its ``push``/``or``/``pop`` in
    order."""
    grouped: tuple[tuple[str, str], ...] = ()
    if filters is not None and not isinstance(filters, Mapping):
        grouped, filters = condition_params(filters), None
    params: dict[str, ParamValue | None] = {"type": type, **dict(filters or {})}
    params["sort"] = sort
    if limit is not None:
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ConfigurationError(f"limit must be a positive int, not {limit!r}")
        params["limit"] = limit
    query = urlencode([*_clean(params).items(), *grouped])
    key = path_key(section_key, "section_key")
    return f"library/sections/{key}/all?{query}"
