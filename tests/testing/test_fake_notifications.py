"""``/:/websockets/notifications`` pushes activity and timeline events like PMS."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from fake_helpers import shape_json
from httpx_ws import WebSocketDisconnect, WebSocketUpgradeError, aconnect_ws, connect_ws

from plexkit.testing import FakePlexServer

CAPTURE = Path(__file__).parent / "data" / "PlexTraktSync" / "events-played.json"


@pytest.fixture
def quick(fake: FakePlexServer) -> FakePlexServer:
    fake.library.scans.duration = 0.1
    return fake


async def next_event(ws: Any) -> dict[str, Any]:
    message = json.loads(await ws.receive_text())
    return message["NotificationContainer"]  # type: ignore[no-any-return]


@pytest.mark.anyio
async def test_a_scan_is_announced_from_start_to_end(quick: FakePlexServer) -> None:
    async with (
        httpx.AsyncClient(
            transport=quick.websocket_transport(),
            base_url="http://plex",
            headers={"X-Plex-Token": quick.token},
        ) as client,
        aconnect_ws("/:/websockets/notifications", client) as ws,
    ):
        await client.get("/library/sections/1/refresh")
        events: list[dict[str, Any]] = []
        with anyio.fail_after(10):
            while not events or events[-1]["ActivityNotification"][0]["event"] != "ended":
                events.append(await next_event(ws))
        await client.put("/library/metadata/1", params={"title.value": "Renamed"})
        with anyio.fail_after(10):
            timeline = await next_event(ws)
    notes = [e["ActivityNotification"][0] for e in events]
    assert notes[0]["event"] == "started" and notes[-1]["event"] == "ended"
    assert {n["event"] for n in notes[1:-1]} <= {"updated"}
    progress = [n["Activity"]["progress"] for n in notes]
    assert progress == sorted(progress) and progress[-1] == 100
    assert all(n["Activity"]["type"] == "library.update.section" for n in notes)
    entry = timeline["TimelineEntry"][0]
    assert (timeline["type"], entry["itemID"], entry["title"]) == ("timeline", "1", "Renamed")
    real = shape_json(json.loads(CAPTURE.read_text()))
    ours = shape_json(events)
    for element in ("MediaContainer", "ActivityNotification", "Activity"):
        assert real[element] <= ours[element], element


def test_notifications_on_loopback_need_a_token(loopback: str, quick: FakePlexServer) -> None:
    with httpx.Client(base_url=loopback, headers={"X-Plex-Token": quick.token}) as client:
        with connect_ws("/:/websockets/notifications", client) as ws:
            client.get("/library/sections/2/refresh")
            message = json.loads(ws.receive_text(timeout=10))
        assert message["NotificationContainer"]["ActivityNotification"][0]["event"] == "started"
        with (
            pytest.raises(WebSocketUpgradeError),
            connect_ws(f"{loopback}/:/websockets/notifications", httpx.Client()),
        ):
            pass


WS = "/:/websockets/notifications"


@pytest.fixture
async def wsclient(quick: FakePlexServer, anyio_backend: str) -> Any:
    async with httpx.AsyncClient(
        transport=quick.websocket_transport(),
        base_url="http://plex",
        headers={"X-Plex-Token": quick.token},
    ) as client:
        yield client


async def wait_until(condition: Any) -> None:
    with anyio.fail_after(10):
        while not condition():  # noqa: ASYNC110 - the server may run in another thread
            await anyio.sleep(0.01)


@pytest.mark.anyio
async def test_drop_websockets_closes_open_connections(
    quick: FakePlexServer, wsclient: httpx.AsyncClient
) -> None:
    library = quick.library
    movie = library.items(library.sections[1], 1)[0]
    assert quick.drop_websockets() == 0
    async with aconnect_ws(WS, wsclient) as ws:
        library.edit(movie, [("title.value", "Before")])
        with anyio.fail_after(10):
            assert (await next_event(ws))["TimelineEntry"][0]["title"] == "Before"
        assert len(quick.websockets) == 1
        assert quick.drop_websockets() == 1
        library.edit(movie, [("title.value", "Lost")])  # published after the drop: never sent
        with anyio.fail_after(10), pytest.raises(WebSocketDisconnect) as closed:
            await ws.receive_text()
        assert closed.value.code == 1011
    await wait_until(lambda: len(quick.websockets) == 0)
    async with aconnect_ws(WS, wsclient) as again:  # new connections are welcome
        library.edit(movie, [("title.value", "After")])
        with anyio.fail_after(10):
            assert (await next_event(again))["TimelineEntry"][0]["title"] == "After"
    assert quick.websockets.drops == 1


@pytest.mark.anyio
async def test_websocket_faults_in_process(
    quick: FakePlexServer, wsclient: httpx.AsyncClient
) -> None:
    status = quick.faults.add(path=WS, status=503, times=1)
    drop = quick.faults.add(path=WS, drop=True, times=1)
    truncate = quick.faults.add(path=WS, truncate=True, times=1)
    with pytest.raises(WebSocketUpgradeError) as refused:
        async with aconnect_ws(WS, wsclient):
            pass
    assert refused.value.response.status_code == 503
    assert "Service Unavailable" in refused.value.response.text
    with pytest.raises(WebSocketDisconnect) as dropped:
        async with aconnect_ws(WS, wsclient):
            pass
    assert dropped.value.code == 1011
    async with aconnect_ws(WS, wsclient) as cut:  # accepted, then closed at once
        with anyio.fail_after(10), pytest.raises(WebSocketDisconnect) as closed:
            await cut.receive_text()
    assert closed.value.code == 1011
    assert (status.hits, drop.hits, truncate.hits) == (1, 1, 1)
    quick.faults.add(path=WS, malformed=True, times=1)
    async with aconnect_ws(WS, wsclient) as garbled:
        await wsclient.get("/library/sections/1/refresh")
        with anyio.fail_after(10):
            frame = await garbled.receive_text()
    assert frame.endswith("\x00")
    with pytest.raises(json.JSONDecodeError):
        json.loads(frame)


class Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def server_errors() -> Iterator[Errors]:
    """Errors uvicorn logs (tracebacks from the app, broken handshakes)."""
    handler = Errors()
    logger = logging.getLogger("uvicorn.error")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


def test_websocket_faults_on_loopback(
    loopback: str, quick: FakePlexServer, server_errors: Errors
) -> None:
    quick.faults.add(path=WS, status=503, times=1)
    quick.faults.add(path=WS, drop=True, times=1)
    quick.faults.add(path=WS, hang=True, times=1)
    with httpx.Client(base_url=loopback, headers={"X-Plex-Token": quick.token}) as client:
        with pytest.raises(WebSocketUpgradeError) as refused, connect_ws(WS, client):
            pass
        assert refused.value.response.status_code == 503
        with pytest.raises(httpx.RemoteProtocolError), connect_ws(WS, client):
            pass
        with pytest.raises(httpx.ReadTimeout), connect_ws(WS, client, timeout=0.2):
            pass
        with connect_ws(WS, client) as ws:
            client.get("/library/sections/2/refresh")
            assert json.loads(ws.receive_text(timeout=10))["NotificationContainer"]
            assert quick.drop_websockets() == 1
            with pytest.raises(WebSocketDisconnect) as closed:
                while True:
                    ws.receive_text(timeout=10)
            assert closed.value.code == 1011
    assert [r.getMessage() for r in server_errors.records] == []
