"""plexkit.filters: Plex's operators become the right query keys; anything else is refused."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from plexkit.errors import ConfigurationError
from plexkit.filters import OPERATORS, Filter, where


def test_each_operator_spells_its_key() -> None:
    keys = {op: Filter("title", op, "x").key for op in OPERATORS}  # type: ignore[arg-type]
    assert keys == {
        "=": "title",
        "!=": "title!",
        "==": "title=",
        "!==": "title!=",
        "<=": "title<",
        ">=": "title>",
        ">>=": "title>>",
        "<<=": "title<<",
    }


def test_where_joins_filters_and_values() -> None:
    assert where(
        Filter("year", ">>=", 2000),
        Filter("genre", "!=", "Horror"),
        Filter("unwatched", "=", True),
        Filter("addedAt", ">>=", datetime(2024, 1, 1, tzinfo=UTC)),
        Filter("originallyAvailableAt", "<<=", date(2020, 5, 1)),
        Filter("genre", "!=", "Drama"),
    ) == {
        "year>>": "2000",
        "genre!": "Horror,Drama",
        "unwatched": "1",
        "addedAt>>": "1704067200",
        "originallyAvailableAt<<": "2020-05-01",
    }


@pytest.mark.parametrize(
    ("field", "op", "value"),
    [("actor", "!", "x"), ("year", ">", 1), ("", "=", 1), ("a&b", "=", 1), ("year", "=", [1])],
)
def test_bad_filters_are_refused(field: str, op: str, value: object) -> None:
    with pytest.raises(ConfigurationError):
        Filter(field, op, value)  # type: ignore[arg-type]


def test_where_takes_only_filters() -> None:
    with pytest.raises(ConfigurationError):
        where({"genre": "x"})  # type: ignore[arg-type]
