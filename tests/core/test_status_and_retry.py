"""Error mapping by status and the retry policy, without a network."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from plexkit import (
    APIError,
    BadRequestError,
    ConnectTimeoutError,
    ForbiddenError,
    NotFoundError,
    ParseError,
    RateLimitedError,
    ServerError,
    ServerUnavailableError,
    TokenExpiredError,
    TransportError,
    UnauthorizedError,
)
from plexkit._core.retry import backoff_delay, is_retryable, parse_retry_after
from plexkit._core.status import error_for_status

TOKEN = "SeCrEtToKeN123456"


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, BadRequestError),
        (401, UnauthorizedError),
        (403, ForbiddenError),
        (404, NotFoundError),
        (409, APIError),
        (429, RateLimitedError),
        (498, TokenExpiredError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerUnavailableError),
    ],
)
def test_status_maps_to_error_type(status: int, kind: type[APIError]) -> None:
    error = error_for_status(status, "GET", "http://pms/library", b"", {})
    assert type(error) is kind
    assert error is not None and error.status_code == status and error.method == "GET"


def test_success_is_not_an_error() -> None:
    assert error_for_status(200, "GET", "http://pms/", b"{}", {}) is None
    assert error_for_status(204, "PUT", "http://pms/library/metadata/1", b"", {}) is None


def test_redirect_is_an_error_naming_where_it_went_without_token() -> None:
    location = f"https://pms.example:32400/?X-Plex-Token={TOKEN}"
    error = error_for_status(302, "GET", "http://pms/", b"", {"location": location})
    assert type(error) is APIError and error.status_code == 302
    assert "https://pms.example:32400" in str(error) and TOKEN not in str(error)


def test_secret_straddling_the_excerpt_cut_is_still_redacted() -> None:
    body = b"{" + b" " * 780 + b'"authToken": "UNREGISTERED-SECRET-VALUE"}'
    error = error_for_status(500, "GET", "http://pms/", body, {})
    assert error is not None and "UNREG" not in error.body_excerpt


def test_503_is_both_a_server_and_a_transport_error() -> None:
    error = error_for_status(503, "GET", "http://pms/", b"", {})
    assert isinstance(error, ServerError) and isinstance(error, TransportError)


def test_error_text_never_contains_the_token() -> None:
    url = f"http://pms:32400/library?X-Plex-Token={TOKEN}"
    body = f'<html>bad token="{TOKEN}" X-Plex-Token={TOKEN}</html>'.encode()
    error = error_for_status(401, "GET", url, body, {})
    assert error is not None
    for text in (str(error), error.url, error.body_excerpt, repr(error)):
        assert TOKEN not in text
    assert "/library" in error.url


def test_html_502_page_gives_a_short_single_line_excerpt() -> None:
    page = b"<html>\n<head><title>502 Bad Gateway</title></head>\n" + b"x" * 5000 + b"</html>"
    error = error_for_status(502, "GET", "http://pms/", page, {})
    assert error is not None
    assert "502 Bad Gateway" in error.body_excerpt
    assert "\n" not in error.body_excerpt and len(error.body_excerpt) <= 200


def test_429_carries_retry_after() -> None:
    error = error_for_status(429, "GET", "http://pms/", b"", {"retry-after": "7"})
    assert isinstance(error, RateLimitedError) and error.retry_after == 7


def test_retry_after_parses_seconds_and_http_dates() -> None:
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    assert parse_retry_after("3") == 3
    assert parse_retry_after(format_datetime(now + timedelta(seconds=20)), now=now) == 20
    assert parse_retry_after(format_datetime(now - timedelta(seconds=20)), now=now) == 0
    assert parse_retry_after("99999") == 300
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def _api(status: int) -> APIError:
    error = error_for_status(status, "GET", "http://pms/", b"", {})
    assert error is not None
    return error


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_transient_statuses_are_retried_for_idempotent_requests(status: int) -> None:
    assert is_retryable(_api(status), idempotent=True)
    assert not is_retryable(_api(status), idempotent=False)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 498, 500])
def test_permanent_statuses_are_not_retried(status: int) -> None:
    assert not is_retryable(_api(status), idempotent=True)


def test_transport_errors_are_retried_parse_errors_are_not() -> None:
    assert is_retryable(ConnectTimeoutError("x"), idempotent=True)
    assert not is_retryable(ConnectTimeoutError("x"), idempotent=False)
    assert not is_retryable(ParseError("bad"), idempotent=True)
    assert not is_retryable(ValueError("bug"), idempotent=True)


def test_backoff_honours_retry_after_else_grows_with_jitter() -> None:
    limited = RateLimitedError("x", retry_after=4.0, status_code=429, method="GET", url="/")
    assert backoff_delay(1, limited) == 4.0
    rng = random.Random(1)
    delays = [backoff_delay(n, None, base=1, cap=8, rng=rng) for n in range(1, 7)]
    ceilings = [1, 2, 4, 8, 8, 8]
    assert all(0 <= d <= c for d, c in zip(delays, ceilings, strict=True))
    assert len(set(delays)) == len(delays)
