"""Path scans of one client are requested one at a time: each is acknowledged (and its wait
registered) before the next is sent, so the server starts the scans in the order the waits
were registered, which is how waits are matched to activities that do not name their path.
A transport that holds back the first acknowledgement shows it: the second scan is not sent
until the first one is answered."""

from __future__ import annotations

import anyio
import httpx
import pytest

from plexkit import AsyncPlexClient
from plexkit.testing import FakePlexServer
from plexkit.testing.disk import disk_of

pytestmark = pytest.mark.anyio

MOVIES = "/data/media/movies"
HEAT, RONIN = f"{MOVIES}/Heat (1995)", f"{MOVIES}/Ronin (1998)"


class HoldFirstScanAnswer(httpx.AsyncBaseTransport):
    """The fake app in-process; the answer to the first path scan request is held back for
    a while after the app handled it, and every scan request and answer is logged."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.log: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.params.get("path")
        if not request.url.path.endswith("/refresh") or path is None:
            return await self.inner.handle_async_request(request)
        name = path.rsplit("/", 1)[-1]
        first = not self.log
        self.log.append(f"sent {name}")
        response = await self.inner.handle_async_request(request)
        if first:
            await anyio.sleep(0.3)  # another scan sent meanwhile would be started second...
        self.log.append(f"answered {name}")  # ...yet acknowledged first
        return response


async def test_a_second_path_scan_waits_for_the_first_acknowledgement(anyio_backend: str) -> None:
    server = FakePlexServer()
    disk = disk_of(server.library)
    disk.add_movie(f"{HEAT}/Heat (1995).mkv", "Heat", 1995)
    disk.add_movie(f"{RONIN}/Ronin (1998).mkv", "Ronin", 1998)
    server.library.scans.duration = 1.0  # still running when the held answer arrives
    transport = HoldFirstScanAnswer(server.asgi_transport())
    results = {}
    async with AsyncPlexClient(
        "http://plex.test:32400", token=server.token, transport=transport
    ) as plex:

        async def scan(path: str) -> None:
            results[path] = await plex.library.refresh_and_wait(
                1, path=path, use_websocket=False, poll_interval=0.02, timeout=20
            )

        async with anyio.create_task_group() as tg:
            tg.start_soon(scan, HEAT)
            await anyio.sleep(0.05)
            tg.start_soon(scan, RONIN)
    assert transport.log == [
        "sent Heat (1995)",
        "answered Heat (1995)",
        "sent Ronin (1998)",
        "answered Ronin (1998)",
    ]
    uuids = {s.path: s.activity["uuid"] for s in server.library.scans.completed}
    assert results[HEAT].activities == (uuids[HEAT],)
    assert results[RONIN].activities == (uuids[RONIN],)
