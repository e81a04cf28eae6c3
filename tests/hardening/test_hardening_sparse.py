"""@sparse models: fields the fast constructor cannot honour are refused at decoration time."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from plexkit import ConfigurationError
from plexkit.models import structure
from plexkit.models._wire import sparse
from plexkit.models.items import UnknownItem


def _positive(_inst: object, _attr: object, value: int) -> None:
    if value < 0:
        raise ValueError("negative")


@pytest.mark.parametrize(
    ("field", "what"),
    [
        (attrs.field(default=0, validator=_positive), "validator"),
        (attrs.field(default="x", converter=str.upper), "converter"),
        (attrs.field(factory=list), "Factory"),
    ],
    ids=["validator", "converter", "factory"],
)
def test_fields_the_fast_path_would_skip_are_refused(field: Any, what: str) -> None:
    cls = attrs.make_class("Bad", {"value": field, "name": attrs.field(default=None)}, frozen=True)
    with pytest.raises(ConfigurationError, match=what):
        sparse(cls)


def test_plain_immutable_defaults_still_work() -> None:
    @sparse
    @attrs.frozen(slots=False)
    class Good:
        count: int = 0
        name: str | None = None

    built = structure({"name": "a"}, Good)
    assert (built.count, built.name) == (0, "a")


def test_unknown_item_without_raw_has_an_empty_mapping() -> None:
    assert dict(UnknownItem(title="x").raw) == {}
