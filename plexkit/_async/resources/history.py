"""Watch history across users: one page (``list``) or every entry (``iter``)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from plexkit._async.resources._base import DEFAULT_PAGE_SIZE, Resource
from plexkit._async.resources.paging import read_all, read_page
from plexkit._core import endpoints
from plexkit._core.paging import check_page, check_walk
from plexkit._core.refs import rating_key_of
from plexkit.errors import ConfigurationError
from plexkit.models import history_from
from plexkit.types import ItemRef, SectionRef

if TYPE_CHECKING:
    from plexkit import AsyncPage
    from plexkit.models import HistoryEntry
    from plexkit.types import CacheMode

__all__ = ["AsyncHistory"]


def _entries(data: Mapping[str, Any], kept: int) -> tuple[HistoryEntry, ...]:
    return history_from(data)[:kept]


class AsyncHistory(Resource):
    """Watch history across users, newest first."""

    async def list(
        self,
        *,
        limit: int = 100,
        offset: int = 0,
        account_id: int | None = None,
        section_key: SectionRef | None = None,
        rating_key: ItemRef | None = None,
        since: datetime | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> AsyncPage[HistoryEntry]:
        """One page of history entries (``limit``/``offset`` map to X-Plex-Container-*);
        ``await page.next()`` reads the page after it with the same filters, `iter` every
        page."""
        if limit is None:
            raise ConfigurationError("history.list() reads one page; history.iter() reads all")
        check_page(offset, limit)
        self._check_read(cache, ttl)
        build = _request(account_id, rating_key, since)
        spec = await self._maybe_section_spec(section_key, build)
        return await read_page(self._client, spec, offset, limit, cache, ttl, _entries)

    def iter(
        self,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        limit: int | None = None,
        account_id: int | None = None,
        section_key: SectionRef | None = None,
        rating_key: ItemRef | None = None,
        since: datetime | None = None,
        cache: CacheMode = False,
    ) -> AsyncIterator[HistoryEntry]:
        """Every history entry (at most ``limit``), fetched page by page as `iter_items` is.

        Pages are not cached unless ``cache=True`` is passed. Bad arguments are refused by
        the call itself, before it returns the iterator.
        """
        check_walk(page_size, limit)
        self._check_read(cache)
        build = _request(account_id, rating_key, since)
        self._check_maybe_spec(section_key, build)
        return read_all(
            self._client,
            lambda: self._maybe_section_spec(section_key, build),
            page_size,
            limit,
            cache,
            _entries,
        )


def _request(
    account_id: int | None, rating_key: ItemRef | None, since: datetime | None
) -> Callable[[str | None], endpoints.RequestSpec]:
    """The history request for a section key (or None); building it checks every filter."""
    item = None if rating_key is None else rating_key_of(rating_key)
    return lambda key: endpoints.history(
        account_id=account_id, section_key=key, rating_key=item, since=since
    )
