"""plex.tv answers read: errors with plex.tv's own (redacted) message, bodies, fields (pure)."""

from __future__ import annotations

from typing import Any

from plexkit._core.status import error_for_status
from plexkit._http import httpx
from plexkit._redact import redact_text, register_secret
from plexkit.auth.models import Account, decode, parse_account
from plexkit.errors import APIError, ConfigurationError, ParseError

__all__ = [
    "account_from",
    "answer_data",
    "checked_token",
    "error_detail",
    "flag_text",
    "plextv_error",
    "required_field",
]


def plextv_error(response: httpx.Response) -> APIError | None:
    """The error an answer from plex.tv stands for (None on success), its message included."""
    request = response.request
    error = error_for_status(
        response.status_code, request.method, str(request.url), response.content, response.headers
    )
    detail = error_detail(response)
    if error is not None and detail:
        error.args = (f"{error.args[0]}: {detail}",)
    return error


def error_detail(response: httpx.Response) -> str:
    """plex.tv's error message (``{"errors": [{"message": ...}]}`` or XML), redacted; or ''."""
    try:
        data: Any = decode(response.content, response.headers.get("content-type"))
    except ParseError:
        return ""
    # JSON {"errors": [...]}, XML <errors><error message=".."/></errors>, or {"error": "..."}.
    errors = (data.get("errors") or data.get("error")) if isinstance(data, dict) else None
    if isinstance(errors, str):
        errors = [{"message": errors}]
    if not isinstance(errors, list):
        return ""
    messages = [str(e.get("message")) for e in errors if isinstance(e, dict) and e.get("message")]
    return redact_text("; ".join(messages))[:200]


def answer_data(response: httpx.Response, error: APIError | None) -> Any:
    if error is not None:
        raise error
    if not response.content.strip():
        return None
    return decode(response.content, response.headers.get("content-type"))


def account_from(data: Any) -> Account:
    account = parse_account(data)
    register_secret(account.auth_token)
    return account


def checked_token(token: str) -> str:
    """The account token a call needs, registered for redaction; refused before any request
    when it is not a non-empty single-line string."""
    if not isinstance(token, str) or not token.strip() or any(c in token for c in "\r\n\x00"):
        raise ConfigurationError("this call needs the account's token (a non-empty string)")
    register_secret(token)
    return token


def required_field(data: Any, name: str) -> str:
    value = data.get(name) if isinstance(data, dict) else None
    if not isinstance(value, str) or not value:
        raise ParseError(f"plex.tv's answer has no {name!r}")
    return value


def flag_text(value: bool) -> str:
    return "true" if value else "false"
