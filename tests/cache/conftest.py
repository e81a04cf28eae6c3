"""Cache test fixtures: a fake clock, real redis-server processes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cache_helpers import REDIS_SERVER, FakeClock, RedisServer


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _need_redis() -> None:
    if REDIS_SERVER is None:
        pytest.skip("redis-server binary not installed (apt-get install redis-server)")


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """One redis-server shared by the session's Redis tests (each uses its own key prefix)."""
    _need_redis()
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def own_redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server this test may kill and restart."""
    _need_redis()
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()
