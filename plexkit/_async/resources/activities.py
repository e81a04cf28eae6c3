"""Server activities: list, cancel and watch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit._async.resources._base import Resource, not_found
from plexkit._core import endpoints
from plexkit._core.checks import check_name
from plexkit.models import activities_from

if TYPE_CHECKING:
    from plexkit.models import Activity
    from plexkit.resources import AsyncActivityWatch
    from plexkit.types import CacheMode

__all__ = ["AsyncActivities"]


class AsyncActivities(Resource):
    """Server activities: scans, analysis, downloads."""

    async def list(
        self, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Activity, ...]:
        """The activities running now, with their progress."""
        data, _ = await self._client.get_data(endpoints.activities(), cache=cache, ttl=ttl)
        return activities_from(data)

    async def cancel(self, uuid: str) -> None:
        """Cancel a cancellable activity."""
        await self._client.request(endpoints.cancel_activity(uuid))

    async def get(self, uuid: str) -> Activity:
        """One running activity by uuid; one that is not (or no longer) running is a
        `NotFoundError`, as every lookup by key is."""
        uuid = check_name(uuid, "uuid")
        for activity in await self.list(cache=False):
            if activity.uuid == uuid:
                return activity
        raise not_found(f"no running activity {uuid!r}", "/activities")

    def watch(
        self,
        uuid: str | Activity,
        *,
        poll_interval: float = 1.0,
        timeout: float | None = None,
        use_websocket: bool = True,
    ) -> AsyncActivityWatch:
        """Progress updates of one activity until it ends (an async iterator of
        `Activity`): ``async for a in plex.activities.watch(uuid)`` polls; inside
        ``async with plex.activities.watch(uuid) as updates`` websocket notifications are
        followed. A cancelled or finished activity ends the iteration."""
        from plexkit._async.scans import AsyncActivityWatch
        from plexkit.models import Activity

        if isinstance(uuid, Activity):
            uuid = uuid.uuid
        return AsyncActivityWatch(
            self._client,
            uuid,
            poll_interval=poll_interval,
            timeout=timeout,
            use_websocket=use_websocket,
        )
