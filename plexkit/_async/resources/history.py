"""Watch history across users: one page (``list``) or every entry (``iter``)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
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
        spec = await self._spec(account_id, section_key, rating_key, since)
        return await read_page(self._client, spec, offset, limit, cache, ttl, _entries)

    async def iter(
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

        Pages are not cached unless ``cache=True`` is passed.
        """
        check_walk(page_size, limit)
        self._check_read(cache)
        spec = await self._spec(account_id, section_key, rating_key, since)
        async for entry in read_all(self._client, spec, page_size, limit, cache, _entries):
            yield entry

    async def _spec(
        self,
        account_id: int | None,
        section: SectionRef | None,
        rating_key: ItemRef | None,
        since: datetime | None,
    ) -> endpoints.RequestSpec:
        """The history request, every filter checked before a section title is looked up."""
        item = None if rating_key is None else rating_key_of(rating_key)
        return await self._maybe_section_spec(
            section,
            lambda key: endpoints.history(
                account_id=account_id, section_key=key, rating_key=item, since=since
            ),
        )
