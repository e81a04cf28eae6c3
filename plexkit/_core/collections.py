"""Request specs for collection writes: create, add, remove, move, mode and order, delete.

Creating and adding are never retried; the rest are harmless to repeat.
"""

from __future__ import annotations

from typing import Final

from plexkit._core.endpoints import RequestSpec, _clean, check_text, path_key
from plexkit.errors import ConfigurationError
from plexkit.types import CollectionMode, CollectionOrder

__all__ = ["MODES", "ORDERS", "add", "check_title", "create", "delete", "move", "prefs", "remove"]

MODES: Final = {"default": -1, "hide": 0, "hide_items": 1, "show_items": 2}
"""Collection modes: library default, hide the collection, hide its items, show both."""
ORDERS: Final = {"release": 0, "alpha": 1, "custom": 2}
"""Collection orders: by release date, alphabetical, custom."""


def check_title(title: str) -> str:
    """A collection title, stripped; refused when empty or not text."""
    if not isinstance(title, str) or not title.strip():
        raise ConfigurationError("a collection title must be a non-empty string")
    return check_text(title.strip(), "title")


def create(section_key: str | int, title: str, uri: str, *, type: int, smart: bool) -> RequestSpec:
    params = _clean(
        {
            "type": type,
            "title": check_title(title),
            "smart": smart,
            "sectionId": path_key(section_key, "section_key"),
            "uri": uri,
        }
    )
    return RequestSpec(method="POST", path="/library/collections", params=params, idempotent=False)


def add(key: str, uri: str) -> RequestSpec:
    return RequestSpec(
        method="PUT",
        path=f"/library/collections/{key}/items",
        params={"uri": uri},
        idempotent=False,
    )


def remove(key: str, item: str) -> RequestSpec:
    return RequestSpec(
        method="DELETE", path=f"/library/collections/{key}/items/{item}", idempotent=True
    )


def move(key: str, item: str, after: str | None) -> RequestSpec:
    params = _clean({"after": after})
    return RequestSpec(
        method="PUT",
        path=f"/library/collections/{key}/items/{item}/move",
        params=params,
        idempotent=True,
    )


def prefs(
    key: str, *, mode: CollectionMode | None = None, order: CollectionOrder | None = None
) -> RequestSpec:
    if mode is None and order is None:
        raise ConfigurationError("give a mode or an order")
    if mode is not None and mode not in MODES:
        raise ConfigurationError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    if order is not None and order not in ORDERS:
        raise ConfigurationError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
    params = _clean(
        {
            "collectionMode": None if mode is None else MODES[mode],
            "collectionSort": None if order is None else ORDERS[order],
        }
    )
    return RequestSpec(
        method="PUT", path=f"/library/collections/{key}/prefs", params=params, idempotent=True
    )


def delete(key: str) -> RequestSpec:
    return RequestSpec(method="DELETE", path=f"/library/collections/{key}", idempotent=True)
