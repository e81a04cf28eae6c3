"""Request specs for playlists: list, read, create, add, remove, move, edit, delete.

Creating and adding are never retried (a repeat would make a second playlist or add the items
twice); moves, edits and deletes are harmless to repeat.
"""

from __future__ import annotations

from typing import Final

from plexkit._core.endpoints import RequestSpec, _clean, check_text, path_key
from plexkit.errors import ConfigurationError
from plexkit.types import PlaylistType

__all__ = [
    "PlaylistType",
    "add",
    "check_title",
    "check_type",
    "create",
    "delete",
    "edit",
    "get",
    "items",
    "listing",
    "move",
    "remove",
]

_TYPES: Final = ("video", "audio", "photo")


def check_type(value: str | None) -> str | None:
    """``value`` if it is a playlist type (or None), else a `ConfigurationError`."""
    if value is not None and value not in _TYPES:
        raise ConfigurationError(f"playlist type must be video, audio or photo, not {value!r}")
    return value


def listing(*, type: PlaylistType | None = None, smart: bool | None = None) -> RequestSpec:
    params = _clean({"playlistType": check_type(type), "smart": smart})
    return RequestSpec(method="GET", path="/playlists", params=params, cache_name="playlists")


def get(key: str) -> RequestSpec:
    return RequestSpec(method="GET", path=f"/playlists/{key}", cache_name="playlists")


def items(key: str) -> RequestSpec:
    return RequestSpec(method="GET", path=f"/playlists/{key}/items", cache_name="playlists")


def check_title(title: str) -> str:
    if not isinstance(title, str) or not title.strip():
        raise ConfigurationError("a playlist title must be a non-empty string")
    return check_text(title.strip(), "title")


def create(title: str, uri: str, *, type: PlaylistType, smart: bool) -> RequestSpec:
    params = _clean(
        {"title": check_title(title), "type": check_type(type), "smart": smart, "uri": uri}
    )
    return RequestSpec(method="POST", path="/playlists", params=params, idempotent=False)


def add(key: str, uri: str) -> RequestSpec:
    return RequestSpec(
        method="PUT", path=f"/playlists/{key}/items", params={"uri": uri}, idempotent=False
    )


def remove(key: str, playlist_item_id: int) -> RequestSpec:
    item = path_key(playlist_item_id, "playlist item id")
    return RequestSpec(method="DELETE", path=f"/playlists/{key}/items/{item}", idempotent=True)


def move(key: str, playlist_item_id: int, after: int | None) -> RequestSpec:
    item = path_key(playlist_item_id, "playlist item id")
    params = _clean({"after": None if after is None else path_key(after, "after")})
    return RequestSpec(
        method="PUT",
        path=f"/playlists/{key}/items/{item}/move",
        params=params,
        idempotent=True,
    )


def edit(key: str, *, title: str | None = None, summary: str | None = None) -> RequestSpec:
    if title is None and summary is None:
        raise ConfigurationError("give a new title or summary")
    params = _clean(
        {
            "title": None if title is None else check_title(title),
            "summary": None if summary is None else check_text(summary, "summary"),
        }
    )
    return RequestSpec(method="PUT", path=f"/playlists/{key}", params=params, idempotent=True)


def delete(key: str) -> RequestSpec:
    return RequestSpec(method="DELETE", path=f"/playlists/{key}", idempotent=True)
