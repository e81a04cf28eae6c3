"""The plexkit error tree.

Every exception plexkit raises on purpose derives from `PlexError`::

    PlexError
    ├── TransportError ............ could not talk to the server (refused, DNS, TLS, timeout)
    │   ├── ConnectTimeoutError / ReadTimeoutError
    │   ├── DeadlineExceededError (WaitTimeoutError: a scan or activity outlived its timeout)
    │   └── ServerUnavailableError  also raised for HTTP 503
    ├── APIError .................. the server answered with an error status
    │   ├── BadRequestError 400 · UnauthorizedError 401 · ForbiddenError 403
    │   ├── NotFoundError 404 · RateLimitedError 429 · TokenExpiredError 498
    │   └── ServerError 5xx (ServerUnavailableError for 503 is also a TransportError)
    ├── ParseError ................ a body that is not valid JSON/XML for what was asked
    ├── AuthFlowError ............. TwoFactorRequiredError, PinExpiredError, PinTimeoutError,
    │                               PinCancelledError, ServerNotFoundError, JWTError
    └── ConfigurationError ........ invalid arguments or settings from the caller

Messages, URLs and body excerpts are redacted before they are stored, so printing or logging an
error never shows a token.
"""

from __future__ import annotations

from plexkit._redact import redact_text

__all__ = [
    "APIError",
    "AuthFlowError",
    "BadRequestError",
    "ClientClosedError",
    "ConfigurationError",
    "ConnectTimeoutError",
    "DeadlineExceededError",
    "ForbiddenError",
    "InvalidSignatureError",
    "InvalidSortError",
    "JWTError",
    "NotFoundError",
    "ParseError",
    "PinCancelledError",
    "PinExpiredError",
    "PinTimeoutError",
    "PlexError",
    "RateLimitedError",
    "ReadTimeoutError",
    "ServerError",
    "ServerNotFoundError",
    "ServerUnavailableError",
    "TokenExpiredError",
    "TransportError",
    "TwoFactorRequiredError",
    "UnauthorizedError",
    "WaitTimeoutError",
]


class PlexError(Exception):
    """Base class of every error plexkit raises on purpose; its message is always redacted."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(redact_text(a) if isinstance(a, str) else a for a in args))


class TransportError(PlexError):
    """The server could not be reached or stopped answering (refused, DNS, TLS, timeout).

    ``request_sent`` is False only when the request surely never reached the server (no
    connection could be made); otherwise a write may have been applied although it failed.
    """

    def __init__(self, *args: object, request_sent: bool = True) -> None:
        super().__init__(*args)
        self.request_sent = request_sent


class ConnectTimeoutError(TransportError):
    """No connection could be made within the connect timeout."""


class ReadTimeoutError(TransportError):
    """The server accepted the connection but did not answer within the read timeout."""


class DeadlineExceededError(TransportError):
    """The total deadline for a call (all retries included) ran out."""


class WaitTimeoutError(DeadlineExceededError, TimeoutError):
    """A scan or activity did not finish within the caller's timeout (also a
    ``TimeoutError``). The scan itself goes on; ``activities`` lists the uuids seen."""

    def __init__(self, message: str, *, activities: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.activities = activities


class APIError(PlexError):
    """The server answered with an error status.

    ``url`` and ``body_excerpt`` are already redacted: they are safe to log.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        method: str,
        url: str,
        body_excerpt: str = "",
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.method = method
        self.url = url
        self.body_excerpt = body_excerpt


class BadRequestError(APIError):
    """HTTP 400: the server rejected the request's parameters."""


class UnauthorizedError(APIError):
    """HTTP 401: the token is missing, wrong or revoked."""


class ForbiddenError(APIError):
    """HTTP 403: the token is valid but not allowed to do this."""


class NotFoundError(APIError):
    """HTTP 404: no such path, rating key or section."""


class TokenExpiredError(APIError):
    """HTTP 498: the (JWT) token has expired and must be refreshed."""


class RateLimitedError(APIError):
    """HTTP 429: too many requests; ``retry_after`` holds the server's hint in seconds."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: object) -> None:
        super().__init__(message, **kwargs)  # type: ignore[arg-type]
        self.retry_after = retry_after


class ServerError(APIError):
    """HTTP 5xx: the server failed to handle the request."""


class ServerUnavailableError(ServerError, TransportError):
    """HTTP 503 or a server that is down: worth retrying later."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int = 503,
        method: str = "",
        url: str = "",
        body_excerpt: str = "",
    ) -> None:
        super().__init__(
            message, status_code=status_code, method=method, url=url, body_excerpt=body_excerpt
        )


class ParseError(PlexError):
    """A body that is not valid JSON/XML, or does not have the shape that was asked for.

    ``excerpt`` is a short, redacted start of the offending body.
    """

    def __init__(self, message: str, *, excerpt: str = "") -> None:
        super().__init__(f"{message}: {excerpt!r}" if excerpt else message)
        self.excerpt = excerpt


class AuthFlowError(PlexError):
    """A plex.tv sign-in, PIN or JWT flow could not complete."""


class TwoFactorRequiredError(AuthFlowError):
    """The account has two-factor authentication: call again with ``verification_code``."""


class PinExpiredError(AuthFlowError):
    """The PIN expired (or plex.tv forgot it) before anyone approved it."""


class PinTimeoutError(AuthFlowError):
    """The caller's deadline ran out while waiting for the PIN to be approved."""


class PinCancelledError(AuthFlowError):
    """The PIN login was cancelled (``cancel()``) before anyone approved the PIN."""


class ServerNotFoundError(AuthFlowError, LookupError):
    """plex.tv lists no server with that name or identifier for this account."""


class JWTError(AuthFlowError):
    """A JWT could not be made, exchanged or verified."""


class InvalidSignatureError(JWTError):
    """plex.tv rejected the device JWT's signature (HTTP 422), or a Plex JWT did not verify."""


class ConfigurationError(PlexError, ValueError):
    """Invalid arguments or settings from the caller, raised before any request is sent."""


class InvalidSortError(ConfigurationError):
    """A ``sort=`` Plex cannot read, or a field the section does not offer; ``available``
    lists the section's sort fields (empty when the syntax alone was wrong)."""

    def __init__(self, message: str, *, available: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.available = available


class ClientClosedError(PlexError, RuntimeError):
    """The client was closed (its ``with`` block ended, or ``close()`` was called); create a
    new one."""
