"""Single-flight across processes on Redis: 8 processes missing one key cost one request."""

from __future__ import annotations

import multiprocessing
import time
import uuid
from collections.abc import Iterator

import pytest
from cache_helpers import RedisServer
from lock_worker import read_sections

from plexkit.testing import FakePlexServer

pytest.importorskip("redis", reason="the redis extra (redis-py) is not installed")

SECTIONS = "/library/sections"


@pytest.fixture
def fake() -> Iterator[tuple[FakePlexServer, str]]:
    server = FakePlexServer(movies=5, shows=1, artists=1)
    with server.run_in_thread() as url:
        yield server, url


def spawn(n: int, url: str, token: str, redis_url: str, prefix: str, start: object, ttl: float):  # type: ignore[no-untyped-def]
    ctx = multiprocessing.get_context("spawn")
    procs = [
        ctx.Process(target=read_sections, args=(url, token, redis_url, prefix, start, ttl))
        for _ in range(n)
    ]
    for proc in procs:
        proc.start()
    return procs


def wait_for(predicate: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_eight_processes_missing_one_key_cost_one_request(
    fake: tuple[FakePlexServer, str], redis_server: RedisServer
) -> None:
    server, url = fake
    server.faults.add(path=SECTIONS, latency=1.0, times=1)  # the first load is slow
    start = multiprocessing.get_context("spawn").Event()
    prefix = f"lock-{uuid.uuid4().hex[:8]}:"
    procs = spawn(8, url, server.token, redis_server.url, prefix, start, 10.0)
    time.sleep(0.5)
    start.set()
    for proc in procs:
        proc.join(60)
    assert [proc.exitcode for proc in procs] == [0] * 8
    assert server.requests.count(SECTIONS) == 1


def test_a_killed_lock_holder_costs_one_more_request_after_its_lock_ttl(
    fake: tuple[FakePlexServer, str], redis_server: RedisServer
) -> None:
    server, url = fake
    server.faults.add(path=SECTIONS, latency=30.0, times=1)  # the holder hangs until killed
    ctx = multiprocessing.get_context("spawn")
    go = ctx.Event()
    go.set()
    prefix = f"lock-{uuid.uuid4().hex[:8]}:"
    (holder,) = spawn(1, url, server.token, redis_server.url, prefix, go, 1.0)
    wait_for(lambda: server.requests.count(SECTIONS) == 1)  # it holds the lock, mid-load
    others = spawn(7, url, server.token, redis_server.url, prefix, go, 1.0)
    time.sleep(0.3)
    holder.kill()
    holder.join(10)
    for proc in others:
        proc.join(60)
    assert [proc.exitcode for proc in others] == [0] * 7
    assert server.requests.count(SECTIONS) == 2  # the killed holder's, then one more
