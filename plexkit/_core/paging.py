"""Paging maths: Plex's X-Plex-Container-Start/Size window and when to stop."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Generic

import attrs

from plexkit.errors import ConfigurationError
from plexkit.types import CacheInfo, T

__all__ = [
    "MAX_PAGE_SIZE",
    "BasePage",
    "PageCursor",
    "check_page",
    "check_walk",
    "check_window",
    "next_start",
    "page_headers",
    "total_from",
]

MAX_PAGE_SIZE = 5000


@attrs.frozen(kw_only=True, eq=False)
class BasePage(Generic[T]):
    """One page of results: the items, where it starts, and the total the server reported.

    The values both clients' pages share (``plexkit.Page``, ``plexkit.AsyncPage``); each adds
    ``next()`` in its own style. Pages compare and hash by these values, whichever client
    made them.
    """

    items: tuple[T, ...]
    """The page's entries (with ``type=``, only that type's items)."""
    offset: int
    """The position of the first entry in the whole listing."""
    total: int | None
    """How many entries the whole listing has, as the server reported it (None: not sent)."""
    stale: bool = False
    """True when a cache served this page because the server was unavailable."""
    cache: CacheInfo | None = None
    """Whether a cache answered and how old its copy is (None: no cache involved)."""

    def _values(self) -> tuple[tuple[T, ...], int, int | None, bool, CacheInfo | None]:
        """The page's values: ``(items, offset, total, stale, cache)``."""
        return (self.items, self.offset, self.total, self.stale, self.cache)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BasePage):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[T]:
        """The page's items, so a page reads like the tuple it holds."""
        return iter(self.items)

    @property
    def has_more(self) -> bool:
        """Whether items remain after this page (an unknown total assumes so if any came)."""
        if self.total is None:
            return bool(self.items)
        return self.offset + len(self.items) < self.total


def next_start(offset: int, asked: int, received: int, total: int | None) -> int | None:
    """Where the window after a page of ``received`` entries (of ``asked``) starts, or None
    when that page was the last (the rules `PageCursor` walks a listing by).

    It was the last when it was empty, reached the total (without one: came short), or held
    more than asked (a server ignoring the window would only repeat itself). The window is
    one already checked (`check_page`).
    """
    kept = min(received, asked)
    start = offset + kept
    exhausted = start >= total if total is not None else received != asked
    if kept == 0 or exhausted or received > asked:
        return None
    return start


def check_window(offset: int, limit: int | None) -> None:
    """Reject a paging window before any request is made."""
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise ConfigurationError(f"offset must be an int >= 0, not {offset!r}")
    if limit is not None and (
        isinstance(limit, bool) or not isinstance(limit, int) or not 0 < limit <= MAX_PAGE_SIZE
    ):
        raise ConfigurationError(f"limit must be an int from 1 to {MAX_PAGE_SIZE}, not {limit!r}")


def check_page(offset: int, limit: int) -> None:
    """Reject the window of one page (which must have a size) before any request is made."""
    if limit is None:
        raise ConfigurationError(f"limit must be an int from 1 to {MAX_PAGE_SIZE}, not None")
    check_window(offset, limit)


def check_walk(page_size: int, limit: int | None) -> None:
    """Reject the page size or the overall limit of a page-by-page read before any request."""
    if isinstance(page_size, bool) or not isinstance(page_size, int):
        raise ConfigurationError(f"page_size must be an int, not {page_size!r}")
    if not 0 < page_size <= MAX_PAGE_SIZE:
        raise ConfigurationError(
            f"page_size must be an int from 1 to {MAX_PAGE_SIZE}, not {page_size!r}"
        )
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ConfigurationError(f"limit must be an int >= 1 or None, not {limit!r}")


def page_headers(offset: int, limit: int | None) -> dict[str, str]:
    """The X-Plex-Container-* request headers for a window (none when nothing is bounded)."""
    check_window(offset, limit)
    headers = {"X-Plex-Container-Start": str(offset)}
    if limit is not None:
        headers["X-Plex-Container-Size"] = str(limit)
    return headers


def total_from(body_total: int | None, headers: Mapping[str, str]) -> int | None:
    """The total item count: ``totalSize`` from the body, else the response header."""
    if body_total is not None:
        return body_total
    value = headers.get("x-plex-container-total-size")
    if value is not None and value.strip().isdigit():
        return int(value)
    return None


@attrs.define
class PageCursor:
    """Walks a listing page by page and decides when it is exhausted.

    It copes with servers that send fewer items than asked (it keeps going while the total says
    more remain) and with servers that ignore the window (it keeps only what was asked for and
    stops, rather than yielding the same items again).
    """

    page_size: int
    offset: int = 0
    limit: int | None = None
    done: bool = False

    def __attrs_post_init__(self) -> None:
        check_window(self.offset, None)
        check_walk(self.page_size, self.limit)

    def window(self) -> tuple[int, int]:
        """The (offset, size) of the next request."""
        size = self.page_size
        if self.limit is not None:
            size = min(size, self.limit)
        return self.offset, size

    def advance(self, received: int, total: int | None) -> int:
        """Record a page of ``received`` items and the server's total, if it sent one.

        Returns how many of the received items belong to the window (the rest are dropped).
        """
        _, asked = self.window()
        kept = min(received, asked)
        start = next_start(self.offset, asked, received, total)
        self.offset += kept
        if self.limit is not None:
            self.limit -= kept
        self.done = start is None or (self.limit is not None and self.limit <= 0)
        return kept
