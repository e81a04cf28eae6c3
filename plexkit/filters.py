"""Library filters with Plex's operators, checked before any request.

Plex spells an operator into the query key (``genre!=Action`` is key ``genre!``), which is
easy to get wrong by hand; :class:`Filter` takes the operator as Plex's field types list it
and refuses any other::

    from plexkit.filters import Filter, where

    where(Filter("year", ">>=", 2000), Filter("genre", "!=", "Horror"))
    # {"year>>": "2000", "genre!": "Horror"}, for library.items(filters=...)
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final, Literal

import attrs

from plexkit.errors import ConfigurationError

__all__ = ["OPERATORS", "Filter", "FilterValue", "Operator", "where"]

Operator = Literal["=", "!=", "==", "!==", "<=", ">=", ">>=", "<<="]
"""``=`` is (tags, numbers) or contains (text); ``!=`` is not / does not contain; ``==`` and
``!==`` text is / is not; ``<=`` begins with; ``>=`` ends with; ``>>=`` greater than or after;
``<<=`` less than or before."""

FilterValue = str | int | float | bool | date | datetime

OPERATORS: Final[dict[str, str]] = {
    "=": "",
    "!=": "!",
    "==": "=",
    "!==": "!=",
    "<=": "<",
    ">=": ">",
    ">>=": ">>",
    "<<=": "<<",
}
"""Each operator and the suffix it adds to the field name in the query key."""


def _check_field(_: object, __: object, value: str) -> None:
    if not isinstance(value, str) or not value.strip() or not value.replace(".", "").isalnum():
        raise ConfigurationError(
            f"a filter field is a name such as 'genre' or 'episode.year', not {value!r}"
        )


def _check_op(_: object, __: object, value: str) -> None:
    if value not in OPERATORS:
        names = ", ".join(OPERATORS)
        raise ConfigurationError(f"unknown filter operator {value!r}; use one of: {names}")


@attrs.frozen
class Filter:
    """``field op value``, e.g. ``Filter("year", ">>=", 2000)``; a bad operator or field is
    a :class:`~plexkit.errors.ConfigurationError` here, before anything is sent."""

    field: str = attrs.field(validator=_check_field)
    op: Operator = attrs.field(validator=_check_op)
    value: FilterValue = attrs.field()

    @value.validator
    def _check_value(self, _: object, value: object) -> None:
        if not isinstance(value, (str, int, float, date)):
            raise ConfigurationError(
                f"filter {self.field!r} takes a str, number, bool or date, "
                f"not {type(value).__name__}"
            )

    @property
    def key(self) -> str:
        """The query key: the field and the operator's suffix (``"genre!"``)."""
        return self.field + OPERATORS[self.op]

    @property
    def text(self) -> str:
        """The value as Plex reads it: dates as epoch seconds or ``YYYY-MM-DD``, bools 1/0."""
        value = self.value
        if isinstance(value, bool):
            return "1" if value else "0"
        if isinstance(value, datetime):
            return str(int(value.timestamp()))
        if isinstance(value, date):
            return value.isoformat()
        return str(value)


def where(*filters: Filter) -> dict[str, str]:
    """The query parameters for ``filters`` (all must hold), to pass as ``filters=``."""
    out: dict[str, str] = {}
    for entry in filters:
        if not isinstance(entry, Filter):
            raise ConfigurationError(f"where() takes Filter objects, not {type(entry).__name__}")
        if entry.key in out:
            out[entry.key] = f"{out[entry.key]},{entry.text}"  # Plex: a comma is "or"
        else:
            out[entry.key] = entry.text
    return out
