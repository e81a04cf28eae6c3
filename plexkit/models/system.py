"""The server's upkeep and dashboard: butler tasks (``/butler``), the updater
(``/updater/status``), the devices that played (``/devices``) and the resource and bandwidth
statistics (``/statistics/resources``, ``/statistics/bandwidth``).

Each model's docstring names the payload its fields follow.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from plexkit.models import WIRE
from plexkit.models._display import Display
from plexkit.models._wire import sparse

__all__ = [
    "BandwidthSample",
    "ButlerTask",
    "Release",
    "ResourceSample",
    "SystemDevice",
    "UpdateStatus",
]


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ButlerTask(Display):
    """One scheduled maintenance task: ``name`` is what `Butler.run` takes, ``interval``
    is in days, ``schedule_randomized`` says whether it starts at a random time of the
    maintenance window. PMS sends ``title`` and ``description`` for a few tasks only.

    Follows the OpenAPI spec's ``butlerGetSlash`` example (22 tasks, root ``ButlerTasks``).
    """

    name: str
    title: str | None = None
    description: str | None = None
    interval: int | None = None
    enabled: bool | None = None
    schedule_randomized: bool | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Release(Display):
    """A PMS release the updater knows of. ``state`` is one of available, downloading,
    downloaded, installing, tonight, skipped, error, notify (it cannot be installed here,
    only announced) or done; ``added`` and ``fixed`` are the release notes, one change a line.
    ``download_url`` carries the caller's token as a query parameter: do not log it (the
    model's repr and pretty forms show it redacted).

    Follows the captures ``home-assistant-core/release_*.xml`` and the spec's
    ``updaterGetStatus`` example.
    """

    key: str | None = None
    version: str | None = None
    added: str | None = None
    fixed: str | None = None
    download_url: str | None = attrs.field(default=None, metadata={WIRE: "downloadURL"})
    state: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class UpdateStatus(Display):
    """What the updater found at its last check (``checked_at``): the ``releases`` it
    offers, whether this install can apply them itself (``can_install``; Windows and macOS
    usually can, Docker and NAS packages cannot) and ``status``, an error code (0 is none).

    Follows the captures ``home-assistant-core/release_new.xml``,
    ``release_new_not_updatable.xml`` and ``release_nochange.xml`` and the spec's
    ``updaterGetStatus`` example. With nothing newer, PMS lists the installed version.
    """

    can_install: bool | None = None
    checked_at: datetime | None = None
    download_url: str | None = attrs.field(default=None, metadata={WIRE: "downloadURL"})
    status: int | None = None
    auto_update_version: int | None = None
    releases: tuple[Release, ...] = attrs.field(default=(), metadata={WIRE: "Release"})

    @property
    def release(self) -> Release | None:
        """The release on offer (the first listed), or None when the server lists none."""
        return self.releases[0] if self.releases else None

    def newer_than(self, version: str) -> Release | None:
        """The release on offer if its version differs from ``version`` (the installed one,
        `ServerInfo.version`), else None: PMS lists the installed version when nothing is
        newer."""
        release = self.release
        if release is None or release.version in (None, "", version):
            return None
        return release


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ResourceSample(Display):
    """CPU and memory use at one moment (``at``), in percent: of the whole host and of the
    PMS process. ``timespan`` is the bin PMS used (6: seconds).

    Follows the capture ``python-plexapi/payloads.SERVER_RESOURCES.xml``
    (``StatisticsResources`` rows five seconds apart).
    """

    at: datetime | None = None
    timespan: int | None = None
    host_cpu_utilization: float | None = None
    process_cpu_utilization: float | None = None
    host_memory_utilization: float | None = None
    process_memory_utilization: float | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class BandwidthSample(Display):
    """The ``bytes`` one account streamed to one device in the time bin starting ``at``,
    over the local network (``lan``) or not. ``account_id`` is an `Account` id,
    ``device_id`` a `SystemDevice` id; ``timespan`` is the bin (1 months ... 6 seconds).

    No capture or spec example exists: the fields are python-plexapi's
    ``StatisticsBandwidth`` (attributes ``accountID``, ``deviceID``, ``timespan``, ``at``,
    ``lan``, ``bytes``).
    """

    account_id: int | None = None
    device_id: int | None = None
    timespan: int | None = None
    at: datetime | None = None
    lan: bool | None = None
    bytes: int | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class SystemDevice(Display):
    """A device that has played from this server: its ``id`` is the ``device_id`` of
    history entries and bandwidth rows (not plex.tv's device id).

    No capture or spec example exists: the fields are python-plexapi's ``SystemDevice``
    (attributes ``id``, ``name``, ``platform``, ``clientIdentifier``, ``createdAt``).
    """

    id: int
    name: str | None = None
    platform: str | None = None
    client_identifier: str | None = None
    created_at: datetime | None = None
