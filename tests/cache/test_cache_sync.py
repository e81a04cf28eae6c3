"""The generated sync ResponseCache: same behaviour, with threads instead of tasks."""

from __future__ import annotations

import threading

import pytest
from cache_helpers import FakeClock, make_key, response

from plexkit._synchronization import Event
from plexkit.cache import CachedResponse, MemoryBackend, ResponseCache
from plexkit.cache._sync import flights as sync_flights
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


def join_all(threads: list[threading.Thread]) -> None:
    for t in threads:
        t.join(30)
    assert not any(t.is_alive() for t in threads)


class FlightWatch:
    """Counts callers that wait for a load already in flight for their key."""

    def __init__(self) -> None:
        self.waiting = 0
        self.changed = threading.Condition()

    def wait_for(self, count: int) -> bool:
        """Block until ``count`` callers wait on a flight (False after 10 s)."""
        with self.changed:
            return self.changed.wait_for(lambda: self.waiting >= count, timeout=10)


@pytest.fixture
def flights(monkeypatch: pytest.MonkeyPatch) -> FlightWatch:
    """Watch the cache's (private) flight event, so a test opens the gate of a held load
    once every other caller is parked on that load rather than after a guessed sleep."""
    watch = FlightWatch()

    class WatchedEvent(Event):
        def wait(self, timeout: float | None = None) -> bool:
            with watch.changed:
                watch.waiting += 1
                watch.changed.notify_all()
            return super().wait(timeout)

    monkeypatch.setattr(sync_flights, "Event", WatchedEvent)
    return watch


def test_hit_miss_and_ttl(clock: FakeClock) -> None:
    cache, load, key = ResponseCache(clock=clock), Upstream(), make_key()
    assert cache.fetch(key, load).content == b"v1"
    clock.advance(899)
    assert cache.fetch(key, load).content == b"v1"
    clock.advance(1)
    assert cache.fetch(key, load).content == b"v2"
    assert isinstance(cache.backend, MemoryBackend)


def test_single_flight_50_threads(clock: FakeClock, flights: FlightWatch) -> None:
    cache, load, key = ResponseCache(clock=clock), Upstream(), make_key()
    load.gate = threading.Event()
    results: list[bytes] = []
    results_lock = threading.Lock()

    def call() -> None:
        value = cache.fetch(key, load)
        with results_lock:
            results.append(value.content)

    threads = run_threads(50, call)
    try:
        assert flights.wait_for(49)  # one thread loads, the other 49 wait for its load
    finally:
        load.gate.set()
    join_all(threads)
    assert load.calls == 1
    assert results == [b"v1"] * 50
    stats = cache.stats()["items"]
    assert (stats.misses, stats.hits, stats.coalesced) == (1, 49, 49)


def test_single_flight_failure_reaches_every_thread(clock: FakeClock, flights: FlightWatch) -> None:
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
    try:
        assert flights.wait_for(19)
    finally:
        load.gate.set()
    join_all(threads)
    assert len(failures) == 20
    assert load.calls == 1  # the one failed load answered every waiting thread
    assert cache.stats()["items"].errors == 20
    load.error, load.gate = None, None
    assert cache.fetch(key, load).status_code == 200  # failures are not cached
    assert load.calls == 2


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
