"""The in-flight pair: at most ``bound`` calls pending, results taken in the order the calls
started (whatever order they finish in), a call's error raised to whoever takes it, and
nothing left running once the block is left."""

from __future__ import annotations

import threading
from functools import partial

import anyio
import pytest

from plexkit._in_flight import AsyncInFlight, InFlight


@pytest.mark.anyio
async def test_async_results_come_in_start_order_and_errors_go_to_the_taker(
    anyio_backend: str,
) -> None:
    release = [anyio.Event() for _ in range(3)]

    async def call(n: int) -> int:
        await release[n].wait()
        if n == 2:
            raise LookupError("call 2 failed")
        return n

    async with AsyncInFlight[int](3) as flight:
        for n in range(3):
            flight.start(partial(call, n))
        assert flight.free == 0
        with pytest.raises(RuntimeError, match="bound"):
            flight.start(lambda: call(0))
        release[2].set()
        release[1].set()
        await anyio.wait_all_tasks_blocked()
        release[0].set()
        assert [await flight.take(), await flight.take()] == [0, 1]
        with pytest.raises(LookupError, match="call 2 failed"):
            await flight.take()
        assert flight.pending == 0


@pytest.mark.anyio
async def test_async_leaving_cancels_what_still_runs(anyio_backend: str) -> None:
    cancelled: list[int] = []

    async def forever() -> int:
        try:
            await anyio.sleep_forever()
        except anyio.get_cancelled_exc_class():
            cancelled.append(1)
            raise
        return 1

    with pytest.raises(KeyError):
        async with AsyncInFlight[int](2) as flight:
            flight.start(forever)
            flight.start(forever)
            await anyio.wait_all_tasks_blocked()
            raise KeyError("the block's own error, not an exception group")
    assert cancelled == [1, 1]


def test_sync_results_in_start_order_and_leaving_waits_for_the_threads() -> None:
    gates = [threading.Event() for _ in range(2)]
    running: list[threading.Thread] = []

    def call(n: int) -> int:
        running.append(threading.current_thread())
        gates[n].wait(10)
        return n

    with InFlight[int](2) as flight:
        flight.start(lambda: call(0))
        flight.start(lambda: call(1))
        with pytest.raises(RuntimeError, match="bound"):
            flight.start(lambda: call(0))
        gates[1].set()
        gates[0].set()
        assert [flight.take(), flight.take()] == [0, 1]
        gates[0].clear()
        flight.start(lambda: call(0))
        threading.Timer(0.05, gates[0].set).start()
    assert all(not thread.is_alive() for thread in running)
