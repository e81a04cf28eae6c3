"""The GC pause around a page: the collector is paused while plexkit decodes and builds a
page, and back on whenever the caller's code runs (while it reads the items, and after the
listing), sync and async (asyncio and trio), in walks and single pages too."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from test_wire import Recorder, async_client, paged_library, sync_client

import plexkit._gc_pause as gc_pause

TOTAL = 1050


class CountingGc:
    """Stands in for the ``gc`` functions the pause calls: counts the pauses."""

    def __init__(self) -> None:
        self.enabled = True
        self.pauses = 0

    def isenabled(self) -> bool:
        return self.enabled

    def disable(self) -> None:
        self.pauses += self.enabled
        self.enabled = False

    def enable(self) -> None:
        self.enabled = True


@pytest.fixture
def counting_gc(monkeypatch: pytest.MonkeyPatch) -> CountingGc:
    fake = CountingGc()
    monkeypatch.setattr(gc_pause, "gc", fake)
    return fake


def _library() -> Recorder:
    return Recorder({"/library/sections/2/all": paged_library(TOTAL)})


def test_sync_listing_reads_with_the_collector_on(counting_gc: CountingGc) -> None:
    seen: list[bool] = []
    with sync_client(_library()) as plex:
        for item in plex.library.iter_items("2", page_size=500):
            seen.append(counting_gc.enabled)
            assert item.title
    assert len(seen) == TOTAL and all(seen)
    assert counting_gc.pauses >= 3  # every page was decoded and built paused
    assert counting_gc.enabled and gc.isenabled()


@pytest.mark.anyio
async def test_async_listing_reads_with_the_collector_on(
    counting_gc: CountingGc, anyio_backend: Any
) -> None:
    seen: list[bool] = []
    async with async_client(_library()) as plex:
        async for item in plex.library.iter_items("2", page_size=500):
            seen.append(counting_gc.enabled)
            assert item.title
    assert len(seen) == TOTAL and all(seen)
    assert counting_gc.pauses >= 3 and counting_gc.enabled


@pytest.mark.anyio
async def test_async_walk_reads_with_the_collector_on(
    counting_gc: CountingGc, anyio_backend: Any
) -> None:
    plex = async_client(_library())
    async with plex, plex.library.walk("2", page_size=500, pages_in_flight=2) as items:
        seen = [counting_gc.enabled async for _ in items]
    assert len(seen) == TOTAL and all(seen)
    assert counting_gc.pauses >= 3 and counting_gc.enabled


def test_a_page_is_built_paused_and_handed_over_with_the_collector_on(
    counting_gc: CountingGc,
) -> None:
    with sync_client(_library()) as plex:
        page = plex.library.items("2", limit=500)
    assert len(page) == 500
    assert counting_gc.pauses >= 1 and counting_gc.enabled


def test_a_collector_the_application_turned_off_stays_off(counting_gc: CountingGc) -> None:
    counting_gc.enabled = False
    with sync_client(_library()) as plex:
        assert len(list(plex.library.iter_items("2", page_size=500))) == TOTAL
    assert not counting_gc.enabled
