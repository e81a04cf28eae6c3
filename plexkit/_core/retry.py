"""Retry decisions: what may be retried, how long to wait, Retry-After parsing."""

from __future__ import annotations

import random
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from plexkit.errors import (
    PlexError,
    RateLimitedError,
    ServerError,
    TransportError,
)

__all__ = ["RETRY_STATUSES", "backoff_delay", "is_retryable", "parse_retry_after"]

RETRY_STATUSES = frozenset({429, 502, 503, 504})
MAX_RETRY_AFTER = 300.0


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - (now or datetime.now(timezone.utc))).total_seconds()
    if seconds != seconds:  # NaN
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def is_retryable(error: BaseException, *, idempotent: bool) -> bool:
    """Whether a failed attempt may be repeated: transient failures of idempotent requests,
    and of any request that never reached the server (a connect failure)."""
    if isinstance(error, TransportError) and not error.request_sent:
        return True
    if not idempotent or not isinstance(error, PlexError):
        return False
    if isinstance(error, RateLimitedError):
        return True
    if isinstance(error, ServerError):
        return error.status_code in RETRY_STATUSES
    return isinstance(error, TransportError)


def backoff_delay(
    attempt: int,
    error: BaseException | None,
    *,
    base: float = 0.5,
    cap: float = 30.0,
    rng: random.Random | None = None,
) -> float:
    """Seconds before retry number ``attempt`` (1-based): Retry-After if given, else full jitter."""
    if isinstance(error, RateLimitedError) and error.retry_after is not None:
        return error.retry_after
    ceiling = min(cap, base * 2 ** (attempt - 1))
    return (rng or random).uniform(0, ceiling)
