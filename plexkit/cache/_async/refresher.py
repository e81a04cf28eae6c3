"""A background refresher: keeps one precomputed value (say library counts) fresh on a timer.

The async refresher runs in a task group the caller owns (``async with r.running():`` or
``tg.start_soon(r.run)`` then ``r.stop()``); the generated sync twin runs on a daemon thread.
A failed refresh keeps the last good value and records the error; it never ends the loop.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Generic

from plexkit import _synchronization
from plexkit._redact import get_logger, redact_text
from plexkit._synchronization import AsyncEvent, AsyncGuard, AsyncLock
from plexkit.cache.refresher_state import RefresherState
from plexkit.errors import ConfigurationError
from plexkit.types import T

if TYPE_CHECKING:
    from plexkit.cache import AsyncBackgroundTask

__all__ = ["AsyncRefresher"]

logger = get_logger(__name__)


class AsyncRefresher(Generic[T]):
    """Calls ``compute`` every ``interval`` seconds while running and keeps the latest result.

    ``value``/``age``/``last_error`` read the state at any time; `get` returns the value,
    computing it first when there is none yet (or it is older than ``max_age``).
    """

    def __init__(
        self,
        compute: Callable[[], Awaitable[T]],
        *,
        interval: float = 60.0,
        name: str = "refresher",
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not interval > 0:
            raise ConfigurationError(f"interval must be > 0 seconds, got {interval!r}")
        self._compute = compute
        self.interval = float(interval)
        self.name = name
        self._clock = clock
        self._state_lock = AsyncGuard()  # one event loop: no lock; the sync twin: a thread lock
        self._compute_lock: AsyncLock | None = None  # made on first use, in the caller's loop
        self._value: T | None = None
        self._updated_at: float | None = None
        self._last_error: Exception | None = None
        self._runs = 0
        self._failures = 0
        self._running = 0
        self._stop_event: AsyncEvent | None = None

    @property
    def value(self) -> T | None:
        """The last value computed successfully (None before the first one)."""
        return self._value

    @property
    def age(self) -> float | None:
        """Seconds since the last successful refresh (None before the first one)."""
        updated = self._updated_at
        return None if updated is None else max(0.0, self._clock() - updated)

    @property
    def last_error(self) -> Exception | None:
        """The error of the last refresh if it failed, else None."""
        return self._last_error

    @property
    def is_running(self) -> bool:
        """Whether a refresh loop is running."""
        return self._running > 0

    def snapshot(self) -> RefresherState[T]:
        """The current state, consistent as of one moment."""
        with self._state_lock:
            error = self._last_error
            return RefresherState(
                name=self.name,
                value=self._value,
                updated_at=self._updated_at,
                age=self.age,
                interval=self.interval,
                running=self.is_running,
                runs=self._runs,
                failures=self._failures,
                last_error=_describe(error),
            )

    async def refresh(self) -> T:
        """Compute the value now and keep it; a failure is recorded and raised."""
        seen = self._runs
        if self._compute_lock is None:
            self._compute_lock = AsyncLock()
        async with self._compute_lock:
            if self._runs != seen and self._last_error is None and self._value is not None:
                return self._value  # another caller refreshed while this one waited
            try:
                value = await self._compute()
            except Exception as exc:
                with self._state_lock:
                    self._runs += 1
                    self._failures += 1
                    first = self._last_error is None
                    self._last_error = exc
                log = logger.warning if first else logger.debug
                log("refresher %s failed: %s: %s", self.name, type(exc).__name__, exc)
                raise
            with self._state_lock:
                self._runs += 1
                self._value = value
                self._updated_at = self._clock()
                self._last_error = None
            return value

    async def get(self, *, max_age: float | None = None) -> T:
        """The latest value, refreshed first if there is none or it is older than ``max_age``."""
        age = self.age
        if self._value is None or age is None or (max_age is not None and age > max_age):
            return await self.refresh()
        return self._value

    async def run(self) -> None:
        """Refresh now and then every ``interval`` seconds until `stop`."""
        stop = AsyncEvent()
        self._stop_event = stop
        await self._loop(stop)

    def stop(self) -> None:
        """Ask the running loop to end after its current refresh."""
        stop = self._stop_event
        if stop is not None:
            stop.set()

    def running(self) -> AsyncBackgroundTask:
        """Run the loop in the background for the length of a block: ``async with r.running():``."""
        stop = AsyncEvent()
        self._stop_event = stop
        return _synchronization.AsyncBackgroundTask(lambda: self._loop(stop), stop=stop.set)

    async def _loop(self, stop: AsyncEvent) -> None:
        with self._state_lock:
            self._running += 1
        try:
            while not stop.is_set():
                # A failure is recorded by refresh(); keep the last good value, retry later.
                with contextlib.suppress(Exception):
                    await self.refresh()
                await stop.wait(self.interval)
        finally:
            with self._state_lock:
                self._running -= 1


def _describe(error: Exception | None) -> str | None:
    return None if error is None else redact_text(f"{type(error).__name__}: {error}")
