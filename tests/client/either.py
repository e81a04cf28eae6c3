"""Helpers for tests that run one body against either client: await what the async client
returns, and collect an iterator of either kind."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


async def resolve(value: Any) -> Any:
    """``value`` itself from the sync client, awaited from the async one."""
    return await value if inspect.isawaitable(value) else value


async def collect(iterable: Iterator[T] | AsyncIterator[T]) -> list[T]:
    """Every entry of a sync or an async iterator."""
    if isinstance(iterable, Iterator):
        return list(iterable)
    return [entry async for entry in iterable]
