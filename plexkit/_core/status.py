"""Map HTTP error statuses to plexkit's error tree (pure: status, method, URL, body in)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from plexkit._core.retry import parse_retry_after
from plexkit._redact import redact_text, redact_url
from plexkit.errors import (
    APIError,
    BadRequestError,
    ForbiddenError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    ServerUnavailableError,
    TokenExpiredError,
    UnauthorizedError,
)

__all__ = ["CLOSED_MESSAGE", "body_excerpt", "error_for_status", "unauthorized"]

_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: UnauthorizedError,
    403: ForbiddenError,
    404: NotFoundError,
    498: TokenExpiredError,
}
_EXCERPT_CHARS = 200
_REDACT_WINDOW = 16_384


def body_excerpt(content: bytes) -> str:
    """A short, redacted, single-line start of a response body for error messages."""
    # Redact a generous prefix before cutting, so a secret straddling the cut is still caught.
    text = content[:_REDACT_WINDOW].decode("utf-8", errors="replace")
    text = " ".join(redact_text(text).split())
    return text[:_EXCERPT_CHARS]


def error_for_status(
    status: int, method: str, url: str, content: bytes, headers: Mapping[str, str]
) -> APIError | None:
    """The error a response with ``status`` stands for, or None for a success."""
    if status < 300:
        return None
    safe_url = redact_url(url)
    if status < 400:
        where = redact_url(headers.get("location", "elsewhere"))
        return APIError(
            f"{method} {safe_url} was redirected (HTTP {status}) to {where}; "
            "use the final address as the base URL",
            status_code=status,
            method=method,
            url=safe_url,
        )
    excerpt = body_excerpt(content)
    message = f"{method} {safe_url} returned HTTP {status}"
    common = {"status_code": status, "method": method, "url": safe_url, "body_excerpt": excerpt}
    if status == 429:
        retry_after = parse_retry_after(headers.get("retry-after"))
        hint = f" (retry after {retry_after:g}s)" if retry_after is not None else ""
        return RateLimitedError(message + hint, retry_after=retry_after, **common)
    if status == 503:
        return ServerUnavailableError(message, **common)  # type: ignore[arg-type]
    if status >= 500:
        return ServerError(message, **common)  # type: ignore[arg-type]
    return _BY_STATUS.get(status, APIError)(message, **common)  # type: ignore[arg-type]


#: What a call on a closed client raises with (as `ClientClosedError`).
CLOSED_MESSAGE: Final = "this client is closed; create a new one (or call it inside its with block)"


def unauthorized(error: UnauthorizedError, *, token_sent: bool) -> UnauthorizedError:
    """``error`` with what to do about it: send a token, or replace the one refused."""
    if token_sent:
        hint = (
            "the server refused the token that was sent: it may be revoked, expired or belong "
            "to an account without access to this server; sign in again (plexkit login, or "
            "plexkit.auth) for a new one"
        )
    else:
        hint = (
            "no token was sent: pass token=; get one with plexkit login, plexkit.auth "
            "(password, PIN or JWT), or from Plex Web's Get Info > View XML (docs/auth.md)"
        )
    return UnauthorizedError(
        f"{error}: {hint}",
        status_code=error.status_code,
        method=error.method,
        url=error.url,
        body_excerpt=error.body_excerpt,
    )
