"""How models read in a table: one short label per item, the columns of each listing."""

from __future__ import annotations

from typing import Any

from plexkit.cli.output import Column

__all__ = ["ITEM_COLUMNS", "item_label"]


def item_label(item: Any) -> str:
    """``Show · S01E02 · Title`` for episodes, ``Artist · Album · Track`` for tracks, else the
    title."""
    kind = getattr(item, "type", None)
    title = getattr(item, "title", "") or ""
    if kind == "episode":
        season, episode = getattr(item, "parent_index", None), getattr(item, "index", None)
        number = f"S{season or 0:02d}E{episode or 0:02d}"
        return f"{getattr(item, 'grandparent_title', '') or ''} · {number} · {title}"
    if kind == "season":
        return f"{getattr(item, 'parent_title', '') or ''} · {title}"
    if kind == "track":
        artist = getattr(item, "grandparent_title", "") or ""
        return f"{artist} · {getattr(item, 'parent_title', '') or ''} · {title}"
    if kind == "album":
        return f"{getattr(item, 'parent_title', '') or ''} · {title}"
    return title


ITEM_COLUMNS = (
    Column("KEY", lambda i: i.rating_key, justify="right"),
    Column("TYPE", lambda i: i.type, max_width=10),
    Column("TITLE", item_label, max_width=50),
    Column("YEAR", lambda i: getattr(i, "year", None), justify="right"),
)
