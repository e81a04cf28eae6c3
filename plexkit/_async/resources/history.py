"""Watch history across users."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from plexkit._async.resources._base import DEFAULT_PAGE_SIZE, Resource
from plexkit._core import endpoints
from plexkit._core.paging import PageCursor, total_from
from plexkit.models import history_from, paging_from

if TYPE_CHECKING:
    from plexkit._async.client import CacheMode
    from plexkit.models import HistoryEntry

__all__ = ["AsyncHistory"]


class AsyncHistory(Resource):
    """Watch history across users."""

    async def list(
        self,
        *,
        limit: int | None = 100,
        offset: int = 0,
        account_id: int | None = None,
        section_key: str | int | None = None,
        rating_key: str | int | None = None,
        since: datetime | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> tuple[HistoryEntry, ...]:
        """History entries, newest first; ``limit=None`` reads every page."""
        spec = endpoints.history(
            account_id=account_id, section_key=section_key, rating_key=rating_key, since=since
        )
        cursor = PageCursor(page_size=DEFAULT_PAGE_SIZE, offset=offset, limit=limit)
        entries: list[HistoryEntry] = []
        while not cursor.done:
            start, size = cursor.window()
            data, response = await self._client.get_data(
                spec.with_window(start, size), cache=cache, ttl=ttl
            )
            page = history_from(data)
            _, body_total = paging_from(data)
            cursor.advance(len(page), total_from(body_total, response.headers))
            entries.extend(page)
        return tuple(entries)
