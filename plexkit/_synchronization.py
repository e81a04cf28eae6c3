"""Paired concurrency primitives: ``AsyncX`` for ``_async`` code, ``X`` for its generated twin.

``scripts/unasync.py`` renames ``AsyncLock`` to ``Lock``, ``async_sleep`` to ``sleep`` and so on,
so the one implementation in ``_async`` runs on anyio (asyncio or trio) and on threads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from types import TracebackType
from typing import TypeVar

import anyio

__all__ = [
    "AsyncEvent",
    "AsyncLock",
    "AsyncSemaphore",
    "Event",
    "Lock",
    "Semaphore",
    "async_gather",
    "async_sleep",
    "gather",
    "sleep",
]

T = TypeVar("T")


class AsyncLock:
    """A task lock (anyio), usable as ``async with``."""

    def __init__(self) -> None:
        self._lock = anyio.Lock()

    async def __aenter__(self) -> AsyncLock:
        await self._lock.acquire()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._lock.release()


class Lock:
    """A thread lock, the sync twin of :class:`AsyncLock`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def __enter__(self) -> Lock:
        self._lock.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._lock.release()


class AsyncEvent:
    """A one-shot event tasks can wait on."""

    def __init__(self) -> None:
        self._event = anyio.Event()

    def set(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()

    async def wait(self, timeout: float | None = None) -> bool:
        """Wait until set or ``timeout`` seconds pass; True when the event is set."""
        with anyio.move_on_after(timeout):
            await self._event.wait()
        return self._event.is_set()


class Event:
    """A one-shot event threads can wait on, the sync twin of :class:`AsyncEvent`."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until set or ``timeout`` seconds pass; True when the event is set."""
        return self._event.wait(timeout)


class AsyncSemaphore:
    """Bounds how many tasks run a block at once."""

    def __init__(self, value: int) -> None:
        self._sem = anyio.Semaphore(value)

    async def __aenter__(self) -> AsyncSemaphore:
        await self._sem.acquire()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._sem.release()


class Semaphore:
    """Bounds how many threads run a block at once, the sync twin of :class:`AsyncSemaphore`."""

    def __init__(self, value: int) -> None:
        self._sem = threading.BoundedSemaphore(value)

    def __enter__(self) -> Semaphore:
        self._sem.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._sem.release()


async def async_sleep(seconds: float) -> None:
    """Sleep without blocking the event loop."""
    await anyio.sleep(seconds)


def sleep(seconds: float) -> None:
    """Sleep the calling thread."""
    time.sleep(seconds)


async def async_gather(calls: Sequence[Callable[[], Awaitable[T]]]) -> list[T | BaseException]:
    """Run the calls concurrently; each result is its value or the exception it raised."""
    results: list[T | BaseException] = [RuntimeError("not run")] * len(calls)

    async def run(index: int, call: Callable[[], Awaitable[T]]) -> None:
        try:
            results[index] = await call()
        except Exception as exc:
            results[index] = exc

    async with anyio.create_task_group() as tg:
        for index, call in enumerate(calls):
            tg.start_soon(run, index, call)
    return results


def gather(calls: Sequence[Callable[[], T]]) -> list[T | BaseException]:
    """Run the calls concurrently on threads; each result is its value or its exception."""
    if not calls:
        return []

    def run(call: Callable[[], T]) -> T | BaseException:
        try:
            return call()
        except Exception as exc:
            return exc

    with ThreadPoolExecutor(max_workers=min(16, len(calls))) as pool:
        return list(pool.map(run, calls))
