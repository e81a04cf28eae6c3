"""Library filters with Plex's operators, checked before any request.

Plex spells an operator into the query key (``genre!=Action`` is key ``genre!``), which is
easy to get wrong by hand; `Filter` takes the operator as Plex's field types list it
and refuses any other::

    from plexkit.filters import Filter, where

    where(Filter("year", ">>=", 2000), Filter("genre", "!=", "Horror"))
    # {"year>>": "2000", "genre!": "Horror"}, for library.items(filters=...)

Conditions that are not all ANDed (PMS's advanced filters) are built with `any_of` and
`all_of`, which nest; they become Plex's ``push=1``/``or=1``/``and=1``/``pop=1``
parameters, in order::

    any_of(Filter("genre", "=", "Action"), Filter("year", ">>=", 2000)).params()
    # (("push", "1"), ("genre", "Action"), ("or", "1"), ("year>>", "2000"), ("pop", "1"))
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final, Literal, TypeAlias

import attrs

from plexkit.errors import ConfigurationError

__all__ = [
    "OPERATORS",
    "AllOf",
    "AnyOf",
    "Condition",
    "Filter",
    "FilterValue",
    "Operator",
    "all_of",
    "any_of",
    "condition_params",
    "where",
]

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
    if not isinstance(value, str) or value not in OPERATORS:
        names = ", ".join(OPERATORS)
        raise ConfigurationError(f"unknown filter operator {value!r}; use one of: {names}")


@attrs.frozen
class Filter:
    """``field op value``, e.g. ``Filter("year", ">>=", 2000)``; a bad operator or field is
    a `ConfigurationError` here, before anything is sent."""

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


#: Query keys PMS reads as grouping, never as a field to filter on.
GROUPING_KEYS: Final = frozenset({"push", "pop", "or", "and"})


def _check_members(group: object, _: object, conditions: object) -> None:
    kind = "any_of" if isinstance(group, AnyOf) else "all_of"
    if not isinstance(conditions, tuple):
        raise ConfigurationError(
            f"{kind}() takes a tuple of conditions, not a {type(conditions).__name__}"
        )
    if not conditions:
        raise ConfigurationError(f"{kind}() needs at least one condition")
    for entry in conditions:
        _check_condition(entry, kind)


def _check_condition(entry: object, kind: str) -> None:
    if not isinstance(entry, (Filter, AnyOf, AllOf)):
        raise ConfigurationError(
            f"{kind} takes Filter, any_of() or all_of() conditions, not {type(entry).__name__}"
        )
    if isinstance(entry, Filter) and entry.field.lower() in GROUPING_KEYS:
        raise ConfigurationError(
            f"{entry.field!r} is how Plex groups conditions, not a field; use any_of() or all_of()"
        )


@attrs.frozen
class AnyOf:
    """At least one of ``conditions`` holds (PMS: ``push``, each condition, ``or`` between
    them, ``pop``). Made by `any_of`."""

    conditions: tuple[Condition, ...] = attrs.field(validator=_check_members)

    def params(self) -> tuple[tuple[str, str], ...]:
        """The query parameters, in the order PMS reads them."""
        return _grouped(self.conditions, "or")


@attrs.frozen
class AllOf:
    """Every one of ``conditions`` holds; inside `any_of` it keeps an alternative of several
    conditions together (PMS: ``push``, ``and`` between them, ``pop``). Made by `all_of`."""

    conditions: tuple[Condition, ...] = attrs.field(validator=_check_members)

    def params(self) -> tuple[tuple[str, str], ...]:
        """The query parameters, in the order PMS reads them."""
        return _grouped(self.conditions, "and")


Condition: TypeAlias = Filter | AnyOf | AllOf
"""What ``filters=`` takes besides a dict: one `Filter`, or a group of them."""


def any_of(*conditions: Condition) -> AnyOf:
    """Items matching at least one condition: ``any_of(Filter("genre", "=", "Action"),
    Filter("year", ">>=", 2000))``. Conditions may be groups; a wrong one is refused here."""
    return AnyOf(conditions)


def all_of(*conditions: Condition) -> AllOf:
    """Items matching every condition; nest it in `any_of` for "(a and b) or c"."""
    return AllOf(conditions)


def condition_params(condition: Condition) -> tuple[tuple[str, str], ...]:
    """The ordered query parameters of a `Filter`, `AnyOf` or `AllOf`."""
    _check_condition(condition, "filters")
    if isinstance(condition, Filter):
        return ((condition.key, condition.text),)
    return condition.params()


def _grouped(conditions: tuple[Condition, ...], joiner: str) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = [("push", "1")]
    for index, condition in enumerate(conditions):
        if index:
            out.append((joiner, "1"))
        out.extend(condition_params(condition))
    out.append(("pop", "1"))
    return tuple(out)
