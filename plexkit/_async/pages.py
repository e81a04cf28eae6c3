"""The page a paged listing returns: its items, and ``next()`` for the page after it.

``next()`` asks for the following window with the arguments of the call that made the page
(section, type, sort, filters, page size, cache); the page stays a plain value otherwise:
equality (with either client's pages), hashing, ``repr`` and pickling see only its items,
offset, total and cache facts.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import attrs

from plexkit._core.paging import BasePage
from plexkit.errors import ConfigurationError
from plexkit.types import CacheInfo, T

if TYPE_CHECKING:
    import plexkit

__all__ = ["AsyncPage", "following"]


@attrs.frozen(kw_only=True, eq=False)
class AsyncPage(BasePage[T]):
    """One page of a listing (iterate it, or read ``items``); ``next()`` fetches the next one.

    Build one by hand for a test (``AsyncPage(items=(...), offset=0, total=None)``); such a
    page has no client, so its ``next()`` raises unless it is the last.
    """

    _following: Callable[[], Awaitable[AsyncPage[T] | None]] | None = attrs.field(
        default=None, repr=False, alias="following"
    )

    async def next(self) -> plexkit.AsyncPage[T] | None:
        """The next page, read with the arguments that made this one; None after the last.

        No request is made when this page is the last one.

        Raises:
            ConfigurationError: the page was built by hand or unpickled (it holds no client)
                and says more items remain.
        """
        if self._following is None:
            if self.has_more:
                raise ConfigurationError(
                    "this page was not returned by a listing call (it was built by hand or "
                    "unpickled), so it cannot fetch the next page; call the listing again "
                    "with offset=page.offset + len(page)"
                )
            return None
        return await self._following()

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the values only: the way to the next page holds a client."""
        return (_unpickled, (type(self), *self._values()))


def _unpickled(
    kind: type[AsyncPage[T]],
    items: tuple[T, ...],
    offset: int,
    total: int | None,
    stale: bool,
    cache: CacheInfo | None,
) -> AsyncPage[T]:
    """A page rebuilt from its pickled values (it cannot fetch the next page)."""
    return kind(items=items, offset=offset, total=total, stale=stale, cache=cache)


def following(
    start: int | None, read: Callable[[int], Awaitable[AsyncPage[T]]]
) -> Callable[[], Awaitable[AsyncPage[T] | None]]:
    """How a page fetches the one after it: ``read(start)``, or nothing when ``start`` is None."""

    async def fetch() -> AsyncPage[T] | None:
        if start is None:
            return None
        return await read(start)

    return fetch
