"""Tables for notebooks: library items, watch history or playback sessions as a DataFrame.

Needs the optional ``pandas`` extra (``pip install "plexkit[pandas]"``). Each row is one
model; columns are the fields worth a table (titles, years, durations, timestamps as
aware datetimes), with the first media version's file and resolution for items. Rows of
a type the table does not expect are refused rather than silently dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

from plexkit.errors import ConfigurationError
from plexkit.models import BaseItem, HistoryEntry, Item, Session, UnknownItem

if TYPE_CHECKING:
    import pandas

__all__ = ["ITEM_COLUMNS", "SESSION_COLUMNS", "history_frame", "items_frame", "sessions_frame"]

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


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:  # pragma: no cover - the extra is installed in the test env
        raise ConfigurationError(
            'plexkit.frames needs pandas: pip install "plexkit[pandas]"'
        ) from None
    return pandas


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
) -> pandas.DataFrame:
    pandas_module = _pandas()
    table = []
    for entry in rows:
        if not isinstance(entry, kind):
            raise ConfigurationError(f"{what}() got a {type(entry).__name__}")
        table.append(row(entry))
    return pandas_module.DataFrame.from_records(table, columns=list(columns))


def items_frame(items: Iterable[Item]) -> pandas.DataFrame:
    """Library items (a page, an `iter_items` walk, children) as rows of `ITEM_COLUMNS`."""
    return _frame(items, (BaseItem, UnknownItem), "items_frame", _item_row, ITEM_COLUMNS)


def history_frame(entries: Iterable[HistoryEntry]) -> pandas.DataFrame:
    """Watch history entries as rows, one column per `HistoryEntry` field."""
    import attrs

    columns = tuple(field.name for field in attrs.fields(HistoryEntry))

    def row(entry: HistoryEntry) -> dict[str, Any]:
        return {name: getattr(entry, name) for name in columns}

    return _frame(entries, HistoryEntry, "history_frame", row, columns)


def sessions_frame(sessions: Iterable[Session]) -> pandas.DataFrame:
    """Playback sessions as rows of `SESSION_COLUMNS`: who, on what, playing what, how."""
    return _frame(sessions, Session, "sessions_frame", _session_row, SESSION_COLUMNS)
