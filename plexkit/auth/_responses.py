"""plex.tv error responses → plexkit errors, with plex.tv's own (redacted) message (pure)."""

from __future__ import annotations

from typing import Any

from plexkit._core.status import error_for_status
from plexkit._http import httpx
from plexkit._redact import redact_text
from plexkit.auth.models import decode
from plexkit.errors import APIError, ParseError

__all__ = ["error_detail", "plextv_error"]


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
