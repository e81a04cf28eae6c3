"""Reading the next page ahead of the caller: a pair like those of ``plexkit._synchronization``
(threads are I/O machinery, so this lives beside it and not in the pure ``_core``).

A listing makes one ``AsyncReadAhead`` (sync: ``ReadAhead``) and hands it each page's
request. The async one runs a request when its result is awaited: async callers overlap work
with their own tasks, and a task group held open across an async generator's ``yield``
would break cancellation scoping (``walk`` holds one in a block instead). The sync one starts
a request on a worker thread at once, so the next page is fetched while the caller decodes,
builds and reads the current one, but only while the server makes the caller wait: against
a server that answers at once, a fetch is all client CPU, which the GIL does not let a
thread overlap, and the thread only adds switching (about 10% of a walk). The thread runs
only the request; decoding, building and the paging decisions stay with the caller.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable
from typing import Final, Generic, TypeVar, cast

__all__ = ["Ahead", "AsyncAhead", "AsyncReadAhead", "ReadAhead", "server_kept_us_waiting"]

T = TypeVar("T")

#: A fetch counts as waiting on the server when at least this long was not its own CPU...
_MIN_WAIT_S: Final = 0.002
#: ...and at least this share of its wall time.
_MIN_WAIT_SHARE: Final = 0.25
#: On a worker thread a fetch's wall time includes waiting for the GIL; every this many
#: pages one fetch runs on the caller's thread, to measure the server again.
_PROBE_EVERY: Final = 16


def server_kept_us_waiting(wall: float, cpu: float) -> bool:
    """Whether a fetch that took ``wall`` seconds, ``cpu`` of them on its own thread's CPU,
    spent enough of them waiting for the server that overlapping the next one pays."""
    waited = wall - cpu
    return waited >= _MIN_WAIT_S and waited >= _MIN_WAIT_SHARE * wall


class AsyncAhead(Generic[T]):
    """A call whose result is wanted later; it runs when `result` is awaited."""

    def __init__(self, call: Callable[[], Awaitable[T]]) -> None:
        self._call = call

    async def result(self) -> T:
        """The call's value (or its error)."""
        return await self._call()


class AsyncReadAhead:
    """The requests of one async listing: each runs when its result is awaited."""

    def start(self, call: Callable[[], Awaitable[T]]) -> AsyncAhead[T]:
        """The handle of ``call``, not started yet."""
        return AsyncAhead(call)


class Ahead(Generic[T]):
    """A call, either started now on a daemon worker thread or run by `result` on the
    caller's thread; `result` hands back its value or raises its error.

    Dropping a started one unread never blocks: the thread finishes its call and its value
    is lost.
    """

    def __init__(self, call: Callable[[], T], *, threaded: bool = True) -> None:
        self._call: Callable[[], T] | None = None
        self._done = threading.Event()
        self._value: T | None = None
        self._error: BaseException | None = None
        if threaded:
            threading.Thread(
                target=self._run, args=(call,), name="plexkit-read-ahead", daemon=True
            ).start()
        else:
            self._call = call

    def _run(self, call: Callable[[], T]) -> None:
        try:
            self._value = call()
        except BaseException as exc:  # handed to the caller, who re-raises it
            self._error = exc
        finally:
            self._done.set()

    def result(self) -> T:
        """The call's value; raises its error."""
        call, self._call = self._call, None
        if call is not None:
            self._run(call)
        self._done.wait()
        if self._error is not None:
            raise self._error
        return cast(T, self._value)


class ReadAhead:
    """The requests of one sync listing: each on a worker thread while the last measured
    one waited on the server (`server_kept_us_waiting`), else run by the caller when it
    asks for the result."""

    def __init__(self) -> None:
        self._waiting = False
        self._threaded_in_a_row = 0

    def start(self, call: Callable[[], T]) -> Ahead[T]:
        """The handle of ``call``: started on a worker thread, or left for the caller."""
        threaded = self._waiting and self._threaded_in_a_row < _PROBE_EVERY
        self._threaded_in_a_row = self._threaded_in_a_row + 1 if threaded else 0
        return Ahead(self._measured(call) if not threaded else call, threaded=threaded)

    def _measured(self, call: Callable[[], T]) -> Callable[[], T]:
        """``call``, noting whether the server kept the caller waiting (on the caller's own
        thread the measure is clean: no other thread of this listing holds the GIL)."""

        def measured() -> T:
            wall, cpu = time.perf_counter(), time.thread_time()
            try:
                return call()
            finally:
                self._waiting = server_kept_us_waiting(
                    time.perf_counter() - wall, time.thread_time() - cpu
                )

        return measured
