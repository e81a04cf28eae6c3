"""A bounded number of calls running at once, their results taken in the order they started:
a pair like those of ``plexkit._synchronization`` (``AsyncInFlight`` for ``_async`` code,
``InFlight`` for its generated twin).

``AsyncInFlight`` runs the calls as tasks of an anyio task group that its ``async with``
block owns (asyncio or trio); leaving the block cancels whatever still runs. ``InFlight``
runs them on a pool of worker threads and, on leaving, drops the calls not yet started and
waits for the running ones (a thread cannot be cancelled). A call's error is handed to
whoever takes its result, not raised in the group, so it surfaces as itself.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import TYPE_CHECKING, Generic, TypeVar, cast

import anyio

if TYPE_CHECKING:
    from anyio.abc import TaskGroup

__all__ = ["AsyncInFlight", "InFlight"]

T = TypeVar("T")


class _Slot(Generic[T]):
    """One started call: its value or error once ``done`` is set."""

    def __init__(self) -> None:
        self.done = anyio.Event()
        self.value: T | None = None
        self.error: Exception | None = None

    async def run(self, call: Callable[[], Awaitable[T]]) -> None:
        try:
            self.value = await call()
        except Exception as exc:  # handed to the taker, who re-raises it
            self.error = exc
        finally:
            self.done.set()


class AsyncInFlight(Generic[T]):
    """Up to ``bound`` calls running (or done and not yet taken) at once, in a task group
    owned by the ``async with`` block."""

    def __init__(self, bound: int) -> None:
        self._bound = bound
        self._slots: deque[_Slot[T]] = deque()
        self._tg: TaskGroup | None = None

    @property
    def free(self) -> int:
        """How many more calls may start before a result is taken."""
        return self._bound - len(self._slots)

    @property
    def pending(self) -> int:
        """How many started calls have not had their result taken."""
        return len(self._slots)

    def start(self, call: Callable[[], Awaitable[T]]) -> None:
        """Start ``call`` now; refused while ``bound`` calls are pending or outside the block."""
        if self._tg is None or self.free <= 0:
            raise RuntimeError("no room to start a call (outside the block, or at the bound)")
        slot: _Slot[T] = _Slot()
        self._slots.append(slot)
        self._tg.start_soon(slot.run, call)

    async def take(self) -> T:
        """The result of the oldest pending call, once it is done; raises its error."""
        slot = self._slots.popleft()
        await slot.done.wait()
        if slot.error is not None:
            raise slot.error
        return cast(T, slot.value)

    async def __aenter__(self) -> AsyncInFlight[T]:
        tg = anyio.create_task_group()
        await tg.__aenter__()
        self._tg = tg
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool | None:
        tg, self._tg = self._tg, None
        self._slots.clear()
        if tg is None:
            return None
        tg.cancel_scope.cancel()
        if isinstance(exc, anyio.get_cancelled_exc_class()):
            return await tg.__aexit__(exc_type, exc, tb)  # the scopes sort out whose it is
        # The block's own error passes through as itself, not wrapped in an exception group.
        await tg.__aexit__(None, None, None)
        return None


class InFlight(Generic[T]):
    """Up to ``bound`` calls running (or done and not yet taken) at once on worker threads,
    the sync twin of `AsyncInFlight`."""

    def __init__(self, bound: int) -> None:
        self._bound = bound
        self._futures: deque[Future[T]] = deque()
        self._pool: ThreadPoolExecutor | None = None

    @property
    def free(self) -> int:
        """How many more calls may start before a result is taken."""
        return self._bound - len(self._futures)

    @property
    def pending(self) -> int:
        """How many started calls have not had their result taken."""
        return len(self._futures)

    def start(self, call: Callable[[], T]) -> None:
        """Start ``call`` now; refused while ``bound`` calls are pending or outside the block."""
        if self._pool is None or self.free <= 0:
            raise RuntimeError("no room to start a call (outside the block, or at the bound)")
        self._futures.append(self._pool.submit(call))

    def take(self) -> T:
        """The result of the oldest pending call, once it is done; raises its error."""
        return self._futures.popleft().result()

    def __enter__(self) -> InFlight[T]:
        self._pool = ThreadPoolExecutor(max_workers=self._bound, thread_name_prefix="plexkit-page")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool | None:
        pool, self._pool = self._pool, None
        self._futures.clear()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        return None
