"""The in-memory LRU + TTL store."""

from __future__ import annotations

import threading

import pytest
from cache_helpers import FakeClock

from plexkit.cache import MemoryStore
from plexkit.errors import ConfigurationError


def test_ttl_expiry_with_injected_clock(clock: FakeClock) -> None:
    store: MemoryStore[str] = MemoryStore(clock=clock)
    store.set("a", "1", ttl=10)
    store.set("forever", "2", ttl=None)
    clock.advance(9.99)
    assert store.get("a") == "1"
    clock.advance(0.01)
    assert store.get("a") is None
    assert store.get("forever") == "2"
    assert store.count() == 1


def test_lru_bound_evicts_least_recently_used(clock: FakeClock) -> None:
    store: MemoryStore[int] = MemoryStore(3, clock=clock)
    for i, key in enumerate("abc"):
        store.set(key, i, ttl=60)
    assert store.get("a") == 0  # a is now the most recent
    store.set("d", 3, ttl=60)
    assert store.get("b") is None
    assert sorted(store.keys()) == ["a", "c", "d"]
    assert store.count() == 3


def test_byte_bound(clock: FakeClock) -> None:
    store: MemoryStore[bytes] = MemoryStore(100, max_bytes=10, sizeof=len, clock=clock)
    store.set("a", b"12345", ttl=60)
    store.set("b", b"12345", ttl=60)
    store.set("c", b"1", ttl=60)
    assert store.get("a") is None
    assert store.get("b") == b"12345"
    store.set("huge", b"x" * 11, ttl=60)
    assert store.get("huge") is None


def test_delete_prefix_clear_and_zero_ttl(clock: FakeClock) -> None:
    store: MemoryStore[int] = MemoryStore(clock=clock)
    for key in ("v1:items:a", "v1:items:b", "v1:itemsx:c", "v1:sections:a"):
        store.set(key, 1, ttl=60)
    assert store.delete_prefix("v1:items:") == 2
    assert store.delete("v1:itemsx:c") and not store.delete("v1:itemsx:c")
    store.set("v1:sections:a", 2, ttl=0)
    assert store.get("v1:sections:a") is None
    store.set("z", 1, ttl=5)
    store.clear()
    assert store.count() == 0


def test_bad_bounds_rejected() -> None:
    with pytest.raises(ConfigurationError):
        MemoryStore(0)
    with pytest.raises(ConfigurationError):
        MemoryStore(10, max_bytes=10)


def test_thread_safe_under_contention(clock: FakeClock) -> None:
    store: MemoryStore[int] = MemoryStore(50, clock=clock)
    errors: list[BaseException] = []

    def hammer(worker: int) -> None:
        try:
            for i in range(2000):
                store.set(f"k{(worker * 7 + i) % 80}", i, ttl=60)
                store.get(f"k{i % 80}")
                if i % 97 == 0:
                    store.delete_prefix(f"k{worker}")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=hammer, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert store.count() <= 50
