"""The butler, the updater, the devices and the dashboard statistics against the fake server,
on the sync client and the async one (asyncio and trio): what each call tells a user."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from either import resolve

from plexkit.errors import ConfigurationError, NotFoundError
from plexkit.models import BandwidthSample, ButlerTask, ResourceSample, SystemDevice
from plexkit.models.accounts import Account
from plexkit.testing import FakePlexServer

pytestmark = pytest.mark.anyio


async def test_butler_lists_the_tasks_and_starts_and_stops_them(
    client: Any, plex_server: FakePlexServer
) -> None:
    tasks = await resolve(client.butler.tasks())
    assert len(tasks) == 22 and all(isinstance(t, ButlerTask) for t in tasks)
    backup = await resolve(client.butler.get("BackupDatabase"))
    assert (backup.title, backup.interval, backup.enabled) == ("Backup Database", 3, True)
    assert backup.schedule_randomized is False
    assert backup.description and "backup" in backup.description
    plex_server.requests.clear()
    await resolve(client.butler.run("OptimizeDatabase"))
    await resolve(client.butler.run(backup))
    await resolve(client.butler.stop(backup))
    await resolve(client.butler.run_all())
    await resolve(client.butler.stop_all())
    assert [(r.method, r.path) for r in plex_server.requests] == [
        ("POST", "/butler/OptimizeDatabase"),
        ("POST", "/butler/BackupDatabase"),
        ("DELETE", "/butler/BackupDatabase"),
        ("POST", "/butler"),
        ("DELETE", "/butler"),
    ]


async def test_an_unknown_butler_task_is_the_servers_404(client: Any) -> None:
    with pytest.raises(NotFoundError) as run:
        await resolve(client.butler.run("DefragmentTheMoon"))
    assert run.value.status_code == 404 and run.value.method == "POST"
    with pytest.raises(NotFoundError):
        await resolve(client.butler.stop("DefragmentTheMoon"))
    with pytest.raises(NotFoundError, match="DefragmentTheMoon"):
        await resolve(client.butler.get("DefragmentTheMoon"))


async def test_the_updater_reports_the_installed_release_and_checks_again(
    client: Any, plex_server: FakePlexServer
) -> None:
    plex_server.library.clock = lambda: 1_700_000_000.0
    status = await resolve(client.server.update_status())
    version = (await resolve(client.server.info())).version
    assert status.can_install is False and status.status == 0
    assert status.checked_at == datetime.fromtimestamp(1_700_000_000, timezone.utc)
    assert status.release is not None and status.release.version == version
    assert status.release.state == "notify"
    assert status.newer_than(version) is None  # nothing newer than what runs
    assert status.newer_than("1.0.0") is status.release
    plex_server.library.clock = lambda: 1_700_000_600.0
    checked = await resolve(client.server.check_for_update(download=True))
    assert checked.checked_at == datetime.fromtimestamp(1_700_000_600, timezone.utc)
    assert plex_server.requests.matching("/updater/check")[-1].params == {"download": "1"}


async def test_devices_and_bandwidth_tie_up(client: Any, plex_server: FakePlexServer) -> None:
    devices = await resolve(client.server.devices())
    assert devices and all(isinstance(d, SystemDevice) for d in devices)
    assert all(d.name and d.client_identifier and d.created_at for d in devices)
    daily = await resolve(client.statistics.bandwidth(timespan="days"))
    assert daily and all(isinstance(b, BandwidthSample) for b in daily)
    assert {b.device_id for b in daily} <= {d.id for d in devices}
    hourly = await resolve(client.statistics.bandwidth(timespan="hours"))
    assert sum(b.bytes or 0 for b in hourly) == sum(b.bytes or 0 for b in daily)
    assert {b.timespan for b in hourly} == {4}

    device = next(d for d in devices if d.id == daily[0].device_id)
    by_device = await resolve(client.statistics.bandwidth(timespan="days", device=device))
    assert by_device == tuple(b for b in daily if b.device_id == device.id)
    account = Account(id=daily[0].account_id or 0)
    by_account = await resolve(client.statistics.bandwidth(timespan="days", account=account))
    assert by_account == tuple(b for b in daily if b.account_id == account.id)

    middle = daily[len(daily) // 2].at
    last = daily[-1].at
    assert middle is not None and last is not None
    window = await resolve(client.statistics.bandwidth(timespan="days", since=middle, until=last))
    assert window == tuple(b for b in daily if b.at is not None and middle <= b.at <= last)
    assert await resolve(client.statistics.bandwidth(timespan="days", lan=False)) == ()


async def test_resource_samples_are_typed_and_in_order(client: Any) -> None:
    samples = await resolve(client.statistics.resources())
    assert samples and all(isinstance(s, ResourceSample) for s in samples)
    times = [s.at for s in samples]
    assert times == sorted(times) and times[0] is not None and times[0].tzinfo is not None
    for sample in samples:
        for value in (
            sample.host_cpu_utilization,
            sample.process_cpu_utilization,
            sample.host_memory_utilization,
            sample.process_memory_utilization,
        ):
            assert isinstance(value, float) and 0 <= value <= 100


async def test_bad_input_is_refused_before_any_request(
    client: Any, plex_server: FakePlexServer
) -> None:
    plex_server.requests.clear()
    refused: list[Any] = [
        lambda: client.butler.run(""),
        lambda: client.butler.run("a/b"),
        lambda: client.butler.run(3),
        lambda: client.butler.stop("line\nbreak"),
        lambda: client.butler.get(None),
        lambda: client.server.check_for_update(download="yes"),
        lambda: client.statistics.resources(timespan="fortnights"),
        lambda: client.statistics.bandwidth(timespan=6),
        lambda: client.statistics.bandwidth(account=True),
        lambda: client.statistics.bandwidth(account=-1),
        lambda: client.statistics.bandwidth(device="Chrome"),
        lambda: client.statistics.bandwidth(lan="no"),
        lambda: client.statistics.bandwidth(since=datetime(2024, 1, 1)),
        lambda: client.statistics.bandwidth(until="2024-01-01"),
        lambda: client.statistics.bandwidth(
            since=datetime(2024, 2, 1, tzinfo=timezone.utc),
            until=datetime(2024, 1, 1, tzinfo=timezone.utc),
        ),
    ]
    for call in refused:
        with pytest.raises(ConfigurationError):
            await resolve(call())
    assert len(plex_server.requests) == 0
