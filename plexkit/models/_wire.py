"""Lenient scalar coercions and wire-name helpers shared by every plexkit model.

Plex sends the same field as ``1``, ``"1"``, ``true`` or ``"true"`` depending on the server
version and on JSON vs XML; these functions turn any of them into one Python type and never
raise. Each has the ``(value, type)`` signature of a cattrs structure hook.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timezone
from typing import Any, Final, TypeVar

import attrs

from plexkit.errors import ConfigurationError

__all__ = [
    "SPARSE",
    "WIRE",
    "sparse",
    "to_bool",
    "to_date",
    "to_datetime",
    "to_flag",
    "to_float",
    "to_int",
    "to_str",
    "wire_name",
]

WIRE: Final = "plexkit.wire"
"""The ``attrs.field`` metadata key holding a field's wire name (JSON key / XML attribute)."""
#: Class attribute marking a `sparse` model.
SPARSE: Final = "__plexkit_sparse__"

T = TypeVar("T")

_UTC: Final = timezone.utc
_TRUE: Final = frozenset({"1", "true", "yes", "on"})
_FALSE: Final = frozenset({"0", "false", "no", "off", ""})
# Trailing name parts Plex spells in capitals: librarySectionID, accountID, librarySectionUUID.
_UPPER_PARTS: Final = {"id": "ID", "uuid": "UUID"}
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


def sparse(cls: type[T]) -> type[T]:
    """Let instances of a frozen, dict-backed attrs class hold only the fields the wire sent.

    Field defaults (all immutable) go back onto the class, where attribute lookup finds them
    when the instance dict lacks the field. The structuring hooks then build an instance by
    handing it one dict of the present fields, instead of paying a frozen ``__init__`` call
    that sets every one of 30-60 fields: that is what makes structuring fast. ``__init__``,
    equality, hashing, ``repr``, ``attrs.evolve`` and pickling work as usual.

    That fast path runs no validators or converters and has no value for a ``Factory``
    default, so a field with any of them is refused here, when the class is decorated.
    """
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)  # type: ignore[arg-type]
    factory: Any = attrs.Factory
    for field in fields:
        problem = (
            "a validator"
            if field.validator is not None
            else "a converter"
            if field.converter is not None
            else "a Factory default"
            if isinstance(field.default, factory)
            else None
        )
        if problem is not None:
            raise ConfigurationError(
                f"@sparse model {cls.__qualname__}.{field.name} has {problem}, which the fast "
                "constructor would skip; use an immutable default and a structure hook instead"
            )
    for field in fields:
        if field.default is not attrs.NOTHING:
            setattr(cls, field.name, field.default)
    setattr(cls, SPARSE, True)
    return cls


def wire_name(field: attrs.Attribute[Any]) -> str:
    """The JSON key / XML attribute of a model field: explicit, else snake_case → camelCase."""
    explicit = field.metadata.get(WIRE)
    if explicit is not None:
        return str(explicit)
    first, *rest = field.name.split("_")
    return first + "".join(_UPPER_PARTS.get(part, part[:1].upper() + part[1:]) for part in rest)


def to_str(value: Any, _: Any = None) -> str | None:
    """Text as is; numbers as their decimal text; booleans as Plex's ``"1"``/``"0"``."""
    if value.__class__ is str:
        return value
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return str(value)
    return None


def to_int(value: Any, _: Any = None) -> int | None:
    """An int from an int, a numeric string (``"12"``, ``"12.0"``), a float or a bool."""
    if value.__class__ is int:
        return value
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            number = to_float(value)
            return int(number) if number is not None else None
    if isinstance(value, float):
        return int(value) if math.isfinite(value) else None
    if isinstance(value, int):  # bool
        return int(value)
    return None


def to_float(value: Any, _: Any = None) -> float | None:
    """A finite float from a float, an int or a numeric string; anything else is ``None``."""
    if value.__class__ is float:
        return value if math.isfinite(value) else None
    if isinstance(value, (int, str)):
        try:
            number = float(value)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def to_bool(value: Any, _: Any = None) -> bool | None:
    """``True``/``False`` from booleans, ``0``/``1`` and their strings, ``"true"``/``"false"``.

    cattrs' default would turn the string ``"0"`` into ``True``; Plex means ``False``.
    """
    if value.__class__ is bool:
        return value
    if isinstance(value, (int, float)):
        return value != 0
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
    return None


def to_flag(value: Any, _: Any = None) -> bool:
    """Like `to_bool` for fields Plex always sends: anything unreadable is ``False``."""
    return to_bool(value) is True


def to_datetime(value: Any, _: Any = None) -> datetime | None:
    """An aware UTC datetime from epoch seconds (int, float or numeric text) or ISO 8601 text."""
    if isinstance(value, str):
        number = to_float(value)
        if number is None:
            return _from_iso(value)
        value = number
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, _UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=_UTC)
    return None


def to_date(value: Any, _: Any = None) -> date | None:
    """A calendar date from ``"YYYY-MM-DD"`` (optionally followed by a time) or epoch seconds."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)  # the usual "YYYY-MM-DD", fast
        except ValueError:
            pass
        text = value.strip()
        if _ISO_DATE.match(text):
            try:
                return date.fromisoformat(text[:10])
            except ValueError:
                return None
        moment = to_datetime(text) if text else None
        return moment.date() if moment is not None else None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    moment = to_datetime(value)
    return moment.date() if moment is not None else None


def _from_iso(text: str) -> datetime | None:
    text = text.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=_UTC)
