"""``/:/websockets/notifications`` pushes activity and timeline events like PMS."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from fake_helpers import shape_json
from httpx_ws import WebSocketUpgradeError, aconnect_ws, connect_ws

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
