"""plex.cache: warm, stats, invalidate, clear over a stub client; importing without redis."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from cache_helpers import FakeClock, make_key, response

from plexkit.cache import AsyncCacheControl, AsyncResponseCache, CacheControl, ResponseCache
from plexkit.errors import ConfigurationError, ServerUnavailableError


class Recorder:
    """Stands in for a client: records the ``cache=`` argument every call is made with."""

    def __init__(self, cache: Any, sync: bool) -> None:
        self.calls: list[tuple[str, object]] = []
        self.cache = cache
        self.sync = sync
        self.warmers = {
            "server": self._method("server.info"),
            "sections": self._method("library.sections"),
            "recently_added": self._method("library.recently_added"),
            "activities": self._method("activities.list"),
            "history": self._method("history.list"),
        }

    def _method(self, name: str) -> Any:
        key = make_key("history" if "history" in name else "sections", path=f"/{name}")

        def load() -> Any:
            if name == "history.list":
                raise ServerUnavailableError("503")
            return response(name.encode())

        async def aload() -> Any:
            return load()

        if self.sync:

            def call(*, cache: object = None) -> Any:
                self.calls.append((name, cache))
                return self.cache.fetch(key, load, mode="refresh")

            return call

        async def acall(*, cache: object = None) -> Any:
            self.calls.append((name, cache))
            return await self.cache.fetch(key, aload, mode="refresh")

        return acall


@pytest.mark.anyio
async def test_async_warm_stats_invalidate_clear(clock: FakeClock) -> None:
    cache = AsyncResponseCache(clock=clock)
    client = Recorder(cache, sync=False)
    control = AsyncCacheControl(cache, warmers=client.warmers)
    report = await control.warm()
    assert sorted(name for name, _ in client.calls) == [
        "activities.list",
        "history.list",
        "library.recently_added",
        "library.sections",
        "server.info",
    ]
    assert {mode for _, mode in client.calls} == {"refresh"}
    assert isinstance(report["history"], ServerUnavailableError)
    assert [name for name, error in report.items() if error is None] == [
        "server",
        "sections",
        "recently_added",
        "activities",
    ]
    stats = await control.stats()
    assert stats["sections"].refreshes == 4 and stats.backend.keys == 4
    assert await control.invalidate("sections") == 4
    await control.warm(["sections"])
    await control.clear()
    assert (await control.stats()).backend.keys == 0
    with pytest.raises(ConfigurationError):
        await control.warm(["sessions"])
    assert control.cache is cache


def test_sync_warm(clock: FakeClock) -> None:
    cache = ResponseCache(clock=clock)
    client = Recorder(cache, sync=True)
    control = CacheControl(cache, warmers=client.warmers)
    report = control.warm(("server", "sections"))
    assert report == {"server": None, "sections": None}
    assert control.stats().backend.keys == 2


def test_importing_plexkit_cache_does_not_import_redis() -> None:
    code = (
        "import sys, plexkit, plexkit.cache; "
        "from plexkit.cache import RedisBackend, AsyncRedisBackend; "
        "assert not any(m == 'redis' or m.startswith('redis.') for m in sys.modules), "
        "sorted(m for m in sys.modules if m.startswith('redis'))"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.anyio
async def test_warm_with_arguments_replaces_the_default_call(clock: FakeClock) -> None:
    cache = AsyncResponseCache(clock=clock)
    client = Recorder(cache, sync=False)
    control = AsyncCacheControl(cache, warmers=client.warmers)
    seen: list[object] = []

    async def history_all(*, cache: object) -> None:
        seen.append(cache)

    report = await control.warm(history=history_all)
    assert report == {"history": None} and seen == ["refresh"] and client.calls == []
    report = await control.warm(["server"], history=history_all)
    assert list(report) == ["server", "history"] and client.calls == [("server.info", "refresh")]
    assert control.warmable == ("server", "sections", "recently_added", "activities", "history")


def test_library_counts_need_a_counter(clock: FakeClock) -> None:
    with pytest.raises(ConfigurationError):
        CacheControl(ResponseCache(clock=clock)).library_counts()
