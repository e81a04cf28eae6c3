"""The generated sync ResponseCache: same behaviour, with threads instead of tasks."""

from __future__ import annotations

import threading
import time

import pytest
from cache_helpers import FakeClock, make_key, response

from plexkit.cache import CachedResponse, MemoryBackend, ResponseCache
from plexkit.errors import ServerUnavailableError, TransportError


class Upstream:
    """A thread-safe load function that counts calls and can hold callers at a gate."""

    def __init__(self) -> None:
        self.calls = 0
        self.lock = threading.Lock()
        self.gate: threading.Event | None = None
        self.error: Exception | None = None

    def __call__(self) -> CachedResponse:
        with self.lock:
            self.calls += 1
            n = self.calls
        if self.gate is not None:
            assert self.gate.wait(30)
        if self.error is not None:
            raise self.error
        return response(f"v{n}".encode())


def run_threads(count: int, target: object) -> list[threading.Thread]:
    threads = [threading.Thread(target=target) for _ in range(count)]  # type: ignore[arg-type]
    for t in threads:
        t.start()
    return threads


def test_hit_miss_and_ttl(clock: FakeClock) -> None:
    cache, load, key = ResponseCache(clock=clock), Upstream(), make_key()
    assert cache.fetch(key, load).content == b"v1"
    clock.advance(899)
    assert cache.fetch(key, load).content == b"v1"
    clock.advance(1)
    assert cache.fetch(key, load).content == b"v2"
    assert isinstance(cache.backend, MemoryBackend)


def test_single_flight_50_threads(clock: FakeClock) -> None:
    cache, load, key = ResponseCache(clock=clock), Upstream(), make_key()
    load.gate = threading.Event()
    started = threading.Semaphore(0)
    results: list[bytes] = []
    results_lock = threading.Lock()

    def call() -> None:
        started.release()
        value = cache.fetch(key, load)
        with results_lock:
            results.append(value.content)

    threads = run_threads(50, call)
    for _ in range(50):
        started.acquire()
    time.sleep(0.2)  # let the threads reach the flight (correctness does not depend on it)
    load.gate.set()
    for t in threads:
        t.join(30)
    assert load.calls == 1
    assert results == [b"v1"] * 50
    stats = cache.stats()["items"]
    assert (stats.misses, stats.hits) == (1, 49)


def test_single_flight_failure_reaches_every_thread(clock: FakeClock) -> None:
    cache, load, key = ResponseCache(clock=clock), Upstream(), make_key()
    load.gate = threading.Event()
    load.error = TransportError("refused")
    failures: list[BaseException] = []

    def call() -> None:
        try:
            cache.fetch(key, load)
        except TransportError as exc:
            failures.append(exc)

    threads = run_threads(20, call)
    time.sleep(0.2)
    load.gate.set()
    for t in threads:
        t.join(30)
    assert len(failures) == 20
    assert 1 <= load.calls <= 20
    load.error, load.gate = None, None
    assert cache.fetch(key, load).status_code == 200


def test_serve_stale_sync(clock: FakeClock) -> None:
    cache, load, key = ResponseCache(clock=clock, serve_stale=True), Upstream(), make_key()
    cache.fetch(key, load)
    clock.advance(10_000)
    load.error = ServerUnavailableError("503")
    value = cache.fetch(key, load)
    assert value.stale and value.content == b"v1"
    assert cache.stats()["items"].stale_served == 1


def test_invalidate_and_clear_sync(clock: FakeClock) -> None:
    cache, load = ResponseCache(clock=clock), Upstream()
    key = make_key("metadata", path="/library/metadata/3")
    cache.fetch(key, load)
    assert cache.invalidate_write("PUT", "/library/metadata/3")
    assert cache.get(key) is None
    cache.fetch(key, load)
    cache.clear()
    assert cache.stats().total == 0
    with pytest.raises(ValueError):
        cache.fetch(key, load, mode="never")  # type: ignore[arg-type]
