"""Typed readers: from a decoded body (see `decode_body`) to models.

Each reader checks the shape it needs and raises `ParseError` when the
body is structurally wrong (not an object, a child list that is a number, ...). Inside that
shape the converter is lenient. No reader lets a KeyError, TypeError or cattrs error escape.
"""

from __future__ import annotations

import functools
import importlib
import types
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeVar

from plexkit._gc_pause import gc_paused
from plexkit._redact import redact_text
from plexkit.errors import ParseError
from plexkit.models._decode import decode_body, excerpt
from plexkit.models._memo import Decoded
from plexkit.models._wire import to_int
from plexkit.types import T

if TYPE_CHECKING:
    import cattrs

    from plexkit.models.containers import (
        Hub,
        Identity,
        MediaContainer,
        Section,
        ServerInfo,
    )
    from plexkit.models.items import Item
    from plexkit.models.status import Activity, ActivityNotification, HistoryEntry, Session

__all__ = [
    "activities_from",
    "activity_notifications_from",
    "history_from",
    "hubs_from",
    "identity_from",
    "items_from",
    "paging_from",
    "parse_container",
    "sections_from",
    "server_info_from",
    "sessions_from",
    "structure",
]

R = TypeVar("R")

_CONTAINER_CHILDREN = ("Metadata", "Directory", "Hub", "SearchResult")

_hooks: dict[str, Any] = {}


def _converter() -> cattrs.Converter:
    """plexkit's converter, imported on first use: importing it builds the model classes,
    which a client that has not decoded anything yet does not need."""
    from plexkit.models._converter import converter

    return converter


def _reader_converter() -> cattrs.Converter:
    """The readers' converter (child lists built on first access), imported on first use."""
    from plexkit.models._converter import reader_converter

    return reader_converter


# What each reader structures: (module of plexkit.models, class, a tuple of them?). Only the
# module a reader needs is imported: a movie page never builds the session or hub classes.
_HOOK_TYPES: Final[Mapping[str, tuple[str, str, bool]]] = {
    "items": ("items", "Item", True),
    "sections": ("containers", "Section", True),
    "hubs": ("containers", "Hub", True),
    "sessions": ("status", "Session", True),
    "history": ("status", "HistoryEntry", True),
    "activities": ("status", "Activity", True),
    "notifications": ("status", "ActivityNotification", True),
    "search_results": ("containers", "SearchResult", True),
    "container": ("containers", "MediaContainer", False),
    "server_info": ("containers", "ServerInfo", False),
    "identity": ("containers", "Identity", False),
}


def _hook_type(name: str) -> Any:
    """The type the reader ``name`` structures (``tuple[Item, ...]``, ``ServerInfo``, ...)."""
    module, cls, many = _HOOK_TYPES[name]
    tp = getattr(importlib.import_module(f"plexkit.models.{module}"), cls)
    return types.GenericAlias(tuple, (tp, ...)) if many else tp


def _hook(name: str) -> Any:
    """The converter's hook for the reader ``name``, generated on first use (generating
    the readers' hooks at import time was most of ``import plexkit.models``)."""
    hook = _hooks.get(name)
    if hook is None:
        hook = _hooks[name] = _reader_converter().get_structure_hook(_hook_type(name))
    return hook


def _remembered(reader: Callable[[Mapping[str, Any]], R]) -> Callable[[Mapping[str, Any]], R]:
    """Keep the reader's result in a `Decoded` body: a cache
    hit on the same response hands out the models built the first time."""
    name = reader.__name__

    @functools.wraps(reader)
    def read(data: Mapping[str, Any]) -> R:
        if data.__class__ is not Decoded:
            return reader(data)
        built: dict[str, Any] = data.built
        if name in built:
            found: R = built[name]
            return found
        result = built[name] = reader(data)
        return result

    return read


def structure(value: Mapping[str, Any], cls: type[T]) -> T:
    """Build any attrs model (plexkit's or another module's) from a JSON-shaped mapping.

    Uses plexkit's converter and wire rules: camelCase keys, lenient scalars, tuples of
    children. Raises `ParseError` if ``value`` cannot be read as ``cls``.
    """
    if not isinstance(value, Mapping):
        raise ParseError(f"expected an object for {_name(cls)}", excerpt=excerpt(value))
    try:
        result: T = _converter().structure(value, cls)
    except Exception as exc:
        raise _failure(_name(cls), value, exc) from None
    return result


def parse_container(raw: bytes | str, content_type: str | None = None) -> MediaContainer:
    """Decode a PMS body (JSON or XML) into a `MediaContainer` with typed children."""
    return container_from(decode_body(raw, content_type))


@_remembered
def container_from(data: Mapping[str, Any]) -> MediaContainer:
    """A `MediaContainer` from a dict that `decode_body` returned."""
    _check(data, "MediaContainer")
    for name in _CONTAINER_CHILDREN:
        _children(data, name)
    container: MediaContainer = _run("container", data, "MediaContainer")
    return container


@_remembered
def items_from(data: Mapping[str, Any]) -> tuple[Item, ...]:
    """The library items (``Metadata``) of a container, typed by their ``type``.

    For ``/library/search`` bodies, whose items are wrapped in ``SearchResult`` entries, the
    wrapped items.
    """
    _check(data, "item list")
    entries = _children(data, "Metadata")
    if entries is None and "SearchResult" in data:
        results = _run("search_results", _children(data, "SearchResult"), "SearchResult list")
        return tuple(r.item for r in results if r.item is not None)
    items: tuple[Item, ...] = _run("items", entries, "item list")
    return items


@_remembered
def sections_from(data: Mapping[str, Any]) -> tuple[Section, ...]:
    """The library sections of ``/library/sections`` (its ``Directory`` entries)."""
    _check(data, "section list")
    sections: tuple[Section, ...] = _run("sections", _children(data, "Directory"), "section list")
    return sections


@_remembered
def hubs_from(data: Mapping[str, Any]) -> tuple[Hub, ...]:
    """The hubs of ``/hubs``, ``/hubs/search`` and the like, with their items."""
    _check(data, "hub list")
    hubs: tuple[Hub, ...] = _run("hubs", _children(data, "Hub"), "hub list")
    return hubs


@_remembered
def sessions_from(data: Mapping[str, Any]) -> tuple[Session, ...]:
    """The playback sessions of ``/status/sessions``: item plus user, player and transcode."""
    _check(data, "session list")
    sessions: tuple[Session, ...] = _run("sessions", _children(data, "Metadata"), "session list")
    return sessions


@_remembered
def history_from(data: Mapping[str, Any]) -> tuple[HistoryEntry, ...]:
    """The entries of ``/status/sessions/history/all``."""
    _check(data, "history")
    entries: tuple[HistoryEntry, ...] = _run("history", _children(data, "Metadata"), "history")
    return entries


@_remembered
def activities_from(data: Mapping[str, Any]) -> tuple[Activity, ...]:
    """The running activities of ``/activities``."""
    _check(data, "activity list")
    found: tuple[Activity, ...] = _run("activities", _children(data, "Activity"), "activity list")
    return found


def activity_notifications_from(data: Mapping[str, Any]) -> tuple[ActivityNotification, ...]:
    """The ``ActivityNotification`` entries of a websocket ``NotificationContainer``."""
    _check(data, "notification")
    found: tuple[ActivityNotification, ...] = _run(
        "notifications", _children(data, "ActivityNotification"), "notification"
    )
    return found


@_remembered
def server_info_from(data: Mapping[str, Any]) -> ServerInfo:
    """The server root (``GET /``)."""
    _check(data, "server info")
    info: ServerInfo = _run("server_info", data, "server info")
    return info


@_remembered
def identity_from(data: Mapping[str, Any]) -> Identity:
    """``GET /identity``."""
    _check(data, "identity")
    identity: Identity = _run("identity", data, "identity")
    return identity


def paging_from(data: Mapping[str, Any]) -> tuple[int | None, int | None]:
    """``(offset, total_size)`` as the body states them (either may be missing)."""
    _check(data, "paging")
    return to_int(data.get("offset")), to_int(data.get("totalSize"))


def _check(data: object, what: str) -> None:
    if not isinstance(data, Mapping):
        raise ParseError(f"expected an object for the {what}", excerpt=excerpt(data))


def _children(data: Mapping[str, Any], name: str) -> Any:
    value = data.get(name)
    if value is None or isinstance(value, (list, dict)):
        return value
    raise ParseError(f"{name} is not a list of objects", excerpt=excerpt(value))


def _run(hook: str, value: Any, what: str) -> Any:
    try:
        with gc_paused():
            return _hook(hook)(value)
    except Exception as exc:
        raise _failure(what, value, exc) from None


def _failure(what: str, value: object, exc: Exception) -> ParseError:
    reason = redact_text(str(exc))[:200]
    return ParseError(
        f"cannot read the {what}: {type(exc).__name__}: {reason}", excerpt=excerpt(value)
    )


def _name(cls: object) -> str:
    return getattr(cls, "__name__", None) or str(cls)
