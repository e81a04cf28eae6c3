"""Metadata edit requests: caller-friendly field names to PMS's ``field.value``/``field.locked``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Final
from urllib.parse import quote

from plexkit._core.endpoints import RequestSpec
from plexkit.errors import ConfigurationError

__all__ = ["SCALAR_FIELDS", "edit_request"]

# Our snake_case names to PMS's editable field names.
SCALAR_FIELDS: Final[Mapping[str, str]] = {
    "title": "title",
    "sort_title": "titleSort",
    "original_title": "originalTitle",
    "summary": "summary",
    "tagline": "tagline",
    "year": "year",
    "rating": "rating",
    "content_rating": "contentRating",
    "studio": "studio",
    "originally_available_at": "originallyAvailableAt",
}


def _scalar(name: str, value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ConfigurationError(f"{name} must be a str or number, not {type(value).__name__}")
    return str(value)


def edit_request(rating_key: str | int, *, lock: bool, fields: Mapping[str, Any]) -> RequestSpec:
    """The PUT that sets ``fields`` on an item, locking each edited field when ``lock``."""
    if not fields:
        raise ConfigurationError("edit needs at least one field to change")
    params: dict[str, str] = {}
    for name, value in fields.items():
        wire = SCALAR_FIELDS.get(name)
        if wire is None:
            known = ", ".join(SCALAR_FIELDS)
            raise ConfigurationError(f"cannot edit {name!r}; editable fields: {known}")
        params[f"{wire}.value"] = _scalar(name, value)
        params[f"{wire}.locked"] = "1" if lock else "0"
    key = quote(str(rating_key).strip(), safe="")
    if not key or "/" in str(rating_key):
        raise ConfigurationError(f"rating_key must be a non-empty key, not {rating_key!r}")
    return RequestSpec(method="PUT", path=f"/library/metadata/{key}", params=params, idempotent=True)
