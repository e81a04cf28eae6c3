"""The read-ahead pair: the sync ``Ahead`` runs its call on a worker thread at once and hands
back its value or error; the async ``AsyncAhead`` runs it when asked."""

from __future__ import annotations

import threading

import pytest

from plexkit._read_ahead import Ahead, AsyncAhead


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


def test_ahead_hands_the_error_to_the_caller() -> None:
    def call() -> int:
        raise LookupError("page 2 failed")

    with pytest.raises(LookupError, match="page 2 failed"):
        Ahead(call).result()


@pytest.mark.anyio
async def test_async_ahead_runs_when_awaited(anyio_backend: str) -> None:
    calls: list[int] = []

    async def call() -> int:
        calls.append(1)
        return 3

    ahead = AsyncAhead(call)
    assert calls == []
    assert await ahead.result() == 3
