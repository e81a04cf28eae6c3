"""The butler, updater, statistics and device models read real payloads: the Home Assistant
updater captures and python-plexapi's resource samples (XML), the OpenAPI spec's butler and
updater examples (JSON), each also in the other dialect; and the fake's JSON and XML answers
give equal models where no capture exists (devices, bandwidth)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest
from models_data import capture, json_to_xml, spec_example, xml_to_json

from plexkit import PlexClient, PlexConfig
from plexkit.models import (
    ButlerTask,
    Release,
    ResourceSample,
    UpdateStatus,
    decode_body,
    structure,
)
from plexkit.testing import FakePlexServer

CHECKED_AT = datetime.fromtimestamp(1696794052, timezone.utc)


def samples(raw: bytes) -> tuple[ResourceSample, ...]:
    data = decode_body(raw)
    return tuple(structure(e, ResourceSample) for e in data["StatisticsResources"])


def tasks(raw: bytes) -> tuple[ButlerTask, ...]:
    return tuple(structure(e, ButlerTask) for e in decode_body(raw)["ButlerTask"])


@pytest.mark.parametrize(
    ("name", "can_install", "version"),
    [
        ("release_new.xml", True, "1.50.0"),
        ("release_new_not_updatable.xml", False, "1.50.0"),
        ("release_nochange.xml", False, "1.20.4.3517-ab5e1197c"),
    ],
)
def test_home_assistant_updater_captures(name: str, can_install: bool, version: str) -> None:
    raw = capture(f"home-assistant-core/{name}")
    status = structure(decode_body(raw), UpdateStatus)
    assert status.can_install is can_install and status.status == 0
    assert status.checked_at == CHECKED_AT
    assert status.download_url and status.download_url.startswith("https://plex.tv/downloads/")
    assert status.release is not None
    assert (status.release.version, status.release.state) == (version, "notify")
    as_json = json.dumps({"MediaContainer": xml_to_json(raw)["MediaContainer"]})
    assert structure(decode_body(as_json), UpdateStatus) == status


def test_release_notes_keep_their_line_breaks() -> None:
    status = structure(decode_body(capture("home-assistant-core/release_new.xml")), UpdateStatus)
    assert status.release == Release(
        key="https://plex.tv/updater/releases/9999",
        version="1.50.0",
        added="",
        fixed="Summary of\nrelease notes",
        download_url=status.download_url,
        state="notify",
    )
    assert status.newer_than("1.20.4.3517-ab5e1197c") is status.release
    assert status.newer_than("1.50.0") is None


def test_spec_updater_example_in_json_and_xml() -> None:
    raw = spec_example("updaterGetStatus__200__status.json")
    status = structure(decode_body(raw), UpdateStatus)
    assert status.can_install is True and status.auto_update_version == 1
    assert status.checked_at == datetime.fromtimestamp(1715109491, timezone.utc)
    release = status.release
    assert release is not None and release.state == "available"
    assert release.version == "1.40.2.8395-c67dce28e"
    assert release.fixed and len(release.fixed.splitlines()) == 13
    assert release.added and release.added.startswith("(PLEASE NOTE)")
    xml = json_to_xml(json.loads(raw)["MediaContainer"])
    assert structure(decode_body(xml), UpdateStatus) == status


def test_spec_butler_example_in_json_and_xml() -> None:
    raw = spec_example("butlerGetSlash__200__tasks.json")
    found = tasks(raw)
    assert len(found) == 22 and found[0].name == "AutomaticUpdates"
    assert found[0].enabled is False and found[0].interval == 1
    assert found[0].title is None
    backup = next(t for t in found if t.name == "BackupDatabase")
    assert (backup.title, backup.interval, backup.schedule_randomized) == (
        "Backup Database",
        3,
        False,
    )
    credits = next(t for t in found if t.name == "ButlerTaskGenerateCreditsMarkers")
    assert credits.schedule_randomized is True
    xml = json_to_xml(json.loads(raw)["ButlerTasks"]).replace(b"MediaContainer", b"ButlerTasks")
    assert xml.startswith(b"<ButlerTasks>")
    assert tasks(xml) == found


def test_python_plexapi_resource_samples() -> None:
    raw = capture("python-plexapi/payloads.SERVER_RESOURCES.xml")
    found = samples(raw)
    assert [s.at for s in found] == [
        datetime.fromtimestamp(t, timezone.utc) for t in (1609708609, 1609708614, 1609708619)
    ]
    assert found[0] == ResourceSample(
        at=found[0].at,
        timespan=6,
        host_cpu_utilization=0.0,
        process_cpu_utilization=0.207,
        host_memory_utilization=64.946,
        process_memory_utilization=3.665,
    )
    assert found[2].host_cpu_utilization == 10.0
    as_json = json.dumps({"MediaContainer": xml_to_json(raw)["MediaContainer"]})
    assert samples(as_json.encode()) == found


def _read_all(plex: PlexClient) -> tuple[Any, ...]:
    return (
        plex.butler.tasks(),
        plex.server.update_status(),
        plex.server.devices(),
        plex.statistics.resources(),
        plex.statistics.bandwidth(timespan="days"),
    )


def test_the_fakes_json_and_xml_give_equal_models() -> None:
    fake = FakePlexServer()
    fake.library.clock = lambda: 1_700_000_000.0  # the same samples for both reads
    answers = []
    with fake.run_in_thread() as url:
        for accept in ("application/json", "application/xml"):
            config = PlexConfig(base_url=url, token=fake.token, accept=accept)
            with PlexClient(config=config) as plex:
                answers.append(_read_all(plex))
    assert answers[0] == answers[1]
    assert all(answers[0])  # every call read something
