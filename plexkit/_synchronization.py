"""Paired concurrency primitives: ``AsyncX`` for ``_async`` code, ``X`` for its generated twin.

``scripts/unasync.py`` renames ``AsyncLock`` to ``Lock``, ``async_sleep`` to ``sleep`` and so on,
so the one implementation in ``_async`` runs on anyio (asyncio or trio) and on threads.
"""

from __future__ import annotations

import contextlib
import math
import queue
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

import anyio
import anyio.lowlevel

if TYPE_CHECKING:
    from anyio.abc import TaskGroup

__all__ = [
    "AsyncBackgroundTask",
    "AsyncEvent",
    "AsyncGuard",
    "AsyncLock",
    "AsyncQueue",
    "AsyncSemaphore",
    "BackgroundTask",
    "Event",
    "Guard",
    "Lock",
    "Queue",
    "Semaphore",
    "async_call_blocking",
    "async_gather",
    "async_receive_text",
    "async_sleep",
    "call_blocking",
    "gather",
    "receive_text",
    "sleep",
]

T = TypeVar("T")

_STOP_CHECK_SECONDS: Final = 0.25
"""How often a blocked sync reader looks whether it was asked to stop."""


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
    """A thread lock, the sync twin of `AsyncLock`."""

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


class AsyncGuard(contextlib.nullcontext[None]):
    """A ``with`` block that never awaits inside: the tasks of one event loop switch only at
    an ``await``, so it needs no lock (its twin, ``Guard``, is a thread lock)."""


Guard = threading.Lock
"""The twin of `AsyncGuard`: threads can switch anywhere, so a thread lock."""


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
    """A one-shot event threads can wait on, the sync twin of `AsyncEvent`."""

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
    """Bounds how many threads run a block at once, the sync twin of `AsyncSemaphore`."""

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


class AsyncBackgroundTask:
    """Runs ``func`` in its own task group for the length of an ``async with`` block.

    On exit ``stop`` is called (so the function can finish cleanly) and the task is cancelled;
    the block's own exceptions pass through.
    """

    def __init__(self, func: Callable[[], Awaitable[None]], *, stop: Callable[[], None]) -> None:
        self._func = func
        self._stop = stop
        self._tg: TaskGroup | None = None

    async def __aenter__(self) -> AsyncBackgroundTask:
        tg = anyio.create_task_group()
        await tg.__aenter__()
        self._tg = tg
        tg.start_soon(self._run)
        return self

    async def _run(self) -> None:
        await self._func()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool | None:
        tg, self._tg = self._tg, None
        self._stop()
        if tg is None:
            return None
        tg.cancel_scope.cancel()
        return await tg.__aexit__(exc_type, exc, tb)


class BackgroundTask:
    """Runs ``func`` on a daemon thread for the length of a ``with`` block.

    The sync twin of `AsyncBackgroundTask`: a thread cannot be cancelled, so on exit
    ``stop`` is called and the thread joined (for at most ``join_timeout`` seconds).
    """

    def __init__(
        self,
        func: Callable[[], None],
        *,
        stop: Callable[[], None],
        join_timeout: float | None = 30.0,
    ) -> None:
        self._func = func
        self._stop = stop
        self._join_timeout = join_timeout
        self._thread: threading.Thread | None = None

    def __enter__(self) -> BackgroundTask:
        thread = threading.Thread(target=self._func, name="plexkit-background", daemon=True)
        self._thread = thread
        thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        thread, self._thread = self._thread, None
        self._stop()
        if thread is not None:
            thread.join(self._join_timeout)


async def async_call_blocking(func: Callable[..., T], *args: object) -> T:
    """Run a blocking call (file I/O) on a worker thread so the event loop keeps running."""
    return await anyio.to_thread.run_sync(func, *args)


def call_blocking(func: Callable[..., T], *args: object) -> T:
    """Run a blocking call in the calling thread, the sync twin of `async_call_blocking`."""
    return func(*args)


class AsyncQueue(Generic[T]):
    """A FIFO between tasks of one event loop; ``put_nowait`` never blocks the producer.

    ``maxsize`` bounds it (0: unbounded); a full queue refuses new items (``put_nowait``
    returns False) rather than stalling whoever produces them.
    """

    def __init__(self, maxsize: int = 0) -> None:
        self._send, self._receive = anyio.create_memory_object_stream[T](
            max_buffer_size=maxsize or math.inf
        )

    def put_nowait(self, item: T) -> bool:
        """Add ``item``; False if the queue is full (the item is dropped)."""
        try:
            self._send.send_nowait(item)
        except anyio.WouldBlock:
            return False
        return True

    async def get(self, timeout: float | None = None) -> T:
        """The oldest item; raises ``TimeoutError`` if none arrives within ``timeout``.

        A queued item is returned even when ``timeout`` is 0.
        """
        await anyio.lowlevel.checkpoint_if_cancelled()
        try:
            item = self._receive.receive_nowait()
        except anyio.WouldBlock:
            pass
        else:
            await anyio.lowlevel.cancel_shielded_checkpoint()
            return item
        with anyio.move_on_after(timeout):
            return await self._receive.receive()
        raise TimeoutError("no item arrived in time")

    def close(self) -> None:
        """Close both ends (idempotent); memory object streams warn when collected open."""
        self._send.close()
        self._receive.close()

    def __del__(self) -> None:
        self.close()


class Queue(Generic[T]):
    """A FIFO between threads, the sync twin of `AsyncQueue`."""

    def __init__(self, maxsize: int = 0) -> None:
        self._queue: queue.Queue[T] = queue.Queue(maxsize)

    def put_nowait(self, item: T) -> bool:
        """Add ``item``; False if the queue is full (the item is dropped)."""
        try:
            self._queue.put_nowait(item)
        except queue.Full:
            return False
        return True

    def get(self, timeout: float | None = None) -> T:
        """The oldest item; raises ``TimeoutError`` if none arrives within ``timeout``."""
        try:
            return self._queue.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError("no item arrived in time") from None

    def close(self) -> None:
        """Nothing to release: the twin of `AsyncQueue.close`."""


async def async_receive_text(ws: Any, stop: AsyncEvent) -> str | None:
    """The next text frame of an httpx-ws session, or None once ``stop`` is set.

    A task blocked here is cancelled when its `AsyncBackgroundTask` exits, so it
    waits for the frame itself.
    """
    if stop.is_set():
        return None
    text: str = await ws.receive_text()
    return text


def receive_text(ws: Any, stop: Event) -> str | None:
    """The sync twin of `async_receive_text`: a thread cannot be cancelled, so it
    reads in short slices and looks at ``stop`` between them."""
    while not stop.is_set():
        try:
            text: str = ws.receive_text(timeout=_STOP_CHECK_SECONDS)
        except (TimeoutError, queue.Empty):
            continue
        return text
    return None
