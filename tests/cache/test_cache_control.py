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
        self.server = self._group("server", "info")
        self.library = self._group("library", "sections", "recently_added")
        self.activities = self._group("activities", "list")
        self.history = self._group("history", "list")

    def _group(self, group: str, *methods: str) -> Any:
        ns = type(group, (), {})()
        for method in methods:
            setattr(ns, method, self._method(f"{group}.{method}"))
        return ns

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
    control = AsyncCacheControl(client, cache)
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
    control = CacheControl(client, cache)
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


class CountingClient:
    """A stub with two movie sections, a show section and a music section."""

    TOTALS = {
        ("1", "movie"): 120,
        ("2", "movie"): 30,
        ("3", "show"): 12,
        ("3", "season"): 40,
        ("3", "episode"): 500,
        ("4", "artist"): 9,
    }

    def __init__(self) -> None:
        self.item_calls: list[tuple[str, str, object]] = []
        self.library = self
        self.sections_result = [
            type("S", (), {"key": key, "type": kind})()
            for key, kind in (("1", "movie"), ("2", "movie"), ("3", "show"), ("4", "artist"))
        ]

    def sections(self) -> list[Any]:
        return self.sections_result

    def items(self, key: str, *, type: str, limit: int, cache: object) -> Any:
        self.item_calls.append((key, type, cache))
        return type_page(self.TOTALS[(key, type)])


def type_page(total: int) -> Any:
    return type("Page", (), {"total": total, "items": ()})()


def test_library_counts_and_its_refresher(clock: FakeClock) -> None:
    client = CountingClient()
    control = CacheControl(client, ResponseCache(clock=clock))
    assert control.library_counts() == {"movie": 150, "show": 12, "season": 40, "episode": 500}
    assert {c[2] for c in client.item_calls} == {False}  # counted fresh, never from the cache
    assert len(client.item_calls) == 5  # the music section is not asked for these kinds
    assert control.library_counts(["artist"]) == {"artist": 9}
    refresher = control.counts_refresher(interval=60)
    assert refresher.get()["episode"] == 500
    assert refresher.name == "library_counts"
