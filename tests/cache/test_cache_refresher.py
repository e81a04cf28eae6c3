"""The background refresher: async in a caller-owned task group, sync on a daemon thread."""

from __future__ import annotations

import threading

import anyio
import pytest
from anyio import wait_all_tasks_blocked
from cache_helpers import FakeClock

from plexkit.cache import AsyncRefresher, Refresher
from plexkit.errors import ConfigurationError, TransportError


class Counts:
    """A compute function standing in for library counts; can fail on demand."""

    def __init__(self) -> None:
        self.runs = 0
        self.fail = False

    def compute(self) -> dict[str, int]:
        self.runs += 1
        if self.fail:
            raise TransportError("server down token=abcdefgh123")
        return {"movies": 10 * self.runs, "shows": 2, "seasons": 5, "episodes": 40}


@pytest.mark.anyio
async def test_refresh_value_age_and_errors(clock: FakeClock) -> None:
    counts = Counts()

    async def compute() -> dict[str, int]:
        return counts.compute()

    refresher = AsyncRefresher(compute, interval=60, name="library_counts", clock=clock)
    assert refresher.value is None and refresher.age is None
    assert (await refresher.get())["movies"] == 10
    clock.advance(30)
    assert refresher.age == 30
    assert (await refresher.get(max_age=60))["movies"] == 10  # young enough
    assert (await refresher.get(max_age=10))["movies"] == 20
    counts.fail = True
    with pytest.raises(TransportError):
        await refresher.refresh()
    state = refresher.snapshot()
    assert state.value == {"movies": 20, "shows": 2, "seasons": 5, "episodes": 40}
    assert state.failures == 1 and state.runs == 3
    assert state.last_error is not None and "abcdefgh123" not in state.last_error
    assert state.to_dict()["name"] == "library_counts"
    counts.fail = False
    await refresher.refresh()
    assert refresher.last_error is None


@pytest.mark.anyio
async def test_runs_in_the_background_until_the_block_ends(clock: FakeClock) -> None:
    counts = Counts()
    fourth_started = anyio.Event()
    fourth_cancelled: list[bool] = []

    async def compute() -> dict[str, int]:
        value = counts.compute()
        if counts.runs == 4:  # the block ends while this refresh is in flight
            fourth_started.set()
            try:
                await anyio.sleep_forever()
            except anyio.get_cancelled_exc_class():
                fourth_cancelled.append(True)
                raise
        return value

    refresher = AsyncRefresher(compute, interval=0.01, clock=clock)
    with anyio.fail_after(10):  # leaving the block must not wait for the refresh to end
        async with refresher.running():
            await fourth_started.wait()  # three refreshes done, the loop kept going
            assert refresher.is_running
    assert not refresher.is_running  # the loop itself has ended, not just been asked to
    assert fourth_cancelled == [True]  # the refresh in flight was cancelled with it ...
    state = refresher.snapshot()
    assert state.runs == 3 and state.failures == 0  # ... and neither counted nor kept
    assert state.value == {"movies": 30, "shows": 2, "seasons": 5, "episodes": 40}
    assert counts.runs == 4


@pytest.mark.anyio
async def test_stop_ends_the_wait_between_refreshes() -> None:
    counts = Counts()
    first = anyio.Event()
    returned: list[bool] = []

    async def compute() -> dict[str, int]:
        value = counts.compute()
        first.set()
        return value

    async def run() -> None:
        await refresher.run()
        returned.append(True)

    refresher = AsyncRefresher(compute, interval=3600)
    with anyio.fail_after(10):  # stop() must wake the hour-long wait, not sit it out
        async with anyio.create_task_group() as tg:
            tg.start_soon(run)
            await first.wait()
            await wait_all_tasks_blocked()  # the loop is parked in the wait
            assert refresher.is_running and counts.runs == 1
            refresher.stop()
    assert returned == [True]  # run() returned on its own; nothing was cancelled
    assert not refresher.is_running and counts.runs == 1
    assert refresher.snapshot().runs == 1


@pytest.mark.anyio
async def test_run_and_stop_in_a_caller_task_group() -> None:
    counts = Counts()
    counts.fail = True
    attempts = anyio.Event()

    async def compute() -> dict[str, int]:
        try:
            return counts.compute()
        finally:
            if counts.runs >= 2:
                attempts.set()

    refresher = AsyncRefresher(compute, interval=0.01)
    with anyio.fail_after(10):
        async with anyio.create_task_group() as tg:
            tg.start_soon(refresher.run)
            await attempts.wait()  # failures do not end the loop
            refresher.stop()
    assert refresher.snapshot().failures >= 2 and refresher.value is None


def test_sync_refresher_on_a_daemon_thread(clock: FakeClock) -> None:
    counts = Counts()
    done = threading.Event()

    def compute() -> dict[str, int]:
        value = counts.compute()
        if counts.runs >= 3:
            done.set()
        return value

    refresher = Refresher(compute, interval=0.01, clock=clock)
    with refresher.running():
        assert done.wait(10)
    assert not refresher.is_running
    assert refresher.value is not None and refresher.value["movies"] >= 30
    assert refresher.age == 0.0


def test_sync_refresher_stops_between_refreshes(clock: FakeClock) -> None:
    counts = Counts()
    first = threading.Event()

    def compute() -> dict[str, int]:
        value = counts.compute()
        first.set()
        return value

    # The thread waits an hour between refreshes: leaving the block must wake it (the
    # block joins the thread; a thread still waiting would leave is_running True).
    refresher = Refresher(compute, interval=3600, clock=clock)
    with refresher.running():
        assert first.wait(10)
        assert refresher.is_running
    assert not refresher.is_running
    assert counts.runs == 1 and refresher.snapshot().runs == 1
    assert refresher.value == {"movies": 10, "shows": 2, "seasons": 5, "episodes": 40}


def test_bad_interval() -> None:
    with pytest.raises(ConfigurationError):
        Refresher(lambda: 1, interval=0)
