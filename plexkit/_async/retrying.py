"""One retry loop for every plexkit HTTP client (PMS, TMDB, TVDB); the sync twin is generated.

Tenacity drives the attempts with the pure policy of ``_core.retry`` (what is retryable,
backoff with Retry-After); the total deadline bounds attempts and sleeps together, and running
out of it is a `DeadlineExceededError` rather than the last transport error.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

from plexkit._core.retry import backoff_delay, is_retryable
from plexkit._redact import get_logger
from plexkit.errors import DeadlineExceededError, TransportError

if TYPE_CHECKING:
    from tenacity import RetryCallState
    from tenacity.stop import stop_base

__all__ = ["async_send_with_retries"]

log = get_logger(__name__)

T = TypeVar("T")


async def async_send_with_retries(
    send: Callable[[float | None], Awaitable[T]],
    *,
    what: str,
    idempotent: bool,
    max_retries: int,
    backoff: float,
    deadline: float | None,
) -> T:
    """``send(remaining_seconds)`` until it succeeds or may not be tried again.

    ``what`` names the request in logs and errors (``"GET /library/sections"``).
    """
    # Loaded with the first request, not with the client: tenacity and the sleep primitive.
    from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, stop_before_delay

    from plexkit._synchronization import async_sleep

    started = time.monotonic()
    stop: stop_base = stop_after_attempt(max_retries + 1)
    if deadline is not None:
        stop = stop | stop_before_delay(deadline)

    def wait(state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        return backoff_delay(state.attempt_number, error, base=backoff)

    def before_sleep(state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome else None
        log.info(
            "retrying %s after %s (attempt %d)", what, type(error).__name__, state.attempt_number
        )

    retrying = AsyncRetrying(
        stop=stop,
        wait=wait,
        retry=retry_if_exception(lambda e: is_retryable(e, idempotent=idempotent)),
        sleep=async_sleep,
        before_sleep=before_sleep,
        reraise=True,
    )
    try:
        async for attempt in retrying:
            with attempt:
                remaining = None if deadline is None else deadline - (time.monotonic() - started)
                return await send(remaining)
    except TransportError as exc:
        attempts = retrying.statistics.get("attempt_number", 1)
        if (
            deadline is not None
            and attempts <= max_retries
            and is_retryable(exc, idempotent=idempotent)
        ):
            raise DeadlineExceededError(
                f"{what}: no answer within the {deadline:g}s deadline "
                f"after {attempts} attempt(s); last error: {exc}"
            ) from exc
        raise
    raise AssertionError("unreachable: tenacity re-raises the last error")
