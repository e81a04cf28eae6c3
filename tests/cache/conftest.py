"""Cache test fixtures: a fake clock, real redis-server processes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cache_helpers import FakeClock, RedisServer
from redis_process import REDIS_SERVER


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _need_redis() -> None:
    if REDIS_SERVER is None:
        pytest.skip("redis-server binary not installed (apt-get install redis-server)")


@pytest.fixture
def own_redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server this test may kill and restart."""
    _need_redis()
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()
