"""The dashboard's statistics: CPU and memory samples (``/statistics/resources``) and
bandwidth per account and device (``/statistics/bandwidth``). Live data, never cached."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from plexkit._async.resources._base import Resource, children_of
from plexkit._core import system
from plexkit.errors import ConfigurationError
from plexkit.models import structure

if TYPE_CHECKING:
    from plexkit.models import BandwidthSample, ResourceSample, SystemDevice
    from plexkit.models.accounts import Account
    from plexkit.types import Timespan

__all__ = ["AsyncStatistics"]


def _id_of(value: object, model: type, what: str) -> int | None:
    """The id of an `Account`/`SystemDevice` given as a model or an int (None: any)."""
    if isinstance(value, model):
        found = getattr(value, "id", None)
        if not isinstance(found, int):
            raise ConfigurationError(f"the {what} given has no id")
        return found
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise ConfigurationError(
        f"{what} must be an id or a {model.__name__}, not {type(value).__name__}"
    )


class AsyncStatistics(Resource):
    """What Plex Web's dashboard graphs: server load and bandwidth."""

    async def resources(self, *, timespan: Timespan = "seconds") -> tuple[ResourceSample, ...]:
        """Host and PMS CPU and memory use in percent, oldest first: the recent samples
        PMS keeps, a few seconds apart."""
        from plexkit.models import ResourceSample

        data, _ = await self._client.get_data(system.resources(timespan=timespan))
        return tuple(structure(e, ResourceSample) for e in children_of(data, "StatisticsResources"))

    async def bandwidth(
        self,
        *,
        timespan: Timespan = "seconds",
        account: int | Account | None = None,
        device: int | SystemDevice | None = None,
        lan: bool | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> tuple[BandwidthSample, ...]:
        """Bytes streamed per account, device and ``timespan`` bin: of one ``account``
        (an id or `Account`; 1 is the owner) or ``device`` (an id or `SystemDevice`), only
        local (``lan=True``) or remote (``False``) traffic, in bins from ``since`` to
        ``until`` (aware datetimes, both inclusive)."""
        from plexkit.models import BandwidthSample, SystemDevice
        from plexkit.models.accounts import Account

        spec = system.bandwidth(
            timespan=timespan,
            account_id=_id_of(account, Account, "account"),
            device_id=_id_of(device, SystemDevice, "device"),
            lan=lan,
            since=since,
            until=until,
        )
        data, _ = await self._client.get_data(spec)
        return tuple(
            structure(e, BandwidthSample) for e in children_of(data, "StatisticsBandwidth")
        )
