"""Pure parts of the JSON service clients: a call, its auth, error wording, JSON readers."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any, NamedTuple

import attrs

from plexkit._redact import redact_text
from plexkit.errors import APIError, ConfigurationError, ParseError

__all__ = [
    "Auth",
    "Call",
    "int_field",
    "list_field",
    "mapping",
    "optional_date",
    "optional_int",
    "optional_text",
    "positive_id",
    "with_reason",
]


@attrs.frozen(kw_only=True)
class Call:
    """One request to a JSON API: everything the driver sends, decided up front."""

    method: str = "GET"
    path: str
    params: Mapping[str, str] = attrs.field(factory=dict)
    headers: Mapping[str, str] = attrs.field(factory=dict)
    body: Any = attrs.field(default=None, repr=False)
    cache_name: str | None = None


class Auth(NamedTuple):
    """How one request is authenticated, and which credential that was (for renewal)."""

    headers: Mapping[str, str] = {}
    params: Mapping[str, str] = {}
    credential: str | None = None


def positive_id(value: object, what: str) -> int:
    """``value`` checked as an API's numeric id (an int above 0, not a bool)."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ConfigurationError(f"{what} must be a positive int, not {value!r}")
    return value


def with_reason(error: APIError, service: str, content: bytes) -> APIError:
    """``error`` with the service's own explanation (TMDB ``status_message``, TVDB
    ``message``) and name added to its message, redacted."""
    reason = ""
    try:
        body = json.loads(content)
    except (ValueError, UnicodeDecodeError):
        body = None
    if isinstance(body, Mapping):
        for name in ("status_message", "message", "Error"):
            value = body.get(name)
            if isinstance(value, str) and value.strip():
                reason = value.strip()[:200]
                break
    message = f"{service}: {error.args[0] if error.args else error}"
    if reason:
        message += f" ({reason})"
    error.args = (redact_text(message),)
    return error


def mapping(value: object, where: str) -> Mapping[str, Any]:
    """``value`` as a JSON object, or a ParseError naming ``where``."""
    if not isinstance(value, Mapping):
        raise ParseError(f"{where}: expected a JSON object, got {type(value).__name__}")
    return value


def int_field(obj: Mapping[str, Any], name: str, where: str) -> int:
    """A required integer field."""
    value = obj.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParseError(f"{where}: {name!r} must be an integer, got {value!r:.60}")
    return value


def optional_int(obj: Mapping[str, Any], name: str, where: str) -> int | None:
    """An integer field that may be missing or null."""
    if obj.get(name) is None:
        return None
    return int_field(obj, name, where)


def optional_text(obj: Mapping[str, Any], name: str) -> str | None:
    """A text field; missing, null or non-text gives None."""
    value = obj.get(name)
    return value if isinstance(value, str) else None


def optional_date(obj: Mapping[str, Any], name: str) -> date | None:
    """A ``YYYY-MM-DD`` field; missing, empty (TMDB's "unknown") or unreadable gives None."""
    value = obj.get(name)
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def list_field(obj: Mapping[str, Any], name: str, where: str) -> list[Any]:
    """A list field; null counts as empty, anything else that is not a list is an error."""
    value = obj.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ParseError(f"{where}: {name!r} must be a list, got {type(value).__name__}")
    return value
