"""The exact requests of the butler, updater, devices and statistics calls
(httpx.MockTransport), sync and async; starting a butler task is never repeated after a lost
answer, the idempotent writes and the reads are."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any, get_args
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from plexkit import AsyncPlexClient, PlexClient, PlexConfig
from plexkit._core.system import TIMESPANS
from plexkit.errors import TransportError
from plexkit.models import ButlerTask, SystemDevice
from plexkit.types import Timespan

SINCE = datetime(2024, 1, 1, tzinfo=timezone.utc)
UNTIL = datetime(2024, 2, 1, tzinfo=timezone.utc)
CONFIG = PlexConfig(base_url="http://pms.test:32400", token="t0ken", retry_backoff=0)


class Server:
    """Answers every request with an empty container and keeps what was sent."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        body = json.dumps({"MediaContainer": {"size": 0}}).encode()
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    def sent(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """Method, path and query pairs in order (raw, so ``at>`` shows as sent)."""
        return [
            (r.method, r.url.path, parse_qsl(urlsplit(str(r.url)).query, keep_blank_values=True))
            for r in self.requests
        ]


EXPECTED = [
    ("GET", "/butler", []),
    ("POST", "/butler/BackupDatabase", []),
    ("POST", "/butler/OptimizeDatabase", []),
    ("POST", "/butler", []),
    ("DELETE", "/butler/BackupDatabase", []),
    ("DELETE", "/butler", []),
    ("GET", "/updater/status", []),
    ("PUT", "/updater/check", [("download", "0")]),
    ("GET", "/updater/status", []),
    ("PUT", "/updater/check", [("download", "1")]),
    ("GET", "/updater/status", []),
    ("GET", "/devices", []),
    ("GET", "/statistics/resources", [("timespan", "6")]),
    ("GET", "/statistics/resources", [("timespan", "4")]),
    ("GET", "/statistics/bandwidth", [("timespan", "6")]),
    (
        "GET",
        "/statistics/bandwidth",
        [
            ("timespan", "3"),
            ("accountID", "1"),
            ("deviceID", "7"),
            ("lan", "0"),
            ("at>", str(int(SINCE.timestamp()))),
            ("at<", str(int(UNTIL.timestamp()))),
        ],
    ),
    ("GET", "/statistics/bandwidth", [("timespan", "1"), ("deviceID", "9")]),
]


def test_sync_requests() -> None:
    server = Server()
    with PlexClient(config=CONFIG, transport=httpx.MockTransport(server)) as plex:
        assert plex.butler.tasks() == ()
        plex.butler.run("BackupDatabase")
        plex.butler.run(ButlerTask(name="OptimizeDatabase"))
        plex.butler.run_all()
        plex.butler.stop(" BackupDatabase ")
        plex.butler.stop_all()
        assert plex.server.update_status().releases == ()
        plex.server.check_for_update()
        plex.server.check_for_update(download=True)
        assert plex.server.devices() == ()
        assert plex.statistics.resources() == ()
        plex.statistics.resources(timespan="hours")
        assert plex.statistics.bandwidth() == ()
        plex.statistics.bandwidth(
            timespan="days", account=1, device=7, lan=False, since=SINCE, until=UNTIL
        )
        plex.statistics.bandwidth(timespan="months", device=SystemDevice(id=9))
    assert server.sent() == EXPECTED
    assert all(r.headers["X-Plex-Token"] == "t0ken" for r in server.requests)


@pytest.mark.anyio
async def test_async_requests() -> None:
    server = Server()
    async with AsyncPlexClient(config=CONFIG, transport=httpx.MockTransport(server)) as plex:
        assert await plex.butler.tasks() == ()
        await plex.butler.run("BackupDatabase")
        await plex.butler.run(ButlerTask(name="OptimizeDatabase"))
        await plex.butler.run_all()
        await plex.butler.stop(" BackupDatabase ")
        await plex.butler.stop_all()
        assert (await plex.server.update_status()).releases == ()
        await plex.server.check_for_update()
        await plex.server.check_for_update(download=True)
        assert await plex.server.devices() == ()
        assert await plex.statistics.resources() == ()
        await plex.statistics.resources(timespan="hours")
        assert await plex.statistics.bandwidth() == ()
        await plex.statistics.bandwidth(
            timespan="days", account=1, device=7, lan=False, since=SINCE, until=UNTIL
        )
        await plex.statistics.bandwidth(timespan="months", device=SystemDevice(id=9))
    assert server.sent() == EXPECTED


def dropping(sent: list[str]) -> Callable[[httpx.Request], httpx.Response]:
    """The server applies every request, then the connection drops before the answer."""

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(f"{request.method} {request.url.path}")
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.")

    return handler


REPEATED: list[tuple[str, Callable[[Any], Any]]] = [
    ("butler.stop", lambda c: c.butler.stop("BackupDatabase")),
    ("butler.stop_all", lambda c: c.butler.stop_all()),
    ("server.check_for_update", lambda c: c.server.check_for_update()),
    ("statistics.bandwidth", lambda c: c.statistics.bandwidth()),
]


@pytest.mark.parametrize(("name", "call"), REPEATED, ids=[w[0] for w in REPEATED])
def test_idempotent_calls_are_retried_when_the_answer_is_lost(
    name: str, call: Callable[[Any], Any]
) -> None:
    sent: list[str] = []
    config = PlexConfig(base_url="http://pms.test:32400", token="t", retry_backoff=0, max_retries=2)
    with (
        PlexClient(config=config, transport=httpx.MockTransport(dropping(sent))) as plex,
        pytest.raises(TransportError),
    ):
        call(plex)
    assert len(sent) == 3, sent


# Starting a task (butler.run, run_all) is never repeated: it is in the table of writes of
# tests/hardening/test_hardening_retry_safety.py.


def test_every_timespan_name_has_its_pms_number() -> None:
    assert set(TIMESPANS) == set(get_args(Timespan))
    assert sorted(TIMESPANS.values()) == [1, 2, 3, 4, 6]


def test_with_a_cache_statistics_stay_live_and_lists_are_reused() -> None:
    server = Server()
    with PlexClient(config=CONFIG, transport=httpx.MockTransport(server), cache=True) as plex:
        for _ in range(2):
            plex.statistics.resources()
            plex.statistics.bandwidth()
            plex.server.update_status()
            plex.butler.tasks()
            plex.server.devices()
        plex.server.devices(cache="refresh")
    paths = [r.url.path for r in server.requests]
    assert paths.count("/statistics/resources") == 2
    assert paths.count("/statistics/bandwidth") == 2
    assert paths.count("/updater/status") == 2
    assert paths.count("/butler") == 1
    assert paths.count("/devices") == 2
