"""Reading the next page ahead of the caller: a pair like those of ``plexkit._synchronization``
(threads are I/O machinery, so this lives beside it and not in the pure ``_core``).

``AsyncAhead`` (for ``_async`` code) runs its call when the result is asked for: async
callers overlap work with their own tasks, and a task group held open across an async
generator's ``yield`` would break cancellation scoping. ``Ahead`` (its generated twin's
name) starts the call on a worker thread at once, so the sync client fetches the next page
while the caller decodes, builds and reads the current one. The thread runs only the call
(the paging code hands it the request alone); decoding, building and the paging decisions
stay with the caller, so two threads never contend for the GIL or the GC pause over a page.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar, cast

__all__ = ["Ahead", "AsyncAhead"]

T = TypeVar("T")


class AsyncAhead(Generic[T]):
    """A call whose result is wanted later; it runs when `result` is awaited."""

    def __init__(self, call: Callable[[], Awaitable[T]]) -> None:
        self._call = call

    async def result(self) -> T:
        """The call's value (or its error)."""
        return await self._call()


class Ahead(Generic[T]):
    """A call started now on a daemon worker thread; `result` waits for it.

    Dropping it unread never blocks: the thread finishes its call and its value is lost.
    """

    def __init__(self, call: Callable[[], T]) -> None:
        self._done = threading.Event()
        self._value: T | None = None
        self._error: BaseException | None = None

        def run() -> None:
            try:
                self._value = call()
            except BaseException as exc:  # handed to the caller, who re-raises it
                self._error = exc
            finally:
                self._done.set()

        threading.Thread(target=run, name="plexkit-read-ahead", daemon=True).start()

    def result(self) -> T:
        """The call's value; raises its error."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        return cast(T, self._value)
