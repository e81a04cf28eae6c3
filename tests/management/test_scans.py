"""Scans against the fake server: ``refresh_and_wait`` by notification and by polling,
targeted scans that import exactly the new files, path checks, timeouts, activities."""

from __future__ import annotations

from typing import Any

import anyio
import anyio.to_thread
import pytest
from mgmt_helpers import Env, collect, opened, resolve

from plexkit import ConfigurationError, NotFoundError, WaitTimeoutError
from plexkit.models import Activity, Section
from plexkit.models.management import ScanResult
from plexkit.testing.disk import disk_of

pytestmark = pytest.mark.anyio

MOVIES = "/data/media/movies"


def titles(env: Env, section: int, type_number: int) -> set[str]:
    lib = env.library
    return {str(n.data["title"]) for n in lib.items(lib.section(section), type_number)}


async def test_refresh_and_wait_follows_the_end_notification(env: Env) -> None:
    seen: list[Activity] = []
    result = await resolve(env.plex.library.refresh_and_wait(1, on_progress=seen.append))
    assert isinstance(result, ScanResult)
    assert (result.section_key, result.via) == ("1", "websocket")
    [scan] = env.library.scans.completed
    assert result.activities == (scan.activity["uuid"],)
    progress = [a.progress for a in seen]
    assert progress == sorted(progress) and progress[-1] == 100
    assert all(a.type == "library.update.section" for a in seen)
    assert env.library.activities == {}
    assert not (await resolve(env.plex.library.section(1, cache=False))).refreshing


async def test_refresh_and_wait_polls_when_the_websocket_is_unavailable(env: Env) -> None:
    fault = env.server.faults.add(path="/:/websockets/notifications", drop=True)
    seen: list[Activity] = []
    result = await resolve(
        env.plex.library.refresh_and_wait("Movies", poll_interval=0.05, on_progress=seen.append)
    )
    assert result.via == "polling" and fault.hits >= 1
    assert len(env.library.scans.completed) == 1 and env.library.activities == {}
    assert seen and all(a.context.library_section_id == 1 for a in seen)
    polls = env.server.requests.count("/activities")
    assert polls >= 1


async def test_refresh_and_wait_without_websocket_by_choice(env: Env) -> None:
    env.server.requests.clear()
    result = await resolve(
        env.plex.library.refresh_and_wait(2, use_websocket=False, poll_interval=0.05)
    )
    assert result.via == "polling"
    assert not any(r.path.startswith("/:/") for r in env.server.requests)
    assert [s.section.key for s in env.library.scans.completed] == [2]


async def test_a_targeted_scan_adds_exactly_the_new_files(env: Env) -> None:
    disk = disk_of(env.library)
    disk.add_movie(f"{MOVIES}/Heat (1995)/Heat (1995).mkv", "Heat", 1995)
    disk.add_movie(f"{MOVIES}/Ronin (1998)/Ronin (1998).mkv", "Ronin", 1998)
    disk.add_episode(
        "/data/media/tv/Dark (2017)/Season 01/Dark - S01E01 - Secrets.mkv",
        show="Dark",
        year=2017,
        season=1,
        episode=1,
        title="Secrets",
    )
    movies_before, shows_before = titles(env, 1, 1), titles(env, 2, 2)

    result = await resolve(env.plex.library.refresh_and_wait(1, path=f"{MOVIES}/Heat (1995)"))
    assert result.path == f"{MOVIES}/Heat (1995)"
    assert titles(env, 1, 1) - movies_before == {"Heat"}
    found = await resolve(env.plex.library.search("Heat", section=1))
    heat = [i for hub in found for i in hub.items if i.title == "Heat"]
    assert heat and heat[0].media[0].parts[0].file == f"{MOVIES}/Heat (1995)/Heat (1995).mkv"
    assert [r.path for r in env.server.requests.matching(path="/library/sections/1/refresh")]

    await resolve(env.plex.library.refresh_and_wait(1))
    assert titles(env, 1, 1) - movies_before == {"Heat", "Ronin"}
    assert titles(env, 2, 2) == shows_before, "the TV file waits for a scan of its section"

    await resolve(env.plex.library.refresh_and_wait(2, path="/data/media/tv/Dark (2017)"))
    assert titles(env, 2, 2) - shows_before == {"Dark"}
    [dark] = [n for n in env.library.items(env.library.section(2), 2) if n.data["title"] == "Dark"]
    episodes = await resolve(env.plex.metadata.all_leaves(dark.rating_key))
    assert [(e.parent_index, e.index, e.title) for e in episodes] == [(1, 1, "Secrets")]
    assert disk.pending == ()


async def test_a_path_outside_every_location_fails_before_any_request(env: Env) -> None:
    section = (await resolve(env.plex.library.sections()))[0]
    assert isinstance(section, Section)
    env.server.requests.clear()
    for path in ("/data/media/tv/Some Show", "/elsewhere", "relative/path", f"{MOVIES}/../tv"):
        with pytest.raises(ConfigurationError) as caught:
            await resolve(env.plex.library.refresh_and_wait(section, path=path))
    assert len(env.server.requests) == 0
    assert "/data/media/movies" in str(caught.value) or "'..'" in str(caught.value)

    with pytest.raises(ConfigurationError, match="outside every location"):
        await resolve(env.plex.library.refresh_and_wait(1, path="/data/media/music/Artist"))
    assert {r.path for r in env.server.requests} == {"/library/sections"}
    assert env.library.activities == {}


async def test_the_timeout_raises_and_the_scan_goes_on(env: Env) -> None:
    env.library.scans.duration = 10_000
    with pytest.raises(WaitTimeoutError) as caught:
        await resolve(env.plex.library.refresh_and_wait(1, timeout=0.5, poll_interval=0.05))
    assert isinstance(caught.value, TimeoutError)
    assert caught.value.activities == tuple(env.library.activities)


async def test_section_for_path(env: Env) -> None:
    found = await resolve(env.plex.library.section_for_path(f"{MOVIES}/Heat (1995)"))
    assert found is not None and found.key == "1"
    assert await resolve(env.plex.library.section_for_path("/srv/other")) is None


async def test_a_cancelled_activity_disappears(env: Env) -> None:
    env.library.scans.duration = 10_000
    await resolve(env.plex.library.refresh(1))
    [running] = await resolve(env.plex.activities.list(cache=False))
    assert running.cancellable and await resolve(env.plex.activities.get(running.uuid))
    await resolve(env.plex.activities.cancel(running.uuid))
    assert await resolve(env.plex.activities.list(cache=False)) == ()
    with pytest.raises(NotFoundError):
        await resolve(env.plex.activities.get(running.uuid))
    assert await collect(env.plex.activities.watch(running.uuid)) == []
    assert not (await resolve(env.plex.library.section(1, cache=False))).refreshing


async def test_watch_ends_when_the_activity_is_cancelled(env: Env) -> None:
    env.library.scans.duration = 10_000
    await resolve(env.plex.library.refresh(2))
    [running] = await resolve(env.plex.activities.list(cache=False))
    updates: list[Any] = []
    async with opened(env.plex.activities.watch(running, poll_interval=0.05)) as watch:
        iterator = watch.__aiter__() if hasattr(watch, "__aiter__") else iter(watch)
        first = await resolve(
            iterator.__anext__() if hasattr(iterator, "__anext__") else next(iterator)
        )
        updates.append(first)
        await resolve(env.plex.activities.cancel(running.uuid))
        updates += await collect(iterator)
    assert updates[0].uuid == running.uuid and watch.done
    with pytest.raises(NotFoundError):
        await resolve(env.plex.activities.get(running.uuid))


async def test_watch_yields_progress_until_the_end(env: Env) -> None:
    env.library.scans.duration = 0.5
    await resolve(env.plex.library.refresh(1))
    [running] = await resolve(env.plex.activities.list(cache=False))
    async with opened(env.plex.activities.watch(running.uuid, poll_interval=0.05)) as watch:
        updates = await collect(watch)
    progress = [a.progress for a in updates]
    assert len(updates) >= 2 and progress == sorted(progress)
    assert progress[-1] == 100, "the end notification carries the final state"
    assert watch.done and env.library.activities == {}
    polled = await collect(env.plex.activities.watch(running.uuid, poll_interval=0.05))
    assert polled == [], "a finished activity has nothing more to say"


async def test_plain_watch_polls(env: Env) -> None:
    env.library.scans.duration = 0.3
    await resolve(env.plex.library.refresh(1))
    [running] = await resolve(env.plex.activities.list(cache=False))
    env.server.requests.clear()
    updates = await collect(env.plex.activities.watch(running.uuid, poll_interval=0.05))
    assert updates and all(u.uuid == running.uuid for u in updates)
    assert not any(r.path.startswith("/:/") for r in env.server.requests)
    assert env.library.activities == {}


async def test_concurrent_path_scans_each_follow_their_own_activity(env: Env) -> None:
    """Two targeted scans of one section at once: each wait reports only its own activity and
    returns at its own end, while the other scan is still running (issue 9). The fake's
    clock is driven by hand so the order of the ends is certain."""
    disk = disk_of(env.library)
    heat, ronin = f"{MOVIES}/Heat (1995)", f"{MOVIES}/Ronin (1998)"
    disk.add_movie(f"{heat}/Heat (1995).mkv", "Heat", 1995)
    disk.add_movie(f"{ronin}/Ronin (1998).mkv", "Ronin", 1998)
    store = env.library.scans.store
    now = [1_000_000.0]
    store.clock = lambda: now[0]
    scans = env.library.scans
    scans.duration = 1.0
    results: dict[str, ScanResult] = {}
    running_when_heat_ended: list[str] = []

    async def scan(path: str) -> None:
        call = lambda: env.plex.library.refresh_and_wait(1, path=path, poll_interval=0.05)  # noqa: E731
        if env.mode == "sync":
            results[path] = await anyio.to_thread.run_sync(call)
        else:
            results[path] = await call()
        if path == heat:
            running_when_heat_ended.extend(s.path for s in scans.running.values())

    async def until(condition: Any) -> None:
        with anyio.fail_after(20):
            while not condition():  # noqa: ASYNC110 (the fake has no event to wait on)
                await anyio.sleep(0.01)

    async with anyio.create_task_group() as tg:
        tg.start_soon(scan, heat)
        await until(lambda: len(scans.running) == 1)
        now[0] += 0.5
        tg.start_soon(scan, ronin)
        await until(lambda: len(scans.running) == 2)
        now[0] += 0.6  # Heat's scan is over (1.1 s), Ronin's is not (0.6 s)
        await until(lambda: heat in results)
        assert ronin not in results
        now[0] += 1.0
    first, second = scans.completed
    assert (first.path, second.path) == (heat, ronin)
    assert results[heat].activities == (first.activity["uuid"],)
    assert results[ronin].activities == (second.activity["uuid"],)
    assert running_when_heat_ended == [ronin]
