"""Section refreshes run as activities that progress with the (fake) clock."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fake_helpers import load_json

from plexkit.testing import FakeLibrary, FakePlexServer

pytestmark = pytest.mark.anyio
JSON = {"Accept": "application/json"}


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def server(clock: Clock) -> FakePlexServer:
    library = FakeLibrary.generate(0, movies=5, shows=1, artists=1, photo_albums=1, clock=clock)
    return FakePlexServer(library)


@pytest.fixture
async def plex(server: FakePlexServer, anyio_backend: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=server.asgi_transport(),
        base_url="http://plex",
        headers={"X-Plex-Token": server.token, **JSON},
    ) as client:
        yield client


async def activities(plex: httpx.AsyncClient) -> list[dict[str, object]]:
    return load_json((await plex.get("/activities")).content).get("Activity", [])  # type: ignore[no-any-return]


async def refreshing(plex: httpx.AsyncClient) -> dict[str, bool]:
    mc = load_json((await plex.get("/library/sections")).content)
    return {d["title"]: d["refreshing"] for d in mc["Directory"]}


async def test_a_scan_progresses_and_finishes(
    plex: httpx.AsyncClient, server: FakePlexServer, clock: Clock
) -> None:
    assert (await plex.get("/library/sections/1/refresh")).status_code == 200
    [scan] = await activities(plex)
    assert scan["type"] == "library.update.section" and scan["progress"] == 0
    assert scan["Context"] == {"librarySectionID": "1"} and scan["title"] == "Scanning Movies"
    assert (await refreshing(plex))["Movies"] is True
    clock.now += 0.5
    assert (await activities(plex))[0]["progress"] == 50
    clock.now += 0.6
    assert await activities(plex) == []
    assert (await refreshing(plex))["Movies"] is False
    section = load_json((await plex.get("/library/sections")).content)["Directory"][0]
    assert section["scannedAt"] == int(clock.now)
    assert [s.section.key for s in server.library.scans.completed] == [1]


async def test_a_path_scan_is_an_update_of_its_section(plex: httpx.AsyncClient) -> None:
    await plex.post("/library/sections/2/refresh", params={"path": "/data/media/tv/Show"})
    [scan] = await activities(plex)
    assert scan["type"] == "library.update.section" and scan["title"] == "Scanning TV Shows"
    assert scan["Context"] == {"librarySectionID": "2"}  # like PMS, nothing names the path


async def test_cancelling_stops_the_scan(plex: httpx.AsyncClient) -> None:
    await plex.get("/library/sections/1/refresh")
    assert (await plex.delete("/library/sections/1/refresh")).status_code == 200
    assert await activities(plex) == [] and (await refreshing(plex))["Movies"] is False
    await plex.get("/library/sections/1/refresh")
    [scan] = await activities(plex)
    assert (await plex.delete(f"/activities/{scan['uuid']}")).status_code == 200
    assert (await refreshing(plex))["Movies"] is False


async def test_refresh_all_and_unknown_sections(plex: httpx.AsyncClient) -> None:
    await plex.get("/library/sections/all/refresh")
    assert len(await activities(plex)) == 4
    assert (await plex.get("/library/sections/99/refresh")).status_code == 404


MOVIES = "/data/media/movies"


def titles(server: FakePlexServer, section: int = 1, type_number: int = 1) -> set[str]:
    library = server.library
    return {str(n.data["title"]) for n in library.items(library.sections[section], type_number)}


def events_since(server: FakePlexServer, cursor: int) -> list[tuple[str, str]]:
    """``(type, what)`` of each notification after ``cursor``: the activity event or the
    timeline entry's title."""
    out = []
    for _, event in server.library.notifier.since(cursor):
        if event["type"] == "activity":
            out.append(("activity", event["ActivityNotification"][0]["event"]))
        else:
            out.append((event["type"], event["TimelineEntry"][0]["title"]))
    return out


async def test_new_files_are_imported_when_the_scan_ends(
    plex: httpx.AsyncClient, server: FakePlexServer, clock: Clock
) -> None:
    heat = server.disk.add_movie(f"{MOVIES}/Heat (1995)/Heat (1995).mkv", "Heat", 1995)
    ronin = server.disk.add_movie(f"{MOVIES}/Ronin (1998)/Ronin (1998).mkv", "Ronin", 1998)
    before = titles(server)
    cursor = server.library.notifier.cursor()
    await plex.get("/library/sections/1/refresh", params={"path": f"{MOVIES}/Heat (1995)"})
    clock.now += 0.5
    assert (await activities(plex))[0]["progress"] == 50
    assert titles(server) == before and server.disk.pending == (heat, ronin)
    found = load_json((await plex.get("/library/search", params={"query": "Heat"})).content)
    assert not any(m["title"] == "Heat" for m in found.get("Metadata", []))

    clock.now += 0.5
    assert await activities(plex) == []
    assert titles(server) - before == {"Heat"} and server.disk.pending == (ronin,)
    assert events_since(server, cursor) == [
        ("activity", "started"),
        ("activity", "updated"),
        ("activity", "ended"),
        ("timeline", "Heat"),
        ("timeline", "Heat"),
    ], "the new item is announced after the scan's end"
    assert [s.path for s in server.library.scans.completed] == [f"{MOVIES}/Heat (1995)"]


async def test_a_cancelled_scan_imports_nothing(
    plex: httpx.AsyncClient, server: FakePlexServer, clock: Clock
) -> None:
    file = server.disk.add_movie(f"{MOVIES}/Heat (1995)/Heat (1995).mkv", "Heat", 1995)
    before = titles(server)
    await plex.get("/library/sections/1/refresh")
    await plex.delete("/library/sections/1/refresh")
    clock.now += 5
    assert await activities(plex) == [] and server.library.scans.completed == []
    assert titles(server) == before and server.disk.pending == (file,)
    await plex.get("/library/sections/all/refresh")
    clock.now += 1
    await activities(plex)
    assert titles(server) - before == {"Heat"} and server.disk.pending == ()


async def test_the_disk_is_the_librarys(server: FakePlexServer) -> None:
    from plexkit.testing.disk import disk_of

    assert server.disk is server.library.disk is disk_of(server.library)
