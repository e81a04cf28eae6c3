"""Helpers that let one test body drive the sync and the async client alike."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import anyio
import anyio.lowlevel
from plexapi.server import PlexServer

from plexkit.testing import FakePlexServer

Message = dict[str, Any]


@dataclass
class Env:
    """A client (sync or async) with the fake server behind it and its loopback URL (started
    on first use for the in-process client)."""

    plex: Any
    server: FakePlexServer
    start_loopback: Callable[[], str]
    mode: str

    @property
    def url(self) -> str:
        return self.start_loopback()

    @property
    def library(self) -> Any:
        return self.server.library

    def plexapi(self) -> Any:
        """python-plexapi's view of the same server (over loopback)."""
        return PlexServer(self.url, self.server.token, timeout=10)


async def resolve(value: Any) -> Any:
    """The value of a sync call, or the awaited result of an async one."""
    return await value if inspect.isawaitable(value) else value


@asynccontextmanager
async def opened(manager: Any) -> AsyncIterator[Any]:
    """Enter a sync or an async context manager."""
    if hasattr(manager, "__aenter__"):
        async with manager as value:
            yield value
    else:
        with manager as value:
            yield value


async def collect(iterable: Any, limit: int = 10_000) -> list[Any]:
    """Every item of a sync or async iterator (at most ``limit``)."""
    out: list[Any] = []
    if isinstance(iterable, Iterator) or hasattr(iterable, "__next__"):
        for item in iterable:
            out.append(item)
            if len(out) >= limit:
                break
        return out
    async for item in iterable:
        out.append(item)
        if len(out) >= limit:
            break
    return out


async def next_matching(stream: Any, predicate: Any, timeout: float = 10.0) -> Any:
    """The first event from ``stream`` that satisfies ``predicate``; fails after ``timeout``."""
    with anyio.fail_after(timeout):
        while True:
            event = await resolve(stream.receive(timeout=0.2))
            if event is not None and predicate(event):
                return event
            await anyio.lowlevel.checkpoint()


async def wait_until(condition: Any, timeout: float = 10.0) -> None:
    """Poll ``condition()`` until it is true; fails after ``timeout``."""
    with anyio.fail_after(timeout):
        while not condition():  # noqa: ASYNC110 - set by another thread, not a task
            await anyio.sleep(0.01)


def first_movie(env: Env, index: int = 0) -> Any:
    """A movie node of the fake (by position in section 1)."""
    section = env.library.section(1)
    return env.library.items(section, 1)[index]
