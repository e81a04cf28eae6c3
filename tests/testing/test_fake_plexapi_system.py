"""python-plexapi against the fake on loopback: the server-level calls beyond the library
(related hubs, butler, updater, dashboard statistics, devices) and live TV's empty answers.
Each assertion is what a real PMS gives."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from plexkit.testing import FakePlexServer

SPEC_TASKS = Path(__file__).parent / "data/pms-openapi-examples/butlerGetSlash__200__tasks.json"

plexapi_server = pytest.importorskip("plexapi.server")
plexapi_exceptions = pytest.importorskip("plexapi.exceptions")
StatisticsBandwidth = plexapi_server.StatisticsBandwidth


@pytest.fixture(scope="module")
def running() -> Iterator[tuple[FakePlexServer, str]]:
    server = FakePlexServer(movies=30, shows=2, artists=1, photo_albums=1, history=40)
    with server.run_in_thread() as url:
        yield server, url


@pytest.fixture(scope="module")
def plex(running: tuple[FakePlexServer, str]) -> Any:
    server, url = running
    return plexapi_server.PlexServer(url, server.token)


def test_related_hubs_of_a_movie(plex: Any) -> None:
    movie = plex.library.section("Movies").all()[0]
    hubs = movie.hubs()
    assert hubs, "a generated movie shares genres with others"
    assert all(hub.size <= 6 for hub in hubs)  # PMS's default hub size
    by_id = {hub.hubIdentifier: hub for hub in hubs}
    similar = by_id["movie.similar"]
    genres = {g.tag for g in movie.genres}
    shown, more = similar.size, similar.more
    items = similar.items()  # with more=1, python-plexapi fetches the hub's key: all of them
    assert len(items) > shown if more else len(items) == shown
    assert movie.ratingKey not in [i.ratingKey for i in items]
    for item in items:
        assert genres & {g.tag for g in plex.fetchItem(item.ratingKey).genres}
    director = movie.directors[0].tag
    if "movie.by.director" in by_id:
        for item in by_id["movie.by.director"].items():
            assert director in [d.tag for d in plex.fetchItem(item.ratingKey).directors]


def test_related_hubs_of_a_show_and_of_nothing(
    plex: Any, running: tuple[FakePlexServer, str]
) -> None:
    shows = plex.library.section("TV Shows").all()
    hubs = shows[0].hubs()
    assert all(h.type == "show" for h in hubs)
    assert all(i.ratingKey != shows[0].ratingKey for h in hubs for i in h.items())
    server, url = running
    photo = next(n for n in server.library.nodes.values() if n.kind == "photo")
    with httpx.Client(base_url=url, headers={"X-Plex-Token": server.token}) as http:
        untagged = http.get(f"/library/metadata/{photo.rating_key}/related")
        assert untagged.status_code == 200 and 'size="0"' in untagged.text
        assert http.get("/library/metadata/999999/related").status_code == 404
        key = shows[0].ratingKey
        alias = http.get(f"/hubs/metadata/{key}/related")  # the spec's path for the same hubs
        assert alias.text == http.get(f"/library/metadata/{key}/related").text


def test_butler_tasks_and_running_one(plex: Any) -> None:
    tasks = plex.butlerTasks()
    spec = json.loads(SPEC_TASKS.read_text())["ButlerTasks"]["ButlerTask"]
    assert [t.name for t in tasks] == [t["name"] for t in spec]
    backup = next(t for t in tasks if t.name == "BackupDatabase")
    assert (backup.interval, backup.enabled, backup.title) == (3, True, "Backup Database")
    assert plex.runButlerTask("BackupDatabase") is plex
    with pytest.raises(plexapi_exceptions.BadRequest):
        plex.runButlerTask("NoSuchTask")  # checked against butlerTasks() by python-plexapi


def test_butler_task_start_stop_over_http(running: tuple[FakePlexServer, str]) -> None:
    server, url = running
    with httpx.Client(base_url=url, headers={"X-Plex-Token": server.token}) as http:
        assert http.post("/butler/OptimizeDatabase").status_code == 200
        assert http.put("/butler/OptimizeDatabase").status_code == 200
        assert http.delete("/butler/OptimizeDatabase").status_code == 200
        assert http.post("/butler/Nope").status_code == 404
        assert http.post("/butler").status_code == 200
        assert http.delete("/butler").status_code == 200


def test_updater_reports_the_installed_release(plex: Any) -> None:
    release = plex.checkForUpdate()  # PUT /updater/check, then GET /updater/status
    assert release is not None and release.version == plex.version
    assert release.state == "notify"
    assert plex.canInstallUpdate() is False
    checked = plex.query("/updater/status").attrib["checkedAt"]
    assert int(checked) > 0


def test_resources_statistics(plex: Any) -> None:
    rows = plex.resources()
    assert len(rows) >= 3
    assert all(r.timespan == 6 for r in rows)
    times = [r.at for r in rows]
    assert times == sorted(times) and times[1] - times[0] == datetime.timedelta(seconds=5)
    assert all(0 <= r.hostCpuUtilization <= 100 for r in rows)
    assert all(0 < r.processMemoryUtilization < r.hostMemoryUtilization for r in rows)


def test_devices(plex: Any) -> None:
    devices = plex.systemDevices()
    assert [d.id for d in devices] == list(range(1, len(devices) + 1))
    assert all(d.name and d.platform and d.clientIdentifier for d in devices)
    assert all(isinstance(d.createdAt, datetime.datetime) for d in devices)
    assert plex.systemDevice(2).name == devices[1].name


def test_bandwidth_follows_history_and_filters(plex: Any) -> None:
    everything = plex.bandwidth()
    assert everything and all(row.timespan == 6 for row in everything)
    history = plex.history()
    assert {(r.accountID, r.deviceID) for r in everything} == {
        (h.accountID, h.deviceID) for h in history
    }
    days = plex.bandwidth(timespan="days")
    assert all(row.at.timestamp() % 86400 == 0 for row in days)
    assert sum(r.bytes for r in days) == sum(r.bytes for r in everything)
    row = days[0]
    assert row.account().id == row.accountID and row.device().id == row.deviceID
    device = plex.bandwidth(deviceID=row.deviceID)
    assert device and {r.deviceID for r in device} == {row.deviceID}
    # bandwidth(accountID=) asks plex.tv who the owner is; the filter itself is the same query
    mine = plex.fetchItems(
        f"/statistics/bandwidth?timespan=6&accountID={row.accountID}", StatisticsBandwidth
    )
    assert mine and {r.accountID for r in mine} == {row.accountID}
    middle = sorted(r.at for r in everything)[len(everything) // 2]
    later = plex.bandwidth(**{"at>": middle})
    assert later and all(r.at >= middle for r in later)
    big = plex.bandwidth(**{"bytes>": row.bytes})
    assert all(r.bytes >= row.bytes for r in big)
    with pytest.raises(plexapi_exceptions.BadRequest):
        plex.query("/statistics/bandwidth?timespan=5")


def test_live_tv_without_a_tuner(running: tuple[FakePlexServer, str]) -> None:
    server, url = running
    with httpx.Client(base_url=url, headers={"X-Plex-Token": server.token}) as http:
        for path in ("/livetv/dvrs", "/livetv/sessions"):
            answer = http.get(path, headers={"Accept": "application/json"})
            assert answer.status_code == 200
            assert answer.json() == {"MediaContainer": {"size": 0}}
