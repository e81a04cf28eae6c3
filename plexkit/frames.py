"""Tables for notebooks: library items, watch history or playback sessions as a DataFrame.

A pandas DataFrame by default (the ``pandas`` extra: ``pip install "plexkit[pandas]"``), or a
polars one with ``backend="polars"`` (the ``polars`` extra), with the same columns. Each row is
one model; columns are the fields worth a table (titles, years, durations, timestamps as
aware datetimes), with the first media version's file and resolution for items. Rows of
a type the table does not expect are refused rather than silently dropped.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, overload

import attrs

from plexkit.errors import ConfigurationError
from plexkit.models import BaseItem, HistoryEntry, Item, Session, UnknownItem

if TYPE_CHECKING:
    import pandas
    import polars

__all__ = [
    "HISTORY_COLUMNS",
    "ITEM_COLUMNS",
    "SESSION_COLUMNS",
    "Backend",
    "history_frame",
    "items_frame",
    "sessions_frame",
]

Backend = Literal["pandas", "polars"]
"""The DataFrame library a table is built with."""

#: The columns of `items_frame`, in order.
ITEM_COLUMNS: Final = (
    "rating_key",
    "type",
    "title",
    "year",
    "grandparent_title",
    "parent_index",
    "index",
    "duration",
    "view_count",
    "added_at",
    "last_viewed_at",
    "library_section_title",
    "video_resolution",
    "file",
)
#: The columns of `sessions_frame`, in order.
SESSION_COLUMNS: Final = (
    "session_key",
    "user",
    "player",
    "product",
    "state",
    "rating_key",
    "type",
    "title",
    "grandparent_title",
    "view_offset",
    "duration",
    "progress",
    "video_decision",
    "bandwidth",
    "location",
)


def _library(backend: Backend) -> Any:
    """The backend's module, or a ConfigurationError saying which extra to install."""
    if backend not in ("pandas", "polars"):
        raise ConfigurationError(f"backend must be 'pandas' or 'polars', not {backend!r}")
    try:
        return importlib.import_module(backend)
    except ImportError:
        raise ConfigurationError(
            f'plexkit.frames needs {backend}: pip install "plexkit[{backend}]"'
        ) from None


def _item_row(item: Item) -> dict[str, Any]:
    if isinstance(item, UnknownItem):
        values: dict[str, Any] = {"rating_key": item.rating_key, "type": item.type}
        values["title"] = item.title
        return values
    row = {name: getattr(item, name, None) for name in ITEM_COLUMNS}
    media = getattr(item, "media", ())
    first = media[0] if media else None
    row["video_resolution"] = first.video_resolution if first is not None else None
    row["file"] = first.parts[0].file if first is not None and first.parts else None
    return row


def _session_row(session: Session) -> dict[str, Any]:
    item = session.item
    player = session.player
    transcode = session.transcode_session
    return {
        "session_key": session.session_key,
        "user": session.session_user.title if session.session_user else None,
        "player": player.title if player else None,
        "product": player.product if player else None,
        "state": player.state if player else None,
        "rating_key": item.rating_key,
        "type": item.type,
        "title": item.title,
        "grandparent_title": getattr(item, "grandparent_title", None),
        "view_offset": session.view_offset,
        "duration": getattr(item, "duration", None),
        "progress": transcode.progress if transcode else None,
        "video_decision": transcode.video_decision if transcode else None,
        "bandwidth": session.session.bandwidth if session.session else None,
        "location": session.session.location if session.session else None,
    }


def _frame(
    rows: Iterable[Any],
    kind: type | tuple[type, ...],
    what: str,
    row: Callable[[Any], Mapping[str, Any]],
    columns: tuple[str, ...],
    backend: Backend,
) -> Any:
    library = _library(backend)
    table = []
    for entry in rows:
        if not isinstance(entry, kind):
            raise ConfigurationError(f"{what}() got a {type(entry).__name__}")
        table.append(row(entry))
    if backend == "polars":
        return library.from_dicts(table, schema=list(columns), infer_schema_length=None)
    return library.DataFrame.from_records(table, columns=list(columns))


@overload
def items_frame(items: Iterable[Item], *, backend: Literal["pandas"] = ...) -> pandas.DataFrame: ...
@overload
def items_frame(items: Iterable[Item], *, backend: Literal["polars"]) -> polars.DataFrame: ...
def items_frame(items: Iterable[Item], *, backend: Backend = "pandas") -> Any:
    """Library items (a page, an `iter_items` walk, children) as rows of `ITEM_COLUMNS`."""
    kinds = (BaseItem, UnknownItem)
    return _frame(items, kinds, "items_frame", _item_row, ITEM_COLUMNS, backend)


HISTORY_COLUMNS: Final = tuple(field.name for field in attrs.fields(HistoryEntry))
"""The columns of `history_frame`: every `HistoryEntry` field, in order."""


def _history_row(entry: HistoryEntry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in HISTORY_COLUMNS}


@overload
def history_frame(
    entries: Iterable[HistoryEntry], *, backend: Literal["pandas"] = ...
) -> pandas.DataFrame: ...
@overload
def history_frame(
    entries: Iterable[HistoryEntry], *, backend: Literal["polars"]
) -> polars.DataFrame: ...
def history_frame(entries: Iterable[HistoryEntry], *, backend: Backend = "pandas") -> Any:
    """Watch history entries (a page, a `history.iter` walk) as rows of `HISTORY_COLUMNS`."""
    return _frame(entries, HistoryEntry, "history_frame", _history_row, HISTORY_COLUMNS, backend)


@overload
def sessions_frame(
    sessions: Iterable[Session], *, backend: Literal["pandas"] = ...
) -> pandas.DataFrame: ...
@overload
def sessions_frame(
    sessions: Iterable[Session], *, backend: Literal["polars"]
) -> polars.DataFrame: ...
def sessions_frame(sessions: Iterable[Session], *, backend: Backend = "pandas") -> Any:
    """Playback sessions as rows of `SESSION_COLUMNS`: who, on what, playing what, how."""
    return _frame(sessions, Session, "sessions_frame", _session_row, SESSION_COLUMNS, backend)
