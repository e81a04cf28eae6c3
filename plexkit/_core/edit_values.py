"""The values of a metadata edit: each field's value checked and turned into PMS's text, and
`TagEdit`, a change to a tag list (no I/O; the requests are built in ``_core.edits``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import attrs

from plexkit.errors import ConfigurationError

__all__ = ["TagEdit", "lock_flag", "scalar_text", "tag_change"]


def _names(value: object) -> tuple[str, ...]:
    """Tag names from a list or tuple of strings: stripped, de-duplicated (case-insensitive)."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise ConfigurationError(f"tag names must be a list of strings, not {type(value).__name__}")
    out: list[str] = []
    seen: set[str] = set()
    for name in value:
        if not isinstance(name, str) or not name.strip() or "\x00" in name:
            raise ConfigurationError(f"tag names must be non-empty strings, not {name!r}")
        clean = name.strip()
        if clean.casefold() not in seen:
            seen.add(clean.casefold())
            out.append(clean)
    return tuple(out)


@attrs.frozen
class TagEdit:
    """A change to a tag list that keeps the tags it does not mention.

    ``TagEdit(add=["Film Noir"], remove=["Thriller"])``. Pass a plain list instead
    (``genres=["Drama", "Crime"]``) to replace the whole list, ``[]`` to clear it.
    Names compare case-insensitively, like PMS's tag table.
    """

    add: tuple[str, ...] = attrs.field(default=(), converter=_names)
    remove: tuple[str, ...] = attrs.field(default=(), converter=_names)

    def __attrs_post_init__(self) -> None:
        if not self.add and not self.remove:
            raise ConfigurationError("TagEdit needs names to add or remove")
        both = {n.casefold() for n in self.add} & {n.casefold() for n in self.remove}
        if both:
            raise ConfigurationError(f"cannot both add and remove {sorted(both)}")


def scalar_text(name: str, value: Any) -> str:
    """A field's value as PMS's text, checked against the field's type first."""
    if value is None:
        return ""
    if name == "originally_available_at":
        return _date_text(name, value)
    if isinstance(value, (date, datetime)):
        raise ConfigurationError(f"{name} takes text, not a {type(value).__name__}")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ConfigurationError(f"{name} must be a str or number, not {type(value).__name__}")
    if name == "year":
        return _year_text(value)
    if name == "rating":
        return _rating_text(value)
    text = str(value)
    if "\x00" in text:
        raise ConfigurationError(f"{name} must not contain NUL")
    return text


def _year_text(value: str | int | float) -> str:
    year = value.strip() if isinstance(value, str) else value
    if isinstance(year, float) and year.is_integer():
        year = int(year)
    if isinstance(year, str) and year.isascii() and year.isdigit():
        year = int(year)
    if not isinstance(year, int) or not 1000 <= year <= 9999:
        raise ConfigurationError(f"year must be a four-digit year, not {value!r}")
    return str(year)


def _rating_text(value: str | int | float) -> str:
    try:
        rating = float(value)
    except ValueError:
        raise ConfigurationError(f"rating must be a number from 0 to 10, not {value!r}") from None
    if not 0 <= rating <= 10:  # also refuses NaN
        raise ConfigurationError(f"rating must be a number from 0 to 10, not {value!r}")
    return f"{rating:g}"


def _date_text(name: str, value: object) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise ConfigurationError(f"{name} must be a date or a YYYY-MM-DD string, not {value!r}")


def lock_flag(lock: bool | None) -> str | None:
    """The ``.locked`` value for ``lock`` (None: leave the lock alone)."""
    if lock is None:
        return None
    if not isinstance(lock, bool):
        raise ConfigurationError(f"lock must be True, False or None, not {lock!r}")
    return "1" if lock else "0"


def tag_change(name: str, value: object) -> TagEdit | tuple[str, ...]:
    """A tag field's value as a `TagEdit` or the whole new list of names."""
    if isinstance(value, TagEdit):
        return value
    if isinstance(value, (list, tuple)):
        return _names(value)
    raise ConfigurationError(
        f"{name} must be a list of names (replace), [] (clear) or a TagEdit, "
        f"not {type(value).__name__}"
    )
