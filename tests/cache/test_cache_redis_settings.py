"""The Redis backend warns about client settings that stall reads during a Redis outage."""

from __future__ import annotations

import logging

import pytest

redis = pytest.importorskip("redis")

from redis.backoff import NoBackoff  # noqa: E402
from redis.retry import Retry  # noqa: E402

from plexkit.cache import RedisBackend  # noqa: E402


def test_default_redis_client_is_warned_about(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="plexkit.cache"):
        RedisBackend(redis.Redis(host="127.0.0.1", port=1))
    assert any("stall" in r.getMessage() for r in caplog.records)


def test_recommended_redis_client_is_not_warned_about(caplog: pytest.LogCaptureFixture) -> None:
    client = redis.Redis(
        host="127.0.0.1",
        port=1,
        socket_connect_timeout=0.5,
        socket_timeout=0.5,
        retry=Retry(NoBackoff(), 1),
    )
    with caplog.at_level(logging.WARNING, logger="plexkit.cache"):
        RedisBackend(client)
    assert not [r for r in caplog.records if "stall" in r.getMessage()]
