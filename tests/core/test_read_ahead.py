"""The read-ahead pair: the sync ``Ahead`` runs its call on a worker thread at once, or on
the caller's thread when asked, and hands back its value or error; the async
``AsyncAhead`` runs it when asked. ``ReadAhead`` reads ahead only while the server keeps the
caller waiting."""

from __future__ import annotations

import threading
import time

import pytest

import plexkit._read_ahead as read_ahead
from plexkit._read_ahead import Ahead, AsyncAhead, AsyncReadAhead, ReadAhead, server_kept_us_waiting


def test_ahead_runs_the_call_on_another_thread_before_it_is_asked_for() -> None:
    started = threading.Event()
    where: list[threading.Thread] = []

    def call() -> int:
        where.append(threading.current_thread())
        started.set()
        return 7

    ahead = Ahead(call)
    assert started.wait(5)
    assert ahead.result() == 7
    assert where[0] is not threading.current_thread()


@pytest.mark.parametrize("threaded", [True, False])
def test_ahead_hands_the_error_to_the_caller(threaded: bool) -> None:
    def call() -> int:
        raise LookupError("page 2 failed")

    with pytest.raises(LookupError, match="page 2 failed"):
        Ahead(call, threaded=threaded).result()


def test_an_unthreaded_ahead_runs_on_the_caller_thread_only_when_asked() -> None:
    where: list[threading.Thread] = []
    ahead = Ahead(lambda: where.append(threading.current_thread()) or 5, threaded=False)
    assert where == []
    assert ahead.result() == 5
    assert ahead.result() == 5  # asked twice, run once
    assert where == [threading.current_thread()]


def test_an_unthreaded_ahead_dropped_unread_never_runs() -> None:
    calls: list[int] = []
    Ahead(lambda: calls.append(1), threaded=False)
    assert calls == []


@pytest.mark.parametrize(
    ("wall", "cpu", "waiting"),
    [
        (0.030, 0.002, True),  # a slow server: mostly waiting
        (0.0030, 0.0025, False),  # a fast server: the fetch is all client CPU
        (0.0015, 0.0, False),  # waited, but under 2 ms: a thread costs more than it saves
        (0.100, 0.090, False),  # 10 ms waited, but only 10% of the fetch
        (0.008, 0.006, True),  # 2 ms and 25%
    ],
)
def test_server_kept_us_waiting(wall: float, cpu: float, waiting: bool) -> None:
    assert server_kept_us_waiting(wall, cpu) is waiting


def _record(where: list[threading.Thread], sleep: float = 0.0) -> int:
    where.append(threading.current_thread())
    if sleep:
        time.sleep(sleep)  # waiting on a server: wall time, no CPU
    return len(where)


def test_read_ahead_starts_inline_and_threads_after_a_fetch_that_waited() -> None:
    pace = ReadAhead()
    where: list[threading.Thread] = []
    first = pace.start(lambda: _record(where, sleep=0.03))
    assert where == []  # the first fetch waits for the caller: nothing is measured yet
    first.result()
    assert where == [threading.current_thread()]
    second = pace.start(lambda: _record(where))
    assert second.result() == 2
    assert where[1] is not threading.current_thread()


def test_read_ahead_stays_on_the_caller_thread_while_the_server_answers_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(read_ahead, "server_kept_us_waiting", lambda wall, cpu: False)
    pace = ReadAhead()
    where: list[threading.Thread] = []
    for _ in range(5):
        pace.start(lambda: _record(where)).result()
    assert where == [threading.current_thread()] * 5


def test_read_ahead_measures_the_server_again_on_the_caller_thread_now_and_then(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(read_ahead, "server_kept_us_waiting", lambda wall, cpu: True)
    pace = ReadAhead()
    where: list[threading.Thread] = []
    for _ in range(2 + 2 * read_ahead._PROBE_EVERY):
        pace.start(lambda: _record(where)).result()
    me = threading.current_thread()
    inline = [index for index, thread in enumerate(where) if thread is me]
    assert inline == [0, 1 + read_ahead._PROBE_EVERY]


@pytest.mark.anyio
async def test_async_ahead_runs_when_awaited(anyio_backend: str) -> None:
    calls: list[int] = []

    async def call() -> int:
        calls.append(1)
        return 3

    ahead = AsyncReadAhead().start(call)
    assert isinstance(ahead, AsyncAhead)
    assert calls == []
    assert await ahead.result() == 3
