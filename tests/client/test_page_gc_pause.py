"""The GC pause over a page: one pause covers decoding, building and dropping each page's
body (not one for decoding and another for building, which left the collection after them
traversing the whole decoded body), and the collector is back on while the caller reads."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from test_wire import Recorder, async_client, paged_library, sync_client

import plexkit._gc_pause as gc_pause

PAGES = 3
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


def test_sync_listing_pauses_once_per_page_and_reads_with_the_collector_on(
    counting_gc: CountingGc,
) -> None:
    seen: list[bool] = []
    with sync_client(_library()) as plex:
        for item in plex.library.iter_items("2", page_size=500):
            seen.append(counting_gc.enabled)
            assert item.title
    assert len(seen) == TOTAL
    assert all(seen)
    assert counting_gc.pauses == PAGES
    assert gc.isenabled()


@pytest.mark.anyio
async def test_async_listing_pauses_once_per_page_and_reads_with_the_collector_on(
    counting_gc: CountingGc, anyio_backend: Any
) -> None:
    seen: list[bool] = []
    async with async_client(_library()) as plex:
        async for item in plex.library.iter_items("2", page_size=500):
            seen.append(counting_gc.enabled)
            assert item.title
    assert len(seen) == TOTAL
    assert all(seen)
    assert counting_gc.pauses == PAGES


@pytest.mark.anyio
async def test_async_walk_pauses_once_per_page(counting_gc: CountingGc, anyio_backend: Any) -> None:
    plex = async_client(_library())
    async with plex, plex.library.walk("2", page_size=500, pages_in_flight=2) as items:
        titles = [item.title async for item in items if counting_gc.enabled]
    assert len(titles) == TOTAL
    assert counting_gc.pauses == PAGES


def test_one_page_is_built_in_one_pause(counting_gc: CountingGc) -> None:
    with sync_client(_library()) as plex:
        page = plex.library.items("2", limit=500)
    assert len(page) == 500
    assert counting_gc.pauses == 1
