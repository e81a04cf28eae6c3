"""Shared fixtures: every async test runs under asyncio and trio; the fake server plugin."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from redis_process import REDIS_SERVER, RedisServer

pytest_plugins = ["plexkit.testing.pytest_plugin"]


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """One redis-server shared by the session's Redis tests (each uses its own key prefix)."""
    if REDIS_SERVER is None:
        pytest.skip("redis-server binary not installed (apt-get install redis-server)")
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()
